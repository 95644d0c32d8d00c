from django.conf import settings


def test_embedded_default_uses_sqlite_in_the_data_dir():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert str(settings.DATA_DIR).startswith("/tmp/") or "sibulan-test-" in str(settings.DATA_DIR)
