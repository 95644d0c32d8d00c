"""The registry of searchable sources: each kind of content the one search box finds.

A source says which rows a user may find (permission-filtered queryset), the facet values of
each row, and how a row becomes a hit. Pages and archive documents are registered here;
regulations (JDIH) register themselves the same way when they exist::

    from search.sources import SearchSource, register
    register(RegulationSource())
"""

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

    def facet_counts(self, queryset, name):
        """{value: number of rows of ``queryset``} for facet ``name``, counted in SQL."""
        raise NotImplementedError

    def facet_values(self, obj):
        """{facet: set of values} of one object (what an engine indexes for facets)."""
        return {"content_kind": {self.kind}}

    def day(self, obj):
        value = getattr(obj, self.date_field, None)
        return value.date() if hasattr(value, "date") else value

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
            lookup = "indicator__number__in" if name == "indicator" else "indicator__cluster__code__in"
            if name == "indicator":
                values = [int(v) for v in values if v.isdigit()]
            linked = self.model().indicators.through.objects.filter(**{lookup: values})
            return queryset.filter(pk__in=linked.values("archivedocument_id"))
        if name == "year":
            return queryset.filter(JSONListHasAny("years", [v for v in values if v.isdigit()]))
        return queryset.none()

    def facet_counts(self, queryset, name):
        from django.db import connections
        from django.db.models import Count

        if name == "kind":
            rows = queryset.order_by().values_list("kind").annotate(n=Count("pk"))
        elif name == "opd":
            rows = queryset.filter(opd__isnull=False).order_by().values_list("opd__code").annotate(n=Count("pk"))
        elif name in ("indicator", "cluster"):
            column = "indicator__number" if name == "indicator" else "indicator__cluster__code"
            through = self.model().indicators.through
            rows = (
                through.objects.filter(archivedocument_id__in=queryset.values("pk")).order_by()
                .values_list(column).annotate(n=Count("archivedocument_id", distinct=True))
            )
        elif name == "year":
            inner, params = queryset.order_by().values("pk", "years").query.sql_with_params()
            source, value = _json_list_sql(connections[queryset.db].vendor, "d.years")
            with connections[queryset.db].cursor() as cursor:
                cursor.execute(f"SELECT {value}, COUNT(DISTINCT d.pk) FROM ({inner}) d, {source} GROUP BY {value}", params)
                rows = cursor.fetchall()
        else:
            return {}
        return {str(value): n for value, n in rows}

    def facet_values(self, obj):
        indicators = list(obj.indicators.all())
        return {
            "content_kind": {self.kind},
            "kind": {obj.kind},
            "opd": {obj.opd.code} if obj.opd_id else set(),
            "year": {str(y) for y in (obj.years or [])},
            "indicator": {str(i.number) for i in indicators},
            "cluster": {i.cluster.code for i in indicators},
            "regulation_type": set(),
        }

    def hits(self, pks):
        return self.model().objects.select_related("opd").prefetch_related("indicators").in_bulk(pks)

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


register(PageSource())
register(DocumentSource())
