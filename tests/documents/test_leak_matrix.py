"""THE leak matrix: every access level × every role × every path.

Allowed cells answer 200 and show the document; the others answer 403/404 (or, for listings
and the admin, a page without it, or the admin login) and never contain its title.
The expected table is written out here by hand, not computed with documents.permissions."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from tests.documents.archive_fixtures import *  # noqa: F403
from tests.documents.archive_fixtures import ROLE_NAMES

LEVELS = ["public", "assessor", "internal"]

ALLOWED = {
    "public": set(ROLE_NAMES),
    "assessor": {"contributor_same", "assessor", "secretariat"},
    "internal": {"contributor_same", "secretariat"},
}
# Roles whose groups may work with documents in the Wagtail admin at all (choosers), and the
# ones who may edit the document (a Kontributor OPD edits only their own OPD's documents).
ADMIN_DOCUMENT_ROLES = {"contributor_same", "contributor_other", "secretariat"}
ADMIN_EDIT_ROLES = {"contributor_same", "secretariat"}

PATHS = [
    "archive_listing", "archive_filtered", "indicator_page", "document_detail", "file_url", "thumbnail",
    "admin_listing", "admin_search", "admin_chooser", "admin_edit", "export_bundle", "sitemap", "feed",
]


@pytest.fixture
def cell(request, archive, make_user, make_document, client):
    level, role, path = request.param

    class Cell:
        pass

    c = Cell()
    c.level, c.role, c.path = level, role, path
    c.title = f"Dokumen Uji Kebocoran {level.upper()} Nomor 7731"
    c.document = make_document(c.title, access_level=level, opd=archive.opd_same)
    c.user = make_user(role)
    if role == "assessor_closed":
        archive.close_period()
    if c.user:
        client.force_login(c.user)
    c.client = client
    c.allowed = role in ALLOWED[level]
    return c


def assert_denied(response, title, statuses=(403, 404)):
    assert response.status_code in statuses, response.status_code
    assert title.encode() not in b"".join(response) if hasattr(response, "streaming_content") else title.encode() not in response.content


def assert_listed(response, title, listed):
    assert response.status_code == 200
    assert (title in response.content.decode()) is listed


def check_single(c, url, denied_statuses=None):
    response = c.client.get(url)
    if c.allowed:
        assert response.status_code == 200
        return response
    expected = denied_statuses or ((404,) if c.role == "anonymous" else (403,))
    assert_denied(response, c.title, expected)
    return response


def run_path(c, archive, django_user_model):
    document, title = c.document, c.title
    if c.path == "archive_listing":
        assert_listed(c.client.get(reverse("documents:list")), title, c.allowed)
    elif c.path == "archive_filtered":
        url = f"{reverse('documents:list')}?indikator={archive.indicator.number}&opd={archive.opd_same.pk}&tahun={archive.period.year}&jenis=laporan"
        assert_listed(c.client.get(url), title, c.allowed)
    elif c.path == "indicator_page":
        response = c.client.get(archive.indicator.get_absolute_url())
        assert b"data-indicator-documents" in response.content, "the indicator page does not include documents/includes/indicator_documents.html"
        assert_listed(response, title, c.allowed)
    elif c.path == "document_detail":
        response = check_single(c, reverse("documents:detail", args=[document.pk]))
        if c.allowed:
            assert title in response.content.decode()
            assert document.url in response.content.decode()
    elif c.path == "file_url":
        response = check_single(c, document.url)
        if c.allowed:
            document.file.open("rb")
            assert b"".join(response.streaming_content) == document.file.read()
            document.file.close()
            assert response.get("Location") is None
    elif c.path == "thumbnail":
        response = check_single(c, reverse("documents:thumbnail", args=[document.pk]))
        if c.allowed:
            assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    elif c.path in {"admin_listing", "admin_search", "admin_chooser", "admin_edit"}:
        url = {
            "admin_listing": reverse("wagtaildocs:index"),
            "admin_search": reverse("wagtaildocs:index") + "?q=Kebocoran",
            "admin_chooser": reverse("wagtaildocs_chooser:choose"),
            "admin_edit": reverse("wagtaildocs:edit", args=[document.pk]),
        }[c.path]
        response = c.client.get(url)
        if c.role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
            return
        shown = c.allowed and c.role in (ADMIN_DOCUMENT_ROLES if c.path == "admin_chooser" else ADMIN_EDIT_ROLES)
        if c.path == "admin_edit" or (c.path != "admin_chooser" and c.role not in ADMIN_DOCUMENT_ROLES):
            if shown:
                assert response.status_code == 200 and title in response.content.decode()
            else:  # no right to edit / no document admin at all (assessors)
                assert_denied(response, title, (403, 302))
        else:  # a listing the user may open: the document is in it or not
            assert_listed(response, title, shown)
    elif c.path == "export_bundle":
        run_export_path(c, archive, django_user_model)
    elif c.path == "sitemap":
        # Decision: documents (public or not) are not in the sitemap; the sitemap lists pages.
        response = c.client.get("/sitemap.xml")
        assert response.status_code == 200
        assert title not in response.content.decode()
        assert reverse("documents:detail", args=[document.pk]) not in response.content.decode()
    elif c.path == "feed":
        run_feed_path(c)


def run_export_path(c, archive, django_user_model):
    from django.contrib.auth.models import Group

    from documents.exports import request_export_bundle
    from documents.models import Evidence, VerificationState
    from kla import roles

    Evidence.objects.create(document=c.document, indicator=archive.indicator, period=archive.period, state=VerificationState.VERIFIED)
    staff = django_user_model.objects.create_user(username="sekretariat-ekspor")
    staff.groups.add(Group.objects.get(name=roles.SEKRETARIAT))
    staff_bundle = request_export_bundle(staff, archive.period, indicator=archive.indicator)
    response = c.client.get(reverse("documents:export_download", args=[staff_bundle.pk]))
    if c.role == "secretariat":
        assert response.status_code == 200
    else:  # somebody else's bundle is never revealed
        assert_denied(response, c.title, (404,))
    if c.user is None:
        response = c.client.post(reverse("documents:export_request"), {"indicator": archive.indicator.pk, "period": archive.period.pk})
        assert response.status_code == 302 and "login" in response["Location"]
        return
    c.client.post(reverse("documents:export_request"), {"indicator": archive.indicator.pk, "period": archive.period.pk})
    bundle = c.user.export_bundles.get()
    response = c.client.get(reverse("documents:export_download", args=[bundle.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive_file:
        titles = [row["title"] for row in csv.DictReader(io.StringIO(archive_file.read("index.csv").decode()))]
        assert (c.title in titles) is c.allowed
        assert (c.title in archive_file.read("index.html").decode()) is c.allowed


def run_feed_path(c):
    from home.models import HomePage, NewsIndexPage, NewsPage

    home = HomePage.objects.first()
    if home is None:
        pytest.skip("no home page: home's data migration has not created it")
    index = home.add_child(instance=NewsIndexPage(title="Berita Uji", slug="berita-uji"))
    index.save_revision().publish()
    news = index.add_child(instance=NewsPage(title="Rapat Gugus Tugas", slug="rapat", intro="Rapat koordinasi."))
    news.save_revision().publish()
    response = c.client.get(index.url + "feed/")
    assert response.status_code == 200
    assert "Rapat Gugus Tugas" in response.content.decode()
    assert c.title not in response.content.decode()  # documents are never in the news feed


@pytest.mark.parametrize(
    "cell",
    [(level, role, path) for level in LEVELS for role in ROLE_NAMES for path in PATHS],
    indirect=True,
    ids=lambda p: "-".join(p),
)
def test_leak_matrix(cell, archive, django_user_model):
    run_path(cell, archive, django_user_model)
