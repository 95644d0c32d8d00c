"""The SQLite FTS5 part of search.backends.database (imported only on SQLite: modelsearch's
SQLite module needs its FTS model, which exists only there)."""

from django.db.models.functions import Length
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import Phrase, PlainText

from .. import text


class StemmingObjectIndexer(sqlite.ObjectIndexer):
    @property
    def title(self):
        return text.stemmed_text(super().title)

    @property
    def body(self):
        return text.stemmed_text(super().body)


class StemmingSQLiteIndex(sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with the stemming indexer, bulk writes, and title_norm set
        # on the written rows only: the base class recomputes it with a scan of the whole
        # index after every save, which makes bulk indexing quadratic.
        if not model.get_search_fields():
            return
        entries = {}
        for obj in objs:
            indexer = StemmingObjectIndexer(obj, self.backend)
            entries[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        if not entries:
            return
        lengths = [len(title) for title, _a, _b in entries.values() if title]
        recent = list(self.entries.order_by("-id").values_list(Length("title"), flat=True)[:1000])
        known = [n for n in recent + lengths if n]
        average = sum(known) / len(known) if known else 1.0

        def norm(title):
            return average / len(title) if title else 1.0

        content_type_pk = sqlite.get_content_type_pk(model)
        for_ct = self.entries.filter(content_type_id=content_type_pk)
        existing = {e.object_id: e for e in for_ct.filter(object_id__in=entries.keys()).only("id", "object_id")}
        for object_id, entry in existing.items():
            entry.title, entry.autocomplete, entry.body = entries[object_id]
            entry.title_norm = norm(entry.title)
        for_ct.bulk_update(existing.values(), ["title", "autocomplete", "body", "title_norm"], batch_size=500)
        self.entries.bulk_create(
            [
                sqlite.IndexEntry(content_type_id=content_type_pk, object_id=object_id, title=t, autocomplete=a, body=b, title_norm=norm(t))
                for object_id, (t, a, b) in entries.items()
                if object_id not in existing
            ],
            batch_size=500,
        )


def stem_query(query):
    """The leaves of a Wagtail query stemmed as the index is (stop words dropped from
    multi-word plain text)."""
    if isinstance(query, PlainText):
        words = text.stemmed_text(query.query_string).split()
        kept = [w for w in words if w not in text.stop_words()] or words
        return PlainText(" ".join(kept), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(text.stemmed_text(query.query_string))
    if hasattr(query, "subqueries"):
        return type(query)([stem_query(q) for q in query.subqueries])
    if hasattr(query, "subquery"):
        return type(query)(stem_query(query.subquery))
    return query


class StemmingSQLiteQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = stem_query(self.query)


class StemmingSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = StemmingSQLiteQueryCompiler
    index_class = StemmingSQLiteIndex
