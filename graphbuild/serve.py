"""`graphbuild serve`: the SPARQL 1.1 Protocol over a graphbuild store.

``/sparql`` answers GET ``?query=``, POST ``application/sparql-query`` and POST form-encoded
``query=``, with the result format chosen by the Accept header (or ``?format=json|xml|csv|tsv|
turtle|nt|jsonld``): SPARQL JSON, XML, CSV or TSV for SELECT and ASK, Turtle, N-Triples,
JSON-LD or RDF/XML for CONSTRUCT and DESCRIBE. ``/`` is a small query page that needs nothing
from the network. It is read-only and offline: updates and SERVICE are refused (403) by the
same check as ``graphbuild query`` (graphbuild.sparql), a query that runs past the timeout is
answered 503 and one with more results than the limit 413. Every answer allows any origin
(CORS), so browser tools (YASGUI, a web map) can query it; it listens on 127.0.0.1 unless told.

Answers are cached, serialised, by query text, format and the store's write generation: a
dashboard asking the same questions again is answered from memory, any write (an ingest
batch, a delete) makes every cached answer stale, and clients asking the same question at
once share one evaluation. A remote store is never cached (other clients write to it).

The server keeps its store open. An embedded store is opened for writing, so that the server
holds Oxigraph's lock: an ``ingest`` in another process is refused with a clear error rather
than writing under a reader (RocksDB allows one writing process and a read-only open beside it
has undefined results). Ingest into a served store runs inside the server's process
(``graphbuild serve --ingest FILES``, or ``ingest()`` on ``server.store`` in Python); every
query sees a snapshot, so readers see whole batches, never half of one.
"""
from __future__ import annotations

import threading
import urllib.parse
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

from . import __version__
from .sparql import GRAPH_TYPES, RESULT_TYPES, SHORT_NAMES, QueryError, QueryTimeout, check_query, run_query, serialize
from .store import StoreError

DEFAULT_PORT = 7878
WHO = "graphbuild serve"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "86400"}


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server over one open store; ``serve_forever()`` runs it."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, store, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, timeout: float = 30.0,
                 max_results: int = 100_000, workers: int = 8, cache_bytes: int = 64 << 20):
        self.store, self.query_timeout, self.max_results = store, timeout, max_results
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")
        self.cache = ResultCache(cache_bytes)
        super().__init__((host, port), SparqlHandler)  # on failure it calls server_close

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, sparql: str) -> object:
        """Run a query with the timeout: the result, or a QueryError to report."""
        stop = threading.Event()
        future = self.executor.submit(run_query, self.store, sparql, who=WHO, max_results=self.max_results,
                                      timeout=self.query_timeout, cancelled=stop.is_set)
        try:
            return future.result(timeout=self.query_timeout)
        except FutureTimeout:
            stop.set()  # the evaluation stops at its next result
            raise QueryTimeout(f"the query ran longer than {self.query_timeout:g} s (--timeout)") from None

    def answer_bytes(self, sparql: str, media_type: str) -> bytes:
        """The serialised answer, from the cache when the store has not been written since."""
        generation = getattr(self.store, "generation", None)
        key = None if generation is None else (sparql, media_type, generation)
        return self.cache.get(key, lambda: serialize(self.answer(sparql), media_type))

    def server_close(self) -> None:
        super().server_close()
        self.executor.shutdown(wait=False, cancel_futures=True)


class ResultCache:
    """Serialised answers by key (query, media type, store generation), least recently used
    dropped past ``max_bytes``; entries of an older generation go at the next store. Callers
    asking for a key being computed wait for that computation instead of repeating it.
    A key of None is never cached. Failures (timeouts, errors) are not kept."""

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size = max_bytes, 0
        self._answers: OrderedDict[tuple, bytes] = OrderedDict()
        self._running: dict[tuple, Future] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple | None, compute) -> bytes:
        if key is None or self.max_bytes <= 0:
            return compute()
        with self._lock:
            body = self._answers.get(key)
            if body is not None:
                self._answers.move_to_end(key)
                return body
            running = self._running.get(key)
            if running is None:
                self._running[key] = mine = Future()
        if running is not None:
            return running.result()
        try:
            body = compute()
        except BaseException as exc:
            with self._lock:
                del self._running[key]
            mine.set_exception(exc)
            raise
        with self._lock:
            del self._running[key]
            self._store(key, body)
        mine.set_result(body)
        return body

    def _store(self, key: tuple, body: bytes) -> None:
        for old in [k for k in self._answers if k[-1] != key[-1]]:  # written since: stale
            self.size -= len(self._answers.pop(old))
        if len(body) > self.max_bytes // 4:  # one huge answer must not evict everything else
            return
        self._answers[key] = body
        self.size += len(body)
        while self.size > self.max_bytes:
            self.size -= len(self._answers.popitem(last=False)[1])


def make_server(store, host: str = "127.0.0.1", port: int = DEFAULT_PORT, **options) -> SparqlServer:
    return SparqlServer(store, host, port, **options)


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = f"graphbuild/{__version__}"
    protocol_version = "HTTP/1.1"
    server: SparqlServer

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        """Quiet: a busy endpoint would flood the terminal."""

    # ------------------------------------------------------------ routes
    def do_OPTIONS(self):
        self._send(204, b"", None)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            page = resources.files("graphbuild").joinpath("query_page.html").read_bytes()
            return self._send(200, page, "text/html; charset=utf-8")
        if url.path != "/sparql":
            return self._error(404, f"no such page: {url.path} (the endpoint is /sparql)")
        if "update" in params:
            return self._error(403, f"{WHO} is read-only; use ingest/delete")
        if "query" not in params:
            return self._error(400, "give a query: /sparql?query=SELECT ...")
        self._query(params["query"][0], params)

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, f"no such page: {url.path} (the endpoint is /sparql)")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        kind = self.headers.get_content_type()
        params = urllib.parse.parse_qs(url.query)
        if kind == "application/sparql-update" or (kind == "application/x-www-form-urlencoded"
                                                    and "update" in urllib.parse.parse_qs(body)):
            return self._error(403, f"{WHO} is read-only; use ingest/delete")
        if kind == "application/sparql-query":
            return self._query(body, params)
        if kind == "application/x-www-form-urlencoded":
            form = {**params, **urllib.parse.parse_qs(body)}
            if "query" not in form:
                return self._error(400, "give a query: query=SELECT ...")
            return self._query(form["query"][0], form)
        self._error(415, f"unsupported Content-Type {kind}: send application/sparql-query or a form")

    # ------------------------------------------------------------ answering
    def _query(self, sparql: str, params: dict):
        try:
            form = check_query(sparql, WHO)
            media_type = negotiate(form, self.headers.get("Accept"), (params.get("format") or [None])[0])
            if media_type is None:
                offered = ", ".join(GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES)
                return self._error(406, f"no acceptable format for a {form} result; offered: {offered}")
            body = self.server.answer_bytes(sparql, media_type)
        except QueryError as exc:
            return self._error(exc.status, str(exc))
        except StoreError as exc:
            return self._error(502, str(exc))
        charset = "" if media_type == "application/ld+json" else "; charset=utf-8"
        self._send(200, body, media_type + charset)

    def _error(self, status: int, message: str):
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str | None):
        self.send_response(status)
        for name, value in CORS.items():
            self.send_header(name, value)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def negotiate(form: str, accept: str | None, short_name: str | None = None) -> str | None:
    """The media type to answer with: ``?format=`` first, then the Accept header (by q-value,
    then order), the protocol's default when anything goes; None when nothing offered fits."""
    offered = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    default = next(iter(offered))
    if short_name:
        wanted = SHORT_NAMES.get(short_name.lower(), short_name.lower())
        return wanted if wanted in offered else None
    if not accept:
        return default
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        q = 1.0
        for option in options:
            if option.startswith("q="):
                try:
                    q = float(option[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, position, media.lower()))
    for _, _, media in sorted(ranges):
        if media in offered:
            return media
        if media == "*/*" or (media.endswith("/*") and default.startswith(media[:-1])):
            return default
        if media.endswith("/*"):
            match = next((m for m in offered if m.startswith(media[:-1])), None)
            if match:
                return match
    return None

