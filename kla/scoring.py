"""Scores and predicates of the annual KLA evaluation.

A score is out of ``MAX_SCORE`` (1000) and may have decimals (e.g. 797.5). The bands are stored as
whole numbers (Pratama 500–600, Madya 601–700, ...). A band covers every score from its
``min_score`` up to, but not including, ``max_score + 1``: so 600.5 is still Pratama (it has not
reached Madya's 601), and 1000 is KLA. Below the lowest band there is no predicate.
"""

import math
from decimal import Decimal
from numbers import Real

from django.utils.translation import gettext as _

from .models import PredicateBand

MAX_SCORE = 1000


def validate_score(score):
    """Return ``score`` if it is a number between 0 and MAX_SCORE, else raise ValueError."""
    if isinstance(score, bool) or not isinstance(score, (Real, Decimal)):
        raise ValueError(_("A KLA score must be a number."))
    if isinstance(score, float) and math.isnan(score) or isinstance(score, Decimal) and score.is_nan():
        raise ValueError(_("A KLA score must be a number."))
    if score < 0 or score > MAX_SCORE:
        raise ValueError(_("A KLA score must be between 0 and %(max)s.") % {"max": MAX_SCORE})
    return score


def predicate_for(score, bands=None):
    """The PredicateBand that ``score`` earns, or None below the lowest band.
    ``bands`` (optional) is an iterable of PredicateBand, to avoid a query per call in loops."""
    validate_score(score)
    for band in PredicateBand.objects.all() if bands is None else bands:
        if band.min_score <= score < band.max_score + 1:
            return band
    return None


# --- Totals per assessment period -------------------------------------------------------------


class PeriodResult:
    """The scores of one assessment period: totals out of 1000 (self-assessment and, once the
    ministry publishes, verified), their predicates and the change against the period before."""

    def __init__(self, period, scores, bands):
        self.period = period
        self.scores = scores
        self.max_total = sum((s.max_points for s in scores), Decimal(0))
        self.self_total = sum((s.self_assessment for s in scores), Decimal(0))
        verified = [s.verified_score for s in scores if s.verified_score is not None]
        self.verified_total = sum(verified, Decimal(0)) if verified else None
        self.self_predicate = period_predicate(self.self_total, bands) if scores else None
        self.verified_predicate = period_predicate(self.verified_total, bands) if self.verified_total is not None else None
        self.previous = None

    @property
    def total(self):
        """The total that counts: the verified one once published, else the self-assessment."""
        return self.verified_total if self.verified_total is not None else self.self_total

    @property
    def predicate(self):
        return self.verified_predicate if self.verified_total is not None else self.self_predicate

    @property
    def change(self):
        return None if self.previous is None else self.total - self.previous.total

    @property
    def weights_are_complete(self):
        return self.max_total == MAX_SCORE

    def losses(self, limit=5):
        """The indicator scores that lose most points against their maximum (biggest first)."""
        def counted(score):
            return score.verified_score if self.verified_total is not None and score.verified_score is not None else score.self_assessment

        ranked = sorted(self.scores, key=lambda s: (-(s.max_points - counted(s)), s.indicator.number))
        return [{"score": s, "counted": counted(s), "lost": s.max_points - counted(s)} for s in ranked[:limit] if s.max_points > counted(s)]


def period_predicate(total, bands=None):
    """The predicate of a period total; None below the lowest band or for an impossible total
    (more than 1000, when the weights were entered wrong)."""
    try:
        return predicate_for(total, bands)
    except ValueError:
        return None


def period_results(periods):
    """PeriodResult for each of ``periods`` (oldest first), each linked to the one before; three queries."""
    from .models import IndicatorScore

    periods = sorted(periods, key=lambda p: p.year)
    bands = list(PredicateBand.objects.all())
    scores = {}
    for score in IndicatorScore.objects.filter(period__in=periods).select_related("indicator__cluster").order_by("indicator__number"):
        scores.setdefault(score.period_id, []).append(score)
    results, previous = [], None
    for period in periods:
        result = PeriodResult(period, scores.get(period.pk, []), bands)
        result.previous = previous
        results.append(result)
        previous = result if result.scores else previous
    return [r for r in results if r.scores]
