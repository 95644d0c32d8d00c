"""Wagtail's database search backend, with Indonesian stemming where the engine has none.

On SQLite (FTS5, unicode61 tokenizer: no stemming) the index holds the PySastrawi stems of
the text and the canonical regulation-reference tokens, and every query is stemmed the same
way, so "layanan", "pelayanan" and "melayani" find each other — in the portal's search and
in the Wagtail admin alike. On PostgreSQL the engine stems (``SEARCH_CONFIG: "indonesian"``);
the index only gets the canonical reference tokens added.

Use ``"BACKEND": "search.backends.database"`` in WAGTAILSEARCH_BACKENDS.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):
    backend = database_search_backend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_stemming import StemmingSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return StemmingSQLiteSearchBackend(params)
    return backend
