"""What graphbuild's components and event assembly read besides the Doc: the lexicon, the
gazetteer and tables made from them, loaded once per process and shared.

Components are configured with JSON values only (the actor files), and find the loaded
data here by those values, so that a worker process rebuilds the same pipeline from
``load_pipeline(model, extra_actors)`` alone.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..gazetteer import Gazetteer, fold
from ..lexicon import Lexicon, load_lexicon, ontology_path, read_csv
from ..settings import words

VIOLENT_LEAVES = words("violent-leaf")
VIOLENT_TOP_TYPES = words("violent-top-type")


def shared_gazetteer() -> Gazetteer:
    """The process's gazetteer, opened once per version of its index file (a `graphbuild
    gazetteer import` changes the file, and a pipeline built after it sees the new places)."""
    return _gazetteer(*_index_version())


def _index_version() -> tuple[str, int]:
    path = Gazetteer.default_path()
    if not path.exists():
        Gazetteer.build(path)  # before it is opened, so that its version is the built one
    return str(path), path.stat().st_mtime_ns


@lru_cache(maxsize=2)
def _gazetteer(path: str, mtime: int) -> Gazetteer:
    return Gazetteer(Path(path))


class Resources:
    """The lexicon, the gazetteer and the tables made from them."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.known = {known.id: known for known in lexicon.actors}
        self.demonyms = {r["adjective"]: r["country"] for r in read_csv(ontology_path("demonyms.csv"))}
        self.outlets = {fold(r["outlet"]): r["country"] for r in read_csv(ontology_path("outlets.csv"))}
        self.publisher_memo: dict[tuple, Counter] = {}
        #: Verbs of violence: a name the model took for a person is a place when one is done to it.
        self.attack_verbs = {t.lemmas[0] for t in lexicon.triggers if len(t.lemmas) == 1
                             and t.pos in ("VERB", "ANY")
                             and (t.event_type == "@violence" or t.event_type in VIOLENT_LEAVES)}
        #: Sub-types of the violent ACLED event types: a death report belongs to one of these.
        self.violent_types = {t for t in lexicon.event_types
                              if lexicon.acled_types(t)[0].id in VIOLENT_TOP_TYPES} | {"@violence"}


def resources(actor_files: tuple[str, ...] = ()) -> Resources:
    """The resources of the shipped lexicon plus the actors of ``actor_files``, once per process."""
    return _resources(tuple(actor_files), _index_version())


@lru_cache(maxsize=8)
def _resources(actor_files: tuple[str, ...], index_version: tuple) -> Resources:
    return Resources(load_lexicon(actor_files), shared_gazetteer())
