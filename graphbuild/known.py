"""Known values of user-given names: event types, countries, actors, places.

A filter value that can match nothing ("--country Narnia", "--type Nonsense") is a
mistake the user wants to hear about, not an empty result: these functions say which
values are unknown and name the close matches (``difflib``).
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable

from .export import EventFilter
from .store import Store


def close_matches(value: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known names closest to ``value`` (case-insensitive), best first."""
    by_fold: dict[str, str] = {}
    for name in known:
        by_fold.setdefault(name.casefold(), name)
    found = difflib.get_close_matches(value.casefold(), list(by_fold), n=n, cutoff=0.6)
    if not found:  # a word of a longer name: "jazairy" for "Abu Muath al-Jazairi"
        words = {w: f for f in by_fold for w in re.split(r"[\W_]+", f) if len(w) > 3}
        found = list(dict.fromkeys(words[w] for w in difflib.get_close_matches(
            value.casefold(), list(words), n=n, cutoff=0.75)))
    return [by_fold[f] for f in found]


def unknown(option: str, value: str, known: Iterable[str], kind: str) -> str:
    """The message for a value that matches nothing known ("--country 'Narnia' matches no
    known country; did you mean ...?")."""
    suggestions = close_matches(value, known)
    hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return f"{option} {value!r} matches no {kind}{hint}"


def event_type_labels() -> list[str]:
    """The labels of every event type, sub-event type and finer kind of the taxonomy."""
    from .lexicon import load_event_types

    return sorted({t.label for t in load_event_types().values()})


def country_names() -> list[str]:
    from .gazetteer import Gazetteer

    return sorted(set(Gazetteer().country_names().values()))


def actor_labels(store: Store) -> dict[str, str]:
    """IRI -> label of every actor of an event in the store."""
    return {r["a"]: r["label"] for r in store.select(
        "SELECT DISTINCT ?a ?label WHERE { ?e sem:hasActor ?a . ?a rdfs:label ?label }")}


def unknown_filter_values(store: Store, where: EventFilter) -> list[str]:
    """One message per filter value that no event type, country or stored actor can match."""
    problems = []
    if where.event_types:
        labels = event_type_labels()
        folded = {label.casefold() for label in labels}
        problems += [unknown("--type", t, labels, "known event type") for t in where.event_types if t.casefold() not in folded]
    if where.countries:
        names = country_names()
        folded = {name.casefold() for name in names}
        problems += [unknown("--country", c, names, "known country") for c in where.countries if c.casefold() not in folded]
    if where.actors:
        actors = actor_labels(store)
        labels = [label.casefold() for label in actors.values()]
        for wanted in where.actors:
            if wanted not in actors and not any(wanted.casefold() in label for label in labels):
                problems.append(unknown("--actor", wanted, actors.values(), "actor in the store"))
    return problems
