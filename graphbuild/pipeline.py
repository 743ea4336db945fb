"""Ingest: articles -> spaCy -> extraction -> RDF -> store, streaming and batched."""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .articles import WALKED_SUFFIXES, Article, InputError, Record, read_articles
from .extract import Extractor
from .lexicon import Lexicon
from .model import Extraction
from .nlp import actor_files, load_pipeline, make_doc
from .nlp.resources import resources
from .rdf import extraction_to_quads
from .store import Store
from .text.structure import ArticleStructure, article_structure, mask, quote_original, resolve_dateline
from .text.truecase import Truecaser, english_words


@dataclass
class IngestReport:
    """What an ingest run did; ``errors`` name the file and line of every failure."""

    read: int = 0
    ingested: int = 0
    failed: int = 0
    events: int = 0
    triples: int = 0
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # skipped files, repeated ids: not failures

    @property
    def ok(self) -> bool:
        return self.failed == 0


class Pipeline:
    """The loaded model, lexicon and gazetteer: build once, use for many articles."""

    def __init__(self, model: str | None = None, extra_actors: Iterable[str] = ()):
        self.nlp = load_pipeline(model, extra_actors)
        shared = resources(actor_files(extra_actors))  # the components' own, loaded once per process
        self.lexicon: Lexicon = shared.lexicon
        self.gazetteer = shared.gazetteer
        self.extractor = Extractor(self.nlp, shared)
        self.truecaser = Truecaser(self.lexicon, self.gazetteer, english_words(self.nlp))

    def prepare(self, text: str) -> tuple[str, ArticleStructure]:
        """The text the model reads and the article's structure: boilerplate blanked and case
        restored where the text has none. Same length as ``text``: offsets stay valid."""
        structure = article_structure(text)
        if structure.dateline is not None:
            resolve_dateline(structure.dateline, self.gazetteer)
        return self.truecaser.restore(mask(text, structure)), structure

    def _extract(self, doc, article: Article, structure: ArticleStructure) -> Extraction:
        extraction = self.extractor.extract(doc, article)
        if doc.text != article.text:  # evidence quotes the article, not the model's copy of it
            quote_original(extraction, article.text, doc.text)
        extraction.structure = structure
        return extraction

    def extract(self, article: Article | str) -> Extraction:
        """Extract one article (or a bare text) without storing it."""
        if isinstance(article, str):
            article = Article(text=article)
        text, structure = self.prepare(article.text)
        return self._extract(self.nlp(make_doc(self.nlp, text, article.title, article.source)), article, structure)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16,
                     n_process: int = 1) -> Iterator[tuple[Article, Extraction | Exception]]:
        """Extract articles in ``nlp.pipe`` batches; a failure is yielded, not raised."""
        pairs = ((make_doc(self.nlp, text, a.title, a.source), (a, structure))
                 for a in articles for text, structure in [self.prepare(a.text)])
        for doc, (article, structure) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                                       n_process=n_process):
            try:
                yield article, self._extract(doc, article, structure)
            except Exception as exc:  # one bad article must not stop the batch
                yield article, exc


def ingest(
    sources: Iterable[str | os.PathLike] | Iterable[Article],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    model: str | None = None,
    published: dt.date | None = None,
    batch_size: int = 16,
    on_record: Callable[[Record], None] | None = None,
) -> IngestReport:
    """Ingest files, directories, ``-`` or Article objects into ``store``.

    Bad records are reported (file and line), skipped and counted; every good
    article is written in its own transaction, replacing any earlier version."""
    pipeline = pipeline or Pipeline(model)
    report = IngestReport()
    store.load_ontology()

    first_seen: dict[str, str] = {}  # article id -> where this run first read it

    skipped: list = []

    def good_articles() -> Iterator[Article]:
        for record in _records(sources, published, skipped.append):
            if on_record is not None:
                on_record(record)
            if isinstance(record, InputError):
                report.read += record.count
                report.failed += record.count
                report.errors.append(record)
                continue
            report.read += 1
            where = record.origin or record.id
            if record.id in first_seen:
                report.notices.append(f"{where}: id {record.id!r} was already read at "
                                      f"{first_seen[record.id]}: this later record replaces it")
            first_seen[record.id] = where
            yield record

    pending: list[tuple[Article, Extraction]] = []
    # Writing runs on a second thread (Oxigraph releases the GIL) while spaCy parses the
    # next batch; one batch in flight at a time keeps the order and bounds memory.
    writer = ThreadPoolExecutor(max_workers=1)
    in_flight: list[Future] = []

    stored: dict[str, int] = {}  # article id -> its events (a repeated id counts once)

    def settle():
        while in_flight:
            done, errors = in_flight.pop().result()
            for item in done:
                stored[item[0].id] = len(item[1].events)
            report.failed += len(errors)
            report.errors.extend(errors)

    def write_pending():
        if pending:
            settle()
            in_flight.append(writer.submit(_write_batch, store, list(pending), pipeline))
            pending.clear()

    try:
        for article, result in pipeline.extract_many(good_articles(), batch_size=batch_size):
            if isinstance(result, Exception):
                report.failed += 1
                report.errors.append(InputError(article.origin or article.id,
                                                f"extraction failed: {type(result).__name__}: {result}"))
                continue
            if any(a.id == article.id for a, *_ in pending):
                write_pending()  # the same article twice in a batch: the later version wins
            pending.append((article, result))
            if len(pending) >= batch_size:
                write_pending()
        write_pending()
        settle()
    finally:
        writer.shutdown(wait=True)
    if skipped:
        names = [str(path) for path in skipped]
        report.notices.insert(0, f"skipped {len(names)} file{'s' if len(names) > 1 else ''} that a directory "
                              f"walk does not read (it reads {', '.join(WALKED_SUFFIXES)}): "
                              + ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else ""))
    report.ingested = len(stored)
    report.events = sum(stored.values())
    report.triples = len(store)
    return report


def _write_batch(store: Store, extracted: list, pipeline: Pipeline) -> tuple[list, list[InputError]]:
    """Make the batch's RDF and write it in one transaction; if that fails, each article
    alone, so that one bad article costs only itself. Returns (written items, errors)."""
    batch, errors = [], []
    for article, result in extracted:
        try:
            batch.append((article, result, *extraction_to_quads(result, pipeline.lexicon, pipeline.gazetteer)))
        except Exception as exc:
            errors.append(InputError(article.origin or article.id, f"not converted to RDF: {exc}"))
    try:
        store.replace_articles([(a.id, q, e) for a, _, q, e in batch])
        return batch, errors
    except Exception:
        done = []
        for item in batch:
            try:
                store.replace_article(item[0].id, item[2], item[3])
                done.append(item)
            except Exception as exc:
                errors.append(InputError(item[0].origin or item[0].id, f"not stored: {exc}"))
        return done, errors


def _records(sources, published, on_skip) -> Iterator[Record]:
    paths = []
    for source in sources:
        if isinstance(source, Article):
            yield source
        else:
            paths.append(source)
    if paths:
        yield from read_articles(paths, published, on_skip)
