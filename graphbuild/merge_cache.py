"""The caches of the one process that writes a store, which merging reads instead of the store:
stored reports (:class:`ReportCache`) and the events graph's statements (:class:`EventsCache`).
The store object that holds the only writer keeps them and tells them every change it applies."""
from __future__ import annotations

from collections import OrderedDict
from copy import copy
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from pyoxigraph import Literal, NamedNode, Quad

from .rdf import BASE, GB

if TYPE_CHECKING:
    from .merging import Report

EVENTS_GRAPH = NamedNode(BASE + "graph/events")


def _values(terms: Iterable) -> str:
    return " ".join(str(t) for t in terms)


class ReportCache:
    """Stored reports as merging reads them from their article graphs (without their places'
    coordinates, which are read afresh every time), kept by the store object that writes
    them: a report's statements change only when its article is written again or deleted,
    and the store then forgets them. Merging reads a report each time a new report may match
    it (again and again when many articles report one event); from here that costs nothing.
    Bounded: past ``size`` reports the least recently used go."""

    def __init__(self, size: int = 50_000):
        self.size = size
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._by_article: dict[str, set[str]] = {}

    def get(self, iri: str) -> Report | None:
        """A copy of the kept report (its statements shared: they are read, never changed)."""
        found = self._reports.get(iri)
        if found is None:
            return None
        self._reports.move_to_end(iri)
        return copy(found)

    def put(self, report: Report) -> None:
        self._reports[report.iri] = replace(report)
        self._by_article.setdefault(report.article, set()).add(report.iri)
        if len(self._reports) > self.size:
            self._drop(next(iter(self._reports)))

    def put_written(self, reports: Iterable[Report]) -> None:
        """Keep reports just written: what merging would read back from their article graphs
        (a report's statements there are the quads it was made from). Without their places'
        facts, which merging reads afresh, as for the reports it reads."""
        for report in reports:
            self.put(replace(report, lat=None, lon=None, place_precision="", _partners=None, _key=None))

    def forget(self, articles: set[str]) -> None:
        """Drop the reports of these articles (IRIs): they are being rewritten or deleted."""
        for article in articles:
            for iri in list(self._by_article.get(article, ())):
                self._drop(iri)

    def _drop(self, iri: str) -> None:
        article = self._reports.pop(iri).article
        self._by_article[article].discard(iri)
        if not self._by_article[article]:
            del self._by_article[article]


class EventsCache:
    """The events graph's statements by subject, and the reports under each lookup key, as
    merging has read them, kept by the store object that writes them (it holds the only
    writer and tells the cache every change it applies, see :meth:`apply`): merging reads
    an event's statements each time a new report joins it, and from here that costs no
    query and does not grow with the store. A subject (or key) is kept with all of its
    statements or not at all; past ``size`` entries the least recently used go."""

    def __init__(self, size: int = 200_000):
        self.size = size
        self._subjects: OrderedDict[str, set[Quad]] = OrderedDict()
        self._keys: OrderedDict[str, set[str]] = OrderedDict()

    def statements(self, store, subjects: set[str]) -> dict[str, set[Quad]]:
        """The events graph's statements about each of these subjects (the kept ones shared:
        read them, never change them)."""
        missing = sorted(s for s in subjects if s not in self._subjects)
        if missing:
            read: dict[str, set[Quad]] = {s: set() for s in missing}
            for row in store.query(f"""SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {_values(NamedNode(i) for i in missing)} }}
                                         GRAPH {EVENTS_GRAPH} {{ ?s ?p ?o }} }}"""):
                read[row["s"].value].add(Quad(row["s"], row["p"], row["o"], EVENTS_GRAPH))
            for subject, quads in read.items():
                self._keep(self._subjects, subject, quads)
        else:
            read = {}
        return {subject: read[subject] if subject in read else self._touch(self._subjects, subject)
                for subject in subjects}

    def with_keys(self, store, keys: set[str]) -> set[str]:
        """The reports that have one of these lookup keys (``gb:mergeKey``)."""
        missing = sorted(k for k in keys if k not in self._keys)
        if missing:
            read: dict[str, set[str]] = {k: set() for k in missing}
            for row in store.query(f"""SELECT ?r ?k WHERE {{ VALUES ?k {{ {_values(Literal(k) for k in missing)} }}
                                         GRAPH {EVENTS_GRAPH} {{ ?r gb:mergeKey ?k }} }}"""):
                read[row["k"].value].add(row["r"].value)
            for key, iris in read.items():
                self._keep(self._keys, key, iris)
        else:
            read = {}
        found: set[str] = set()
        for key in keys:
            found |= read[key] if key in read else self._touch(self._keys, key)
        return found

    def apply(self, remove: Iterable[Quad], add: Iterable[Quad]) -> None:
        """The store has removed and added these events-graph statements."""
        merge_key = GB.mergeKey
        for quads, change in ((remove, "discard"), (add, "add")):
            for q in quads:
                kept = self._subjects.get(q.subject.value)
                if kept is not None:
                    getattr(kept, change)(q)
                if q.predicate == merge_key and (iris := self._keys.get(q.object.value)) is not None:
                    getattr(iris, change)(q.subject.value)

    @staticmethod
    def _touch(kept: OrderedDict, name: str):
        kept.move_to_end(name)
        return kept[name]

    def _keep(self, kept: OrderedDict, name: str, value) -> None:
        kept[name] = value
        if len(kept) > self.size:
            kept.popitem(last=False)
