"""The one document model of the portal (WAGTAILDOCS_DOCUMENT_MODEL) and its metadata."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index

from kla import roles
from search.fields import RegulationReferences


class PrivateStorage(LazyObject):
    """The storage documents live in: never under the public MEDIA_ROOT."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


def private_storage():
    return _private_storage


@receiver(setting_changed)
def _reset_private_storage(setting, **kwargs):
    # Like Django's default_storage: follow STORAGES when it changes (tests override it per test).
    if setting == "STORAGES":
        _private_storage._wrapped = empty


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
    access_level = models.CharField(
        _("access level"), max_length=10, choices=AccessLevel.choices, default=AccessLevel.PUBLIC, db_index=True,
        help_text=_("Evidence (bukti dukung) that is tagged with a Klaster V indicator while public becomes Assessor; set it back to Public afterwards if it really is public."),
    )

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
        index.FilterField("years"),
        index.RelatedFields("indicators", [
            index.SearchField("name"), index.FilterField("number"), index.RelatedFields("cluster", [index.FilterField("code")]),
        ]),
        RegulationReferences("title", "description", "extracted_text"),  # "Perbup No. 5/2024" as one token, on every backend
    ]

    @property
    def language_name(self):
        """The language's name in the site language ("Indonesia" for "id"); what was typed when it is not a code."""
        try:
            return get_language_info(self.language)["name_translated"]
        except KeyError:
            return self.language

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]


# --- The evidence archive ---------------------------------------------------------------------


class VerificationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VERIFIED = "verified", _("Verified")
    NEEDS_REVISION = "needs_revision", _("Needs revision")


# Only the Sekretariat Gugus Tugas (and Administrators) may give these verdicts.
SECRETARIAT_STATES = {VerificationState.VERIFIED, VerificationState.NEEDS_REVISION}


class EvidenceQuerySet(models.QuerySet):
    def counting_for(self, period):
        """Evidence that counts for ``period``: its own, plus evidence of earlier periods that
        stays valid across years (a Perda counts every year until revoked) and is not stale."""
        return self.filter(
            models.Q(period=period)
            | models.Q(valid_across_years=True, is_stale=False, period__year__lt=period.year)
        )


class Evidence(models.Model):
    """A document offered as bukti dukung for one indicator in one assessment period."""

    document = models.ForeignKey(ArchiveDocument, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("document"))
    indicator = models.ForeignKey("kla.Indicator", on_delete=models.PROTECT, related_name="evidence", verbose_name=_("indicator"))
    period = models.ForeignKey("kla.AssessmentPeriod", on_delete=models.PROTECT, related_name="evidence", verbose_name=_("assessment period"))
    state = models.CharField(_("verification state"), max_length=20, choices=VerificationState.choices, default=VerificationState.DRAFT, db_index=True)
    note = models.TextField(_("verification note"), blank=True, help_text=_("Required when the evidence needs revision."))
    valid_across_years = models.BooleanField(
        _("valid across years"), default=False,
        help_text=_("Counts for every later assessment period too, until revoked (for example a Perda)."),
    )
    is_stale = models.BooleanField(_("stale"), default=False, help_text=_("For example: the regulation was revoked."))
    stale_reason = models.CharField(_("why it is stale"), max_length=255, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("verified by"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__number", "-period__year", "document__title"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [models.UniqueConstraint(fields=["document", "indicator", "period"], name="evidence_unique_per_indicator_period")]

    def __str__(self):
        return f"{self.indicator.number} · {self.period.year} · {self.document.title}"

    @staticmethod
    def user_may_set_state(user, state):
        """THE rule: only the Sekretariat gives the verdicts verified / needs revision."""
        return state not in SECRETARIAT_STATES or roles.is_secretariat(user)

    def set_state(self, user, state, note=None):
        """Change the verification state on behalf of ``user`` (not saved)."""
        if not self.user_may_set_state(user, state):
            raise PermissionDenied(_("Only the Sekretariat Gugus Tugas can verify evidence or ask for a revision."))
        if note is not None:
            self.note = note
        if state == self.state:
            return
        self.state = state
        now = timezone.now()
        if state == VerificationState.SUBMITTED:
            self.submitted_by, self.submitted_at = user, now
        elif state in SECRETARIAT_STATES:
            self.verified_by, self.verified_at = user, now

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Evidence for an indicator tags its document with that indicator (which also applies
        # the Klaster V default in signal_handlers.py).
        self.document.indicators.add(self.indicator_id)


# --- Access log -------------------------------------------------------------------------------


class AccessPath(models.TextChoices):
    DETAIL = "detail", _("Detail page")
    DOWNLOAD = "download", _("Download")
    THUMBNAIL = "thumbnail", _("Thumbnail")
    EXPORT = "export", _("Export bundle")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")


class AccessLog(models.Model):
    """One view or download of a non-public document (written by ``documents.access.log_access``)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("user"))
    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    document = models.ForeignKey(ArchiveDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="access_log", verbose_name=_("document"))
    document_title = models.CharField(_("document title"), max_length=255, blank=True)
    access_level = models.CharField(_("access level"), max_length=10, choices=AccessLevel.choices)
    path = models.CharField(_("path"), max_length=10, choices=AccessPath.choices, db_index=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-when"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M} {self.user or '-'} {self.get_path_display()} {self.document_title}"


# --- Export bundles ---------------------------------------------------------------------------


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Building")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ExportBundle(models.Model):
    """A ZIP of the evidence files of an indicator or a cluster for a period, with an index."""

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_bundles", verbose_name=_("requested by"))
    indicator = models.ForeignKey("kla.Indicator", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("indicator"))
    cluster = models.ForeignKey("kla.Cluster", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("cluster"))
    period = models.ForeignKey("kla.AssessmentPeriod", on_delete=models.CASCADE, related_name="+", verbose_name=_("assessment period"))
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    error = models.TextField(_("failure reason"), blank=True)
    file = models.FileField(_("file"), upload_to="exports", storage=private_storage, blank=True)
    documents = models.ManyToManyField(ArchiveDocument, blank=True, related_name="+", verbose_name=_("documents"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("export bundle")
        verbose_name_plural = _("export bundles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indicator__isnull=False, cluster__isnull=True) | models.Q(indicator__isnull=True, cluster__isnull=False),
                name="export_bundle_one_scope",
            )
        ]

    def __str__(self):
        return f"{self.scope_label} · {self.period}"

    @property
    def scope_label(self):
        return str(self.indicator) if self.indicator_id else self.cluster.label

    @property
    def filename(self):
        scope = f"indikator-{self.indicator.number}" if self.indicator_id else f"klaster-{self.cluster.code}"
        return f"bukti-{scope}-{self.period.year}.zip"

    def scope_indicators(self):
        from kla.models import Indicator

        if self.indicator_id:
            return Indicator.objects.filter(pk=self.indicator_id)
        return Indicator.objects.filter(cluster_id=self.cluster_id)


# --- Regulations (JDIH): defined in documents/regulations/models.py -------------------------

from .regulations.models import *  # noqa: E402,F401,F403
