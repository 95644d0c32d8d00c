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

    def count_facets(self, queryset, names):
        """(number of rows of ``queryset``, {facet: {value: number of rows}}) for the facets
        ``names`` (of :attr:`facets`, not content_kind), counted in SQL."""
        return queryset.count(), {}

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

    def count_facets(self, queryset, names):
        from django.db.models import Count

        # kind, OPD and years in one grouped query (a few dozen groups), which also gives the total.
        total, found = 0, {name: {} for name in names}
        for kind, opd, years, n in queryset.order_by().values_list("kind", "opd__code", "years").annotate(n=Count("pk")):
            total += n
            for name, values in (("kind", [kind]), ("opd", [opd] if opd else []), ("year", {str(y) for y in years or []})):
                if name in found:
                    for value in values:
                        found[name][value] = found[name].get(value, 0) + n
        through = self.model().indicators.through
        for name, column in (("indicator", "indicator__number"), ("cluster", "indicator__cluster__code")):
            if name in found and total:
                rows = (
                    through.objects.filter(archivedocument_id__in=queryset.values("pk")).order_by()
                    .values_list(column).annotate(n=Count("archivedocument_id", distinct=True))
                )
                found[name] = {str(value): n for value, n in rows}
        return total, found

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
