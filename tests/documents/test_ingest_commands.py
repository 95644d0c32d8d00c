"""The management commands of the ingestion pipeline: import_documents, reextract_documents, check_documents."""

import io

import pytest
from django.core.management import CommandError, call_command
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

    assert "Imported: 3, duplicates: 1, rejected: 1" in output
    assert "rusak.pdf: The file is damaged (corrupt)" in output
    assert "salinan.docx already exists as “laporan-gizi”" in output
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
    with pytest.raises(CommandError, match="Unknown KLA indicator number.*99"):
        run("import_documents", str(tree), "--kind", "bukti")
    with pytest.raises(CommandError, match="Unknown KLA indicator number.*77"):
        run("import_documents", str(tree / "umum"), "--kind", "bukti", "--indicator", "77")
    assert Document.objects.count() == 0
    assert stored_files() == []


def test_unknown_opd_stops_before_anything_is_imported(tree, indicators):
    with pytest.raises(CommandError, match="Unknown OPD code “tidak-ada”"):
        run("import_documents", str(tree), "--kind", "bukti", "--opd", "tidak-ada")
    assert Document.objects.count() == 0


def test_check_documents_reports_missing_files_and_checksum_mismatches(tree, run_tasks, indicators):
    with run_tasks():
        run("import_documents", str(tree / "umum"), "--kind", "data")
    assert "All 2 document(s) are present" in run("check_documents")

    data, salinan = Document.objects.get(title="data"), Document.objects.get(title="salinan")
    data.file.storage.delete(data.file.name)
    with salinan.file.storage.open(salinan.file.name, "wb") as handle:
        handle.write(b"tampered")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("check_documents", "--no-progress", stdout=out, stderr=io.StringIO())
    assert f"Document {data.pk} “data”: the file {data.file.name} is missing" in out.getvalue()
    assert f"Document {salinan.pk} “salinan”: checksum mismatch" in out.getvalue()


def test_reextract_by_id_and_all(tree, run_tasks, indicators):
    with run_tasks():
        run("import_documents", str(tree / "umum"), "--kind", "data")
    document = Document.objects.get(title="data")
    Document.objects.filter(pk=document.pk).update(extracted_text="", ingestion_status=IngestionStatus.FAILED, ingestion_error="lama")
    output = run("reextract_documents", "--id", str(document.pk))
    assert "1 document(s) queued" in output
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE and document.ingestion_error == ""
    assert "posyandu" in document.extracted_text
    assert "2 document(s) queued" in run("reextract_documents", "--status", "all")
