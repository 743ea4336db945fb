"""Who did it to whom: the roles of an event mention from the dependency parse (subject or
"by" phrase, object or "on/against" phrase, the sides of "between X and Y").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..settings import words
from .event_types import top_type
from .coreference import (between_sides, expand, inherited_subject, quantity_anchor, stranded_subject, undertaker,
                          verb_subjects, with_names)

if TYPE_CHECKING:
    from .context import DocContext, Mention

DEATH_VERBS = words("death")
INJURY_WORDS = words("injury")
ONE_SIDED = words("one-sided")
RELATIVE_PRONOUNS = words("relative-pronoun")
ANAPHORIC_DETERMINERS = words("anaphoric-determiner")
UNDERTAKING_PREPS = words("undertaking-prep")
SIDES_PREPS = words("sides-prep")
NOUN_TARGET_PREPS = words("noun-target-prep")
VERB_TARGET_PREPS = words("verb-target-prep")
PLACE_PREPS_OF_DONE = words("place-prep-of-done")
LIGHT_TARGET_PREPS = words("light-verb-target-prep")
BLAME_VERBS = words("blame")
ATTRIBUTE_VERBS = words("attribute")
PHYSICAL_TARGETS = words("physical-target")
TARGET_PARTS = words("target-part")
STRUCK_PREPS = words("struck-prep")
SET_FIRE = words("set-fire")
DAMAGE_VERBS = words("damage")
STRUCK_TYPES = words("struck-type")
INSTRUMENT_PREPS = words("instrument-prep")
CALENDAR_WORDS = words("calendar")
NAMING_VERBS = words("naming-verb")
INCLUSION_VERBS = words("inclusion-verb")
VICTIM_NOUNS = words("victim-noun")
PERPETRATE_VERBS = words("perpetrate")
ACT_NOUNS = words("act-noun")
VERDICT_VERBS = words("verdict")


def assign_roles(res, m: Mention, ctx: "DocContext") -> None:
    head = to_death_verb(m) or m.head
    if head.dep_ == "compound" and head.head.lemma_.lower() in ACT_NOUNS:
        head = head.head  # "sabotage actions against the grid": the act noun holds the roles
    agents: list[Token] = []
    patients: list[Token] = []
    others: list[Token] = []
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        # an acronym the tagger read as a verb ("IS attacked ...") is the subject
        acronyms = [c for c in head.children if c.dep_ in ("auxpass", "aux") and c.i in ctx.by_token
                    and c.text.isupper() and c.i < head.i]
        agents.extend(acronyms)
        has_object = any(c.dep_ == "dobj" for c in head.children)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") and c not in acronyms for c in head.children) or (
            head.tag_ == "VBN" and head.dep_ in ("acl", "amod", "relcl") and not has_object)
        if head.dep_ == "acl" and has_object and not passive:
            agents.append(head.head)  # "IS militants killed a soldier", parsed as a reduced relative
        stranded = None if passive else (
            stranded_subject(head, ctx) or (stranded_subject(head.head, ctx) if head.dep_ == "conj" else None))
        for c in head.children:
            if stranded is not None and stranded in c.subtree:
                continue  # the subject the parse hung on the places before it
            if c.dep_ == "nsubj" and not passive and m.event_type == "@death" and not has_object:
                patients.append(c)  # "two militants died": the dead, whoever they were
            elif c.dep_ == "nsubj" and not passive:
                agents.append(c)
            elif c.dep_ == "nsubjpass":
                patients.append(c)
            elif c.dep_ == "agent":
                agents.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ in ("dobj", "attr") and not passive:
                patients.append(c)
            elif c.dep_ == "prep" and c.lower_ == "at" and m.event_type == "armed-clash":
                pass  # "the two sides clashed at the university": where, not whom
            elif c.dep_ == "prep" and c.lower_ in VERB_TARGET_PREPS and not (
                    c.lower_ in PLACE_PREPS_OF_DONE and done_to_person(head, ctx)):
                # "fired at the house", "fired shots at the base", not "killed him at the
                # airport", "a judge was shot at his home"
                target = [x for x in c.children if x.dep_ == "pobj"]
                (others if c.lower_ == "with" else patients).extend(target)
            elif c.dep_ == "prep" and c.lower_ == "between":
                others.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ == "prt":
                pass
        if not patients:
            patients.extend(named_casualties(m, head))
        if passive and head.dep_ in ("acl", "amod") and not patients:
            patients.append(head.head)
        if not passive and not has_object and m.event_type == "@violence":
            # "gunmen shot and wounded a sheikh": verbs joined before one object share it (the
            # target that tells an attack on civilians from a battle)
            for verb in (v for v in head.conjuncts if v.i > head.i and v.pos_ == "VERB"):
                patients.extend(c for c in verb.children if c.dep_ == "dobj")
        if passive and not agents:
            # "killed in an operation by police forces", "killed in a Taliban raid"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in UNDERTAKING_PREPS:
                    for noun in (x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"):
                        agents.extend(undertaker(noun, ctx))
        if passive and not agents:
            # "were beaten and then arrested by the police": coordinated passives share the agent
            for verb in head.conjuncts:
                for c in verb.children:
                    if c.dep_ == "agent":
                        agents.extend(x for x in c.children if x.dep_ == "pobj")
        occurred = head.dep_ in ("nsubj", "csubj") and head.head.lemma_.lower() in res.lexicon.cue("occur") | {"break"}
        if occurred:
            # "fighting broke out between X and Y" (the gerund read as a verb)
            for c in head.head.children:
                if c.dep_ == "prep" and c.lower_ in SIDES_PREPS:
                    others.extend(x for x in c.children if x.dep_ == "pobj")
        if not agents and not passive and not occurred:
            subject = accused_object(head) or inherited_subject(head) or stranded or accused(res, head)
            if subject is not None:
                agents.append(subject)
        relative = [a for a in agents if a.lower_ in RELATIVE_PRONOUNS]
        if head.dep_ == "relcl" and (relative or not agents) and not passive:
            agents = [a for a in agents if a not in relative] + [head.head]
    else:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                agents.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "on" and blamed_for(head):
                # "police blamed the bombing on separatists", "blamed the murder on
                # narcoterrorists": whom it is blamed on did it (a claim)
                agents.extend(x for x in c.children if x.dep_ == "pobj")
                m.anaphoric = True
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                patients.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in SIDES_PREPS:
                others.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "of" and (
                    m.event_type in ONE_SIDED | {"execution", "surrender", "@death"} or head.lower_.endswith("ing")):
                # "the killing of three farmers", "the shooting of a student": the "of" of a
                # verb's -ing noun names who it was done to
                patients.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ == "poss" and m.event_type == "@death":
                patients.append(c)  # "a man's body"
            elif c.dep_ == "poss" and m.event_type in ONE_SIDED and c.i in ctx.by_token \
                    and ctx.by_token[c.i].actor.category in ("Person", "Civilians"):
                patients.append(c)  # "the mayor's murder", "his kidnapping": who it was done to
            elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in ctx.by_token:
                agents.append(c)  # "Taliban attack", "a Saudi-led coalition air raid"
            elif c.dep_ == "acl" and c.lemma_.lower() in res.lexicon.cue("target"):
                patients.extend(x for x in c.children if x.dep_ == "dobj")
            elif c.dep_ == "prep" and c.lower_ == "during":
                m.part_of_head = next((x for x in c.children if x.dep_ == "pobj"), None)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "an IED planted by Al Shabaab", "an attack attributed to ADF fighters"
                for x in c.children:
                    if x.dep_ == "agent" or (x.dep_ == "prep" and x.lower_ == "to"
                                             and c.lemma_.lower() in ATTRIBUTE_VERBS):
                        agents.extend(y for y in x.children if y.dep_ == "pobj")
            elif c.dep_ in ("amod", "compound") and c.tag_ == "VBN" and c.i >= 2 \
                    and head.doc[c.i - 1].text == "-" and c.i - 2 in ctx.by_token:
                agents.append(head.doc[c.i - 2])  # "a Taliban-planted bomb"
        if not agents:
            agents.extend(perpetrated_by(head))
        if not patients:
            patients.extend(named_casualties(m, head))
        anchor = quantity_anchor(head)  # "dozens of missiles": the phrase's own role
        governor = anchor.head
        if leader_compound(res, head):
            leader = head.head
            agents.extend(x for x in leader.children if x.dep_ == "appos")
            if leader.dep_ == "appos":
                agents.append(leader.head)
            m.anaphoric = True
        elif anchor.dep_ in ("dobj", "pobj") and governor.lemma_.lower() in res.lexicon.cue("escape"):
            patients.extend(x for x in governor.children if x.dep_ == "nsubj")
            if not patients:
                subject = inherited_subject(governor)
                if subject is not None:
                    patients.append(subject)
            m.anaphoric = True
        elif anchor.dep_ == "dobj" and governor.lemma_.lower() in res.lexicon.cue("suffer"):
            # "a trader received burn injuries", "two policemen sustained bullet wounds"
            patients.extend(verb_subjects(governor))
        elif anchor.dep_ == "nsubjpass" and (light := light_passive(res, governor)) is not None:
            # "a hand grenade was thrown by militants at the police station", "the attack is
            # believed to have been carried out by ETA"
            for c in light.children:
                if c.dep_ == "agent":
                    agents.extend(x for x in c.children if x.dep_ == "pobj")
                elif c.dep_ == "prep" and c.lower_ in LIGHT_TARGET_PREPS:
                    patients.extend(x for x in c.children if x.dep_ == "pobj")
        elif anchor.dep_ == "dobj" and governor.lemma_.lower() in res.lexicon.cue("light"):
            agents.extend(verb_subjects(governor))
            patients.extend(x.children.__next__() for x in governor.children
                            if x.dep_ == "prep" and x.lower_ in LIGHT_TARGET_PREPS
                            and any(True for _ in x.children))
        elif (verb := instrument_verb(anchor)) is not None:
            # "LNA forces destroyed a GNA depot with artillery fire": the instrument's user
            agents.extend(verb_subjects(verb))
            patients.extend(x for x in verb.children if x.dep_ == "dobj")
        elif anchor.dep_ == "pobj" and governor.lower_ == "for" and \
                governor.head.lemma_.lower() in BLAME_VERBS:
            # "blamed the Taliban for the attack": the blamed is the attacker (a claim)
            agents.extend(x for x in governor.head.children if x.dep_ == "dobj")
            m.anaphoric = True
        elif anchor.dep_ in ("nsubj", "nsubjpass", "attr"):
            # "a clash took place between X and Y", "clashes were reported between X and Y"
            for c in governor.children:
                if c.dep_ == "prep" and c.lower_ in SIDES_PREPS:
                    others.extend(x for x in c.children if x.dep_ == "pobj")
            if governor.lemma_.lower() in res.lexicon.cue("occur"):
                m.anaphoric = True
        if any(c.lower_ in ANAPHORIC_DETERMINERS for c in head.children if c.dep_ == "det"):
            m.anaphoric = True
        if head.dep_ == "attr" and any(c.lower_ == "there" for c in governor.children):
            m.anaphoric = True
    # "attacked on Monday", "an attack on the night of 3 May": a time, never who or what was hit;
    # "On 1 May, the RDF, ..., clashed with X": a side the parse hung on the date stays a side
    patients = [x for p in patients for x in untimed(p)]
    others = [x for o in others for x in untimed(o)]
    m.targets = patients + others
    m.physical = physical_targets(res, head, patients, m.event_type)
    m.instruments = instruments(res, head)
    m.roles["actor1"] = with_names(expand(agents, ctx), agents, ctx)
    patients_actors = expand(patients, ctx)
    between = between_sides(others, ctx)
    if between:
        if m.roles["actor1"]:
            patients_actors = patients_actors + between
        else:
            m.roles["actor1"], patients_actors = between[:1], patients_actors + between[1:]
    if m.event_type == "armed-clash" and head.pos_ == "VERB" and not patients_actors and not between:
        # "the TNLA and government troops clashed", "the KIA and Myanmar troops clashed": the
        # sides of a fight told together are its two sides, the first named actor 1
        sides = expand(agents, ctx) if any(t.conjuncts for t in agents) else \
            coordinated_modifiers(agents[0], ctx) if len(agents) == 1 else []
        if len({a.actor.key for a in sides}) > 1:
            # each side with its own group's name beside its members' words ("ELN guerrillas")
            first = {sides[0].actor.key}
            m.roles["actor1"] = [n for n in with_names(sides[:1], agents, ctx) if n.actor.key in first]
            rest = {a.actor.key for a in sides[1:]} - first
            patients_actors = [n for n in with_names(sides[1:], agents, ctx) if n.actor.key in rest]
    one_sided = m.event_type in ONE_SIDED or m.event_type == "@death"
    role2 = "victim" if one_sided or head.lemma_.lower() in DEATH_VERBS | INJURY_WORDS else "actor2"
    m.roles[role2] = patients_actors


def perpetrated_by(head: Token) -> list[Token]:
    """Who a passive verb of doing a crime says did what an event noun names, when the parse
    hangs the verb on the noun's "of" phrase ("the murder of six priests, perpetrated in May by
    the army": the priests were not perpetrated)."""
    return [x for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for obj in c.children if obj.dep_ == "pobj"
            for verb in obj.children if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in PERPETRATE_VERBS
            for agent in verb.children if agent.dep_ == "agent"
            for x in agent.children if x.dep_ == "pobj"]


def coordinated_modifiers(noun: Token, ctx: "DocContext") -> list:
    """The two groups a noun's coordinated modifiers name ("the KIA and Myanmar troops": the KIA,
    and the troops of Myanmar): the first modifier's named mention and the noun's own; else []."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i and c.conjuncts]
    first, own = (ctx.by_token.get(mods[0].i) if len(mods) == 1 else None), ctx.by_token.get(noun.i)
    if first is None or own is None or not first.actor.named or first is own:
        return []
    return [first, own]


def named_casualties(m: Mention, head: Token) -> list[Token]:
    """Who a list names as the killed or wounded: "killed were A, B and C", "among those
    killed were the mayor and his driver", "the dead were identified as A and B" (the
    phrases the copula or the naming verb joins to the casualty word)."""
    if m.event_type != "@death" and head.lemma_.lower() not in DEATH_VERBS | INJURY_WORDS:
        return []
    subject = head
    if head.dep_ in ("acl", "amod"):
        subject = head.head  # "those killed", "the dead soldiers"
        if subject.dep_ == "pobj" and subject.head.lower_ == "among":
            subject = subject.head  # "among those killed were ..."
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass", "csubj", "acomp", "prep") or verb.i == subject.i:
        return []
    if verb.lemma_.lower() == "be" and (head.tag_ == "VBN" or head.pos_ == "ADJ" or head is not subject):
        return [c for c in verb.children if c.dep_ in ("nsubj", "attr") and c.i != subject.i]
    if verb.lemma_.lower() in NAMING_VERBS:
        return [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                for x in c.children if x.dep_ == "pobj"]
    return []


def victims_named(sent: Span, victims: frozenset[str] = frozenset()) -> list[Token]:
    """The people a sentence names as the victims of an event it does not tell itself: its
    subject is a word for victims ("the victims", "the dead", "those injured", "among the
    dead") and its verb a copula ("the victims were A and B"), a naming verb ("the dead were
    identified as A and B") or an inclusion verb ("the wounded included A and B"); or its
    subject is the word the event told before called its victim (one of ``victims``, lemmas)
    and a naming verb gives the name ("a trader was shot ... The trader was identified as A")."""
    out: list[Token] = []
    if sent.text.rstrip().endswith("?"):
        return out  # "are there chiefs among the dead?": a question names nobody
    for verb in (t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")):
        lemma = verb.lemma_.lower()
        if any(c.dep_ == "neg" or c.tag_ == "MD" or c.dep_ == "aux" and lemma == "be" for c in verb.children):
            continue  # "there might be chiefs among the dead", "the victims have been leftists": no list
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and (
            victim_word(c) or lemma in NAMING_VERBS and c.pos_ == "NOUN" and c.lemma_.lower() in victims)]
        among = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
                 and any(victim_word(x) for x in c.children if x.dep_ == "pobj")]
        described = [c for c in verb.children if c.dep_ == "attr" and victim_word(c)]
        if among and lemma == "be":  # "among the dead was the mayor"
            out.extend(c for c in verb.children if c.dep_ in ("nsubj", "attr"))
        elif described and lemma == "be" and not subjects:  # "the mayor was one of the victims"
            out.extend(c for c in verb.children if c.dep_ == "nsubj")
        elif not subjects:
            continue
        elif lemma == "be":
            out.extend(c for c in verb.children if c.dep_ == "attr")
        elif lemma in INCLUSION_VERBS:
            out.extend(c for c in verb.children if c.dep_ == "dobj")
        elif lemma in NAMING_VERBS:
            out.extend(x for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                       for x in c.children if x.dep_ == "pobj")
    # "two students, A and B": the names in apposition to a description
    return out + [c for t in out for x in (t, *t.conjuncts) for c in x.children if c.dep_ == "appos"]


def victim_word(tok: Token) -> bool:
    """A word for an event's victims: "the victims", "the dead"; "those" or a noun with a verb
    of killing or hurting ("those killed", "the injured persons"); "one of" them."""
    if tok.lower_ in VICTIM_NOUNS or tok.lemma_.lower() in VICTIM_NOUNS:
        return True
    if tok.pos_ not in ("PRON", "NOUN", "NUM"):
        return False
    return any(c.dep_ in ("acl", "amod") and (c.lower_ in VICTIM_NOUNS or c.lemma_.lower() in DEATH_VERBS | INJURY_WORDS)
               for c in tok.children) or tok.pos_ in ("PRON", "NUM") and any(
        victim_word(x) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
        for x in c.children if x.dep_ == "pobj")


def untimed(tok: Token) -> list[Token]:
    """A role word, or for a time word the appositions the parse hung on it."""
    if not time_word(tok):
        return [tok]
    return [c for c in tok.children if c.dep_ == "appos" and not time_word(c)]


def time_word(tok: Token) -> bool:
    """A date or time expression's word ("Monday", "the night of 3 May"), which is no target."""
    return tok.ent_type_ in ("DATE", "TIME") or (tok.lower_ in CALENDAR_WORDS and not tok.is_lower)


def done_to_person(verb: Token, ctx: "DocContext") -> bool:
    """Whether a verb's object, or passive subject, is a person or people (an actor's words or a
    personal pronoun): "shot him", "a judge was shot"; not "fired shots", "shots were fired"."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.i in ctx.by_token or c.pos_ == "PRON" and c.lower_ != "it")
               for c in verb.children)


def light_passive(res, governor: Token) -> Token | None:
    """The passive light verb a noun trigger is the subject of: the governor itself ("was
    carried out by"), or the one a verb of belief or report raises it from ("is believed to
    have been carried out by")."""
    if governor.lemma_.lower() in res.lexicon.cue("light"):
        return governor
    return next((c for c in governor.children if c.dep_ == "xcomp" and c.lemma_.lower() in res.lexicon.cue("light")
                 and any(x.dep_ == "auxpass" for x in c.children)), None)


def to_death_verb(m: Mention) -> Token | None:
    """The verb of a death told as "to death" ("a trader was hacked to death by assailants",
    "they chopped him to death"): its subject, object and agent are the dead and who killed
    them; not a sentence passed ("sentenced to death"). None for other words."""
    head = m.head
    if m.event_type != "@death" or head.lemma_.lower() != "death" or head.dep_ != "pobj" \
            or head.head.lower_ != "to" or head.head.head.pos_ != "VERB":
        return None
    verb = head.head.head
    return None if verb.lemma_.lower() in VERDICT_VERBS else verb


def blamed_for(noun: Token) -> bool:
    """Whether an event noun is what someone blames on someone ("blamed the attack on X", "the
    attack was blamed on X"): its "on" phrase names who did it, not whom it hit."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() == "blame"


def accused_object(verb: Token) -> Token | None:
    """Whom an accusation says did what a verb says ("the group accused the army of shelling the
    village", "villagers blamed soldiers for killing two farmers"): the accused, not the accuser."""
    prep = verb.head if verb.dep_ == "pcomp" else None
    if prep is None or prep.lower_ not in ("of", "for"):
        return None
    blame = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    if blame.lemma_.lower() not in BLAME_VERBS:
        return None
    return next((c for c in blame.children if c.dep_ == "dobj"), None)


def accused(res, verb: Token) -> Token | None:
    """Who is accused of doing what a verb says ("police are accused of assaulting a
    driver"): the subject of the passive accusation."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
            verb.head.head.lemma_.lower() in res.lexicon.cue("allegation"):
        return next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
    return None


def instrument_verb(anchor: Token) -> Token | None:
    """The active verb an event noun is the instrument of ("destroyed a depot with
    artillery fire"; the parse may hang the "with" on the object)."""
    if anchor.dep_ == "compound" and anchor.head.pos_ == "NOUN":
        anchor = anchor.head  # "artillery fire"
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "with":
        return None
    verb = anchor.head.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    return verb


def by_aircraft(res, head: Token) -> bool:
    """Whether the one doing it is an aircraft ("warplanes struck", "the air force targeted")."""
    words = res.lexicon.cue("aircraft")
    for c in head.children:
        if c.dep_ in ("nsubj", "agent"):
            tokens = list(c.subtree)
            lemmas = [t.lemma_.lower() for t in tokens]
            if set(lemmas) & words or any(f"{a} {b}" in words for a, b in zip(lemmas, lemmas[1:])):
                return True
    return False

def leader_compound(res, head: Token) -> bool:
    return head.dep_ == "compound" and head.head.lemma_.lower() in res.lexicon.cue("leader")


def physical_targets(res, head: Token, patients: list[Token], event_type: str) -> list[Token]:
    """The things an event hit, not people: the objects and "on" phrases that are buildings,
    vehicles or installations ("bombed the embassy", "an attack on a bus", "the house was
    destroyed"), with their conjuncts; "the bombing of the embassy"; what an explosion or fire
    went off at ("a bomb exploded outside the embassy"); what it damaged ("..., damaging
    two cars"); what was set fire to."""
    found = list(patients)
    verb = head.pos_ in ("VERB", "AUX", "ADJ")
    if not verb and event_type not in ONE_SIDED:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                found.extend(x for x in c.children if x.dep_ == "pobj")
    # the clause the event word belongs to: its own for a verb, else the verb it is subject of
    # ("a bomb went off", "one of the bombs hit", "planted a bomb at", "set fire to")
    anchor = head if verb else quantity_anchor(head)
    clause = head if verb else anchor.head if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if clause is not None:
        struck = not event_type.startswith("@") and (
            event_type in STRUCK_TYPES or top_type(res, event_type) in STRUCK_TYPES)
        if not verb and anchor.dep_ == "nsubj" and clause.pos_ == "VERB":
            # what the event itself did: "the bomb damaged the exchange", "a shell hit a house"
            found.extend(damaged(c) for c in clause.children if c.dep_ == "dobj")
        for c in clause.children:
            if c.dep_ == "prep" and (struck and c.lower_ in STRUCK_PREPS or c.lower_ == "to"
                                     and clause.lemma_.lower() in SET_FIRE):
                for x in c.children:
                    if x.dep_ == "pobj" and x.lower_ == "front":  # "in front of the embassy"
                        x = next((y for z in x.children if z.dep_ == "prep" and z.lower_ == "of"
                                  for y in z.children if y.dep_ == "pobj"), x)
                    if x.dep_ == "pobj":
                        found.append(x)
            elif c.dep_ in ("advcl", "conj") and c.lemma_.lower() in DAMAGE_VERBS:
                found.extend(x for x in c.children if x.dep_ in ("dobj", "nsubjpass"))
            elif c.dep_ in ("advcl", "conj", "xcomp"):
                # "..., causing heavy damage to the building"
                found.extend(damaged(x) for x in c.children if x.dep_ == "dobj" and x.lemma_.lower() in DAMAGE_VERBS)
    elif head.dep_ == "pobj" and head.head.head.lemma_.lower() in DAMAGE_VERBS:
        # what the explosion damaged, told from the damage: "two cars were destroyed by the
        # blast", "an office was damaged in the explosion"
        found.extend(x for x in head.head.head.children if x.dep_ in ("dobj", "nsubjpass"))
    if not verb and patients:
        # "attacks on the palace, the minister's home, ...": the list the parse hung on the event word
        found.extend(c for c in head.conjuncts if c.pos_ == "NOUN" and physical(c))
    out: list[Token] = []
    for tok in found:
        for t in listed(tok):
            whole = owner(t)
            if physical(t) or whole is not None and physical(whole):
                # "the front door of a bank", "one of the vehicles": the part stands for the whole
                if t not in out:
                    out.append(t)
                # "the offices of the water company, a bank and a hotel": the parse hangs the
                # list on the "of" phrase's noun
                out.extend(x for x in (whole.conjuncts if whole is not None else ())
                           if physical(x) and x not in out)
    return out


def listed(tok: Token) -> list[Token]:
    """A target and the others listed with it: its conjuncts and appositions, also those the parse
    hung on the noun of an "of" phrase or on an apposition ("the home of A, president of the
    senate, and the offices of B")."""
    out, todo = [tok], [tok]
    while todo:
        t = todo.pop()
        nexts = [c for c in t.children if c.dep_ in ("conj", "appos")]
        nexts += [c for x in t.children if x.dep_ == "prep" and x.lower_ == "of" for y in x.children
                  if y.dep_ == "pobj" for c in y.children if c.dep_ in ("conj", "appos")]
        for c in nexts:
            if c not in out and c.i > tok.i:
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def physical(tok: Token) -> bool:
    """A building, vehicle or installation: a physical-target word, or a name whose first word is
    one ("Camp Bastion", "the Hotel Continental")."""
    named = tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lemma_.lower() in PHYSICAL_TARGETS
                                        for c in tok.lefts)
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in PHYSICAL_TARGETS or named)


def owner(tok: Token) -> Token | None:
    """The whole a part or a number of things belongs to: the noun of the "of" (or "to") phrase
    of a target-part word or number ("the door of a bank", "the entrance to a cafe", "one of
    the buses")."""
    if not (tok.lemma_.lower() in TARGET_PARTS or tok.lower_ in TARGET_PARTS or tok.pos_ == "NUM"):
        return None
    return next((x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                 for x in c.children if x.dep_ == "pobj"), None)


def damaged(tok: Token) -> Token:
    """What a word of damage names as damaged ("damage to the building"), else the word."""
    if tok.lemma_.lower() not in DAMAGE_VERBS:
        return tok
    return next((x for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                 for x in c.children if x.dep_ == "pobj"), tok)


def instruments(res, head: Token) -> list[Token]:
    """The weapons an event was done with: a weapon word that is the trigger itself ("a bomb
    exploded"), modifies it ("a dynamite attack") or is its "with" phrase ("attacked the post
    with rifles")."""
    weapons = res.lexicon.cue("weapon")
    found = [head] if head.pos_ in ("NOUN", "PROPN") else []
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod"):
            found.append(c)
        elif c.dep_ == "prep" and c.lower_ in INSTRUMENT_PREPS:
            found.extend(x for x in c.children if x.dep_ == "pobj")
    out: list[Token] = []
    for tok in found:
        for t in [tok, *tok.conjuncts]:
            if t.lemma_.lower() in weapons and t not in out:
                out.append(t)
    return out


def thing_phrase(tok: Token) -> Span:
    """The words naming a target or weapon: the noun with the words before it and an "of"
    phrase after it ("the offices of the electric company"), not its clauses or conjuncts."""
    doc = tok.doc
    start = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ not in ("cc", "conj", "punct", "prep")])
    end = tok.i + 1
    of = next((x for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"
               for x in c.children if x.dep_ == "pobj"), None)
    whole = owner(tok)
    if whole is not None:
        end = whole.i + 1  # a part up to its whole: "the entrance to the cafe"
    elif of is not None and of.i - tok.i <= 6:
        end = of.i + 1  # up to the "of" phrase's noun, not the phrases after it
    return doc[start:end]
