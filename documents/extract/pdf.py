"""PDF: the text layer with pypdfium2, page by page (one page in memory at a time)."""

import os

import pypdfium2 as pdfium

from . import TextCollector


# pdfium keeps the data of every page it has loaded (images included) until the document is
# closed, so a big PDF is read through a fresh handle every few pages: about this many bytes of
# the file per handle.
BYTES_PER_HANDLE = 32 * 1024 * 1024


def iter_pages(path, indexes=None):
    """Yield ``(index, page)`` one at a time; the page is closed after the consumer's turn."""
    path = str(path)
    pdf = pdfium.PdfDocument(path)
    count = len(pdf)
    per_handle = max(1, min(64, BYTES_PER_HANDLE * count // max(os.path.getsize(path), 1)))
    used = 0
    try:
        for index in range(count) if indexes is None else indexes:
            if used == per_handle:
                pdf.close()
                pdf = pdfium.PdfDocument(path)
                used = 0
            page = pdf[index]
            used += 1
            try:
                yield index, page
            finally:
                page.close()
    finally:
        pdf.close()


def extract(path):
    collector = TextCollector()
    pages = []
    for _index, page in iter_pages(path):
        if collector.full:
            collector.truncated = True
            pages.append("")
            continue
        textpage = page.get_textpage()
        text = textpage.get_text_bounded()
        textpage.close()
        pages.append(text)
        collector.add(text)
    return collector.result(page_count=len(pages), pages=pages)


def render_pages(path, dpi=300, indexes=None):
    """Yield ``(index, PIL image)`` for the pages, rendered one at a time at ``dpi``."""
    for index, page in iter_pages(path, indexes):
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        image = bitmap.to_pil()
        yield index, image
        bitmap.close()


def render_first_page(path, width):
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        bitmap = page.render(scale=width / max(page.get_width(), 1))
        image = bitmap.to_pil()
        page.close()
        return image
    finally:
        pdf.close()
