"""Ingest: articles -> spaCy -> extraction -> RDF -> store, streaming and batched."""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .articles import Article, InputError, Record, read_articles
from .extract import Extractor
from .gazetteer import Gazetteer
from .lexicon import Lexicon, imported_actor_files, load_lexicon
from .model import Extraction
from .nlp import load_pipeline
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

    @property
    def ok(self) -> bool:
        return self.failed == 0


class Pipeline:
    """The loaded model, lexicon and gazetteer: build once, use for many articles."""

    def __init__(self, model: str | None = None, extra_actors: Iterable[str] = ()):
        self.nlp = load_pipeline(model)
        self.lexicon: Lexicon = load_lexicon(imported_actor_files() + tuple(extra_actors))
        self.gazetteer = Gazetteer()
        self.extractor = Extractor(self.nlp, self.lexicon, self.gazetteer)
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
        return self._extract(self.nlp(text), article, structure)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16,
                     n_process: int = 1) -> Iterator[tuple[Article, Extraction | Exception]]:
        """Extract articles in ``nlp.pipe`` batches; a failure is yielded, not raised."""
        pairs = ((text, (a, structure)) for a in articles for text, structure in [self.prepare(a.text)])
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

    def good_articles() -> Iterator[Article]:
        for record in _records(sources, published):
            report.read += 1
            if on_record is not None:
                on_record(record)
            if isinstance(record, InputError):
                report.failed += 1
                report.errors.append(record)
            else:
                yield record

    pending: list[tuple[Article, Extraction]] = []
    # Writing runs on a second thread (Oxigraph releases the GIL) while spaCy parses the
    # next batch; one batch in flight at a time keeps the order and bounds memory.
    writer = ThreadPoolExecutor(max_workers=1)
    in_flight: list[Future] = []

    def settle():
        while in_flight:
            done, errors = in_flight.pop().result()
            report.ingested += len(done)
            report.events += sum(len(item[1].events) for item in done)
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


def _records(sources, published) -> Iterator[Record]:
    paths = []
    for source in sources:
        if isinstance(source, Article):
            yield source
        else:
            paths.append(source)
    if paths:
        yield from read_articles(paths, published)
