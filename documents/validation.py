"""Validation of an uploaded file BEFORE anything is saved.

Every path that takes a file (the admin forms, the multiple uploader, ``import_documents``, any API)
calls :func:`validate_file`. The file type is detected from the content, never from the name; the
extension must agree with it. A rejection raises ``ValidationError`` with a message that names the
problem; nothing has been written at that point.
"""

import hashlib
import os
import warnings
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

CHUNK_SIZE = 1024 * 1024

# kind -> (mime type, extensions that may carry it)
KINDS = {
    "pdf": ("application/pdf", {"pdf"}),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}),
    "odt": ("application/vnd.oasis.opendocument.text", {"odt"}),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", {"ods"}),
    "png": ("image/png", {"png"}),
    "jpeg": ("image/jpeg", {"jpg", "jpeg"}),
    "tiff": ("image/tiff", {"tif", "tiff"}),
    "html": ("text/html", {"html", "htm"}),
    "text": ("text/plain", {"txt", "csv"}),
}
IMAGE_KINDS = {"png", "jpeg", "tiff"}
OFFICE_KINDS = {"docx", "xlsx", "pptx", "odt", "ods"}

# The main part of each OOXML package, as named in [Content_Types].xml.
OOXML_MAIN_PARTS = {
    "wordprocessingml.document.main": "docx",
    "spreadsheetml.sheet.main": "xlsx",
    "presentationml.presentation.main": "pptx",
}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def max_upload_size():
    return getattr(settings, "DOCUMENT_MAX_UPLOAD_SIZE", 100 * 1024 * 1024)


def max_uncompressed_size():
    """Total size an office file may unpack to (read from its zip directory)."""
    return getattr(settings, "DOCUMENT_MAX_UNCOMPRESSED_SIZE", 500 * 1024 * 1024)


def max_compression_ratio():
    return getattr(settings, "DOCUMENT_MAX_COMPRESSION_RATIO", 200)


def max_image_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


@dataclass
class CheckedFile:
    kind: str
    mime: str
    size: int
    sha256: str
    page_count: int | None = None


def reject(message, code):
    raise ValidationError(message, code=code)


def _rewind(fileobj):
    fileobj.seek(0)
    return fileobj


def file_size(fileobj):
    size = getattr(fileobj, "size", None)
    if size is None:
        fileobj.seek(0, os.SEEK_END)
        size = fileobj.tell()
    _rewind(fileobj)
    return size


def sha256_of(fileobj):
    """The SHA-256 of a file object, read in chunks (memory-safe for big files)."""
    digest = hashlib.sha256()
    _rewind(fileobj)
    for chunk in iter(lambda: fileobj.read(CHUNK_SIZE), b""):
        digest.update(chunk)
    _rewind(fileobj)
    return digest.hexdigest()


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) // 100


def _zip_kind(fileobj):
    try:
        with zipfile.ZipFile(_rewind(fileobj)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml")[:1_000_000].decode("utf-8", "replace")
                for part, kind in OOXML_MAIN_PARTS.items():
                    if part in content_types:
                        return kind
            if "mimetype" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype")[:200].decode("ascii", "replace").strip())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, ValueError):
        reject(_("The file is damaged (corrupt) and cannot be read."), "corrupt")
    return None


def detect_kind(fileobj):
    """The kind of the file from its content (see ``KINDS``), or None when it is not an allowed type."""
    head = _rewind(fileobj).read(64 * 1024)
    _rewind(fileobj)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(fileobj)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and "EncryptedPackage".encode("utf-16-le") in head:
        # A password-protected Office file is an OLE container holding an "EncryptedPackage" stream.
        reject(_("The file is encrypted (password-protected) and cannot be read."), "encrypted")
    guessed = filetype.guess(head)
    if guessed is not None:
        return {"image/png": "png", "image/jpeg": "jpeg", "image/tiff": "tiff"}.get(guessed.mime)
    if _looks_like_text(head):
        start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start or b"<body" in start:
            return "html"
        return "text"
    return None


def _check_pdf(fileobj):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(_rewind(fileobj))
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            reject(_("The file is encrypted (password-protected) and cannot be read."), "encrypted")
        reject(_("The file is damaged (corrupt) and cannot be read."), "corrupt")
    try:
        pages = len(pdf)
    finally:
        pdf.close()
        _rewind(fileobj)
    if pages == 0:
        reject(_("The file is damaged (corrupt) and cannot be read."), "corrupt")
    return pages


def _check_zip(fileobj):
    """Zip bombs: judged from the zip directory, nothing is unpacked."""
    bomb = _("The file unpacks to far more data than its size (a possible zip bomb) and was rejected.")
    with zipfile.ZipFile(_rewind(fileobj)) as archive:
        members = archive.infolist()
        if len(members) > 10_000:
            reject(bomb, "zip_bomb")
        total = 0
        for member in members:
            if member.flag_bits & 0x1:
                reject(_("The file is encrypted (password-protected) and cannot be read."), "encrypted")
            total += member.file_size
            if member.file_size > 1024 * 1024 and member.file_size > max(member.compress_size, 1) * max_compression_ratio():
                reject(bomb, "zip_bomb")
        if total > max_uncompressed_size():
            reject(bomb, "zip_bomb")
    _rewind(fileobj)


def _check_image(fileobj):
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Image.open reads the header only; the pixels are not decoded here.
            with Image.open(_rewind(fileobj)) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
                if width * height > max_image_pixels():
                    reject(
                        _("The image is %(width)d × %(height)d pixels, more than the limit of %(limit)d million pixels (a possible decompression bomb).")
                        % {"width": width, "height": height, "limit": max_image_pixels() // 1_000_000},
                        "image_bomb",
                    )
                image.verify()
    except Image.DecompressionBombError:
        reject(_("The image has too many pixels (a possible decompression bomb) and was rejected."), "image_bomb")
    except ValidationError:
        raise
    except Exception:
        reject(_("The file is damaged (corrupt) and cannot be read."), "corrupt")
    finally:
        _rewind(fileobj)
    return frames


def validate_file(fileobj, name):
    """Check an uploaded file; return a :class:`CheckedFile` or raise ``ValidationError``.

    ``fileobj`` is any seekable binary file object (a Django ``UploadedFile``, an open file).
    """
    size = file_size(fileobj)
    if size == 0:
        reject(_("The file is empty."), "empty")
    if size > max_upload_size():
        reject(
            _("The file is %(size)s, larger than the limit of %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_upload_size())},
            "too_large",
        )

    extension = os.path.splitext(name or "")[1].lower().lstrip(".")
    kind = detect_kind(fileobj)
    if kind is None:
        reject(
            _("This file type is not allowed. Allowed: PDF, DOCX, XLSX, PPTX, ODT, ODS, CSV, TXT, HTML, PNG, JPEG, TIFF."),
            "type_not_allowed",
        )
    mime, extensions = KINDS[kind]
    if extension not in extensions:
        reject(
            _("The content of the file is %(kind)s, which does not match its extension “.%(extension)s”.")
            % {"kind": kind.upper(), "extension": extension},
            "extension_mismatch",
        )

    page_count = None
    if kind == "pdf":
        page_count = _check_pdf(fileobj)
    elif kind in OFFICE_KINDS:
        _check_zip(fileobj)
    elif kind in IMAGE_KINDS:
        page_count = _check_image(fileobj)

    return CheckedFile(kind=kind, mime=mime, size=size, sha256=sha256_of(fileobj), page_count=page_count)
