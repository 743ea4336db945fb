"""graphbuild: English conflict news in, an RDF knowledge graph of events out.

    >>> import graphbuild
    >>> store = graphbuild.Store("conflict.db")
    >>> report = graphbuild.ingest(["examples/articles.jsonl"], store)
    >>> store.select("SELECT ?label WHERE { ?e a sem:Event ; rdfs:label ?label }")
"""
__version__ = "0.1.0"

from .articles import Article, InputError, read_articles  # noqa: E402
from .analysis import analyze  # noqa: E402
from .export import (EventFilter, events_table, load_events, to_geojson, to_networkx,  # noqa: E402
                     write_events_csv, write_geojson, write_gexf, write_graphml)
from .report import write_report  # noqa: E402
from .pipeline import IngestReport, Pipeline, ingest  # noqa: E402
from .store import Store, StoreError  # noqa: E402

__all__ = [
    "Article", "InputError", "read_articles", "Store", "StoreError", "Pipeline", "ingest",
    "IngestReport", "events_table", "load_events", "EventFilter", "to_networkx", "to_geojson",
    "write_events_csv", "write_graphml", "write_gexf", "write_geojson", "write_report", "analyze",
]
