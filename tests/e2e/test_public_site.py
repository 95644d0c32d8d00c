"""Browser test of the public site with the demo content (issue 2): home page → a news item → an
indicator page, each with one h1, a working skip link and no console errors. Screenshots go to
test-artifacts/screenshots/ (home.png, news.png, indicator.png)."""

import pytest

from tests.e2e.checks import check_page

# transactional_db for the live server; serialized_rollback puts the migrations' data (KLA framework,
# roles, home page) back afterwards for the tests that run later.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_news_and_indicator_pages_in_a_browser(demo_site, page, screenshot):
    page.goto(demo_site + "/")
    page.wait_for_load_state("networkidle")
    assert "Barito Utara" in page.locator("h1").inner_text()
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != ""
    stylesheet_loaded = page.evaluate("() => [...document.styleSheets].some(s => s.href && s.href.includes('/static/') && s.cssRules.length > 0)")
    assert stylesheet_loaded
    check_page(page)
    screenshot("home")

    news_link = page.locator(".news-grid .card-title a").first
    news_title = news_link.inner_text()
    news_link.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == news_title
    assert "/berita/" in page.url
    check_page(page)
    screenshot("news")

    page.locator("#menu-utama").get_by_role("link", name="Klaster & Indikator").click()
    page.wait_for_load_state("networkidle")
    page.locator("a[href*='/kla/indikator/']").first.click()
    page.wait_for_load_state("networkidle")
    assert "/kla/indikator/" in page.url
    check_page(page)
    screenshot("indicator")
