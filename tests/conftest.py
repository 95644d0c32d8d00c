"""Shared fixtures. The environment is prepared earlier, by tests/testenv.py."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of one test never leak into another."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
    }


@pytest.fixture
def home_page(db):
    """The site's HomePage (made by home's data migration; rebuilt if a test emptied the database)."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        Locale.objects.get_or_create(language_code="id")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        home = root.add_child(instance=HomePage(title="Beranda", slug="beranda"))
        Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home})
    return home


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches (Wagtail caches renditions by image id, and ids are reused
    after a test's database is rolled back)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
