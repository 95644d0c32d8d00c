"""Editors can reach the edit forms of every home/ model in the Wagtail admin."""

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaksi", "redaksi@example.com", "kata-sandi-panjang-1")
    client.force_login(user)
    return client


def test_edit_forms_open(admin_client, home_page, news_index, make_news, category):
    news = make_news(categories=[category], tags=["sibulan"])
    site = Site.objects.get(is_default_site=True)
    urls = [
        f"/admin/pages/{home_page.pk}/edit/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/add/home/newspage/{news_index.pk}/",
        f"/admin/pages/add/home/standardpage/{home_page.pk}/",
        f"/admin/settings/home/sitesettings/{site.pk}/",
        f"/admin/settings/home/navigationsettings/{site.pk}/",
        "/admin/snippets/home/newscategory/",
        f"/admin/snippets/home/newscategory/edit/{category.pk}/",
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_navigation_is_saved_from_the_admin(admin_client, home_page):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/navigationsettings/{site.pk}/"
    data = {
        "main_menu_items-TOTAL_FORMS": "1", "main_menu_items-INITIAL_FORMS": "0", "main_menu_items-MIN_NUM_FORMS": "0", "main_menu_items-MAX_NUM_FORMS": "1000",
        "main_menu_items-0-link_page": str(home_page.pk), "main_menu_items-0-link_url": "", "main_menu_items-0-link_title": "Beranda SIBULAN",
        "main_menu_items-0-ORDER": "1", "main_menu_items-0-id": "", "main_menu_items-0-DELETE": "",
        "footer_menu_items-TOTAL_FORMS": "1", "footer_menu_items-INITIAL_FORMS": "0", "footer_menu_items-MIN_NUM_FORMS": "0", "footer_menu_items-MAX_NUM_FORMS": "1000",
        "footer_menu_items-0-link_page": "", "footer_menu_items-0-link_url": "", "footer_menu_items-0-link_title": "Tanpa tujuan",
        "footer_menu_items-0-ORDER": "1", "footer_menu_items-0-id": "", "footer_menu_items-0-DELETE": "",
    }
    response = admin_client.post(url, data)
    # a footer link without page or URL is refused, and nothing is saved
    assert response.status_code == 200
    assert not admin_client.get("/").content.decode().count("Beranda SIBULAN")

    data["footer_menu_items-0-link_url"] = "/sitemap.xml"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    html = admin_client.get("/").content.decode()
    assert "Beranda SIBULAN" in html and 'href="/sitemap.xml"' in html
