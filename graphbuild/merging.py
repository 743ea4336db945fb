"""One event node per real-world event across articles.

Each article's graph describes what that article reports: one ``gb:EventReport`` per event
it mentions, with its own claims and evidence. The events graph (``graph/events``) says
which reports are the same real-world event, and is what ``sem:Event`` means:

- a report that matches no other stays its own event: ``<report> a sem:Event ;
  gb:report <report> ; gb:sources 1``;
- reports from different articles that match (same ACLED event type, overlapping dates known
  to the day or week, or assumed, places within :data:`MAX_KM`, at least one actor in common) become one
  ``sem:Event, gb:MergedEvent`` with ``gb:report`` to each, ``gb:sources`` (the number of
  articles), consolidated claims (the most precise report's type, place and label; the
  common dates; every actor; the lowest fatality count, ACLED's conservative reading) and a
  ``gb:mergeReason`` for every link; each report keeps its own claims in its article's graph.

Which reports merge is a function of the set of reports only (links are taken in a fixed
order, never two reports of one article in one event), so ingesting articles in any order
gives the same graph. This module decides; the store only applies: :func:`plan_write` and
:func:`plan_delete` read the store and return a :class:`MergePlan` (events-graph statements
to remove and to add) that recomputes the connected groups of matching reports a write
touches, which the store applies in the same transaction as the articles, so re-ingesting or
deleting an article undoes its merges.

Finding the stored reports a new one may match costs the same in a store of any size: each
mergeable report carries a lookup key in the events graph (``gb:mergeKey``: its ACLED event
type, the ISO week its dates begin in and a grid cell of :data:`CELL_DEGREES` around its
place), and a new report looks up only the few keys a match could have (the weeks of the
days a matching report may begin on, the cells within :data:`MAX_KM`): an exact match on an
indexed literal, never a scan of every report near in time.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from .geo import EARTH_RADIUS_KM, distance_km
from .merge_cache import EVENTS_GRAPH, EventsCache, ReportCache, _values
from .rdf import BASE, DCT, GAF, GB, PROV, RDF, RDFS, SEM, WGS84, _date, _int, article_iri

MAX_KM = 20.0
CELL_DEGREES = 0.2  # lookup grid: a cell is ~22 km high, so matches lie in neighbouring cells
_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180
_POLAR = 85.0  # rows beyond this latitude are one cell each (meridians converge)
MERGEABLE_PRECISION = {GB.day.value, GB.week.value, GB.assumedDay.value}
_SOURCE, _TYPE, _EARLIEST, _LATEST, _STAMP = DCT.source.value, SEM.eventType.value, \
    SEM.hasEarliestBeginTimeStamp.value, SEM.hasLatestEndTimeStamp.value, SEM.hasTimeStamp.value
_PRECISION, _PLACE, _ACTOR, _FATALITIES = GB.timePrecision.value, SEM.hasPlace.value, \
    SEM.hasActor.value, GB.fatalities.value
_COUNTRY_LEVEL = GB.countryLevel.value
_CONSOLIDATED = {p.value for p in (RDFS.label, SEM.eventType, SEM.hasPlace, SEM.hasActor, GB.actor1, GB.actor2,
                                    GB.victim, GB.associatedActor, DCT.source, GAF.denotedBy, GB.attributedTo,
                                    GB.fatalities, GB.injured, GB.modality)}

ROLE_IRIS = {GB.actor1.value, GB.actor2.value, GB.victim.value, GB.associatedActor.value}
MODALITY_ORDER = ["asserted", "reported", "claimed", "future", "hypothetical", "denied", "negated", "generic"]
PLACE_ORDER = {GB.exact.value: 0, GB.near.value: 1, GB.region.value: 2, GB.countryLevel.value: 3,
               GB.unlocated.value: 4}


@dataclass
class Report:
    """What merging needs to know of one event report, and its claims (predicate, object)."""
    iri: str
    article: str = ""
    event_type: str = ""
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: str = ""
    stamp: dt.date | None = None  # the day, known or assumed
    place: str = ""
    place_precision: str = ""
    lat: float | None = None
    lon: float | None = None
    actors: set[str] = field(default_factory=set)
    fatalities: int | None = None
    claims: list[tuple[NamedNode, object]] = field(default_factory=list)  # what merging consolidates
    _partners: tuple | None = field(default=None, repr=False, compare=False)
    _key: tuple | None = field(default=None, repr=False, compare=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # what merging derives from the claims

    def add(self, predicate: NamedNode, obj) -> None:
        p = predicate.value
        if self._memo:
            self._memo.clear()
        if p in _CONSOLIDATED:
            self.claims.append((predicate, obj))
        if p == _SOURCE and isinstance(obj, NamedNode):
            self.article = obj.value
        elif p == _TYPE:
            self.event_type = obj.value
        elif p == _EARLIEST:
            self.earliest = dt.date.fromisoformat(obj.value)
        elif p == _LATEST:
            self.latest = dt.date.fromisoformat(obj.value)
        elif p == _PRECISION:
            self.precision = obj.value
        elif p == _STAMP:
            self.stamp = dt.date.fromisoformat(obj.value)
        elif p == _PLACE:
            self.place = obj.value
        elif p == _ACTOR:
            self.actors.add(obj.value)
        elif p == _FATALITIES:
            self.fatalities = int(obj.value)

    @property
    def mergeable(self) -> bool:
        return (self.precision in MERGEABLE_PRECISION and self.earliest is not None
                and self.latest is not None and bool(self.place) and bool(self.actors)
                and self.place_precision != _COUNTRY_LEVEL)

    def days(self) -> list[dt.date]:
        """Days on which a report that could match this one may begin (its earliest day)."""
        start = self.earliest - dt.timedelta(days=6)
        return [start + dt.timedelta(days=n) for n in range((self.latest - start).days + 1)]

    def merge_key(self, top_type) -> str | None:
        """This report's lookup key (event type, ISO week of its first day, place cell)."""
        if not self.mergeable:
            return None
        if self._key is None or self._key[0] is not top_type:  # asked for again and again
            self._key = (top_type, _key(top_type(self.event_type), self.earliest, self._cells(0.0)[0]))
        return self._key[1]

    def partner_keys(self, top_type) -> set[str]:
        """The keys a report that may match this one has (see :func:`match`)."""
        if not self.mergeable:
            return set()
        if self._partners is None or self._partners[0] is not top_type:  # asked for again and again
            top = top_type(self.event_type)
            weeks = {d.isocalendar()[:2]: d for d in self.days()}
            self._partners = (top_type, {_key(top, day, cell) for day in weeks.values()
                                         for cell in self._cells(MAX_KM)})
        return self._partners[1]

    def _cells(self, km: float) -> tuple[str, ...]:
        """The grid cells within ``km`` of this report's place; a place without coordinates
        is its own cell (only the same place is within reach, at 0 km)."""
        if self.lat is None or self.lon is None:
            return (self.place,)
        return _cells_around(self.lat, self.lon, km)


@lru_cache(maxsize=65536)  # the same few places again and again (merging reads reports afresh)
def _cells_around(lat: float, lon: float, km: float) -> tuple[str, ...]:
    reach = km / _KM_PER_DEGREE * 1.01
    rows = range(_row(lat - reach), _row(lat + reach) + 1)
    if km == 0.0:
        rows = range(_row(lat), _row(lat) + 1)
    columns = round(360 / CELL_DEGREES)
    cells = []
    for row in rows:
        edges = (abs(-90 + row * CELL_DEGREES), abs(-90 + (row + 1) * CELL_DEGREES))
        if max(edges) > _POLAR:
            cells.append(f"{row}:*")
            continue
        top = max(*edges, abs(lat))  # a degree of longitude is shortest there
        span = km / (_KM_PER_DEGREE * math.cos(math.radians(top))) * 1.01
        first, last = _column(lon - span), _column(lon + span)
        cells += [f"{row}:{c % columns}" for c in range(first, last + 1)]
    return tuple(cells)


def _row(lat: float) -> int:
    return math.floor((min(max(lat, -90.0), 90.0) + 90.0) / CELL_DEGREES)


def _column(lon: float) -> int:
    return math.floor((lon + 180.0) / CELL_DEGREES)


def _key(top: str, day: dt.date, cell: str) -> str:
    year, week, _ = day.isocalendar()
    return f"{top} {year}-W{week:02d} {cell}"


def _km(a: Report, b: Report) -> float | None:
    if a.place and a.place == b.place:
        return 0.0
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


#: The categories whose generic actors (ACLED's "Protesters (Lebanon)") name a kind of
#: crowd, not one group; so do the "Unidentified ... ({country})" labels.
GENERIC_CATEGORIES = ("Protesters", "Rioters", "Civilians")


@lru_cache(maxsize=1)
def _generic_actor_iris() -> tuple[str, ...]:
    """The actor IRIs (without the country) of the generic labels of ``actor_nouns.csv``."""
    from .lexicon import ontology_path, read_csv, slug

    iris = set()
    for row in read_csv(ontology_path("actor_nouns.csv")):
        label = row.get("label", "")
        if "({country})" in label and (row.get("category") in GENERIC_CATEGORIES
                                       or label.startswith("Unidentified ")):
            iris.add(BASE + "actor/" + slug(label.replace("({country})", "")))
    return tuple(sorted(iris))


@lru_cache(maxsize=65536)  # asked for every shared actor of every pair of reports compared
def generic_actor(iri: str) -> bool:
    """Whether an actor is a generic one ("Protesters (Lebanon)", "Civilians (Syria)",
    "Unidentified Armed Group (Nigeria)"): never the actor two reports share."""
    return any(iri == g or iri.startswith(g + "-") for g in _generic_actor_iris())


def match(a: Report, b: Report, top_type) -> tuple[float, str] | None:
    """(distance, reason) when two reports of different articles are the same event, else None."""
    if a.article == b.article or not (a.mergeable and b.mergeable):
        return None
    if top_type(a.event_type) != top_type(b.event_type):
        return None
    if a.latest < b.earliest or b.latest < a.earliest:
        return None
    km = _km(a, b)
    if km is None or km > MAX_KM:
        return None
    shared = sorted(x for x in a.actors & b.actors if not generic_actor(x))
    if not shared:  # "Protesters (Lebanon)" at two protests does not make them one
        return None
    start, end = max(a.earliest, b.earliest), min(a.latest, b.latest)
    when = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    reason = (f"{a.iri} and {b.iri}: same event type ({top_type(a.event_type).rsplit('/', 1)[-1]}); "
              f"dates overlap ({when}); places {km:.1f} km apart; shared actors: "
              + ", ".join(s.rsplit("/", 1)[-1] for s in shared))
    return (abs((a.earliest - b.earliest).days) + km / 100.0, reason)


def _match_signature(r: Report) -> tuple:
    """All that :func:`match` reads of a report but its IRI and article."""
    if "actors" not in r._memo:
        r._memo["actors"] = frozenset(r.actors)
    return (r.event_type, r.earliest, r.latest, r.precision, r.place, r.place_precision, r.lat, r.lon,
            r._memo["actors"])


def _link(a: Report, b: Report, top_type, alike: dict | None = None) -> tuple[float, str, str, str] | None:
    """(distance, first IRI, second IRI, reason) of a match between two reports: the order in
    which :func:`cluster` takes links. ``alike``: the matches of pairs of reports alike in all
    that match reads but their IRIs (see _match_signature), kept for the next pair."""
    first, second = sorted((a, b), key=lambda r: (r.earliest, r.iri))
    if alike is None or first.article == second.article:
        found = match(first, second, top_type)
    else:
        pair = (_match_signature(first), _match_signature(second))
        if pair not in alike:
            found = match(first, second, top_type)  # its reason begins with the two IRIs
            alike[pair] = found and (found[0], found[1][len(first.iri) + len(second.iri) + 5:])
        kept = alike[pair]
        found = kept and (kept[0], f"{first.iri} and {second.iri}{kept[1]}")
    return found and (found[0], *sorted((a.iri, b.iri)), found[1])


def cluster(reports: list[Report], top_type) -> list[tuple[list[Report], list[str]]]:
    """Groups of reports that are one event, with the reasons of their links. Links are taken
    shortest first (then by IRI), and never join two reports of the same article."""
    by_iri = {r.iri: r for r in reports}
    links = []
    by_key: dict[str, list[Report]] = {}
    for r in by_iri.values():
        if key := r.merge_key(top_type):
            by_key.setdefault(key, []).append(r)
    alike: dict = {}
    for a in by_iri.values():  # only reports with a key a match can have (see Report.partner_keys)
        for key in a.partner_keys(top_type):
            for b in by_key.get(key, ()):
                if a.iri < b.iri and (found := _link(a, b, top_type, alike)):
                    links.append(found)
    links.sort()
    parent = {iri: iri for iri in by_iri}
    articles = {iri: {r.article} for iri, r in by_iri.items()}
    reasons: dict[str, list[str]] = {iri: [] for iri in by_iri}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, a, b, reason in links:
        ra, rb = root(a), root(b)
        if ra == rb or articles[ra] & articles[rb]:
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        articles[keep] |= articles.pop(gone)
        reasons[keep] += reasons.pop(gone) + [reason]
    groups: dict[str, list[Report]] = {}
    for iri in by_iri:
        groups.setdefault(root(iri), []).append(by_iri[iri])
    return [(sorted(members, key=lambda r: r.iri), sorted(reasons[key]))
            for key, members in sorted(groups.items())]


def merged_iri(members: list[Report]) -> NamedNode:
    """Named after the group's first report, so it stays put while other reports join."""
    first = min(r.iri for r in members)
    return NamedNode(f"{BASE}event/merged/" + first.removeprefix(f"{BASE}event/").replace("/", "-"))


def _best(members: list[Report]) -> Report:
    """The report whose place, date and actors are most precise: it gives type, label, place."""
    return min(members, key=lambda r: (PLACE_ORDER.get(r.place_precision, 5), r.precision != GB.day.value,
                                       -len(r.actors), r.iri))


def event_quads(members: list[Report], reasons: list[str], top_type=None) -> list[Quad]:
    """The events graph's statements for one group of reports, with each report's lookup key."""
    return sorted(_event_quads(members, reasons, top_type), key=str)


_COPY_ALL = {SEM.hasActor.value, DCT.source.value, GAF.denotedBy.value, GB.attributedTo.value}
_COPY_BEST = {RDFS.label.value, SEM.eventType.value, SEM.hasPlace.value} | ROLE_IRIS


def _event_quads(members: list[Report], reasons: list[str], top_type=None) -> set[Quad]:
    g = EVENTS_GRAPH
    keys = [Quad(NamedNode(m.iri), GB.mergeKey, Literal(key), g)
            for m in members if (key := m.merge_key(top_type or acled_top_type))]
    if len(members) == 1:
        r = NamedNode(members[0].iri)
        return {Quad(r, RDF.type, SEM.Event, g), Quad(r, GB.report, r, g), Quad(r, GB.sources, _int(1), g), *keys}
    node = merged_iri(members)
    quads = {Quad(node, RDF.type, SEM.Event, g), Quad(node, RDF.type, GB.MergedEvent, g),
             Quad(node, GB.sources, _int(len({m.article for m in members})), g)}
    best = _best(members)
    # sides: the best report's roles; an actor only other reports name keeps its role there
    placed = frozenset(o.value for p, o in best.claims if p.value in ROLE_IRIS)
    for m in members:
        quads.update(_member_quads(m, node, m is best, placed))
    for reason in reasons:
        quads.add(Quad(node, GB.mergeReason, Literal(reason), g))
    earliest = max(m.earliest for m in members)
    latest = min(m.latest for m in members)
    if earliest > latest:  # chained overlaps without a common day: the best report's dates
        earliest, latest = best.earliest, best.latest
    quads.add(Quad(node, SEM.hasEarliestBeginTimeStamp, _date(earliest), g))
    quads.add(Quad(node, SEM.hasLatestEndTimeStamp, _date(latest), g))
    # reports that give no time assume the day before their publication: the first report's
    assumed = [m.stamp for m in members if m.precision == GB.assumedDay.value and m.stamp
               and earliest <= m.stamp <= latest]
    if earliest == latest:
        quads.add(Quad(node, SEM.hasTimeStamp, _date(earliest), g))
        quads.add(Quad(node, GB.timePrecision, GB.day, g))
    elif assumed:
        quads.add(Quad(node, SEM.hasTimeStamp, _date(min(assumed)), g))
        quads.add(Quad(node, GB.timePrecision, GB.assumedDay, g))
    else:
        quads.add(Quad(node, GB.timePrecision, GB.week, g))
    counts = [_member_counts(m) for m in members]
    for n, prop in enumerate((GB.fatalities, GB.injured)):
        values = [c[n] for c in counts if c[n] is not None]
        if values:
            quads.add(Quad(node, prop, _int(min(values)), g))
    modalities = [c[2] for c in counts if c[2] is not None]
    if modalities:
        quads.add(Quad(node, GB.modality, GB[min(modalities, key=MODALITY_ORDER.index)], g))
    return quads.union(keys)


def _member_quads(m: Report, node: NamedNode, is_best: bool, placed: frozenset) -> tuple[Quad, ...]:
    """One report's statements in its merged event (kept on the report: the same again and
    again while the event keeps its name and its best report's sides)."""
    memo = (node.value, is_best, placed)
    if m._memo.get("quads", (None,))[0] != memo:
        g, report = EVENTS_GRAPH, NamedNode(m.iri)
        quads = [Quad(node, GB.report, report, g), Quad(node, PROV.wasDerivedFrom, report, g),
                 Quad(report, GB.mergedInto, node, g)]
        for p, o in m.claims:
            if p.value in _COPY_ALL or (is_best and p.value in _COPY_BEST):
                quads.append(Quad(node, p, o, g))
            elif p.value in ROLE_IRIS and o.value not in placed:
                quads.append(Quad(node, p, o, g))
        m._memo["quads"] = (memo, tuple(quads))
    return m._memo["quads"][1]


def _member_counts(m: Report) -> tuple[int | None, int | None, str | None]:
    """A report's lowest fatality and injured counts and its strongest modality (kept on it)."""
    if "counts" not in m._memo:
        found = {}
        for p, o in m.claims:
            if p.value in (GB.fatalities.value, GB.injured.value):
                found[p.value] = min(int(o.value), found.get(p.value, int(o.value)))
            elif p.value == GB.modality.value:
                value = o.value.rsplit("#", 1)[-1]
                found[p.value] = min(value, found.get(p.value, value), key=MODALITY_ORDER.index)
        m._memo["counts"] = (found.get(GB.fatalities.value), found.get(GB.injured.value), found.get(GB.modality.value))
    return m._memo["counts"]


def _joined_links(members: list[Report], joining: list[Report], stored: list[str], top_type) -> list[str] | None:
    """The reasons (links) of a merged event once ``joining`` (reports of new articles, linked
    to it or to one another) join its ``members``, from its ``stored`` reasons: cluster takes
    links shortest first, and when all the reports are of different articles it refuses none,
    so the links are the least-distance tree of all links among them; which is the tree of
    the stored tree's links and the joining reports' links. None when two joining reports
    are of one article (cluster decides which goes) or a stored link no longer holds."""
    group = members + joining
    if len({r.article for r in joining}) < len(joining):
        return None
    by_iri = {m.iri: m for m in group}
    alike: dict = {}
    links = [_link(a, b, top_type, alike) for n, a in enumerate(joining) for b in members + joining[n + 1:]]
    for reason in stored:
        first, rest = reason.split(" and ", 1)
        second = rest.split(": ", 1)[0]
        link = first in by_iri and second in by_iri and _link(by_iri[first], by_iri[second], top_type, alike)
        if not link:
            return None
        links.append(link)
    parent = {m.iri: m.iri for m in group}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    reasons = []
    for _, a, b, reason in sorted(link for link in links if link):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            reasons.append(reason)
    return sorted(reasons) if len(reasons) == len(group) - 1 else None


# ------------------------------------------------------------------ reading reports

def reports_from_quads(article_quads: Iterable[Quad], entity_quads: Iterable[Quad]) -> list[Report]:
    """The reports of one article about to be written, from its quads."""
    reports: dict[str, Report] = {}
    quads = list(article_quads)
    rdf_type, report_class = RDF.type, GB.EventReport
    for q in quads:
        if q.predicate == rdf_type and q.object == report_class:
            reports[q.subject.value] = Report(q.subject.value)
    for q in quads:
        report = reports.get(q.subject.value)
        if report is not None:
            report.add(q.predicate, q.object)
    wanted = {WGS84.lat.value, WGS84["long"].value, GB.geoPrecision.value}
    places = {r.place for r in reports.values()}
    facts: dict[str, dict[str, object]] = {}
    for q in entity_quads:
        if q.subject.value in places and q.predicate.value in wanted:
            facts.setdefault(q.subject.value, {})[q.predicate.value] = q.object
    for r in reports.values():
        _place_facts(r, facts.get(r.place, {}))
    return list(reports.values())


def _place_facts(report: Report, facts: dict) -> None:
    if WGS84.lat.value in facts:
        report.lat = float(facts[WGS84.lat.value].value)
        report.lon = float(facts[WGS84["long"].value].value)
    if GB.geoPrecision.value in facts:
        report.place_precision = facts[GB.geoPrecision.value].value


def _load_reports(store, where: str) -> dict[str, Report]:
    """The stored reports a SPARQL pattern (binding ?r) selects, read from their article
    graphs (or the store's :class:`ReportCache`). (Two simple queries: finding the reports,
    then their statements by subject, is much faster in Oxigraph than one query joining
    everything.)"""
    return _read_reports(store, {row["r"].value for row in store.query(
        f"SELECT DISTINCT ?r WHERE {{ {where} ?r a gb:EventReport }}")})


def _read_reports(store, iris: Iterable[str]) -> dict[str, Report]:
    """The stored reports among these IRIs (those that are a ``gb:EventReport``), from the
    store's :class:`ReportCache` (which keeps reports only) or read from their article graphs."""
    reports: dict[str, Report] = {}
    cache: ReportCache | None = getattr(store, "report_cache", None)
    unread = []
    for iri in sorted(iris):
        kept = cache.get(iri) if cache is not None else None
        if kept is None:
            unread.append(iri)
        else:
            reports[iri] = kept
    if unread:
        read = {iri: Report(iri) for iri in unread}
        typed = set()
        rdf_type, report_class = RDF.type, GB.EventReport
        subjects = _values(NamedNode(i) for i in unread)
        for row in store.query(f"SELECT ?r ?p ?o WHERE {{ VALUES ?r {{ {subjects} }} ?r ?p ?o }}"):
            read[row["r"].value].add(row["p"], row["o"])
            if row["p"] == rdf_type and row["o"] == report_class:
                typed.add(row["r"].value)
        for iri in sorted(typed):
            reports[iri] = read[iri]
            if cache is not None:
                cache.put(read[iri])
        reports = dict(sorted(reports.items()))
    places = sorted({r.place for r in reports.values() if r.place})
    if places:
        facts: dict[str, dict] = {}
        for row in store.query(f"""
                SELECT ?pl ?k ?v WHERE {{ VALUES ?pl {{ {_values(NamedNode(p) for p in places)} }}
                  ?pl ?k ?v . FILTER (?k IN (wgs84:lat, wgs84:long, gb:geoPrecision)) }}"""):
            facts.setdefault(row["pl"].value, {})[row["k"].value] = row["v"]
        parsed = {place: _parsed_place(found) for place, found in facts.items()}
        for r in reports.values():
            if r.place in parsed:
                lat, lon, precision = parsed[r.place]
                if lat is not None:
                    r.lat, r.lon = lat, lon
                if precision is not None:
                    r.place_precision = precision
    return reports


def _parsed_place(facts: dict) -> tuple[float | None, float | None, str | None]:
    """(lat, lon, precision) of a place's facts, as _place_facts sets them (None: not given)."""
    report = Report("")
    _place_facts(report, facts)
    return (report.lat, report.lon, report.place_precision if GB.geoPrecision.value in facts else None)


@dataclass
class MergePlan:
    """A change to the events graph, for the store to apply with the articles' graphs;
    ``reports``: the reports of the articles written, which the store keeps in its
    :class:`ReportCache` once they are stored (see :meth:`ReportCache.put_written`)."""
    remove: list[Quad] = field(default_factory=list)
    add: list[Quad] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list, repr=False, compare=False)


def plan_write(store, articles: list[tuple[str, list[Quad], list[Quad]]], top_type=None) -> MergePlan:
    """The events-graph change for (re)writing these articles ``(id, quads, entity quads)``."""
    reports = [r for _, quads, entity_quads in articles for r in reports_from_quads(quads, entity_quads)]
    planned = plan(store, reports, [a for a, _, _ in articles], top_type)
    planned.reports = reports
    return planned


def plan_delete(store, article_ids: list[str], top_type=None) -> MergePlan:
    """The events-graph change for deleting these articles."""
    return plan(store, [], article_ids, top_type)


def plan(store, new_reports: list[Report], replaced_articles: list[str], top_type=None) -> MergePlan:
    """What to change in the events graph when these articles are (re)written or deleted.
    Recomputes every connected group of matching reports that the change touches, and
    nothing else; plans only the difference. Reads the store, never writes it."""
    top_type = top_type or acled_top_type
    replaced = {article_iri(a).value for a in replaced_articles}
    removed: dict[str, Report] = {}
    if replaced:
        removed = _load_reports(store, "VALUES ?art { " + _values(NamedNode(a) for a in replaced)
                                + " } ?r dct:source ?art .")
    if not removed and (joined := _join(store, new_reports, top_type)) is not None:
        return joined
    _, old, quads = _recompute(store, new_reports, removed, replaced, top_type)
    return MergePlan(sorted(old - quads, key=str), sorted(quads - old, key=str))


def _recompute(store, new_reports: list[Report], removed: dict[str, Report], replaced: set[str],
               top_type) -> tuple[set[str], set[Quad], set[Quad]]:
    """Every connected group of matching reports that these new reports and the removal of
    ``removed`` (the reports of the ``replaced`` articles) touch, recomputed from all its
    reports: (the subjects involved, the events graph's statements about them now, the
    statements the groups give)."""
    known: dict[str, Report] = {r.iri: r for r in new_reports}
    stale: set[str] = set(removed)            # subjects whose events-graph statements go
    frontier = list(new_reports) + list(removed.values())
    seen_keys: set[str] = set()
    while frontier:
        keys = {k for r in frontier for k in r.partner_keys(top_type)} - seen_keys
        seen_keys |= keys
        found: dict[str, Report] = _nearby(store, keys) if keys else {}
        # reports already merged with a frontier report are recomputed with it
        mates = _cluster_mates(store, {r.iri for r in frontier} | set(found))
        stale |= mates["clusters"]
        extra = set(mates["members"]) - set(found) - set(known) - set(removed)
        if extra:
            found.update(_read_reports(store, extra))
        next_frontier = []
        for iri, report in found.items():
            if iri in known or iri in removed or report.article in replaced:
                continue
            linked = iri in mates["members"] or any(match(report, f, top_type) for f in frontier)
            if linked:
                known[iri] = report
                stale.add(iri)
                next_frontier.append(report)
        frontier = next_frontier
    quads: set[Quad] = set()
    for members, reasons in cluster(list(known.values()), top_type):
        quads.update(_event_quads(members, reasons, top_type))
    stale |= {q.subject.value for q in quads}
    return stale | set(known), _current(store, stale), quads


def _nearby(store, keys: set[str]) -> dict[str, Report]:
    """Stored reports with one of these lookup keys, read in full."""
    cache: EventsCache | None = getattr(store, "events_cache", None)
    if cache is not None:
        iris = cache.with_keys(store, keys)
        return _read_reports(store, iris)
    return _load_reports(store, f"""VALUES ?k {{ {_values(Literal(k) for k in sorted(keys))} }}
        GRAPH {EVENTS_GRAPH} {{ ?r gb:mergeKey ?k }}""")


def _join(store, new_reports: list[Report], top_type) -> MergePlan | None:
    """The plan for new articles: the reports (joined with the new reports they match) that
    match stored reports of at most one event, a different one for each, join it; the others
    (matching two stored events, or an event another new group matches, two reports of one
    article joining an event, an event that would be renamed) have their groups recomputed
    in full (:func:`_recompute`). None when such a recomputation reaches an event joined
    (:func:`plan` then recomputes every group the write touches). Then the grouping :func:`cluster` would
    make of everything is the stored one with each report added to the event it matches
    (a new article shares no article with a stored group, and links that the stored grouping
    refused it still refuses); a merged event's links are found from its stored ones and the
    new reports' (see _joined_links), not by matching all its reports with one another, and
    its reports are read from the store's ReportCache: the cost does not grow with the number
    of reports an event has had."""
    keys = {k for r in new_reports for k in r.partner_keys(top_type)}
    stored = _nearby(store, keys) if keys else {}
    by_key: dict[str, list[Report]] = {}
    for r in list(stored.values()) + new_reports:
        if key := r.merge_key(top_type):
            by_key.setdefault(key, []).append(r)
    # the new reports that match one another join one group (as cluster's links would)
    parent = {r.iri: r.iri for r in new_reports}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    matched: dict[str, list[Report]] = {}
    for r in new_reports:
        partners = {}
        alike: dict[tuple, bool] = {}  # stored reports alike in all that match reads match alike
        for k in r.partner_keys(top_type):
            for b in by_key.get(k, ()):
                if b.iri not in stored:
                    found = bool(match(r, b, top_type))
                elif (found := alike.get(sig := _match_signature(b))) is None:
                    found = alike[sig] = bool(match(r, b, top_type))
                if found:
                    partners[b.iri] = b
        for iri in partners.keys() & parent.keys():
            parent[max(root(iri), root(r.iri))] = min(root(iri), root(r.iri))
        matched[r.iri] = [b for iri, b in partners.items() if iri in stored]
    joining: dict[str, list[Report]] = {}
    for r in new_reports:
        joining.setdefault(root(r.iri), []).append(r)
    into = _merged_into(store, {b.iri for found in matched.values() for b in found})
    events_of = {first: {into.get(b.iri, b.iri) for r in group for b in matched[r.iri]}
                 for first, group in joining.items()}
    wanted = Counter(e for events in events_of.values() for e in events)
    deferred: list[Report] = []  # groups recomputed in full (see the docstring)
    target: dict[str, str] = {}  # group of new reports -> the stored event it joins
    for first, group in joining.items():
        events = events_of[first]
        if len(events) > 1 or any(wanted[e] > 1 for e in events):
            deferred += group
        elif events:
            target[first] = next(iter(events))
    merged = set(target.values()) & set(into.values())
    singles = set(target.values()) - merged  # reports that were their own event
    members = _reports_of(store, merged)
    unread = {m for group in members.values() for m in group} - set(stored)
    if unread:
        stored.update(_read_reports(store, unread))
    current = _current(store, set(target.values()) | {m for group in members.values() for m in group}
                       | {r.iri for r in new_reports})
    stored_reasons: dict[str, list[str]] = {}
    for q in current:
        if q.predicate == GB.mergeReason:
            stored_reasons.setdefault(q.subject.value, []).append(q.object.value)
    new: set[Quad] = set()
    touched: set[str] = set()  # the subjects whose statements the joins plan
    for first, group in joining.items():
        event = target.get(first)
        if event is None and events_of[first]:
            continue  # deferred
        if event is None or event in singles:
            for members_, reasons in cluster(group + ([stored[event]] if event else []), top_type):
                new.update(_event_quads(members_, reasons, top_type))
        else:
            old = [stored[m] for m in sorted(members[event])]
            reasons = _joined_links(old, group, stored_reasons.get(event, []), top_type)
            if reasons is None or merged_iri(old + group).value != event:  # (renamed: its reports' links change)
                deferred += group
                continue
            new.update(_event_quads(old + group, reasons, top_type))
            touched |= set(members[event])
        touched |= {r.iri for r in group} | ({event} if event else set())
    current = {q for q in current if q.subject.value in touched}
    if deferred:
        involved, old_quads, quads = _recompute(store, deferred, {}, set(), top_type)
        if involved & touched:  # the groups recomputed reach an event joined: recompute all
            return None
        current |= old_quads
        new |= quads
    return MergePlan(sorted(current - new, key=str), sorted(new - current, key=str))


@lru_cache(maxsize=4096)
def acled_top_type(type_iri: str) -> str:
    """The ACLED event type of a taxonomy concept, from the default lexicon."""
    from .lexicon import load_lexicon

    return load_lexicon().acled_types(type_iri.rsplit("/", 1)[-1])[0].id


def _current(store, subjects: set[str]) -> set[Quad]:
    """The events graph's statements about these subjects now."""
    if not subjects:
        return set()
    cache: EventsCache | None = getattr(store, "events_cache", None)
    if cache is not None:
        return set().union(*cache.statements(store, subjects).values())
    return {Quad(row["s"], row["p"], row["o"], EVENTS_GRAPH) for row in store.query(f"""
        SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(NamedNode(i) for i in sorted(subjects))} }}
          GRAPH {EVENTS_GRAPH} {{ ?s ?p ?o }} }}""")}


def _merged_into(store, iris: set[str]) -> dict[str, str]:
    """The merged event each of these reports belongs to (reports that are their own event: none)."""
    if not iris:
        return {}
    cache: EventsCache | None = getattr(store, "events_cache", None)
    if cache is not None:
        merged_into = GB.mergedInto
        return {iri: q.object.value for iri, quads in cache.statements(store, iris).items()
                for q in quads if q.predicate == merged_into}
    return {row["r"].value: row["c"].value for row in store.query(f"""
        SELECT ?r ?c WHERE {{ VALUES ?r {{ {_values(NamedNode(i) for i in sorted(iris))} }}
          GRAPH {EVENTS_GRAPH} {{ ?r gb:mergedInto ?c }} }}""")}


def _reports_of(store, events: set[str]) -> dict[str, list[str]]:
    """The reports (``gb:report``) of each of these merged events."""
    if not events:
        return {}
    cache: EventsCache | None = getattr(store, "events_cache", None)
    if cache is not None:
        report = GB.report
        return {e: [q.object.value for q in quads if q.predicate == report]
                for e, quads in cache.statements(store, events).items()}
    members: dict[str, list[str]] = {}
    for row in store.query(f"""SELECT ?e ?m WHERE {{ VALUES ?e {{ {_values(NamedNode(e) for e in sorted(events))} }}
                                 GRAPH {EVENTS_GRAPH} {{ ?e gb:report ?m }} }}"""):
        members.setdefault(row["e"].value, []).append(row["m"].value)
    return members


def _cluster_mates(store, iris: set[str]) -> dict:
    """The merged events these reports belong to, and all their reports."""
    if not iris:
        return {"clusters": set(), "members": set()}
    clusters = set(_merged_into(store, iris).values())
    members = {m for group in _reports_of(store, clusters).values() for m in group}
    return {"clusters": clusters, "members": members}


__all__ = ["EVENTS_GRAPH", "MAX_KM", "EventsCache", "MergePlan", "Report", "ReportCache", "acled_top_type", "cluster",
           "event_quads", "match", "plan", "plan_delete", "plan_write", "reports_from_quads"]
