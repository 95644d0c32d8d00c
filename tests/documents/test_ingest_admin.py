"""Admin uploads (single and multiple) go through the same validation and pipeline; batches are tagged together."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection

from documents import ingest
from documents.models import AccessLevel, IngestionStatus
from tests.documents import files
from tests.documents.ingest_fixtures import enqueued, indicators, opd, run_tasks, stored_files  # noqa: F401

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("sekretariat", "sekretariat@example.org", "rahasia-sekali-123")
    client.force_login(user)
    return client


def as_upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


def multiple_upload(client, path):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": as_upload(path), "title": path.stem, "collection": Collection.get_first_root_node().pk},
    ).json()


def test_multiple_upload_runs_the_pipeline_and_keeps_the_batch_internal(staff_client, tmp_path, run_tasks):
    with run_tasks():
        answer = multiple_upload(staff_client, files.pdf_with_text(tmp_path / "laporan-posyandu.pdf", text="Laporan posyandu Desa Muara Teweh."))
    assert answer["success"], answer
    document = Document.objects.get(pk=answer["doc_id"])
    assert document.ingestion_status == IngestionStatus.DONE
    assert document.access_level == AccessLevel.INTERNAL
    assert document.detected_type == "application/pdf"
    assert [found.pk for found in Document.objects.search("Teweh")] == [document.pk]
    # The edit form the uploader shows for the new document carries its status (the task runs
    # on commit, after the form was rendered in this test's transaction).
    assert str(IngestionStatus.PENDING.label) in answer["form"]


@pytest.mark.parametrize("make, message", [
    (lambda d: files.encrypted_pdf(d / "terkunci.pdf"), "The file is encrypted (password-protected) and cannot be read."),
    (lambda d: files.docx_zip_bomb(d / "bom.docx"), "The file unpacks to far more data than its size (a possible zip bomb) and was rejected."),
    (lambda d: files.png_bomb(d / "bom.png"), "The image has too many pixels (a possible decompression bomb) and was rejected."),
], ids=["encrypted-pdf", "docx-zip-bomb", "png-bomb"])
def test_multiple_upload_rejects_bad_files_and_stores_nothing(staff_client, tmp_path, run_tasks, enqueued, stored_files, make, message):
    with run_tasks():
        answer = multiple_upload(staff_client, make(tmp_path))
    assert answer["success"] is False
    assert _(message) in answer["error_message"]
    assert Document.objects.count() == 0
    assert stored_files() == []
    assert enqueued == []


def test_multiple_upload_of_a_duplicate_names_the_existing_document(staff_client, tmp_path, run_tasks):
    path = files.docx(tmp_path / "bukti-gizi.docx")
    with run_tasks():
        first = multiple_upload(staff_client, path)
        second = multiple_upload(staff_client, path)
    assert first["success"] and second["success"] is False
    existing = Document.objects.get()
    assert ingest.duplicate_message(existing) in second["error_message"]
    assert "bukti-gizi" in second["error_message"]
    assert Document.objects.count() == 1


def test_single_add_form_rejects_content_that_does_not_match_the_extension(staff_client, tmp_path, stored_files):
    fake = tmp_path / "laporan.pdf"
    fake.write_bytes(files.docx(tmp_path / "asli.docx").read_bytes())
    response = staff_client.post(reverse("wagtaildocs:add"), {
        "title": "Laporan", "file": as_upload(fake), "collection": Collection.get_first_root_node().pk,
        "kind": "bukti", "language": "id", "access_level": "public", "years": "[]",
    })
    assert response.status_code == 200
    from django.utils.html import escape

    message = _("The content of the file is %(kind)s, which does not match its extension “.%(extension)s”.") % {"kind": "DOCX", "extension": "pdf"}
    assert escape(message) in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files() == []


def test_edit_page_shows_the_failure_reason(staff_client, tmp_path, run_tasks, monkeypatch):
    monkeypatch.setattr(ingest, "extract", lambda path, kind: (_ for _ in ()).throw(RuntimeError("tabel tidak terbaca")))
    with run_tasks():
        answer = multiple_upload(staff_client, files.xlsx(tmp_path / "data.xlsx"))
    document = Document.objects.get(pk=answer["doc_id"])
    assert document.ingestion_status == IngestionStatus.FAILED
    page = staff_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content.decode()
    assert str(IngestionStatus.FAILED.label) in page
    assert "tabel tidak terbaca" in page


def test_tag_the_uploaded_batch_together(staff_client, tmp_path, run_tasks, indicators, opd):
    with run_tasks():
        ids = [multiple_upload(staff_client, files.text_file(tmp_path / f"catatan-{n}.txt", text=f"Catatan rapat {n} posyandu."))["doc_id"] for n in (1, 2)]
    untouched = Document.objects.exclude(pk__in=ids)
    url = reverse("wagtail_bulk_action", args=("documents", "archivedocument", "set_metadata")) + "?" + "&".join(f"id={pk}" for pk in ids)

    confirm = staff_client.get(url)
    assert confirm.status_code == 200
    assert "catatan-1" in confirm.content.decode() and "catatan-2" in confirm.content.decode()

    response = staff_client.post(url, {"kind": "bukti", "indicators": [indicators[13].pk], "year": 2026, "opd": opd.pk, "access_level": "assessor"})
    assert response.status_code == 302
    for document in Document.objects.filter(pk__in=ids):
        assert document.kind == "bukti" and document.opd == opd and document.years == [2026]
        assert document.access_level == AccessLevel.ASSESSOR
        assert list(document.indicators.values_list("number", flat=True)) == [13]
    assert not untouched.exists()

    # Empty fields leave the documents as they are; the year is added to those they have.
    staff_client.post(url, {"kind": "", "year": 2027, "access_level": ""})
    for document in Document.objects.filter(pk__in=ids):
        assert document.kind == "bukti" and document.access_level == AccessLevel.ASSESSOR and document.years == [2026, 2027]
