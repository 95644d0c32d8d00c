"""The KLA framework as data: clusters, the 24 indicators, predicate bands, kecamatan and OPD."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import StringListField


class Cluster(models.Model):
    """Penguatan Kelembagaan (code ``KL``) or one of the five clusters (``I`` .. ``V``)."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sources = StringListField(_("sources"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self):
        return self.name

    @property
    def label(self):
        return _("Institutional strengthening") if self.code == "KL" else _("Cluster %(code)s") % {"code": self.code}

    def get_absolute_url(self):
        return reverse("kla:cluster", args=[self.slug])


class Indicator(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("cluster"))
    name = models.CharField(_("name"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("What the indicator means, written for the public."))
    evidence_examples = StringListField(_("evidence examples"))
    name_variants = StringListField(_("name variants"))
    measures = StringListField(_("measures (2018 instrument)"))
    sources = StringListField(_("sources"))
    evidence_sources = StringListField(_("sources of the evidence examples"))
    notes = StringListField(_("verification notes"), help_text=_("What the public sources could not confirm. One note per line."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.number}. {self.name}"

    def get_absolute_url(self):
        return reverse("kla:indicator", args=[self.number, self.slug])


class PredicateBand(models.Model):
    name = models.CharField(_("predicate"), max_length=40, unique=True)
    min_score = models.PositiveSmallIntegerField(_("minimum score"))
    max_score = models.PositiveSmallIntegerField(_("maximum score"))
    sources = StringListField(_("sources"))

    class Meta:
        ordering = ["min_score"]
        verbose_name = _("predicate")
        verbose_name_plural = _("predicates")

    def __str__(self):
        return f"{self.name} ({self.min_score}–{self.max_score})"


class Kecamatan(models.Model):
    code = models.CharField(_("Kemendagri code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=100)
    capital = models.CharField(_("capital"), max_length=100, blank=True)
    desa_count = models.PositiveSmallIntegerField(_("number of villages (desa)"), null=True, blank=True)
    kelurahan_count = models.PositiveSmallIntegerField(_("number of kelurahan"), null=True, blank=True)
    aliases = StringListField(_("other spellings"))
    notes = StringListField(_("verification notes"))
    sources = StringListField(_("sources"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def __str__(self):
        return self.name


class OPD(models.Model):
    """A perangkat daerah (regional agency) of the regency, or a vertical or partner body that
    takes part in the Gugus Tugas KLA (``kind`` tells them apart)."""

    class Kind(models.TextChoices):
        REGENCY = "opd", _("Regency agency (perangkat daerah)")
        VERTICAL = "vertikal", _("Vertical agency (central government office)")
        PARTNER = "mitra", _("Partner body")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("abbreviation"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGENCY, db_index=True)
    notes = StringListField(_("notes"))
    sources = StringListField(_("sources"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("regional agency (OPD)")
        verbose_name_plural = _("regional agencies (OPD)")

    def __str__(self):
        return self.short_name or self.name


class UserProfile(models.Model):
    """Which OPD a staff user works for (Kontributor OPD belong to exactly one)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sibulan_profile")
    opd = models.ForeignKey(OPD, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("OPD"))

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self):
        return f"{self.user} – {self.opd or '-'}"


class AssessmentPeriodQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class AssessmentPeriod(models.Model):
    """An annual KLA evaluation, e.g. "Evaluasi KLA 2026". Assessors read restricted evidence
    only while a period is open (between ``opens_on`` and ``closes_on``)."""

    name = models.CharField(_("name"), max_length=120)
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    scores_published = models.BooleanField(
        _("result published"), default=False,
        help_text=_("The ministry has published the result: the scores of this period become public."),
    )
    scores_published_on = models.DateField(_("result published on"), null=True, blank=True)

    objects = AssessmentPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("assessment period")
        verbose_name_plural = _("assessment periods")

    def __str__(self):
        return self.name

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date cannot be before the opening date.")})


from .rad_models import (  # noqa: E402,F401  (the RAD KLA and the scores, kept in their own module)
    IndicatorScore, RadAction, RadPlan, RadRealisation, RadTarget, RealisationStatus, ReviewState,
)
