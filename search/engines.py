"""OpenSearch / Elasticsearch for the search service, and the engine's health.

One engine-native query per source, built with ``elasticsearch.dsl``, all of them sent in one
``_msearch`` request with the backend's own client (opensearch-py for OpenSearch,
elasticsearch for Elasticsearch):
the text query and the permission filter come from Wagtail's query compiler for the
permission-filtered queryset (so the one permission rule, documents.permissions, is a bool
filter inside the engine query), facet filters are a ``post_filter``, facet counts are
aggregations (each with the filters of the other facets: disjunctive facets, as on the
database backend), snippets are the engine's highlighting (the fast vector highlighter on the
long text fields, which keep term vectors: search/backends/mapping.py; the unified one on the
short fields). When the engine does not answer,
EngineUnavailable makes the service answer from the database "fallback" backend.
"""

import datetime
import time

from django.conf import settings
from elasticsearch.dsl import A, Q, Search

from . import query as query_module
from . import sources
from .service import EngineUnavailable
from .sources import FACETS

_health = {"checked": 0.0, "up": True}

# facet -> (engine field, nested paths from the outside in)
ENGINE_FACETS = {
    "document": {
        "kind": ("kind_filter", ()),
        "opd": ("opd_id_filter", ()),
        "year": ("years_filter", ()),
        "indicator": ("indicators.number_filter", ("indicators",)),
        "cluster": ("indicators.cluster.code_filter", ("indicators", "indicators.cluster")),
    },
    "regulation": {
        "regulation_type": ("type_filter", ()),
        "year": ("year_filter", ()),
        "indicator": ("indicators.number_filter", ("indicators",)),
        "cluster": ("indicators.cluster.code_filter", ("indicators", "indicators.cluster")),
    },
}
DATE_FIELDS = {"document": "document_date_filter", "page": "first_published_at_filter", "regulation": "enacted_on_filter"}
SNIPPET_FIELDS = {  # search field names, in order of preference (a page model's field is "<app>_<model>__<name>" in the index)
    "document": ["description", "extracted_text", "source"], "page": ["intro", "body", "hero_text"],
    "regulation": ["abstract", "subject", "title"],  # never the file's text: it is not indexed with the regulation
}
FACET_SIZE = 200
SNIPPET_OPTIONS = {"fragment_size": 220, "number_of_fragments": 1, "no_match_size": 0}
MAPPING_TTL = 60  # seconds an index's text fields are remembered (a rebuild may add term vectors)
_mappings = {}  # index name -> (when read, {text field: has term vectors with offsets})


def _engine_values(name, values):
    if name == "opd":
        from kla.models import OPD

        return list(OPD.objects.filter(code__in=values).values_list("pk", flat=True)) or [-1]
    if name == "indicator":
        return [int(v) for v in values if v.isdigit()] or [-1]
    return list(values)


def _facet_filter(field, paths, values):
    clause = Q("terms", **{field: values})
    for path in reversed(paths):
        clause = Q("nested", path=path, query=clause)
    return clause


def _facet_agg(field, paths):
    """(aggregation, function reading {value: document count} from its result)."""
    terms = A("terms", field=field, size=FACET_SIZE)
    if paths:
        terms.bucket("docs", "reverse_nested")
    agg = terms
    for path in reversed(paths):
        agg = A("nested", path=path, aggs={"inner": agg})

    def read(result):
        for _path in paths:
            result = result["inner"]
        return {b["key"]: (b["docs"]["doc_count"] if paths else b["doc_count"]) for b in result["buckets"]}

    return agg, read


def _day(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class NativeEngine:
    @property
    def name(self):
        return settings.SEARCH_BACKEND

    def __init__(self, backend_name="default"):
        from wagtail.search.backends import get_search_backend

        self.backend = get_search_backend(backend_name)
        self.highlights = {}

    def _text_fields(self, index):
        """{text field of the index: whether it keeps term vectors with offsets}, from its
        mapping (read once a minute), so that an index built before term vectors were added
        still gets snippets (from the unified highlighter). {} when it cannot be read."""
        cached = _mappings.get(index)
        if cached and time.monotonic() - cached[0] < MAPPING_TTL:
            return cached[1]
        try:
            response = _plain(self.backend.es.indices.get_mapping(index=index))
        except Exception as exc:
            if _is_connection_error(exc):
                mark_down()
                raise EngineUnavailable(str(exc)) from exc
            return {}  # not created yet, or an endpoint without this API
        fields = {}
        for concrete in response.values():
            for name, spec in concrete.get("mappings", {}).get("properties", {}).items():
                if spec.get("type") == "text":
                    fields[name] = fields.get(name, True) and "offsets" in spec.get("term_vector", "")
        _mappings[index] = (time.monotonic(), fields)
        return fields

    def _snippet_fields(self, kind, index):
        """[(engine field, highlighter options)] to cut a snippet from, in order of preference."""
        fields = self._text_fields(index)
        if not fields:
            return [(name, {}) for name in SNIPPET_FIELDS[kind]]
        return [
            (column, {"type": "fvh"} if vectors else {})
            for name in SNIPPET_FIELDS[kind]
            for column, vectors in fields.items()
            if column == name or column.endswith(f"__{name}")
        ]

    def _body(self, source, queryset, tree, filters, sort, size, snippet_fields=()):
        """The engine query for one source: (body, {facet: reader}, shown) or None when no
        row of this source can pass the filters."""
        facets = ENGINE_FACETS.get(source.kind, {})
        active = {n: v for n, v in filters.items() if n in FACETS and n != "content_kind"}
        if any(n not in facets for n in active):
            return None
        compiler = self.backend.query_compiler_class(queryset, _match_all())
        clauses = {n: _facet_filter(facets[n][0], facets[n][1], _engine_values(n, v)) for n, v in active.items()}
        # The permission rule: the queryset's filters (documents.permissions), as engine filters.
        permitted = [Q(f) for f in compiler.get_filters()]
        search = Search().query(Q("bool", must=[to_dsl(tree) if tree else Q("match_all")], filter=permitted))
        shown = "content_kind" not in filters or source.kind in filters["content_kind"]
        search = search.extra(track_total_hits=True, size=size if shown else 0)
        if clauses:
            search = search.post_filter(Q("bool", filter=list(clauses.values())))
        readers = {}
        search.aggs.bucket("content_kind", A("filter", Q("bool", filter=list(clauses.values()))))
        readers["content_kind"] = lambda result: {source.kind: result["doc_count"]} if result["doc_count"] else {}
        if shown:
            for name, (field, paths) in facets.items():
                agg, read = _facet_agg(field, paths)
                others = [c for n, c in clauses.items() if n != name]
                search.aggs.bucket(name, A("filter", Q("bool", filter=others), aggs={"values": agg}))
                readers[name] = (lambda read: lambda result: read(result["values"]))(read)
            if sort == "date" or tree is None:
                search = search.sort({DATE_FIELDS[source.kind]: {"order": "desc", "missing": "_last"}}, {"pk": "desc"})
            if tree is not None:  # browsing without words marks nothing
                for field, options in snippet_fields:
                    search = search.highlight(field, **SNIPPET_OPTIONS, **options)
                search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", require_field_match=False)
            search = search.source([DATE_FIELDS[source.kind], "pk"])
        return search.to_dict(), readers, shown

    def _msearch(self, searches):
        """Sends [(index, body)] in one ``_msearch`` request: [response, or None for an index
        that does not exist yet]."""
        lines = [line for index, body in searches for line in ({"index": index}, body)]
        try:
            if type(self.backend.es).__module__.startswith("elasticsearch"):
                response = self.backend.es.msearch(searches=lines)
            else:
                response = self.backend.es.msearch(body=lines)
        except Exception as exc:  # connection refused, timeout, 5xx
            if _is_connection_error(exc):
                mark_down()
                raise EngineUnavailable(str(exc)) from exc
            raise
        answers = []
        for answer in _plain(response)["responses"]:
            error = answer.get("error")
            if error is None:
                answers.append(answer)
                continue
            status = answer.get("status") or 500
            kind = error.get("type", "") if isinstance(error, dict) else str(error)
            if status == 404 and "index_not_found" in kind:
                answers.append(None)  # nothing of this kind indexed yet
            elif status >= 500:
                mark_down()
                raise EngineUnavailable(str(error))
            else:
                raise SearchEngineError(error)
        mark_up()
        return answers

    def run(self, user, parsed, filters, sort, page, per_page):
        wanted = page * per_page
        rows, count, counts = [], 0, {name: {} for name in FACETS}
        planned, searches = [], []
        for source in sources.registered():
            index = self.backend.get_index_for_model(source.model()).name
            snippet_fields = self._snippet_fields(source.kind, index) if parsed.tree is not None else []
            built = self._body(source, source.queryset(user), parsed.tree, filters, sort, wanted, snippet_fields)
            if built is None:
                continue
            body, readers, shown = built
            planned.append((source, readers, shown, [field for field, _options in snippet_fields]))
            searches.append((index, body))
        answers = self._msearch(searches) if searches else []
        for (source, readers, shown, snippet_fields), response in zip(planned, answers):
            if response is None:
                continue
            aggs = response.get("aggregations", {})
            for name, read in readers.items():
                for value, n in read(aggs[name]).items():
                    value = self._label_value(name, value)
                    counts[name][value] = counts[name].get(value, 0) + n
            if not shown:
                continue
            count += response["hits"]["total"]["value"]
            for hit in response["hits"]["hits"]:
                pk = int(hit["_source"]["pk"])
                score = 0.0 if (sort == "date" or parsed.tree is None) else float(hit.get("_score") or 0.0)
                rows.append((score, _day(hit["_source"].get(DATE_FIELDS[source.kind])), source.kind, pk))
                fragments = [f for field in snippet_fields for f in hit.get("highlight", {}).get(field, [])]
                if fragments:
                    self.highlights[(source.kind, pk)] = fragments[0]
        if sort == "date" or parsed.tree is None:
            rows.sort(key=lambda r: (r[1] is not None, r[1] or datetime.date.min, r[2], r[3]), reverse=True)
        else:
            rows.sort(key=lambda r: (r[0], r[1] is not None, r[1] or datetime.date.min, r[2], r[3]), reverse=True)
        start = (page - 1) * per_page
        return rows[start : start + per_page], count, counts

    _opd_codes = None

    def _label_value(self, name, value):
        if name == "opd":
            if self._opd_codes is None:
                from kla.models import OPD

                self._opd_codes = dict(OPD.objects.values_list("pk", "code"))
            return self._opd_codes.get(int(value), str(value))
        return str(value)

    def snippet(self, kind, pk):
        """The engine's highlighted fragment for a hit (escaped, matches in <mark>), or None."""
        fragment = self.highlights.get((kind, pk))
        if fragment is None:
            return None
        from django.utils.safestring import mark_safe

        return mark_safe(f"… {fragment} …")


class SearchEngineError(Exception):
    """The engine rejected a query (a 4xx answer inside ``_msearch``)."""


def _plain(response):
    """The JSON of a client's answer (elasticsearch 9 wraps it in ObjectApiResponse)."""
    return response.body if hasattr(response, "body") else response


def _match_all():
    from modelsearch.query import MatchAll

    return MatchAll()


TEXT_FIELDS = ["_all_text", "title^2"]  # _all_text: every SearchField (Wagtail's copy_to); the title weighs more


def to_dsl(node):
    """The parsed query (search.query) as an engine query. An exclusion excludes a row when
    any of its fields has the word (Wagtail's compiler joins the fields with dis_max, so that
    a title without the excluded word would let the row through)."""
    if isinstance(node, query_module.Word):
        return Q("multi_match", query=node.word, fields=TEXT_FIELDS, operator="and")
    if isinstance(node, query_module.Phrase):
        return Q("multi_match", query=" ".join(node.words), fields=TEXT_FIELDS, type="phrase")
    if isinstance(node, query_module.AnyOf):
        return Q("bool", should=[to_dsl(i) for i in node.items], minimum_should_match=1)
    if isinstance(node, query_module.Negate):
        return Q("bool", must=[Q("match_all")], must_not=[to_dsl(node.item)])
    if isinstance(node, query_module.AllOf):
        must = [to_dsl(i) for i in node.items if not isinstance(i, query_module.Negate)] or [Q("match_all")]
        must_not = [to_dsl(i.item) for i in node.items if isinstance(i, query_module.Negate)]
        return Q("bool", must=must, must_not=must_not)
    raise TypeError(node)


def _is_connection_error(exc):
    """The engine is down or failing (no answer, timeout, 5xx) — not a query it rejected (4xx)."""
    names = {c.__name__ for c in type(exc).__mro__}
    if names & {"ConnectionError", "ConnectionTimeout", "ConnectionRefusedError", "TimeoutError"}:
        return True
    status = getattr(exc, "status_code", None)
    if status is None and getattr(exc, "meta", None) is not None:
        status = getattr(exc.meta, "status", None)
    return isinstance(status, int) and status >= 500


def mark_down():
    _health.update(checked=time.monotonic(), up=False)


def mark_up():
    was_down = not _health["up"]
    _health.update(checked=time.monotonic(), up=True)
    if was_down:
        from .tasks import replay_search_queue

        replay_search_queue.enqueue()


def engine_up():
    from wagtail.search.backends import get_search_backend

    if time.monotonic() - _health["checked"] < 10:
        return _health["up"]
    try:
        up = bool(get_search_backend("default").es.ping())
    except Exception:
        up = False
    (mark_up if up else mark_down)()
    return up


def engine_status():
    """None without an external engine; else (answers?, number of queued changes)."""
    if settings.SEARCH_BACKEND not in ("opensearch", "elasticsearch"):
        return None
    from .models import PendingIndexOperation

    return engine_up(), PendingIndexOperation.objects.count()
