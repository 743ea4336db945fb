"""Extraction in other processes: a pool on this machine (``workers``) or a Dask cluster.

Extraction is a pure function of the article (and the lexicons), so any process can run it.
Each worker process builds its own :class:`~graphbuild.pipeline.Pipeline` once, from the model
name and extra actor files (the loaded pipeline never travels), extracts a batch of articles
and returns each one's RDF as N-Quads: costly to compute, cheap to send, and parsed by
Oxigraph in one call, so the one writer only merges and stores. Results come back in input
order, so the graph is the same as a one-process ingest's.

The pool of worker processes is kept for the process's next ingest. A worker process that
dies (a segfault in a native library, the kernel's OOM killer) costs only the articles it
was extracting: the pool is rebuilt, and the batches it left unfinished
are redone one article at a time, so the article that kills a process again is the only one
reported (with its file and line).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

import pyoxigraph as ox

from .articles import Article, InputError, article_from_record


@dataclass(frozen=True)
class ArticleRDF:
    """One article's extraction as a worker sends it back: its graph and the entity
    descriptions it needs as N-Quads, or why it failed (``error``)."""

    article_id: str
    origin: str = ""
    events: int = 0
    quads: bytes = b""
    entity_quads: bytes = b""
    error: str = ""

    def parsed(self) -> tuple[list[ox.Quad], list[ox.Quad]]:
        return (list(ox.parse(self.quads, ox.RdfFormat.N_QUADS)),
                list(ox.parse(self.entity_quads, ox.RdfFormat.N_QUADS)))

    def input_error(self) -> InputError:
        return InputError(self.origin or self.article_id, self.error)


@lru_cache(maxsize=2)
def worker_pipeline(model: str | None, extra_actors: tuple[str, ...]):
    """The pipeline of this process, built on its first batch and kept."""
    from .pipeline import Pipeline

    return Pipeline(model, extra_actors)


def extract_batch(records: list, model: str | None = None, extra_actors: tuple[str, ...] = (),
                  where: str = "") -> list[ArticleRDF]:
    """Extract a batch in this process: :class:`Article` objects, texts or JSON records
    (dicts, as a Dask bag of ``json.loads`` lines holds them). Never raises for one article."""
    from .rdf import extraction_to_quads

    pipeline = worker_pipeline(model, tuple(extra_actors))
    worker = _dask_worker()
    articles, out = [], []
    for n, record in enumerate(records):
        if isinstance(record, str):
            record = Article(text=record)
        elif isinstance(record, dict):
            record = article_from_record(record, f"{where} record {n + 1}".lstrip())
        if isinstance(record, InputError):
            out.append(ArticleRDF(record.where, record.where, error=record.message))
        else:
            articles.append(record)
    for article, result in pipeline.extract_many(articles, batch_size=max(1, len(articles))):
        try:
            if isinstance(result, Exception):
                raise result
            quads, entity_quads = extraction_to_quads(result, pipeline.lexicon, pipeline.gazetteer)
            out.append(ArticleRDF(article.id, article.origin, len(result.events),
                                  ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
                                  ox.serialize(entity_quads, format=ox.RdfFormat.N_QUADS)))
        except Exception as exc:  # one bad article must not stop the batch
            out.append(ArticleRDF(article.id, article.origin,
                                  error=f"extraction failed{worker}: {type(exc).__name__}: {exc}"))
    return out


def _dask_worker() -> str:
    """Where this runs, for error messages: " on Dask worker ADDRESS" in a Dask worker, else nothing."""
    try:
        from distributed import get_worker

        return f" on Dask worker {get_worker().address}"
    except (ImportError, ValueError):
        return ""


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


# ------------------------------------------------------------------ this machine

_POOLS: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, kept for this process's next ingest: starting the
    processes and loading a pipeline in each takes seconds. (Python's exit handler stops it.)"""
    if workers not in _POOLS:
        # workers start clean, not as forks of a process with a writer thread and an open store
        _POOLS[workers] = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"),
                                              initializer=_exit_with_parent)
    return _POOLS[workers]


def _exit_with_parent() -> None:
    """End this worker when the process that started it dies (killed, it cannot stop its pool)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(1)), daemon=True).start()


def _renew_pool(workers: int) -> ProcessPoolExecutor:
    _POOLS.pop(workers).shutdown(wait=True, cancel_futures=True)
    return _pool(workers)


def extract_in_processes(batched: Iterable[list[Article]], workers: int, model: str | None,
                         extra_actors: tuple[str, ...]) -> Iterator[list[ArticleRDF]]:
    """Each batch's results, in input order, extracted by ``workers`` processes (at most two
    batches per process in flight, so memory stays bounded however long the input)."""
    pending: deque = deque()
    source = iter(batched)

    def fill() -> None:
        while len(pending) < 2 * workers and (batch := next(source, None)) is not None:
            pending.append((batch, _pool(workers).submit(extract_batch, batch, model, extra_actors)))

    try:
        fill()
        while pending:
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died and took the pool with it; which batch killed it is unknown.
                # Batches that finished keep their results; the others are redone one article
                # at a time in a new pool, so only an article that kills it again is lost.
                unfinished = [(batch, future)] + list(pending)
                pending.clear()
                _renew_pool(workers)
                for lost, done in unfinished:
                    if done.done() and not done.cancelled() and done.exception() is None:
                        yield done.result()
                    else:
                        yield _one_by_one(lost, workers, model, extra_actors)
                fill()
                continue
            fill()
            yield results
    finally:
        for _, future in pending:  # the caller stopped early: drop what it will not read
            future.cancel()


def _one_by_one(batch, workers, model, extra_actors) -> list[ArticleRDF]:
    results = []
    for article in batch:
        try:
            results.extend(_pool(workers).submit(extract_batch, [article], model, extra_actors).result())
        except BrokenProcessPool:
            results.append(ArticleRDF(article.id, article.origin, error=(
                "extraction killed its worker process (it crashed or was killed, e.g. out of "
                "memory); the article was skipped, the rest of the run went on")))
            _renew_pool(workers)
    return results


# ------------------------------------------------------------------ Dask

def dask_client(address):
    """(client, close) for ``address``: a ``distributed.Client`` (used as it is), ``"local"``
    (a LocalCluster of one single-threaded worker process per core) or a scheduler address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("--dask needs Dask: pip install 'graphbuild[dask]'") from None
    if isinstance(address, Client):
        return address, lambda: None
    if address == "local":
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True)
        client = Client(cluster)

        def close():
            client.close()
            cluster.close()
        return client, close
    try:
        client = Client(address)
    except (OSError, TimeoutError) as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return client, client.close


def extract_on_dask(source, client, batch_size: int, model: str | None,
                    extra_actors: tuple[str, ...]) -> Iterator[list[ArticleRDF]]:
    """Each batch's results, in input order, extracted as Dask tasks. ``source`` is an iterable
    of articles (sent in batches) or a Dask bag (one task per partition, read on the workers)."""
    from dask import delayed

    threads = max(1, sum(client.nthreads().values()))
    if hasattr(source, "to_delayed") and hasattr(source, "npartitions"):
        parts = source.to_delayed()
        jobs = ((f"partition {n + 1} of the bag", None,
                 delayed(extract_batch)(part, model, extra_actors, f"partition {n + 1}"))
                for n, part in enumerate(parts))
        submit = client.compute
    else:
        jobs = ((None, batch, (extract_batch, batch, model, extra_actors))
                for batch in batches(source, batch_size))

        def submit(task):
            return client.submit(*task, pure=False)
    pending: deque = deque()
    for job in jobs:
        pending.append((job[0], job[1], submit(job[2])))
        if len(pending) >= 2 * threads:
            yield _dask_result(client, *pending.popleft(), model, extra_actors)
    while pending:
        yield _dask_result(client, *pending.popleft(), model, extra_actors)


def _dask_result(client, label, batch, future, model, extra_actors) -> list[ArticleRDF]:
    try:
        return future.result()
    except Exception as exc:  # the task failed on the cluster (KilledWorker names the worker)
        why = f"extraction on Dask failed: {type(exc).__name__}: {exc}"
        if batch is None:
            return [ArticleRDF(label, label, error=why)]
        if len(batch) > 1 and type(exc).__name__ == "KilledWorker":
            # A worker died running the batch (or beside it): redo it one article at a time,
            # each alone, so that only an article that kills a worker again is lost.
            return [r for a in batch for r in _dask_result(
                client, None, [a], client.submit(extract_batch, [a], model, extra_actors, pure=False),
                model, extra_actors)]
        return [ArticleRDF(a.id, a.origin, error=why) for a in batch]
