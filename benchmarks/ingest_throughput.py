"""Ingest throughput against the bare spaCy pipeline, on the same texts, in the same run.

    python benchmarks/ingest_throughput.py [FILE.jsonl ...] [--repeat N] [--batch-size N]

Without files it uses the bundled examples, repeated to a few hundred articles. Each copy is
published 400 days after the one before, so that copies report different events, as a real
corpus mostly does; --same-dates keeps the dates, the worst case for cross-article merging
(every event then has --repeat reports, merged into one event, recomputed at each batch).
It prints articles/s and words/s (best of --rounds runs) for (1) the bare spaCy pipeline over the texts,
(2) graphbuild's full ingest (parse, extract, RDF, store writes) into a fresh
on-disk store, and the ratio of the two, plus the peak memory of the process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.articles import Article, read_articles
from graphbuild.pipeline import Pipeline, ingest
from graphbuild.store import Store

ROOT = Path(__file__).resolve().parent.parent


def load_texts(paths: list[str], repeat: int, same_dates: bool = False) -> list[Article]:
    articles = [r for r in read_articles(paths or [ROOT / "examples"]) if isinstance(r, Article)]
    out = []
    for n in range(repeat):
        for a in articles:
            published = a.published
            if published is not None and not same_dates:
                published = published + dt.timedelta(days=400 * n)
            out.append(Article(text=a.text, id=f"{a.id}-{n}", published=published,
                               title=a.title, source=a.source, url=a.url))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="best of N runs of each, interleaved")
    parser.add_argument("--same-dates", action="store_true",
                        help="keep every copy's publication date (all copies of an event merge)")
    args = parser.parse_args()

    articles = load_texts(args.files, args.repeat, args.same_dates)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline()
    list(pipeline.nlp.pipe([a.text for a in articles[:8]]))  # warm up both paths alike

    bare = full = float("inf")
    for _ in range(args.rounds):  # interleaved, best of N: the machine's noise hits both alike
        start = time.perf_counter()
        for _ in pipeline.nlp.pipe((a.text for a in articles), batch_size=args.batch_size):
            pass
        bare = min(bare, time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            start = time.perf_counter()
            report = ingest(articles, store, pipeline=pipeline, batch_size=args.batch_size)
            full = min(full, time.perf_counter() - start)
            triples = len(store)
            store.close()
            del store

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}  words: {words}  events: {report.events}  triples: {triples}")
    print(f"bare spaCy pipeline : {len(articles) / bare:8.1f} articles/s  {words / bare:9.0f} words/s")
    print(f"graphbuild ingest   : {len(articles) / full:8.1f} articles/s  {words / full:9.0f} words/s")
    print(f"ratio (ingest / bare spaCy throughput): {bare / full:.2f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    if report.failed:
        print(f"failed articles: {report.failed}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
