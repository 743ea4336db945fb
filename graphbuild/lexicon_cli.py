"""The commands that manage what extraction looks names up in: the actor lexicon
(`graphbuild actors ...`) and the offline gazetteer (`graphbuild gazetteer ...`)."""
from __future__ import annotations

import sqlite3
import sys

import click

from .tables import format_rows


@click.group()
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


@click.group()
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
@click.option("--country", "countries", multiple=True,
              help="A country the text is about: ISO code or name (repeatable).")
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
    codes = _country_codes(gaz, countries)
    unknown_places = [c for c in context if not gaz.candidates(c)]
    if unknown_places:
        raise click.UsageError("; ".join(f"--near {c!r} is no place the gazetteer knows" for c in unknown_places))
    ranked = gaz.ranked(name, codes, frozenset(fold(c) for c in context))
    rows = [[rank + 1, p.name, p.feature, p.country, p.admin1, p.population, f"{p.latitude:.4f}",
             f"{p.longitude:.4f}", p.uri or p.id] for rank, p in enumerate(ranked)]
    click.echo(format_rows(["rank", "name", "kind", "country", "admin1", "population", "lat", "lon", "id"],
                           rows, "table"), nl=False)
    if not rows:
        sys.exit(1)


def _country_codes(gaz, countries) -> tuple[str, ...]:
    """ISO codes for --country values given as codes ("LB") or names ("Lebanon")."""
    from .known import unknown

    names = gaz.country_names()
    codes, problems = [], []
    for value in countries:
        code = value.upper() if value.upper() in names else gaz.country_code(value)
        if code is None:
            problems.append(unknown("--country", value, [*names.values(), *names], "known country"))
        else:
            codes.append(code)
    if problems:
        raise click.UsageError("; ".join(problems))
    return tuple(codes)
