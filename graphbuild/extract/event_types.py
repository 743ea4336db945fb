"""The type of an event beyond its trigger: generic violence as an armed clash or an attack
on civilians, demonstrations turning violent or met by an intervention, mob violence.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lexicon import ARMED_CATEGORIES, slug
from ..model import Actor, Event, Participant
from ..settings import words
from .mentions import generic_actor, generic_label, is_armed

GUNFIRE_WORDS = words("gunfire")
SET_FIRE_WORDS = words("set-fire")
MEMBERSHIP_WORDS = words("membership")
OWN_CLAUSE_WORDS = words("own-clause-word")
CROWD_CATEGORIES = words("crowd-category")
NOT_MELEE_WORDS = words("not-melee")
TAKING_WORDS = words("taking")
PROTEST_PROPS = words("protest-prop")
CARRYING_VERBS = words("carrying")
FORMER_WORDS = words("former")
FACTION_WORDS = words("faction")
#: entity labels of the names of organisations and people
NAME_LABELS = ("ORG", "PERSON")
#: ACLED event types whose sides are armed: their actor 1 (and a battle's actor 2) fought.
VIOLENT_SIDES_TYPES = ("battles", "violence-against-civilians", "explosions-remote-violence")


def top_type(res, type_id: str) -> str:
    if type_id.startswith("@"):
        return "battles" if type_id in ("@violence", "@territory") else type_id
    return res.lexicon.acled_types(type_id)[0].id


def violence_type(res, participants: list[Participant], target_words: list[Token], trigger: str = "",
                  doc=None, head: Token | None = None) -> str:
    """An attack or killing is an armed clash when it targets an armed side, a military
    target ("positions", "a checkpoint") or "each other", when an armed actor acts on no target at all
    (unless the trigger, its lemmas, is one-sided: "murdered by criminals"), or when its attackers
    are the victims' rivals; an attack on civilians when it targets anyone or anything else."""
    targets = [p.actor for p in attacked(participants) if not former(p, doc)]
    if any(a.category in ARMED_CATEGORIES for a in targets):
        return "armed-clash"
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")] if head is not None else []
    once_armed = [t for t in list(target_words) + objects if former_word(t)]
    target_words = [t for t in target_words if t not in once_armed]
    if any(t.lemma_.lower() in res.lexicon.cue("military-target") and not civic_owned(res, t) for t in target_words):
        return "armed-clash"
    if any(" ".join(x.lower_ for x in t.subtree) in res.lexicon.cue("reciprocal") for t in target_words):
        return "armed-clash"  # "troops of the two countries targeted each other"
    # "a pro-government militia check point", "an army post": the target belongs to an armed side
    for t in target_words:
        for x in t.subtree:
            noun = res.lexicon.actor_nouns.get(x.lemma_.lower())
            if (x.i == t.i or (x.i < t.i and x.dep_ in ("compound", "amod", "nmod")) or carried(x, t)) \
                    and noun is not None and is_armed(noun):
                return "armed-clash"  # "killed 3 IS militants" even when "IS" misparses
    agents = [p.actor for p in participants if p.role == "actor1"]
    if not targets and not target_words and not once_armed and trigger not in res.lexicon.cue("one-sided") \
            and any(a.category in ARMED_CATEGORIES for a in agents):
        return "armed-clash"
    rivalry = res.lexicon.cue("rivalry")
    if any(p.role == "actor1" and p.span is not None and rivalry & set(re.findall(r"[a-z]+", p.span.text.lower()))
           for p in participants):
        return "armed-clash"  # "shot dead by rivals": the victims were the other side
    return "attack"


def civic_owned(res, target: Token) -> bool:
    """Whether a target belongs to an unarmed organisation or to civilians: "a labour union
    headquarters", "the headquarters of the ruling party", "the students' post"."""
    owners = [c for c in target.children if c.dep_ in ("compound", "poss", "nmod")]
    owners += [o for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    for owner in owners:
        lemma = owner.lemma_.lower()
        noun = res.lexicon.actor_nouns.get(lemma)
        if owner.pos_ == "NOUN" and (lemma in res.lexicon.cue("civic-body")
                                     or (noun is not None and not is_armed(noun))):
            return True
    return False


def attacked(participants: list[Participant]) -> list[Participant]:
    """The second side and victims of violence, leaving out words that also name its
    attackers ("the senator, murdered by criminals" misparsed with "criminals" as a victim too)."""
    agent_spans = {p.span for p in participants if p.role == "actor1" and p.span is not None}
    return [p for p in participants if p.role in ("actor2", "victim") and (p.span is None or p.span not in agent_spans)]


def crowd_type(res, event: Event, sent: Span) -> str:
    """Demonstrations turn violent ("barricaded roads with burning tyres") or meet an
    intervention ("police dispersed them"); a fight with no organised armed side
    ("migrant workers clashed with police") is mob violence, not a battle."""
    if event.event_type.startswith("@"):
        return event.event_type
    lemmas = {t.lemma_.lower() for t in sent}
    top = res.lexicon.acled_types(event.event_type)[0].id
    crowd_categories = {p.actor.category for p in event.participants if p.role == "actor1"}
    if top == "protests" and event.event_type == "peaceful-protest":
        trigger = sent.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if acts_of(sent, trigger) & res.lexicon.cue("riot") or "Rioters" in crowd_categories:
            return "violent-demonstration"
        if lemmas & res.lexicon.cue("intervention"):
            return "protest-with-intervention"
    if event.event_type == "looting-property-destruction" and crowd_categories & {"Protesters", "Rioters"}:
        trigger = sent.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trigger is not None and not {t.lemma_.lower() for t in trigger} & TAKING_WORDS:
            return "violent-demonstration"  # "protesters set fire to a truck": a demonstration turned violent
    shots = bool(lemmas & GUNFIRE_WORDS)
    if event.event_type == "attack" and not shots and any(
            p.role == "actor1" and p.actor.category == "Civilians" and not p.actor.named
            and not members(sent, p) for p in event.participants):
        return "mob-violence"  # "villagers beat up a man they suspected of theft"
    if event.event_type == "armed-clash":
        sides = [p for p in event.participants if p.role in ("actor1", "actor2")]
        # a crowd, or a party's supporters or a community the lexicon does not know as armed;
        # not "members" of something, who are an organisation's people
        crowd = [p for p in sides if (p.actor.category in CROWD_CATEGORIES and not members(sent, p))
                 or (p.actor.category is None and crowd_words(res, p, sent))]
        # an armed group on either side, or among the dead ("six guerrillas and a soldier were
        # killed in fighting"), makes it a battle: a riot needs a crowd with no organised side
        organised = [p for p in event.participants if p.role in ("actor1", "actor2", "victim")
                     and p.actor.category in ARMED_CATEGORIES - {"State forces"}]
        # "a shoot-out broke out" with the police, "three were shot dead when two clans
        # fought": whoever fires guns in a fight is an armed side, not a crowd
        gunfight = shots
        # "clashed with machetes, bows and arrows", "pelted stones at the police"
        melee = bool(lemmas & (res.lexicon.cue("melee") | res.lexicon.cue("riot") - NOT_MELEE_WORDS))
        if crowd and not gunfight and (not organised or (melee and not shots)):
            protest = any(p.actor.category == "Protesters" for p in event.participants)
            return "violent-demonstration" if protest else "mob-violence"
    return event.event_type


def state_custody(event: Event) -> None:
    """A capture by state forces ("the police captured two traffickers", "troops captured a
    rebel commander") is an arrest, as ACLED codes what the state's forces take into custody;
    a capture by an armed group ("the rebels captured a doctor") stays an abduction."""
    capturers = [p.actor for p in event.participants if p.role == "actor1"]
    if event.event_type == "capture" and capturers and all(a.category == "State forces" for a in capturers):
        event.event_type = "arrests"


def former(participant: Participant, doc) -> bool:
    """Whether a side's words name people who were once armed ("a retired police officer",
    "two ex-militants", "a former rebel"): civilians now, so violence against them is an attack."""
    if doc is None or participant.span is None:
        return False
    span = doc.char_span(participant.span.start, participant.span.end, alignment_mode="expand")
    return span is not None and (former_word(span.root) or any(t.lower_ in FORMER_WORDS for t in span))


def former_word(tok: Token) -> bool:
    """Whether a noun is modified by "former", "retired" or "ex-" ("ex - militants")."""
    if any(c.lower_ in FORMER_WORDS and c.dep_ in ("amod", "compound", "nmod", "advmod", "det") for c in tok.children):
        return True
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in FORMER_WORDS


def armed_victims(event: Event, doc=None) -> None:
    """Violence typed as an attack on civilians whose victims, once the article's mentions of
    it are merged, include an armed side ("a soldier died" told after "shelling
    and firing") is a battle, as :func:`violence_type` would have said had it seen them."""
    if event.raw_type == "@violence" and event.event_type == "attack" and any(
            p.actor.category in ARMED_CATEGORIES and not former(p, doc) for p in attacked(event.participants)):
        event.event_type = "armed-clash"


def side_categories(res, event: Event) -> None:
    """The category the violence gives its sides, as ACLED's codebook does: an organisation
    of no known kind that attacks ("Jubo League men shot a trader") or fights a battle is a political militia;
    crowds or communities that fight a battle with each other (men shot dead "in a fight
    between two clans") are communal militias, identity militias; protesters who do violence
    (a riot, an attack, a battle) are rioters."""
    if event.event_type.startswith("@"):
        return
    top = res.lexicon.acled_types(event.event_type)[0].id
    if top in VIOLENT_SIDES_TYPES or top == "riots":
        # "protesters pelted the police with stones", "AAP workers were injured by protesters":
        # a crowd that does violence is rioters, as ACLED codes a demonstration turned violent
        for p in event.participants:
            if p.role == "actor1" and not p.actor.named and p.actor.category == "Protesters":
                p.actor = generic_actor(res, "Rioters", p.actor.country)
    if top not in VIOLENT_SIDES_TYPES:
        return
    sides = [p for p in event.participants
             if p.role == "actor1" or (top == "battles" and p.role == "actor2")]
    for p in sides:
        # actor 1 of any violence, either side of a battle ("a clash between the Jubo League and
        # the Chhatra League"): an organisation of no known kind that fights is a political militia
        if p.actor.named and p.actor.category is None:
            p.actor.category = "Political militia"
    # only a fight between communities: a battle of an armed group with civilians keeps them civilians
    if top == "battles" and all(p.actor.category == "Identity militia" or (
            not p.actor.named and p.actor.category in CROWD_CATEGORIES) for p in sides):
        noun = res.lexicon.actor_nouns["communal militia"]
        for p in sides:
            if p.actor.category in CROWD_CATEGORIES:
                label = generic_label(noun.label, p.actor.country)
                p.actor = Actor(slug(label), label, noun.category, p.actor.country, named=False)
        if sides and not any(p.role == "actor2" for p in event.participants) \
                and all(not p.actor.named for p in sides):
            # "two groups clashed over a land dispute": the groups no words tell apart
            # are both communal militias, the second as the first (ACLED's "X Communal Militia"
            # against itself); its dead and wounded stay its victims
            event.participants.append(Participant("actor2", sides[0].actor, None))


def factional_sides(res, event: Event, doc) -> None:
    """A battle its own words tell as one within an organisation ("two activists of the Zorba
    League were killed in a clash between rival groups", "a factional clash of the Zorba
    League", "two factions of the Zorba League clashed"), whose sides the text names by no other
    name, is that organisation fighting itself, as
    ACLED codes a party's or a movement's infighting: the one organisation of no known kind (or
    a political militia) the event names is both its sides, a political militia."""
    if event.event_type.startswith("@") or res.lexicon.acled_types(event.event_type)[0].id != "battles":
        return
    sides = [p for p in event.participants if p.role in ("actor1", "actor2")]
    if not sides or any(p.actor.category == "State forces" for p in sides):
        return
    said = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in event.sentences]
    if not any(t.lemma_.lower() in FACTION_WORDS or t.lower_ in FACTION_WORDS for s in said if s is not None for t in s):
        return
    named = {p.actor.key: p.actor for p in event.participants
             if p.actor.named and p.actor.category in (None, "Political militia")}
    if len(named) != 1:
        return
    organisation = next(iter(named.values()))
    if any(p.actor.named and p.actor.key != organisation.key for p in sides):
        return
    organisation.category = "Political militia"
    for p in sides:
        p.actor = organisation
    if not any(p.role == "actor2" for p in sides):
        # its members the fight killed or hurt were of the other faction: its second side
        for p in event.participants:
            if p.role == "victim" and p.actor.key == organisation.key:
                p.role = "actor2"
    if not any(p.role == "actor2" for p in event.participants):
        # "two factions of the Zorba League clashed": the other faction, which no words name apart
        event.participants.append(Participant("actor2", organisation, None))


def members(sent: Span, participant: Participant) -> bool:
    """Whether an actor's words are members of a named organisation ("alleged members of the
    Red Sun cell", "Red Sun members"): its people, not a crowd as "community members" are."""
    if participant.span is None:
        return False
    span = sent.doc.char_span(participant.span.start, participant.span.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in MEMBERSHIP_WORDS:
        return False
    root = span.root
    owners = [c for c in root.children if c.dep_ in ("compound", "nmod", "poss")]
    owners += [o for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    return any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS for o in owners for t in o.subtree)


def crowd_words(res, participant: Participant, sent: Span) -> bool:
    """Whether an actor's words name unarmed people ("BJP supporters", "members of
    ANTARSYA", "Mapuche fruit sellers")."""
    if participant.span is None:
        return False
    span = sent.doc.char_span(participant.span.start, participant.span.end, alignment_mode="expand")
    if span is None:
        return False
    # "BJP supporters"; "supporters of the CNL", "activists of the Awami League and the BNP",
    # where the name hangs from "of" or is a conjunct of one that does
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    heads = [t for t in root.ancestors][:1]
    if heads and heads[0].dep_ == "prep" and heads[0].lower_ == "of":
        heads.append(heads[0].head)
    # the words of a name are no crowd: "National" in "the National Liberation Front"
    tokens = [t for t in span if t.ent_iob_ == "O" or t.ent_type_ not in NAME_LABELS] + heads
    return any(res.lexicon.actor_nouns.get(t.lemma_.lower()) is not None and t.lemma_.lower() not in MEMBERSHIP_WORDS
               and res.lexicon.actor_nouns[t.lemma_.lower()].category == "Civilians" for t in tokens)


def acts_of(sent: Span, trigger: Span | None) -> set[str]:
    """The lemmas of what a sentence says was done, leaving out what clauses about someone
    else say ("against the detention of activists accused of hurling a Molotov cocktail",
    "the return of the looted funds", "the torch movement"); "set on fire" counts as burning."""
    def own_clause(clause: Token) -> bool:
        if any(c.lower_ in OWN_CLAUSE_WORDS for c in clause.children if c.dep_ in ("advmod", "nsubj")):
            return True  # "outside the hotels where they burned tyres": what the crowd did there
        return trigger is not None and clause.left_edge.i <= trigger.start and trigger.end <= clause.right_edge.i + 1

    acts = set()
    for tok in sent:
        if tok.dep_ == "compound" or (tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD")):
            continue
        # a relative clause, or a participle about a noun ("activists accused of"), that is not
        # the event's own; "protesters burning tyres" is what the protesters did
        if any((a.dep_ == "relcl" or (a.dep_ == "acl" and a.tag_ == "VBN")) and a.head.pos_ in ("NOUN", "PROPN")
               and not own_clause(a) for a in [tok, *tok.ancestors] if a.i >= sent.start):
            continue
        if burns_prop(tok):
            continue  # "burnt an effigy of the minister": a protest's sign, not a riot
        acts.add(tok.lemma_.lower())
        if tok.lower_ == "fire" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ in SET_FIRE_WORDS:
            acts.add("burn")
    return acts


def burns_prop(tok: Token) -> bool:
    """Whether a word's object is a protest's sign ("burnt effigies", "set fire to an effigy")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in PROTEST_PROPS for o in objects)


def carried(word: Token, target: Token) -> bool:
    """Whether a word names who a targeted vehicle carried ("a vehicle carrying Levies
    personnel", "a bus transporting soldiers"): its passengers are the target."""
    verb = word.head
    while verb.dep_ in ("compound", "amod", "conj") and verb.head.i != verb.i and verb.i != target.i:
        verb = verb.head
    return word.dep_ in ("dobj", "compound", "amod", "conj") and verb.head.i == target.i and verb.dep_ == "acl" \
        and verb.lemma_.lower() in CARRYING_VERBS
