"""Actors the text implies rather than names as a role: the crowd of a protest, an
unidentified armed group, the side that ran an operation, a group that claimed the attack.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lexicon import ARMED_CATEGORIES
from ..model import Event, Participant
from ..nlp.spans import lower_text
from ..settings import setting, words
from .coreference import actor_at, undertaker
from .mentions import generic_actor

if TYPE_CHECKING:
    from .context import DocContext, Mention

CROWD_CATEGORIES = words("crowd-category")
CLAIM_REACH = setting("claim-reach")


def crowd_actor(res, event: Event, m: Mention, ctx: "DocContext") -> None:
    """A protest is carried out by protesters and a riot by rioters, named or not
    (ACLED's "Protesters (Lebanon)"): the crowd is actor 1 when the text names no one
    of that kind."""
    if event.event_type.startswith("@"):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    category = {"protests": "Protesters", "riots": "Rioters"}.get(top)
    if category is None:
        return
    crowd = [p for p in event.participants if p.actor.category in CROWD_CATEGORIES
             and p.role == "actor1"]
    if crowd:
        for p in crowd:
            if p.actor.category != category and not p.actor.named:
                p.actor = generic_actor(res, category, p.actor.country)
        return
    country = (event.place.country if event.place else None) or (
        res.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
    # no words of the text name the crowd: the trigger is not its evidence
    event.participants.insert(0, Participant("actor1", generic_actor(res, category, country), None))

CLAIMED_WORDS = words("claimed")
BLAME_VERBS = words("blame")
ATTRIBUTE_VERBS = words("attribute")


def unidentified_actor(res, event: Event, ctx: "DocContext", battles: bool = False) -> None:
    """Violence whose perpetrator the text does not name ("a man was shot dead", "an IED
    exploded", "a body was found with gunshot wounds", "a shoot-out took place") is coded,
    as ACLED does, to an unidentified armed group of the country."""
    if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
        return
    if event.modality in ("negated", "denied", "hypothetical", "future"):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in ("violence-against-civilians", "explosions-remote-violence") + (("battles",) if battles else ()):
        return
    country = (event.place.country if event.place else None) or (
        res.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
    # no words of the text name who did it ("a bomb exploded"): the event's own word is not
    # evidence of an actor
    event.participants.insert(0, Participant("actor1", generic_actor(res, "armed", country), None))


def operation_actor(res, event: Event, sent: Span, ctx: "DocContext") -> None:
    """Fighting or a shooting nobody is named for, told in or right after a sentence about an
    operation ("the Military Police carried out an operation in X. A shoot-out broke out",
    "killed during security operations carried out by the Gendarmerie"): the armed side
    that ran the operation is actor 1."""
    if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
        return
    if event.modality in ("negated", "denied", "hypothetical", "future"):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in ("battles", "violence-against-civilians"):
        return
    where = ctx.sentence_index(sent.start_char)
    taken = {p.actor.key for p in event.participants}
    for scope in [sent] + ([ctx.sentences[where - 1]] if where > 0 else []):
        for noun in scope:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in res.lexicon.cue("operation"):
                continue
            for tok in undertaker(noun, ctx):
                found = actor_at(tok, ctx)
                if found is not None and found.actor.category in ARMED_CATEGORIES \
                        and found.actor.key not in taken:
                    event.participants.insert(0, Participant("actor1", found.actor, found.span(ctx.doc)))
                    return


def claimed_actor(res, event: Event, ctx: "DocContext") -> None:
    """An attack nobody is named for, and a named armed group that "claimed
    responsibility" for it (in its sentence or a later one): the group is actor 1."""
    if event.event_type.startswith("@") or not ctx.claimants or any(
            p.role == "actor1" and p.actor.named for p in event.participants):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in ("violence-against-civilians", "explosions-remote-violence", "battles"):
        return
    where = ctx.sentence_index(event.trigger.start)
    for claimant, said_in in ctx.claimants:
        if where <= said_in <= where + CLAIM_REACH and claimant.actor.category in ARMED_CATEGORIES:
            event.participants = [p for p in event.participants if p.role != "actor1"]
            event.participants.insert(0, Participant("actor1", claimant.actor, claimant.span(ctx.doc)))
            return


def find_claimants(ctx: DocContext) -> list:
    """"JNIM claimed responsibility for the attack", "the rebels are held responsible",
    "police blamed ISWAP", "an attack attributed to the ADF": (the claimant's mention, its
    sentence's number) for every named actor that claims an attack or is said to have done it."""
    claimants = []
    text = lower_text(ctx.doc)
    if not any(word in text for word in ("claim", "responsib", "blame", "accuse", "attribut")):
        return claimants
    for n, sent in enumerate(ctx.sentences):
        for tok in sent:
            for subject in claimed_by(tok):
                found = actor_at(subject, ctx)
                if found is not None and found.actor.named:
                    claimants.append((found, n))
    return claimants


def claimed_by(tok: Token) -> list[Token]:
    """The words of who a claim or an accusation names, when ``tok`` is its verb or
    adjective and nothing negates it."""
    lemma = tok.lemma_.lower()
    verb = tok.head if lemma == "responsible" else tok
    if any(c.dep_ == "neg" for c in (*tok.children, *verb.children)):
        return []  # "denied being responsible", "did not claim"
    if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children):
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if lemma == "responsible" and tok.dep_ in ("acomp", "oprd", "amod", "xcomp"):
        # "X is responsible", "X were held responsible"; "officials held X responsible"
        if verb.lemma_.lower() in BLAME_VERBS and any(c.dep_ == "dobj" for c in verb.children):
            return [c for c in verb.children if c.dep_ == "dobj"]
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if lemma in BLAME_VERBS and lemma != "hold" and tok.pos_ == "VERB":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        return [x for c in tok.children if passive and c.dep_ == "prep" and c.lower_ == "on"
                for x in c.children if x.dep_ == "pobj"] if passive else \
            [c for c in tok.children if c.dep_ == "dobj"]
    if lemma in ATTRIBUTE_VERBS and lemma not in BLAME_VERBS:
        return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                for x in c.children if x.dep_ == "pobj"]
    return []
