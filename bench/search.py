"""Search benchmark: generate an Indonesian corpus, index it, run a fixed mix of 200 queries
through search.service.search (hits + facets + snippets, as the search page does) and print
median / p95 latency, indexing throughput and, as the floor (on SQLite only), raw FTS5 over
the same SQLite data: the bare MATCH, and the same work done in hand-written SQL (RawFloor).

    DATA_DIR=/tmp/bench-search .venv/bin/python bench/search.py                  # 20,000 docs + 2,000 pages
    DATA_DIR=/tmp/bench-search .venv/bin/python bench/search.py --docs 2000 --pages 200
    DATA_DIR=/tmp/bench-pg DATABASE_URL=postgres://... .venv/bin/python bench/search.py
    DATA_DIR=/tmp/bench-os SEARCH_BACKEND=opensearch SEARCH_URL=http://127.0.0.1:59200 .venv/bin/python bench/search.py

The backend is the configured one (SEARCH_BACKEND, DATABASE_URL): run it once per backend. A
second run on the same DATA_DIR reuses the corpus (indexing is skipped).

The corpus: the 29,931 Indonesian root words that PySastrawi ships, drawn with a Zipf
distribution (a few words are very common, most are rare), ~10% of each document drawn from
the topic words of its indicator (the indicator's name, inflected with Indonesian affixes so
that stemming matters), topic phrases, some regulation references; public / assessor / internal
documents over several OPDs and years. Queries therefore match a realistic fraction of the corpus.
"""

import argparse
import os
import random
import statistics
import sys
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DATA_DIR", "/tmp/sibulan-bench-search")

AFFIXES = [("", ""), ("pe", "an"), ("me", ""), ("di", ""), ("", "an"), ("ke", "an"), ("ber", ""), ("me", "kan")]
OPDS = ["dinkes", "disdik", "dp3ap2kb", "disdukcapil", "dinsos", "bappeda"]
KINDS = ["bukti", "laporan", "regulasi", "data", "lainnya"]
REGULATION_FORMS = ["Peraturan Bupati Nomor {n} Tahun {y}", "Perbup No. {n} Tahun {y}", "perbup {n}/{y}", "Perda Nomor {n} Tahun {y}"]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


class Corpus:
    def __init__(self, rng, indicators):
        import Sastrawi

        roots = (Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt").read_text().split()
        roots = [w for w in roots if w.isalpha()]
        rng.shuffle(roots)
        self.rng = rng
        self.words = roots
        self.cum = list(accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(roots))))
        from search import text

        self.topics = {}
        for indicator in indicators:
            words = [w for w in text.tokens(indicator.name) if len(w) > 3 and w not in text.stop_words()]
            self.topics[indicator.number] = (words or ["anak"]), indicator.name.lower()

    def zipf(self, k):
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    def inflect(self, word):
        before, after = self.rng.choice(AFFIXES)
        return f"{before}{word}{after}"

    def text(self, n_words, topic):
        rng = self.rng
        words = self.zipf(n_words)
        topic_words, phrase = self.topics[topic]
        for i in rng.sample(range(n_words), max(1, n_words // 10)):
            words[i] = self.inflect(rng.choice(topic_words))
        sentences = [" ".join(words[i : i + 15]).capitalize() + "." for i in range(0, n_words, 15)]
        for _ in range(rng.randint(0, 3)):
            sentences.insert(rng.randrange(len(sentences) + 1), phrase.capitalize() + ".")
        return " ".join(sentences)


def ensure_engine_indexes(backends):
    """OpenSearch / Elasticsearch: create the indexes with their mappings before bulk indexing."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from wagtail.search.index import get_indexed_models

    for backend in backends:
        if not hasattr(backend, "es"):
            continue
        for root in (Page, get_document_model()):
            index = backend.get_index_for_model(root)
            if not index.exists():
                index.put()
                for model in get_indexed_models():
                    if issubclass(model, root):
                        index.add_model(model)


def build_corpus(args, rng):
    """Bulk-creates the documents and pages and indexes them in bulk into every search backend."""
    from django.conf import settings
    from django.db import transaction
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from documents.models import ArchiveDocument
    from home.models import StandardPage
    from kla.models import OPD, Indicator

    indicators = list(Indicator.objects.select_related("cluster"))
    corpus = Corpus(rng, indicators)
    opds = [OPD.objects.get_or_create(code=f"bench-{c}", defaults={"name": f"Dinas {c}"})[0] for c in OPDS]
    backends = [get_search_backend(name) for name in settings.WAGTAILSEARCH_BACKENDS]
    ensure_engine_indexes(backends)
    have = ArchiveDocument.objects.filter(title__startswith="Bench ").count()
    through = ArchiveDocument.indicators.through

    timings = {}
    if have < args.docs:
        t0 = time.perf_counter()
        index_seconds = 0.0
        for start in range(have, args.docs, args.batch):
            docs, links = [], []
            for i in range(start, min(args.docs, start + args.batch)):
                topic = rng.choice(indicators)
                body = corpus.text(args.words_per_doc, topic.number)
                if i % 40 == 0:
                    body += " " + rng.choice(REGULATION_FORMS).format(n=i % 25 + 1, y=rng.choice([2019, 2022, 2024])) + " tentang " + corpus.topics[topic.number][1] + "."
                docs.append(ArchiveDocument(
                    title=f"Bench {corpus.text(6, topic.number)[:120]}", description=corpus.text(25, topic.number),
                    extracted_text=body, file=f"documents/bench-{i}.txt", kind=rng.choice(KINDS),
                    years=[rng.choice([2023, 2024, 2025, 2026])], access_level=rng.choices(["public", "assessor", "internal"], [6, 3, 1])[0],
                    opd=rng.choice(opds), ingestion_status="done",
                ))
                links.append([topic] + rng.sample(indicators, rng.randint(0, 2)))
            with transaction.atomic():
                created = ArchiveDocument.objects.bulk_create(docs)
                through.objects.bulk_create(
                    [through(archivedocument_id=d.pk, indicator_id=ind.pk) for d, inds in zip(created, links) for ind in {i.pk: i for i in inds}.values()],
                    ignore_conflicts=True,
                )
                t1 = time.perf_counter()
                fresh = list(ArchiveDocument.objects.filter(pk__in=[d.pk for d in created]).prefetch_related("indicators"))
                for backend in backends:
                    backend.add_bulk(ArchiveDocument, fresh)
                index_seconds += time.perf_counter() - t1
            print(f"  documents: {min(args.docs, start + args.batch)}/{args.docs}", file=sys.stderr, end="\r")
        timings["documents"] = (args.docs - have, time.perf_counter() - t0, index_seconds)

    home = Page.objects.filter(depth=2).first()
    have_pages = StandardPage.objects.filter(title__startswith="Bench ").count()
    if have_pages < args.pages:
        t0 = time.perf_counter()
        for i in range(have_pages, args.pages):
            topic = rng.choice(indicators).number
            home.add_child(instance=StandardPage(title=f"Bench {corpus.text(5, topic)[:100]}", slug=f"bench-{i}", intro=corpus.text(250, topic)))
        timings["pages"] = (args.pages - have_pages, time.perf_counter() - t0, None)
    print(file=sys.stderr)
    return corpus, indicators, timings


def reindex(n, batch):
    """(documents, seconds) to index ``n`` of the benchmark's documents again into the configured
    ("default") search backend, in bulk as the rebuild command does: the indexing throughput
    measured on every run, also when the corpus was already there."""
    from wagtail.search.backends import get_search_backend

    from documents.models import ArchiveDocument

    backend = get_search_backend("default")
    pks = list(ArchiveDocument.objects.filter(title__startswith="Bench ").order_by("pk").values_list("pk", flat=True)[:n])
    start = time.perf_counter()
    for i in range(0, len(pks), batch):
        backend.add_bulk(ArchiveDocument, list(ArchiveDocument.objects.filter(pk__in=pks[i : i + batch]).prefetch_related("indicators")))
    return len(pks), time.perf_counter() - start


def query_mix(rng, corpus, indicators, n):
    """A fixed mix: single words (topic words, inflected, common and rare words), phrases,
    boolean queries, regulation numbers, filtered and faceted queries."""
    topic_words = sorted({w for words, _ in corpus.topics.values() for w in words})
    phrases = sorted({" ".join(name.split()[:2]) for _, name in corpus.topics.values() if len(name.split()) > 1})
    common, rare = corpus.words[20:300], corpus.words[2000:20000]
    mix = []
    for i in range(n):
        kind = i % 10
        if kind in (0, 1):
            q, f = corpus.inflect(rng.choice(topic_words)), {}
        elif kind == 2:
            q, f = rng.choice(common + rare), {}
        elif kind == 3:
            q, f = f'"{rng.choice(phrases)}"', {}
        elif kind == 4:
            a, b = rng.sample(topic_words, 2)
            q, f = rng.choice([f"{a} OR {b}", f"{a} -{b}", f"{a} {rng.choice(common)}"]), {}
        elif kind == 5:
            q, f = rng.choice(REGULATION_FORMS).format(n=rng.randint(1, 25), y=rng.choice([2019, 2022, 2024])), {}
        elif kind in (6, 7):
            q, f = rng.choice(topic_words), {"kind": [rng.choice(KINDS)], "year": [str(rng.choice([2024, 2025]))]}
        elif kind == 8:
            q, f = rng.choice(topic_words), {"indicator": [str(rng.choice(indicators).number)]}
        else:
            q, f = "", {"kind": [rng.choice(KINDS)]}  # browsing with a facet and no words
        mix.append((q, f))
    return mix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--pages", type=int, default=2_000)
    parser.add_argument("--words-per-doc", type=int, default=2_500, help="about 5 pages")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--reindex", type=int, default=2_000, help="documents re-indexed to measure indexing throughput")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser, Group, User
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from documents.models import ArchiveDocument
    from kla import roles
    from search.service import search

    rng = random.Random(42)
    corpus, indicators, timings = build_corpus(args, rng)
    for what, (n, seconds, index_seconds) in timings.items():
        extra = f"; search indexing alone {n / index_seconds:.0f} docs/s" if index_seconds else ""
        print(f"indexing: {n} {what} in {seconds:.1f}s ({n / seconds:.0f}/s, create + index{extra})")
    if args.reindex:
        n, seconds = reindex(args.reindex, args.batch)
        print(f"indexing: {n} existing documents re-indexed into the search backend in {seconds:.1f}s ({n / seconds:.0f} docs/s)")

    if connection.vendor == "postgresql":
        # After the bulk writes, the state autovacuum reaches within a minute on a server:
        # visibility map (index-only scans) and planner statistics. Measured without it, right
        # after re-indexing 2,000 documents: p95 ~20 ms higher.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    contributor, _ = User.objects.get_or_create(username="bench-kontributor")
    contributor.groups.add(Group.objects.get_or_create(name=roles.KONTRIBUTOR)[0])
    from kla.models import OPD, UserProfile

    UserProfile.objects.update_or_create(user=contributor, defaults={"opd": OPD.objects.get(code="bench-dinkes")})
    users = [AnonymousUser()] * 3 + [contributor]
    mix = query_mix(random.Random(7), corpus, indicators, args.queries)

    from wagtail.search.backends import get_search_backend

    engine = get_search_backend("default")
    if hasattr(engine, "es"):
        for root in ("wagtailcore.Page", "documents.ArchiveDocument"):
            from django.apps import apps

            engine.get_index_for_model(apps.get_model(root)).refresh()
    label = f"{settings.SEARCH_BACKEND}/{connection.vendor}"
    # Warm up as a running server is: 200 other queries of the same kinds (stemmer and its
    # cache, synonyms, database and engine caches), none of them measured.
    for i, (q, filters) in enumerate(query_mix(random.Random(8), corpus, indicators, args.queries)):
        search(users[i % len(users)], q, filters)
    floor = RawFloor(connection) if connection.vendor == "sqlite" and settings.SEARCH_BACKEND == "database" else None
    times, counts, same, bare, agree = [], [], [], [], 0
    for i, (q, filters) in enumerate(mix):  # the service and the floor in turn, query by query
        start = time.perf_counter()
        result = search(users[i % len(users)], q, filters)
        times.append((time.perf_counter() - start) * 1000)
        counts.append(result.count)
        if floor:
            condition = floor.match_condition(q)
            elapsed, floor_count = floor.same_work(condition, filters, users[i % len(users)])
            same.append(elapsed)
            agree += floor_count == result.count
            if condition:
                bare.append(floor.bare(condition))
    total = ArchiveDocument.objects.count()
    print(f"{label}: service.search (count + 7 facets + 20 hits with snippets) over {total} documents + pages, {len(mix)} queries: "
          f"median {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms")
    matched = sorted(c / max(total, 1) for c in counts)
    print(f"  fraction of the corpus matched per query: median {statistics.median(matched):.3f}, p95 {percentile(matched, 95):.3f}")
    if settings.SEARCH_BACKEND != "database":
        print(f"  (engine {settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND']}; fallback {result.fallback})")

    if floor:
        print(f"raw FTS5, bare MATCH (the service's MATCH expression, top 20 by rank; no permissions, count, facets or snippets): "
              f"median {statistics.median(bare):.2f} ms, p95 {percentile(bare, 95):.2f} ms")
        print(f"raw FTS5, same work in hand-written SQL (MATCH, permission filter, count, 6 facets, top 20 by bm25, "
              f"FTS5 snippet() of the 20, their titles): median {statistics.median(same):.2f} ms, p95 {percentile(same, 95):.2f} ms; "
              f"same count as the service for {agree} of {len(mix)} queries")
        for name, base in (("same work", same), ("bare MATCH", bare)):
            print(f"  ratio service / raw FTS5 {name}: median {statistics.median(times) / statistics.median(base):.1f}x, "
                  f"p95 {percentile(times, 95) / percentile(base, 95):.1f}x")


class RawFloor:
    """The floor the service is compared with, on the same SQLite data: the FTS5 table and the
    documents table queried directly with hand-written SQL, no Django query building, no
    Python per row. ``bare``: the MATCH alone. ``same_work``: what a search page needs — the
    MATCH, the permission rule (compiled from documents.permissions once per user, outside the
    timing), facet filters, the count, facet counts (not disjunctive: cheaper than the
    service's), the 20 best hits by bm25 with FTS5's own snippet() of the indexed text and
    their titles. Regulations are left out (the benchmark corpus has none)."""

    def __init__(self, connection):
        from django.contrib.contenttypes.models import ContentType
        from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry
        from modelsearch.utils import get_descendants_content_types_pks
        from wagtail.models import Page

        from documents.models import ArchiveDocument

        self.cursor = connection.cursor()
        self.fts, self.entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        self.doc_ct = ContentType.objects.get_for_model(ArchiveDocument).pk
        self.page_cts = ", ".join(str(pk) for pk in get_descendants_content_types_pks(Page))
        self.docs = ArchiveDocument._meta.db_table
        self.links = ArchiveDocument.indicators.through._meta.db_table
        self.permissions = {}
        self.cursor.execute("CREATE TEMP TABLE IF NOT EXISTS floor_match (ct INTEGER, id INTEGER, score REAL, rid INTEGER)")
        self.cursor.execute("CREATE TEMP TABLE IF NOT EXISTS floor_docs (id INTEGER PRIMARY KEY, kind TEXT, opd_id INTEGER, years TEXT)")

    @staticmethod
    def match_condition(q):
        """(SQL, params) of the FTS5 MATCH the service runs for ``q`` (its query language,
        synonyms and stems; computed outside the timing), or None when ``q`` matches by no word."""
        from documents.models import ArchiveDocument
        from search import query as query_module
        from search.models import Synonym
        from search.service import DatabaseEngine

        parsed = query_module.parse(q, Synonym.groups())
        matcher = parsed.tree is not None and DatabaseEngine().matcher(ArchiveDocument, parsed.tree, {})
        if not matcher or matcher.everything or matcher.negated:
            return None
        return matcher.match_condition()

    def bare(self, condition):
        sql, params = condition
        start = time.perf_counter()
        self.cursor.execute(f"SELECT rowid FROM {self.fts} WHERE {sql} ORDER BY rank LIMIT 20", params)
        self.cursor.fetchall()
        return (time.perf_counter() - start) * 1000

    def permission(self, user):
        """(SQL condition on the documents table, params): documents.permissions' rule."""
        key = user.pk
        if key not in self.permissions:
            from documents.models import ArchiveDocument
            from documents.permissions import viewable_documents

            query = viewable_documents(user, ArchiveDocument.objects.all()).query
            self.permissions[key] = query.get_compiler("default").compile(query.where)
        return self.permissions[key]

    def same_work(self, match, filters, user):
        """(milliseconds, the count) for one search; ``match``: match_condition() of its words."""
        where, params = self.permission(user)
        for name, values in filters.items():
            marks = ", ".join(["%s"] * len(values))
            if name == "kind":
                where += f" AND {self.docs}.kind IN ({marks})"
            elif name == "year":
                where += f" AND EXISTS (SELECT 1 FROM json_each({self.docs}.years) y WHERE CAST(y.value AS TEXT) IN ({marks}))"
            elif name == "indicator":
                where += f" AND {self.docs}.id IN (SELECT l.archivedocument_id FROM {self.links} l JOIN kla_indicator i ON i.id = l.indicator_id WHERE i.number IN ({marks}))"
            params = [*params, *values]
        cur, docs = self.cursor, self.docs
        start = time.perf_counter()
        cur.execute("DELETE FROM temp.floor_docs")
        if match:
            cur.execute("DELETE FROM temp.floor_match")
            cur.execute(
                f"INSERT INTO temp.floor_match SELECT e.content_type_id, CAST(e.object_id AS INTEGER), -bm25({self.fts}, 0.0, 1.0, 4.0), {self.fts}.rowid "
                f"FROM {self.fts} CROSS JOIN {self.entries} e INDEXED BY search_index_entry_map ON e.id = {self.fts}.rowid WHERE {match[0]}", match[1])
            cur.execute(  # through the narrow covering index (search migration 0003), not the rows
                f"INSERT INTO temp.floor_docs (id, kind, opd_id, years) SELECT {docs}.id, {docs}.kind, {docs}.opd_id, {docs}.years "
                f"FROM {docs} WHERE {where} AND {docs}.id IN (SELECT id FROM temp.floor_match WHERE ct = {self.doc_ct})", params)
        else:
            cur.execute(f"INSERT INTO temp.floor_docs SELECT {docs}.id, {docs}.kind, {docs}.opd_id, {docs}.years FROM {docs} WHERE {where}", params)
        cur.execute(
            "SELECT 'total', NULL, COUNT(*) FROM temp.floor_docs "
            "UNION ALL SELECT 'kind', kind, COUNT(*) FROM temp.floor_docs GROUP BY kind "
            "UNION ALL SELECT 'opd', opd_id, COUNT(*) FROM temp.floor_docs GROUP BY opd_id "
            "UNION ALL SELECT 'year', CAST(y.value AS TEXT), COUNT(*) FROM temp.floor_docs f, json_each(f.years) y GROUP BY y.value "
            f"UNION ALL SELECT 'indicator', i.number, COUNT(*) FROM temp.floor_docs f CROSS JOIN {self.links} l ON l.archivedocument_id = f.id JOIN kla_indicator i ON i.id = l.indicator_id GROUP BY i.number "
            f"UNION ALL SELECT 'cluster', c.code, COUNT(DISTINCT f.id) FROM temp.floor_docs f CROSS JOIN {self.links} l ON l.archivedocument_id = f.id JOIN kla_indicator i ON i.id = l.indicator_id JOIN kla_cluster c ON c.id = i.cluster_id GROUP BY c.code")
        count = next(n for name, _value, n in cur.fetchall() if name == "total")
        pages = f"SELECT m.id, m.score, m.rid FROM temp.floor_match m JOIN wagtailcore_page p ON p.id = m.id WHERE m.ct IN ({self.page_cts}) AND p.live AND p.depth > 1"
        docs_top = f"SELECT id, score, rid FROM temp.floor_match WHERE ct = {self.doc_ct} AND id IN (SELECT id FROM temp.floor_docs)"
        if match and not filters:
            cur.execute(f"SELECT COUNT(*) FROM ({pages})")
            count += cur.fetchone()[0]
            cur.execute(f"SELECT 'document', * FROM ({docs_top}) UNION ALL SELECT 'page', * FROM ({pages}) ORDER BY 3 DESC LIMIT 20")
        elif match:
            cur.execute(f"SELECT 'document', * FROM ({docs_top}) ORDER BY 3 DESC LIMIT 20")
        else:
            cur.execute(f"SELECT 'document', {docs}.id, 0, NULL FROM {docs} WHERE {where} ORDER BY {docs}.document_date DESC, {docs}.id DESC LIMIT 20", params)
        top = cur.fetchall()
        if match and top:
            rids = ", ".join(str(int(r[3])) for r in top)
            cur.execute(f"SELECT rowid, snippet({self.fts}, 1, '<mark>', '</mark>', '…', 36) FROM {self.fts} WHERE {match[0]} AND rowid IN ({rids})", match[1])
            cur.fetchall()
        ids = ", ".join(str(int(r[1])) for r in top if r[0] == "document") or "NULL"
        cur.execute(f"SELECT id, title, document_date, kind FROM {docs} WHERE id IN ({ids})")
        cur.fetchall()
        return (time.perf_counter() - start) * 1000, count

if __name__ == "__main__":
    main()
