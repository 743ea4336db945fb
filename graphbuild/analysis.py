"""Summary numbers over a store."""
from __future__ import annotations

from .store import Store


def store_stats(store: Store) -> dict:
    """Counts of articles, events (by ACLED sub-event type), actors, places and triples."""
    def count(where: str) -> int:
        return store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")[0]["n"]

    by_type = store.select("""
        SELECT ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?e a sem:Event ; sem:eventType ?t . ?t skos:broader* ?sub .
          ?sub skos:broader ?top . ?top skos:topConceptOf gb:EventTypes .
          ?sub skos:prefLabel ?label }
        GROUP BY ?label ORDER BY DESC(?n) ?label""")
    return {
        "articles": count("?x a gb:Article"),
        "events": count("?x a sem:Event"),
        "events_by_type": [(r["label"], r["n"]) for r in by_type],
        "actors": count("?e sem:hasActor ?x"),
        "places": count("?e sem:hasPlace ?x"),
        "triples": len(store),
    }
