"""Streaming import of GeoNames dumps into the gazetteer's SQLite index.

A dump (``allCountries.txt``, a country file such as ``SY.txt``, ``cities500.txt``; zipped
or not) is read line by line and written in batches, so memory stays flat whatever its size
(the 12-million-line ``allCountries.txt`` included: see ``benchmarks/gazetteer_import.py``).

The import is atomic: it writes into a copy of the index beside it and replaces the index
with that copy only when every line is in, so an interrupted import (Ctrl-C, ``kill -9``, a
full disk) leaves the index as it was. Concurrent imports into one index wait for each other.

Lines that are not GeoNames rows are skipped and counted; the import reports them once per
file (how many, and the first few line numbers), not once a line.
"""
from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .gazetteer import _joined, _skeleton_rows, fold

#: Rows written per ``executemany`` batch.
BATCH = 20_000
#: Bad line numbers kept for the report.
SHOWN_BAD_LINES = 5
#: GeoNames feature classes indexed as sites: spots, hills, water, areas, vegetation, roads.
SITE_CLASSES = frozenset("STHLVR")


@dataclass
class ImportReport:
    """What an import did: places written, lines read, lines skipped as not GeoNames rows."""

    source: str
    places: int = 0
    lines: int = 0
    bad: int = 0
    bad_lines: list[int] = field(default_factory=list)

    def problem(self) -> str | None:
        """One line about the bad lines of the file, or None when there were none."""
        if not self.bad:
            return None
        many = self.bad != 1
        more = ", ..." if self.bad > len(self.bad_lines) else ""
        what = (f"{self.bad} line{'s' if many else ''} skipped" if self.places
                else f"nothing imported, {self.bad} line{'s' if many else ''}")
        return (f"{self.source}: {what}, not GeoNames rows (19 tab-separated columns with a numeric id, "
                f"coordinates and population): line{'s' if many else ''} {', '.join(map(str, self.bad_lines))}{more}")


@contextlib.contextmanager
def open_dump(path: Path) -> Iterator[tuple[io.BufferedIOBase, int, str]]:
    """(binary stream, size in bytes, name for messages) of a dump, or of the ``.txt`` dump
    inside a zip file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist()
                       if m.filename.endswith(".txt") and "readme" not in m.filename.lower()]
            if not members:
                raise ValueError(f"{path}: no .txt dump inside the zip file")
            with archive.open(members[0]) as handle:
                yield handle, members[0].file_size, f"{path}:{members[0].filename}"
    else:
        with open(path, "rb") as handle:
            yield handle, os.path.getsize(path), str(path)


def dump_rows(handle, admin1_names: dict[str, str], report: ImportReport,
              progress: Callable[[int], None] | None = None):
    """(place row, name keys) for each indexed line of a dump; lines of other feature classes
    are passed over, bad lines counted in ``report``. ``progress`` gets the bytes read, now and
    then."""
    read = 0
    for number, raw in enumerate(handle, start=1):
        read += len(raw)
        if progress is not None and number % BATCH == 0:
            progress(read)
        report.lines = number
        row = _parse(raw)
        if row is None:
            continue
        if row is False:
            report.bad += 1
            if len(report.bad_lines) < SHOWN_BAD_LINES:
                report.bad_lines.append(number)
            continue
        f, gid, lat, lon, pop, feature = row
        cc = f[8]
        admin1 = admin1_names.get(f"{cc}.{f[10]}", "")
        keys = _joined({fold(n) for n in {f[1], f[2], *f[3].split(",")} if n})
        yield (gid, f[1], lat, lon, cc, admin1, "", pop, feature), [k for k in keys if k]
    if progress is not None:
        progress(read)


def _parse(raw: bytes):
    """(fields, id, lat, lon, population, feature) of a line; None for a line to pass over
    (blank, a comment, a feature the gazetteer does not index); False for a bad line."""
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return False
    if not line.strip() or line.startswith("#"):
        return None
    f = line.split("\t")
    if len(f) < 15:
        return False
    try:
        gid, lat, lon, pop = str(int(f[0])), float(f[4]), float(f[5]), int(f[14] or 0)
    except ValueError:
        return False
    cls, code = f[6], f[7]
    feature = ("city" if cls == "P" else "admin1" if code == "ADM1" else "admin2" if code == "ADM2"
               else "site" if cls in SITE_CLASSES else None)
    if feature is None:
        return None
    return f, gid, lat, lon, pop, feature


def import_dump(index: Path, dump: str | os.PathLike, progress: Callable[[int, int], None] | None = None,
                start: Callable[[int], None] | None = None) -> ImportReport:
    """Add the places of a GeoNames dump to the index at ``index``, atomically.

    ``start(total_bytes)`` is called once the dump is open, ``progress(bytes_read, places)``
    every batch. A place already in the index is replaced (keeping its region names when the
    dump has none). Raises ValueError when no line of the file is a GeoNames row."""
    dump = Path(dump)
    work = index.with_name(index.name + ".import")
    with _exclusive(index.with_name(index.name + ".lock")):  # the lock the index is built under
        work.unlink(missing_ok=True)
        try:
            report = _import_into_copy(index, work, dump, progress, start)
            if report.places:
                with open(work, "rb") as written:  # on disk before it takes the index's name
                    os.fsync(written.fileno())
                os.replace(work, index)
        finally:
            work.unlink(missing_ok=True)
    return report


def _import_into_copy(index: Path, work: Path, dump: Path, progress, start) -> ImportReport:
    source, db = sqlite3.connect(f"file:{index}?mode=ro", uri=True), sqlite3.connect(work, isolation_level=None)
    try:
        source.backup(db)
    finally:
        source.close()
    try:
        # the copy is thrown away if anything fails: no journal, one sync at the end
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;
            PRAGMA temp_store = FILE;
            CREATE TEMP TABLE imported (id TEXT PRIMARY KEY) WITHOUT ROWID;
            DROP INDEX IF EXISTS names_key; DROP INDEX IF EXISTS skeletons_key;
        """)
        old_names = db.execute("SELECT coalesce(max(rowid), 0) FROM names").fetchone()[0]
        old_skeletons = db.execute("SELECT coalesce(max(rowid), 0) FROM skeletons").fetchone()[0]
        admin1_names = dict(db.execute("SELECT id, name FROM places WHERE feature = 'admin1'"))
        db.execute("BEGIN")
        with open_dump(dump) as (handle, size, name):
            report = ImportReport(name)
            if start is not None:
                start(size)
            batch: list = []
            tick = (lambda done: progress(done, report.places + len(batch))) if progress else None
            for row in dump_rows(handle, admin1_names, report, tick):
                batch.append(row)
                if len(batch) >= BATCH:
                    _write(db, batch)
                    report.places += len(batch)
                    batch.clear()
            _write(db, batch)
            report.places += len(batch)
        if not report.places and report.bad:
            raise ValueError(report.problem())
        # the names the index had for places the dump replaces
        db.execute("DELETE FROM names WHERE rowid <= ? AND id IN (SELECT id FROM imported)", (old_names,))
        db.execute("DELETE FROM skeletons WHERE rowid <= ? AND id IN (SELECT id FROM imported)", (old_skeletons,))
        db.execute("CREATE INDEX names_key ON names(key)")
        db.execute("CREATE INDEX skeletons_key ON skeletons(key)")
        db.execute("COMMIT")
    finally:
        db.close()
    return report


def _write(db: sqlite3.Connection, batch: list) -> None:
    db.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
        " latitude = excluded.latitude, longitude = excluded.longitude, country_code = excluded.country_code,"
        " admin1 = CASE WHEN excluded.admin1 != '' THEN excluded.admin1 ELSE places.admin1 END,"
        " admin2 = CASE WHEN excluded.admin2 != '' THEN excluded.admin2 ELSE places.admin2 END,"
        " population = excluded.population, feature = excluded.feature", (place for place, _ in batch))
    db.executemany("INSERT OR IGNORE INTO imported VALUES (?)", ((place[0],) for place, _ in batch))
    names = [(key, place[0]) for place, keys in batch for key in keys]
    db.executemany("INSERT INTO names VALUES (?,?)", names)
    db.executemany("INSERT INTO skeletons VALUES (?,?)", _skeleton_rows(names))


@contextlib.contextmanager
def _exclusive(lock: Path):
    """Hold an exclusive lock on ``lock`` (released by the OS if the process dies)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no other importer is expected to run beside this one
        yield
        return
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
