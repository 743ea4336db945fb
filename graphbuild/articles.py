"""Reading articles: JSONL, plain text, CSV, directories and stdin.

Every reader yields, in input order, either an :class:`Article` or an
:class:`InputError` that names the file and line. A bad record never stops the
batch: the caller counts the errors and goes on.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from .dates import parse_published

#: Articles longer than this are refused: they are almost always a dump or a
#: binary file, and they would hold the whole batch in the parser.
MAX_CHARS = 1_000_000

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
#: What a directory walk reads; other files there (README.md, notes, images) are skipped
#: and named. A file named on the command line is read whatever its suffix.
WALKED_SUFFIXES = (".jsonl", ".txt", ".csv")
#: A JSONL file reports at most this many bad lines one by one; the rest are counted.
MAX_LINE_ERRORS = 10


@dataclass(frozen=True)
class Article:
    """One news article, the unit of ingestion and of the store's named graphs."""

    text: str
    id: str = ""
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = field(default="", compare=False)  # "file:line", for messages

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))


@dataclass(frozen=True)
class InputError:
    """A record that could not be read; ``where`` is "file:line" or "file". ``count`` is
    how many records it stands for (the bad lines of a binary or garbled file)."""

    where: str
    message: str
    count: int = 1

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Record = Union[Article, InputError]


def content_id(text: str) -> str:
    """A stable id for an article without one: the same text gets the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_articles(
    paths: Iterable[str | os.PathLike], published: dt.date | None = None,
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Record]:
    """Yield articles and input errors from files, directories and ``-`` (stdin).

    ``published`` is the publication date given on the command line; it applies
    to plain-text files and to records that do not carry their own date. Directories
    are walked for :data:`WALKED_SUFFIXES`; ``on_skip`` hears of every other file.
    """
    for path in paths:
        if str(path) == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", ".jsonl", published)
            continue
        p = Path(path)
        if p.is_dir():
            for child in walk(p, on_skip):
                yield from read_file(child, published)
        elif p.exists():
            yield from read_file(p, published)
        else:
            yield InputError(str(p), "no such file or directory")


def walk(folder: Path, on_skip: Callable[[Path], None] | None = None) -> list[Path]:
    """The article files under ``folder``, sorted; hidden files and folders are left out
    silently, other files are passed to ``on_skip``."""
    found = []
    for child in sorted(c for c in folder.rglob("*") if c.is_file()):
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        if child.suffix.lower() in WALKED_SUFFIXES:
            found.append(child)
        elif on_skip is not None:
            on_skip(child)
    return found


def count_records(paths: Iterable[str | os.PathLike]) -> int | None:
    """How many records ``paths`` hold (non-blank JSONL lines, one per text file, CSV rows),
    for a progress bar; None when unknown (stdin)."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        p = Path(path)
        for child in (walk(p) if p.is_dir() else [p] if p.is_file() else []):
            suffix = child.suffix.lower()
            try:
                if suffix in TEXT_SUFFIXES:
                    total += 1
                elif suffix in CSV_SUFFIXES:
                    with open(child, encoding="utf-8", errors="replace", newline="") as handle:
                        total += max(0, sum(1 for _ in csv.reader(handle)) - 1)
                else:
                    with open(child, "rb") as handle:
                        total += sum(1 for line in handle if line.strip())
            except (OSError, csv.Error):
                return None
    return total


def read_file(path: Path, published: dt.date | None = None) -> Iterator[Record]:
    """Yield the records of one file, chosen by its suffix (JSONL unless .txt/.csv)."""
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(handle, str(path), path.suffix.lower(), published)
    except OSError as exc:
        yield InputError(str(path), f"cannot read file: {exc.strerror or exc}")


def _read_stream(handle, name: str, suffix: str, published) -> Iterator[Record]:
    if suffix in TEXT_SUFFIXES:
        yield from _read_text(handle.read(), name, published)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(handle, name, published, "\t" if suffix == ".tsv" else ",")
    else:
        yield from _read_jsonl(handle, name, published)


def _read_text(data: bytes, name: str, published) -> Iterator[Record]:
    text = _decode(data, name)
    if isinstance(text, InputError):
        yield text
        return
    problem = _text_problem(text)
    if problem:
        yield InputError(name, problem)
        return
    title = text.strip().splitlines()[0][:200]
    yield Article(text=text, id=Path(name).stem if name != "<stdin>" else "",
                  published=published, title=title, origin=name)


def _read_jsonl(handle, name: str, published) -> Iterator[Record]:
    seen_any = False
    errors = _LineErrors(name)
    for number, raw in enumerate(handle, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        seen_any = True
        record = _jsonl_record(raw, where, published)
        if isinstance(record, InputError):
            yield from errors.add(record)
        else:
            yield from errors.flush()
            yield record
    yield from errors.finish()
    if not seen_any:
        yield InputError(name, "empty file: no articles in it")


def _jsonl_record(raw: bytes, where: str, published) -> Record:
    line = _decode(raw, where)
    if isinstance(line, InputError):
        return line
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return InputError(where, f"malformed JSON ({detail})")
    if not isinstance(obj, dict):
        return InputError(where, "expected a JSON object with a \"text\" field")
    return article_from_record(obj, where, published)


class _LineErrors:
    """The bad lines of one JSONL file. Until the file has shown one good article its bad
    lines are held back: a file with no good line at all (binary, garbled, not JSONL) is
    one error with the count of its bad lines. Otherwise each bad line is reported, up to
    :data:`MAX_LINE_ERRORS`, and the rest are counted in one last error."""

    def __init__(self, name: str):
        self.name, self.held, self.reported, self.more, self.good = name, [], 0, [], False

    def add(self, error: InputError) -> Iterator[InputError]:
        if not self.good:
            self.held.append(error)
        elif self.reported < MAX_LINE_ERRORS:
            self.reported += 1
            yield error
        else:
            self.more.append(error)

    def flush(self) -> Iterator[InputError]:
        self.good = True
        held, self.held = self.held, []
        for error in held:
            yield from self.add(error)

    def finish(self) -> Iterator[InputError]:
        if len(self.held) == 1:
            yield self.held[0]
        elif self.held:
            first = self.held[0]
            yield InputError(self.name, f"no readable article in it: all {len(self.held):,} lines are bad "
                             f"(binary or garbled file?); the first, line {first.where.rsplit(':', 1)[-1]}: "
                             f"{first.message}", count=len(self.held))
        if self.more:
            yield InputError(self.name, f"{len(self.more):,} more bad lines, the first at line "
                             f"{self.more[0].where.rsplit(':', 1)[-1]}: {self.more[0].message}",
                             count=len(self.more))


def _read_csv(handle, name: str, published, delimiter: str) -> Iterator[Record]:
    data = _decode(handle.read(), name)
    if isinstance(data, InputError):
        yield data
        return
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delimiter)
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield InputError(name, "CSV needs a header row with a \"text\" column")
            return
        for row in reader:
            yield article_from_record(row, f"{name}:{reader.line_num}", published)
    except csv.Error as exc:  # a field over the csv module's limit, a stray quote at the end
        yield InputError(f"{name}:{reader.line_num}", f"unreadable CSV ({exc}): the rest of the file is skipped")


_JSON_KINDS = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}


def article_from_record(obj: dict, where: str, published=None) -> Record:
    """Turn one JSON/CSV record into an Article, or an InputError saying what is wrong."""
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        return InputError(where, f"\"text\" is {_JSON_KINDS.get(type(text), 'not text')}, not a string")
    if not isinstance(text, str) or not text.strip():
        return InputError(where, "record has no \"text\" (the article body is required)")
    problem = _text_problem(text)
    if problem:
        return InputError(where, problem)
    date = published
    raw_date = obj.get("published")
    if raw_date not in (None, ""):
        try:
            date = parse_published(str(raw_date))
        except ValueError as exc:
            return InputError(where, f"unparseable \"published\" date: {exc}")
    fields = {k: (str(obj[k]) if obj.get(k) not in (None, "") else None)
              for k in ("title", "source", "url")}
    return Article(text=text, id=str(obj.get("id") or ""), published=date,
                   origin=where, **fields)


def _decode(data: bytes, where: str) -> str | InputError:
    if b"\x00" in data:
        return InputError(where, "binary data (NUL bytes): not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(where, f"invalid UTF-8 at byte {exc.start}: save the file as UTF-8")


def _text_problem(text: str) -> str | None:
    if not text.strip():
        return "empty text"
    if len(text) > MAX_CHARS:
        return (f"article of {len(text):,} characters is over the limit of {MAX_CHARS:,}: "
                "split it into articles")
    return None
