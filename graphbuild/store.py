"""The graph store: Oxigraph on disk, one named graph per article.

Writing an article is one SPARQL update (drop its graph, insert its quads and
the entity descriptions it needs), which Oxigraph applies as one transaction:
an error never leaves half an article behind, and re-ingesting an article
replaces it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from .lexicon import ontology_path
from .geosparql import FUNCTIONS as GEO_FUNCTIONS, GEOF, UOM
from .merge_cache import EVENTS_GRAPH, EventsCache, ReportCache
from .merging import MergePlan
from .rdf import ENTITIES_GRAPH, ONTOLOGY_GRAPH, PREFIXES, article_graph, article_iri

DEFAULT_STORE = "graphbuild.db"
QUERY_PREFIXES = {**PREFIXES, "geof": GEOF, "uom": UOM}


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message says why and what to do."""


def default_store_path() -> str:
    return os.environ.get("GRAPHBUILD_STORE") or DEFAULT_STORE


class Store:
    """An on-disk Oxigraph store holding graphbuild's graphs.

    ``Store(path)`` opens (or creates) it for reading and writing;
    ``Store(path, read_only=True)`` opens an existing one without taking the write lock.
    ``Store(None)`` is an in-memory store, for tests and one-off runs.
    """

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._entities_written: set[str] = set()  # entity statements this object has stored
        self.generation = 0  # counts this object's writes: a result cached at one generation is stale at the next
        self.report_cache = ReportCache()  # stored reports merging has read (it holds the only writer)
        self.events_cache = EventsCache()  # and the events graph's statements it has read
        if self.path is not None:
            _refuse_other_folder(self.path)
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(f"no store at {self.path}: run 'graphbuild ingest' first "
                                     "or pass --store")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:
            text = str(exc)
            if "lock" in text.lower() or "temporarily unavailable" in text.lower():
                raise StoreError(
                    f"the store {self.path} is in use by another graphbuild process "
                    "(it holds the write lock). Wait for it to finish, or use another --store."
                ) from None
            raise StoreError(f"cannot open the store {self.path}: {text}") from None

    # ---------------------------------------------------------------- writing
    def replace_article(self, article_id: str, quads: list[ox.Quad], entity_quads: list[ox.Quad]) -> None:
        """Replace an article's graph and add the entity descriptions, in one transaction."""
        self.replace_articles([(article_id, quads, entity_quads)])

    def replace_articles(self, articles: list[tuple[str, list[ox.Quad], list[ox.Quad]]],
                         plan: MergePlan | None = None) -> None:
        """Replace several articles' graphs in one transaction: all of them or none.
        (Committing is the store's main cost; a batch pays it once.) The events graph,
        which says which reports are one real-world event, changes in the same transaction
        as ``plan`` says (:func:`graphbuild.merging.plan_write` for these articles, made
        here when not given): the store applies what merging decides."""
        if plan is None:
            from .merging import plan_write

            plan = plan_write(self, articles)
        gone, event_quads = plan.remove, plan.add
        if self.report_cache is not None:  # (a remote store keeps none)
            self.report_cache.forget({article_iri(a).value for a, _, _ in articles})
        entities = {}
        for _, _, entity_quads in articles:
            for q in entity_quads:
                key = str(q)
                if key not in self._entities_written:  # shared descriptions: once per store session
                    entities[key] = q
        graphs = [(article_graph(article_id), quads) for article_id, quads, _ in articles]
        graphs += [(ENTITIES_GRAPH, entities.values()), (EVENTS_GRAPH, event_quads)]
        stored = [g for g, _ in graphs[:len(articles)] if self._store.contains_named_graph(g)]
        if not gone and not stored:
            # new articles only add statements: one atomic insert, without SPARQL to parse
            self._store.extend(q if q.graph_name == g else ox.Quad(q.subject, q.predicate, q.object, g)
                               for g, quads in graphs for q in quads)
        else:
            # only the graphs already stored are dropped and swept: a new article's graph has
            # nothing to drop, and dropping it anyway costs a few milliseconds per article
            sweep = self._orphan_sweep(stored) if stored else []
            drops = _delete_block(gone) + [f"DROP SILENT GRAPH {g} ;" for g in stored]
            blocks = [_graph_block(g, quads) for g, quads in graphs if quads]
            self._store.update("\n".join(drops + ["INSERT DATA {"] + blocks + ["}"] + sweep))
        self._entities_written.update(entities)
        if self.report_cache is not None:  # stored: merging need not read them back
            self.report_cache.put_written(plan.reports)
        if self.events_cache is not None:
            self.events_cache.apply(gone, event_quads)
        self._written()

    def delete_articles(self, article_ids: list[str], plan: MergePlan | None = None) -> int:
        """Delete articles (their graphs and their part in merged events, as ``plan`` says:
        :func:`graphbuild.merging.plan_delete`, made here when not given) in one transaction;
        returns how many of them were in the store."""
        article_ids = [a for a in dict.fromkeys(article_ids) if self._store.contains_named_graph(article_graph(a))]
        if not article_ids:
            return 0
        if plan is None:
            from .merging import plan_delete

            plan = plan_delete(self, article_ids)
        gone, event_quads = plan.remove, plan.add
        if self.report_cache is not None:  # (a remote store keeps none)
            self.report_cache.forget({article_iri(a).value for a in article_ids})
        sweep = self._orphan_sweep([article_graph(a) for a in article_ids])
        updates = _delete_block(gone) + [f"DROP SILENT GRAPH {article_graph(a)} ;" for a in article_ids]
        if event_quads:
            updates += ["INSERT DATA {", _graph_block(EVENTS_GRAPH, event_quads), "} ;"]
        self._store.update("\n".join(updates + sweep[1:]).rstrip(" ;"))
        if self.events_cache is not None:
            self.events_cache.apply(gone, event_quads)
        self._written()
        return len(article_ids)

    def _written(self) -> None:
        """Count a write: answers kept for an earlier generation are stale (a remote store has none)."""
        if self.generation is not None:
            self.generation += 1

    def _orphan_sweep(self, graphs: list[ox.NamedNode]) -> list[str]:
        """The update operations (to run last, in the same transaction) that delete the
        entity descriptions (actors, places, their regions and geometries) these article
        graphs used and that nothing refers to any more: re-ingesting or deleting an article
        leaves no orphans. One pass deletes the candidates nothing refers to; a region only
        the deleted places referred to goes in the next pass, so there is a pass for each
        level of the place hierarchy (near-place, town, district, province, country, geometry)."""
        candidates = [r["x"] for r in self.select(f"""
            SELECT DISTINCT ?x WHERE {{
              VALUES ?g {{ {' '.join(map(str, graphs))} }}
              GRAPH ?g {{ ?s ?p ?r }}
              GRAPH {ENTITIES_GRAPH} {{ ?r (!<{RDF_TYPE}>)* ?x . ?x a ?kind }} }}""")]
        if not candidates:
            return []
        self._entities_written.clear()  # some of them may go: write descriptions again when needed
        values = " ".join(f"<{x}>" for x in candidates)
        sweep = (f"DELETE {{ GRAPH {ENTITIES_GRAPH} {{ ?x ?p ?o }} }} WHERE {{ VALUES ?x {{ {values} }} "
                 f"GRAPH {ENTITIES_GRAPH} {{ ?x ?p ?o }} "
                 f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?x }} FILTER (?s != ?x) }} }}")
        return [" ;"] + [" ;\n".join([sweep] * _SWEEP_PASSES)]

    def load_ontology(self) -> None:
        """(Re)load the ontology and taxonomy into their own graph."""
        quads = []
        for name in ("graphbuild.ttl", "event_types.ttl"):
            with open(ontology_path(name), "rb") as handle:
                quads.extend(ox.Quad(q.subject, q.predicate, q.object, ONTOLOGY_GRAPH)
                             for q in ox.parse(handle, ox.RdfFormat.TURTLE))
        self._store.update(f"DROP SILENT GRAPH {ONTOLOGY_GRAPH} ; INSERT DATA {{ "
                           f"{_graph_block(ONTOLOGY_GRAPH, quads)} }}")
        self._written()

    # ---------------------------------------------------------------- reading
    def query(self, sparql: str):
        """Run a SPARQL query over the union of all graphs, with graphbuild's prefixes
        predeclared. Returns pyoxigraph's QuerySolutions, QueryBoolean or QueryTriples."""
        try:
            return self._store.query(sparql, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True,
                                     custom_functions=GEO_FUNCTIONS)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from None

    def select(self, sparql: str) -> list[dict[str, object]]:
        """A SELECT query's rows as dicts of plain Python values (str, int, float, date)."""
        results = self.query(sparql)
        names = [v.value for v in results.variables]
        return [{n: to_python(row[n]) for n in names} for row in results]

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self.select(
            "SELECT ?id WHERE { ?a a gb:Article ; gb:articleId ?id } ORDER BY ?id")]

    def __len__(self) -> int:
        return len(self._store)

    def quads(self, graph=None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, graph)

    def dump(self, output, fmt: ox.RdfFormat, graph=None) -> None:
        """Serialise the store (or one graph) with Oxigraph's own writers."""
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML):
            # a statement several graphs hold (an actor's label, say) is one triple of the dump
            triples = dict.fromkeys(q.triple for q in self.quads(graph))
            ox.serialize(iter(triples), output, fmt, prefixes=PREFIXES)
        elif fmt in (ox.RdfFormat.TRIG, ):
            self._store.dump(output, fmt, prefixes=PREFIXES)
        else:
            self._store.dump(output, fmt)

    def flush(self) -> None:
        """Write what is buffered to the store's files: a later open then need not replay the
        write-ahead log (seconds on a store of a million triples). ``close`` does it."""
        if self._store is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self.path is not None:
            self.flush()
        self._store = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Passes of the orphan sweep: the depth of the entity links (near-place, anchor town, district,
#: province, country, geometry).
_SWEEP_PASSES = 6
#: Files every Oxigraph (RocksDB) store folder holds.
_STORE_MARKERS = ("CURRENT", "IDENTITY")


def _refuse_other_folder(path: Path) -> None:
    """A --store that names a file, or a folder with other things in it, is refused:
    the store would write its database files among the user's own."""
    if path.is_file():
        raise StoreError(f"--store {path} is a file, not a store folder: name a new or existing store folder")
    if path.is_dir() and any(path.iterdir()) and not all((path / m).exists() for m in _STORE_MARKERS):
        raise StoreError(f"{path} is a folder that is not a graphbuild store: name a new folder "
                         "(it is created) or an existing store")


def _delete_block(quads: list[ox.Quad]) -> list[str]:
    """A SPARQL update deleting these events-graph statements (empty when there are none)."""
    if not quads:
        return []
    return [f"DELETE DATA {{ GRAPH {EVENTS_GRAPH} {{"] + [f"{q.subject} {q.predicate} {q.object} ." for q in quads] \
        + ["} } ;"]


def _graph_block(graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> str:
    lines = [f"GRAPH {graph} {{"]
    lines.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    lines.append("}")
    return "\n".join(lines)


def to_python(term):
    """A plain Python value for an RDF term: typed literals become int/float/bool/date."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        value = term.value
        try:
            if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger")):
                return int(value)
            if datatype.endswith(("#decimal", "#double", "#float")):
                return float(value)
            if datatype.endswith("#boolean"):
                return value == "true"
        except ValueError:
            return value
        return value
    return term.value
