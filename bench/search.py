"""Search benchmark: generate an Indonesian corpus, index it, run a fixed mix of 200 queries
through search.service.search (with facets and snippets) and print median / p95 latency,
indexing throughput and, as the floor, a raw FTS5 MATCH over the same SQLite index.

    DATA_DIR=/tmp/bench-search .venv/bin/python bench/search.py --docs 2000 --pages 200

The backend is the configured one (SEARCH_BACKEND, DATABASE_URL): run it once per backend.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DATA_DIR", "/tmp/sibulan-bench-search")

WORDS = (
    "anak pelayanan kesehatan pendidikan perlindungan posyandu imunisasi sekolah ramah forum kecamatan desa "
    "kabupaten layak program kegiatan laporan data akta kelahiran gizi stunting keluarga perempuan kekerasan "
    "pengaduan puskesmas bupati peraturan daerah rencana aksi anggaran realisasi target capaian partisipasi "
    "musrenbang pengasuhan alternatif disabilitas rokok kawasan taman bermain perpustakaan informasi layak "
    "melayani layanan mendidik didikan sehat menyehatkan dilindungi melindungi pembinaan pengawasan evaluasi"
).split()
QUERIES_SINGLE = ["layanan", "imunisasi", "posyandu", "stunting", "pengaduan", "melindungi", "gizi", "akta"]
QUERIES_PHRASE = ['"forum anak"', '"akta kelahiran"', '"sekolah ramah anak"', '"kawasan tanpa rokok"']
QUERIES_BOOL = ["imunisasi OR gizi", "pelayanan -sekolah", "perbup 5/2024", "KLA kecamatan"]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--pages", type=int, default=2_000)
    parser.add_argument("--words-per-doc", type=int, default=2_500, help="about 5 pages")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import AnonymousUser
    from django.core.files.base import ContentFile
    from django.db import connection
    from wagtail.models import Page

    from documents.models import ArchiveDocument
    from home.models import StandardPage
    from kla.models import OPD, Indicator
    from search.service import search

    rng = random.Random(42)
    indicators = list(Indicator.objects.all())
    opd, _ = OPD.objects.get_or_create(code="bench", defaults={"name": "Dinas Bench"})
    have = ArchiveDocument.objects.filter(title__startswith="Bench ").count()
    t0 = time.perf_counter()
    for i in range(have, args.docs):
        body = " ".join(sentence(rng, 15) for _ in range(args.words_per_doc // 15))
        if i % 50 == 0:
            body += f" Peraturan Bupati Nomor {i % 10} Tahun 2024 tentang Kabupaten Layak Anak."
        doc = ArchiveDocument(
            title=f"Bench {sentence(rng, 5)}", description=sentence(rng, 20), extracted_text=body,
            kind=rng.choice(["bukti", "laporan", "regulasi", "data"]), years=[rng.choice([2024, 2025, 2026])],
            access_level=rng.choice(["public", "public", "assessor"]), opd=opd,
        )
        doc.file.save("bench.txt", ContentFile(b"-"), save=False)
        doc.save()
        if indicators:
            doc.indicators.set(rng.sample(indicators, 2))
    indexed = args.docs - have
    doc_seconds = time.perf_counter() - t0
    home = Page.objects.filter(depth=2).first()
    have_pages = StandardPage.objects.filter(title__startswith="Bench ").count()
    t1 = time.perf_counter()
    for i in range(have_pages, args.pages):
        home.add_child(instance=StandardPage(title=f"Bench {sentence(rng, 4)}", slug=f"bench-{i}", intro=" ".join(sentence(rng, 20) for _ in range(10))))
    page_seconds = time.perf_counter() - t1
    if indexed:
        print(f"indexing: {indexed} documents in {doc_seconds:.1f}s ({indexed / doc_seconds:.1f} docs/s, save + extract-free index incl.)")
    if args.pages - have_pages > 0:
        print(f"indexing: {args.pages - have_pages} pages in {page_seconds:.1f}s")

    mix = []
    for i in range(args.queries):
        kind = i % 4
        if kind == 0:
            mix.append((rng.choice(QUERIES_SINGLE), {}))
        elif kind == 1:
            mix.append((rng.choice(QUERIES_PHRASE), {}))
        elif kind == 2:
            mix.append((rng.choice(QUERIES_BOOL), {}))
        else:
            mix.append((rng.choice(QUERIES_SINGLE), {"kind": ["bukti"], "year": ["2025"]}))
    user = AnonymousUser()
    times = []
    for q, filters in mix:
        start = time.perf_counter()
        search(user, q, filters)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    from django.conf import settings

    label = f"{settings.SEARCH_BACKEND}/{connection.vendor}"
    print(f"{label}: service.search (hits+facets+snippets) over {ArchiveDocument.objects.count()} documents: "
          f"median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms")

    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

        from search import text

        table = SQLiteFTSIndexEntry._meta.db_table
        raw = []
        with connection.cursor() as cur:
            for q, _f in mix:
                match = " ".join(f'"{text.stem(w)}"' for w in text.tokens(q.replace("-", " ").replace(" OR ", " ")))
                start = time.perf_counter()
                cur.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s ORDER BY rank LIMIT 20", [match])
                cur.fetchall()
                raw.append((time.perf_counter() - start) * 1000)
        raw.sort()
        print(f"raw FTS5 MATCH floor: median {statistics.median(raw):.2f} ms, p95 {raw[int(len(raw) * 0.95) - 1]:.2f} ms")


if __name__ == "__main__":
    main()
