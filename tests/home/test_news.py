"""The news index (pagination, category and tag filters) and the RSS feed."""

import datetime

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from home.models import NEWS_PER_PAGE, NewsCategory, NewsPage

from .helpers import parse

pytestmark = pytest.mark.django_db


def news_titles(response):
    """The titles of the news cards on a news index page, in order."""
    return [news.title for news in response.context["news_page"]]


@pytest.fixture
def twelve_news(make_news):
    return [make_news(f"Kabar hari ke-{day}", date=datetime.date(2025, 10, day)) for day in range(1, 13)]


def test_news_index_paginates_ten_per_page_newest_first(client, news_index, twelve_news):
    first = client.get(news_index.url)
    second = client.get(news_index.url, {"halaman": 2})

    assert first.status_code == second.status_code == 200
    assert NEWS_PER_PAGE == 10
    assert news_titles(first) == [f"Kabar hari ke-{day}" for day in range(12, 2, -1)]
    assert news_titles(second) == ["Kabar hari ke-2", "Kabar hari ke-1"]
    assert parse(first).find("a", href="?halaman=2")
    assert "12 Oktober 2025" in first.content.decode()
    # a page number past the end shows the last page instead of an error
    assert news_titles(client.get(news_index.url, {"halaman": 99})) == news_titles(second)
    assert news_titles(client.get(news_index.url, {"halaman": "x"})) == news_titles(first)


def test_news_index_lists_published_public_news_only(client, news_index, make_news):
    make_news("Berita terbit")
    make_news("Berita konsep", live=False)
    private = make_news("Berita internal")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert news_titles(client.get(news_index.url)) == ["Berita terbit"]


def test_category_filter(client, news_index, make_news, category):
    other = NewsCategory.objects.create(name="Pengumuman", slug="pengumuman")
    make_news("Rapat Gugus Tugas", categories=[category])
    make_news("Pengumuman lomba", categories=[other])
    make_news("Tanpa kategori")

    response = client.get(news_index.url, {"kategori": "kegiatan"})

    assert news_titles(response) == ["Rapat Gugus Tugas"]
    assert parse(response).find("a", href="?kategori=kegiatan", **{"aria-current": "page"})
    assert news_titles(client.get(news_index.url, {"kategori": "tidak-ada"})) == []


def test_tag_filter_keeps_the_filter_across_pages(client, news_index, make_news):
    for day in range(1, 12):
        make_news(f"Forum Anak {day}", date=datetime.date(2025, 9, day), tags=["forum-anak"])
    make_news("Lain", tags=["posyandu"])

    first = client.get(news_index.url, {"tag": "forum-anak"})
    second = client.get(news_index.url, {"tag": "forum-anak", "halaman": 2})

    assert len(news_titles(first)) == 10 and "Lain" not in news_titles(first)
    assert news_titles(second) == ["Forum Anak 1"]
    assert parse(first).find("a", href="?tag=forum-anak&amp;halaman=2") or parse(first).find("a", href="?tag=forum-anak&halaman=2")


def test_feed_is_rss_with_absolute_links_to_published_public_news(client, news_index, make_news, category):
    published = make_news("Peluncuran SIBULAN", date=datetime.date(2025, 10, 14), categories=[category])
    make_news("Konsep berita", live=False)
    private = make_news("Berita rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")

    response = client.get(news_index.url + "feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version.startswith("rss")
    assert [entry.title for entry in feed.entries] == ["Peluncuran SIBULAN"]
    entry = feed.entries[0]
    assert entry.link == published.get_full_url()
    assert entry.link.startswith("http") and entry.link.endswith(published.url)
    assert "14 Oct 2025" in entry.published  # the news date, in the site's time zone
    assert [tag.term for tag in entry.tags] == ["Kegiatan"]


def test_feed_is_advertised_on_the_news_pages(client, news_index, make_news):
    news = make_news()
    for url in [news_index.url, news.url, "/"]:
        assert parse(client.get(url)).find("link", rel="alternate", type="application/rss+xml", href=news_index.url + "feed/"), url


def test_news_page_rules_keep_drafts_out_of_their_own_url(client, make_news):
    draft = make_news("Draf", live=False)
    assert NewsPage.objects.get(pk=draft.pk).live is False
    assert client.get(draft.url or f"/berita/{draft.slug}/").status_code == 404
