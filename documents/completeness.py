"""The completeness matrix: clusters and their indicators × assessment periods.

Choices: a cell counts *verified* and *submitted* evidence (drafts and evidence that needs
revision do not count); evidence that stays valid across years counts for every later period
as long as it is not stale. Only evidence whose document the viewer may read is counted (the
one rule of documents.permissions), so an assessor never sees a count they could not open; a
Kontributor OPD sees only their own OPD's evidence. A cell with nothing verified or submitted
is "missing". Counted evidence that is stale (its regulation is no longer in force) is marked
stale in its cell, with the reason."""

from collections import defaultdict
from dataclasses import dataclass, field

from kla import roles
from kla.models import AssessmentPeriod, Cluster, Indicator

from .models import ArchiveDocument, Evidence, VerificationState
from .permissions import viewable_documents


@dataclass
class Cell:
    period: AssessmentPeriod
    verified: int = 0
    submitted: int = 0
    stale: int = 0  # counted evidence flagged stale (for example: its regulation was revoked)
    stale_reasons: list = field(default_factory=list)

    @property
    def missing(self):
        return not (self.verified or self.submitted)


@dataclass
class Row:
    indicator: Indicator
    opds: list
    cells: list

    @property
    def missing_count(self):
        return sum(cell.missing for cell in self.cells)


@dataclass
class ClusterRows:
    cluster: Cluster
    rows: list = field(default_factory=list)


@dataclass
class Matrix:
    periods: list
    clusters: list
    opd_id: int | None

    @property
    def missing_count(self):
        return sum(row.missing_count for group in self.clusters for row in group.rows)


def effective_opd_filter(user, opd_id):
    """Contributors (who are neither Sekretariat nor Asesor) only ever see their own OPD."""
    if roles.is_secretariat(user) or roles.is_assessor(user):
        return opd_id
    return roles.user_opd_id(user) or -1


def build_matrix(user, opd_id=None):
    opd_id = effective_opd_filter(user, opd_id)
    periods = list(AssessmentPeriod.objects.order_by("year"))
    documents = viewable_documents(user, ArchiveDocument.objects.all())
    if opd_id:
        documents = documents.filter(opd_id=opd_id)
    document_ids = documents.values("pk")

    counts = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # indicator -> period -> [verified, submitted]
    evidence = Evidence.objects.filter(
        document__in=document_ids, state__in=[VerificationState.VERIFIED, VerificationState.SUBMITTED]
    ).values_list("indicator_id", "period__year", "state", "valid_across_years", "is_stale", "stale_reason")
    stale_cells = defaultdict(list)  # (indicator, period) -> reasons
    for indicator_id, year, state, across_years, stale, reason in evidence:
        slot = 0 if state == VerificationState.VERIFIED else 1
        for period in periods:
            if period.year == year or (across_years and not stale and period.year > year):
                counts[indicator_id][period.pk][slot] += 1
                if stale:  # it counts only for its own period, where the matrix says it is stale
                    stale_cells[indicator_id, period.pk].append(reason)

    opds = defaultdict(set)
    through = ArchiveDocument.indicators.through.objects.filter(archivedocument__in=document_ids, archivedocument__opd__isnull=False)
    for indicator_id, short_name, name in through.values_list("indicator_id", "archivedocument__opd__short_name", "archivedocument__opd__name").distinct():
        opds[indicator_id].add(short_name or name)

    groups = {}
    for indicator in Indicator.objects.select_related("cluster").order_by("cluster__order", "number"):
        group = groups.setdefault(indicator.cluster_id, ClusterRows(indicator.cluster))
        cells = [
            Cell(period, *counts[indicator.pk][period.pk], stale=len(stale_cells[indicator.pk, period.pk]),
                 stale_reasons=sorted(set(filter(None, stale_cells[indicator.pk, period.pk]))))
            for period in periods
        ]
        group.rows.append(Row(indicator, sorted(opds[indicator.pk]), cells))
    return Matrix(periods=periods, clusters=list(groups.values()), opd_id=opd_id if opd_id and opd_id > 0 else None)
