"""Fixtures for the public content tests: images, documents and pages built in code."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.documents import get_document_model

from home.models import NewsCategory, NewsIndexPage, NewsPage, StandardPage


def make_png(color=(15, 94, 88), size=(320, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Rapat Gugus Tugas", description="Peserta rapat koordinasi Gugus Tugas KLA", file=ImageFile(io.BytesIO(make_png()), name="rapat.png")
    )


@pytest.fixture
def make_document(db):
    def make(title="Perbup KLA Barito Utara", access_level="public"):
        return get_document_model().objects.create(title=title, access_level=access_level, file=ContentFile(b"%PDF-1.4 test", name="perbup.pdf"))

    return make


@pytest.fixture
def news_index(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Berita", slug="berita", intro="Kabar terbaru program KLA."))
    index.save_revision().publish()
    return index


@pytest.fixture
def category(db):
    return NewsCategory.objects.create(name="Kegiatan", slug="kegiatan")


@pytest.fixture
def make_news(news_index):
    """make_news(title, date=..., live=True, categories=[...], tags=[...], **fields) -> a NewsPage."""
    counter = iter(range(1, 10_000))

    def make(title=None, date=datetime.date(2025, 10, 14), live=True, categories=(), tags=(), **fields):
        number = next(counter)
        title = title or f"Berita nomor {number}"
        page = NewsPage(title=title, slug=f"berita-{number}", date=date, intro=f"Ringkasan {title}.", live=live, **fields)
        news_index.add_child(instance=page)
        page.categories.set(list(categories))
        page.tags.set(list(tags))
        revision = page.save_revision()
        if live:
            revision.publish()
        return page

    return make


@pytest.fixture
def standard_page(home_page):
    def make(title="Tentang KLA", parent=None, **fields):
        page = (parent or home_page).add_child(instance=StandardPage(title=title, slug=fields.pop("slug", None) or title.lower().replace(" ", "-"), **fields))
        page.save_revision().publish()
        return page

    return make
