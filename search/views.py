from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from kla import roles

from . import service
from .sources import FACETS


def request_filters(request):
    filters = {name: request.GET.getlist(name) for name in FACETS + ["period"]}
    return {k: v for k, v in filters.items() if v}


def request_page(request):
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def can_use_assessor_search(user):
    return roles.is_assessor(user) or roles.is_secretariat(user)


def _render(request, template, assessor=False):
    query = request.GET.get("q", "").strip()
    filters = request_filters(request)
    result = None
    if query or filters:
        result = service.search(
            request.user, query, filters, sort=request.GET.get("sort", "relevance"),
            page=request_page(request), per_page=20, record=True,
        )
    context = {
        "query": query, "result": result, "assessor_mode": assessor,
        "show_engine_notice": bool(result and result.fallback and getattr(request.user, "is_staff", False)),
    }
    if assessor:
        from kla.models import AssessmentPeriod

        context["periods"] = AssessmentPeriod.objects.all()
        context["selected_periods"] = request.GET.getlist("period")
    return render(request, template, context)


def search_view(request):
    return _render(request, "search/search.html")


def assessor_search_view(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_use_assessor_search(request.user):
        raise PermissionDenied
    return _render(request, "search/search.html", assessor=True)
