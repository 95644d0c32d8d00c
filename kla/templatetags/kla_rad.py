"""Number formats of the RAD and score pages (Indonesian separators come from the locale)."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def pct(value):
    """A percentage with one decimal, or "n/a" when it is not defined (see kla.monitoring)."""
    if value is None:
        return _("n/a")
    return f"{number_format(value, 1, use_l10n=True, force_grouping=True)} %"


@register.filter
def rupiah(value):
    if value is None:
        return "–"
    return f"Rp {number_format(value, 0, use_l10n=True, force_grouping=True)}"


@register.filter
def num(value):
    """A value without needless decimals (12.00 → 12, 81.50 → 81,5); "–" when empty."""
    if value is None:
        return "–"
    value = value.normalize() if hasattr(value, "normalize") else value
    places = max(0, -value.as_tuple().exponent) if hasattr(value, "as_tuple") else None
    return number_format(value, places, use_l10n=True, force_grouping=True)
