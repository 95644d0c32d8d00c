"""The registry of searchable sources: each kind of content the one search box finds.

A source says which rows a user may find (permission-filtered queryset), the facet values of
each row, and how a row becomes a hit. Pages, archive documents and regulations (JDIH) are
registered here (``register(SomeSource())``)."""

from django.db import connection
from django.db.models import BooleanField, F, Func
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

FACETS = ["content_kind", "kind", "cluster", "indicator", "year", "opd", "regulation_type"]

_registry = {}


def register(source):
    _registry[source.kind] = source
    return source


def registered():
    return list(_registry.values())


def get(kind):
    return _registry[kind]


class SearchSource:
    kind = None  # "page" | "document" | "regulation"
    label = None
    facets = ("content_kind",)  # the facets this source has values for
    date_field = None  # the field "sort by date" orders by

    def model(self):
        raise NotImplementedError

    def queryset(self, user):
        """Every row ``user`` may find (the permission rule is applied here, inside the query)."""
        raise NotImplementedError

    def filter(self, queryset, name, values):
        """``queryset`` narrowed to rows with one of ``values`` in facet ``name`` (a facet of
        :attr:`facets` other than content_kind), in SQL."""
        raise NotImplementedError

    # Facets counted from one grouped query (see groups()); the others with count_facets().
    grouped_facets = ()

    def groups(self, queryset):
        """[({facet: set of values}, number of rows)] for the :attr:`grouped_facets`, one grouped
        query over ``queryset`` (a few dozen groups): the service counts these facets, the total
        and each facet's disjunctive counts from them, applying the filters of these facets to
        the groups instead of running one query per filtered facet."""
        return [({}, queryset.count())]

    def count_facets(self, queryset, names):
        """{facet: {value: number of rows}} for the facets ``names`` (of :attr:`facets`, neither
        content_kind nor one of :attr:`grouped_facets`), counted in SQL."""
        return {}

    def top_by_date(self, queryset, n):
        """The ``n`` newest rows of ``queryset``: [(0.0, date, kind, pk)]."""
        rows = queryset.order_by(F(self.date_field).desc(nulls_last=True), "-pk").values_list("pk", self.date_field)[:n]
        return [(0.0, day.date() if hasattr(day, "date") else day, self.kind, pk) for pk, day in rows]

    def hits(self, pks):
        """{pk: object} for the hits shown on one page."""
        return self.model().objects.in_bulk(pks)

    def hit_fields(self, obj):
        raise NotImplementedError

    def snippet_text(self, obj):
        """The text a snippet is cut from: every searchable field except the title."""
        parts = []
        for field in obj.get_search_fields():
            if isinstance(field, index.SearchField) and field.field_name != "title":
                value = field.get_value(obj)
                if isinstance(value, (list, tuple)):
                    value = " ".join(str(v) for v in value)
                if value:
                    parts.append(strip_tags(str(value)))
        return " ".join(parts)


def _json_list_sql(vendor, column_sql):
    """(FROM fragment, value expression) unnesting a JSON list column as text, per database."""
    if vendor == "postgresql":
        return f"jsonb_array_elements_text({column_sql}) AS j(value)", "j.value"
    return f"json_each({column_sql}) AS j", "CAST(j.value AS TEXT)"


class JSONListHasAny(Func):
    """``column`` (a JSON list) contains one of ``values`` (compared as text), for filter()."""

    output_field = BooleanField()

    def __init__(self, column, values):
        super().__init__(F(column))
        self.values = [str(v) for v in values]

    def as_sql(self, compiler, connection, **extra):
        column_sql, params = compiler.compile(self.source_expressions[0])
        source, value = _json_list_sql(connection.vendor, column_sql)
        marks = ", ".join(["%s"] * len(self.values)) or "NULL"
        return f"EXISTS (SELECT 1 FROM {source} WHERE {value} IN ({marks}))", [*params, *self.values]


def _indicator_link(model):
    """(the through model of ``model.indicators``, the name of its column pointing at ``model``)."""
    field = model._meta.get_field("indicators")
    return field.remote_field.through, field.m2m_column_name()


def _filter_indicators(queryset, model, name, values):
    """``queryset`` narrowed to rows linked to one of the indicators (numbers) or clusters (codes)."""
    through, column = _indicator_link(model)
    lookup = "indicator__number__in" if name == "indicator" else "indicator__cluster__code__in"
    if name == "indicator":
        values = [int(v) for v in values if v.isdigit()]
    return queryset.filter(pk__in=through.objects.filter(**{lookup: values}).values(column))


def _with_indicators(queryset):
    """``queryset`` with each row's indicators (number and name: what a hit shows) prefetched."""
    from django.db.models import Prefetch

    from kla.models import Indicator

    return queryset.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.only("id", "number", "name")))


def _count_indicators(queryset, model, names):
    """{"indicator": {number: rows}, "cluster": {code: rows}} (those of ``names``) over
    ``queryset``, in one statement: the links of the rows are read once (a materialized CTE,
    SQLite >= 3.35 and PostgreSQL >= 12) and grouped twice: by indicator id (a row has each
    indicator once: the link table is unique per pair), then joined to the 24 indicators; by
    cluster, a row counting once however many indicators of the cluster it has. (Joining every
    link to its indicator and cluster first, then counting distinct rows, took ~30% longer on
    PostgreSQL at 20,000 documents.)"""
    from kla.models import Cluster, Indicator

    wanted = [name for name in ("indicator", "cluster") if name in names]
    if not wanted:
        return {}
    through, column = _indicator_link(model)
    rows_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    indicators, clusters = Indicator._meta.db_table, Cluster._meta.db_table
    counts = {
        "indicator": f"SELECT 'indicator', CAST(i.number AS TEXT), g.n FROM (SELECT indicator_id, COUNT(*) AS n FROM links GROUP BY indicator_id) g "
        f"JOIN {indicators} i ON i.id = g.indicator_id",
        "cluster": f"SELECT 'cluster', c.code, COUNT(*) FROM (SELECT DISTINCT links.owner, i.cluster_id FROM links JOIN {indicators} i ON i.id = links.indicator_id) o "
        f"JOIN {clusters} c ON c.id = o.cluster_id GROUP BY c.code",
    }
    sql = (
        f"WITH links AS MATERIALIZED (SELECT l.{column} AS owner, l.indicator_id FROM {through._meta.db_table} l WHERE l.{column} IN ({rows_sql})) "
        + " UNION ALL ".join(counts[name] for name in wanted)
    )
    found = {name: {} for name in wanted}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, value, n in cursor.fetchall():
            found[name][str(value)] = n
    return found


class PageSource(SearchSource):
    kind = "page"
    label = _("Page")
    date_field = "first_published_at"

    def model(self):
        from wagtail.models import Page

        return Page

    def queryset(self, user):
        return self.model().objects.live().public().filter(depth__gt=1)

    def hits(self, pks):
        return {p.pk: p for p in self.model().objects.filter(pk__in=pks).specific()}

    def hit_fields(self, obj):
        date = getattr(obj, "date", None) or (obj.first_published_at.date() if obj.first_published_at else None)
        return {"title": obj.title, "url": obj.url, "date": date, "document_kind": "", "indicators": [], "year": date.year if date else None}


class DocumentSource(SearchSource):
    kind = "document"
    label = _("Document")
    facets = ("content_kind", "kind", "cluster", "indicator", "year", "opd")
    date_field = "document_date"

    def model(self):
        from wagtail.documents import get_document_model

        return get_document_model()

    def queryset(self, user):
        from documents.permissions import viewable_documents

        return viewable_documents(user, self.model().objects.all())

    def filter(self, queryset, name, values):
        if name == "kind":
            return queryset.filter(kind__in=values)
        if name == "opd":
            return queryset.filter(opd__code__in=values)
        if name in ("indicator", "cluster"):
            return _filter_indicators(queryset, self.model(), name, values)
        if name == "year":
            return queryset.filter(JSONListHasAny("years", [v for v in values if v.isdigit()]))
        return queryset.none()

    grouped_facets = ("kind", "opd", "year")

    def groups(self, queryset):
        from django.db.models import Count

        rows = queryset.order_by().values_list("kind", "opd__code", "years").annotate(n=Count("pk"))
        return [({"kind": {kind}, "opd": {opd} if opd else set(), "year": {str(y) for y in years or []}}, n) for kind, opd, years, n in rows]

    def count_facets(self, queryset, names):
        return _count_indicators(queryset, self.model(), names)

    def hits(self, pks):
        return _with_indicators(self.model().objects.select_related("opd")).in_bulk(pks)

    def hit_fields(self, obj):
        from django.urls import reverse

        years = sorted(obj.years or [])
        return {
            "title": obj.title,
            "url": reverse("documents:detail", args=[obj.pk]),
            "date": obj.document_date or (obj.created_at.date() if obj.created_at else None),
            "document_kind": obj.get_kind_display(),
            "indicators": [{"number": i.number, "name": i.name} for i in obj.indicators.all()],
            "year": years[-1] if years else (obj.document_date.year if obj.document_date else None),
        }

    def snippet_text(self, obj):
        return " ".join(filter(None, [obj.description, obj.extracted_text, obj.source]))


def regulation_title(regulation):
    """The title of a regulation hit: "PERBUP No. 5 Tahun 2024 tentang ..." (the citation, then
    what the full title says after "tentang")."""
    number = regulation.number if regulation.number.endswith(f"/{regulation.year}") else f"{regulation.number} Tahun {regulation.year}"
    _before, found, about = regulation.title.partition(" tentang ")
    return f"{regulation.type} No. {number}" + (f" tentang {about}" if found else "")


class RegulationSource(SearchSource):
    """Published (live) regulations of the JDIH, for everyone: a regulation's metadata is public.
    Its file is an archive document with its own access level, searched (or not) as a document;
    no text of the file is indexed with the regulation or shown in its snippet."""

    kind = "regulation"
    label = _("Regulation")
    facets = ("content_kind", "regulation_type", "cluster", "indicator", "year")
    date_field = "enacted_on"

    def model(self):
        from documents.regulations.models import Regulation

        return Regulation

    def queryset(self, user):
        return self.model().objects.filter(live=True)

    def filter(self, queryset, name, values):
        if name == "regulation_type":
            return queryset.filter(type__in=values)
        if name == "year":
            return queryset.filter(year__in=[int(v) for v in values if v.isdigit()])
        if name in ("indicator", "cluster"):
            return _filter_indicators(queryset, self.model(), name, values)
        return queryset.none()

    grouped_facets = ("regulation_type", "year")

    def groups(self, queryset):
        from django.db.models import Count

        rows = queryset.order_by().values_list("type", "year").annotate(n=Count("pk"))
        return [({"regulation_type": {kind}, "year": {str(year)}}, n) for kind, year, n in rows]

    def count_facets(self, queryset, names):
        return _count_indicators(queryset, self.model(), names)

    def hits(self, pks):
        return _with_indicators(self.model().objects.all()).in_bulk(pks)

    def hit_fields(self, obj):
        return {
            "title": regulation_title(obj),
            "url": obj.get_absolute_url(),
            "date": obj.enacted_on or obj.promulgated_on,
            "document_kind": obj.get_type_display(),
            "indicators": [{"number": i.number, "name": i.name} for i in obj.indicators.all()],
            "year": obj.year,
        }

    def snippet_text(self, obj):
        return " ".join(filter(None, [obj.abstract, obj.subject, obj.title]))


register(PageSource())
register(DocumentSource())
register(RegulationSource())
