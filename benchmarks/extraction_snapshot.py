"""Snapshot the events table of gold files, to prove a refactor changed nothing extracted.

    python benchmarks/extraction_snapshot.py ../shared/eval/*.jsonl --out /tmp/before
    ... change the code ...
    python benchmarks/extraction_snapshot.py ../shared/eval/*.jsonl --out /tmp/after --compare /tmp/before

Each file is ingested as `graphbuild evaluate` ingests it (one article per row, published the
day after the row's `date` when it has one, its `source` as the outlet) into a temporary store,
and the per-report events table is written as `<file stem>.csv`. With --compare, every file's
table is compared with the one in that folder and the first differing rows are printed; the
exit code is 1 when any table differs.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from pathlib import Path

from graphbuild.articles import Article
from graphbuild.export import EVENT_COLUMNS, EventFilter, events_table
from graphbuild.pipeline import Pipeline, ingest
from graphbuild.store import Store


def gold_articles(path: Path) -> list[Article]:
    articles = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            published = None
            if row.get("date"):
                published = dt.date.fromisoformat(str(row["date"])[:10]) + dt.timedelta(days=1)
            articles.append(Article(text=row["text"], id=str(row.get("id") or f"row-{n}"),
                                    published=published, source=row.get("source") or None))
    return articles


def snapshot(path: Path, pipeline: Pipeline, out: Path, workers: int | None) -> Path:
    store = Store(None)
    kwargs = {"workers": workers} if workers else {}
    ingest(gold_articles(path), store, pipeline=pipeline, **kwargs)
    everything = EventFilter(modality="all")  # a refactor must not change the unshown events either
    rows = sorted(events_table(store, everything, reports=True), key=lambda r: (r["doc_ids"], r["event_id"]))
    target = out / f"{path.stem}.csv"
    with open(target, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return target


def compare(new: Path, old: Path, shown: int = 5) -> bool:
    a = new.read_text(encoding="utf-8").splitlines()
    b = old.read_text(encoding="utf-8").splitlines()
    if a == b:
        return True
    print(f"{new.name}: {len(b)} -> {len(a)} lines; first differences:")
    diff = [(x, y) for x, y in zip(b, a) if x != y][:shown]
    for before, after in diff:
        print(f"  - {before[:300]}\n  + {after[:300]}")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    same = True
    for path in args.files:
        start = time.perf_counter()
        target = snapshot(path, pipeline, args.out, args.workers)
        print(f"{path.name}: {sum(1 for _ in open(target, encoding='utf-8')) - 1} rows "
              f"in {time.perf_counter() - start:.0f} s -> {target}", flush=True)
        if args.compare is not None:
            same = compare(target, args.compare / target.name) and same
    if args.compare is not None:
        print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
