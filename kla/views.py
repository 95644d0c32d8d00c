from django.shortcuts import get_object_or_404, render

from .models import Cluster, Indicator


def cluster_detail(request, slug):
    cluster = get_object_or_404(Cluster, slug=slug)
    return render(request, "kla/cluster_detail.html", {"cluster": cluster})


def indicator_detail(request, number, slug):
    indicator = get_object_or_404(Indicator.objects.select_related("cluster"), number=number)
    return render(request, "kla/indicator_detail.html", {"indicator": indicator})
