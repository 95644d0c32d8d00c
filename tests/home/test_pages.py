"""Every page type of home/ renders, with the content a visitor expects."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from home.models import HomePage, MainMenuItem, NavigationSettings, FooterMenuItem, NewsIndexPage, NewsPage, SiteSettings, StandardPage
from kla.models import Cluster

from .helpers import parse

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=sibulan-test"


def test_migration_made_one_home_page_as_site_root(home_page):
    from wagtail.models import Site

    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk


def test_home_page_shows_programme_news_clusters_and_key_figures(client, home_page, make_news, image):
    home_page.hero_heading = "Barito Utara menuju Kabupaten Layak Anak"
    home_page.hero_image = image
    home_page.intro = "<p>SIBULAN memantau pemenuhan hak anak.</p>"
    home_page.key_figures = [("figure", {"figure": "24", "label": "indikator KLA"}), ("figure", {"figure": "9", "label": "kecamatan"})]
    home_page.save_revision().publish()
    for number in range(5):
        make_news(f"Kabar {number}", date=datetime.date(2025, 10, 1 + number))
    make_news("Konsep belum terbit", live=False)
    cluster = Cluster.objects.first() or Cluster.objects.create(code="T", order=99, name="Klaster Uji", slug="klaster-uji")

    response = client.get("/")

    assert response.status_code == 200
    assert "home/home_page.html" in [t.name for t in response.templates]
    html = response.content.decode()
    page = parse(response)
    assert page.h1_texts == ["Barito Utara menuju Kabupaten Layak Anak"]
    assert "SIBULAN memantau pemenuhan hak anak." in html
    assert "indikator KLA" in html and ">24<" in html
    # the 4 most recent published news, newest first; no drafts
    for title in ["Kabar 4", "Kabar 3", "Kabar 2", "Kabar 1"]:
        assert title in html
    assert "Kabar 0" not in html and "Konsep belum terbit" not in html
    assert html.index("Kabar 4") < html.index("Kabar 1")
    assert page.find("a", href=cluster.get_absolute_url())
    assert page.find("img", alt="Peserta rapat koordinasi Gugus Tugas KLA")


def test_standard_page_renders_every_block(client, standard_page, image, make_document):
    Embed.objects.create(hash=get_embed_hash(VIDEO_URL), url=VIDEO_URL, max_width=None, type="video", html='<iframe title="Video KLA" src="/static/x"></iframe>', title="Video KLA", provider_name="YouTube")
    public_doc = make_document("Perbup Nomor 5 Tahun 2024 tentang KLA")
    restricted_doc = make_document("Bukti dukung indikator 1", access_level="internal")
    page = standard_page(
        "Tentang KLA",
        intro="Apa itu Kabupaten Layak Anak.",
        # the raw (JSON) form, as a content loader would write it
        body=[
            {"type": "paragraph", "value": "<p>KLA adalah sistem pembangunan.</p>"},
            {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "Anak-anak bermain di taman", "decorative": False}, "caption": "Taman bermain Muara Teweh"}},
            {"type": "document", "value": {"document": public_doc.pk, "description": "Peraturan Bupati"}},
            {"type": "document", "value": {"document": restricted_doc.pk, "description": ""}},
            {"type": "table", "value": {"data": [["Klaster", "Indikator"], ["Kelembagaan", "3"]], "first_row_is_table_header": True, "table_caption": "Jumlah indikator"}},
            {"type": "embed", "value": {"embed": VIDEO_URL, "caption": "Video profil"}},
            {"type": "callout", "value": {"heading": "Penting", "text": "<p>Hubungi Sekretariat.</p>", "style": "important"}},
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    parsed = parse(response)
    assert parsed.h1_texts == ["Tentang KLA"]
    assert "KLA adalah sistem pembangunan." in html
    assert parsed.find("img", alt="Anak-anak bermain di taman")
    assert "Taman bermain Muara Teweh" in html
    assert parsed.find("a", href=public_doc.url) and "Perbup Nomor 5 Tahun 2024 tentang KLA" in html
    # a restricted document is not shown to a visitor who may not read it: neither link nor title
    assert not parsed.find("a", href=restricted_doc.url) and "Bukti dukung indikator 1" not in html
    assert "<caption>Jumlah indikator</caption>" in html and '<th scope="col"' in html
    assert 'title="Video KLA"' in html and "Video profil" in html
    assert "callout-important" in html and "Hubungi Sekretariat." in html


def test_a_restricted_document_block_is_shown_to_those_who_may_read_it(client, standard_page, make_document, django_user_model):
    from django.contrib.auth.models import Group

    from kla import roles

    restricted_doc = make_document("Bukti dukung indikator 1", access_level="internal")
    page = standard_page("Bukti", body=[{"type": "document", "value": {"document": restricted_doc.pk, "description": ""}}])
    secretariat = django_user_model.objects.create_user("sekretariat", password="kata-sandi-panjang-1")
    secretariat.groups.add(Group.objects.get(name=roles.SEKRETARIAT))
    client.force_login(secretariat)
    html = client.get(page.url).content.decode()
    assert "Bukti dukung indikator 1" in html and restricted_doc.url in html and "Akses terbatas" in html


def test_news_page_shows_indonesian_date_lead_image_categories_and_tags(client, make_news, image, category):
    news = make_news("Rapat koordinasi Gugus Tugas", date=datetime.date(2025, 10, 14), lead_image=image, lead_image_caption="Suasana rapat", categories=[category], tags=["sibulan"])

    response = client.get(news.url)

    assert response.status_code == 200
    html = response.content.decode()
    parsed = parse(response)
    assert parsed.h1_texts == ["Rapat koordinasi Gugus Tugas"]
    assert "14 Oktober 2025" in html
    assert parsed.find("time", datetime="2025-10-14")
    assert parsed.find("img", alt="Peserta rapat koordinasi Gugus Tugas KLA") and "Suasana rapat" in html
    assert parsed.find("a", href=f"{news.get_parent().url}?kategori=kegiatan")
    assert parsed.find("a", href=f"{news.get_parent().url}?tag=sibulan")


def test_breadcrumbs_show_the_ancestors_of_a_page(client, standard_page):
    parent = standard_page("Tentang KLA")
    child = standard_page("Forum Anak Daerah", parent=parent)

    parsed = parse(client.get(child.url))

    nav = parsed.find("nav", **{"class": "breadcrumbs"})
    assert nav
    assert parsed.find("a", href="/")
    assert parsed.find("a", href=parent.url)
    assert parsed.find("span", **{"aria-current": "page"})


def test_breadcrumbs_from_a_context_variable_for_non_page_views():
    request = RequestFactory().get("/kla/indikator/1-x/")
    html = render_to_string(
        "includes/breadcrumbs.html",
        {"breadcrumbs": [{"title": "Kelembagaan", "url": "/kla/klaster/kelembagaan/"}, {"title": "Indikator 1", "url": ""}]},
        request=request,
    )
    assert 'href="/kla/klaster/kelembagaan/"' in html
    assert '<span aria-current="page">Indikator 1</span>' in html


def test_no_breadcrumbs_on_the_home_page(client, home_page):
    assert not parse(client.get("/")).find("nav", **{"class": "breadcrumbs"})


def test_menus_and_contact_come_from_the_site_settings(client, home_page, standard_page, rf):
    about = standard_page("Tentang KLA")
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    MainMenuItem.objects.create(setting=navigation, link_page=about, sort_order=0)
    MainMenuItem.objects.create(setting=navigation, link_url="/kla/klaster/kelembagaan/", link_title="Klaster KLA", sort_order=1)
    FooterMenuItem.objects.create(setting=navigation, link_url="/sitemap.xml", link_title="Peta situs", sort_order=0)
    site_settings = SiteSettings.for_site(site)
    site_settings.address = "Jl. Ahmad Yani, Muara Teweh"
    site_settings.phone = "(0519) 21000"
    site_settings.email = "kla@baritoutarakab.go.id"
    site_settings.instagram_url = "https://instagram.com/kla.barut"
    site_settings.footer_text = "Dikelola oleh DP3AP2KB"
    site_settings.save()

    response = client.get(about.url)
    parsed = parse(response)
    html = response.content.decode()

    assert parsed.find("a", href=about.url, **{"aria-current": "page"})
    assert parsed.find("a", href="/kla/klaster/kelembagaan/") and "Klaster KLA" in html
    assert not parsed.find("a", href="/kla/klaster/kelembagaan/", **{"aria-current": "page"})
    assert parsed.find("a", href="/sitemap.xml")
    assert "Jl. Ahmad Yani, Muara Teweh" in html
    assert parsed.find("a", href="mailto:kla@baritoutarakab.go.id")
    assert parsed.find("a", href="https://instagram.com/kla.barut")
    assert "Dikelola oleh DP3AP2KB" in html


def test_main_menu_falls_back_to_pages_shown_in_menus(client, standard_page):
    page = standard_page("Profil Gugus Tugas", show_in_menus=True)
    hidden = standard_page("Halaman tersembunyi")
    parsed = parse(client.get("/"))
    nav_links = {a.get("href") for a in parsed.find("a")}
    assert page.url in nav_links
    assert hidden.url not in nav_links


def test_pages_are_accessible_and_self_contained(client, home_page, make_news, image):
    news = make_news("Berita dengan gambar", lead_image=image)
    for url in ["/", news.url, news.get_parent().url]:
        parsed = parse(client.get(url))
        assert len(parsed.h1_texts) == 1, url
        assert parsed.find("a", href="#konten"), url
        assert parsed.find("main", id="konten"), url
        assert parsed.find("header") and parsed.find("footer") and parsed.find("nav"), url
        assert parsed.find("html", lang="id"), url
        for tag, attrs in parsed.elements:
            if tag == "img":
                assert "alt" in attrs, (url, attrs)
            for attribute in ("src", "href"):
                if tag in ("img", "script", "link", "iframe") and attribute in attrs:
                    assert not attrs[attribute].startswith(("http:", "https:", "//")), (url, attrs)


def test_page_type_rules(home_page, standard_page, news_index):
    root = Page.get_first_root_node()
    about = standard_page("Tentang")
    assert not HomePage.can_create_at(root)  # only one home page
    assert not HomePage.can_exist_under(home_page)
    assert StandardPage.can_exist_under(home_page) and StandardPage.can_exist_under(about)
    assert NewsIndexPage.can_exist_under(home_page) and not NewsIndexPage.can_exist_under(about)
    assert NewsPage.can_exist_under(news_index) and not NewsPage.can_exist_under(home_page)


def test_rich_text_links_to_restricted_documents_lose_their_address(client, standard_page, make_document):
    public_doc = make_document("Perbup KLA", access_level="public")
    restricted_doc = make_document("Data anak korban", access_level="assessor")
    body = f'<p><a linktype="document" id="{public_doc.pk}">Perbup</a> dan <a linktype="document" id="{restricted_doc.pk}">data kasus</a></p>'
    page = standard_page("Tautan dokumen", body=[{"type": "paragraph", "value": body}])
    html = client.get(page.url).content.decode()
    assert f'href="{public_doc.url}"' in html
    assert restricted_doc.url not in html and "data kasus" in html
