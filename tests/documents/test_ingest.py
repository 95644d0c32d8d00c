"""Ingestion: validation, extraction of real files of every type, OCR, search, duplicates, failures."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from documents import ingest
from documents.models import IngestionStatus
from tests.documents import files
from tests.documents.ingest_fixtures import enqueued, indicators, require_tesseract, run_tasks, stored_files  # noqa: F401

pytestmark = pytest.mark.django_db

Document = get_document_model()

# (generator, file name, a distinctive Indonesian word, needs OCR)
SAMPLES = [
    (files.pdf_with_text, "laporan.pdf", "mandau", False),
    (files.scanned_pdf, "pindaian.pdf", "anyaman", True),
    (files.docx, "bukti.docx", "enggang", False),
    (files.xlsx, "data.xlsx", "tambun", False),
    (files.pptx, "paparan.pptx", "kelotok", False),
    (files.odt, "notulen.odt", "jukung", False),
    (files.ods, "rekap.ods", "sasirangan", False),
    (files.image_with_text, "foto.png", "purun", True),
    (files.text_file, "catatan.txt", "ketupat", False),
    (files.csv_file, "tabel.csv", "kalakai", False),
    (files.html_file, "berita.html", "lanting", False),
]


def upload(path, **fields):
    with open(path, "rb") as handle:
        return ingest.ingest_file(handle, path.name, **fields)


@pytest.mark.parametrize("make, name, word, needs_ocr", SAMPLES, ids=[sample[1] for sample in SAMPLES])
def test_text_is_extracted_and_found_by_search(tmp_path, run_tasks, make, name, word, needs_ocr):
    if needs_ocr:
        require_tesseract()
    path = make(tmp_path / "in" / name, text=f"{files.TEXT} Kata kunci {word} untuk pencarian.")
    other = files.text_file(tmp_path / "in" / "lain.txt", text="Dokumen lain tentang pendidikan.")
    with run_tasks():
        document = upload(path).document
        upload(other)

    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE, document.ingestion_error
    assert word in document.extracted_text.lower()
    assert "posyandu" in document.extracted_text.lower()
    assert len(document.sha256) == 64
    assert list(Document.objects.search(word)) == [document]
    if name.endswith((".pdf", ".png")):
        assert document.thumbnail and document.thumbnail.storage.exists(document.thumbnail.name)
        from PIL import Image

        with document.thumbnail.open("rb") as handle, Image.open(handle) as thumbnail:
            assert thumbnail.width <= 400
    else:
        assert not document.thumbnail


def test_page_count_and_detected_type_come_from_the_content(tmp_path, run_tasks):
    path = files.pdf_with_text(tmp_path / "tiga-halaman.pdf", pages=3)
    with run_tasks():
        document = upload(path).document
    document.refresh_from_db()
    assert document.page_count == 3
    assert document.detected_type == "application/pdf"
    assert "Halaman 3" in document.extracted_text


def write(path, content):
    path.write_bytes(content)
    return path


BAD_INPUTS = [
    ("content not matching the extension", lambda d: files.docx(d / "laporan.pdf"), "extension_mismatch",
     _("The content of the file is %(kind)s, which does not match its extension “.%(extension)s”.") % {"kind": "DOCX", "extension": "pdf"}),
    ("empty file", lambda d: write(d / "kosong.txt", b""), "empty", _("The file is empty.")),
    ("corrupt PDF", lambda d: files.corrupt_pdf(d / "rusak.pdf"), "corrupt", _("The file is damaged (corrupt) and cannot be read.")),
    ("encrypted PDF", lambda d: files.encrypted_pdf(d / "terkunci.pdf"), "encrypted", _("The file is encrypted (password-protected) and cannot be read.")),
    ("DOCX zip bomb", lambda d: files.docx_zip_bomb(d / "bom.docx"), "zip_bomb",
     _("The file unpacks to far more data than its size (a possible zip bomb) and was rejected.")),
    ("image decompression bomb", lambda d: files.png_bomb(d / "bom.png"), "image_bomb",
     _("The image has too many pixels (a possible decompression bomb) and was rejected.")),
    ("type not allowed", lambda d: write(d / "program.exe", b"MZ\x90\x00" + bytes(range(256)) * 8), "type_not_allowed",
     _("This file type is not allowed. Allowed: PDF, DOCX, XLSX, PPTX, ODT, ODS, CSV, TXT, HTML, PNG, JPEG, TIFF.")),
]


@pytest.mark.parametrize("label, make, code, message", BAD_INPUTS, ids=[bad[0] for bad in BAD_INPUTS])
def test_bad_input_is_rejected_and_leaves_nothing_behind(tmp_path, run_tasks, enqueued, stored_files, label, make, code, message):
    source = tmp_path / "in"
    source.mkdir()
    path = make(source)
    with run_tasks(), pytest.raises(ValidationError) as error:
        upload(path)
    assert error.value.code == code
    assert error.value.messages == [str(message)]
    assert Document.objects.count() == 0
    assert stored_files() == []
    assert enqueued == []


def test_oversized_file_is_rejected(tmp_path, settings, run_tasks, enqueued, stored_files):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 4096
    path = files.pdf_with_text(tmp_path / "in" / "besar.pdf", pages=3)
    assert path.stat().st_size > 4096
    with run_tasks(), pytest.raises(ValidationError) as error:
        upload(path)
    assert error.value.code == "too_large"
    assert Document.objects.count() == 0 and stored_files() == [] and enqueued == []


def test_zip_bomb_total_size_limit(tmp_path, settings):
    settings.DOCUMENT_MAX_UNCOMPRESSED_SIZE = 1024 * 1024
    path = files.docx(tmp_path / "biasa.docx", text=" ".join(["gizi"] * 200_000))
    with pytest.raises(ValidationError) as error:
        upload(path)
    assert error.value.code == "zip_bomb"


def test_a_good_upload_does_enqueue_one_task(tmp_path, run_tasks, enqueued, stored_files):
    """The other side of the rejection tests: an accepted file is stored and gets its task."""
    with run_tasks():
        document = upload(files.docx(tmp_path / "in" / "bukti.docx")).document
    from documents.tasks import ingest_document

    assert [result.args for result in enqueued if result.task.func is ingest_document.func] == [[document.pk]]
    assert stored_files() == [document.file.path]


def test_duplicate_upload_is_linked_not_stored_twice(tmp_path, run_tasks, indicators, stored_files):
    first_path = files.pdf_with_text(tmp_path / "in" / "perbup.pdf")
    copy_path = tmp_path / "in" / "salinan-perbup.pdf"
    copy_path.write_bytes(first_path.read_bytes())
    with run_tasks():
        first = upload(first_path, indicators=[indicators[13]], years=[2025])
        second = upload(copy_path, indicators=[indicators[14]], years=[2026])

    assert first.created and not second.created
    assert second.document.pk == first.document.pk
    assert Document.objects.count() == 1
    assert [name for name in stored_files() if "/documents/" in name] == [first.document.file.path]
    document = Document.objects.get()
    assert sorted(document.indicators.values_list("number", flat=True)) == [13, 14]
    assert document.years == [2025, 2026]
    assert document.title == "perbup"
    assert "perbup" in ingest.duplicate_message(document)


def test_extraction_failure_keeps_the_upload_and_says_why(tmp_path, run_tasks, monkeypatch):
    def broken(path, kind):
        raise RuntimeError("parser meledak")

    monkeypatch.setattr(ingest, "extract", broken)
    with run_tasks():
        document = upload(files.docx(tmp_path / "in" / "bukti.docx")).document
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.FAILED
    assert "parser meledak" in document.ingestion_error
    assert document.file.storage.exists(document.file.name)

    monkeypatch.undo()
    call_command("reextract_documents", "--status", "failed", "--no-progress", stdout=open("/dev/null", "w"))
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE
    assert "posyandu" in document.extracted_text.lower()


def test_without_tesseract_the_scan_is_stored_as_ocr_unavailable_and_reextract_catches_up(tmp_path, run_tasks, monkeypatch):
    path = files.scanned_pdf(tmp_path / "in" / "pindaian.pdf", text=f"{files.TEXT} Kata kunci belanga.")
    monkeypatch.setenv("PATH", str(tmp_path / "no-binaries-here"))
    with run_tasks():
        document = upload(path).document
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.OCR_UNAVAILABLE
    assert "Tesseract" in document.ingestion_error or "reextract_documents" in document.ingestion_error
    assert document.file.storage.exists(document.file.name)
    assert document.thumbnail  # the thumbnail does not need OCR
    assert list(Document.objects.search("belanga")) == []

    monkeypatch.undo()
    require_tesseract()
    call_command("reextract_documents", "--status", "ocr_unavailable", "--no-progress", stdout=open("/dev/null", "w"))
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE
    assert list(Document.objects.search("belanga")) == [document]


def test_long_text_is_capped_and_the_document_says_so(tmp_path, run_tasks, monkeypatch):
    from documents import extract

    monkeypatch.setattr(extract, "MAX_TEXT_CHARS", 1000)
    monkeypatch.setattr(ingest, "MAX_TEXT_CHARS", 1000)
    path = files.text_file(tmp_path / "in" / "panjang.txt", text="gizi balita " * 1000)
    with run_tasks():
        document = upload(path).document
    document.refresh_from_db()
    assert document.ingestion_status == IngestionStatus.DONE
    assert len(document.extracted_text) <= 1000
    assert _("The extracted text was longer than %(limit)d characters and was cut off; search covers only the first part.") % {"limit": 1000} in document.ingestion_error
