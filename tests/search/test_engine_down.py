"""With OpenSearch configured but not answering, the site keeps searching (from the database
"fallback" backend), staff are told, and the missed changes are queued for the engine."""

import pytest

from search.models import PendingIndexOperation
from search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_down(settings):
    settings.SEARCH_BACKEND = "opensearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.opensearch", "URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "sibulan-test-down_", "TIMEOUT": 1},
        "fallback": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "indonesian" if settings.USES_POSTGRES else None},
    }
    from search import engines

    engines._health.update(checked=0.0, up=True)
    yield
    engines._health.update(checked=0.0, up=True)


def test_search_answers_and_changes_are_queued(engine_down, make_doc, client, django_user_model):
    doc = make_doc("Laporan pelayanan posyandu", "Pelayanan posyandu keliling.")
    assert PendingIndexOperation.objects.filter(object_id=str(doc.pk), action="update").exists()

    result = search(None, "layanan")
    assert result.fallback is True
    assert [h.title for h in result.hits] == ["Laporan pelayanan posyandu"]

    staff = django_user_model.objects.create_superuser("admin", "admin@example.com", "kata-sandi-panjang-123")
    client.force_login(staff)
    assert "notice-warning" in client.get("/cari/", {"q": "layanan"}).content.decode()
    client.logout()
    assert "notice-warning" not in client.get("/cari/", {"q": "layanan"}).content.decode()
    doc.delete()
    assert PendingIndexOperation.objects.filter(action="delete").exists()


def test_replay_keeps_changes_while_engine_is_down(engine_down, make_doc):
    from search.backends.queue import replay

    make_doc("Dokumen saat gangguan", "teks")
    before = PendingIndexOperation.objects.count()
    sent, left = replay()
    assert sent == 0 and left >= before
