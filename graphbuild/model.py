"""Plain data passed between the stages: what was extracted from one article."""
from __future__ import annotations

from dataclasses import dataclass, field

from .articles import Article
from .dates import TimeSpan

ROLES = ("actor1", "actor2", "victim", "associated")
MODALITIES = ("asserted", "reported", "claimed", "denied", "hypothetical", "future", "negated", "generic")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a town, a first- or second-level region, or a country."""

    id: str  # "174506" for a GeoNames place, "SY.07" for a region, "SY.07.Hajin" for a district
    name: str
    latitude: float
    longitude: float
    country_code: str
    country: str
    admin1: str  # name of the first-level region ("" for a country)
    admin2: str
    population: int
    feature: str  # "city", "admin2", "admin1" or "country"; "offset" for "20 km east of X"
    anchor: "Place | None" = None  # for an offset, the place it is measured from

    @property
    def geonameid(self) -> int | None:
        return int(self.id) if self.id.isdigit() else None

    @property
    def uri(self) -> str | None:
        return f"https://sws.geonames.org/{self.id}/" if self.id.isdigit() else None


@dataclass(frozen=True)
class TextSpan:
    """Characters ``start:end`` of the article text."""

    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A canonical actor. ``key`` is stable across articles: the lexicon id, or the
    normalised name (with the country for generic group labels)."""

    key: str
    label: str
    category: str | None  # an ACLED category, or "Person"
    country: str | None = None
    wikidata: str | None = None
    aliases: set[str] = field(default_factory=set)
    named: bool = True  # False for a description like "gunmen" or "Syrian soldiers"


@dataclass
class Participant:
    role: str  # one of ROLES
    actor: Actor
    span: TextSpan | None  # the words naming the actor; None for one the text only implies
    alleged: bool = False  # the text only accuses or suspects it ("police blamed X for the attack")


@dataclass
class PlaceClaim:
    name: str
    span: TextSpan | None  # None when only the article's metadata (its outlet) says it
    precision: str  # exact, near, region, country, unlocated
    place: Place | None = None
    country: str | None = None


@dataclass
class TimeClaim:
    span: TextSpan | None  # None when the time is the article's date by default
    time: TimeSpan | None  # None when it could not be resolved


@dataclass
class CountClaim:
    value: int
    span: TextSpan


@dataclass
class Event:
    """One real-world event as the article reports it (possibly from several mentions)."""

    event_type: str  # a taxonomy id
    trigger: TextSpan
    sentences: list[TextSpan]
    participants: list[Participant] = field(default_factory=list)
    place: PlaceClaim | None = None
    time: TimeClaim | None = None
    fatalities: CountClaim | None = None
    injured: CountClaim | None = None
    modality: str = "asserted"
    attribution: TextSpan | None = None
    targets: list[TextSpan] = field(default_factory=list)  # physical targets: "the embassy", "a bus"
    instruments: list[TextSpan] = field(default_factory=list)  # weapons: "a car bomb", "rifles"
    # more words of its own sentences for where it happened, beside the place claim's ("across the city")
    place_words: list[TextSpan] = field(default_factory=list)
    part_of: int | None = None  # index of the event this one happened during
    # the extractor's working state while it merges mentions; not written to the graph
    raw_type: str = field(default="", repr=False, compare=False)  # the trigger's class ("@violence")
    anaphoric: bool = field(default=False, repr=False, compare=False)  # "the clash", "there was a clash"
    cue: bool = field(default=False, repr=False, compare=False)  # a weapon word named the type
    place_inferred: bool = field(default=False, repr=False, compare=False)  # the article's country
    part_of_head: object = field(default=None, repr=False, compare=False)  # token of "during X"
    headline: bool = field(default=False, repr=False, compare=False)  # told in the article's title line
    listed: bool = field(default=False, repr=False, compare=False)  # a copy in another town of a list
    # a mention that only attributes or claims the happening ("police blamed X for the attack"):
    # its modality is of who did it, not of whether it happened
    attributive: bool = field(default=False, repr=False, compare=False)

    def actors(self, role: str) -> list[Actor]:
        """The distinct actors in ``role``, in order: one the article tells in several mentions
        is a participant per mention, each with its own words."""
        distinct: dict[str, Actor] = {}
        for p in self.participants:
            if p.role == role:
                distinct.setdefault(p.actor.key, p.actor)
        return list(distinct.values())


@dataclass
class Relation:
    """A relation the text states between two actors ("ISIS leader Abu Bakr al-Baghdadi")."""

    kind: str  # leaderOf, memberOf, backedBy, alliedWith, fightsAgainst, holdsCustodyOf
    subject: Actor
    object: Actor
    span: TextSpan  # the words that state it
    sentence: TextSpan
    title: str = ""  # the subject's title, when the text gives one ("Commander")


@dataclass
class Extraction:
    article: Article
    events: list[Event]
    relations: list[Relation] = field(default_factory=list)
    mentions: list[tuple[Actor, TextSpan]] = field(default_factory=list)  # every actor named, in order
    structure: object | None = None  # the article's parts (graphbuild.text.structure.ArticleStructure)
