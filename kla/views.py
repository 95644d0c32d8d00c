"""Public pages of the KLA framework: overview, one page per cluster, one per indicator."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Cluster, Indicator, PredicateBand

INDICATOR_LIST_FIELDS = ("id", "number", "slug", "name", "name_en", "cluster_id")


def clusters_with_indicators():
    """All clusters with their indicators in two queries."""
    indicators = Indicator.objects.only(*INDICATOR_LIST_FIELDS).order_by("number")
    return Cluster.objects.prefetch_related(Prefetch("indicators", queryset=indicators))


def overview_crumb():
    return {"title": _("KLA framework"), "url": reverse("kla:overview")}


def overview(request):
    clusters = list(clusters_with_indicators())
    context = {
        "clusters": clusters,
        "indicator_count": sum(len(cluster.indicators.all()) for cluster in clusters),
        "predicates": PredicateBand.objects.all(),
        "breadcrumbs": [overview_crumb()],
    }
    return render(request, "kla/overview.html", context)


def cluster_detail(request, slug):
    clusters = list(Cluster.objects.only("id", "code", "order", "name", "slug"))
    cluster = get_object_or_404(clusters_with_indicators(), slug=slug)
    context = {
        "cluster": cluster,
        "clusters": clusters,
        "breadcrumbs": [overview_crumb(), {"title": cluster.name, "url": cluster.get_absolute_url()}],
    }
    return render(request, "kla/cluster_detail.html", context)


def indicator_detail(request, number, slug):
    indicator = get_object_or_404(Indicator.objects.select_related("cluster"), number=number)
    if slug != indicator.slug:
        return redirect(indicator, permanent=True)
    neighbours = Indicator.objects.only("id", "number", "slug", "name")
    context = {
        "indicator": indicator,
        "cluster": indicator.cluster,
        "previous_indicator": neighbours.filter(number__lt=number).order_by("-number").first(),
        "next_indicator": neighbours.filter(number__gt=number).order_by("number").first(),
        "breadcrumbs": [
            overview_crumb(),
            {"title": indicator.cluster.name, "url": indicator.cluster.get_absolute_url()},
            {"title": str(indicator), "url": indicator.get_absolute_url()},
        ],
    }
    from .dashboard_views import indicator_rad_context

    context.update(indicator_rad_context(indicator, request.user))
    return render(request, "kla/indicator_detail.html", context)
