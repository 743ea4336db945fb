"""Event mentions of one sentence: its triggers that name a specific happening, weapons kept
from use (disrupted weapons use), demonstrations told without a protest word, and one
mention per happening (death reports and generic violence join the specific event).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lexicon import ARMED_CATEGORIES
from ..settings import words
from .context import Mention
from .coreference import actor_at, inherited_subject
from .event_types import burns_prop, top_type
from .gatherings import (armed_post, arrests_at, concluded, conjoined, demanded, protest_crowd, set_aside,
                         work_stoppage)
from .roles import assign_roles, leader_compound

if TYPE_CHECKING:
    from .context import DocContext

FOUND_VERBS = words("found")
DAMAGE_VERBS = words("damage")
CROWD_ACTS = words("crowd-act")
BLOCKADES = words("blockade")
DEATH_VERBS = words("death")
RIOT_PARTS = words("riot-part")
ONE_SIDED = words("one-sided")
BODY_WORDS = words("body")
ALLEGATION_PREPS = words("allegation-prep")
RELEASE_VERBS = words("release")
CROWD_CATEGORIES = words("crowd-category")
DEMAND_VERBS = words("demand")
SEARCH_PREPS = words("search-prep")
INSTRUMENT_PREPS = words("instrument-prep")
DISMISSAL_VERBS = words("dismissal")
VERB_TARGET_PREPS = words("verb-target-prep")
BLAST_OBJECTS = words("blast-object")
CUSTODY_TYPES = words("custody-type")
#: ACLED types of harm done by an armed side: arrests told with it are part of it
HARM_TOPS = ("battles", "violence-against-civilians")
#: the links from a list's item, or from what an amount is of, to the noun that heads it
LIST_DEPS = ("conj", "appos", "pobj", "prep", "compound")
LIST_PREPS = ("of", "with", "including")
#: the ACLED types of harm, and property destruction, whose verbs' "-ing" nouns name the event
#: ("the burning of buses", "the dynamiting of a pylon"); not a gathering's ("the gathering of evidence")
HARM_GERUND_TOPS = ("battles", "violence-against-civilians", "explosions-remote-violence")


def gerund(head: Token, trig) -> bool:
    """A verb's trigger matched its "-ing" form used as a noun ("the burning of buses")."""
    return trig.pos in ("VERB", "ANY") and len(trig.lemmas) == 1 and head.pos_ in ("NOUN", "PROPN") \
        and head.lower_.endswith("ing") and head.lower_ != trig.lemmas[0]


def nominalised(res, head: Token, trig) -> bool:
    """An "-ing" noun of a verb of harm or destruction that names what it was done to ("the
    dynamiting of a pylon", "the machinegunning of a bus"): the event itself, not a kind of
    thing ("a burning sensation")."""
    if trig.event_type != "looting-property-destruction" and top_type(res, trig.event_type) not in HARM_GERUND_TOPS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
               for c in head.children)


def sentence_mentions(res, sent: Span, found: list, ctx: "DocContext") -> list[Mention]:
    matches = []
    for trig, start, end in found:
        span = sent.doc[start:end]
        head = span.root
        if gerund(head, trig):
            if not nominalised(res, head, trig):
                continue
        elif trig.pos == "VERB" and head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if trig.pos == "NOUN" and head.pos_ not in ("NOUN", "PROPN"):
            continue
        if trig.pos == "ANY" and head.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
            continue
        if head.ent_type_ in ("DATE", "TIME"):
            continue  # "in March": a month, not a demonstration
        matches.append((span, head, trig))
    # the longest match wins where matches overlap
    matches.sort(key=lambda m: -(m[0].end - m[0].start))
    chosen, used = [], set()
    for span, head, trig in matches:
        if any(i in used for i in range(span.start, span.end)):
            continue
        used.update(range(span.start, span.end))
        chosen.append((span, head, trig))
    chosen.sort(key=lambda m: m[0].start)
    mentions, weapon = disruptions(res, sent, ctx), None
    disrupted = {t.i for m in mentions for t in m.targets} | {m.head.i for m in mentions}
    for span, head, trig in chosen:
        if head.i in disrupted:
            continue  # the bombs the police recovered are no explosion
        if backing(res, head):
            continue  # "fighters backed by US-led airstrikes": how a force is backed, neither a strike nor a weapon
        if dismissal(head, ctx):
            continue  # "if they don't vote, they'll be fired": a job lost, not gunfire
        if not concluded(head):
            continue  # "under the agreement": an agreement spoken of, not one signed
        if demanded(trig.event_type, head):
            continue  # "demanding the arrest of the killers": a demand, not an arrest
        if trig.event_type == "peaceful-protest" and (not work_stoppage(head) or armed_post(res, head)):
            continue  # "a strike on a convoy": a military strike; "a police picket": a post
        if not battled(res, head):
            continue  # "firefighters battled a blaze", "battling corruption": no fight with an armed side
        if not blown_up(res, head) or (head.pos_ == "VERB" and burns_prop(head)):
            continue  # "blasted the minister's remarks": criticism; "burnt an effigy": a protest's sign
        if not is_specific(res, head, span):
            # "with an IED west of Rafah" misparsed as a modifier still names the weapon
            if trig.cue and top_type(res, trig.event_type) == "explosions-remote-violence":
                weapon = weapon or trig.event_type
            continue
        mention = Mention(trig.event_type, head, span, cue=trig.cue)
        assign_roles(res, mention, ctx)
        if mention.event_type == "@violence" and head.lemma_.lower() in DEATH_VERBS \
                and not mention.roles.get("actor1") and not mention.roles.get("actor2"):
            mention.event_type = "@death"  # "one protester was killed": a toll, not an event
        if top_type(res, mention.event_type) == "explosions-remote-violence" and mishap(res, head):
            mention.event_type = "disrupted-weapons-use"  # "a mortar shell exploded prematurely"
        if mention.event_type == "flight" and (escapes_event(res, head, chosen) or not any(
                a.actor.category == "Civilians" for a in mention.roles.get("actor1", []))):
            continue  # only civilians fleeing is displacement; a leader fleeing a coup is not an event
        mentions.append(mention)
    if any(m.event_type != "flight" for m in mentions):
        # "fighters surrendered and civilians fled", "families fled as the groups clashed": the
        # flight is part of the story of the event its sentence tells, not an event of its own
        mentions = [m for m in mentions if m.event_type != "flight"]
    if mutual(res, sent):
        for m in mentions:  # "explosions in both directions of the frontline": an exchange of fire
            if m.event_type == "shelling-artillery-missile-attack":
                m.event_type = "armed-clash"
    violent_heads = {m.head.i for m in mentions if m.event_type == "@violence" or m.event_type in res.violent_types}
    mentions = group_sentence(mentions, res.violent_types, lambda type_id: top_type(res, type_id))
    if any(m.event_type in res.violent_types for m in mentions):
        # "shelled the town, destroying houses", "an airstrike destroyed a depot": the damage
        # the attack did, not another event
        damage = [m for m in mentions if m.event_type == "looting-property-destruction"
                  and m.head.lemma_.lower() in DAMAGE_VERBS]
        mentions = [m for m in mentions if all(m is not d for d in damage)]
        attack = next((m for m in mentions if m.event_type in res.violent_types), None)
        for m in damage if attack is not None else ():  # what the damage hit is the attack's target
            attack.physical.extend(t for t in m.physical if t not in attack.physical)
    for m in mentions:
        if m.event_type == "@violence":
            m.weapon = weapon
    crowd = crowd_mentions(res, sent, ctx, riot_only=True)
    riot = next((m for m in mentions if top_type(res, m.event_type) in ("protests", "riots")),
                crowd[0] if crowd else None)
    if riot is not None and riot in mentions and set_aside(res, riot, mentions, lambda t: top_type(res, t), violent_heads):
        # "ahead of their bandh, rebels killed two villagers", "gunmen fired at a rally": the
        # violence is the event; the protest only dates it, or was its target
        mentions.remove(riot)
        riot = None
    riot = arrests_at(res, riot, mentions)
    if riot is not None:
        # "demonstrators threw stones and set fire to banks, and the army fired rubber
        # bullets": one violent demonstration, the army its other side
        for m in [m for m in mentions if m is not riot and m.event_type in RIOT_PARTS]:
            if riot.event_type == "peaceful-protest" and m.event_type != "looting-property-destruction" \
                    and m.head.dep_ not in ("relcl", "acl") and m.roles.get("victim", []) + m.roles.get("actor2", []) \
                    and any(a.actor.category in ("Protesters", "Rioters") or protest_crowd(sent.doc[a.start:a.end])
                            for a in m.roles.get("actor1", [])):
                # "supporters of the bandh attacked a constable": the protest's own crowd did it
                riot.event_type = "violent-demonstration"
            for am in m.roles.get("actor1", []):
                if am.actor.category not in CROWD_CATEGORIES:
                    riot.roles.setdefault("actor2", []).append(am)
            for am in m.roles.get("victim", []) + m.roles.get("actor2", []):
                if am.actor.category not in ("Protesters", "Rioters"):
                    riot.roles.setdefault("actor2", []).append(am)
            mentions.remove(m)
        if riot not in mentions:
            mentions.append(riot)
    return mentions


def blown_up(res, head: Token) -> bool:
    """"Blasted" is an explosion when what it blew up is a weapon or a structure ("crude bombs
    were blasted", "blasted a bridge"), not when it is criticism ("blasted the minister")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "VERB" or not (lemma == "blast" or (
            lemma == "go" and any(c.lower_ == "off" and c.dep_ == "prt" for c in head.children))):
        return True
    # "went off" names an explosion only with a weapon as its subject ("a bomb went off", not an alarm)
    deps = ("nsubj",) if head.lemma_.lower() == "go" else ("dobj", "nsubjpass")
    things = [c for c in head.children if c.dep_ in deps]
    things += [x for t in things for x in t.conjuncts]
    weapons = res.lexicon.cue("weapon") | (BLAST_OBJECTS if head.lemma_.lower() == "blast" else {"cocktail", "cracker"})
    return any(t.lemma_.lower() in weapons or t.lower_ in weapons for t in things)


def battled(res, head: Token) -> bool:
    """"Battled" is a fight when it has no object ("troops and rebels battled near the border")
    or its object is a side ("battled the rebels", "battled each other"), not "battled a blaze"."""
    if head.pos_ != "VERB" or head.lemma_.lower() != "battle":
        return True
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return not objects or any(
        o.ent_type_ in ("ORG", "NORP", "PERSON") or o.lower_ in ("each", "other") or (
            res.lexicon.actor_nouns.get(o.lemma_.lower()) is not None
            and res.lexicon.actor_nouns[o.lemma_.lower()].category != "Civilians") for o in objects)


def disruptions(res, sent: Span, ctx: "DocContext") -> list[Mention]:
    """Weapons kept from use, ACLED's disrupted weapons use: "police recovered 153 crude
    bombs", "defused an IED", "discovered a cache of explosives", "shot down a drone", and a
    bomb that state forces detonated ("the army detonated a car bomb"). The mention's
    targets are the weapon words, which then name no explosion of their own."""
    found = []
    disrupt, weapons = res.lexicon.cue("disrupt"), res.lexicon.cue("weapon")
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        controlled = bool({lemma, f"{lemma} {particle}"} & res.lexicon.cue("controlled"))
        if not (lemma in disrupt or f"{lemma} {particle}" in disrupt or controlled):
            continue
        # a noun conjoined to the verb is an item of its object's list the parser cut off
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                   or (c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]
        # "a cache of explosives", "arms and ammunition including two mortar shells"
        words = [t for o in objects for t in o.subtree
                 if t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in weapons or t.lower_ in weapons)]
        words = [w for w in words if any(listed(w, o) for o in objects) or any(o.lemma_.lower() in weapons for o in objects)]
        if not words:
            continue
        mention = Mention("disrupted-weapons-use", verb, sent.doc[verb.i:verb.i + 1])
        assign_roles(res, mention, ctx)
        if controlled and not any(a.actor.category == "State forces" for a in mention.roles.get("actor1", [])):
            continue  # militants detonating a bomb is an explosion
        if controlled and any(t.dep_ == "prep" and t.lower_ in INSTRUMENT_PREPS or
                              t.dep_ == "advcl" and t.lemma_.lower() == "use" for t in verb.subtree):
            continue  # "destroyed a depot with artillery fire" is an attack on it
        # the raid or search the weapons were found in is the same event ("seized rifles during a raid")
        searches = res.lexicon.cue("search")
        mention.targets = words + [o for p in verb.children if p.dep_ == "prep" and p.lower_ in SEARCH_PREPS
                                   for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in searches]
        found.append(mention)
    return found


def listed(word: Token, obj: Token) -> bool:
    """Whether ``word`` is one of the things ``obj`` names: itself, an item of its list or of
    what it is an amount of ("seized rifles, dynamite and 22 bombs", "a large amount of weapons,
    radios and grenades", "a launcher with 9 grenades"), not a word of a clause about it."""
    node = word
    while node.i != obj.i:
        if node.dep_ not in LIST_DEPS or node.head.i == node.i or (
                node.dep_ == "prep" and node.lower_ not in LIST_PREPS):
            return False
        node = node.head
    return True


def crowd_mentions(res, sent: Span, ctx: "DocContext", riot_only: bool = False) -> list[Mention]:
    """A demonstration told without a protest word: "protesters blocked the road",
    "residents barricaded roads with burning tyres", "demonstrators threw stones"."""
    verbs = res.lexicon.cue("riot") if riot_only else res.lexicon.cue("crowd") | res.lexicon.cue("riot")
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects and tok.dep_ == "conj":  # "workers gathered and demanded their wages"
            subjects = [s for s in [inherited_subject(tok)] if s is not None]
        for subject in subjects:
            mention = actor_at(subject, ctx)
            if mention is None:
                continue
            category = mention.actor.category
            verb = tok.lemma_.lower()
            if category in ("Protesters", "Rioters") or (
                    category == "Civilians" and not mention.actor.named and verb in CROWD_ACTS) or (
                    # "workers of a construction company demanded their wages"
                    category == "Civilians" and not mention.actor.named and verb in DEMAND_VERBS
                    and claimants(res, sent.doc[mention.start:mention.end].root)) or (
                    # "members of the ruling party blocked the mayor's office"
                    mention.actor.named and category not in ARMED_CATEGORIES | {"Person"} and verb in BLOCKADES):
                found = Mention("peaceful-protest", tok, sent.doc[tok.i:tok.i + 1])
                found.roles["actor1"] = [mention]
                return [found]
    if riot_only:
        return []
    # "police dispersed about 180 migrant labourers": a gathering met by an intervention
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in res.lexicon.cue("intervention"):
            continue
        crowd = [m for m in (actor_at(c, ctx) for c in tok.children if c.dep_ == "dobj") if m is not None
                 and m.actor.category in CROWD_CATEGORIES and not m.actor.named]
        police = [m for m in (actor_at(c, ctx) for c in tok.children if c.dep_ == "nsubj") if m is not None
                  and m.actor.category == "State forces"]
        if crowd and police:
            found = Mention("peaceful-protest", tok, sent.doc[tok.i:tok.i + 1])
            found.roles["actor1"], found.roles["actor2"] = crowd, police
            return [found]
    return []


def claimants(res, noun: Token) -> bool:
    """Several people of a kind that presses collective claims ("workers", "nurses")."""
    words = res.lexicon.cue("claimant")
    return noun.tag_ in ("NNS", "NNPS") and (noun.lemma_.lower() in words or any(
        f"{c.lower_} {noun.lemma_.lower()}" in words for c in noun.children if c.dep_ in ("compound", "amod")))


def dismissal(head: Token, ctx: "DocContext") -> bool:
    """"they'll fire us", "two employees were fired": a person fired, with no "at" or "on"
    for a target, lost a job; "fired on protesters" and "shots were fired" are gunfire."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in DISMISSAL_VERBS \
            or any(c.dep_ == "prep" and c.lower_ in VERB_TARGET_PREPS for c in head.children):
        return False
    people = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any((c.pos_ == "PRON" and ("1" in c.morph.get("Person") or "2" in c.morph.get("Person")
                                      or c.lower_ in ("him", "her", "he", "she")))
               or (c.i in ctx.by_token and ctx.doc[ctx.by_token[c.i].start:ctx.by_token[c.i].end].root.i == c.i)
               for c in people)


def is_specific(res, head: Token, span: Span) -> bool:
    """False for generic or modifying uses: "other battles", "battle-hardened",
    "detention centre", "a protest movement"."""
    doc = head.doc
    if head.i + 1 < len(doc) and doc[head.i + 1].text == "-" and head.pos_ != "VERB":
        return False
    if head.lemma_.lower() in BODY_WORDS and head.head.lemma_.lower() not in FOUND_VERBS:
        return False  # "a body of a man was found" counts; "a governing body" does not
    if head.pos_ in ("VERB", "ADJ") and head.dep_ == "amod":
        return False  # "captured fighters", "wounded soldiers": a state, not an event
    if head.pos_ == "VERB" and habitual(res, head):
        return False  # "the two groups often attack each other's positions"
    charged = head
    while charged.dep_ == "conj" and charged.head.i != charged.i:
        charged = charged.head  # "warrants for ambushes and bombings"
    if charged.dep_ in ("pcomp", "pobj") and charged.head.lower_ in ALLEGATION_PREPS \
            and charged.head.head.lemma_.lower() in res.lexicon.cue("allegation") \
            and (charged.head.head.dep_ in ("acl", "relcl") or charged.head.head.pos_ == "NOUN"):
        # "a man suspected of kidnapping a child", "on trial on charges of murder": what
        # someone the sentence speaks of is accused of; "police are accused of assaulting a
        # driver" is the claim reported
        return False
    lemma = head.lemma_.lower()
    if lemma in res.lexicon.cue("activity") and not (
            (head.dep_ == "dobj" and head.head.lemma_.lower() in res.lexicon.cue("light"))
            or (head.dep_ in ("nsubj", "nsubjpass") and (head.head.lemma_.lower() in res.lexicon.cue("occur") or (
                head.head.lemma_.lower() == "take" and any(c.lower_ == "place" for c in head.head.children))))):
        return False  # "conducted a patrol" is one; "an attack on a patrol" names a target
    if lemma in RELEASE_VERBS and head.pos_ == "VERB":
        # "the Taliban released 48 soldiers": people set free, not a statement or a video
        held = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        held += [x for c in held for x in c.subtree if x.dep_ == "pobj"]
        if not any(t.lemma_.lower() in res.lexicon.cue("captive") for t in held):
            return False
    if said_habitual(res, head):
        return False  # "kidnappings are commonplace", "assassinations are a regular event"
    if campaign(res, head):
        return False  # "vowed to fight corruption", "the fight against terrorism": a campaign, not a clash
    if head.pos_ in ("NOUN", "PROPN"):
        # "staged a demonstration denouncing ...", parsed as a compound of a participle
        verb = head.head.head
        misparsed = head.head.lower_.endswith("ing") and head.head.dep_ == "dobj" and bool(
            {verb.lemma_.lower(), verb.lower_[:-1], verb.lower_[:-2]} & res.lexicon.cue("light"))
        if head.dep_ == "compound" and not leader_compound(res, head) and not misparsed \
                and head.head.lemma_.lower() not in res.lexicon.cue("event-head"):
            return False
        if any(c.lower_ in res.lexicon.cue("nonspecific") for c in head.children
               if c.dep_ in ("amod", "det", "predet")):
            return False
    return True



def campaign(res, head: Token) -> bool:
    """A fight against a social ill, not an armed side: "fight terrorism and corruption", "the
    fight against impunity", "the war on drugs". Its object or "against"/"on" phrase names only
    abstract ills (or "-isms"), and it has no place or date of its own; "the offensive against
    Islamic State" and "battle for the city" stay events."""
    if head.lemma_.lower() not in res.lexicon.cue("campaign"):
        return False
    objects, own = [], []
    for c in head.children:
        if c.dep_ == "dobj" and head.pos_ == "VERB":
            objects.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("against", "on"):
            objects.extend(x for x in c.children if x.dep_ == "pobj")
        elif c.dep_ not in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg", "det", "amod", "poss", "punct"):
            own.append(c)
    objects += [x for o in objects for x in o.conjuncts]
    if not objects or not all(ill(res, o) for o in objects):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for c in own for t in c.subtree)


def ill(res, noun: Token) -> bool:
    """An abstract social ill: "corruption", "drug trafficking", "terrorism", "extremism"."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in res.lexicon.cue("social-ill") or (lemma.endswith("ism") and noun.ent_type_ == ""))


def said_habitual(res, noun: Token) -> bool:
    """An event noun or gerund (or the first of a list of them) that a copula says is a habit of a
    place or time: "kidnappings and violence are commonplace", "assassinations are a
    regular event"."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    habits = res.lexicon.cue("habit-predicate")
    for c in verb.children:
        if c.dep_ == "acomp" and c.lemma_.lower() in habits:
            return True
        if c.dep_ == "attr" and (c.lemma_.lower() in habits or any(
                a.dep_ == "amod" and a.lemma_.lower() in habits for a in c.children)):
            return True
    return False


def habitual(res, verb: Token) -> bool:
    """A verb of frequency with no date of its own: "often attack", "have attacked it
    several times since then"; "repeatedly fired at the post on 5 May" is one occurrence."""
    nonspecific = res.lexicon.cue("nonspecific")
    if not any((c.dep_ == "advmod" and c.lower_ in res.lexicon.cue("habit")) or (
            c.dep_ == "npadvmod" and c.lemma_.lower() == "time" and any(g.lower_ in nonspecific for g in c.children))
            for c in verb.children):
        return False
    return not any(t.ent_type_ == "DATE" for t in verb.subtree)


def escapes_event(res, head: Token, chosen) -> bool:
    """"fled a coup": the flight is part of the coup story, not an event of its own."""
    heads = {h.i for _, h, _ in chosen}
    return any(c.dep_ == "dobj" and c.i in heads for c in head.children)


def backing(res, head: Token) -> bool:
    """Whether an event noun is the means a participle says backs a force ("troops backed
    by airstrikes", "fighters supported by artillery"): a description of that force."""
    noun = head
    while noun.dep_ == "compound" and noun.head.i != noun.i:  # "artillery fire"
        noun = noun.head
    verb = noun.head.head
    return head.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.dep_ == "agent" \
        and verb.tag_ == "VBN" and verb.lemma_.lower() in res.lexicon.cue("support")


def mutual(res, sent: Span) -> bool:
    """Whether the sentence says both sides fired ("in both directions", "by both sides")."""
    words = res.lexicon.cue("mutual")
    return any(f"{a.lower_} {b.lemma_.lower()}" in words for a, b in zip(sent, sent[1:]))


def mishap(res, head: Token) -> bool:
    """A weapon that went off by accident ("a mortar shell exploded prematurely", "an
    accidental blast"): the word modifies the trigger or the words it is part of."""
    words = res.lexicon.cue("mishap")
    node = head
    for _ in range(3):
        if any(c.lower_ in words and c.dep_ in ("advmod", "amod") for c in node.children):
            return True
        if node.dep_ not in ("compound", "nsubj", "nsubjpass", "dobj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def group_sentence(mentions: list[Mention], violent_types: set[str], top_of) -> list[Mention]:
    """One event per happening in a sentence: death reports and generic violence join the
    sentence's specific event; a weapon cue decides the type of generic violence."""
    harm_heads = [m.head for m in mentions if m.event_type == "@violence" or top_of(m.event_type) in HARM_TOPS]
    specific = [m for m in mentions if m.event_type not in ("@death", "@violence")]
    violence = [m for m in mentions if m.event_type == "@violence"]
    deaths = [m for m in mentions if m.event_type == "@death"]
    violent_specific = [m for m in specific if m.event_type in violent_types]
    out: list[Mention] = []
    for m in specific:
        if out and out[-1].event_type == m.event_type:
            absorb(out[-1], m)
            continue
        out.append(m)
    for m in violence:
        host = next((s for s in violent_specific if s.cue), None) or (violent_specific[0] if violent_specific else None)
        if host is not None:
            absorb(host, m)
        else:
            out.append(m)
    if deaths and not out:
        first = deaths[0]
        for d in deaths[1:]:
            absorb(first, d)
        out.append(first)
    elif deaths and custody_only(out) and any(d.head.lemma_.lower() in DEATH_VERBS for d in deaths):
        # "five militants were killed and six arrested in a raid": the killing is violence of
        # its own by the force that made the arrests, not a toll of the arrests
        first = deaths[0]
        for d in deaths[1:]:
            absorb(first, d)
        first.event_type = "@violence"
        for m in out:
            for a in m.roles.get("actor1", []):
                if all(a.actor.key != e.actor.key for e in first.roles.get("actor1", [])):
                    first.roles.setdefault("actor1", []).append(a)
        out.append(first)
    elif deaths:
        for d in deaths:
            absorb(out[0], d, victims_only=True)
    out.sort(key=lambda m: m.head.i)
    clash = next((m for m in out if m.event_type == "armed-clash" and m.cue), None)
    if clash is not None:
        # small arms among the weapons, or fire exchanged: a battle, not shelling
        for m in [m for m in out if top_of(m.event_type) == "explosions-remote-violence"]:
            absorb(clash, m)
            out.remove(m)
    harm = next((m for m in out if m.event_type == "@violence" or top_of(m.event_type) in HARM_TOPS), None)
    if harm is not None:
        # "detained and tortured by soldiers", "killed two and arrested three": the violence is
        # the event, the arrests part of it
        for m in [m for m in out if m.event_type == "arrests"
                  and any(conjoined(h, m.head) for h in harm_heads + [harm.head])]:
            absorb(harm, m, victims_only=True)
            out.remove(m)
    merged: list[Mention] = []
    for m in out:
        same = next((x for x in merged if top_of(x.event_type) == top_of(m.event_type)
                     and top_of(m.event_type) != "strategic-developments"), None)
        if same is not None:
            # one happening told with several words of one family ("an IED exploded",
            # "shelling ... mortars"): the word that names the weapon decides the type
            if m.cue and not same.cue:
                same.event_type, same.cue = m.event_type, True
            absorb(same, m)
        else:
            merged.append(m)
    return merged


def custody_only(mentions: list[Mention]) -> bool:
    """Whether a sentence's events are only arrests or weapons seized (no violence, no protest)."""
    return bool(mentions) and all(m.event_type in CUSTODY_TYPES for m in mentions)


def absorb(host: Mention, other: Mention, victims_only: bool = False) -> None:
    for role, actors in other.roles.items():
        if victims_only and role != "victim":
            continue
        target_role = role
        if role == "actor2" and (host.event_type in ONE_SIDED or host.event_type == "@death"):
            target_role = "victim"
        existing = host.roles.setdefault(target_role, [])
        for a in actors:
            # "killed two men and injured four women": each group hit keeps its own words
            if all(a.actor.key != e.actor.key or target_role == "victim" and own_group(host, other, a, e)
                   for e in existing):
                existing.append(a)
    for mine, theirs in ((host.physical, other.physical), (host.instruments, other.instruments)):
        mine.extend(t for t in theirs if t not in mine)
    if other.event_type == "@violence" and host.event_type == "@violence" and other.cue:
        host.cue = True


def own_group(host: Mention, other: Mention, mine, theirs) -> bool:
    """Whether a victim phrase of a sentence's other event word names people of its own, not
    the host's words again: a noun of people counted or described apart ("four women" beside
    "two men", "wounding three" beside "killing two soldiers"), not a pronoun."""
    doc = host.head.doc
    root = doc[mine.start:mine.end].root
    return (mine.start, mine.end) != (theirs.start, theirs.end) and root.pos_ in ("NOUN", "PROPN", "NUM") \
        and root.lemma_.lower() != doc[theirs.start:theirs.end].root.lemma_.lower()
