"""Full-text matching for the search service on PostgreSQL: Wagtail's database index
(``title`` and ``body`` tsvectors, built with SEARCH_CONFIG ``indonesian``) read through its
GIN indexes, once per search.

Why not Wagtail's query compiler: it matches ``(title || body) @@ query``, an expression no
index covers, so every statement of a search (count, facets, hits) read and decompressed the
body vector of every index entry, and it ranked every match with ``ts_rank`` over the body
(another decompression per matching row). Here each word or phrase becomes
``title @@ q OR body @@ q`` (the two GIN indexes answer it without reading the vectors, except
to check the word positions of a phrase), the matching entries and a title score are written
once per search into a temporary table that the count, the facets and the hits then read, and
only a bounded number of candidates has its body ranked (see :meth:`PostgresMatcher.top`).
"""

from django.db import connection
from django.db.models import BooleanField, F, Func
from django.db.models.expressions import RawSQL
from modelsearch.query import And, Not, Or, Phrase, PlainText

from . import sources

# The hits query ranks the body of at most this many rows per source (each costs reading and
# decompressing a ~20 kB vector): the rows with the best title score, then the newest.
BODY_RANKED = 200
# Up to this many matching rows, the searched tables are read through their primary key;
# beyond, a scan of the table is cheaper.
FEW_MATCHES = 5000


def _entries():
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    return IndexEntry._meta.db_table


class PostgresMatcher:
    """The match of one search, shared by the matchers of every source (``shared``)."""

    TABLE = "search_match"

    def __init__(self, model, compiler, backend, shared):
        self.model, self.shared = model, shared
        self.config = compiler.get_config(backend)
        query = compiler.query
        self.negated = isinstance(query, Not)
        self.query = query.subquery if self.negated else query

    # --- the tsquery of each word and phrase -------------------------------------------------

    def _leaves(self, node, found):
        if isinstance(node, (PlainText, Phrase)):
            found.append(node)
        elif isinstance(node, (And, Or)):
            for sub in node.subqueries:
                self._leaves(sub, found)
        elif isinstance(node, Not):
            self._leaves(node.subquery, found)
        else:
            raise NotImplementedError(f"{type(node).__name__} is not supported by the PostgreSQL search")
        return found

    def _tsqueries(self):
        """{id(leaf): tsquery text} normalised by PostgreSQL with the index's configuration, in
        one statement ('' for a leaf of stop words only)."""
        leaves = self._leaves(self.query, [])
        config = "%s::regconfig, " if self.config else ""
        parts, params = [], []
        for leaf in leaves:
            function = "phraseto_tsquery" if isinstance(leaf, Phrase) else "plainto_tsquery"
            parts.append(f"{function}({config}%s)::text")
            params.extend([self.config, leaf.query_string] if self.config else [leaf.query_string])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            texts = cursor.fetchone()
        return {id(leaf): text for leaf, text in zip(leaves, texts)}

    def _rows(self, node, tsq, row):
        """(SELECT of ``row`` (its SQL and params) for the index entries matching ``node``, params),
        or None when ``node`` has no lexeme (stop words only: left out, as PostgreSQL does). Each
        word or phrase is one scan of the two GIN indexes; AND, OR and NOT are INTERSECT, UNION
        and EXCEPT of those row sets (a condition on the row would read its vectors instead)."""
        every = (f"SELECT {row[0]} FROM {_entries()} e", row[1])
        if isinstance(node, (PlainText, Phrase)):
            text = tsq[id(node)]
            return (f"{every[0]} WHERE e.title @@ %s::tsquery OR e.body @@ %s::tsquery", [*every[1], text, text]) if text else None
        if isinstance(node, Not):
            inner = self._rows(node.subquery, tsq, row)
            return inner and (f"{every[0]} EXCEPT ({inner[0]})", [*every[1], *inner[1]])
        if isinstance(node, Or):
            parts = [part for part in (self._rows(sub, tsq, row) for sub in node.subqueries) if part]
            return (" UNION ".join(f"({sql})" for sql, _ in parts), [p for _, params in parts for p in params]) if parts else None
        kept = [part for part in (self._rows(sub, tsq, row) for sub in node.subqueries if not isinstance(sub, Not)) if part]
        removed = [part for part in (self._rows(sub.subquery, tsq, row) for sub in node.subqueries if isinstance(sub, Not)) if part]
        if not kept and not removed:
            return None
        kept = kept or [every]
        sql = " INTERSECT ".join(f"({sql})" for sql, _ in kept)
        for removed_sql, _ in removed:
            sql = f"({sql}) EXCEPT ({removed_sql})"
        return sql, [p for _, params in kept + removed for p in params]

    def _text(self, node, tsq):
        """The tsquery of ``node`` as text (for ts_rank), or None when it has no lexeme."""
        if isinstance(node, (PlainText, Phrase)):
            return tsq[id(node)] or None
        if isinstance(node, Not):
            inner = self._text(node.subquery, tsq)
            return inner and f"!({inner})"
        parts = [part for part in (self._text(sub, tsq) for sub in node.subqueries) if part]
        return (" & " if isinstance(node, And) else " | ").join(f"({part})" for part in parts) or None

    # --- the match, once per search --------------------------------------------------------

    def _materialize(self):
        """Write every index entry of a searched model that matches, with its title score,
        into the temporary table (once per search). Returns the tsquery text (None: no lexeme,
        nothing matches)."""
        if "tsquery" in self.shared:
            return self.shared["tsquery"]
        tsq = self._tsqueries()
        text = self._text(self.query, tsq)
        row = ("e.content_type_id, e.object_id, e.id, ts_rank(e.title, %s::tsquery) * e.title_norm", [text or ""])
        rows = self._rows(self.query, tsq, row)
        types = ", ".join(str(int(pk)) for source in sources.registered() for pk in _types(source.model())) or "NULL"
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {self.TABLE} (content_type_id integer, id integer, entry integer, title_score real)")
            cursor.execute(f"TRUNCATE {self.TABLE}")
            if rows is not None:
                # The planner does not count reading the vectors (stored out of line, ~20 kB
                # compressed each), so for a common word it prefers a sequential scan that
                # decompresses every body to the GIN indexes, which need not read them. Off for
                # this statement only (in a transaction that fails, its rollback undoes the SET).
                # OFFSET 0 keeps the content type condition out of the scans (an index on it
                # would be used instead of the GIN indexes).
                sql, params = rows
                cursor.execute("SET enable_seqscan = off")
                try:
                    cursor.execute(
                        f"INSERT INTO {self.TABLE} (content_type_id, id, entry, title_score) "
                        f"SELECT m.content_type_id, m.object_id::integer, m.id, m.title_score "
                        f"FROM ({sql} OFFSET 0) m (content_type_id, object_id, id, title_score) WHERE m.content_type_id IN ({types})",
                        params,
                    )
                    self.shared["matched"] = cursor.rowcount
                except Exception:
                    if not connection.in_atomic_block:
                        cursor.execute("RESET enable_seqscan")
                    raise
                cursor.execute("RESET enable_seqscan")
                # Statistics of the match (how many rows of each content type): without them the
                # planner guesses a few dozen and reads thousands of rows one by one.
                cursor.execute(f"ANALYZE {self.TABLE} (content_type_id, id)")
        self.shared["tsquery"] = text if rows is not None else None
        return self.shared["tsquery"]

    def restrict(self, queryset):
        if self._materialize() is None:
            return queryset if self.negated else queryset.none()
        found = f"SELECT id FROM {self.TABLE} WHERE content_type_id IN ({_type_list(self.model)})"
        if self.negated:
            return queryset.exclude(pk__in=RawSQL(found, ()))
        if self.shared["matched"] <= FEW_MATCHES:
            # pk = ANY(ARRAY(...)): the planner reads the matching rows through the primary key
            # (IN would scan the whole table: ~10 ms instead of ~4 for 20,000 documents).
            return queryset.filter(Func(F("pk"), template=f"%(expressions)s = ANY(ARRAY({found}))", output_field=BooleanField()))
        return queryset.filter(pk__in=RawSQL(found, ()))

    def top(self, queryset, kind, n):
        """The ``n`` best rows of ``queryset`` that match: [(score, date, kind, pk)].

        Score: a row whose title matches ranks above every row matching in the body only (1 +
        its title's ts_rank, scaled by Wagtail's title length norm); the body's ts_rank
        (normalised to [0, 1)) orders the rows within each group. Only the first
        ``BODY_RANKED`` rows in (title score, newest) order have their body ranked: exact
        whenever fewer rows match; otherwise the body-only hits are the best of the newest
        matches. The bound does not depend on ``n``, so every page reads the same order."""
        tsquery = self._materialize()
        if self.negated or tsquery is None:
            return sources.get(kind).top_by_date(self.restrict(queryset), n)
        rows_sql, rows_params = queryset.order_by().values("pk").query.sql_with_params()
        meta = self.model._meta
        day = meta.get_field(sources.get(kind).date_field).column
        sql = (
            "WITH candidates AS MATERIALIZED (SELECT m.id, m.entry, m.title_score, "
            "row_number() OVER (ORDER BY m.title_score DESC, m.id DESC) AS position "
            f"FROM {self.TABLE} m WHERE m.content_type_id IN ({_type_list(self.model)}) AND m.id IN ({rows_sql}) "
            "ORDER BY m.title_score DESC, m.id DESC LIMIT %s) "
            "SELECT c.id, CASE WHEN c.title_score > 0 THEN 1 + c.title_score ELSE 0 END "
            "+ CASE WHEN c.position <= %s THEN ts_rank(e.body, %s::tsquery, 32) ELSE 0 END, "
            f"t.{day} FROM candidates c JOIN {_entries()} e ON e.id = c.entry JOIN {meta.db_table} t ON t.{meta.pk.column} = c.id "
            "ORDER BY 2 DESC, c.id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*rows_params, max(BODY_RANKED, n), BODY_RANKED, tsquery, n])
            best = cursor.fetchall()
        return [(score, value.date() if hasattr(value, "date") else value, kind, pk) for pk, score, value in best]


def _types(model):
    from modelsearch.utils import get_descendants_content_types_pks

    return get_descendants_content_types_pks(model)


def _type_list(model):
    return ", ".join(str(int(pk)) for pk in _types(model)) or "NULL"
