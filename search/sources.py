"""The registry of searchable sources: each kind of content the one search box finds.

A source says which rows a user may find (permission-filtered queryset), the facet values of
each row, and how a row becomes a hit. Pages and archive documents are registered here;
regulations (JDIH) register themselves the same way when they exist::

    from search.sources import SearchSource, register
    register(RegulationSource())
"""

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

    def model(self):
        raise NotImplementedError

    def queryset(self, user):
        """Every row ``user`` may find (the permission rule is applied here, inside the query)."""
        raise NotImplementedError

    def facet_values(self, queryset):
        """{pk: (date, {facet: set of values})} for the rows of ``queryset``."""
        raise NotImplementedError

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


class PageSource(SearchSource):
    kind = "page"
    label = _("Page")

    def model(self):
        from wagtail.models import Page

        return Page

    def queryset(self, user):
        return self.model().objects.live().public().filter(depth__gt=1)

    def facet_values(self, queryset):
        return {
            pk: (published.date() if published else None, {"content_kind": {self.kind}})
            for pk, published in queryset.values_list("pk", "first_published_at")
        }

    def hits(self, pks):
        return {p.pk: p for p in self.model().objects.filter(pk__in=pks).specific()}

    def hit_fields(self, obj):
        date = getattr(obj, "date", None) or (obj.first_published_at.date() if obj.first_published_at else None)
        return {"title": obj.title, "url": obj.url, "date": date, "document_kind": "", "indicators": [], "year": date.year if date else None}


class DocumentSource(SearchSource):
    kind = "document"
    label = _("Document")

    def model(self):
        from wagtail.documents import get_document_model

        return get_document_model()

    def queryset(self, user):
        from documents.permissions import viewable_documents

        return viewable_documents(user, self.model().objects.all())

    def facet_values(self, queryset):
        rows = {}
        for pk, kind, opd, years, day in queryset.values_list("pk", "kind", "opd__code", "years", "document_date"):
            rows[pk] = (day, {
                "content_kind": {self.kind},
                "kind": {kind},
                "opd": {opd} if opd else set(),
                "year": {str(y) for y in (years or [])},
                "indicator": set(),
                "cluster": set(),
                "regulation_type": set(),
            })
        through = self.model().indicators.through
        links = through.objects.filter(archivedocument_id__in=queryset.values("pk")).values_list(
            "archivedocument_id", "indicator__number", "indicator__cluster__code"
        )
        for pk, number, cluster in links:
            if pk in rows:
                rows[pk][1]["indicator"].add(str(number))
                rows[pk][1]["cluster"].add(cluster)
        return rows

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
