"""How long exports, analysis and the report take on a store of about 100k triples.

    python benchmarks/export_speed.py [--triples 100000] [--store DIR]

Builds the store once (the bundled examples ingested again and again, each copy published a
week later so events spread over time; pass --store to reuse one), then times each export
format, every view, `analyze` and the HTML report, and prints seconds and output sizes.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import resource
import tempfile
import time
from pathlib import Path

from graphbuild.analysis import analyze
from graphbuild.articles import Article, read_articles
from graphbuild.export import (load_events, write_events_csv, write_geojson, write_gexf, write_graphml,
                               write_rdf)
from graphbuild.pipeline import Pipeline, ingest
from graphbuild.report import write_report
from graphbuild.store import Store

ROOT = Path(__file__).resolve().parent.parent


def build(store: Store, triples: int) -> None:
    articles = [r for r in read_articles([ROOT / "examples"]) if isinstance(r, Article)]
    pipeline = Pipeline()
    copy = 0
    while len(store) < triples:
        batch = [dataclasses.replace(a, id=f"{a.id}-{copy}-{n}",
                                     published=a.published + dt.timedelta(days=7 * (copy + n)))
                 for n in range(10) for a in articles]
        ingest(batch, store, pipeline=pipeline)
        copy += 10


def timed(name: str, run) -> None:
    start = time.perf_counter()
    size = run()
    print(f"{name:<28} {time.perf_counter() - start:7.2f} s   {size}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--store", help="reuse (or fill) this store folder instead of a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.store or Path(tmp) / "bench.db")
        start = time.perf_counter()
        if len(store) < args.triples:
            build(store, args.triples)
        events = len(load_events(store))
        print(f"store: {len(store):,} triples, {events:,} events (built in {time.perf_counter() - start:.1f} s)")
        out = Path(tmp)

        def to_file(path, write):
            def run():
                write(path)
                return f"{path.stat().st_size / 1e6:.1f} MB"
            return run

        timed("load_events", lambda: f"{len(load_events(store)):,} events")
        timed("events-csv", to_file(out / "e.csv", lambda p: write_events_csv(store, p.open("w", newline=""))))
        timed("geojson", to_file(out / "e.geojson", lambda p: write_geojson(store, p.open("w"))))
        for view in ("events", "actors", "places"):
            timed(f"graphml --view {view}", to_file(out / f"{view}.graphml", lambda p, v=view: write_graphml(store, p, v)))
            timed(f"gexf --view {view}", to_file(out / f"{view}.gexf", lambda p, v=view: write_gexf(store, p, v)))
        timed("trig", to_file(out / "all.trig", lambda p: write_rdf(store, str(p), "trig")))
        timed("analyze", lambda: f"{sum(len(t) for t in analyze(store).values())} rows")
        timed("report", to_file(out / "report.html", lambda p: write_report(store, p)))
        print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        if args.store:
            store.close()


if __name__ == "__main__":
    main()
