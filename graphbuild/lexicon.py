"""The curated data under ``ontology/``: event taxonomy, triggers, actors, cues.

Loaded once per process (:func:`load_lexicon`) and shared by every stage.
Users extend the actor list with their own CSV of the same columns.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

SKOS = "http://www.w3.org/2004/02/skos/core#"
EVENT_TYPE_NS = "https://w3id.org/graphbuild/eventtype/"

ACTOR_CATEGORIES = (
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces",
)
#: Categories of organised armed actors (ACLED inter codes 1-4 and 8).
ARMED_CATEGORIES = {"State forces", "Rebel group", "Political militia", "Identity militia",
                    "External/Other forces"}


def ontology_path(name: str) -> Path:
    """Path of a file shipped in the package's ontology folder."""
    return Path(str(resources.files("graphbuild.ontology").joinpath(name)))


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a lexicon CSV; lines starting with '#' are comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    broader: str | None

    @property
    def iri(self) -> str:
        return EVENT_TYPE_NS + self.id


@dataclass(frozen=True)
class Trigger:
    lemmas: tuple[str, ...]
    pos: str  # VERB, NOUN or ANY
    event_type: str  # taxonomy id, "@violence" or "@death"
    cue: bool  # names the weapon of violence in its sentence


@dataclass(frozen=True)
class KnownActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    country: str
    wikidata: str


@dataclass(frozen=True)
class ActorNoun:
    noun: str
    category: str  # an ACLED category, or "armed" / "rebel" for an unnamed armed non-state group
    label: str


@dataclass
class Lexicon:
    event_types: dict[str, EventType]
    triggers: list[Trigger]
    actors: list[KnownActor]
    actor_nouns: dict[str, ActorNoun]
    cues: dict[str, set[str]] = field(default_factory=dict)

    def acled_types(self, type_id: str) -> tuple[EventType, EventType]:
        """(event type, sub-event type) of ACLED for any taxonomy concept.

        A finer kind (execution) reports as its ACLED sub-event type (Attack)."""
        chain = []
        current = self.event_types.get(type_id)
        while current is not None:
            chain.append(current)
            current = self.event_types.get(current.broader) if current.broader else None
        if len(chain) == 1:
            return chain[0], chain[0]
        return chain[-1], chain[-2]

    def cue(self, kind: str) -> set[str]:
        return self.cues.get(kind, set())


def load_event_types() -> dict[str, EventType]:
    store = ox.Store()
    with open(ontology_path("event_types.ttl"), "rb") as handle:
        store.load(handle, ox.RdfFormat.TURTLE)
    types: dict[str, EventType] = {}
    query = f"""SELECT ?c ?label ?broader WHERE {{
        ?c a <{SKOS}Concept> ; <{SKOS}prefLabel> ?label ; <{SKOS}inScheme> ?s .
        OPTIONAL {{ ?c <{SKOS}broader> ?broader }} }}"""
    for row in store.query(query):
        cid = row["c"].value.removeprefix(EVENT_TYPE_NS)
        broader = row["broader"].value.removeprefix(EVENT_TYPE_NS) if row["broader"] else None
        types[cid] = EventType(cid, row["label"].value, broader)
    return types


def load_actors(path: Path) -> list[KnownActor]:
    """Actors of a CSV with columns name, aliases (|-separated), category, country, wikidata."""
    actors = []
    for number, row in enumerate(read_csv(path), start=2):
        if row.get("category") not in ACTOR_CATEGORIES:
            raise ValueError(f"{path}:{number}: category must be one of {', '.join(ACTOR_CATEGORIES)}"
                             f" (got {row.get('category')!r})")
        if not row.get("name"):
            raise ValueError(f"{path}:{number}: an actor needs a name")
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        actors.append(KnownActor(row.get("id") or slug(row["name"]), row["name"], aliases,
                                 row["category"], row.get("country", ""), row.get("wikidata", "")))
    return actors


def actors_dir() -> Path:
    """Where `graphbuild actors import` keeps users' actor lexicons ($GRAPHBUILD_DATA/actors,
    else ~/.local/share/graphbuild/actors); every ingest reads them."""
    import os

    base = os.environ.get("GRAPHBUILD_DATA") or Path.home() / ".local" / "share" / "graphbuild"
    return Path(base) / "actors"


def imported_actor_files() -> tuple[str, ...]:
    folder = actors_dir()
    return tuple(sorted(str(p) for p in folder.glob("*.csv"))) if folder.is_dir() else ()


def import_actors(path: str | Path) -> tuple[Path, int]:
    """Check an actor CSV (errors name the file and line) and keep a copy in
    :func:`actors_dir` under the file's name; returns (the copy, number of actors)."""
    import shutil

    source = Path(path)
    actors = load_actors(source)
    folder = actors_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (slug(source.stem) + ".csv")
    shutil.copyfile(source, target)
    load_lexicon.cache_clear()
    return target, len(actors)


def slug(text: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@lru_cache(maxsize=8)
def load_lexicon(extra_actors: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon, plus actors from the users' own CSV files."""
    triggers = [
        Trigger(tuple(row["phrase"].lower().split()), row["pos"], row["event_type"], row["cue"] == "yes")
        for row in read_csv(ontology_path("triggers.csv"))
    ]
    actors = []
    shipped = ontology_path("actors.csv")
    if shipped.exists():
        actors.extend(load_actors(shipped))
    for path in extra_actors:
        actors.extend(load_actors(Path(path)))
    nouns = {row["noun"]: ActorNoun(row["noun"], row["category"], row["label"])
             for row in read_csv(ontology_path("actor_nouns.csv"))}
    cues: dict[str, set[str]] = {}
    for row in read_csv(ontology_path("cues.csv")):
        cues.setdefault(row["kind"], set()).add(row["word"])
    return Lexicon(load_event_types(), triggers, actors, nouns, cues)
