"""The one document model of the portal (WAGTAILDOCS_DOCUMENT_MODEL) and its metadata."""

from django.core.files.storage import storages
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index


class PrivateStorage(LazyObject):
    """The storage documents live in: never under the public MEDIA_ROOT."""

    def _setup(self):
        self._wrapped = storages["private"]


def private_storage():
    return PrivateStorage()


class Kind(models.TextChoices):
    EVIDENCE = "bukti", _("Evidence (bukti dukung)")
    REGULATION = "regulasi", _("Regulation")
    RAD = "rad", _("RAD document")
    REPORT = "laporan", _("Report")
    DECISION = "sk", _("Decree (SK)")
    PHOTO = "foto", _("Photo documentation")
    DATA = "data", _("Data")
    OTHER = "lainnya", _("Other")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    ASSESSOR = "assessor", _("Assessor")
    INTERNAL = "internal", _("Internal")


class IngestionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    EXTRACTING = "extracting", _("Extracting text")
    OCR = "ocr", _("OCR")
    DONE = "done", _("Done")
    OCR_UNAVAILABLE = "ocr_unavailable", _("OCR unavailable")
    FAILED = "failed", _("Failed")


class ArchiveDocument(AbstractDocument):
    # Stored in the private storage, served only by the permission-checked views.
    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("file"))

    kind = models.CharField(_("document kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    indicators = models.ManyToManyField("kla.Indicator", blank=True, related_name="documents", verbose_name=_("KLA indicators"))
    years = models.JSONField(_("assessment years"), default=list, blank=True, help_text=_("For example: [2025, 2026]"))
    opd = models.ForeignKey("kla.OPD", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("responsible OPD"))
    kecamatan = models.ForeignKey("kla.Kecamatan", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("kecamatan"))
    description = models.TextField(_("description"), blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=20, default="id")
    source = models.CharField(_("sources"), max_length=255, blank=True)
    access_level = models.CharField(_("access level"), max_length=10, choices=AccessLevel.choices, default=AccessLevel.PUBLIC, db_index=True)

    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64, blank=True, db_index=True, editable=False)
    page_count = models.PositiveIntegerField(_("page count"), null=True, blank=True, editable=False)
    detected_type = models.CharField(_("detected file type"), max_length=100, blank=True, editable=False)
    ingestion_status = models.CharField(_("ingestion status"), max_length=20, choices=IngestionStatus.choices, default=IngestionStatus.PENDING, editable=False)
    ingestion_error = models.TextField(_("failure reason"), blank=True, editable=False)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    thumbnail = models.FileField(_("thumbnail"), upload_to="thumbnails", storage=private_storage, blank=True, editable=False)

    admin_form_fields = (
        "title", "file", "collection", "kind", "indicators", "years", "opd", "kecamatan", "description",
        "document_date", "language", "source", "access_level", "tags",
    )

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("source"),
        index.SearchField("extracted_text"),
        index.FilterField("kind"),
        index.FilterField("access_level"),
        index.FilterField("opd"),
        index.FilterField("kecamatan"),
        index.FilterField("document_date"),
        index.RelatedFields("indicators", [index.SearchField("name"), index.FilterField("number")]),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]
