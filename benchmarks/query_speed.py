"""Query speed on a store of a million triples: the README's queries through the API, through
`graphbuild serve` and through raw pyoxigraph on the same store, and `serve` under load.

    python benchmarks/query_speed.py [--store DIR] [--rounds N] [--clients 50] [--requests N]
        [--cache-mb N]

The store is built once (cached in /tmp/graphbuild-bench/query-1m.db) by ingesting generated
articles (about 8,000): the evaluation texts in /work/shared/eval/*.jsonl when present (read
at run time, never copied; each published the day after its coded date) and copies of
examples/articles.jsonl with new ids, each copy published 400 days after the one before, until
the store holds a million triples; the write-ahead log is flushed at the end, as `ingest` does.
It prints, for every query in examples/queries/, the median of --rounds runs through
graphbuild's API (`Store.query` via graphbuild.sparql), through `serve` (HTTP GET on loopback)
and through raw pyoxigraph (each request a new query text, so that serve's answer cache never
answers it); then --clients concurrent clients sending --requests queries in all to one `serve`
process (errors, p50, p99, requests/s; serve keeps answers in --cache-mb, so repeated queries
are answered from memory unless it is 0); and the time `graphbuild query` takes to
start and answer an ASK.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path("/work/shared/eval")
DEFAULT_STORE = Path("/tmp/graphbuild-bench/query-1m.db")
TARGET_TRIPLES = 1_000_000
PAGE = """SELECT ?event ?date ?type WHERE { ?event a sem:Event ; sem:hasEarliestBeginTimeStamp ?date ;
  sem:eventType/skos:prefLabel ?type } ORDER BY DESC(?date) LIMIT 100"""


def generated_articles(copies_from: int = 0):
    """The evaluation texts, then endless copies of the examples with new ids and dates."""
    from graphbuild.articles import Article, read_articles

    if copies_from == 0 and EVAL.is_dir():
        for path in sorted(EVAL.glob("*.jsonl")):
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    published = None
                    if row.get("date"):
                        published = dt.date.fromisoformat(row["date"][:10]) + dt.timedelta(days=1)
                    yield Article(text=row["text"], id=f"bench-{path.stem}-{row['id']}", published=published,
                                  source=row.get("source") or None)
    examples = [r for r in read_articles([ROOT / "examples" / "articles.jsonl"]) if isinstance(r, Article)]
    n = copies_from
    while True:
        for a in examples:
            published = a.published + dt.timedelta(days=400 * n) if a.published else None
            yield Article(text=a.text, id=f"{a.id}-copy{n}", published=published, title=a.title,
                          source=a.source, url=a.url)
        n += 1


def build_store(path: Path, target: int = TARGET_TRIPLES) -> int:
    """Ingest generated articles until the store holds ``target`` triples; returns the count."""
    from itertools import islice

    from graphbuild.pipeline import Pipeline, ingest
    from graphbuild.store import Store

    marker = path.with_suffix(".done")
    if marker.exists():
        return int(marker.read_text())
    if path.exists() and path != DEFAULT_STORE:  # a store of the user's own
        with Store(path, read_only=True) as store:
            return len(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    source = generated_articles()
    start = time.perf_counter()
    with Store(path) as store:
        done = 0
        while len(store) < target:
            batch = list(islice(source, 500))
            report = ingest(batch, store, pipeline=pipeline, batch_size=16)
            done += len(batch)
            print(f"  {done} articles, {report.triples} triples, {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
        triples = len(store)
        store.flush()  # as `graphbuild ingest` does when it closes the store
        store._store.optimize()  # and compacted, as a store that has rested is
    marker.write_text(str(triples))
    return triples


def timed(run, rounds: int, clock=time.perf_counter) -> tuple[float, object]:
    """Median seconds of ``rounds`` runs (wall clock, or ``clock``), and the last run's answer."""
    times, answer = [], None
    for _ in range(rounds):
        start = clock()
        answer = run()
        times.append(clock() - start)
    return statistics.median(times), answer


def start_server(store: Path, cache_mb: int = 64) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", "--store", str(store), "--port", "0",
                                "--max-results", "10000000", "--timeout", "600", "--cache-mb", str(cache_mb)],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = process.stderr.readline()
    return process, line.split("SPARQL endpoint ", 1)[1].split("/sparql", 1)[0]


def http_query(base: str, sparql: str) -> bytes:
    url = f"{base}/sparql?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load_test(base: str, queries: list[str], clients: int, requests: int) -> dict:
    """``clients`` threads share ``requests`` queries (round robin over ``queries``)."""
    times, errors, lock = [], [], threading.Lock()
    per_client = max(1, requests // clients)

    def client(n: int) -> None:
        for k in range(per_client):
            start = time.perf_counter()
            try:
                http_query(base, queries[(n + k) % len(queries)])
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(repr(exc))
                continue
            with lock:
                times.append(time.perf_counter() - start)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"requests": clients * per_client, "errors": len(errors), "p50": percentile(times, 50),
            "p99": percentile(times, 99), "per_s": len(times) / wall, "first_error": errors[:1]}


def startup(store: Path, rounds: int = 3) -> float:
    """Median wall time of `graphbuild query ASK` as a fresh process (import, open, answer)."""
    command = [sys.executable, "-m", "graphbuild", "query", "ASK { ?e a sem:Event }", "--store", str(store)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return timed(lambda: subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True), rounds)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--load-queries", default="relations,date_range,within_50km,fatalities_by_place,page",
                        help="the examples the load test sends (page: the first 100 events by date)")
    parser.add_argument("--cache-mb", type=int, default=64,
                        help="serve's answer cache (0: every request evaluated; the timed queries always are)")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    triples = build_store(args.store)
    print(f"store: {args.store} ({triples} triples)")
    if args.build_only:
        return

    import pyoxigraph as ox

    from graphbuild.geosparql import FUNCTIONS
    from graphbuild.sparql import run_query
    from graphbuild.store import QUERY_PREFIXES, Store

    print(f"`graphbuild query ASK` as a new process: {startup(args.store):.2f} s (median of 3)")
    queries = {p.stem: p.read_text() for p in sorted((ROOT / "examples" / "queries").glob("*.rq"))}
    store, raw = Store(args.store, read_only=True), ox.Store.read_only(str(args.store))
    process, base = start_server(args.store, args.cache_mb)
    try:
        print(f"\n{'query':22} {'rows':>7} {'pyoxigraph':>11} {'(CPU)':>7} {'API':>8} {'serve':>8}"
              f"   (median of {args.rounds}, seconds)")
        for name, sparql in queries.items():
            def run_raw():
                return list(raw.query(sparql, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True,
                                      custom_functions=FUNCTIONS))
            t_raw, rows = timed(run_raw, args.rounds)
            cpu_raw, _ = timed(run_raw, args.rounds, time.process_time)
            t_api, _ = timed(lambda: run_query(store, sparql), args.rounds)
            t_http, _ = timed(lambda: http_query(base, sparql + f"\n# {time.perf_counter()}"), args.rounds)
            print(f"{name:22} {len(rows):7d} {t_raw:11.3f} {cpu_raw:7.3f} {t_api:8.3f} {t_http:8.3f}")
        queries["page"] = PAGE
        mix = [queries[n] for n in args.load_queries.split(",")]
        result = load_test(base, mix, args.clients, args.requests)
        print(f"\nserve, {args.clients} concurrent clients, {result['requests']} queries ({args.load_queries}): "
              f"errors {result['errors']}, p50 {result['p50']:.3f} s, p99 {result['p99']:.3f} s, "
              f"{result['per_s']:.1f} queries/s {result['first_error'] or ''}")
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()
