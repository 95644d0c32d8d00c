"""A first-page thumbnail (PNG, ``WIDTH`` pixels wide) for PDFs and images."""

import io

from django.core.files.base import ContentFile

WIDTH = 400


def make_thumbnail(path, kind):
    """A PNG thumbnail as bytes, or None for kinds that have none."""
    from PIL import Image

    if kind == "pdf":
        from .extract.pdf import render_first_page

        image = render_first_page(path, WIDTH)
    elif kind in {"png", "jpeg", "tiff"}:
        image = Image.open(path)
        image.draft("RGB", (WIDTH, WIDTH * 4))  # JPEG: decode at a reduced size
        image.seek(0)
    else:
        return None
    with image:
        image = image.convert("RGB")
        if image.width > WIDTH:
            image = image.resize((WIDTH, max(1, round(image.height * WIDTH / image.width))), Image.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def save_thumbnail(document, path, kind):
    """Store the thumbnail in ``document.thumbnail`` (the private storage); returns True when one was made."""
    content = make_thumbnail(path, kind)
    if content is None:
        return False
    if document.thumbnail:
        document.thumbnail.delete(save=False)
    document.thumbnail.save(f"document-{document.pk}.png", ContentFile(content), save=False)
    return True
