"""Public and assessor views of the document archive. Every view asks documents.permissions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kla import roles
from kla.models import OPD, AssessmentPeriod, Cluster, Indicator

from . import completeness
from .access import file_response, log_access, mark_private
from .exports import request_export_bundle, user_may_download_bundle
from .models import AccessPath, ArchiveDocument, ExportBundle, ExportStatus, Kind
from .permissions import require_document_access, viewable_documents

PAGE_SIZE = 25


def listing_queryset(user):
    """Documents ``user`` may read, with what a listing row shows, in one query."""
    return (
        viewable_documents(user, ArchiveDocument.objects.all())
        .select_related("opd")
        .defer("extracted_text")
        .order_by("-document_date", "-created_at", "title")
    )


def filter_by_year(queryset, year):
    if connection.features.supports_json_field_contains:
        return queryset.filter(years__contains=[year])
    return queryset.filter(years__icontains=str(year))  # SQLite: years is stored as JSON text


def indicator_documents(user, indicator):
    return listing_queryset(user).filter(indicators=indicator)


def indicator_public_documents(indicator):
    """The public documents of an indicator (what an anonymous visitor sees)."""
    from django.contrib.auth.models import AnonymousUser

    return indicator_documents(AnonymousUser(), indicator)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def document_list(request):
    documents = listing_queryset(request.user)
    filters = {
        "indicator": _int_or_none(request.GET.get("indikator")),
        "kind": request.GET.get("jenis") or "",
        "year": _int_or_none(request.GET.get("tahun")),
        "opd": _int_or_none(request.GET.get("opd")),
    }
    if filters["indicator"]:
        documents = documents.filter(indicators__number=filters["indicator"])
    if filters["kind"] in Kind.values:
        documents = documents.filter(kind=filters["kind"])
    if filters["year"]:
        documents = filter_by_year(documents, filters["year"])
    if filters["opd"]:
        documents = documents.filter(opd_id=filters["opd"])
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    response = render(request, "documents/document_list.html", {
        "page_obj": page,
        "documents": page.object_list,
        "filters": filters,
        "query_string": query.urlencode(),
        "indicators": Indicator.objects.only("number", "name"),
        "kinds": Kind.choices,
        "opds": OPD.objects.only("name", "short_name"),
        "years": sorted({period.year for period in AssessmentPeriod.objects.only("year")}, reverse=True),
        "breadcrumbs": [{"title": _("Document archive"), "url": ""}],
    })
    if request.user.is_authenticated:
        response["Cache-Control"] = "private"
    return response


def _get_document(request, pk):
    document = get_object_or_404(ArchiveDocument.objects.select_related("opd", "kecamatan"), pk=pk)
    require_document_access(request, document)
    return document


def document_detail(request, pk):
    document = _get_document(request, pk)
    log_access(request, document, AccessPath.DETAIL)
    response = render(request, "documents/document_detail.html", {
        "document": document,
        "indicators": document.indicators.select_related("cluster"),
        "is_pdf": document.file_extension == "pdf",
        "breadcrumbs": [
            {"title": _("Document archive"), "url": reverse("documents:list")},
            {"title": document.title, "url": ""},
        ],
    })
    return mark_private(response, document)


def document_thumbnail(request, pk):
    document = _get_document(request, pk)
    if not document.thumbnail:
        raise Http404
    log_access(request, document, AccessPath.THUMBNAIL)
    return file_response(document.thumbnail, f"thumbnail-{document.pk}.png", "image/png", attachment=False, document=document)


def serve_document_file(request, document_id, document_filename):
    """The document file URL /documents/<id>/<filename> (mounted in portal/urls.py in front of
    Wagtail's own serve view, under the same name): the check, the log and the response are
    ours, so no redirect to a public file URL exists."""
    document = get_object_or_404(ArchiveDocument, pk=document_id)
    if document.filename != document_filename:
        raise Http404
    require_document_access(request, document)
    log_access(request, document, AccessPath.DOWNLOAD)
    attachment = bool(request.GET.get("unduh")) or document.content_disposition != "inline"
    return file_response(document.file, document.filename, document.content_type, attachment, document=document)


def check_wagtail_serve(document, request):
    """The ``before_serve_document`` hook, a second lock for Wagtail's own serve view should it be
    reached some other way: refuse (404/403) whoever may not read the document."""
    require_document_access(request, document)
    log_access(request, document, AccessPath.DOWNLOAD)


# --- Completeness matrix and export bundles (signed-in staff and assessors) --------------------


def user_may_see_matrix(user):
    return roles.is_secretariat(user) or roles.is_assessor(user) or roles.is_contributor(user)


def completeness_context(request):
    opd_id = _int_or_none(request.GET.get("opd"))
    matrix = completeness.build_matrix(request.user, opd_id=opd_id)
    return {
        "matrix": matrix,
        "opds": OPD.objects.only("name", "short_name"),
        "clusters": Cluster.objects.all(),
        "periods": matrix.periods,
        "export_url": reverse("documents:export_request"),
        "exports_url": reverse("documents:export_list"),
    }


@login_required
def completeness_view(request):
    if not user_may_see_matrix(request.user):
        raise Http404
    context = completeness_context(request)
    context["breadcrumbs"] = [{"title": _("Evidence completeness"), "url": ""}]
    response = render(request, "documents/completeness.html", context)
    response["Cache-Control"] = "private"
    return response


@login_required
def export_list(request):
    bundles = ExportBundle.objects.filter(requested_by=request.user).select_related("indicator", "cluster", "period")
    response = render(request, "documents/export_list.html", {
        "bundles": bundles,
        "indicators": Indicator.objects.only("number", "name"),
        "clusters": Cluster.objects.all(),
        "periods": AssessmentPeriod.objects.all(),
        "breadcrumbs": [{"title": _("Export bundles"), "url": ""}],
    })
    response["Cache-Control"] = "private"
    return response


@login_required
@require_POST
def export_request(request):
    period = get_object_or_404(AssessmentPeriod, pk=_int_or_none(request.POST.get("period")))
    indicator = cluster = None
    if request.POST.get("indicator"):
        indicator = get_object_or_404(Indicator, pk=_int_or_none(request.POST.get("indicator")))
    elif request.POST.get("cluster"):
        cluster = get_object_or_404(Cluster, pk=_int_or_none(request.POST.get("cluster")))
    else:
        raise Http404
    request_export_bundle(request.user, period, indicator=indicator, cluster=cluster)
    next_url = request.POST.get("next")
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("documents:export_list")


def export_download(request, pk):
    """A bundle is seen only by whoever requested it (and the Sekretariat): 404 for anyone else;
    403 when a file in it is no longer readable by the user (permissions checked again now)."""
    bundle = ExportBundle.objects.filter(pk=pk).select_related("indicator", "cluster", "period").first()
    if bundle is None or not (bundle.requested_by_id == request.user.pk or roles.is_secretariat(request.user)):
        raise Http404
    if not user_may_download_bundle(request.user, bundle):
        raise PermissionDenied
    if bundle.status != ExportStatus.DONE or not bundle.file:
        raise Http404
    for document in bundle.documents.all():
        log_access(request, document, AccessPath.EXPORT)
    return file_response(bundle.file, bundle.filename, "application/zip", attachment=True)
