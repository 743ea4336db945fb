"""Ingest throughput against the bare spaCy pipeline, on the same texts, in the same run.

    python benchmarks/ingest_throughput.py [FILE.jsonl ...] [--repeat N] [--batch-size N]
        [--workers N] [--dask local|ADDRESS]

Without files it uses the bundled examples, repeated to a few hundred articles. Each copy is
published 400 days after the one before, so that copies report different events, as a real
corpus mostly does; --same-dates keeps the dates, the worst case for cross-article merging
(every event then has --repeat reports, merged into one event, recomputed at each batch).
It prints articles/s and words/s (best of --rounds runs) for (1) the bare spaCy pipeline over the texts,
(2) graphbuild's full ingest (parse, extract, RDF, store writes) into a fresh
on-disk store, and the ratio of the two, plus the peak memory of the process.
--workers N adds the same two with N processes (``nlp.pipe(n_process=N)``; ``ingest(workers=N)``)
and the ratio of N processes to one; --dask adds an ingest on a Dask cluster ("local": a
LocalCluster of one worker process per core). Worker processes start and load their pipelines
in a warm-up ingest before the timed rounds (the time is printed), as the one-process
pipeline is loaded before them; spaCy's n_process starts its processes in every call.
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
    parser.add_argument("--workers", type=int, default=1, help="also measure N extraction processes")
    parser.add_argument("--dask", help="also measure ingest on Dask: 'local' or a scheduler address")
    args = parser.parse_args()

    articles = load_texts(args.files, args.repeat, args.same_dates)
    words = sum(len(a.text.split()) for a in articles)
    pipeline = Pipeline()
    list(pipeline.nlp.pipe([a.text for a in articles[:8]]))  # warm up both paths alike
    client = close = None
    runs = {"bare spaCy, 1 process": lambda: bare_spacy(pipeline, articles, args.batch_size, 1),
            "graphbuild ingest, 1 process": lambda: run_ingest(articles, pipeline=pipeline,
                                                               batch_size=args.batch_size)}
    warm = {}
    if args.workers > 1:
        n = args.workers
        runs[f"bare spaCy, n_process={n}"] = lambda: bare_spacy(pipeline, articles, args.batch_size, n)
        runs[f"graphbuild ingest, workers={n}"] = lambda: run_ingest(articles, batch_size=args.batch_size,
                                                                     workers=n)
        start = time.perf_counter()
        run_ingest(articles[:args.batch_size * n * 2], batch_size=args.batch_size, workers=n)
        warm[f"{n} worker processes"] = time.perf_counter() - start
    if args.dask:
        from graphbuild.parallel import dask_client

        start = time.perf_counter()
        client, close = dask_client(args.dask)
        run_ingest(articles[:args.batch_size * 4], batch_size=args.batch_size, dask=client)
        warm[f"Dask ({args.dask}, {len(client.nthreads())} workers)"] = time.perf_counter() - start
        runs[f"graphbuild ingest, Dask {args.dask}"] = lambda: run_ingest(articles, batch_size=args.batch_size,
                                                                          dask=client)

    best = {name: float("inf") for name in runs}
    triples = {}
    for _ in range(args.rounds):  # interleaved, best of N: the machine's noise hits all alike
        for name, run in runs.items():
            seconds, result = run()
            best[name] = min(best[name], seconds)
            if result is not None:
                triples[name] = result
    if close is not None:
        close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report, count = next(iter(triples.values()))
    print(f"articles: {len(articles)}  words: {words}  events: {report.events}  triples: {count}")
    for name, seconds in best.items():
        print(f"{name:38}: {len(articles) / seconds:8.1f} articles/s  {words / seconds:9.0f} words/s")
    for name, seconds in warm.items():
        print(f"warm-up (start, load pipelines) of {name}: {seconds:.1f} s")
    bare1, full1 = best["bare spaCy, 1 process"], best["graphbuild ingest, 1 process"]
    print(f"ratio (ingest / bare spaCy throughput), 1 process: {bare1 / full1:.2f}")
    if args.workers > 1:
        n = args.workers
        bare_n, full_n = best[f"bare spaCy, n_process={n}"], best[f"graphbuild ingest, workers={n}"]
        print(f"ratio (ingest workers={n} / bare spaCy n_process={n}): {bare_n / full_n:.2f}")
        print(f"speed-up of ingest, workers={n} / workers=1: {full1 / full_n:.2f}  "
              f"(bare spaCy n_process={n} / 1: {bare1 / bare_n:.2f})")
    if args.dask:
        print(f"speed-up of ingest, Dask / 1 process: {full1 / best[f'graphbuild ingest, Dask {args.dask}']:.2f}")
    print(f"peak memory: {peak_mb:.0f} MB (this process; each worker process holds its own pipeline)")
    if len({t for _, t in triples.values()}) != 1:
        print(f"the runs stored different graphs: {triples}", file=sys.stderr)
        sys.exit(1)
    if report.failed:
        print(f"failed articles: {report.failed}", file=sys.stderr)
        sys.exit(1)


def bare_spacy(pipeline, articles, batch_size, n_process):
    start = time.perf_counter()
    for _ in pipeline.nlp.pipe((a.text for a in articles), batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - start, None


def run_ingest(articles, **options):
    """Seconds to ingest into a fresh on-disk store, and (report, triples)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = ingest(articles, store, **options)
        seconds = time.perf_counter() - start
        count = len(store)
        store.close()
        del store
    return seconds, (report, count)


if __name__ == "__main__":
    main()
