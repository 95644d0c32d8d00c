"""Access log, Klaster V default, evidence verification, completeness matrix, export bundles."""

import csv
import hashlib
import io
import zipfile

import pytest
from django.urls import reverse

from documents.models import AccessLog, AccessLevel, Evidence, ExportBundle, Kind, VerificationState
from tests.documents.archive_fixtures import *  # noqa: F403


# --- Access log -------------------------------------------------------------------------------


def test_restricted_download_is_logged_with_user_and_time(archive, make_user, make_document, client):
    document = make_document("Data Anak Korban Kekerasan 2026", access_level="assessor")
    assessor = make_user("assessor")
    client.force_login(assessor)
    response = client.get(document.url, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    entry = AccessLog.objects.get()
    assert entry.user == assessor and entry.document == document and entry.path == "download"
    assert entry.when is not None and entry.ip == "10.1.2.3"


def test_every_path_of_a_restricted_document_is_logged_but_public_ones_are_not(archive, make_user, make_document, client):
    restricted = make_document("Laporan Internal Dinkes", access_level="internal")
    public = make_document("Perbup KLA Publik", access_level="public")
    client.force_login(make_user("secretariat"))
    for document in (restricted, public):
        client.get(reverse("documents:detail", args=[document.pk]))
        client.get(reverse("documents:thumbnail", args=[document.pk]))
        client.get(document.url)
    assert sorted(AccessLog.objects.values_list("path", flat=True)) == ["detail", "download", "thumbnail"]
    assert set(AccessLog.objects.values_list("document_id", flat=True)) == {restricted.pk}


def test_opening_a_restricted_document_in_the_admin_is_logged(archive, make_user, make_document, client):
    restricted = make_document("Laporan Internal Dinkes", access_level="internal")
    public = make_document("Perbup KLA Publik", access_level="public")
    secretariat = make_user("secretariat")
    client.force_login(secretariat)
    for document in (restricted, public):
        assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
    entry = AccessLog.objects.get()
    assert (entry.document, entry.user, entry.path) == (restricted, secretariat, "admin")


def test_refused_requests_are_not_logged_as_reads(archive, make_user, make_document, client):
    document = make_document("Laporan Internal Dinkes", access_level="internal")
    client.force_login(make_user("assessor"))
    assert client.get(document.url).status_code == 403
    assert not AccessLog.objects.exists()


def test_staff_filter_and_export_the_access_log_as_csv(archive, make_user, make_document, client):
    document = make_document("Data Anak Korban Kekerasan 2026", access_level="assessor")
    other = make_document("Dokumen Lain Terbatas", access_level="assessor")
    assessor = make_user("assessor")
    client.force_login(assessor)
    client.get(document.url)
    client.get(reverse("documents:detail", args=[other.pk]))
    client.force_login(make_user("secretariat"))
    url = reverse("document_access_log:index")
    response = client.get(url, {"path": "download"})
    assert response.status_code == 200
    assert "Data Anak Korban Kekerasan 2026" in response.content.decode()
    assert "Dokumen Lain Terbatas" not in response.content.decode()
    response = client.get(url, {"export": "csv", "document_title": "anak korban"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.content.decode("utf-8-sig"))))
    assert len(rows) == 2  # header + one entry
    assert "Data Anak Korban Kekerasan 2026" in rows[1] and "assessor" in rows[1]


def test_the_access_log_is_for_staff_only(archive, make_user, client):
    for role in ("contributor_same", "assessor"):
        client.force_login(make_user(role))
        assert client.get(reverse("document_access_log:index")).status_code in (302, 403)


# --- Klaster V default ------------------------------------------------------------------------


def test_evidence_tagged_with_a_cluster_v_indicator_defaults_to_assessor(archive, make_document):
    evidence = make_document("Data Kasus Kekerasan Anak", kind=Kind.EVIDENCE, indicators=[archive.cluster_v_indicator])
    evidence.refresh_from_db()
    assert evidence.access_level == AccessLevel.ASSESSOR


def test_cluster_v_default_leaves_other_kinds_and_explicit_levels_alone(archive, make_document):
    regulation = make_document("Perda Perlindungan Anak", kind=Kind.REGULATION, indicators=[archive.cluster_v_indicator])
    internal = make_document("Catatan Kasus", kind=Kind.EVIDENCE, access_level="internal", indicators=[archive.cluster_v_indicator])
    other_cluster = make_document("Bukti Klaster I", kind=Kind.EVIDENCE, indicators=[archive.indicator])
    for document, level in ((regulation, "public"), (internal, "internal"), (other_cluster, "public")):
        document.refresh_from_db()
        assert document.access_level == level


def test_cluster_v_default_applies_when_evidence_is_linked_and_can_be_reverted(archive, make_document):
    document = make_document("Foto Kegiatan Rumah Aman", kind=Kind.EVIDENCE)
    Evidence.objects.create(document=document, indicator=archive.cluster_v_indicator, period=archive.period)
    document.refresh_from_db()
    assert document.access_level == AccessLevel.ASSESSOR
    # a deliberate choice afterwards is respected
    document.access_level = AccessLevel.PUBLIC
    document.save()
    document.indicators.set([archive.indicator, archive.cluster_v_indicator])
    document.refresh_from_db()
    assert document.access_level == AccessLevel.PUBLIC


# --- Evidence verification --------------------------------------------------------------------


def evidence_post_data(document, indicator, period, state, note=""):
    return {"document": document.pk, "indicator": indicator.pk, "period": period.pk, "state": state, "note": note, "stale_reason": ""}


def test_a_contributor_cannot_set_verified(archive, make_user, make_document, client):
    document = make_document("Bukti Dinkes", access_level="assessor")
    contributor = make_user("contributor_same")
    client.force_login(contributor)
    response = client.post(reverse("evidence:add"), evidence_post_data(document, archive.indicator, archive.period, "verified"))
    assert response.status_code == 200  # the form again, with the error
    assert not Evidence.objects.exists()
    response = client.post(reverse("evidence:add"), evidence_post_data(document, archive.indicator, archive.period, "submitted"))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.state == VerificationState.SUBMITTED and evidence.submitted_by == contributor
    response = client.post(reverse("evidence:edit", args=[evidence.pk]), evidence_post_data(document, archive.indicator, archive.period, "verified"))
    evidence.refresh_from_db()
    assert evidence.state == VerificationState.SUBMITTED and evidence.verified_by is None


def test_the_secretariat_verifies_and_asks_for_revision_with_a_note(archive, make_user, make_document, client):
    document = make_document("Bukti Dinkes", access_level="assessor")
    evidence = Evidence.objects.create(document=document, indicator=archive.indicator, period=archive.period, state="submitted")
    staff = make_user("secretariat")
    client.force_login(staff)
    url = reverse("evidence:edit", args=[evidence.pk])
    response = client.post(url, evidence_post_data(document, archive.indicator, archive.period, "needs_revision"))
    assert response.status_code == 200  # a revision needs a note
    client.post(url, evidence_post_data(document, archive.indicator, archive.period, "needs_revision", note="Tanda tangan belum ada"))
    evidence.refresh_from_db()
    assert evidence.state == VerificationState.NEEDS_REVISION and evidence.note == "Tanda tangan belum ada"
    client.post(url, evidence_post_data(document, archive.indicator, archive.period, "verified"))
    evidence.refresh_from_db()
    assert evidence.state == VerificationState.VERIFIED and evidence.verified_by == staff and evidence.verified_at


def test_a_contributor_only_sees_evidence_of_their_own_opd(archive, make_user, make_document, client):
    own = make_document("Bukti Milik Dinkes", access_level="assessor", opd=archive.opd_same)
    other = make_document("Bukti Milik BPBD", access_level="internal", opd=archive.opd_other)
    for document in (own, other):
        Evidence.objects.create(document=document, indicator=archive.indicator, period=archive.period)
    client.force_login(make_user("contributor_same"))
    content = client.get(reverse("evidence:index")).content.decode()
    assert "Bukti Milik Dinkes" in content and "Bukti Milik BPBD" not in content


# --- Completeness matrix ----------------------------------------------------------------------


def matrix_cell(content, indicator_number, year):
    from html.parser import HTMLParser

    class Finder(HTMLParser):
        def __init__(self):
            super().__init__()
            self.row = self.cell = False
            self.text = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "tr":
                self.row = attrs.get("data-indicator") == str(indicator_number)
            if tag == "td" and self.row and attrs.get("data-period") == str(year):
                self.cell, self.text = True, ""

        def handle_endtag(self, tag):
            if tag == "td":
                self.cell = False

        def handle_data(self, data):
            if self.cell:
                self.text += data

    finder = Finder()
    finder.feed(content)
    return " ".join((finder.text or "").split())


def test_completeness_matrix_flags_missing_and_counts(archive, make_user, make_document, client):
    from kla.models import AssessmentPeriod, Indicator

    earlier = AssessmentPeriod.objects.create(name="Evaluasi KLA Lalu", year=archive.period.year - 1, opens_on=archive.period.opens_on.replace(year=archive.period.year - 1), closes_on=archive.period.closes_on.replace(year=archive.period.year - 1))
    perda = make_document("Perda Perlindungan Anak", access_level="public")
    report = make_document("Laporan Posyandu", access_level="assessor")
    Evidence.objects.create(document=perda, indicator=archive.indicator, period=earlier, state="verified", valid_across_years=True)
    Evidence.objects.create(document=report, indicator=archive.indicator, period=archive.period, state="submitted")
    draft = make_document("Konsep Belum Diajukan")
    empty_indicator = Indicator.objects.exclude(pk=archive.indicator.pk).order_by("number").first()
    Evidence.objects.create(document=draft, indicator=empty_indicator, period=archive.period, state="draft")

    client.force_login(make_user("secretariat"))
    content = client.get(reverse("documents:completeness")).content.decode()
    assert matrix_cell(content, archive.indicator.number, earlier.year) == "1 terverifikasi / 0 diajukan"
    # the Perda stays valid across years: it counts in the later period too
    assert matrix_cell(content, archive.indicator.number, archive.period.year) == "1 terverifikasi / 1 diajukan"
    assert matrix_cell(content, empty_indicator.number, archive.period.year) == "Belum ada"
    assert str(archive.opd_same) in content  # the responsible OPD of the indicator

    admin_content = client.get(reverse("documents_completeness")).content.decode()
    assert matrix_cell(admin_content, empty_indicator.number, archive.period.year) == "Belum ada"

    # filtering by another OPD leaves only missing cells for this indicator
    content = client.get(reverse("documents:completeness"), {"opd": archive.opd_other.pk}).content.decode()
    assert matrix_cell(content, archive.indicator.number, archive.period.year) == "Belum ada"


def test_stale_evidence_stops_counting_in_later_periods(archive, make_user, make_document, client):
    from kla.models import AssessmentPeriod

    earlier = AssessmentPeriod.objects.create(name="Evaluasi KLA Lalu", year=archive.period.year - 1, opens_on=archive.period.opens_on.replace(year=archive.period.year - 1), closes_on=archive.period.closes_on.replace(year=archive.period.year - 1))
    perda = make_document("Perda Yang Dicabut")
    Evidence.objects.create(document=perda, indicator=archive.indicator, period=earlier, state="verified", valid_across_years=True, is_stale=True, stale_reason="Dicabut")
    client.force_login(make_user("secretariat"))
    content = client.get(reverse("documents:completeness")).content.decode()
    assert matrix_cell(content, archive.indicator.number, archive.period.year) == "Belum ada"


def test_matrix_counts_only_what_the_viewer_may_read(archive, make_user, make_document, client):
    internal = make_document("Catatan Internal", access_level="internal")
    Evidence.objects.create(document=internal, indicator=archive.indicator, period=archive.period, state="verified")
    client.force_login(make_user("assessor"))
    content = client.get(reverse("documents:completeness")).content.decode()
    assert matrix_cell(content, archive.indicator.number, archive.period.year) == "Belum ada"
    client.force_login(make_user("secretariat"))
    content = client.get(reverse("documents:completeness")).content.decode()
    assert matrix_cell(content, archive.indicator.number, archive.period.year) == "1 terverifikasi / 0 diajukan"


def test_the_matrix_is_not_for_the_public(archive, client):
    response = client.get(reverse("documents:completeness"))
    assert response.status_code == 302


# --- Export bundles ---------------------------------------------------------------------------


def download_zip(client, bundle):
    response = client.get(reverse("documents:export_download", args=[bundle.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_export_bundle_holds_the_files_and_an_index_with_checksums(archive, make_user, make_document, client):
    first = make_document("Laporan Posyandu 2026", access_level="assessor")
    second = make_document("SK Gugus Tugas KLA", access_level="public", kind=Kind.DECISION)
    Evidence.objects.create(document=first, indicator=archive.indicator, period=archive.period, state="verified")
    Evidence.objects.create(document=second, indicator=archive.indicator, period=archive.period, state="submitted")
    assessor = make_user("assessor")
    client.force_login(assessor)
    response = client.post(reverse("documents:export_request"), {"cluster": archive.indicator.cluster_id, "period": archive.period.pk})
    assert response.status_code == 302
    bundle = ExportBundle.objects.get(requested_by=assessor)
    assert bundle.status == "done"
    assert bundle.filename in client.get(reverse("documents:export_list")).content.decode()
    with download_zip(client, bundle) as archive_file:
        rows = list(csv.DictReader(io.StringIO(archive_file.read("index.csv").decode())))
        assert {row["title"] for row in rows} == {"Laporan Posyandu 2026", "SK Gugus Tugas KLA"}
        for row, document in ((r, first if r["title"] == first.title else second) for r in rows):
            content = archive_file.read(row["file"])
            with document.file.open("rb") as handle:
                assert content == handle.read()
            assert row["sha256"] == hashlib.sha256(content).hexdigest()
            assert row["indicator"] == str(archive.indicator) and row["year"] == str(archive.period.year)
            assert row["opd"] == str(archive.opd_same)
        html = archive_file.read("index.html").decode()
        assert "Laporan Posyandu 2026" in html and rows[0]["sha256"] in html
    # each restricted file that left in the bundle is in the access log
    assert list(AccessLog.objects.values_list("path", "document_id")) == [("export", first.pk)]


def test_export_bundle_is_refused_once_the_user_may_no_longer_read_every_file(archive, make_user, make_document, client):
    document = make_document("Laporan Posyandu 2026", access_level="assessor")
    Evidence.objects.create(document=document, indicator=archive.indicator, period=archive.period, state="verified")
    assessor = make_user("assessor")
    client.force_login(assessor)
    client.post(reverse("documents:export_request"), {"indicator": archive.indicator.pk, "period": archive.period.pk})
    bundle = ExportBundle.objects.get(requested_by=assessor)
    assert client.get(reverse("documents:export_download", args=[bundle.pk])).status_code == 200
    document.access_level = AccessLevel.INTERNAL  # permissions changed after the bundle was built
    document.save()
    response = client.get(reverse("documents:export_download", args=[bundle.pk]))
    assert response.status_code == 403
    document.access_level = AccessLevel.ASSESSOR
    document.save()
    archive.close_period()  # the assessment window closed
    assert client.get(reverse("documents:export_download", args=[bundle.pk])).status_code == 403


def test_another_users_bundle_is_not_revealed(archive, make_user, make_document, client):
    document = make_document("Laporan Publik", access_level="public")
    Evidence.objects.create(document=document, indicator=archive.indicator, period=archive.period, state="verified")
    owner = make_user("contributor_same")
    client.force_login(owner)
    client.post(reverse("documents:export_request"), {"indicator": archive.indicator.pk, "period": archive.period.pk})
    bundle = ExportBundle.objects.get()
    client.force_login(make_user("contributor_other"))
    assert client.get(reverse("documents:export_download", args=[bundle.pk])).status_code == 404


# --- Serving details --------------------------------------------------------------------------


def test_public_file_is_not_marked_private_and_restricted_ones_are(archive, make_user, make_document, client):
    public = make_document("Perbup Publik")
    restricted = make_document("Bukti Terbatas", access_level="assessor")
    response = client.get(public.url)
    assert response.status_code == 200 and "private" not in response.get("Cache-Control", "")
    client.force_login(make_user("secretariat"))
    for url in (restricted.url, reverse("documents:detail", args=[restricted.pk]), reverse("documents:thumbnail", args=[restricted.pk])):
        assert "private" in client.get(url)["Cache-Control"]


def test_detail_page_shows_metadata_preview_and_download(archive, make_document, client):
    document = make_document("Perbup Nomor 12 Tahun 2025 tentang KLA", description="Peraturan Bupati tentang KLA.")
    content = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert "Peraturan Bupati tentang KLA." in content
    assert str(archive.indicator.name) in content and str(archive.opd_same.name) in content
    assert reverse("documents:thumbnail", args=[document.pk]) in content  # the preview image
    assert f'data="{document.url}"' in content  # the inline PDF
    assert f"{document.url}?unduh=1" in content


def test_download_link_is_an_attachment(archive, make_document, client):
    document = make_document("Perbup Publik")
    response = client.get(document.url + "?unduh=1")
    assert response["Content-Disposition"].startswith("attachment")


def test_s3_like_storage_redirects_only_to_a_signed_url_after_the_check(archive, make_user, make_document, client):
    from documents import access

    document = make_document("Bukti Di S3", access_level="internal")

    class SignedStorage:
        querystring_auth = True

        def url(self, name, parameters=None, expire=None):
            return f"https://s3.example.invalid/{name}?X-Amz-Signature=abc&X-Amz-Expires=60"

    class RemoteFile:
        name = document.file.name
        storage = SignedStorage()

        def __bool__(self):
            return True

        @property
        def path(self):
            raise NotImplementedError

    response = access.file_response(RemoteFile(), "bukti.pdf", "application/pdf", True, document=document)
    assert response.status_code == 302 and "X-Amz-Signature" in response["Location"]
    assert "private" in response["Cache-Control"]
    # and the check comes first: an assessor never gets the redirect
    client.force_login(make_user("assessor"))
    assert client.get(document.url).status_code == 403


@pytest.mark.parametrize("param", ["indikator", "jenis", "tahun", "opd"])
def test_archive_filters_narrow_the_listing(archive, make_document, client, param):
    from kla.models import Indicator

    other_indicator = Indicator.objects.exclude(pk=archive.indicator.pk).first()
    match = make_document("Dokumen Cocok", kind=Kind.REPORT)
    other = make_document("Dokumen Lain", kind=Kind.DATA, opd=archive.opd_other, indicators=[other_indicator])
    other.years = [2019]
    other.save()
    value = {"indikator": archive.indicator.number, "jenis": Kind.REPORT, "tahun": archive.period.year, "opd": archive.opd_same.pk}[param]
    content = client.get(reverse("documents:list"), {param: value}).content.decode()
    assert match.title in content and "Dokumen Lain" not in content


def test_wagtails_own_serve_view_is_locked_too(archive, make_document, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import Http404
    from wagtail.documents.views.serve import serve

    document = make_document("Bukti Terbatas", access_level="internal")
    request = rf.get("/")
    request.user = AnonymousUser()
    with pytest.raises(Http404):
        serve(request, document.pk, document.filename)


def test_detail_page_names_the_language(archive, make_document, client):
    document = make_document("Laporan Forum Anak", access_level="public", language="en")
    content = client.get(reverse("documents:detail", args=[document.pk])).content.decode()
    assert "<td>Inggris</td>" in content
