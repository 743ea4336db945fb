"""Events told of several towns at once: "protests were held in Zzyz, Yyy and Xxx" are, as
ACLED codes them, one event in each town; each copy of the event has its own town and the
same words otherwise, and the counts stay with the first (they are not known per town)."""
from __future__ import annotations

from copy import copy
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..model import Event, PlaceClaim
from .place import coordinated, event_place

if TYPE_CHECKING:
    from .context import DocContext

#: the precisions of a town of a list: the town or near it, not a region or a country
TOWN_PRECISIONS = ("exact", "near")


def listed_places(res, head: Token, sent: Span, ctx: "DocContext", claim: PlaceClaim | None) -> list[PlaceClaim]:
    """The other towns coordinated with a town that is an event's place ("in Zzyz, Yyy and
    Xxx"), each read as that event's place would be were it the only one (so "Yyy (Zzyz
    district)" is inside its district); only towns the gazetteer knows, not one that is the
    event's town again nor a region or a country of the list."""
    if not town_claim(claim):
        return []
    places = ctx.places(sent)
    own = next((p for p in places if (p.start_char, p.end_char) == (claim.span.start, claim.span.end)), None)
    if own is None:
        return []
    siblings = [p for p in places if p is not own and p.root.i in coordinated(res, own, claim.place)]
    found = []
    for sibling in siblings:
        skip = frozenset(p.start for p in [own, *siblings] if p is not sibling)
        other = event_place(res, head, sent, ctx, skip)
        if town_claim(other) and other.span.start == sibling.start_char and other.place.id != claim.place.id \
                and all(other.place.id != f.place.id for f in found):
            found.append(other)
    return found


def town_claim(claim: PlaceClaim | None) -> bool:
    """Whether a place claim is a town the sentence names (at it or near it)."""
    return claim is not None and claim.span is not None and claim.place is not None \
        and claim.place.feature == "city" and claim.precision in TOWN_PRECISIONS


def copy_at(event: Event, claim: PlaceClaim) -> Event:
    """The event in another town of its list: its own lists (merging extends them), no counts."""
    other = copy(event)
    other.place = claim
    other.place_words = []
    other.sentences = list(event.sentences)
    other.participants = [replace(p) for p in event.participants]
    other.targets, other.instruments = list(event.targets), list(event.instruments)
    other.fatalities = other.injured = None
    other.listed = True
    return other
