"""Page-serving benchmark (issue 2): gunicorn with 2 workers serving the demo site.

Prints median / p95 latency and requests per second for the home page, a news page and an
indicator page at 10 concurrent clients, next to the trivial view /healthz/ served by the same
server in the same run, once with the anonymous page cache (the default) and once with it off.
Run with `make bench-pages` (loads the demo content first) or
`.venv/bin/python bench/pages.py [--requests N] [--concurrency C] [--port P]`.
Targets (issue 2): p95 <= 50 ms, and within 3x of the trivial view.
"""

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def target_paths():
    import django

    django.setup()
    from wagtail.models import Page

    from kla.models import Indicator

    news = Page.objects.live().public().filter(content_type__model="newspage").order_by("-first_published_at").first()
    indicator = Indicator.objects.order_by("number").first()
    if news is None or indicator is None:
        sys.exit("No demo content: run `make demo` (or `python manage.py load_demo_content`) first.")
    return [
        ("trivial view (/healthz/)", "/healthz/"),
        ("home page", "/"),
        ("news page", news.url),
        ("indicator page", indicator.get_absolute_url()),
    ]


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def load(port, path, total, concurrency):
    """``total`` GETs of ``path`` from ``concurrency`` keep-alive clients; returns latencies and wall time."""
    latencies, errors, lock = [], [], threading.Lock()
    per_client = [total // concurrency + (1 if i < total % concurrency else 0) for i in range(concurrency)]

    def client(count):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(count):
            start = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in per_client]
    wall = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall
    if errors:
        sys.exit(f"{path}: {len(errors)} non-200 answers (first: {errors[0]})")
    return latencies, wall


def wait_ready(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer on /healthz/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per page (default 2000)")
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8089")))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    paths = target_paths()
    print(f"gunicorn {args.workers} workers, {args.concurrency} concurrent clients, {args.requests} requests per page")
    for label, cache_seconds in (("anonymous page cache on (the default)", "600"), ("page cache off (PAGE_CACHE_SECONDS=0: every page rendered)", "0")):
        print(f"\n{label}")
        run_server(args, paths, {"PAGE_CACHE_SECONDS": cache_seconds})
    print("\ntargets: p95 <= 50 ms; p95 within 3x of the trivial view")


def run_server(args, paths, extra_env):
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1,localhost", **extra_env}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--workers", str(args.workers),
         "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning", "--keep-alive", "5"],
        cwd=ROOT, env=env,
    )
    try:
        wait_ready(args.port)
        print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'req/s':>8} {'p95 / trivial':>14}")
        baseline = None
        for label, path in paths:
            load(args.port, path, min(200, args.requests), args.concurrency)  # warm caches and workers
            latencies, wall = load(args.port, path, args.requests, args.concurrency)
            median, p95 = statistics.median(latencies) * 1000, percentile(latencies, 95) * 1000
            baseline = baseline or p95
            print(f"{label:28} {median:10.1f} {p95:8.1f} {len(latencies) / wall:8.0f} {p95 / baseline:13.1f}x")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
