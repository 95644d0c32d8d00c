"""The management commands of the ingestion pipeline: import_documents, reextract_documents, check_documents."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from documents.models import AccessLevel, IngestionStatus
from tests.documents import files
from tests.documents.ingest_fixtures import indicators, opd, run_tasks, stored_files  # noqa: F401

pytestmark = pytest.mark.django_db

Document = get_document_model()


def run(*args):
    out = io.StringIO()
    call_command(*args, "--no-progress", stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "arsip"
    files.docx(root / "13-prevalensi-gizi" / "laporan-gizi.docx", text="Laporan gizi balita di posyandu Lahei.")
    files.pdf_with_text(root / "13-prevalensi-gizi" / "2025" / "rekap.pdf", text="Rekap penimbangan balita Montallat.")
    files.xlsx(root / "umum" / "data.xlsx", text="Data umum kabupaten posyandu.")
    files.corrupt_pdf(root / "umum" / "rusak.pdf")
    (root / "umum" / "salinan.docx").write_bytes((root / "13-prevalensi-gizi" / "laporan-gizi.docx").read_bytes())
    (root / ".tersembunyi").write_text("not imported")
    return root


def test_import_a_folder_tree(tree, run_tasks, indicators, opd):
    with run_tasks():
        output = run("import_documents", str(tree), "--kind", "bukti", "--year", "2025", "--opd", opd.code, "--access", "assessor")

    assert _("Imported: %(imported)d, duplicates: %(duplicates)d, rejected: %(rejected)d") % {"imported": 3, "duplicates": 1, "rejected": 1} in output
    corrupt = _("The file is damaged (corrupt) and cannot be read.")
    assert _("Rejected: %(path)s: %(reason)s") % {"path": tree / "umum" / "rusak.pdf", "reason": corrupt} in output
    original = Document.objects.get(title="laporan-gizi")
    assert _("Duplicate: %(path)s already exists as “%(title)s” (document %(id)d)") % {
        "path": tree / "umum" / "salinan.docx", "title": "laporan-gizi", "id": original.pk} in output
    assert Document.objects.count() == 3

    in_folder = Document.objects.filter(title__in=["laporan-gizi", "rekap"])
    assert {tuple(document.indicators.values_list("number", flat=True)) for document in in_folder} == {(13,)}
    general = Document.objects.get(title="data")
    assert list(general.indicators.all()) == []
    for document in Document.objects.all():
        assert document.kind == "bukti" and document.years == [2025] and document.opd == opd
        assert document.access_level == AccessLevel.ASSESSOR
        assert document.ingestion_status == IngestionStatus.DONE
    assert [document.title for document in Document.objects.search("Montallat")] == ["rekap"]


def test_indicator_option_tags_every_file_and_access_defaults_to_internal(tree, run_tasks, indicators):
    with run_tasks():
        run("import_documents", str(tree / "umum" / "data.xlsx"), "--kind", "data", "--indicator", "14")
    document = Document.objects.get()
    assert list(document.indicators.values_list("number", flat=True)) == [14]
    assert document.access_level == AccessLevel.INTERNAL


def test_unknown_indicator_stops_before_anything_is_imported(tree, indicators, stored_files):
    (tree / "99-tidak-ada").mkdir()
    files.text_file(tree / "99-tidak-ada" / "catatan.txt")
    message = _("Unknown KLA indicator number(s): %(numbers)s. Nothing was imported.")
    with pytest.raises(CommandError) as error:
        run("import_documents", str(tree), "--kind", "bukti")
    assert str(error.value) == message % {"numbers": "99"}
    with pytest.raises(CommandError) as error:
        run("import_documents", str(tree / "umum"), "--kind", "bukti", "--indicator", "77")
    assert str(error.value) == message % {"numbers": "77"}
    assert Document.objects.count() == 0
    assert stored_files() == []


def test_unknown_opd_stops_before_anything_is_imported(tree, indicators):
    with pytest.raises(CommandError) as error:
        run("import_documents", str(tree), "--kind", "bukti", "--opd", "tidak-ada")
    assert str(error.value) == _("Unknown OPD code “%(code)s”.") % {"code": "tidak-ada"}
    assert Document.objects.count() == 0


def test_check_documents_reports_missing_files_and_checksum_mismatches(tree, run_tasks, indicators):
    with run_tasks():
        run("import_documents", str(tree / "umum"), "--kind", "data")
    assert _("All %(total)d document(s) are present and match their checksums.") % {"total": 2} in run("check_documents")

    data, salinan = Document.objects.get(title="data"), Document.objects.get(title="salinan")
    data.file.storage.delete(data.file.name)
    with salinan.file.storage.open(salinan.file.name, "wb") as handle:
        handle.write(b"tampered")
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("check_documents", "--no-progress", stdout=out, stderr=io.StringIO())
    assert str(error.value) == _("%(count)d problem(s) found in %(total)d document(s).") % {"count": 2, "total": 2}
    assert _("Document %(id)d “%(title)s”: the file %(name)s is missing from storage.") % {
        "id": data.pk, "title": "data", "name": data.file.name} in out.getvalue()
    assert f"{salinan.pk}" in out.getvalue() and salinan.sha256 in out.getvalue()


def test_reextract_by_id_and_all(tree, run_tasks, indicators):
    with run_tasks():
        run("import_documents", str(tree / "umum"), "--kind", "data")
    document = Document.objects.get(title="data")
    Document.objects.filter(pk=document.pk).update(extracted_text="", ingestion_status=IngestionStatus.FAILED, ingestion_error="lama")
    output = run("reextract_documents", "--id", str(document.pk))
    assert output.startswith(_("%(count)d document(s) queued for extraction. %(summary)s") % {"count": 1, "summary": ""})
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE and document.ingestion_error == ""
    assert "posyandu" in document.extracted_text
    assert run("reextract_documents", "--status", "all").startswith(
        _("%(count)d document(s) queued for extraction. %(summary)s") % {"count": 2, "summary": ""})
