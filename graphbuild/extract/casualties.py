"""Fatalities and injuries of an event: the counts its sentence gives, and the executed of
"the execution of 320 of his followers"."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..model import CountClaim, Event, Participant
from ..nlp.spans import text_span
from ..numbers import count_of
from ..settings import words

if TYPE_CHECKING:
    from .context import DocContext, Mention

UNTYPED_PEOPLE = words("untyped-person")


def event_casualties(m: Mention, sent: Span, ctx: DocContext) -> tuple[CountClaim | None, CountClaim | None]:
    """(fatalities, injured) of the event a mention reports in its sentence."""
    killed, injured = ctx.counts(sent)
    if killed is None and m.event_type == "execution":
        # "the execution of 320 of his followers": the executed are the dead
        for child in m.head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    value = count_of(obj)
                    if value:
                        killed = CountClaim(value, text_span(obj.doc[obj.left_edge.i:obj.right_edge.i + 1]))
    return killed, injured


def combatants_are_sides(res, event: Event) -> None:
    """The dead and wounded of a battle who belong to one of its sides are that side, not
    its victims ("soldiers clashed with militants ... two militants died"): they count in its
    fatalities; so are dead it names only as people. A battle with one named side keeps them,
    as the events table's second actor."""
    if event.event_type.startswith("@") or res.lexicon.acled_types(event.event_type)[0].id != "battles" \
            or not any(p.role == "actor2" for p in event.participants):
        return
    sides = {p.actor.key for p in event.participants if p.role in ("actor1", "actor2")}
    event.participants = [p for p in event.participants if not (p.role == "victim" and (
        p.actor.key in sides or untyped(p)))]


def untyped(p: Participant) -> bool:
    """"Three people died in the fighting": dead the text does not say were civilians."""
    return not p.actor.named and p.actor.category == "Civilians" and p.span is not None \
        and p.span.text.lower().split()[-1] in UNTYPED_PEOPLE
