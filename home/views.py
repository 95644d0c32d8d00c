from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap


def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/", f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class KlaSitemap(Sitemap):
    """The public cluster and indicator pages of the KLA framework (not Wagtail pages)."""

    def items(self):
        from kla.models import Cluster, Indicator

        return list(Cluster.objects.all()) + list(Indicator.objects.all())


def sitemap(request):
    """Wagtail's sitemap (live pages without a view restriction, on the request's site) plus the
    KLA framework pages."""
    return wagtail_sitemap(request, sitemaps={"pages": PageSitemap, "kla": KlaSitemap()})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request: no context processors, no database queries.
    return HttpResponseServerError(loader.get_template("500.html").render())
