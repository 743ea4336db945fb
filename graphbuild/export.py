"""Exports for the tools analysts use: the events table, networkx/GraphML, RDF dumps."""
from __future__ import annotations

import csv
from collections import defaultdict
from typing import IO

import networkx as nx
import pyoxigraph as ox

from .store import Store

EVENT_COLUMNS = [
    "event_id", "doc_ids", "event_type", "sub_event_type", "date", "date_earliest",
    "date_latest", "time_precision", "actor1", "actor1_type", "actor2", "actor2_type",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
    "modality", "source", "sentence",
]

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_EVENTS_QUERY = """
SELECT ?e ?type ?sub ?stamp ?earliest ?latest ?tprec ?fatalities ?modality ?place
       ?location ?admin1 ?country ?lat ?lon ?gprec
WHERE {
  ?e a sem:Event ; sem:eventType ?t .
  ?t skos:broader* ?subc . ?subc skos:broader ?top . ?top skos:topConceptOf gb:EventTypes .
  ?subc skos:prefLabel ?sub . ?top skos:prefLabel ?type .
  OPTIONAL { ?e sem:hasTimeStamp ?stamp }
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest }
  OPTIONAL { ?e gb:timePrecision/rdfs:label ?tprec }
  OPTIONAL { ?e gb:fatalities ?fatalities }
  OPTIONAL { ?e gb:modality/rdfs:label ?modality }
  OPTIONAL { ?e sem:hasPlace ?place . ?place rdfs:label ?location .
             OPTIONAL { ?place gb:admin1 ?admin1 }
             OPTIONAL { ?place gb:country ?country }
             OPTIONAL { ?place wgs84:lat ?lat ; wgs84:long ?lon }
             OPTIONAL { ?place gb:geoPrecision/skos:notation ?gprec } }
}
"""

_ROLES_QUERY = """
SELECT ?e ?role ?label ?atype ?country WHERE {
  VALUES ?role { gb:actor1 gb:actor2 gb:victim gb:associatedActor }
  ?e a sem:Event ; ?role ?a . ?a rdfs:label ?label .
  OPTIONAL { ?a gb:actorType/skos:prefLabel ?atype }
  OPTIONAL { ?a gb:country ?country }
}
"""

_SOURCES_QUERY = """
SELECT ?e ?id ?publisher ?attribution ?sentence ?begin WHERE {
  ?e a sem:Event ; dct:source ?art . ?art gb:articleId ?id .
  OPTIONAL { ?art dct:publisher ?publisher }
  OPTIONAL { ?e gb:attributedTo ?attribution }
  OPTIONAL { ?e gaf:denotedBy ?s . ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin }
}
"""


def events_table(store: Store) -> list[dict]:
    """One row per event with the columns of :data:`EVENT_COLUMNS`, sorted by date."""
    rows: dict[str, dict] = {}
    for r in store.select(_EVENTS_QUERY):
        if r["e"] in rows:
            continue
        rows[r["e"]] = {
            "event_id": r["e"], "doc_ids": "", "event_type": r["type"], "sub_event_type": r["sub"],
            "date": r["stamp"] or "", "date_earliest": r["earliest"] or "",
            "date_latest": r["latest"] or "", "time_precision": r["tprec"] or "",
            "actor1": "", "actor1_type": "", "actor2": "", "actor2_type": "",
            "location": r["location"] or "", "admin1": r["admin1"] or "",
            "country": r["country"] or "", "latitude": r["lat"] if r["lat"] is not None else "",
            "longitude": r["lon"] if r["lon"] is not None else "", "geo_precision": r["gprec"] or "",
            "fatalities": r["fatalities"] if r["fatalities"] is not None else "",
            "modality": r["modality"] or "", "source": "", "sentence": "",
        }
    roles: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in store.select(_ROLES_QUERY):
        atype = r["atype"] or ""
        event_country = rows[r["e"]]["country"] if r["e"] in rows else ""
        if atype == "State forces" and r["country"] and event_country and r["country"] != event_country:
            atype = "External/Other forces"  # ACLED's category for a state's forces abroad
        roles[(r["e"], r["role"].rsplit("#", 1)[-1])].append((r["label"], atype))
    for event_id, row in rows.items():
        first = sorted(set(roles.get((event_id, "actor1"), [])))
        second = sorted(set(roles.get((event_id, "actor2"), [])) or set(roles.get((event_id, "victim"), [])))
        row["actor1"] = "; ".join(a for a, _ in first)
        row["actor1_type"] = "; ".join(dict.fromkeys(t for _, t in first if t))
        row["actor2"] = "; ".join(a for a, _ in second)
        row["actor2_type"] = "; ".join(dict.fromkeys(t for _, t in second if t))
    sources: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    sentences: dict[str, list] = defaultdict(list)
    for r in store.select(_SOURCES_QUERY):
        s = sources[r["e"]]
        s["ids"].add(r["id"])
        if r["publisher"]:
            s["publishers"].add(r["publisher"])
        if r["attribution"]:
            s["attributions"].add(r["attribution"])
        if r["sentence"] is not None:
            sentences[r["e"]].append((r["begin"], r["sentence"]))
    for event_id, row in rows.items():
        s = sources.get(event_id, {})
        row["doc_ids"] = "|".join(sorted(s.get("ids", ())))
        source = "; ".join(sorted(s.get("publishers", ())))
        if s.get("attributions"):
            source = "; ".join(filter(None, [source, "according to " + "; ".join(sorted(s["attributions"]))]))
        row["source"] = source
        row["sentence"] = " ".join(text.strip() for _, text in sorted(set(sentences.get(event_id, []))))
    return sorted(rows.values(), key=lambda r: (r["date_earliest"], r["event_id"]))


def write_events_csv(store: Store, output: IO[str]) -> int:
    """Write the events table as CSV; returns the number of rows."""
    rows = events_table(store)
    writer = csv.DictWriter(output, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


_GRAPH_EVENTS = """
SELECT ?e ?label ?type ?sub ?date ?earliest ?fatalities ?modality WHERE {
  ?e a sem:Event ; rdfs:label ?label ; sem:eventType ?t .
  ?t skos:broader* ?subc . ?subc skos:broader ?top . ?top skos:topConceptOf gb:EventTypes .
  ?subc skos:prefLabel ?sub . ?top skos:prefLabel ?type .
  OPTIONAL { ?e sem:hasTimeStamp ?date }
  OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?earliest }
  OPTIONAL { ?e gb:fatalities ?fatalities }
  OPTIONAL { ?e gb:modality/rdfs:label ?modality }
}"""

_GRAPH_ACTORS = """
SELECT DISTINCT ?e ?role ?a ?label ?atype ?country WHERE {
  VALUES ?role { gb:actor1 gb:actor2 gb:victim gb:associatedActor }
  ?e a sem:Event ; ?role ?a . ?a rdfs:label ?label .
  OPTIONAL { ?a gb:actorType/skos:prefLabel ?atype }
  OPTIONAL { ?a gb:country ?country }
}"""

_GRAPH_PLACES = """
SELECT DISTINCT ?e ?p ?label ?lat ?lon ?country ?prec WHERE {
  ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label ?label .
  OPTIONAL { ?p wgs84:lat ?lat ; wgs84:long ?lon }
  OPTIONAL { ?p gb:country ?country }
  OPTIONAL { ?p gb:geoPrecision/rdfs:label ?prec }
}"""


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The analyst view: events, actors and places as typed nodes; actor -> event edges
    carry the role, event -> place edges the relation. Attributes are plain str, int or
    float (never None or lists), so GraphML and Gephi read them with their types."""
    graph = nx.MultiDiGraph()
    for r in store.select(_GRAPH_EVENTS):
        if r["e"] in graph:
            continue
        attrs = {"label": r["label"], "kind": "event", "event_type": r["type"],
                 "sub_event_type": r["sub"], "date": r["date"] or r["earliest"] or "",
                 "modality": r["modality"] or ""}
        if r["fatalities"] is not None:
            attrs["fatalities"] = int(r["fatalities"])
        graph.add_node(r["e"], **attrs)
    for r in store.select(_GRAPH_ACTORS):
        if r["a"] not in graph:
            graph.add_node(r["a"], label=r["label"], kind="actor", actor_type=r["atype"] or "",
                           country=r["country"] or "")
        role = r["role"].rsplit("#", 1)[-1]
        key = f"{r['a']}|{role}|{r['e']}"
        graph.add_edge(r["a"], r["e"], key=key, role=role, kind="participation")
    for r in store.select(_GRAPH_PLACES):
        if r["p"] not in graph:
            attrs = {"label": r["label"], "kind": "place", "country": r["country"] or "",
                     "precision": r["prec"] or ""}
            if r["lat"] is not None:
                attrs["latitude"], attrs["longitude"] = float(r["lat"]), float(r["lon"])
            graph.add_node(r["p"], **attrs)
        graph.add_edge(r["e"], r["p"], key=f"{r['e']}|place|{r['p']}", role="place", kind="location")
    return graph


def write_graphml(store: Store, path_or_file) -> nx.MultiDiGraph:
    graph = to_networkx(store)
    nx.write_graphml(graph, path_or_file, named_key_ids=True)
    return graph


def write_rdf(store: Store, output, fmt: str) -> None:
    """Dump the store as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
    store.dump(output, RDF_FORMATS[fmt])
