"""The one search service: the public search page, the assessor search, the API and the
admin all call :func:`search`.

The query is parsed (phrases, exclusion, OR, regulation references, synonyms), every
registered source is searched with its permission-filtered queryset, and the hits, the
total and the facet counts all come from the same readable rows. Facets are disjunctive:
the counts of one facet are computed with the filters of the *other* facets, so that a
user can tick a second value of the same facet.

Engines: the database backend (SQLite FTS5 / PostgreSQL) always; OpenSearch or
Elasticsearch when ``SEARCH_BACKEND`` says so, with the database backend ("fallback") used
while the engine does not answer.
"""

import logging
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend

from . import query as query_module
from . import snippets, sources
from .sources import FACETS

logger = logging.getLogger(__name__)

MAX_PER_PAGE = 100
SORTS = ("relevance", "date")


@dataclass
class Hit:
    content_kind: str
    content_kind_label: str
    title: str
    url: str
    date: object
    document_kind: str
    indicators: list
    year: object
    snippet: str
    score: float = 0.0
    pk: int = None


@dataclass
class SearchResult:
    query: str
    hits: list
    count: int
    page: int
    per_page: int
    facets: dict
    synonyms_applied: list
    filters: dict
    sort: str
    engine: str
    fallback: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def has_filters(self):
        return any(self.filters.get(name) for name in FACETS)


class EngineUnavailable(Exception):
    pass


def clean_filters(filters):
    """{facet: [str, ...]} with unknown keys and empty values dropped; ``period`` (assessment
    period ids) becomes the years of those periods."""
    filters = filters or {}
    cleaned = {}
    for name in FACETS:
        values = filters.get(name) or []
        if isinstance(values, str):
            values = [values]
        values = sorted({str(v).strip() for v in values if str(v).strip()})
        if values:
            cleaned[name] = values
    periods = filters.get("period") or []
    if isinstance(periods, str):
        periods = [periods]
    period_ids = [int(p) for p in periods if str(p).isdigit()]
    if period_ids:
        from kla.models import AssessmentPeriod

        years = {str(y) for y in AssessmentPeriod.objects.filter(pk__in=period_ids).values_list("year", flat=True)}
        cleaned["year"] = sorted(set(cleaned.get("year", [])) | years) if years else ["-"]
        cleaned["period"] = [str(p) for p in period_ids]
    return cleaned


def _passes(values, wanted):
    return bool(values & wanted)


# --- Database engine (SQLite FTS5 / PostgreSQL) --------------------------------------------


class DatabaseEngine:
    name = "database"

    def __init__(self, backend_name="default"):
        self.backend_name = backend_name
        self.backend = get_search_backend(backend_name)

    def matches(self, model, queryset, tree):
        """The rows of ``queryset`` matching ``tree``: ({pk: score}, a queryset of their pks
        to filter with); (None, None) when everything matches."""
        if tree is None:
            return None, None
        wagtail_query = query_module.to_wagtail(tree)
        compiler = self.backend.query_compiler_class(queryset, wagtail_query)
        if connection.vendor == "sqlite" and hasattr(compiler, "build_search_query_content"):
            return self._sqlite_matches(model, queryset, compiler)
        results = compiler.search(compiler.get_config(self.backend), None, None, score_field="_score")
        scores = {pk: score or 0.0 for pk, score in results.values_list("pk", "_score")}
        return scores, queryset.filter(pk__in=results.values("pk")).values("pk")

    def _sqlite_matches(self, model, queryset, compiler):
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
        from modelsearch.query import MatchAll, Not
        from modelsearch.utils import get_descendants_content_types_pks

        normalized = normalize(compiler.query)
        negated = isinstance(normalized, Not)
        if negated:
            normalized = normalized.subquery
        if isinstance(normalized, MatchAll):
            return ({}, queryset.none()) if negated else (None, None)
        expression = compiler.build_search_query(normalized)
        table = SQLiteFTSIndexEntry._meta.db_table
        # Columns of the FTS table: autocomplete, body, title; a title match weighs more.
        found = (
            SQLiteFTSIndexEntry.objects.filter(MatchExpression(["title", "body"], expression))
            .filter(index_entry__content_type_id__in=get_descendants_content_types_pks(model))
            .annotate(score=RawSQL(f"-bm25({table}, 0.0, 1.0, 4.0)", ()))
            .values_list("index_entry__object_id", "score")
        )
        found_pks = found.values("index_entry__object_id")
        if negated:
            rest = queryset.exclude(pk__in=found_pks)
            return {pk: 0.0 for pk in rest.values_list("pk", flat=True)}, rest.values("pk")
        return {int(object_id): score for object_id, score in found}, found_pks

    def run(self, user, parsed, filters, sort, page, per_page):
        rows = []  # (score, date, kind, pk, facet values)
        for source in sources.registered():
            queryset = source.queryset(user)
            scores, restrict = self.matches(source.model(), queryset, parsed.tree)
            if scores is not None:
                if not scores:
                    continue
                queryset = queryset.filter(pk__in=restrict)
            for pk, (day, values) in source.facet_values(queryset).items():
                rows.append((scores.get(pk, 0.0) if scores else 0.0, day, source.kind, pk, values))
        return tally(rows, filters, sort, page, per_page)


def tally(rows, filters, sort, page, per_page):
    """Filter the matching rows, count the facets (disjunctively) and cut out one page.
    Returns (page rows, count, {facet: {value: count}})."""
    wanted = {name: set(values) for name, values in filters.items() if name in FACETS}
    counts = {name: {} for name in FACETS}
    kept = []
    for row in rows:
        values = row[4]
        failed = [name for name, want in wanted.items() if not _passes(values.get(name, set()), want)]
        if len(failed) > 1:
            continue
        groups = failed if failed else FACETS
        for name in groups:
            bucket = counts[name]
            for value in values.get(name, ()):
                bucket[value] = bucket.get(value, 0) + 1
        if not failed:
            kept.append(row)
    if sort == "date":
        kept.sort(key=lambda r: (r[1] is not None, r[1] or 0, r[0], r[2], r[3]), reverse=True)
    else:
        kept.sort(key=lambda r: (r[0], r[1] is not None, r[1] or 0, r[2], r[3]), reverse=True)
    start = (page - 1) * per_page
    return kept[start : start + per_page], len(kept), counts


# --- Facet labels ----------------------------------------------------------------------------


def facet_labels():
    from documents.models import Kind
    from kla.models import OPD, Cluster, Indicator

    return {
        "content_kind": {s.kind: s.label for s in sources.registered()} | {"regulation": _("Regulation")},
        "kind": dict(Kind.choices),
        "cluster": {c.code: f"{c.label}: {c.name}" for c in Cluster.objects.all()},
        "indicator": {str(i.number): str(i) for i in Indicator.objects.all()},
        "opd": {o.code: str(o) for o in OPD.objects.all()},
        "year": {},
        "regulation_type": {},  # filled when regulations (JDIH) are registered as a source
    }


FACET_TITLES = {
    "content_kind": _("Content"),
    "kind": _("Document kind"),
    "cluster": _("Cluster"),
    "indicator": _("Indicator"),
    "year": _("Year"),
    "opd": _("OPD"),
    "regulation_type": _("Regulation type"),
}


def build_facets(counts, filters):
    labels = facet_labels()
    facets = {}
    for name in FACETS:
        selected = set(filters.get(name, []))
        values = dict(counts.get(name, {}))
        for value in selected:
            values.setdefault(value, 0)
        items = [
            {"value": v, "label": str(labels[name].get(v, v)), "count": c, "selected": v in selected}
            for v, c in values.items()
        ]
        if name == "year":
            items.sort(key=lambda i: i["value"], reverse=True)
        elif name == "indicator":
            items.sort(key=lambda i: int(i["value"]) if i["value"].isdigit() else 0)
        else:
            items.sort(key=lambda i: (-i["count"], i["label"]))
        facets[name] = {"title": str(FACET_TITLES[name]), "items": items}
    return facets


# --- Engines ----------------------------------------------------------------------------------


def configured_engine():
    if settings.SEARCH_BACKEND in ("opensearch", "elasticsearch"):
        from .engines import NativeEngine

        return NativeEngine()
    return DatabaseEngine()


def build_hits(page_rows, parsed):
    by_kind = {}
    for row in page_rows:
        by_kind.setdefault(row[2], []).append(row[3])
    objects = {kind: sources.get(kind).hits(pks) for kind, pks in by_kind.items()}
    terms = parsed.positive_terms
    hits = []
    for score, _day, kind, pk, _values in page_rows:
        obj = objects[kind].get(pk)
        if obj is None:
            continue
        source = sources.get(kind)
        fields = source.hit_fields(obj)
        hits.append(Hit(
            content_kind=kind, content_kind_label=str(source.label), score=score, pk=pk,
            snippet=snippets.snippet(source.snippet_text(obj), terms), **fields,
        ))
    return hits


def search(user, query="", filters=None, sort="relevance", page=1, per_page=20, record=False):
    """Search everything ``user`` may read. ``filters``: {facet name: [values]} (see
    ``sources.FACETS``, plus ``period``: assessment period ids)."""
    from .models import QueryStat, Synonym

    filters = clean_filters(filters)
    sort = sort if sort in SORTS else "relevance"
    per_page = max(1, min(int(per_page or 20), MAX_PER_PAGE))
    page = max(1, int(page or 1))
    parsed = query_module.parse(query, Synonym.groups())
    if sort == "relevance" and parsed.tree is None:
        sort = "date"

    engine = configured_engine()
    fallback = False
    try:
        page_rows, count, counts = engine.run(user, parsed, filters, sort, page, per_page)
    except EngineUnavailable:
        logger.warning("Search engine unavailable; answering from the database backend")
        engine, fallback = DatabaseEngine("fallback"), True
        page_rows, count, counts = engine.run(user, parsed, filters, sort, page, per_page)

    result = SearchResult(
        query=query, hits=build_hits(page_rows, parsed), count=count, page=page, per_page=per_page,
        facets=build_facets(counts, filters), synonyms_applied=parsed.synonyms_applied,
        filters=filters, sort=sort, engine=engine.name, fallback=fallback,
    )
    if record and query.strip() and page == 1:
        QueryStat.record(query, count)
    return result
