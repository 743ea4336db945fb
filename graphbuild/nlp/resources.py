"""What graphbuild's components and event assembly read besides the Doc: the lexicon, the
gazetteer and tables made from them, loaded once per process and shared.

Components are configured with JSON values only (the actor files), and find the loaded
data here by those values, so that a worker process rebuilds the same pipeline from
``load_pipeline(model, extra_actors)`` alone.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..gazetteer import Gazetteer, fold
from ..lexicon import Lexicon, load_lexicon, ontology_path, read_csv
from ..settings import words

VIOLENT_LEAVES = words("violent-leaf")
VIOLENT_TOP_TYPES = words("violent-top-type")


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The process's gazetteer (the SQLite index is opened once)."""
    return Gazetteer()


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


@lru_cache(maxsize=8)
def resources(actor_files: tuple[str, ...] = ()) -> Resources:
    """The resources of the shipped lexicon plus the actors of ``actor_files``, once per process."""
    return Resources(load_lexicon(tuple(actor_files)), shared_gazetteer())
