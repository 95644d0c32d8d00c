"""The regulation record with the JDIH metadata (Permenkumham 8/2019) and its relations.

A regulation is a Wagtail snippet with draft state and revisions: the Sekretariat publishes,
a Kontributor OPD only drafts. "Published" (``live``) regulations are the ones the public
library and the JDIHN feed show.

The revocation rule (``Regulation.save``): a regulation that a *published* regulation revokes
(a "mencabut" relation) is tidak berlaku. When the last such revocation goes away (the revoking
regulation is unpublished or deleted, or the relation removed) the status returns to berlaku,
but only when it was the rule that set it (``revoked_automatically``); a status set by hand
stays."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index

from search.fields import RegulationReferences

__all__ = [
    "DocumentType", "Regulation", "RegulationRelation", "RegulationStatus", "RegulationType", "RelationKind",
]

REGENCY_ENTRY = "Barito Utara (Kabupaten)"
REGENT_ENTRY = "Barito Utara. Bupati"


class RegulationType(models.TextChoices):
    """Jenis peraturan: the value is the singkatan jenis, the label the full name (proper legal
    names, kept in Indonesian)."""

    PERDA = "PERDA", "Peraturan Daerah"
    PERBUP = "PERBUP", "Peraturan Bupati"
    KEPBUP = "KEPBUP", "Keputusan Bupati"
    INBUP = "INBUP", "Instruksi Bupati"
    SE = "SE", "Surat Edaran Bupati"
    PERGUB = "PERGUB", "Peraturan Gubernur"
    PERMEN = "PERMEN", "Peraturan Menteri"
    KEPMEN = "KEPMEN", "Keputusan Menteri"
    PERPRES = "PERPRES", "Peraturan Presiden"
    PP = "PP", "Peraturan Pemerintah"
    UU = "UU", "Undang-Undang"


# T.E.U. badan (tajuk entri utama) of the regency's own regulation types.
DEFAULT_MAIN_ENTRY = {
    RegulationType.PERDA: REGENCY_ENTRY,
    RegulationType.PERBUP: REGENT_ENTRY,
    RegulationType.KEPBUP: REGENT_ENTRY,
    RegulationType.INBUP: REGENT_ENTRY,
    RegulationType.SE: REGENT_ENTRY,
}


class DocumentType(models.TextChoices):
    REGULATION = "Peraturan", _("Regulation")
    MONOGRAPH = "Monografi", _("Monograph")
    ARTICLE = "Artikel", _("Article")
    COURT_DECISION = "Putusan", _("Court decision")


class RegulationStatus(models.TextChoices):
    IN_FORCE = "berlaku", _("In force (berlaku)")
    NOT_IN_FORCE = "tidak_berlaku", _("Not in force (tidak berlaku)")


class RegulationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Regulation(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices, default=DocumentType.REGULATION)
    title = models.CharField(_("title"), max_length=500, help_text=_("The full title, for example: Peraturan Bupati Barito Utara Nomor 5 Tahun 2024 tentang ..."))
    type = models.CharField(_("regulation type (jenis)"), max_length=10, choices=RegulationType.choices, default=RegulationType.PERBUP, db_index=True)
    number = models.CharField(_("number"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    main_entry = models.CharField(
        _("main entry (T.E.U. badan)"), max_length=255, blank=True,
        help_text=_("For example: Barito Utara (Kabupaten) for a Perda, Barito Utara. Bupati for a Perbup. Left empty, it follows the regulation type."),
    )
    place_enacted = models.CharField(_("place of enactment"), max_length=100, default="Muara Teweh")
    enacted_on = models.DateField(_("date of enactment (penetapan)"), null=True, blank=True)
    promulgated_on = models.DateField(_("date of promulgation (pengundangan)"), null=True, blank=True)
    source = models.CharField(_("source (sumber)"), max_length=255, blank=True, help_text=_("For example: Lembaran Daerah Kabupaten Barito Utara Tahun 2024 Nomor 5"))
    subject = models.CharField(_("subject"), max_length=255, blank=True, db_index=True, help_text=_("The main issue regulated, in capitals, for example: PERLINDUNGAN ANAK"))
    legal_field = models.CharField(_("field of law (bidang hukum)"), max_length=100, blank=True, help_text=_("For example: Hukum Administrasi Negara"))
    language = models.CharField(_("language"), max_length=40, default="Indonesia")
    location = models.CharField(_("location"), max_length=255, default="Bagian Hukum Sekretariat Daerah Kabupaten Barito Utara", blank=True, help_text=_("Where the signed original is kept."))
    signatory = models.CharField(_("signatory"), max_length=255, blank=True, help_text=_("The name without titles."))
    initiator_opd = models.ForeignKey("kla.OPD", on_delete=models.SET_NULL, null=True, blank=True, related_name="regulations", verbose_name=_("initiating OPD (pemrakarsa)"))
    initiator = models.CharField(_("initiator (other)"), max_length=255, blank=True, help_text=_("When the initiator is not an OPD of the list."))
    abstract = models.TextField(_("abstract"), blank=True)
    file = models.ForeignKey("documents.ArchiveDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="regulations", verbose_name=_("file"))
    abstract_file = models.ForeignKey("documents.ArchiveDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="regulation_abstracts", verbose_name=_("abstract file"))
    status = models.CharField(_("status"), max_length=20, choices=RegulationStatus.choices, default=RegulationStatus.IN_FORCE, db_index=True)
    revoked_automatically = models.BooleanField(default=False, editable=False)
    indicators = ParentalManyToManyField("kla.Indicator", blank=True, related_name="regulations", verbose_name=_("KLA indicators"))
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RegulationQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("abstract"),
        index.SearchField("subject"),
        index.SearchField("number"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("type"),
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("enacted_on"),
        index.RelatedFields("indicators", [
            index.SearchField("name"), index.FilterField("number"), index.RelatedFields("cluster", [index.FilterField("code")]),
        ]),
        RegulationReferences("reference", "title"),  # "perbup 5/2024" finds the Perbup Nomor 5 Tahun 2024 (search.fields)
    ]

    class Meta:
        ordering = ["-year", "-enacted_on", "-pk"]
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    def __str__(self):
        return self.title

    # --- Derived values -----------------------------------------------------------------

    @property
    def type_name(self):
        return self.get_type_display()

    @property
    def reference(self):
        """The short citation, for example "Perbup Nomor 5 Tahun 2024"."""
        kind = self.type.capitalize() if len(self.type) > 3 else self.type
        if self.number.endswith(f"/{self.year}"):  # "188.45/215/2025" already says the year
            return f"{kind} Nomor {self.number}"
        return f"{kind} Nomor {self.number} Tahun {self.year}"

    @property
    def effective_main_entry(self):
        return self.main_entry or DEFAULT_MAIN_ENTRY.get(self.type, "")

    @property
    def initiator_name(self):
        return self.initiator_opd.name if self.initiator_opd_id else self.initiator

    @property
    def in_force(self):
        return self.status == RegulationStatus.IN_FORCE

    def get_absolute_url(self):
        return reverse("documents:regulation_detail", args=[self.pk])

    # --- Relations both ways ------------------------------------------------------------

    def revoking_regulations(self):
        """The published regulations that revoke this one."""
        return Regulation.objects.published().filter(
            relations__target=self, relations__kind=RelationKind.REVOKES
        ).exclude(pk=self.pk).distinct()

    def amending_regulations(self):
        return Regulation.objects.published().filter(
            relations__target=self, relations__kind=RelationKind.AMENDS
        ).exclude(pk=self.pk).distinct()

    def relation_rows(self, published_only=True):
        """Every relation of this regulation as (label, other regulation), outgoing first
        ("mencabut", "mengubah"), then incoming ("dicabut oleh", "diubah oleh")."""
        rows = []
        for relation in self.relations.select_related("target").order_by("sort_order"):
            if not published_only or relation.target.live:
                rows.append((relation.get_kind_display(), relation.target))
        incoming = RegulationRelation.objects.filter(target=self).select_related("regulation")
        if published_only:
            incoming = incoming.filter(regulation__live=True)
        for relation in incoming.order_by("regulation__year", "regulation__pk"):
            rows.append((relation.inverse_label, relation.regulation))
        return rows

    # --- The revocation rule --------------------------------------------------------------

    def apply_revocation_rule(self):
        """Set the status from the revocations (see the module docstring); not saved."""
        if self.pk is None:
            return
        if self.revoking_regulations().exists():
            if self.status != RegulationStatus.NOT_IN_FORCE:
                self.status, self.revoked_automatically = RegulationStatus.NOT_IN_FORCE, True
        elif self.revoked_automatically:
            self.status, self.revoked_automatically = RegulationStatus.IN_FORCE, False

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "status" in update_fields:
            self.apply_revocation_rule()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "revoked_automatically"}
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Publishing a revision keeps what belongs to the record, not to a revision."""
        obj = super().with_content_json(content)
        obj.download_count = self.download_count
        obj.revoked_automatically = self.revoked_automatically
        return obj


class RelationKind(models.TextChoices):
    REVOKES = "mencabut", _("revokes (mencabut)")
    AMENDS = "mengubah", _("amends (mengubah)")


INVERSE_LABELS = {
    RelationKind.REVOKES: _("revoked by (dicabut oleh)"),
    RelationKind.AMENDS: _("amended by (diubah oleh)"),
}


class RegulationRelation(Orderable):
    """A directed relation: ``regulation`` (the newer one) revokes or amends ``target``."""

    regulation = ParentalKey(Regulation, on_delete=models.CASCADE, related_name="relations", verbose_name=_("regulation"))
    kind = models.CharField(_("relation"), max_length=10, choices=RelationKind.choices, default=RelationKind.REVOKES)
    target = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="incoming_relations", verbose_name=_("related regulation"))

    class Meta(Orderable.Meta):
        verbose_name = _("related regulation")
        verbose_name_plural = _("related regulations")

    def __str__(self):
        return f"{self.regulation} {self.get_kind_display()} {self.target}"

    @property
    def inverse_label(self):
        return INVERSE_LABELS[self.kind]

    def clean(self):
        if self.target_id and self.regulation_id and self.target_id == self.regulation_id:
            raise ValidationError({"target": _("A regulation cannot revoke or amend itself.")})
