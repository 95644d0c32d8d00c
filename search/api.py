"""GET /api/search/?q=...&kind=...&indicator=...&year=...&page=... (session authentication;
the same permission rules as the search page)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from . import service
from .views import request_filters, request_page


def hit_json(hit):
    return {
        "title": hit.title,
        "kind": hit.content_kind,
        "document_kind": hit.document_kind,
        "url": hit.url,
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": str(hit.snippet),
        "indicators": hit.indicators,
        "year": hit.year,
    }


@require_GET
def search_api(request):
    result = service.search(
        request.user, request.GET.get("q", ""), request_filters(request),
        sort=request.GET.get("sort", "relevance"), page=request_page(request),
        per_page=request.GET.get("per_page", "20") if request.GET.get("per_page", "").isdigit() else 20,
    )
    return JsonResponse({
        "count": result.count,
        "page": result.page,
        "num_pages": result.num_pages,
        "results": [hit_json(h) for h in result.hits],
        "facets": {
            name: [{"value": i["value"], "label": i["label"], "count": i["count"]} for i in facet["items"]]
            for name, facet in result.facets.items()
        },
        "synonyms": [{"term": t, "also_searched": others} for t, others in result.synonyms_applied],
        "fallback": result.fallback,
    }, json_dumps_params={"ensure_ascii": False})
