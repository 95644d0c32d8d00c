"""Background tasks of the documents app (django_tasks: immediate by default and in tests)."""

from django_tasks import task


@task()
def ingest_document(document_id: int):
    """Extract the text of one stored document (OCR when needed), make its thumbnail, re-index it."""
    from .ingest import run_ingestion

    return run_ingestion(document_id)
