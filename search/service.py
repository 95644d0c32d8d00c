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

import datetime
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
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
    truncated: bool = False  # only the first max_terms words and phrases were searched
    max_terms = query_module.MAX_TERMS

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


# --- Database engine (SQLite FTS5 / PostgreSQL) --------------------------------------------
#
# Everything happens in SQL: the permission-filtered queryset of each source is narrowed to
# the rows that match (a subquery on the full-text index), the count and every facet are
# aggregates over it, and only one page of hits is fetched with its score (LIMIT in SQL).


class DatabaseEngine:
    name = "database"

    def __init__(self, backend_name="default"):
        self.backend_name = backend_name
        self.backend = get_search_backend(backend_name)

    def matcher(self, model, tree, shared):
        if tree is None:
            return None
        compiler = self.backend.query_compiler_class(model.objects.all(), query_module.to_wagtail(tree))
        if connection.vendor == "sqlite" and hasattr(compiler, "build_search_query_content"):
            from .match_sqlite import SQLiteMatcher

            return SQLiteMatcher(model, compiler, shared)
        from .match_postgres import PostgresMatcher

        return PostgresMatcher(model, compiler, self.backend, shared)

    def run(self, user, parsed, filters, sort, page, per_page):
        """(page rows [(score, date, kind, pk)], count, {facet: {value: count}})."""
        wanted = page * per_page
        rows, count, counts, shared = [], 0, {name: {} for name in FACETS}, {}
        for source in sources.registered():
            matcher = self.matcher(source.model(), parsed.tree, shared)
            readable = source.queryset(user)
            narrowed = FacetFilters(source, filters)
            matched = matcher.restrict(readable) if matcher else readable
            full = narrowed.apply(matched)
            source_count, found = _count(source, narrowed, matched, full)
            for name, values in found.items():
                for value, n in values.items():
                    counts[name][value] = counts[name].get(value, 0) + n
            count += source_count
            if source_count:
                if sort == "relevance" and matcher:
                    rows.extend(matcher.top(full, source.kind, wanted))
                else:
                    rows.extend(source.top_by_date(full, wanted))
        if sort == "date":
            rows.sort(key=lambda r: (r[1] is not None, r[1] or datetime.date.min, r[0], r[2], r[3]), reverse=True)
        else:
            rows.sort(key=lambda r: (r[0], r[1] is not None, r[1] or datetime.date.min, r[2], r[3]), reverse=True)
        start = (page - 1) * per_page
        return rows[start : start + per_page], count, counts


def _count(source, narrowed, matched, full):
    """(rows of ``full``, {facet: {value: rows}}) for one source. Facets are disjunctive: a
    facet's counts come from the rows passing the filters of the *other* facets. The source's
    grouped facets (and content kind) come from one grouped query over the rows passing the
    other filters, filtered per group here; each other facet is counted in SQL (together when
    unfiltered)."""
    grouped = source.grouped_facets
    found, total = {}, 0
    base = narrowed.apply(matched, skip={"content_kind", *grouped})
    if base is not None:
        wanted = {name: set(values) for name, values in narrowed.filters.items() if name in grouped}
        found = {name: {} for name in grouped}
        passing = 0
        for values, n in source.groups(base):
            failing = [name for name, chosen in wanted.items() if not values[name] & chosen]
            if not failing:
                passing += n
            for name in grouped if not failing else failing if len(failing) == 1 else ():
                for value in values[name]:
                    found[name][value] = found[name].get(value, 0) + n
        found["content_kind"] = {source.kind: passing} if passing else {}
        total = passing if full is not None else 0
    others = [name for name in source.facets if name != "content_kind" and name not in grouped]
    together = [name for name in others if name not in narrowed.filters]
    if total and together:
        found.update(source.count_facets(full, together))
    for name in others:
        if name in narrowed.filters:
            queryset = narrowed.apply(matched, skip={name})
            if queryset is not None:
                found.update(source.count_facets(queryset, [name]))
    return total, found


class FacetFilters:
    """The facet filters of one search for one source, applied in SQL. ``apply`` returns None
    when the source cannot have rows passing them (e.g. pages and a document-kind filter)."""

    def __init__(self, source, filters):
        self.source = source
        self.filters = {name: values for name, values in filters.items() if name in FACETS}

    def apply(self, queryset, skip=()):
        for name, values in self.filters.items():
            if name in skip:
                continue
            if name == "content_kind":
                if self.source.kind not in values:
                    return None
            elif name not in self.source.facets:
                return None
            else:
                queryset = self.source.filter(queryset, name, values)
        return queryset


# --- Facet labels ----------------------------------------------------------------------------


def facet_labels():
    from documents.models import Kind
    from documents.regulations.models import RegulationType
    from kla.models import OPD, Cluster, Indicator

    return {
        "content_kind": {s.kind: s.label for s in sources.registered()},
        "kind": dict(Kind.choices),
        "cluster": dict(Cluster.objects.values_list("code", "name")),
        "indicator": {str(i.number): str(i) for i in Indicator.objects.only("number", "name")},
        "opd": {o.code: str(o) for o in OPD.objects.only("code", "short_name", "name")},
        "year": {},
        "regulation_type": dict(RegulationType.choices),
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


def build_hits(page_rows, parsed, engine):
    by_kind = {}
    for row in page_rows:
        by_kind.setdefault(row[2], []).append(row[3])
    objects = {kind: sources.get(kind).hits(pks) for kind, pks in by_kind.items()}
    terms = parsed.positive_terms
    hits = []
    for score, _day, kind, pk in page_rows:
        obj = objects[kind].get(pk)
        if obj is None:
            continue
        source = sources.get(kind)
        fields = source.hit_fields(obj)
        hits.append(Hit(
            content_kind=kind, content_kind_label=str(source.label), score=score, pk=pk,
            snippet=_snippet(engine, source, obj, terms), **fields,
        ))
    return hits


def _snippet(engine, source, obj, terms):
    native = getattr(engine, "snippet", None)
    return (native and native(source.kind, obj.pk)) or snippets.snippet(source.snippet_text(obj), terms)


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
    except EngineUnavailable as exc:
        logger.warning("Search engine unavailable (%s); answering from the database backend", exc)
        engine, fallback = DatabaseEngine("fallback"), True
        page_rows, count, counts = engine.run(user, parsed, filters, sort, page, per_page)

    result = SearchResult(
        query=query, hits=build_hits(page_rows, parsed, engine), count=count, page=page, per_page=per_page,
        facets=build_facets(counts, filters), synonyms_applied=parsed.synonyms_applied,
        filters=filters, sort=sort, engine=engine.name, fallback=fallback, truncated=parsed.truncated,
    )
    if record and query.strip() and page == 1:
        QueryStat.record(query, count)
    return result
