"""Actors the text implies rather than names as a role: the crowd of a protest, an
unidentified armed group, the side that ran an operation, a group that claimed the attack.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lexicon import ARMED_CATEGORIES, slug
from ..model import Actor, Event, Participant
from ..nlp.spans import lower_text
from ..nlp.triggers import SPANS_KEY as TRIGGERS
from ..settings import setting, words
from .coreference import actor_at, undertaker
from .mentions import generic_actor, generic_label

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
STATE_OPERATION_WORDS = words("state-operation")
BLAME_VERBS = words("blame")
ATTRIBUTE_VERBS = words("attribute")
TAKE_PART_WORDS = words("take-part")
#: blame verbs that tell someone took part rather than accuse them: only of violence
INVOLVE_VERBS = frozenset({"involve", "implicate"})
#: blame verbs of a charge in court, which may be of any crime: only a charge of violence
CHARGE_VERBS = frozenset({"charge", "indict"})
PERPETRATOR_NOUNS = words("perpetrator")
#: perpetrator nouns that need an attack in their "of"/"in" phrase ("the suspects in the killing")
VAGUE_PERPETRATORS = frozenset({"suspect", "author"})
#: words by which the text only accuses or suspects someone of an attack (its actor is alleged)
ALLEGING_WORDS = (BLAME_VERBS | ATTRIBUTE_VERBS) - {"hold", "involve"}


def unidentified_actor(res, event: Event, ctx: "DocContext", battles: bool = False) -> None:
    """Violence whose perpetrator the text does not name ("a man was shot dead", "an IED
    exploded", "a body was found with gunshot wounds", "a shoot-out took place") is coded,
    as ACLED does, to an unidentified armed group of the country; an air or drone strike,
    which takes an air force, to a military (of no country: the text does not say whose);
    a clash "between two groups" to a communal militia; violence in a security operation to
    the military of the country."""
    if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
        return
    if event.modality in ("negated", "denied", "hypothetical", "future", "generic"):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in ("violence-against-civilians", "explosions-remote-violence") + (("battles",) if battles else ()):
        return
    country = (event.place.country if event.place else None) or (
        res.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
    category = "armed"
    if event.event_type == "air-drone-strike":
        # whose air force the text does not say: strikes are often a foreign state's
        category, country = "State forces", None
    elif top == "battles" and communal_sides(res, event, ctx):
        category = "Identity militia"
    elif state_operation(res, event, ctx):
        category = "State forces"
    else:
        agent = armed_agent(event, ctx)
        if agent is not None:
            event.participants.insert(0, Participant("actor1", agent.actor, agent.span(ctx.doc)))
            return
    # no words of the text name who did it ("a bomb exploded"): the event's own word is not
    # evidence of an actor
    event.participants.insert(0, Participant("actor1", generic_actor(res, category, country), None))


def armed_agent(event: Event, ctx: "DocContext"):
    """The armed non-state group the event's sentence names as the doer of something ("killed in
    a firing incident by suspected separatists", "wounded in an ambush by insurgents") where the
    parse did not tie it to the event's own word: the one mention of an agent phrase ("by X") that
    is no participant yet, else None."""
    taken = {p.actor.key for p in event.participants}
    found = {}
    for told in event.sentences[:1]:
        sent = ctx.doc.char_span(told.start, told.end, alignment_mode="expand")
        for tok in sent if sent is not None else ():
            if tok.dep_ != "pobj" or tok.head.lower_ != "by":
                continue
            mention = actor_at(tok, ctx)
            if mention is not None and mention.actor.key not in taken \
                    and mention.actor.category in ARMED_CATEGORIES - {"State forces"}:
                found[mention.actor.key] = mention
    return next(iter(found.values())) if len(found) == 1 else None


def arresting_actor(res, event: Event, ctx: "DocContext", events: list[Event]) -> None:
    """An arrest nobody is named for ("a party leader was arrested in Dhaka") is made by the
    state, as ACLED codes arrests: the police of the event's country is actor 1. Only when the
    arrest is all the article tells: arrests after a clash ("one was killed and another
    detained in an exchange of fire") or a seizure may be those sides' doing."""
    if event.event_type != "arrests" or any(p.role == "actor1" for p in event.participants):
        return
    if any(other is not event for other in events):
        return
    if event.modality in ("negated", "denied", "hypothetical", "future", "generic"):
        return
    country = (event.place.country if event.place else None) or (
        res.gazetteer.country_name(ctx.main_country) if ctx.main_country else None)
    label = generic_label(res.lexicon.actor_nouns["police"].label, country)
    # no words of the text name the arresters: the trigger is not their evidence
    event.participants.insert(0, Participant("actor1", Actor(slug(label), label, "State forces", country,
                                                            named=False), None))


def state_operation(res, event: Event, ctx: "DocContext") -> bool:
    """Whether violence is told as part of a security, search or intelligence-based operation
    whose side the text does not name ("rebels died in a cordon-and-search operation"): states
    run those, so the military of the country is actor 1."""
    for told in event.sentences[:1]:
        sent = ctx.doc.char_span(told.start, told.end, alignment_mode="expand")
        for noun in sent if sent is not None else ():
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in res.lexicon.cue("operation") and any(
                    x.i < noun.i and x.lemma_.lower() in STATE_OPERATION_WORDS for x in noun.subtree):
                return True
    return False


def communal_sides(res, event: Event, ctx: "DocContext") -> bool:
    """Whether a fight is told as one "between two groups" (rival groups, families, clans)
    without naming them: ACLED's communal violence, whose sides are communal militias."""
    sides = res.lexicon.cue("communal-side")
    for told in event.sentences[:1]:
        sent = ctx.doc.char_span(told.start, told.end, alignment_mode="expand")
        for tok in sent if sent is not None else ():
            if tok.lower_ == "between" and any(c.dep_ == "pobj" and c.lemma_.lower() in sides
                                               for c in tok.children):
                return True
    return False


def operation_actor(res, event: Event, sent: Span, ctx: "DocContext") -> None:
    """Fighting or a shooting nobody is named for, told in or right after a sentence about an
    operation ("the Military Police carried out an operation in X. A shoot-out broke out",
    "killed during security operations carried out by the Gendarmerie"): the armed side
    that ran the operation is actor 1."""
    if event.event_type.startswith("@") or any(p.role == "actor1" for p in event.participants):
        return
    if event.modality in ("negated", "denied", "hypothetical", "future", "generic"):
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
    """An attack nobody is named for, and a named armed group (or organisation of no known
    kind) that "claimed responsibility" for it (in its sentence or a later one): the group
    is actor 1."""
    if event.event_type.startswith("@") or not ctx.claimants or any(
            p.role == "actor1" and p.actor.named for p in event.participants):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in ("violence-against-civilians", "explosions-remote-violence", "battles"):
        return
    where = ctx.sentence_index(event.trigger.start)
    for claimant, said_in, claimed, alleged in ctx.claimants:
        if claimant.actor.category == "State forces" and top == "battles":
            continue  # forces that "took part in the clash" are a side of it, not who started it
        # who claims an attack or is said to have done it is its actor, of any kind ("a group
        # calling itself X claimed the bombing", "three students were charged with the
        # killing"); one said to have taken part in it only an armed one; never its victim
        said = claimant.span(ctx.doc)
        if where <= said_in <= where + CLAIM_REACH and (claimant.actor.category in ARMED_CATEGORIES or claimed) \
                and not any(p.span is not None and p.span.start < said.end and said.start < p.span.end
                            for p in event.participants):
            event.participants = [p for p in event.participants if p.role != "actor1"]
            event.participants.insert(0, Participant("actor1", claimant.actor, said, alleged=alleged))
            return


def find_claimants(ctx: DocContext) -> list:
    """"JNIM claimed responsibility for the attack", "the rebels are held responsible",
    "police blamed ISWAP", "an attack attributed to the ADF", "militants are suspected",
    "the work of militants", "X was behind the raid": (the claimant's mention, its sentence's
    number, whether it claims or did it, whether it is only accused or suspected of it) for every named actor that claims an attack, and every named actor or armed
    non-state group the text says did one (as ACLED codes a suspected perpetrator)."""
    claimants = []
    text = lower_text(ctx.doc)
    if not any(word in text for word in ("claim", "responsib", "blame", "accuse", "attribut", "suspect",
                                         "behind", "work of", "involv", "implicat", "part", "role", "charge",
                                         "indict", *PERPETRATOR_NOUNS)):
        return claimants
    for n, sent in enumerate(ctx.sentences):
        for tok in sent:
            claim = tok.lemma_.lower() == "claim"
            # "held responsible for the killings", "took part in the massacre": said of state
            # forces too, who are then its perpetrators (an accusation or suspicion is not)
            # "the killers were soldiers", "police accused three soldiers of the massacre": who did
            # it, or is accused of it, by name of the attack may be state forces too, and anyone
            # ("students were charged with the killing")
            held = None if claim or perpetrator(tok) else held_to(tok)
            state = (tok.lemma_.lower() != "suspect") if perpetrator(tok) else (
                held is not None and names_violence(held, ctx))
            # who is said to have done it is, like a claimant, its doer; one said to have taken
            # part in it may be anyone ("the tourist police took part in the clash")
            doer = claim or (state and tok.lemma_.lower() not in INVOLVE_VERBS | TAKE_PART_WORDS)
            # "X was blamed for it", "X were held responsible", "the suspects in the killing"
            alleged = tok.lemma_.lower() in ALLEGING_WORDS or (
                tok.lemma_.lower() == "responsible" and tok.head.lemma_.lower() in BLAME_VERBS)
            for subject in claimed_by(tok, ctx):
                found = actor_at(subject, ctx)
                # who claims it is a group (or an organisation of no known kind), not its spokesman
                if found is not None and ((found.actor.named and found.actor.category in ARMED_CATEGORIES | {None})
                                          if claim else (
                        (state or found.actor.category != "State forces") and (
                            found.actor.named or found.actor.category in ARMED_CATEGORIES or doer))):
                    claimants.append((found, n, doer, alleged))
    return claimants


def held_to(tok: Token) -> Token | None:
    """What ``tok`` says someone did, took part in or is responsible for: the object of "responsible
    for", "involved in", "took part in", "participated in", "accused of", "charged with", "the
    killers of", what is "attributed to" someone; None for other words."""
    lemma = tok.lemma_.lower()
    if lemma == "responsible":
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
    elif perpetrator(tok):
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "behind")]
    elif lemma in INVOLVE_VERBS | TAKE_PART_WORDS:
        holder = tok.head if tok.dep_ == "dobj" else tok  # "took part in": the "in" may hang on either
        preps = [c for c in (*tok.children, *holder.children) if c.dep_ == "prep" and c.lower_ == "in"]
    elif lemma in ATTRIBUTE_VERBS and lemma not in BLAME_VERBS:
        # "the attack was attributed to X", "police attributed the bombing to X"
        return next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
    elif lemma in BLAME_VERBS and lemma != "hold" and tok.pos_ == "VERB":
        # "accused of the massacre", "charged with the killing", "suspected of having planted the bomb"
        # (the parse may hang the "of" on the accused: "accused three soldiers of the killings")
        preps = [c for x in (tok, *(c for c in tok.children if c.dep_ == "dobj")) for c in x.children
                 if c.dep_ == "prep" and c.lower_ in ("of", "for", "with")]
    else:
        return None
    held = next((x for c in preps for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
    if held is not None and held.dep_ == "pcomp" and held.pos_ in ("VERB", "AUX"):
        # "accused of committing the massacre": the massacre, unless the verb is the attack itself
        held = next((c for c in held.children if c.dep_ == "dobj"), held)
    return held


def names_violence(noun: Token, ctx: DocContext) -> bool:
    """Whether a noun names an attack or a killing: a claimed word or an event trigger."""
    return noun.lemma_.lower() in CLAIMED_WORDS or any(
        span.start <= noun.i < span.end for span in ctx.doc.spans.get(TRIGGERS, ()))


def claimed_by(tok: Token, ctx: DocContext) -> list[Token]:
    """The words of who a claim, an accusation, a suspicion or a part in violence names, when
    ``tok`` is its verb, adjective or noun and nothing negates it."""
    lemma = tok.lemma_.lower()
    verb = tok.head if lemma in ("responsible", "behind") or (lemma in TAKE_PART_WORDS and tok.dep_ == "dobj") else tok
    if any(c.dep_ == "neg" for c in (*tok.children, *verb.children)):
        return []  # "denied being responsible", "did not claim"
    if lemma in INVOLVE_VERBS | TAKE_PART_WORDS:
        # "soldiers were involved in the massacre", "guerrillas took part in the killings": only
        # a part in violence ("involved in the talks" is none)
        held = held_to(tok)
        if held is None or not names_violence(held, ctx):
            return []
        if lemma in TAKE_PART_WORDS:
            return [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ in ("VERB", "AUX") else []
    if lemma == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children):
        return [c for c in tok.children if c.dep_ == "nsubj"]
    if lemma == "responsible" and tok.dep_ in ("acomp", "oprd", "amod", "xcomp"):
        # "X is responsible", "X were held responsible"; "officials held X responsible"
        if verb.lemma_.lower() in BLAME_VERBS and any(c.dep_ == "dobj" for c in verb.children):
            return [c for c in verb.children if c.dep_ == "dobj"]
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if perpetrator(tok):
        return perpetrator_named(tok, ctx)
    if lemma in BLAME_VERBS and lemma != "hold" and tok.pos_ == "VERB":
        held = held_to(tok)
        if lemma in CHARGE_VERBS and (held is None or not names_violence(held, ctx)):
            return []  # "the rebels were charged with the kidnapping"; "charged with fraud" is no attack
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "ten people suspected of planting the bomb", "soldiers accused of the massacre"
            return [tok.head] if held is not None and names_violence(held, ctx) else []
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # "the attack was blamed on X"; "X was blamed for it", "X is suspected"
            on = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                  for x in c.children if x.dep_ == "pobj"]
            return on or [c for c in tok.children if c.dep_ == "nsubjpass"]
        return [c for c in tok.children if c.dep_ == "dobj"]
    if lemma in ATTRIBUTE_VERBS and lemma not in BLAME_VERBS:
        return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                for x in c.children if x.dep_ == "pobj"]
    if lemma == "behind" and verb.lemma_.lower() == "be":
        return [c for c in verb.children if c.dep_ == "nsubj"]  # "X was behind the raid"
    if lemma == "work" and tok.dep_ == "attr":
        return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for x in c.children if x.dep_ == "pobj"]  # "the attack was the work of X"
    return []


def perpetrator(tok: Token) -> bool:
    """Whether ``tok`` is a noun for who did an attack ("the murderers", "the suspects")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in PERPETRATOR_NOUNS


def perpetrator_named(noun: Token, ctx: DocContext) -> list[Token]:
    """Whom the sentence says the perpetrators of an attack were: "the killers were soldiers",
    "the perpetrators were identified as X", "the murderers of the priest belong to X",
    "X are the authors of the bombing", "the attackers, members of X". A "suspect" or an
    "author" only with the attack in its "of"/"in" phrase; the attackers of a pronoun or a
    perpetrator noun of another kind are none."""
    held = held_to(noun)
    if held is not None and not names_violence(held, ctx) or (
            held is None and noun.lemma_.lower() in VAGUE_PERPETRATORS):
        return []
    verb = noun.head
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("whether", "if")) for c in verb.children):
        return []  # "the killers were not soldiers", "unclear whether the perpetrators were X"
    lemma = verb.lemma_.lower()
    if noun.dep_ in ("nsubj", "nsubjpass"):
        if lemma == "be":
            return [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
        preps = {"identify": "as", "belong": "to"}.get(lemma)
        return [x for c in verb.children if c.dep_ == "prep" and c.lower_ == preps
                for x in c.children if x.dep_ == "pobj"]
    if noun.dep_ == "attr" and lemma == "be":
        return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if held is None:
        return []  # "an unidentified assailant shot dead X, a former mayor": no identity told
    if noun.dep_ == "appos":
        return [verb] if verb.pos_ in ("NOUN", "PROPN") else []  # "X, the authors of the attack"
    return [c for c in noun.children if c.dep_ == "appos"]
