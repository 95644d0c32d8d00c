"""Full-text matching for the search service on SQLite: FTS5 on Wagtail's database index."""

from django.db import connection
from django.db.models.expressions import RawSQL

from . import sources


class SQLiteMatcher:
    """FTS5 MATCH on Wagtail's SQLite index (stemmed by search.backends.database).

    The MATCH runs once per search, for every source together: the matching index entries and
    their scores are written into a temporary table (private to this database connection),
    which the count, the facets and the hits of each source then read."""

    TABLE = "search_match"

    def __init__(self, model, compiler, shared):
        from modelsearch.backends.database.sqlite.query import normalize
        from modelsearch.query import MatchAll, Not

        self.model = model
        self.shared = shared  # one dict per search, shared by the matchers of every source
        normalized = normalize(compiler.query)
        self.negated = isinstance(normalized, Not)
        if self.negated:
            normalized = normalized.subquery
        self.everything = isinstance(normalized, MatchAll)
        self.expression = None if self.everything else compiler.build_search_query(normalized)

    def _materialize(self):
        """Write every index entry that matches, with its score, into the temporary table (once
        per search). CROSS JOIN: the MATCH drives (SQLite would otherwise run it once per index
        entry); the entries are read through their narrow index (search migration 0004), not their
        rows, which hold the whole indexed text. Columns of the FTS table: autocomplete, body,
        title; a title match weighs more."""
        if self.shared.get("materialized"):
            return
        from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry

        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        match_sql, match_params = self.match_condition()
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {self.TABLE} "
                "(content_type_id INTEGER, id INTEGER, score REAL, PRIMARY KEY (content_type_id, id)) WITHOUT ROWID"
            )
            cursor.execute(f"DELETE FROM temp.{self.TABLE}")
            cursor.execute(
                f"INSERT OR IGNORE INTO temp.{self.TABLE} (content_type_id, id, score) "
                f"SELECT e.content_type_id, CAST(e.object_id AS INTEGER), -bm25({fts}, 0.0, 1.0, 4.0) "
                f"FROM {fts} CROSS JOIN {entries} e INDEXED BY search_index_entry_map ON e.id = {fts}.rowid WHERE {match_sql}",
                match_params,
            )
        self.shared["materialized"] = True

    def match_condition(self):
        """(SQL, params): the FTS5 MATCH condition of the search on the FTS table."""
        from modelsearch.backends.database.sqlite.query import MatchExpression
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        match = SQLiteFTSIndexEntry.objects.filter(MatchExpression(["title", "body"], self.expression))
        return match.query.get_compiler(match.db).compile(match.query.where)

    def _types(self):
        from modelsearch.utils import get_descendants_content_types_pks

        return ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(self.model)) or "NULL"

    def restrict(self, queryset):
        if self.everything:
            return queryset.none() if self.negated else queryset
        self._materialize()
        found = RawSQL(f"SELECT id FROM temp.{self.TABLE} WHERE content_type_id IN ({self._types()})", ())
        return queryset.exclude(pk__in=found) if self.negated else queryset.filter(pk__in=found)

    def top(self, queryset, kind, n):
        """The ``n`` best rows of ``queryset`` that match: [(score, date, kind, pk)]."""
        if self.negated or self.everything:
            return sources.get(kind).top_by_date(self.restrict(queryset), n)
        self._materialize()
        rows_sql, rows_params = queryset.order_by().values("pk").query.sql_with_params()
        meta = self.model._meta
        day = meta.get_field(sources.get(kind).date_field).column
        # The best n first, then their dates: a document's date sits after its (large) text in
        # the row, so it is read for the n hits only.
        sql = (
            f"SELECT b.id, b.score, t.{day} FROM (SELECT m.id, m.score FROM temp.{self.TABLE} m "
            f"WHERE m.content_type_id IN ({self._types()}) AND m.id IN ({rows_sql}) ORDER BY m.score DESC, m.id DESC LIMIT %s) b "
            f"JOIN {meta.db_table} t ON t.{meta.pk.column} = b.id ORDER BY b.score DESC, b.id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*rows_params, n])
            best = cursor.fetchall()
        return [(score, value.date() if hasattr(value, "date") else value, kind, pk) for pk, score, value in best]
