"""A narrow covering index over the columns the search service counts and filters documents
by (the permission rule's access_level and opd, the facets kind and years, the date sort).

Without it every facet count reads each matching document's row, and on SQLite ``opd_id`` sits
after the (large) extracted text in the row, so the permission check alone reads the overflow
pages of every document: 20,000 five-page documents took ~0.5 s per browse query; with it
~20 ms. Raw SQL on documents' table (the search service needs it; documents owns the model)."""

from django.db import migrations

INDEX = "search_document_facets"
TABLE = "documents_archivedocument"


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms"), ("documents", "0001_initial")]
    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} (access_level, opd_id, kind, document_date, years)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
