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
    EVIDENCE = "bukti", _("Bukti dukung")
    REGULATION = "regulasi", _("Regulasi")
    RAD = "rad", _("Dokumen RAD")
    REPORT = "laporan", _("Laporan")
    DECISION = "sk", _("SK / Keputusan")
    PHOTO = "foto", _("Dokumentasi foto")
    DATA = "data", _("Data")
    OTHER = "lainnya", _("Lainnya")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Publik")
    ASSESSOR = "assessor", _("Asesor")
    INTERNAL = "internal", _("Internal")


class IngestionStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu")
    EXTRACTING = "extracting", _("Mengekstrak teks")
    OCR = "ocr", _("OCR")
    DONE = "done", _("Selesai")
    OCR_UNAVAILABLE = "ocr_unavailable", _("OCR tidak tersedia")
    FAILED = "failed", _("Gagal")


class ArchiveDocument(AbstractDocument):
    # Stored in the private storage, served only by the permission-checked views.
    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("berkas"))

    kind = models.CharField(_("jenis dokumen"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    indicators = models.ManyToManyField("kla.Indicator", blank=True, related_name="documents", verbose_name=_("indikator KLA"))
    years = models.JSONField(_("tahun penilaian"), default=list, blank=True, help_text=_("Contoh: [2025, 2026]"))
    opd = models.ForeignKey("kla.OPD", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("OPD penanggung jawab"))
    kecamatan = models.ForeignKey("kla.Kecamatan", on_delete=models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("kecamatan"))
    description = models.TextField(_("deskripsi"), blank=True)
    document_date = models.DateField(_("tanggal dokumen"), null=True, blank=True)
    language = models.CharField(_("bahasa"), max_length=20, default="id")
    source = models.CharField(_("sumber"), max_length=255, blank=True)
    access_level = models.CharField(_("tingkat akses"), max_length=10, choices=AccessLevel.choices, default=AccessLevel.PUBLIC, db_index=True)

    sha256 = models.CharField(_("checksum SHA-256"), max_length=64, blank=True, db_index=True, editable=False)
    page_count = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True, editable=False)
    detected_type = models.CharField(_("tipe berkas terdeteksi"), max_length=100, blank=True, editable=False)
    ingestion_status = models.CharField(_("status pemrosesan"), max_length=20, choices=IngestionStatus.choices, default=IngestionStatus.PENDING, editable=False)
    ingestion_error = models.TextField(_("alasan gagal"), blank=True, editable=False)
    extracted_text = models.TextField(_("teks hasil ekstraksi"), blank=True, editable=False)
    thumbnail = models.FileField(_("gambar mini"), upload_to="thumbnails", storage=private_storage, blank=True, editable=False)

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
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        permissions = [("choose_document", "Can choose document")]
