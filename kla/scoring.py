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
