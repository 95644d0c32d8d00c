"""The RAD KLA (Rencana Aksi Daerah) as data: a plan, its actions per indicator with a target and a
budget estimate per year, the realisation the OPD report and the Sekretariat verifies, and the
KLA score per indicator and assessment period. Imported at the end of kla.models."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .models import OPD, AssessmentPeriod, Indicator

VALUE_FIELD = {"max_digits": 14, "decimal_places": 2}
MONEY_FIELD = {"max_digits": 18, "decimal_places": 2}


class RadPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "ditetapkan", _("Adopted")
        ENDED = "berakhir", _("Ended")

    name = models.CharField(_("name"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    document = models.ForeignKey(
        "documents.ArchiveDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("document"), help_text=_("The adopted RAD KLA (e.g. the Perbup with its annex)."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("RAD KLA plan")
        verbose_name_plural = _("RAD KLA plans")

    def __str__(self):
        return self.name

    @property
    def years(self):
        return list(range(self.start_year, self.end_year + 1))

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})

    @classmethod
    def current(cls):
        """The plan shown by default: the adopted one with the latest first year, else the latest."""
        return cls.objects.order_by(models.Case(models.When(status=cls.Status.ADOPTED, then=0), default=1), "-start_year").first()


class RadAction(ClusterableModel):
    """One action of the plan: a programme and activity of the regional budget (nomenclature
    "Program ...", "Kegiatan ...") with its output indicator. Key (for imports): plan, indicator,
    programme, activity and output indicator."""

    plan = models.ForeignKey(RadPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan"))
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="rad_actions", verbose_name=_("indicator"))
    programme = models.CharField(_("programme"), max_length=300, help_text=_('As in the regional budget, e.g. "Program Pemenuhan Hak Anak (PHA)".'))
    activity = models.CharField(_("activity"), max_length=300, help_text=_('As in the regional budget, e.g. "Kegiatan ...".'))
    output_indicator = models.CharField(_("output indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60)
    responsible_opd = models.ForeignKey(OPD, on_delete=models.PROTECT, related_name="rad_actions", verbose_name=_("responsible OPD"))
    supporting_opds = models.ManyToManyField(OPD, blank=True, related_name="supported_rad_actions", verbose_name=_("supporting OPD"))
    baseline = models.DecimalField(_("baseline"), null=True, blank=True, **VALUE_FIELD)

    class Meta:
        ordering = ["indicator__number", "programme", "activity", "id"]
        verbose_name = _("RAD action")
        verbose_name_plural = _("RAD actions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator", "programme", "activity", "output_indicator"], name="kla_radaction_unique_key"),
        ]

    def __str__(self):
        return f"{self.indicator.number}. {self.activity} – {self.output_indicator}"

    @property
    def key(self):
        return (self.indicator_id, self.programme, self.activity, self.output_indicator)


class RadTarget(models.Model):
    action = ParentalKey(RadAction, on_delete=models.CASCADE, related_name="targets", verbose_name=_("action"))
    year = models.PositiveSmallIntegerField(_("year"))
    target_value = models.DecimalField(_("target"), **VALUE_FIELD)
    budget_estimate = models.DecimalField(_("budget estimate (Rp)"), default=Decimal("0"), validators=[MinValueValidator(0)], **MONEY_FIELD)

    class Meta:
        ordering = ["year"]
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        constraints = [models.UniqueConstraint(fields=["action", "year"], name="kla_radtarget_unique_year")]

    def __str__(self):
        return f"{self.year}: {self.target_value}"


class RealisationStatus(models.TextChoices):
    NOT_STARTED = "belum_mulai", _("Not started")
    ONGOING = "berjalan", _("Ongoing")
    DONE = "selesai", _("Done")
    STALLED = "terkendala", _("Stalled")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for verification")
    VERIFIED = "verified", _("Verified")
    NEEDS_REVISION = "revision", _("Needs revision")


class RadRealisationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(review_state=ReviewState.VERIFIED)


class RadRealisation(models.Model):
    """What an OPD achieved for an action in a year: for the whole year (no quarter) or up to the
    end of a quarter (values are cumulative, "s.d. triwulan")."""

    action = models.ForeignKey(RadAction, on_delete=models.CASCADE, related_name="realisations", verbose_name=_("action"))
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Empty for the whole year. Values of a quarter are cumulative up to its end."),
    )
    achieved_value = models.DecimalField(_("achieved value"), **VALUE_FIELD)
    budget_realised = models.DecimalField(_("budget realised (Rp)"), default=Decimal("0"), validators=[MinValueValidator(0)], **MONEY_FIELD)
    status = models.CharField(_("status"), max_length=12, choices=RealisationStatus.choices, default=RealisationStatus.ONGOING)
    notes = models.TextField(_("notes"), blank=True)
    evidence = models.ManyToManyField("documents.ArchiveDocument", blank=True, related_name="rad_realisations", verbose_name=_("evidence documents"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("reported by"))
    review_state = models.CharField(_("verification"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT, db_index=True)
    review_note = models.TextField(_("verification note"), blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("verified by"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RadRealisationQuerySet.as_manager()

    class Meta:
        ordering = ["action_id", "year", "quarter"]
        verbose_name = _("RAD realisation")
        verbose_name_plural = _("RAD realisation")
        constraints = [
            models.UniqueConstraint(fields=["action", "year", "quarter"], condition=Q(quarter__isnull=False), name="kla_radrealisation_unique_quarter"),
            models.UniqueConstraint(fields=["action", "year"], condition=Q(quarter__isnull=True), name="kla_radrealisation_unique_year"),
        ]

    def __str__(self):
        return f"{self.action} – {self.period_label}"

    @property
    def period_label(self):
        if self.quarter:
            return _("Q%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}
        return str(self.year)

    @property
    def coverage(self):
        """How much of the year the report covers, in quarters (a whole-year report covers 4 and
        wins over a Q4 report)."""
        return self.quarter or 5

    @property
    def is_editable_by_reporter(self):
        return self.review_state in (ReviewState.DRAFT, ReviewState.NEEDS_REVISION)


def default_max_points(indicator_number):
    """Demo weights: the ministry does not publish the weights, so every indicator starts with an
    equal share of 1000 (indicators 1–16: 42 points, 17–24: 41; 16 × 42 + 8 × 41 = 1000).
    Staff edit the real weights per period."""
    return Decimal(42) if indicator_number <= 16 else Decimal(41)


class IndicatorScore(models.Model):
    period = models.ForeignKey(AssessmentPeriod, on_delete=models.CASCADE, related_name="indicator_scores", verbose_name=_("assessment period"))
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores", verbose_name=_("indicator"))
    max_points = models.DecimalField(
        _("maximum points"), max_digits=6, decimal_places=2, blank=True, validators=[MinValueValidator(0)],
        help_text=_("The weight of the indicator; the weights of all indicators add up to 1000. Empty: the demo default (an equal share)."),
    )
    self_assessment = models.DecimalField(_("self-assessment score"), max_digits=6, decimal_places=2, validators=[MinValueValidator(0)])
    verified_score = models.DecimalField(_("verified score"), max_digits=6, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)], help_text=_("Empty until the ministry publishes the result."))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-period__year", "indicator__number"]
        verbose_name = _("indicator score")
        verbose_name_plural = _("indicator scores")
        constraints = [models.UniqueConstraint(fields=["period", "indicator"], name="kla_indicatorscore_unique")]

    def __str__(self):
        return f"{self.period} – {self.indicator.number}"

    def save(self, *args, **kwargs):
        if self.max_points is None and self.indicator_id:
            self.max_points = default_max_points(self.indicator.number)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.max_points is not None:
            for field in ("self_assessment", "verified_score"):
                value = getattr(self, field)
                if value is not None and value > self.max_points:
                    errors[field] = _("A score cannot be higher than the maximum points of the indicator.")
        if errors:
            raise ValidationError(errors)
