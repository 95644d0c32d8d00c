"""Text extraction, one module per format. ``extract(path, kind)`` returns an :class:`Extracted`.

The text is capped at ``MAX_TEXT_CHARS`` so that a huge file cannot fill the memory or the search
index; ``truncated`` says when that happened.
"""

from dataclasses import dataclass, field
from importlib import import_module

MAX_TEXT_CHARS = 4_000_000

MODULES = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odf",
    "ods": "odf",
    "text": "text",
    "html": "html",
}


@dataclass
class Extracted:
    text: str = ""
    page_count: int | None = None
    truncated: bool = False
    # PDF only: the text of each page (to decide which pages need OCR).
    pages: list[str] = field(default_factory=list)


class TextCollector:
    """Collects pieces of text up to ``MAX_TEXT_CHARS``; ``full`` says when to stop reading."""

    def __init__(self, limit=None):
        self.limit = limit or MAX_TEXT_CHARS
        self.parts = []
        self.length = 0
        self.truncated = False

    @property
    def full(self):
        return self.length >= self.limit

    def add(self, text):
        text = (text or "").strip()
        if not text:
            return
        if self.full:
            self.truncated = True
            return
        room = self.limit - self.length
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self.parts.append(text)
        self.length += len(text) + 1

    def result(self, page_count=None, pages=None):
        return Extracted(text="\n".join(self.parts), page_count=page_count, truncated=self.truncated, pages=pages or [])


def extract(path, kind):
    """Extract the text of the file at ``path``; images have no text layer (OCR gives theirs)."""
    module = MODULES.get(kind)
    if module is None:
        return Extracted()
    return import_module(f"{__name__}.{module}").extract(path)
