"""Programme monitoring of the RAD KLA: THE place for the progress and budget rules.

Rules (used by the staff dashboard, the public summary, the indicator pages and the export):
- Only VERIFIED realisation counts. For an action and year the realisation that counts is the
  whole-year report if there is one, else the latest quarter reported (quarter values are
  cumulative up to the end of the quarter).
- Progress % = achieved / target × 100 (no verified realisation = 0 achieved). A target of 0 (or
  no target for the year) has no progress percentage: it is shown as "n/a" and left out of the
  averages. Progress may exceed 100 %.
- Budget % = budget realised / budget estimate × 100; a budget estimate of 0 gives "n/a" as well.
- A group (cluster, indicator, OPD) shows the mean progress of its actions, each capped at 100 %
  so one over-achieved action does not hide another one that is behind; its budget % is the sum
  realised over the sum planned.
- Late: the action has a target for the year and the verified realisation does not cover the
  quarters that have ended (a past year needs a whole-year or Q4 report). Stalled: the
  realisation that counts has the status "terkendala".
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch
from django.utils import timezone

from .models import RadAction, RadRealisation, RealisationStatus, ReviewState

HUNDRED = Decimal(100)


def percent(part, whole):
    """``part`` / ``whole`` in percent with one decimal, or None when ``whole`` is None or 0."""
    if whole is None or whole == 0:
        return None
    return (Decimal(part or 0) * HUNDRED / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def ended_quarters(year, today):
    """How many quarters of ``year`` have ended on ``today``."""
    if year < today.year:
        return 4
    if year > today.year:
        return 0
    return (today.month - 1) // 3


def counting_realisation(realisations, year):
    """The verified realisation of ``year`` that counts (see the module rules), or None."""
    candidates = [r for r in realisations if r.year == year and r.review_state == ReviewState.VERIFIED]
    return max(candidates, key=lambda r: r.coverage, default=None)


@dataclass
class ActionYear:
    action: RadAction
    year: int
    target_value: Decimal | None
    budget_planned: Decimal
    realisation: RadRealisation | None
    today: object

    @property
    def achieved(self):
        return self.realisation.achieved_value if self.realisation else Decimal(0)

    @property
    def budget_realised(self):
        return self.realisation.budget_realised if self.realisation else Decimal(0)

    @property
    def progress(self):
        return percent(self.achieved, self.target_value)

    @property
    def budget_percent(self):
        return percent(self.budget_realised, self.budget_planned)

    @property
    def stalled(self):
        return self.realisation is not None and self.realisation.status == RealisationStatus.STALLED

    @property
    def late(self):
        if self.target_value is None:
            return False
        covered = min(self.realisation.coverage, 4) if self.realisation else 0
        return covered < ended_quarters(self.year, self.today)


def action_year(action, year, today=None):
    """``action`` (with ``targets`` and ``realisations`` prefetched) in ``year``."""
    target = next((t for t in action.targets.all() if t.year == year), None)
    return ActionYear(
        action=action,
        year=year,
        target_value=target.target_value if target else None,
        budget_planned=target.budget_estimate if target else Decimal(0),
        realisation=counting_realisation(action.realisations.all(), year),
        today=today or timezone.localdate(),
    )


@dataclass
class Summary:
    label: str = ""
    obj: object = None
    rows: list = field(default_factory=list)

    @property
    def action_count(self):
        return len(self.rows)

    @property
    def progress(self):
        values = [min(row.progress, HUNDRED) for row in self.rows if row.progress is not None]
        if not values:
            return None
        return (sum(values) / len(values)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def budget_planned(self):
        return sum((row.budget_planned for row in self.rows), Decimal(0))

    @property
    def budget_realised(self):
        return sum((row.budget_realised for row in self.rows), Decimal(0))

    @property
    def budget_percent(self):
        return percent(self.budget_realised, self.budget_planned)

    @property
    def late_count(self):
        return sum(1 for row in self.rows if row.late)

    @property
    def stalled_count(self):
        return sum(1 for row in self.rows if row.stalled)


def actions_for_monitoring(plan, **filters):
    """The plan's actions with everything monitoring needs, in a fixed number of queries. Only
    verified realisation is loaded."""
    return (
        RadAction.objects.filter(plan=plan, **filters)
        .select_related("indicator__cluster", "responsible_opd")
        .prefetch_related("targets", "supporting_opds", Prefetch("realisations", queryset=RadRealisation.objects.verified()))
    )


def group(rows, key, label):
    """Summaries of ``rows`` grouped by ``key(row)`` (an object), in first-seen order."""
    summaries = {}
    for row in rows:
        obj = key(row)
        if obj.pk not in summaries:
            summaries[obj.pk] = Summary(label=label(obj), obj=obj)
        summaries[obj.pk].rows.append(row)
    return list(summaries.values())


@dataclass
class Monitoring:
    year: int
    rows: list

    @property
    def total(self):
        return Summary(rows=self.rows)

    @property
    def by_cluster(self):
        rows = sorted(self.rows, key=lambda r: (r.action.indicator.cluster.order, r.action.indicator.number))
        return group(rows, lambda r: r.action.indicator.cluster, lambda c: c.name)

    @property
    def by_indicator(self):
        rows = sorted(self.rows, key=lambda r: r.action.indicator.number)
        return group(rows, lambda r: r.action.indicator, str)

    @property
    def by_opd(self):
        rows = sorted(self.rows, key=lambda r: str(r.action.responsible_opd))
        return group(rows, lambda r: r.action.responsible_opd, str)

    @property
    def late_or_stalled(self):
        return [row for row in self.rows if row.late or row.stalled]


def monitoring(plan, year, today=None, actions=None):
    """Monitoring of ``plan`` in ``year`` (``actions``: an already loaded list, e.g. filtered)."""
    today = today or timezone.localdate()
    actions = actions_for_monitoring(plan) if actions is None else actions
    return Monitoring(year=year, rows=[action_year(action, year, today) for action in actions])


def default_year(plan, today=None):
    """The current year, kept within the plan's years."""
    year = (today or timezone.localdate()).year
    return min(max(year, plan.start_year), plan.end_year)
