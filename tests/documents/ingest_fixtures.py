"""Fixtures of the ingestion tests (imported by tests/documents/test_ingest*.py)."""

import os
from pathlib import Path

import pytest
from django_tasks.signals import task_enqueued

from documents import ocr


def require_tesseract():
    """OCR tests may skip only on a developer machine without Tesseract; in CI they must run."""
    if not ocr.available() and not os.environ.get("CI"):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)")


@pytest.fixture
def enqueued():
    """The tasks enqueued during the test."""
    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(record, dispatch_uid="tests.ingest.enqueued")
    yield results
    task_enqueued.disconnect(dispatch_uid="tests.ingest.enqueued")


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Tasks are enqueued on commit; in a test transaction the commit callbacks run on leaving the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def stored_files():
    """Files added during the test to the storage of documents and thumbnails (found through the
    model's own storage, wherever it points) and to the public media folder."""
    from django.conf import settings
    from wagtail.documents import get_document_model

    def roots():
        return [Path(get_document_model()._meta.get_field("file").storage.location), Path(settings.MEDIA_ROOT)]

    def listing():
        return {str(path) for root in roots() if root.exists() for path in root.rglob("*") if path.is_file()}

    before = listing()
    return lambda: sorted(listing() - before)


@pytest.fixture
def indicators(db):
    """Indicators 13 and 14 (loaded by the framework migration, created here if it has not run)."""
    from kla.models import Cluster, Indicator

    cluster, _ = Cluster.objects.get_or_create(code="III", defaults={"order": 3, "name": "Kesehatan Dasar dan Kesejahteraan", "slug": "klaster-iii"})
    return {
        number: Indicator.objects.get_or_create(number=number, defaults={"cluster": cluster, "name": name, "slug": f"indikator-{number}"})[0]
        for number, name in [(13, "Prevalensi gizi balita"), (14, "Fasilitas kesehatan ramah anak")]
    }


@pytest.fixture
def opd(db):
    from kla.models import OPD

    return OPD.objects.get_or_create(code="h5-dinkes", defaults={"name": "Dinas Kesehatan", "short_name": "Dinkes"})[0]
