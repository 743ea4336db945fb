"""The merged events table of an ingest, to prove a change to cross-article merging changes
no merge.

    python benchmarks/merge_snapshot.py OUT.csv [--gold FILE.jsonl --limit N] [--examples N]

--gold ingests the first N rows of an ACLED-format file as ``graphbuild evaluate`` does (each
row an article published the day after its event); --examples ingests N copies of the bundled
examples with their own publication dates (every event reported N times, the worst case for
merging). Either way it writes ``events_table(store)`` (one row per merged event) as CSV,
sorted, and the events graph's statements (N-Quads, sorted, without the lookup keys) beside it
as OUT.csv.nq. Run it before and after a change and compare the files with ``cmp``.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from graphbuild.articles import Article, read_articles
from graphbuild.export import EVENT_COLUMNS, events_table
from graphbuild.pipeline import ingest
from graphbuild.store import Store

ROOT = Path(__file__).resolve().parent.parent
EVENTS_GRAPH = "https://w3id.org/graphbuild/graph/events"
KEY = "https://w3id.org/graphbuild/ontology#mergeKey"


def gold_articles(path: str, limit: int) -> list[Article]:
    articles = []
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                break
            row = json.loads(line)
            articles.append(Article(text=row["text"], id=str(row.get("id") or f"row-{n + 1}"),
                                    published=dt.date.fromisoformat(row["date"]) + dt.timedelta(days=1),
                                    source=row.get("source") or None))
    return articles


def example_copies(copies: int) -> list[Article]:
    examples = [r for r in read_articles([ROOT / "examples"]) if isinstance(r, Article)]
    return [Article(text=a.text, id=f"{a.id}-{n}", published=a.published, title=a.title,
                    source=a.source, url=a.url) for n in range(copies) for a in examples]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--gold")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    articles = gold_articles(args.gold, args.limit) if args.gold else []
    articles += example_copies(args.examples)
    store = Store(None)
    report = ingest(articles, store)
    rows = sorted(events_table(store), key=lambda r: [str(r[c]) for c in EVENT_COLUMNS])
    with open(args.output, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    lines = sorted(f"{q.subject} {q.predicate} {q.object} ." for q in store.quads()
                   if q.graph_name.value == EVENTS_GRAPH and q.predicate.value != KEY)
    Path(args.output + ".nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    merged = sum(1 for r in rows if "|" in r["doc_ids"])
    print(f"articles: {len(articles)}  events: {len(rows)}  merged events: {merged}  "
          f"events-graph statements: {len(lines)}  failed: {report.failed}")
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
