"""Numbers analysts ask first: store counts, top actors, who fought whom, weekly trends, hotspots.

Every table is a list of plain dicts (column -> str/int/float), so the CLI prints it as a
terminal table, CSV or JSON and the HTML report draws from the same numbers.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

import networkx as nx

from .export import EventFilter, EventRecord, _actors_view, load_events
from .store import Store

TABLES = ("actors", "pairs", "weekly", "hotspots")


def count_articles(store: Store) -> int:
    """How many articles the store holds (with events or not)."""
    return store.select("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a gb:Article }")[0]["n"]


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
        "articles": count_articles(store),
        "events": count("?x a sem:Event"),
        "events_by_type": [(r["label"], r["n"]) for r in by_type],
        "actors": count("?e sem:hasActor ?x"),
        "places": count("?e sem:hasPlace ?x"),
        "triples": len(store),
    }


def top_actors(records: list[EventRecord], network: nx.Graph | None = None, top: int = 20) -> list[dict]:
    """Actors by events, with fatalities, degree and betweenness in the actor network."""
    network = _actors_view(records) if network is None else network
    betweenness = nx.betweenness_centrality(network) if network.number_of_nodes() > 2 else {}
    rows = []
    for iri, attrs in network.nodes(data=True):
        rows.append({
            "actor": attrs["label"], "actor_type": attrs["actor_type"], "country": attrs["country"],
            "events": attrs.get("events", 0), "fatalities": attrs.get("fatalities", 0),
            "degree": network.degree(iri), "betweenness": round(betweenness.get(iri, 0.0), 4),
            "first_date": attrs.get("first_date", ""), "last_date": attrs.get("last_date", ""),
            "actor_id": iri,
        })
    rows.sort(key=lambda r: (-r["events"], -r["fatalities"], -r["degree"], r["actor"]))
    return rows[:top]


def fighting_pairs(records: list[EventRecord], network: nx.Graph | None = None, top: int = 20) -> list[dict]:
    """Who fought whom: pairs of actors on opposite sides of events, most events first."""
    network = _actors_view(records) if network is None else network
    rows = []
    for a, b, attrs in network.edges(data=True):
        if not attrs["opposed"]:
            continue
        first, second = sorted([network.nodes[a]["label"], network.nodes[b]["label"]])
        rows.append({"actor_a": first, "actor_b": second, "events": attrs["opposed"],
                     "fatalities": attrs["fatalities"], "first_date": attrs.get("first_date", ""),
                     "last_date": attrs.get("last_date", ""), "event_types": attrs["event_types"]})
    rows.sort(key=lambda r: (-r["events"], -r["fatalities"], r["actor_a"], r["actor_b"]))
    return rows[:top]


def week_of(day: str) -> str:
    """The Monday (ISO week start) of a YYYY-MM-DD day."""
    date = dt.date.fromisoformat(day)
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def plottable(record: EventRecord) -> bool:
    """Dated to a month or finer: events known only to a year ("since 2012") or undated
    would put a false spike on a timeline, so trends leave them out."""
    span = record.span_days
    return span is not None and span <= 31


def weekly(records: list[EventRecord]) -> list[dict]:
    """Events and fatalities per ISO week (starting Monday) and event type. An event is
    counted in the week of its day, or of its earliest possible day when only its week or
    month is known; events dated only to a year, or undated, are left out."""
    cells: dict[tuple[str, str], dict] = defaultdict(lambda: {"events": 0, "fatalities": 0})
    for record in records:
        if not plottable(record):
            continue
        cell = cells[(week_of(record.date), record.row["event_type"])]
        cell["events"] += 1
        cell["fatalities"] += record.fatalities or 0
    return [{"week": week, "event_type": etype, **numbers}
            for (week, etype), numbers in sorted(cells.items())]


def hotspots(records: list[EventRecord], top: int = 20) -> list[dict]:
    """Places with the most events (country-only places included, marked by precision)."""
    places: dict[str, dict] = {}
    for record in records:
        if not record.place_iri:
            continue
        row = record.row
        place = places.setdefault(record.place_iri, {
            "location": row["location"], "admin1": row["admin1"], "country": row["country"],
            "latitude": row["latitude"], "longitude": row["longitude"],
            "geo_precision": int(row["geo_precision"]) if row["geo_precision"] != "" else "",
            "events": 0, "fatalities": 0, "last_date": ""})
        place["events"] += 1
        place["fatalities"] += record.fatalities or 0
        place["last_date"] = max(place["last_date"], record.row["date_latest"] or record.date)
    rows = sorted(places.values(), key=lambda r: (-r["events"], -r["fatalities"], r["location"]))
    return rows[:top]


def analyze(store: Store, where: EventFilter | None = None, top: int = 20) -> dict[str, list[dict]]:
    """All four tables (:data:`TABLES`) over the events ``where`` keeps."""
    records = load_events(store, where)
    network = _actors_view(records)
    return {
        "actors": top_actors(records, network, top),
        "pairs": fighting_pairs(records, network, top),
        "weekly": weekly(records),
        "hotspots": hotspots(records, top),
    }
