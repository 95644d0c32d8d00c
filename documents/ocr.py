"""OCR with the Tesseract binary (``ind`` + ``eng``), called through subprocess.

``available()`` is False when the binary is not installed; the pipeline then marks the
document "OCR unavailable" and ``reextract_documents`` catches up once it is installed.
"""

import io
import shutil
import subprocess

LANGUAGES = "ind+eng"
TIMEOUT = 600  # seconds per page or image


class OcrError(Exception):
    pass


def binary():
    return shutil.which("tesseract")


def available():
    return binary() is not None


def _run(source, stdin=None):
    command = [binary() or "tesseract", source, "-", "-l", LANGUAGES]
    try:
        completed = subprocess.run(command, input=stdin, capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise OcrError(str(error)) from error
    if completed.returncode != 0:
        raise OcrError(completed.stderr.decode("utf-8", "replace").strip()[-500:] or f"tesseract exit {completed.returncode}")
    return completed.stdout.decode("utf-8", "replace")


def image_to_text(image):
    """OCR a PIL image (e.g. a rendered PDF page), sent to tesseract on stdin."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _run("-", stdin=buffer.getvalue())


def file_to_text(path):
    """OCR an image file (PNG, JPEG, TIFF; every frame of a multi-page TIFF)."""
    return _run(str(path))
