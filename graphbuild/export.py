"""Exports for the tools analysts use.

Everything here starts from one list of :class:`EventRecord` read from the store
(:func:`load_events`), filtered by an :class:`EventFilter`, so the events table, the
networkx views (``events``, ``actors``, ``places``), GraphML, GEXF and GeoJSON all
agree on which events are in.
"""
from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Iterable

import pyoxigraph as ox

from .store import Store

if TYPE_CHECKING:  # networkx is imported where a view is built: commands that need none start faster
    import networkx as nx

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

VIEWS = ("events", "actors", "places")

#: What the text says happened: the modalities the views show unless asked for all
#: (future, hypothetical, negated and denied events stay in the graph).
DEFAULT_MODALITIES = ("asserted", "reported", "claimed")
#: ACLED event types whose second actor is the one the violence befalls, not a side that fights.
ONE_SIDED_TYPES = ("Violence against civilians", "Explosions/Remote violence")

# Colours (hex) by event type, actor category and node kind: Gephi and Cytoscape read the
# r/g/b attributes of GraphML and the viz:color of GEXF; the HTML report uses the same ones.
EVENT_TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
ACTOR_TYPE_COLOURS = {
    "State forces": "#1f77b4",
    "Rebel group": "#d62728",
    "Political militia": "#ff7f0e",
    "Identity militia": "#8c564b",
    "Rioters": "#e377c2",
    "Protesters": "#2ca02c",
    "Civilians": "#7f7f7f",
    "External/Other forces": "#17becf",
    "Person": "#bcbd22",
}
KIND_COLOURS = {"event": "#d62728", "actor": "#1f77b4", "place": "#2ca02c"}
OTHER_COLOUR = "#c7c7c7"


def colour_of(kind: str, category: str = "") -> str:
    """The hex colour of a node: by event type, by actor category, else by kind."""
    if kind == "event":
        return EVENT_TYPE_COLOURS.get(category, KIND_COLOURS["event"])
    if kind == "actor":
        return ACTOR_TYPE_COLOURS.get(category, OTHER_COLOUR)
    return KIND_COLOURS.get(kind, OTHER_COLOUR)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@dataclass(frozen=True)
class ActorRef:
    """An actor in one event: its role there, IRI, label, ACLED category and country."""
    role: str
    iri: str
    label: str
    actor_type: str = ""
    country: str = ""


@dataclass
class EventRecord:
    """One event as exports see it: the events-table row plus the actors and place behind it."""
    row: dict
    kind: str = ""                     # the finest event type label ("Execution", "Armed clash")
    label: str = ""
    place_iri: str = ""
    actors: list[ActorRef] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return self.row["event_id"]

    @property
    def date(self) -> str:
        """The day analysts plot the event on: the exact day, else the earliest possible one."""
        return self.row["date"] or self.row["date_earliest"]

    @property
    def span_days(self) -> int | None:
        """How many days the event's date may cover (1 for a known day; None when undated)."""
        start, end = _parse_day(self.row["date_earliest"] or self.row["date"]), _parse_day(
            self.row["date_latest"] or self.row["date"])
        return None if start is None else (end - start).days + 1 if end else 1

    @property
    def fatalities(self) -> int | None:
        value = self.row["fatalities"]
        return None if value == "" else int(value)


def _parse_day(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


@dataclass(frozen=True)
class EventFilter:
    """Which events an export, a view or a report covers.

    ``start``/``end`` keep events whose possible dates overlap the range (events with no
    date are dropped when a range is given); ``event_types`` match the event type, the
    sub-event type or the finer kind, case-insensitively; ``countries`` match the event's
    country; ``actors`` keep events with an actor whose label contains one of the strings
    (or whose IRI is one of them). Within each criterion any value may match; all given
    criteria must hold. ``modality`` keeps events of these modalities ("all" or an empty
    tuple: every event); by default only what the text says happened.
    """
    start: dt.date | None = None
    end: dt.date | None = None
    event_types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    modality: tuple[str, ...] | str = DEFAULT_MODALITIES

    @classmethod
    def of(cls, start=None, end=None, event_types: Iterable[str] = (), countries: Iterable[str] = (),
           actors: Iterable[str] = (), modality: Iterable[str] | str = DEFAULT_MODALITIES) -> "EventFilter":
        """Build a filter from loose values (ISO date strings, any iterables)."""
        return cls(_parse_day(start), _parse_day(end), tuple(event_types), tuple(countries), tuple(actors),
                   modality if isinstance(modality, str) else tuple(modality))

    def __bool__(self) -> bool:
        return bool(self.start or self.end or self.event_types or self.countries or self.actors
                    or self.modality != DEFAULT_MODALITIES)

    def modality_matches(self, modality: str) -> bool:
        """Whether an event of this modality (empty: asserted) is kept."""
        if self.modality == "all" or not self.modality:
            return True
        wanted = (self.modality,) if isinstance(self.modality, str) else self.modality
        return (modality or "asserted") in wanted

    def matches(self, record: EventRecord) -> bool:
        row = record.row
        if not self.modality_matches(row["modality"]):
            return False
        if self.start or self.end:
            earliest = _parse_day(row["date_earliest"] or row["date"])
            latest = _parse_day(row["date_latest"] or row["date"]) or earliest
            if earliest is None:
                return False
            if self.start and latest < self.start:
                return False
            if self.end and earliest > self.end:
                return False
        if self.event_types:
            names = {row["event_type"].casefold(), row["sub_event_type"].casefold(), record.kind.casefold()}
            if not any(t.casefold() in names for t in self.event_types):
                return False
        if self.countries:
            if row["country"].casefold() not in {c.casefold() for c in self.countries}:
                return False
        if self.actors:
            wanted = [a.casefold() for a in self.actors]
            if not any(a.iri in self.actors or any(w in a.label.casefold() for w in wanted)
                       for a in record.actors):
                return False
        return True


_EVENTS_QUERY = """
SELECT ?e ?label ?kind ?type ?sub ?stamp ?earliest ?latest ?tprec ?fatalities ?modality ?place
       ?location ?admin1 ?country ?lat ?lon ?gprec
WHERE {
  ?e a $CLASS ; sem:eventType ?t .
  ?t skos:prefLabel ?kind .
  ?t skos:broader* ?subc . ?subc skos:broader ?top . ?top skos:topConceptOf gb:EventTypes .
  ?subc skos:prefLabel ?sub . ?top skos:prefLabel ?type .
  OPTIONAL { ?e rdfs:label ?label }
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
SELECT DISTINCT ?e ?role ?a ?label ?atype ?country WHERE {
  VALUES ?role { gb:actor1 gb:actor2 gb:victim gb:associatedActor }
  ?e a $CLASS ; ?role ?a . ?a rdfs:label ?label .
  OPTIONAL { ?a gb:actorType/skos:prefLabel ?atype }
  OPTIONAL { ?a gb:country ?country }
}
"""

# three small queries rather than one: a widely reported event has many sources, many
# attributions and many sentences, and their cross product grows fast
_SOURCES_QUERY = """
SELECT DISTINCT ?e ?id ?publisher WHERE {
  ?e a $CLASS ; dct:source ?art . ?art gb:articleId ?id .
  OPTIONAL { ?art dct:publisher ?publisher }
}
"""

_ATTRIBUTIONS_QUERY = """
SELECT DISTINCT ?e ?attribution WHERE { ?e a $CLASS ; gb:attributedTo ?attribution }
"""

_SENTENCES_QUERY = """
SELECT DISTINCT ?e ?sentence ?begin ?art WHERE {
  ?e a $CLASS ; gaf:denotedBy ?s . ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin ; nif:referenceContext ?art
}
"""


def _blank(value) -> object:
    return "" if value is None else value


def load_events(store: Store, where: EventFilter | None = None, reports: bool = False) -> list[EventRecord]:
    """Every event in the store (those ``where`` keeps), sorted by date then IRI. With
    ``reports=True``, every article's own report of an event instead (an event that several
    articles report is then one record per article, with that article's claims)."""
    cls = "gb:EventReport" if reports else "sem:Event"

    def select(query: str) -> list[dict]:
        return store.select(query.replace("$CLASS", cls))

    records: dict[str, EventRecord] = {}
    for r in select(_EVENTS_QUERY):
        if r["e"] in records:
            continue
        row = {
            "event_id": r["e"], "doc_ids": "", "event_type": r["type"], "sub_event_type": r["sub"],
            "date": _blank(r["stamp"]), "date_earliest": _blank(r["earliest"]),
            "date_latest": _blank(r["latest"]), "time_precision": _blank(r["tprec"]),
            "actor1": "", "actor1_type": "", "actor2": "", "actor2_type": "",
            "location": _blank(r["location"]), "admin1": _blank(r["admin1"]),
            "country": _blank(r["country"]), "latitude": _blank(r["lat"]),
            "longitude": _blank(r["lon"]), "geo_precision": _blank(r["gprec"]),
            "fatalities": _blank(r["fatalities"]), "modality": _blank(r["modality"]),
            "source": "", "sentence": "",
        }
        records[r["e"]] = EventRecord(row=row, kind=r["kind"], label=r["label"] or r["kind"],
                                      place_iri=r["place"] or "")
    for r in select(_ROLES_QUERY):
        record = records.get(r["e"])
        if record is None:
            continue
        atype = r["atype"] or ""
        event_country = record.row["country"]
        if atype == "State forces" and r["country"] and event_country and r["country"] != event_country:
            atype = "External/Other forces"  # ACLED's category for a state's forces abroad
        record.actors.append(ActorRef(r["role"].rsplit("#", 1)[-1], r["a"], r["label"], atype,
                                      r["country"] or ""))
    sources: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    sentences: dict[str, set] = defaultdict(set)
    for r in select(_SOURCES_QUERY):
        s = sources[r["e"]]
        s["ids"].add(r["id"])
        if r["publisher"]:
            s["publishers"].add(r["publisher"])
    for r in select(_ATTRIBUTIONS_QUERY):
        sources[r["e"]]["attributions"].add(r["attribution"])
    for r in select(_SENTENCES_QUERY):
        sentences[r["e"]].add((r["art"], r["begin"], r["sentence"]))
    for event_id, record in records.items():
        record.actors.sort(key=lambda a: (a.role, a.label, a.iri))
        row = record.row
        first = [a for a in record.actors if a.role == "actor1"]
        second = [a for a in record.actors if a.role == "actor2"] or \
                 [a for a in record.actors if a.role == "victim"]
        row["actor1"] = "; ".join(dict.fromkeys(a.label for a in first))
        row["actor1_type"] = "; ".join(dict.fromkeys(a.actor_type for a in first if a.actor_type))
        row["actor2"] = "; ".join(dict.fromkeys(a.label for a in second))
        # ACLED has no category for one person: a named person an event befalls is coded by
        # the group they belong to, and one the graph knows no group of is a civilian; so is an
        # organisation of no known kind that one-sided violence befalls ("two party workers were
        # shot dead"): ACLED's violence against civilians and remote violence hit civilians
        one_sided = row["event_type"] in ONE_SIDED_TYPES
        row["actor2_type"] = "; ".join(dict.fromkeys(
            "Civilians" if a.actor_type == "Person" or (one_sided and not a.actor_type) else a.actor_type
            for a in second if a.actor_type or one_sided))
        s = sources.get(event_id, {})
        row["doc_ids"] = "|".join(sorted(s.get("ids", ())))
        source = "; ".join(sorted(s.get("publishers", ())))
        if s.get("attributions"):
            source = "; ".join(filter(None, [source, "according to " + "; ".join(sorted(s["attributions"]))]))
        row["source"] = source
        row["sentence"] = " ".join(text.strip() for _, _, text in sorted(sentences.get(event_id, ())))
    where = EventFilter() if where is None else where  # by default, what the text says happened
    kept = [r for r in records.values() if where.matches(r)]
    return sorted(kept, key=lambda r: (r.row["date_earliest"], r.iri))


def events_table(store: Store, where: EventFilter | None = None, reports: bool = False) -> list[dict]:
    """One row per event with the columns of :data:`EVENT_COLUMNS`, sorted by date
    (per article's report of an event with ``reports=True``)."""
    return [record.row for record in load_events(store, where, reports)]


def write_events_csv(store: Store, output: IO[str], where: EventFilter | None = None,
                     reports: bool = False) -> int:
    """Write the events table as CSV (one row per article's report with ``reports=True``);
    returns the number of rows."""
    rows = events_table(store, where, reports)
    writer = csv.DictWriter(output, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def _colour_attrs(hex_colour: str) -> dict:
    r, g, b = _rgb(hex_colour)
    return {"color": hex_colour, "r": r, "g": g, "b": b}


def _span(record: EventRecord) -> tuple[str, str]:
    start = record.row["date_earliest"] or record.row["date"]
    return start, record.row["date_latest"] or start


def _widen(attrs: dict, start: str, end: str) -> None:
    """Stretch a node's or edge's first_date/last_date to cover [start, end]."""
    if start and (not attrs.get("first_date") or start < attrs["first_date"]):
        attrs["first_date"] = start
    if end and (not attrs.get("last_date") or end > attrs["last_date"]):
        attrs["last_date"] = end


def _place_attrs(record: EventRecord) -> dict:
    row = record.row
    attrs = {"label": row["location"], "kind": "place", "country": row["country"],
             "admin1": row["admin1"], **_colour_attrs(colour_of("place"))}
    if row["geo_precision"] != "":
        attrs["geo_precision"] = int(row["geo_precision"])
    if row["latitude"] != "":
        attrs["latitude"], attrs["longitude"] = float(row["latitude"]), float(row["longitude"])
    return attrs


def _actor_attrs(actor: ActorRef) -> dict:
    return {"label": actor.label, "kind": "actor", "actor_type": actor.actor_type,
            "country": actor.country, **_colour_attrs(colour_of("actor", actor.actor_type))}


def _tally(attrs: dict, record: EventRecord) -> None:
    """Count one more event (and its fatalities, dates, type) on a node or edge."""
    attrs["events"] = attrs.get("events", 0) + 1
    attrs["fatalities"] = attrs.get("fatalities", 0) + (record.fatalities or 0)
    types = set(filter(None, attrs.get("event_types", "").split("; "))) | {record.row["sub_event_type"]}
    attrs["event_types"] = "; ".join(sorted(types))
    _widen(attrs, *_span(record))


def _events_view(records: list[EventRecord]) -> nx.MultiDiGraph:
    import networkx as nx

    graph = nx.MultiDiGraph(view="events")
    for record in records:
        row = record.row
        start, end = _span(record)
        attrs = {"label": record.label, "kind": "event", "event_type": row["event_type"],
                 "sub_event_type": row["sub_event_type"], "event_kind": record.kind,
                 "date": record.date, "first_date": start, "last_date": end,
                 "modality": row["modality"], "country": row["country"], "location": row["location"],
                 "sources": len(row["doc_ids"].split("|")) if row["doc_ids"] else 0,
                 **_colour_attrs(colour_of("event", row["event_type"]))}
        if record.fatalities is not None:
            attrs["fatalities"] = record.fatalities
        graph.add_node(record.iri, **attrs)
        for actor in record.actors:
            if actor.iri not in graph:
                graph.add_node(actor.iri, **_actor_attrs(actor))
            _widen(graph.nodes[actor.iri], start, end)
            key = f"{actor.iri}|{actor.role}|{record.iri}"
            graph.add_edge(actor.iri, record.iri, key=key, id=key, role=actor.role, kind="participation",
                           first_date=start, last_date=end)
        if record.place_iri:
            if record.place_iri not in graph:
                graph.add_node(record.place_iri, **_place_attrs(record))
            _widen(graph.nodes[record.place_iri], start, end)
            key = f"{record.iri}|place|{record.place_iri}"
            graph.add_edge(record.iri, record.place_iri, key=key, id=key, role="place", kind="location",
                           first_date=start, last_date=end)
    return graph


def _actors_view(records: list[EventRecord]) -> nx.Graph:
    """Actor-actor network: an edge for each pair of actors that met in an event."""
    import networkx as nx

    graph = nx.Graph(view="actors")
    for record in records:
        for actor in record.actors:
            if actor.iri not in graph:
                graph.add_node(actor.iri, **_actor_attrs(actor))
        for actor in {a.iri: a for a in record.actors}.values():
            _tally(graph.nodes[actor.iri], record)
        sides: dict[str, set[str]] = defaultdict(set)
        for actor in record.actors:
            sides[actor.iri].add("first" if actor.role == "actor1" else
                                 "second" if actor.role in ("actor2", "victim") else "other")
        for a, b in itertools.combinations(sorted(sides), 2):
            opposed = ("first" in sides[a] and "second" in sides[b]) or \
                      ("second" in sides[a] and "first" in sides[b])
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, id=f"{a}|{b}", kind="met", opposed=0, together=0)
            attrs = graph.edges[a, b]
            _tally(attrs, record)
            attrs["opposed" if opposed else "together"] += 1
            attrs["weight"] = attrs["events"]
            attrs["relation"] = "opposed" if attrs["opposed"] else "together"
    return graph


_RELATIONS_QUERY = """
SELECT ?s ?rel ?o (COUNT(DISTINCT ?c) AS ?claims) WHERE {
  ?c a gb:RelationClaim ; gb:subject ?s ; gb:relation ?rel ; gb:object ?o .
} GROUP BY ?s ?rel ?o
"""

_ACTOR_QUERY = """
SELECT ?a ?label ?atype ?country WHERE {
  VALUES ?a { $ACTORS } ?a rdfs:label ?label .
  OPTIONAL { ?a gb:actorType/skos:prefLabel ?atype }
  OPTIONAL { ?a gb:country ?country }
}"""


def _add_relations(graph: nx.Graph, store: Store, restricted: bool) -> None:
    """Relations the articles state between actors (leaderOf, memberOf, backedBy, ...) as
    ``relations`` on the actor view's edges ("Abu Bakr al-Baghdadi leaderOf Islamic State").
    When the view is filtered, only relations between actors already in it."""
    rows = store.select(_RELATIONS_QUERY)
    wanted = {iri for r in rows for iri in (r["s"], r["o"])}
    if restricted:
        wanted &= set(graph.nodes)
    missing = sorted(wanted - set(graph.nodes))
    if missing:
        for r in store.select(_ACTOR_QUERY.replace("$ACTORS", " ".join(f"<{a}>" for a in missing))):
            if r["a"] not in graph:
                graph.add_node(r["a"], **_actor_attrs(ActorRef("", r["a"], r["label"], r["atype"] or "",
                                                               r["country"] or "")), events=0, fatalities=0)
    for r in sorted(rows, key=lambda r: (r["s"], r["rel"], r["o"])):
        a, b = r["s"], r["o"]
        if a not in graph or b not in graph or a == b:
            continue
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, id=f"{min(a, b)}|{max(a, b)}", kind="relation", opposed=0, together=0,
                           events=0, fatalities=0, weight=0, relation="stated")
        attrs = graph.edges[a, b]
        text = f"{graph.nodes[a]['label']} {r['rel'].rsplit('#', 1)[-1]} {graph.nodes[b]['label']}"
        attrs["relations"] = "; ".join(sorted(set(filter(None, attrs.get("relations", "").split("; "))) | {text}))
    for _, _, attrs in graph.edges(data=True):
        attrs.setdefault("relations", "")


def _places_view(records: list[EventRecord]) -> nx.Graph:
    """Places with their events, linked where the same actor was active in both."""
    import networkx as nx

    graph = nx.Graph(view="places")
    actors_at: dict[str, dict[str, str]] = defaultdict(dict)
    for record in records:
        if not record.place_iri:
            continue
        if record.place_iri not in graph:
            graph.add_node(record.place_iri, **_place_attrs(record))
        _tally(graph.nodes[record.place_iri], record)
        for actor in record.actors:
            actors_at[record.place_iri][actor.iri] = actor.label
    for a, b in itertools.combinations(sorted(actors_at), 2):
        shared = actors_at[a].keys() & actors_at[b].keys()
        if shared:
            graph.add_edge(a, b, id=f"{a}|{b}", kind="shared actors", weight=len(shared),
                           actors="; ".join(sorted(actors_at[a][i] for i in shared)))
    return graph


def to_networkx(store: Store, view: str = "events", where: EventFilter | None = None,
                **filters) -> nx.Graph:
    """The store as a networkx graph, in one of three views.

    ``events``: a MultiDiGraph of events, actors and places as typed nodes (``kind``),
    actor -> event edges carrying the ``role`` and event -> place edges. ``actors``: a Graph
    of actors with an edge for each pair that met in an event (``events``, ``fatalities``,
    ``first_date``, ``last_date``, ``event_types``, ``opposed``/``together`` counts) or that an
    article relates (``relations``: "X leaderOf Y; ..."; ``kind`` "relation" when they never met). ``places``:
    a Graph of places with their event counts, linked where the same actor was active.

    Filter with ``where=EventFilter(...)`` or the same keywords (``start``, ``end``,
    ``event_types``, ``countries``, ``actors``). Attributes are plain str, int or float (never
    None or lists), so GraphML, GEXF and Gephi read them with their types.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if filters:
        if where is not None:
            raise TypeError("give either where= or filter keywords, not both")
        where = EventFilter.of(**filters)
    records = load_events(store, where)
    graph = {"events": _events_view, "actors": _actors_view, "places": _places_view}[view](records)
    if view == "actors":
        _add_relations(graph, store, restricted=bool(where))
    return graph


def write_graphml(store: Store, path_or_file, view: str = "events",
                  where: EventFilter | None = None) -> nx.Graph:
    """Write a view as GraphML (Gephi, Cytoscape, yEd); returns the graph written."""
    graph = to_networkx(store, view, where)
    import networkx as nx

    nx.write_graphml(graph, path_or_file, named_key_ids=True)
    return graph


def gexf_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of a view with GEXF's visual colour and dynamic start/end (Gephi's timeline)."""
    out = graph.copy()
    out.graph = {"mode": "dynamic", "view": graph.graph.get("view", "")}
    for _, attrs in out.nodes(data=True):
        r, g, b = _rgb(attrs.get("color", OTHER_COLOUR))
        attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        if attrs.get("first_date"):
            attrs["start"] = attrs["first_date"]
            attrs["end"] = attrs.get("last_date") or attrs["first_date"]
    edges = out.edges(keys=True, data=True) if out.is_multigraph() else out.edges(data=True)
    for *_, attrs in edges:
        if attrs.get("first_date"):
            attrs["start"] = attrs["first_date"]
            attrs["end"] = attrs.get("last_date") or attrs["first_date"]
    return out


def write_gexf(store: Store, path_or_file, view: str = "events",
               where: EventFilter | None = None) -> nx.Graph:
    """Write a view as dynamic GEXF 1.2 for Gephi; returns the graph written."""
    graph = to_networkx(store, view, where)
    import networkx as nx

    nx.write_gexf(gexf_graph(graph), path_or_file)
    return graph


def to_geojson(store: Store, where: EventFilter | None = None) -> dict:
    """A GeoJSON FeatureCollection of the located events ([lon, lat] points, RFC 7946), with
    the events-table columns as properties; events without coordinates are left out and
    counted in the collection's ``unlocated`` member."""
    features, unlocated = [], 0
    for record in load_events(store, where):
        row = record.row
        if row["latitude"] == "":
            unlocated += 1
            continue
        properties = {k: v for k, v in row.items() if k not in ("latitude", "longitude")}
        properties["fatalities"] = record.fatalities
        properties["geo_precision"] = int(row["geo_precision"]) if row["geo_precision"] != "" else None
        properties["label"] = record.label
        properties["event_kind"] = record.kind
        features.append({
            "type": "Feature", "id": record.iri,
            "geometry": {"type": "Point",
                         "coordinates": [round(float(row["longitude"]), 6), round(float(row["latitude"]), 6)]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features, "unlocated": unlocated}


def write_geojson(store: Store, output: IO[str], where: EventFilter | None = None) -> dict:
    collection = to_geojson(store, where)
    json.dump(collection, output, ensure_ascii=False, indent=1)
    output.write("\n")
    return collection


def write_rdf(store: Store, output, fmt: str) -> None:
    """Dump the store as Turtle, TriG, N-Quads, N-Triples or JSON-LD."""
    store.dump(output, RDF_FORMATS[fmt])
