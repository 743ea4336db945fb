"""Ingest throughput as one on-disk store grows from empty to a million triples and more.

    python benchmarks/store_growth.py GOLD.jsonl [--rows 1000] [--batches 10] [--same-events K]
        [--same-dates] [--workers N] [--store DIR] [--nquads OUT]

GOLD.jsonl is an ACLED-format file (``text`` and ``date`` per row, e.g. the evaluation's dev
set; it is read, never copied). Batch k holds the same --rows notes with every year in the
text and the publication date moved k years on, so each batch reports new events and costs
the same to extract: what changes from batch to batch is only the size of the store it is
written into. (The triples counted after each batch include the batches already extracted and
written by then: the writer is a batch of --batch-size behind the reader.) --same-events K writes each note K times per batch (other ids, same dates): K
articles report every event, and they are merged. --same-dates keeps every batch's texts and
dates: each batch reports the same events again, so a report's merged group grows by one per
batch (10 reports in batch 10), the worst case for merging, as when a feed reports the same
weeks over and over. All batches stream through one ingest, as
a long-running ingest does. For each batch it prints articles/s, the seconds the writer spent
planning merges and writing, the store's triples after it, and peak memory; at the end the
last batch's throughput as a share of the first's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphbuild import merging
from graphbuild.articles import Article
from graphbuild.pipeline import Pipeline, ingest
from graphbuild.store import Store


def load_rows(path: str, limit: int) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and len(rows) < limit:
                rows.append(json.loads(line))
    return rows


def moved(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def batch(rows: list[dict], k: int, same_events: int, same_dates: bool = False) -> list[Article]:
    articles, batch_number = [], k
    for n, row in enumerate(rows):
        day = dt.date.fromisoformat(row["date"])
        text = row["text"].replace(str(day.year), str(day.year + k))
        if same_dates:
            text, k = row["text"], 0
        for copy in range(same_events):
            articles.append(Article(text=text, id=f"{row.get('id') or n}-{batch_number}-{copy}",
                                    published=moved(day, k) + dt.timedelta(days=1)))
    return articles


class WriterClock:
    """CPU seconds the writer thread spends planning merges and writing (wrapped around the
    two calls): unlike wall time, not stretched by other processes on a busy machine."""

    def __init__(self):
        self.seconds = 0.0
        self.planning = 0.0  # of which planning merges
        self.stored = 0
        self.on_write = lambda: None
        self._plan, self._replace = merging.plan_write, Store.replace_articles
        clock = self

        def plan_write(*args, **kwargs):
            start = time.thread_time()
            try:
                return clock._plan(*args, **kwargs)
            finally:
                clock.seconds += time.thread_time() - start
                clock.planning += time.thread_time() - start

        def replace_articles(store, articles, *args, **kwargs):
            start = time.thread_time()
            try:
                return clock._replace(store, articles, *args, **kwargs)
            finally:
                clock.seconds += time.thread_time() - start
                clock.stored += len(articles)
                clock.on_write()

        import graphbuild.pipeline

        graphbuild.pipeline.plan_write = plan_write
        Store.replace_articles = replace_articles


def write_nquads(store: Store, path: str) -> str:
    """Write the store's statements to ``path``, one N-Quad a line, sorted; their sha256."""
    text = "".join(sorted(f"{q} .\n" for q in store.quads()))
    Path(path).write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--same-events", type=int, default=1)
    parser.add_argument("--same-dates", action="store_true",
                        help="every batch reports the same events again (their merged groups grow)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--store", help="store folder (default: a temporary one)")
    parser.add_argument("--nquads", help="write the store's statements here at the end, sorted (to compare "
                                         "the graph of two versions: python benchmarks/store_growth.py "
                                         "--dump STORE OUT writes those of a kept --store)")
    parser.add_argument("--dump", nargs=2, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        with Store(args.dump[0], read_only=True) as kept:
            print(f"N-Quads (sorted) in {args.dump[1]}: sha256 {write_nquads(kept, args.dump[1])}")
        return
    if not args.gold:
        parser.error("the following arguments are required: gold")
    rows = load_rows(args.gold, args.rows)
    per_batch = len(rows) * args.same_events
    clock = WriterClock()
    marks = []  # when a batch is stored: (time, writer CPU seconds, peak MB, triples,
    # seconds and CPU seconds spent counting them, which the throughput leaves out)

    def mark() -> None:
        start, cpu = time.perf_counter(), time.process_time()
        triples = len(store)
        marks.append((start, (clock.seconds, clock.planning), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      triples, time.perf_counter() - start, cpu, time.process_time() - cpu))

    def on_write() -> None:
        if clock.stored >= len(marks) * per_batch:
            mark()

    def articles():
        for k in range(args.batches):
            yield from batch(rows, k, args.same_events, args.same_dates)

    pipeline = Pipeline() if args.workers == 1 else None
    # warm up (first parses, gazetteer pages, worker processes) so that batch 1 is not slowed
    warm = batch(rows[:args.batch_size * 2 * args.workers], -1, 1)
    ingest(warm, Store(None), pipeline=pipeline, batch_size=args.batch_size, workers=args.workers)
    clock.seconds, clock.planning, clock.stored = 0.0, 0.0, 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.store or Path(tmp) / "growth.db")
        store.load_ontology()
        clock.on_write = on_write
        mark()
        report = ingest(articles(), store, pipeline=pipeline, batch_size=args.batch_size,
                        workers=args.workers)
        if args.nquads:
            print(f"N-Quads (sorted) in {args.nquads}: sha256 {write_nquads(store, args.nquads)}")
        store.close()
    print(f"{args.batches} batches of {per_batch} articles ({len(rows)} notes x {args.same_events}), "
          f"workers={args.workers}: {report.ingested} ingested, {report.failed} failed, "
          f"{report.events} event reports, {marks[-1][3]} triples")
    print("batch  triples after  articles/s  articles/CPU s  writer CPU s (planning)  peak MB")
    rates, cpu_rates = [], []
    for k in range(1, len(marks)):
        (t0, w0, _, _, counting, c0, cpu_counting), (t1, w1, peak, size, _, c1, _) = marks[k - 1], marks[k]
        rates.append(per_batch / (t1 - t0 - counting))
        cpu_rates.append(per_batch / (c1 - c0 - cpu_counting))
        print(f"{k:5}  {size:13}  {rates[-1]:10.1f}  {cpu_rates[-1]:14.1f}  {w1[0] - w0[0]:12.1f} "
              f"({w1[1] - w0[1]:4.1f})  {peak:7.0f}")
    # Batch k is timed from the write that completes batch k - 1 (batch 1: from the start, the
    # pipeline loaded) to the one that completes it. The CPU time is this process's (with
    # --workers 1, all of the ingest's work).
    print(f"last batch / first batch throughput: {rates[-1] / rates[0]:.2f} (wall), "
          f"{cpu_rates[-1] / cpu_rates[0]:.2f} (CPU); writer CPU seconds "
          f"{marks[-1][1][0] - marks[-2][1][0]:.1f} / {marks[1][1][0] - marks[0][1][0]:.1f}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
