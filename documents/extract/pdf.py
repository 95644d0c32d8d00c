"""PDF: the text layer with pypdfium2, page by page (one page in memory at a time)."""

import pypdfium2 as pdfium

from . import TextCollector


def extract(path):
    collector = TextCollector()
    pages = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            if collector.full:
                collector.truncated = True
                pages.append("")
                continue
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            page.close()
            pages.append(text)
            collector.add(text)
        return collector.result(page_count=len(pdf), pages=pages)
    finally:
        pdf.close()


def render_pages(path, dpi=300, indexes=None):
    """Yield ``(index, PIL image)`` for the pages, rendered one at a time at ``dpi``."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in indexes if indexes is not None else range(len(pdf)):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil()
            page.close()
            yield index, image
            bitmap.close()
    finally:
        pdf.close()


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
