"""graphbuild: English conflict news in, an RDF knowledge graph of events out.

    >>> import graphbuild
    >>> store = graphbuild.Store("conflict.db")
    >>> report = graphbuild.ingest(["examples/articles.jsonl"], store)
    >>> store.select("SELECT ?label WHERE { ?e a sem:Event ; rdfs:label ?label }")
"""
__version__ = "0.1.0"

from .articles import Article, InputError, read_articles  # noqa: E402
from .export import events_table, to_networkx, write_events_csv, write_graphml  # noqa: E402
from .pipeline import IngestReport, Pipeline, ingest  # noqa: E402
from .store import Store, StoreError  # noqa: E402

__all__ = [
    "Article", "InputError", "read_articles", "Store", "StoreError", "Pipeline", "ingest",
    "IngestReport", "events_table", "to_networkx", "write_events_csv", "write_graphml",
]
