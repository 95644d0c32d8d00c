"""Browser test of the search (issue 4) on the demo site: a visitor finds a document by another
inflection of a word of it, sees the word marked in the snippet and narrows the results with a
facet; a restricted document is neither listed nor counted for the visitor; the assessor, signed
in while an assessment period is open, finds it in the assessor search. Screenshots:
search.png, search-assessor.png."""

import datetime

import pytest

from tests.e2e.checks import check_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC = "Rekap layanan jemput bola akta kelahiran 2026 (contoh bukti dukung)"
RESTRICTED = "Laporan layanan anak korban kekerasan 2026 (contoh bukti dukung terbatas)"


def hit_titles(page):
    return page.locator(".hits .hit h3").all_inner_texts()


def result_count(page):
    return int(page.locator("#results-heading").inner_text().split()[0])


def facet_count(page, name, value):
    label = page.locator(f"label[for='f-{name}-{value}'] .count")
    return int(label.inner_text().strip("()")) if label.count() else 0


def test_visitor_and_assessor_search_in_a_browser(demo_site, page, screenshot):
    base = demo_site
    page.goto(base + "/cari/")
    check_page(page)
    page.fill("#search-q", "melayani")  # the documents say "layanan"
    page.locator(".search-box button[type=submit]").click()
    page.wait_for_load_state("networkidle")

    titles = hit_titles(page)
    assert PUBLIC in titles
    assert RESTRICTED not in titles
    public_hit = page.locator(".hits .hit", has_text=PUBLIC)
    marked = public_hit.locator(".snippet mark").all_inner_texts()
    assert marked and all("layan" in word.lower() for word in marked)
    documents = facet_count(page, "content_kind", "document")
    assert documents == len(page.locator(".hits .hit-document").all())  # the restricted one is not counted
    assert result_count(page) == len(titles)
    screenshot("search")

    page.locator("#f-content_kind-document").check()
    page.locator(".facet-actions button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#f-content_kind-document").is_checked()
    assert result_count(page) == documents == len(hit_titles(page))
    assert page.locator(".hits .hit").count() == page.locator(".hits .hit-document").count()

    page.goto(base + "/cari/?q=" + "kekerasan+eksploitasi")
    assert RESTRICTED not in hit_titles(page)

    # The assessor, while the assessment period is open, finds the restricted evidence.
    from home.demo.loader import credentials_path, read_credentials
    from kla.models import AssessmentPeriod

    today = datetime.date.today()
    AssessmentPeriod.objects.filter(year=2026).update(opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=30))
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "asesor")
    page.fill("#id_password", read_credentials(credentials_path())["asesor"])
    page.locator("form [type=submit]").first.click()
    page.wait_for_url(base + "/admin/")
    page.goto(base + "/cari/asesor/?q=melayani")
    page.wait_for_load_state("networkidle")  # signed in, the page has Wagtail's user bar: nothing of it is fetched from outside
    check_page(page)
    titles = hit_titles(page)
    assert RESTRICTED in titles and PUBLIC in titles
    assert facet_count(page, "content_kind", "document") == len(page.locator(".hits .hit-document").all())
    screenshot("search-assessor")
