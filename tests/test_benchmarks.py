"""The search benchmark runs on a small corpus and prints its figures (bench/search.py; the
20,000-document run is for people, not for the test suite): the service's median and p95,
and the raw FTS5 floor, which does the same work — it finds the same number of results as the
service for every query of the mix."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_search_benchmark_prints_figures_and_its_floor_does_the_same_work(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEARCH_BACKEND", "SEARCH_URL")}
    env["DATA_DIR"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "bench/search.py", "--docs", "60", "--pages", "6", "--words-per-doc", "150", "--queries", "30", "--reindex", "20"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    assert re.search(r"database/sqlite: service\.search .* 30 queries: median [\d.]+ ms, p95 [\d.]+ ms", out), out
    assert re.search(r"indexing: 20 existing documents re-indexed .* \(\d+ docs/s\)", out), out
    assert re.search(r"raw FTS5, bare MATCH .* median [\d.]+ ms, p95 [\d.]+ ms", out), out
    assert "same count as the service for 30 of 30 queries" in out, out
    assert re.search(r"ratio service / raw FTS5 same work: median [\d.]+x, p95 [\d.]+x", out), out
