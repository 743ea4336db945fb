"""Ingest: articles -> spaCy -> extraction -> RDF -> store, streaming and batched."""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from .articles import WALKED_SUFFIXES, Article, InputError, Record, read_articles
from .extract import Extractor
from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .merging import plan_write
from .model import Extraction
from .nlp import actor_files, load_pipeline, make_doc
from .nlp.resources import resources
from .parallel import ArticleRDF, batches, dask_client, extract_in_processes, extract_on_dask
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
    workers: int = 1  # processes that extracted (Dask: workers of the cluster)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # skipped files, repeated ids: not failures

    @property
    def ok(self) -> bool:
        return self.failed == 0


class Pipeline:
    """The loaded model, lexicon and gazetteer: build once, use for many articles."""

    def __init__(self, model: str | None = None, extra_actors: Iterable[str] = ()):
        self.model, self.extra_actors = model, tuple(extra_actors)  # what worker processes rebuild from
        self.nlp = load_pipeline(model, extra_actors)
        shared = resources(actor_files(extra_actors))  # the components' own, loaded once per process
        self.lexicon: Lexicon = shared.lexicon
        self.gazetteer = shared.gazetteer
        self.extractor = Extractor(self.nlp, shared)
        self.truecaser = Truecaser(self.lexicon, self.gazetteer, english_words(self.nlp),
                                   english_words(self.nlp, ("adj", "adv")), english_words(self.nlp, ("verb",)))

    def prepare(self, text: str) -> tuple[str, ArticleStructure]:
        """The text the model reads and the article's structure: boilerplate blanked and case
        restored where the text has none. Same length as ``text``: offsets stay valid."""
        structure = article_structure(text)
        if structure.dateline is not None:
            resolve_dateline(structure.dateline, self.gazetteer)
        return self.truecaser.restore(mask(text, structure)), structure

    def _extract(self, doc, article: Article, structure: ArticleStructure) -> Extraction:
        extraction = self.extractor.extract(doc, article, structure)
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
    extra_actors: Iterable[str] = (),
    published: dt.date | None = None,
    batch_size: int = 16,
    on_record: Callable[[Record], None] | None = None,
    workers: int = 1,
    dask=None,
) -> IngestReport:
    """Ingest files, directories, ``-`` or Article objects into ``store``.

    Bad records are reported (file and line), skipped and counted; every good
    article is written in its own transaction, replacing any earlier version.

    ``workers=N`` extracts in N processes on this machine (each builds its own pipeline from
    ``model`` and ``extra_actors``, or those of ``pipeline``); an input of one batch or less
    is extracted here. ``dask`` (a ``distributed.Client``, a scheduler address or ``"local"``)
    extracts on a Dask cluster instead; ``sources`` may then also be a Dask bag of articles,
    texts or JSON records. Either way one writer (this process) merges and stores, in input
    order, so the graph is the same as with one process."""
    if pipeline is not None:
        model, extra_actors = pipeline.model, pipeline.extra_actors
    extra_actors = tuple(extra_actors)
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

    bag = hasattr(sources, "to_delayed") and hasattr(sources, "npartitions")
    if dask is None and bag:
        raise ValueError("a Dask bag of articles needs dask=CLIENT, ADDRESS or 'local'")
    articles = good_articles() if not bag else None
    if dask is None and workers > 1:
        head = list(islice(articles, batch_size + 1))
        workers = workers if len(head) > batch_size else 1  # one batch: not worth a process
        articles = chain(head, articles)
    close = None
    if dask is not None:
        client, close = dask_client(dask)
        report.workers = len(client.nthreads())
        results = _flatten(extract_on_dask(sources if bag else articles, client, batch_size, model, extra_actors))
    elif workers > 1:
        Gazetteer()  # built once here if it is missing, not by every worker at once
        report.workers = workers
        results = _flatten(extract_in_processes(batches(articles, batch_size), workers, model, extra_actors))
    else:
        pipeline = pipeline or Pipeline(model, extra_actors)
        results = ((article.id, article.origin, result)
                   for article, result in pipeline.extract_many(articles, batch_size=batch_size))

    pending: list[tuple[str, str, Extraction | ArticleRDF]] = []
    # Writing runs on a second thread (Oxigraph releases the GIL) while the next batch is
    # parsed; one batch in flight at a time keeps the order and bounds memory.
    writer = ThreadPoolExecutor(max_workers=1)
    in_flight: list[Future] = []

    stored: dict[str, int] = {}  # article id -> its events (a repeated id counts once)

    def settle():
        while in_flight:
            done, errors = in_flight.pop().result()
            for article_id, events in done:
                stored[article_id] = events
            report.failed += len(errors)
            report.errors.extend(errors)

    def write_pending():
        if pending:
            settle()
            in_flight.append(writer.submit(_write_batch, store, list(pending), pipeline))
            pending.clear()

    try:
        for article_id, origin, result in results:
            if bag:
                report.read += 1
            if isinstance(result, Exception):
                result = ArticleRDF(article_id, origin, error=f"extraction failed: {type(result).__name__}: {result}")
            if isinstance(result, ArticleRDF) and result.error:
                report.failed += 1
                report.errors.append(result.input_error())
                continue
            if any(a == article_id for a, *_ in pending):
                write_pending()  # the same article twice in a batch: the later version wins
            pending.append((article_id, origin, result))
            if len(pending) >= batch_size:
                write_pending()
        write_pending()
        settle()
    finally:
        writer.shutdown(wait=True)
        if close is not None:
            close()
    if skipped:
        names = [str(path) for path in skipped]
        report.notices.insert(0, f"skipped {len(names)} file{'s' if len(names) > 1 else ''} that a directory "
                              f"walk does not read (it reads {', '.join(WALKED_SUFFIXES)}): "
                              + ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else ""))
    report.ingested = len(stored)
    report.events = sum(stored.values())
    report.triples = len(store)
    return report


def _flatten(batched: Iterator[list[ArticleRDF]]) -> Iterator[tuple[str, str, ArticleRDF]]:
    for results in batched:
        for result in results:
            yield result.article_id, result.origin, result


def _write_batch(store: Store, items: list, pipeline: Pipeline | None) -> tuple[list[tuple[str, int]], list[InputError]]:
    """Make (or parse) the batch's RDF, plan its merges and write it in one transaction; if
    that fails, each article alone, so that one bad article costs only itself.
    Returns ((article id, its event count) of each written article, errors)."""
    batch, errors = [], []
    for article_id, origin, result in items:
        try:
            if isinstance(result, ArticleRDF):
                batch.append((article_id, origin, result.events, *result.parsed()))
            else:
                batch.append((article_id, origin, len(result.events),
                              *extraction_to_quads(result, pipeline.lexicon, pipeline.gazetteer)))
        except Exception as exc:
            errors.append(InputError(origin or article_id, f"not converted to RDF: {exc}"))
    try:
        articles = [(a, q, e) for a, _, _, q, e in batch]
        store.replace_articles(articles, plan_write(store, articles))
        return [(item[0], item[2]) for item in batch], errors
    except Exception:
        done = []
        for article_id, origin, events, quads, entity_quads in batch:
            try:
                store.replace_article(article_id, quads, entity_quads)
                done.append((article_id, events))
            except Exception as exc:
                errors.append(InputError(origin or article_id, f"not stored: {exc}"))
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
