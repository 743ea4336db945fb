"""Actors the text implies rather than names as a role: the crowd of a protest, an
unidentified armed group, the side that ran an operation, a group that claimed the attack.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lexicon import ARMED_CATEGORIES, slug
from ..model import Actor, Event, Participant
from ..nlp.spans import lower_text
from ..nlp.triggers import SPANS_KEY as TRIGGERS
from ..settings import setting, words
from .context import ActorMention
from .coreference import actor_at, group_name, undertaker
from .mentions import generic_actor, generic_label

if TYPE_CHECKING:
    from .context import DocContext, Mention

CROWD_CATEGORIES = words("crowd-category")
CLAIM_REACH = setting("claim-reach")
#: the kinds of events (ACLED top types) a claim or a blame may name the actor of
CLAIMABLE_TYPES = ("violence-against-civilians", "explosions-remote-violence", "battles")
#: modalities of what the text does not say happened: no attack to claim
UNREAL = ("negated", "denied", "hypothetical", "future")


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
SELF_NAMING_VERBS = words("self-naming")
CLAIM_VERBS = words("claim-verb")
HALLMARK_NOUNS = words("hallmark")
RELATIVE_PRONOUNS = words("relative-pronoun")
ANAPHORIC_DETERMINERS = words("anaphoric-determiner")
TAKE_PART_WORDS = words("take-part")
INVOLVEMENT_NOUNS = words("involvement-noun")
#: blame verbs that tell someone took part rather than accuse them: only of violence
INVOLVE_VERBS = frozenset({"involve", "implicate"})
#: blame verbs of a charge in court, which may be of any crime: only a charge of violence
CHARGE_VERBS = words("charge-verb")
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
    elif top in ("battles", "violence-against-civilians") and (
            (top == "battles" and communal_sides(res, event, ctx)) or communal_cause(res, event, ctx)):
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


def communal_cause(res, event: Event, ctx: "DocContext") -> bool:
    """Whether violence nobody is named for is told as fought over what communities, families
    and villages fight over ("a clash over a land dispute", "shot dead over previous enmity",
    "a clash over establishing supremacy in the village"): ACLED's communal violence, whose
    doers are a communal militia."""
    causes = res.lexicon.cue("communal-cause")
    for told in event.sentences[:1]:
        sent = ctx.doc.char_span(told.start, told.end, alignment_mode="expand")
        for tok in sent if sent is not None else ():
            # the head of what it is over and the words that make it ("a land dispute"), not
            # any word below it ("over the plot to kill the governor")
            if tok.lower_ == "over" and tok.dep_ == "prep" and any(
                    x.lemma_.lower() in causes for c in tok.children if c.dep_ in ("pobj", "pcomp")
                    for x in (c, *(m for m in c.children if m.dep_ in ("compound", "amod", "nmod")))):
                return True
    return False


def operation_actor(res, event: Event, sent: Span, ctx: "DocContext") -> None:
    """Fighting or a shooting nobody is named for, told in or right after a sentence about an
    operation ("the Gendarmerie ran an operation in X. A shoot-out broke out",
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


def claimed_actor(res, event: Event, ctx: "DocContext", events: list[Event] = ()) -> None:
    """An attack nobody is named for, and a named armed group (or organisation of no known
    kind) that "claimed responsibility" for it (in its sentence or a later one): the group
    is actor 1. A claim or blame farther away, before the attack or long after it, names the
    actor of "the attack" it refers to: of an attack whose own words name nobody, when the claim
    sentence is one that tells of it or the attack is the last one told before the claim."""
    if event.event_type.startswith("@") or not ctx.claimants:
        return
    for p in event.participants:
        # "police blamed X for the attack": the attacker the claim sentence's own mention named is
        # as alleged as the claim says
        if p.role == "actor1" and p.span is not None and any(
                alleged and claimant.span(ctx.doc) == p.span for claimant, _, _, alleged, _ in ctx.claimants):
            p.alleged = True
    if any(p.role == "actor1" and p.actor.named for p in event.participants):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top not in CLAIMABLE_TYPES:
        return
    where = ctx.sentence_index(event.trigger.start)
    # an attacker only implied (no words of the text name it) may give way to one named afar
    implied = not any(p.role == "actor1" and p.span is not None for p in event.participants)
    for claimant, said_in, claimed, alleged, specific in ctx.claimants:
        if claimant.actor.category == "State forces" and top == "battles":
            continue  # forces that "took part in the clash" are a side of it, not who started it
        # who claims an attack or is said to have done it is its actor, of any kind ("a group
        # calling itself X claimed the bombing", "three students were charged with the
        # killing"); one said to have taken part in it only an armed one; never its victim
        said = claimant.span(ctx.doc)
        near = where <= said_in <= where + CLAIM_REACH
        # a claim sentence that tells of the attack (its mention merged into it) names its actor
        # at any distance
        told = any(ctx.sentence_index(s.start) == said_in for s in event.sentences)
        if (near or (implied and (told or specific and claim_refers_to(res, event, said_in, events, ctx)))) \
                and (claimant.actor.category in ARMED_CATEGORIES or claimed) \
                and not any(p.span is not None and p.span.start < said.end and said.start < p.span.end
                            for p in event.participants):
            event.participants = [p for p in event.participants if p.role != "actor1"]
            event.participants.insert(0, Participant("actor1", claimant.actor, said, alleged=alleged))
            # "fighters of the FMLN were implicated": the group's name tells who, too
            name = group_name(claimant, list(ctx.doc[claimant.start:claimant.end]), ctx)
            if name is not None:
                event.participants.insert(1, Participant("actor1", claimant.actor, name.span(ctx.doc), alleged=alleged))
            return


def claim_refers_to(res, event: Event, said_in: int, events: list[Event], ctx: "DocContext") -> bool:
    """Whether "the attack" a claim or blame in sentence ``said_in`` names is ``event``: the claim
    sentence tells of it (one of its merged mentions), or it is the last attack told before the
    claim sentence (the first after it when none is told before)."""
    attacks = [e for e in events if not e.event_type.startswith("@") and e.modality not in UNREAL
               and res.lexicon.acled_types(e.event_type)[0].id in CLAIMABLE_TYPES]
    # the claim sentence's own "the attack" may stand as an event of its own: the attack it
    # points back to is told before it
    before = [e for e in attacks if ctx.sentence_index(e.trigger.start) < said_in]
    return (before[-1] if before else attacks[0] if attacks else None) is event


def find_claimants(ctx: DocContext) -> list:
    """"JNIM claimed responsibility for the attack", "the rebels are held responsible",
    "police blamed ISWAP", "an attack attributed to the ADF", "militants are suspected",
    "the work of militants", "X was behind the raid": (the claimant's mention, its sentence's
    number, whether it claims or did it, whether it is only accused or suspected of it, whether
    what it claims or is blamed for is a definite attack: "the attack", "Monday's bombing", "it")
    for every named actor that claims an attack, and every named actor or armed
    non-state group the text says did one (as ACLED codes a suspected perpetrator)."""
    claimants = []
    text = lower_text(ctx.doc)
    if not any(word in text for word in ("claim", "responsib", "blame", "accuse", "attribut", "suspect",
                                         "behind", "work of", "involv", "implicat", "part", "role", "charge",
                                         "indict", "convict", "prosecut", "sentenc", "tried", "trial", "complicit", *PERPETRATOR_NOUNS, *HALLMARK_NOUNS)):
        return claimants
    for n, sent in enumerate(ctx.sentences):
        for tok in sent:
            claim = claims(tok)
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
            doer = claim or (state and tok.lemma_.lower() not in INVOLVE_VERBS | TAKE_PART_WORDS | INVOLVEMENT_NOUNS)
            # "X was blamed for it", "X were held responsible", "the suspects in the killing"
            alleged = tok.lemma_.lower() in ALLEGING_WORDS | HALLMARK_NOUNS or (
                tok.lemma_.lower() == "responsible" and tok.head.lemma_.lower() in BLAME_VERBS)
            # "a colonel, two lieutenants and two soldiers were involved": each of the list (the
            # parse may hang the rest of a list on its first name as an apposition)
            subjects = [x for subject in claimed_by(tok, ctx)
                        for y in (subject, *(c for c in subject.children if c.dep_ == "appos"))
                        for x in (y, *y.conjuncts)]
            specific = bool(subjects) and definite_attack(claimed_object(tok, held), ctx)
            authors = [claim_author(subject, ctx) if claim else actor_at(subject, ctx) for subject in subjects]
            if any(known(found, ctx) for found in authors):
                # a name no mention knows is taken only when the claim names no known actor
                # (the parse may take a dateline's town for a second subject)
                authors = [found for found in authors if known(found, ctx)]
            for found in authors:
                # who claims it is a group (or an organisation of no known kind), not its spokesman
                if found is not None and ((found.actor.named and found.actor.category in ARMED_CATEGORIES | {None})
                                          if claim else (
                        (state or found.actor.category != "State forces") and (
                            found.actor.named or found.actor.category in ARMED_CATEGORIES or doer))):
                    claimants.append((found, n, doer, alleged, specific))
    return claimants


def claims(tok: Token) -> bool:
    """Whether ``tok`` is a verb of claiming an attack: "claim" ("claimed the bombing", "claimed
    responsibility"), or one with responsibility or the attack as its object ("accepted
    responsibility for the attack", "admitted the killing")."""
    lemma = tok.lemma_.lower()
    return lemma == "claim" or (lemma in CLAIM_VERBS and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children))


def claim_author(tok: Token, ctx: DocContext) -> ActorMention | None:
    """Who a claim of responsibility names by its subject ``tok``: the named group it stands for;
    the name it gives in apposition or by "calling itself" ("the clandestine organisation 'Black
    Hand' (BH)", "a group calling itself the Red Front"); else the proper name the subject is, as
    an organisation of no known kind when no mention knows it. A person's name is a spokesman's,
    unless it is an acronym the model took for a person."""
    found = actor_at(tok, ctx)
    if found is not None and found.actor.named and found.actor.category != "Person":
        return found
    names = [c for c in tok.children if c.dep_ == "appos"] + [
        x for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SELF_NAMING_VERBS
        for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.pos_ != "PRON"]
    for name in names:
        inner = ctx.by_token.get(name.i)
        if inner is not None and inner.actor.named and inner.actor.category != "Person":
            return inner
        made = proper_group(name, ctx)
        if made is not None:
            return made
    if found is not None and found.actor.category == "Person" and ctx.doc[found.start:found.end].text.isupper():
        return ActorMention(found.start, found.end, replace(found.actor, category=None))
    return proper_group(tok, ctx) or found


def known(found: ActorMention | None, ctx: DocContext) -> bool:
    """Whether a claimant is an actor mention of the text (not a name :func:`proper_group` made)."""
    return found is not None and found.start in ctx.by_token and ctx.by_token[found.start].actor.key == found.actor.key


def proper_group(tok: Token, ctx: DocContext) -> ActorMention | None:
    """The proper name ``tok`` heads ("the Black Hand Front", "the Sons of Dawn"), as an
    organisation of no known kind, when it is no person's, no place's and no named mention's
    (a word of it may be a common actor noun: "Sons")."""
    own = ctx.by_token.get(tok.i)
    if tok.pos_ != "PROPN" or not (tok.is_title or tok.is_upper) or (own is not None and own.actor.named) \
            or (tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC", "DATE") and not tok.is_upper) \
            or any(place.start <= tok.i < place.end for place in ctx.places(tok.sent)):
        return None
    start = tok.i
    for left in reversed(list(tok.lefts)):
        if left.i != start - 1 or left.dep_ not in ("compound", "amod", "nmod") or not (left.is_title or left.is_upper):
            break
        start = left.i
    end = tok.i + 1
    for prep in tok.rights:  # "the Sons of Dawn"
        name = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.i == end and prep.lower_ == "of" and name is not None and name.pos_ == "PROPN" and all(
                x.is_title or x.is_upper or x.i == prep.i for x in ctx.doc[prep.i:name.right_edge.i + 1]):
            end = name.right_edge.i + 1
        break
    label = ctx.doc[start:end].text
    return ActorMention(start, end, Actor(slug(label), label, None, None))


def claimed_object(tok: Token, held: Token | None) -> Token | None:
    """What a claim, blame or attribution is of: "claimed responsibility for the attack", "claimed
    the bombing", "blamed X for the killing", "the attack was attributed to X"."""
    if held is not None:
        return held
    lemma = tok.lemma_.lower()
    if claims(tok):
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIMED_WORDS:
                of = [x for h in (c, tok) for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                      for x in p.children if x.dep_ == "pobj"]
                return of[0] if of else c
    elif lemma == "behind":
        return next((c for c in tok.children if c.dep_ == "pobj"), None)
    elif lemma in BLAME_VERBS:  # "the attack was blamed on X", "police blamed the attack on X"
        return next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or next(
            (c for c in tok.children if c.dep_ == "dobj" and any(
                p.dep_ == "prep" and p.lower_ == "on" for h in (c, tok) for p in h.children)), None)
    return None


def definite_attack(noun: Token | None, ctx: DocContext) -> bool:
    """Whether a claim's object only points back to one attack the text told of: "the attack",
    "this bombing", "it"; not terrorism in general, "attacks", nor an attack it describes anew
    ("the killing of a mayor", "Monday's bombing"), which the claim sentence's own mention of
    it names and is another attack when it did not merge with the one told before."""
    if noun is None:
        return False
    if noun.lower_ in ("it", "this"):
        return True
    return names_violence(noun, ctx) and noun.tag_ != "NNS" and any(
        c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children) and not any(
        c.dep_ in ("poss", "acl", "relcl") or (c.dep_ == "prep" and describes(c, ctx)) for c in noun.children)


def describes(prep: Token, ctx: DocContext) -> bool:
    """Whether a preposition after an attack noun tells whom or where it struck ("on two soldiers",
    "of a mayor", "in Kabul"), not how it was claimed ("in a statement")."""
    return any(x.i in ctx.by_token or any(p.start <= x.i < p.end for p in ctx.places(x.sent))
               for x in prep.subtree)


def held_to(tok: Token) -> Token | None:
    """What ``tok`` says someone did, took part in or is responsible for: the object of "responsible
    for", "involved in", "took part in", "participated in", "accused of", "charged with", "the
    killers of", what is "attributed to" someone; None for other words."""
    lemma = tok.lemma_.lower()
    if lemma == "responsible":
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
    elif perpetrator(tok):
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "behind")]
    elif (lemma == "work" and tok.dep_ == "attr") or (lemma in HALLMARK_NOUNS and tok.dep_ in ("attr", "dobj")):
        # "the attack was the work of X", "the bombing bore the hallmarks of X"
        return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    elif lemma == "behind" and tok.head.lemma_.lower() == "be":
        return next((c for c in tok.children if c.dep_ == "pobj"), None)  # "X was behind the raid"
    elif lemma in INVOLVEMENT_NOUNS and tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]  # "their role in the killing"
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
    if lemma in INVOLVEMENT_NOUNS and tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
        # "their suspected involvement in the assassination", "the army's role in the killings"
        held = held_to(tok)
        if held is None or not names_violence(held, ctx):
            return []
        return [c for c in tok.children if c.dep_ == "poss"]
    if lemma in INVOLVE_VERBS | TAKE_PART_WORDS:
        # "soldiers were involved in the massacre", "guerrillas took part in the killings": only
        # a part in violence ("involved in the talks" is none)
        held = held_to(tok)
        if held is None or not names_violence(held, ctx):
            return []
        if lemma in TAKE_PART_WORDS:
            return [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ in ("VERB", "AUX") else []
    claimed = claimed_object(tok, None) if lemma in CLAIM_VERBS and claims(tok) else None
    if claimed is not None and not (claimed.pos_ == "PRON" or names_violence(claimed, ctx)):
        return []  # "admitted responsibility for the delays": only "claim" is of attacks by itself
    if claims(tok) and any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children):
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "relcl" and all(c.lower_ in RELATIVE_PRONOUNS for c in subjects):
            return [tok.head]  # "the front, which claimed responsibility"
        if not subjects and tok.dep_ == "acl":
            # "a group calling itself X claiming the attack"; "X distributed leaflets claiming
            # responsibility": who put out what claims it
            holder = tok.head
            if holder.i in ctx.by_token or holder.dep_ not in ("dobj", "pobj"):
                return [holder]
            verb = holder.head if holder.dep_ == "dobj" else holder.head.head
            return [c for c in verb.children if c.dep_ == "nsubj"]
        return subjects
    if claims(tok) and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in CLAIMED_WORDS for c in tok.children):
        # "the bombing was claimed by X"
        return [x for c in tok.children if c.dep_ == "agent" for x in c.children if x.dep_ == "pobj"]
    if lemma == "responsible" and tok.dep_ in ("acomp", "oprd", "amod", "xcomp", "ccomp"):
        # "X is responsible", "X were held responsible"; "officials held X responsible" (the
        # parse may make X the subject of "responsible" itself)
        own = [c for c in tok.children if c.dep_ == "nsubj"]
        if own:
            return own
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
        # "police blamed the bombing on insurgents": the "on" phrase of the verb or of its
        # object names who is blamed, the object what for
        on = [x for h in (tok, *(c for c in tok.children if c.dep_ == "dobj")) for c in h.children
              if c.dep_ == "prep" and c.lower_ == "on" for x in c.children if x.dep_ == "pobj"]
        held = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if on and lemma == "blame" and held is not None and names_violence(held, ctx):
            return on
        return [c for c in tok.children if c.dep_ == "dobj"]
    if lemma in ATTRIBUTE_VERBS and lemma not in BLAME_VERBS:
        return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                for x in c.children if x.dep_ == "pobj"]
    if lemma == "behind" and verb.lemma_.lower() == "be":
        return [c for c in verb.children if c.dep_ == "nsubj"]  # "X was behind the raid"
    if (lemma == "work" and tok.dep_ == "attr") or (
            lemma in HALLMARK_NOUNS and held_to(tok) is not None and names_violence(held_to(tok), ctx)):
        # "the attack was the work of X"; "the bombing bore the hallmarks of X" (of an attack: a
        # statement's signature is none)
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
