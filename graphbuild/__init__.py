"""graphbuild: English conflict news in, an RDF knowledge graph of events out.

    >>> import graphbuild
    >>> store = graphbuild.Store("conflict.db")
    >>> report = graphbuild.ingest(["examples/articles.jsonl"], store)
    >>> store.select("SELECT ?label WHERE { ?e a sem:Event ; rdfs:label ?label }")

The names below are imported on first use, so that commands which do not extract
(query, export, serve, --help) never pay for importing spaCy.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_WHERE = {
    "Article": "articles", "InputError": "articles", "read_articles": "articles",
    "analyze": "analysis",
    "EventFilter": "export", "events_table": "export", "load_events": "export", "to_geojson": "export",
    "to_networkx": "export", "write_events_csv": "export", "write_geojson": "export",
    "write_gexf": "export", "write_graphml": "export",
    "write_report": "report",
    "IngestReport": "pipeline", "Pipeline": "pipeline", "ingest": "pipeline",
    "Store": "store", "StoreError": "store",
    "RemoteStore": "remote", "open_store": "remote",
    "run_query": "sparql", "QueryError": "sparql",
}

__all__ = list(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphbuild' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
