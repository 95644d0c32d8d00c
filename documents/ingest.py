"""The ingestion pipeline: validate → store → (task) extract → OCR → thumbnail → index.

Stages, as ``ArchiveDocument.ingestion_status`` shows them to staff:
pending (stored, task enqueued) → extracting (SHA-256, detected type, page count, text layer)
→ ocr (only when the text layer is empty or nearly so) → done; or ocr_unavailable (Tesseract not
installed: ``reextract_documents`` catches up) or failed (the reason is in ``ingestion_error``).
A failure never deletes the upload.

Every path that stores a new file calls :func:`mark_for_ingestion` before saving the document: the
task is then enqueued once the transaction commits. :func:`ingest_file` is the whole path for
files that do not come through a form (``import_documents``, APIs).
"""

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass

from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.search import index

from . import ocr
from .extract import MAX_TEXT_CHARS, TextCollector, extract
from .models import AccessLevel, IngestionStatus
from .thumbnails import save_thumbnail
from .validation import CHUNK_SIZE, IMAGE_KINDS, KINDS, detect_kind, validate_file

logger = logging.getLogger(__name__)

# A PDF whose text layer has fewer non-blank characters per page than this is treated as scanned.
MIN_CHARS_PER_PAGE = 32
OCR_DPI = 300


# --- Before saving ------------------------------------------------------------------------------

def find_duplicate(sha256, exclude_pk=None):
    documents = get_document_model().objects.filter(sha256=sha256)
    if exclude_pk is not None:
        documents = documents.exclude(pk=exclude_pk)
    return documents.order_by("pk").first()


def duplicate_message(document):
    return _("This file already exists as “%(title)s” (document %(id)d); it was not stored again.") % {
        "title": document.title,
        "id": document.pk,
    }


def mark_for_ingestion(document, checked):
    """Record what validation found and enqueue the ingestion task once ``document`` is saved."""
    document.sha256 = checked.sha256
    document.detected_type = checked.mime
    document.page_count = checked.page_count
    document.ingestion_status = IngestionStatus.PENDING
    document.ingestion_error = ""
    document.extracted_text = ""
    document._ingest_after_save = True


def _enqueue_after_save(sender, instance, **kwargs):
    if instance.__dict__.pop("_ingest_after_save", False):
        transaction.on_commit(lambda pk=instance.pk: enqueue(pk))


post_save.connect(_enqueue_after_save, dispatch_uid="documents.ingest.enqueue_after_save")


def enqueue(document_id):
    from .tasks import ingest_document

    return ingest_document.enqueue(document_id)


@dataclass
class IngestResult:
    document: object
    created: bool


def merge_metadata(document, indicators=(), years=()):
    """A duplicate upload adds its indicators and years to the existing document; nothing else changes."""
    if indicators:
        document.indicators.add(*indicators)
    new_years = sorted({*document.years, *years})
    if new_years != sorted(document.years):
        document.years = new_years
        document.save(update_fields=["years"])
    index.insert_or_update_object(document)


def ingest_file(fileobj, name, *, title=None, indicators=(), years=(), user=None, **fields):
    """Validate and store one file, or link it to the existing copy.

    Raises ``ValidationError`` (nothing stored) for a rejected file. Returns an :class:`IngestResult`;
    ``created`` is False when the same content already existed: then no second file is stored and the
    indicators and years are merged into the existing document.
    """
    checked = validate_file(fileobj, name)
    existing = find_duplicate(checked.sha256)
    if existing is not None:
        merge_metadata(existing, indicators, years)
        return IngestResult(existing, False)

    fields.setdefault("access_level", AccessLevel.INTERNAL)
    document = get_document_model()(
        title=title or os.path.splitext(os.path.basename(name))[0], years=sorted(set(years)), uploaded_by_user=user, **fields
    )
    mark_for_ingestion(document, checked)
    fileobj.seek(0)
    document.file.save(os.path.basename(name), File(fileobj, name=os.path.basename(name)), save=False)
    try:
        with transaction.atomic():
            document._set_document_file_metadata()
            document.save()
            if indicators:
                document.indicators.set(indicators)
    except BaseException:
        document.file.storage.delete(document.file.name)
        raise
    return IngestResult(document, True)


# --- The task ------------------------------------------------------------------------------------

@contextlib.contextmanager
def local_path(field_file):
    """A local path to a stored file: the file itself on local storage, else a streamed temporary copy."""
    try:
        yield field_file.storage.path(field_file.name)
        return
    except NotImplementedError:
        pass
    suffix = os.path.splitext(field_file.name)[1]
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with field_file.storage.open(field_file.name, "rb") as source:
            shutil.copyfileobj(source, copy, CHUNK_SIZE)
        copy.flush()
        yield copy.name


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK_SIZE), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _set_status(document, status, **fields):
    get_document_model().objects.filter(pk=document.pk).update(ingestion_status=status, **fields)
    document.ingestion_status = status


def _ocr_pdf(path, page_texts, collector):
    """OCR the pages whose text layer is (nearly) empty, one rendered page at a time; keep the others."""
    from .extract.pdf import render_pages

    scanned = [number for number, text in enumerate(page_texts) if len("".join(text.split())) < MIN_CHARS_PER_PAGE]
    ocr_texts = {}
    for number, image in render_pages(path, dpi=OCR_DPI, indexes=scanned):
        ocr_texts[number] = ocr.image_to_text(image)
        image.close()
    for number, text in enumerate(page_texts):
        collector.add(ocr_texts.get(number, text))


def needs_ocr(kind, extracted):
    if kind in IMAGE_KINDS:
        return True
    if kind == "pdf":
        pages = max(extracted.page_count or 1, 1)
        return len("".join(extracted.text.split())) < MIN_CHARS_PER_PAGE * pages
    return False


def run_ingestion(document_id):
    """The ingestion task body: never raises for a bad file; the outcome is in the document's status."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return None
    _set_status(document, IngestionStatus.EXTRACTING, ingestion_error="")
    notes = []
    try:
        with local_path(document.file) as path:
            sha256 = file_sha256(path)
            with open(path, "rb") as handle:
                kind = detect_kind(handle)
            extracted = extract(path, kind)
            text, status = extracted.text, IngestionStatus.DONE
            if needs_ocr(kind, extracted):
                if ocr.available():
                    _set_status(document, IngestionStatus.OCR)
                    collector = TextCollector()
                    if kind == "pdf":
                        _ocr_pdf(path, extracted.pages, collector)
                    else:
                        collector.add(ocr.file_to_text(path))
                    text, extracted.truncated = "\n".join(collector.parts), extracted.truncated or collector.truncated
                else:
                    status = IngestionStatus.OCR_UNAVAILABLE
                    notes.append(_("Tesseract OCR is not installed on the server; the text of this scanned file will be read by reextract_documents once it is."))
            if extracted.truncated:
                notes.append(_("The extracted text was longer than %(limit)d characters and was cut off; search covers only the first part.") % {"limit": MAX_TEXT_CHARS})
            save_thumbnail(document, path, kind)
    except Exception as error:  # any failure of a parser or of OCR: keep the upload, say why
        logger.exception("Ingestion of document %s failed", document_id)
        reason = _("Text extraction failed: %(error)s") % {"error": str(error) or error.__class__.__name__}
        _set_status(document, IngestionStatus.FAILED, ingestion_error=reason[:2000])
        return IngestionStatus.FAILED

    page_count = extracted.page_count
    if page_count is None and kind in IMAGE_KINDS:
        page_count = 1
    _set_status(
        document,
        status,
        sha256=sha256,
        detected_type=KINDS[kind][0] if kind else "",
        page_count=page_count,
        extracted_text=text.replace("\x00", ""),
        ingestion_error="\n".join(notes),
        thumbnail=document.thumbnail.name or "",
    )
    document.refresh_from_db()
    index.insert_or_update_object(document)
    return status
