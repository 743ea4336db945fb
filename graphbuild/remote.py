"""Remote stores: graphbuild's graphs on a SPARQL 1.1 server instead of the embedded Oxigraph.

``RemoteStore("http://HOST:PORT")`` talks to an Oxigraph server (``oxigraph serve``) by its
conventions: queries to ``/query`` (with ``union-default-graph``, so that queries see every
graph, as on the embedded store), updates to ``/update``. Any other SPARQL 1.1 Query/Update
server (Apache Jena Fuseki, GraphDB, Virtuoso; QLever for reads) is reached with explicit
``query_url``/``update_url``; its dataset's default graph must then be the union of its named
graphs (Fuseki: ``tdb2:unionDefaultGraph true``). graphbuild writes only named graphs.

A RemoteStore is a ``Store`` whose engine is the server: every method (``replace_articles``,
``delete_articles``, ``query``, ``select``, ``dump`` ...) is the embedded store's own, and the
few engine calls it makes are sent as SPARQL over HTTP. A batch of articles is one SPARQL
update request, which Oxigraph (and Fuseki, GraphDB) apply as one transaction.
"""
from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox

from .store import Store, StoreError

_JSON = ox.QueryResultsFormat.JSON


def is_url(spec) -> bool:
    return isinstance(spec, str) and spec.lower().startswith(("http://", "https://"))


def open_store(spec, read_only: bool = False, *, query_url: str | None = None,
               update_url: str | None = None):
    """The store ``spec`` names: an on-disk folder (``Store``) or a server URL (``RemoteStore``);
    ``query_url``/``update_url`` name the endpoints of a server without Oxigraph's conventions."""
    if query_url or update_url or is_url(spec):
        return RemoteStore(spec if is_url(spec) else None, query_url=query_url, update_url=update_url,
                           read_only=read_only)
    return Store(spec, read_only=read_only)


class RemoteStore(Store):
    """graphbuild's store on a SPARQL 1.1 Query/Update server (see the module's docstring)."""

    def __init__(self, url: str | None = None, *, query_url: str | None = None, update_url: str | None = None,
                 read_only: bool = False, timeout: float = 300):
        base = url.rstrip("/") if url else None
        if not (query_url or base):
            raise StoreError("a remote store needs its server's URL (--store http://HOST:PORT) or --query-url")
        self.path = None
        self.read_only = read_only
        self.url = base or query_url
        self._entities_written: set[str] = set()
        self.generation = None  # other clients write to the server too: no result is ever known fresh
        self.report_cache = None  # (and may rewrite the articles merging read)
        self.events_cache = None  # (or the events graph)
        self._store = SparqlClient(query_url or f"{base}/query",
                                   None if read_only else (update_url or (base and f"{base}/update")),
                                   union_parameter=bool(base and not query_url), timeout=timeout)
        self._store.query("ASK { }")  # fail now, with the server's name, if it is not there

    def close(self) -> None:
        self._store = None


class SparqlClient:
    """The part of pyoxigraph's ``Store`` API that ``Store`` uses, as SPARQL 1.1 Protocol requests."""

    def __init__(self, query_url: str, update_url: str | None, union_parameter: bool, timeout: float):
        self.query_url, self.update_url = query_url, update_url
        self.union_parameter, self.timeout = union_parameter, timeout

    # ------------------------------------------------------------ protocol
    def _post(self, url: str, body: str, content_type: str, accept: str | None = None):
        import urllib.error
        import urllib.request  # here: commands on the embedded store need no HTTP client

        request = urllib.request.Request(url, data=body.encode("utf-8"), method="POST",
                                         headers={"Content-Type": content_type + "; charset=utf-8"})
        if accept:
            request.add_header("Accept", accept)
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            message = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            if exc.code == 400 and url == self.query_url:
                raise SyntaxError(f"{message} (the SPARQL server at {url})") from None
            raise StoreError(f"the SPARQL server at {url} failed: HTTP {exc.code} {exc.reason}: {message}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the SPARQL server at {url}: {reason}") from None

    def _query_url(self, union: bool) -> str:
        return self.query_url + ("?union-default-graph" if union and self.union_parameter else "")

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None,
              use_default_graph_as_union: bool = False, **_ignored):
        """Like ``pyoxigraph.Store.query``: QuerySolutions, QueryBoolean, or a list of Triples.
        (Custom functions are the server's own: GeoSPARQL needs a server that has it.)"""
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in (prefixes or {}).items())
        with self._post(self._query_url(use_default_graph_as_union), prologue + sparql, "application/sparql-query",
                        "application/sparql-results+json, application/n-triples;q=0.9") as response:
            media_type = response.headers.get_content_type()
            data = response.read()
        if media_type in ("application/sparql-results+json", "application/json"):
            return ox.parse_query_results(data, _JSON)
        return [q.triple for q in ox.parse(data, ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES)]

    def update(self, sparql: str) -> None:
        if self.update_url is None:
            raise StoreError(f"the store at {self.query_url} is opened read-only")
        self._post(self.update_url, sparql, "application/sparql-update").close()

    # ------------------------------------------------------------ what Store calls
    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"))

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Insert quads in one update request (one transaction on the server)."""
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
        if by_graph:
            blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
            self.update(f"INSERT DATA {{\n{blocks}\n}}")

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def quads_for_pattern(self, subject=None, predicate=None, obj=None, graph=None) -> Iterable[ox.Quad]:
        """Every quad of the named graphs (graphbuild writes no other), or of one graph."""
        terms = [t if t is not None else ox.Variable(n) for t, n in
                 ((subject, "s"), (predicate, "p"), (obj, "o"), (graph, "g"))]
        s, p, o, g = terms
        with self._post(self.query_url, f"SELECT * WHERE {{ GRAPH {g} {{ {s} {p} {o} }} }}",
                        "application/sparql-query", "application/sparql-results+json") as response:
            rows = ox.parse_query_results(response.read(), _JSON)
        for row in rows:
            yield ox.Quad(*(row[t.value] if isinstance(t, ox.Variable) else t for t in terms))

    def dump(self, output, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None) -> None:
        quads = self.quads_for_pattern()
        if fmt.supports_datasets:
            ox.serialize(quads, output, fmt, **({"prefixes": prefixes} if prefixes else {}))
        else:
            ox.serialize((q.triple for q in quads), output, fmt, **({"prefixes": prefixes} if prefixes else {}))

    def flush(self) -> None:
        """The server decides when its writes reach the disk."""

    def optimize(self) -> None:
        """The server decides when to compact."""

