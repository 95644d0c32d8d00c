"""The public regulation library (/produk-hukum/): listing with filters and counts, the detail
page, and the counted download. Only published regulations are shown; a file is previewed or
offered only to whoever documents.permissions lets read it."""

from django.core.paginator import Paginator
from django.db.models import Count, F
from django.db.models.functions import Length
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.access import mark_private
from documents.permissions import can_view_document, require_document_access
from kla.models import Indicator

from .models import Regulation, RegulationStatus, RegulationType

PAGE_SIZE = 20

# query parameter -> the field it filters
FILTER_FIELDS = {"jenis": "type", "tahun": "year", "status": "status", "subjek": "subject", "indikator": "indicators__number"}

SORTS = {
    "terbaru": (gettext_lazy("Newest"), ["-year", "-enacted_on", "-pk"]),
    "nomor": (gettext_lazy("Number"), ["-year", Length("number").asc(), "number", "pk"]),
    "judul": (gettext_lazy("Title"), ["title", "pk"]),
}


def _clean_filters(params):
    """The valid filter values of the query string (anything else is ignored)."""
    filters = {}
    if params.get("jenis") in RegulationType.values:
        filters["jenis"] = params["jenis"]
    if params.get("status") in RegulationStatus.values:
        filters["status"] = params["status"]
    if params.get("subjek"):
        filters["subjek"] = params["subjek"][:255]
    for name in ("tahun", "indikator"):
        value = params.get(name, "")
        if value.isdigit():
            filters[name] = int(value)
    return filters


def _apply(queryset, filters, skip=None):
    for name, value in filters.items():
        if name != skip:
            queryset = queryset.filter(**{FILTER_FIELDS[name]: value})
    return queryset.distinct() if "indikator" in filters and skip != "indikator" else queryset


def facet_counts(queryset, filters):
    """{filter: {value: count}}: each filter's counts are taken with the *other* filters applied,
    so a visitor sees how many regulations each choice would give."""
    counts = {}
    for name, field in FILTER_FIELDS.items():
        rows = (
            _apply(queryset, filters, skip=name).exclude(**{f"{field}__isnull": True})
            .values(field).annotate(n=Count("pk", distinct=True)).order_by()
        )
        counts[name] = {row[field]: row["n"] for row in rows if row[field] != ""}
    return counts


def _options(counts, filters, name, labels):
    """[(value, label, count, selected)] for one filter, values without regulations left out
    unless selected."""
    values = dict(counts[name])
    if name in filters:
        values.setdefault(filters[name], 0)
    options = [(value, labels.get(value, value), n, filters.get(name) == value) for value, n in values.items()]
    if name == "tahun":
        options.sort(key=lambda o: o[0], reverse=True)
    elif name == "indikator":
        options.sort(key=lambda o: o[0])
    else:
        options.sort(key=lambda o: str(o[1]))
    return options


def regulation_list(request):
    published = Regulation.objects.published()
    filters = _clean_filters(request.GET)
    sort = request.GET.get("urut") if request.GET.get("urut") in SORTS else "terbaru"
    regulations = _apply(published, filters).select_related("initiator_opd").order_by(*SORTS[sort][1])
    page = Paginator(regulations, PAGE_SIZE).get_page(request.GET.get("halaman"))
    counts = facet_counts(published, filters)
    indicator_labels = {i.number: str(i) for i in Indicator.objects.only("number", "name")}
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(request, "documents/regulations/regulation_list.html", {
        "page_obj": page,
        "regulations": page.object_list,
        "filters": filters,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "query_string": query.urlencode(),
        "facets": [
            ("jenis", _("Regulation type"), _("All types"), _options(counts, filters, "jenis", dict(RegulationType.choices))),
            ("tahun", _("Year"), _("All years"), _options(counts, filters, "tahun", {})),
            ("status", _("Status"), _("Any status"), _options(counts, filters, "status", dict(RegulationStatus.choices))),
            ("subjek", _("Subject"), _("All subjects"), _options(counts, filters, "subjek", {})),
            ("indikator", _("KLA indicator"), _("All indicators"), _options(counts, filters, "indikator", indicator_labels)),
        ],
        "breadcrumbs": [{"title": _("Regulations"), "url": ""}],
    })


def _published_regulation(pk):
    return get_object_or_404(Regulation.objects.published().select_related("file", "abstract_file", "initiator_opd"), pk=pk)


def readable_file(user, document):
    """``document`` when ``user`` may read it, else None (the one rule of documents.permissions)."""
    return document if document is not None and can_view_document(user, document) else None


def regulation_detail(request, pk):
    regulation = _published_regulation(pk)
    file = readable_file(request.user, regulation.file)
    abstract_file = readable_file(request.user, regulation.abstract_file)
    response = render(request, "documents/regulations/regulation_detail.html", {
        "regulation": regulation,
        "relations": regulation.relation_rows(),
        "revoked_by": list(regulation.revoking_regulations()),
        "amended_by": list(regulation.amending_regulations()),
        "indicators": regulation.indicators.select_related("cluster"),
        "file": file,
        "file_withheld": regulation.file_id is not None and file is None,
        "abstract_file": abstract_file,
        "is_pdf": file is not None and file.file_extension == "pdf",
        "breadcrumbs": [
            {"title": _("Regulations"), "url": reverse("documents:regulation_list")},
            {"title": regulation.reference, "url": ""},
        ],
    })
    for document in (file, abstract_file):
        if document is not None:
            mark_private(response, document)
    return response


def regulation_download(request, pk):
    """Count one download, then hand over to the document serve view (which checks and logs)."""
    regulation = _published_regulation(pk)
    if regulation.file is None:
        raise Http404
    require_document_access(request, regulation.file)
    Regulation.objects.filter(pk=regulation.pk).update(download_count=F("download_count") + 1)
    return redirect(f"{regulation.file.url}?unduh=1")

