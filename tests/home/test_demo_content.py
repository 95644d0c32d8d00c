"""The demo content command (issue 2 item 8): what `make run` shows a newcomer, and that running it again
changes nothing."""

import datetime
import io
import stat

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Comment, Page, Revision

from home.demo import content
from home.demo.loader import credentials_path, read_credentials
from home.models import FooterMenuItem, HomePage, MainMenuItem, NewsCategory, NewsPage, SiteSettings
from kla import roles
from kla.models import AssessmentPeriod, UserProfile

from .helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything the command creates, counted, plus each page's revisions and publication time."""
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "page revisions": sorted(Page.objects.values_list("pk", "latest_revision_id", "last_published_at")),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": sorted(User.objects.values_list("username", "password")),
        "memberships": User.groups.through.objects.count(),
        "profiles": UserProfile.objects.count(),
        "categories": NewsCategory.objects.count(),
        "tags": sorted(NewsPage.tags.through.objects.values_list("content_object_id", "tag__name")),
        "menus": (MainMenuItem.objects.count(), FooterMenuItem.objects.count()),
        "periods": AssessmentPeriod.objects.count(),
        "comments": Comment.objects.count(),
        "settings": list(SiteSettings.objects.values()),
    }


def test_running_the_command_twice_leaves_the_same_content_and_credentials():
    first_output = load()
    after_first = snapshot()
    credentials = credentials_path().read_text()

    second_output = load()

    assert snapshot() == after_first
    assert credentials_path().read_text() == credentials
    assert "nothing changed" in second_output
    for username, password in read_credentials(credentials_path()).items():
        assert f"{username}" in first_output and password in first_output
        assert password in second_output


def test_every_demo_page_renders(client):
    load()
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() >= 14
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert len(parse(response).h1_texts) == 1, page.url
    titles = set(pages.values_list("title", flat=True))
    assert {"Tentang KLA", "Gugus Tugas KLA", "Forum Anak Daerah", "Tentang SIBULAN", "Berita"} <= titles


def test_the_first_news_item_is_the_gugus_tugas_meeting_of_14_october_2025(client):
    load()
    news = NewsPage.objects.live().order_by("date", "pk")
    first = news.first()
    assert first.date == datetime.date(2025, 10, 14)
    html = client.get(first.url).content.decode()
    for fact in ["Drs. Muhlis", "Aula Sekretariat Daerah Lantai I", "Silas Patiung", "SIBULAN", "2026–2031", "Forum Anak Daerah"]:
        assert fact in html


def test_at_least_eight_news_items_with_dates_categories_tags_and_a_lead_image(client):
    load()
    news = list(NewsPage.objects.live().order_by("date"))
    assert len(news) >= 8
    for item in news:
        assert datetime.date(2025, 10, 14) <= item.date < datetime.date(2026, 12, 4)
        assert item.categories.exists() and item.tags.exists(), item.title
        assert item.lead_image and item.lead_image.description, item.title
    index_html = client.get(news[0].get_parent().url).content.decode()
    assert news[-1].title in index_html  # the newest is on the first page of the index


def test_the_home_page_shows_the_programme_and_key_figures(client):
    load()
    home = HomePage.objects.get()
    html = client.get("/").content.decode()
    figures = [block.value["figure"] for block in home.key_figures]
    assert {"24", "9", "103"} <= set(figures)
    assert home.hero_image is not None
    structure = parse(client.get("/"))
    images = structure.find("img")
    assert images and all(img.get("alt") for img in images)
    assert "Gugus Tugas KLA" in html


def test_menus_and_site_settings():
    load()
    main = [item.title for item in MainMenuItem.objects.order_by("sort_order")]
    assert main == ["Beranda", "Tentang KLA", "Klaster & Indikator", "RAD KLA", "Berita", "Produk Hukum", "Dokumen", "Cari"]
    assert FooterMenuItem.objects.exists()
    site_settings = SiteSettings.objects.get()
    assert "DP3AP2KB" in site_settings.secretariat_name
    assert "Muara Teweh" in site_settings.address
    assert site_settings.logo is not None


def test_one_demo_user_per_role_whose_printed_password_works(settings):
    output = load()
    path = credentials_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    passwords = read_credentials(path)
    User = get_user_model()
    for username, role, *_rest in content.USERS:
        user = User.objects.get(username=username)
        assert user.groups.filter(name=role).exists()
        assert user.check_password(passwords[username])
        assert passwords[username] in output
    assert roles.is_administrator(User.objects.get(username="admin"))
    assert User.objects.get(username="admin").is_superuser
    assert roles.is_secretariat(User.objects.get(username="sekretariat"))
    kontributor = User.objects.get(username="kontributor")
    assert roles.is_contributor(kontributor) and kontributor.sibulan_profile.opd.code == "dinkes"
    assert roles.is_assessor(User.objects.get(username="asesor"))


def test_a_lost_credentials_file_gives_new_working_passwords():
    load()
    old = read_credentials(credentials_path())
    credentials_path().unlink()

    output = load()

    new = read_credentials(credentials_path())
    assert set(new) == set(old)
    for username, password in new.items():
        assert password != old[username] and password in output
        assert get_user_model().objects.get(username=username).check_password(password)


def test_an_editors_change_survives_a_second_run():
    load()
    page = Page.objects.get(slug="tentang-kla").specific
    page.title = "Mengenal KLA"
    page.save_revision().publish()
    revisions = page.revisions.count()

    load()

    page.refresh_from_db()
    assert page.title == "Mengenal KLA"
    assert page.revisions.count() == revisions
    assert not Page.objects.filter(slug="tentang-kla").exclude(pk=page.pk).exists()


def test_demo_documents_respect_access_levels(client):
    load()
    Document = get_document_model()
    restricted = Document.objects.get(title=content.DOCUMENTS["bukti-klaster-v"]["title"])
    public = Document.objects.get(title=content.DOCUMENTS["perbup-gugus-tugas"]["title"])
    assert restricted.access_level == "assessor"
    assert restricted.indicators.filter(cluster__code="V").exists()
    assert client.get(f"/dokumen/{restricted.pk}/").status_code == 404
    assert client.get(f"/dokumen/{public.pk}/").status_code == 200
    listing = client.get("/dokumen/").content.decode()
    assert public.title in listing and restricted.title not in listing


def test_demo_pages_carry_an_admin_only_demo_note(client):
    load()
    admin = get_user_model().objects.get(username="admin")
    page = Page.objects.get(slug="tentang-kla")
    assert Comment.objects.filter(page=page, text=content.DEMO_NOTE).exists()
    assert content.DEMO_NOTE not in client.get(page.url).content.decode()
    client.force_login(admin)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert content.DEMO_NOTE in response.content.decode()
