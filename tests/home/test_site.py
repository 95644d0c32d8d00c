"""Site-wide public responses: sitemap.xml, robots.txt, the 404 and 500 pages, the lock-out page."""

import xml.etree.ElementTree as ET

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from home import views

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [element.text for element in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_published_public_pages_only(client, home_page, standard_page, news_index, make_news):
    about = standard_page("Tentang KLA")
    news = make_news("Berita terbit")
    draft = make_news("Berita konsep", live=False)
    private_section = standard_page("Ruang internal")
    hidden_child = standard_page("Di dalam ruang internal", parent=private_section)
    PageViewRestriction.objects.create(page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")

    locations = sitemap_locations(client)

    for page in [home_page, about, news_index, news]:
        assert page.get_full_url() in locations
    for page in [private_section, hidden_child]:
        assert page.get_full_url() not in locations
    assert not any(location.endswith(f"/{draft.slug}/") for location in locations)
    assert all(location.startswith("http") for location in locations)


def test_sitemap_lists_the_kla_framework_pages(client, home_page):
    from kla.models import Cluster

    cluster = Cluster.objects.first() or Cluster.objects.create(code="T", order=99, name="Klaster Uji", slug="klaster-uji")
    assert any(location.endswith(cluster.get_absolute_url()) for location in sitemap_locations(client))


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_unknown_slug_gives_the_indonesian_404_page(client, home_page):
    response = client.get("/halaman-yang-tidak-ada/")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'lang="id"' in html
    with translation.override("id"):
        assert translation.gettext("Page not found") in html
    assert 'href="#konten"' in html  # the full site layout, not a bare error


def test_500_page_is_standalone_and_makes_no_queries(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert 'lang="id"' in html and "<h1>" in html
    assert "/static/" not in html  # no stylesheet that might itself be missing


def test_lockout_page_after_repeated_failed_logins(client, django_user_model, settings):
    django_user_model.objects.create_user("operator", password="benar-sekali-123")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "operator", "password": "salah"})
    response = client.post("/admin/login/", {"username": "operator", "password": "benar-sekali-123"})
    assert "account/lockout.html" in [t.name for t in response.templates]
    assert response.status_code == 429
