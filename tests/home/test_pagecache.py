"""The anonymous page cache (portal/pagecache.py): fast pages for visitors, never stale after a
publish, never shared with signed-in users."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings

from kla import roles


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "pagecache")},
    }


def test_anonymous_visitors_get_the_cached_page_until_it_is_republished(page_cache, client, make_news):
    news = make_news("Rapat Gugus Tugas KLA")
    client.get("/")  # the first request of a site creates its settings rows (a content change)
    first = client.get(news.url)
    second = client.get(news.url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content

    news.title = "Rapat Koordinasi Gugus Tugas KLA 2025"
    news.save_revision().publish()
    after = client.get(news.url)
    assert after["X-Page-Cache"] == "miss"
    assert "Rapat Koordinasi Gugus Tugas KLA 2025" in after.content.decode()


def test_an_unpublished_page_disappears_at_once(page_cache, client, make_news):
    news = make_news("Berita yang ditarik")
    assert client.get(news.url).status_code == 200
    client.get(news.url)  # cached now
    news.unpublish()
    assert client.get(news.url).status_code == 404


def test_a_menu_change_shows_on_cached_pages(page_cache, client, home_page):
    from home.models import MainMenuItem, NavigationSettings

    assert "Tautan Baru" not in client.get("/").content.decode()
    navigation = NavigationSettings.for_site(home_page.get_site())
    MainMenuItem.objects.create(setting=navigation, sort_order=0, link_url="/kla/", link_title="Tautan Baru")
    assert "Tautan Baru" in client.get("/").content.decode()


def test_signed_in_users_never_get_or_fill_the_cache(page_cache, client, django_user_model, make_news):
    news = make_news("Sosialisasi KLA")
    staff = django_user_model.objects.create_user("sekretariat", password="rahasia-12345")
    staff.groups.add(Group.objects.get(name=roles.SEKRETARIAT))
    client.force_login(staff)
    signed_in = client.get(news.url)
    assert "X-Page-Cache" not in signed_in
    client.logout()
    assert client.get(news.url)["X-Page-Cache"] == "miss"


def test_search_is_never_cached(page_cache, client, home_page):
    assert "X-Page-Cache" not in client.get("/cari/", {"q": "layanan"})


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(client, home_page):
    assert "X-Page-Cache" not in client.get("/")
