"""Demonstrations told beside other events of their sentence: a work stoppage ("staged a
strike") as opposed to a military strike, a protest word that only dates other news ("ahead of
their bandh, rebels killed two villagers"), a gathering that was attacked ("gunmen fired at an
election rally"), and arrests made at a demonstration ("police detained 40 marchers"), which
ACLED codes as a protest with intervention.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..settings import words
from .context import Mention

if TYPE_CHECKING:
    from .context import DocContext

STOPPAGE_NOUNS = words("stoppage-noun")
PACT_NOUNS = words("pact-noun")
PACT_VERBS = words("pact-verb")
STOPPAGE_VERBS = words("stoppage-verb")
STOPPAGE_MODIFIERS = words("stoppage-modifier")
STOPPAGE_SUBJECT_VERBS = words("stoppage-subject-verb")
MILITARY_STRIKE_WORDS = words("military-strike")
FRAME_WORDS = words("protest-frame")
SHUTDOWN_FRAME_WORDS = words("shutdown-frame")
SHUTDOWN_WORDS = words("shutdown")
TARGET_PREPS = words("verb-target-prep") | words("noun-target-prep")
GRIEVANCE_WORDS = words("grievance")
CROWD_CATEGORIES = words("crowd-category")
DEMANDED_TYPES = words("demanded-type")
DEMONSTRATOR_WORDS = words("demonstrator")
DEMAND_WORDS = words("demand-word")
DEMAND_FOR_VERBS = words("demand-for-verb")
CASUALTY_VERBS = words("death") | words("injury")
#: the links from a noun to the phrase that holds it ("the first day of the hartal")
NOUN_LINKS = ("pobj", "prep", "compound", "conj", "appos", "npadvmod")


def work_stoppage(head: Token) -> bool:
    """Whether "strike" names a work stoppage: staged, called, observed or continued ("workers
    staged a strike", "the strike entered its third day", "an indefinite strike", "went on
    strike"); not a military strike ("a strike on militant hideouts", "a precision strike")."""
    if head.lemma_.lower() not in STOPPAGE_NOUNS:
        return True
    mods = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(c.lemma_.lower() in MILITARY_STRIKE_WORDS or c.lower_ in MILITARY_STRIKE_WORDS
           or (c.ent_type_ in ("NORP", "GPE") and c.dep_ == "amod") for c in mods):
        return False  # "an air strike", "a Turkish strike" (a nationality's strike is its forces')
    if any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "against") and not any(
            o.ent_type_ in ("DATE", "TIME") for o in c.children) for c in head.children) or any(
            c.dep_ == "acl" and c.lower_ == "targeting" for c in head.children):
        return False  # "a strike on a convoy": the target of an attack; not "on Thursday"
    if any(c.dep_ in ("advcl", "conj") and c.lemma_.lower() in CASUALTY_VERBS for c in head.head.children):
        return False  # "launched a strike on Monday, killing five": a strike that kills is an attack
    if any(c.lemma_.lower() in STOPPAGE_MODIFIERS or c.lower_ in STOPPAGE_MODIFIERS for c in mods):
        return True
    if any(c.dep_ == "acl" and c.lemma_.lower() in STOPPAGE_VERBS for c in head.children):
        return True  # "during the strike called by the union"
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "on":
        return True  # "went on strike", "remained on strike"
    if head.dep_ in ("dobj", "nsubjpass") and (verb.lemma_.lower() in STOPPAGE_VERBS or verb.lower_ in STOPPAGE_VERBS):
        return True
    return head.dep_ == "nsubj" and verb.lemma_.lower() in STOPPAGE_SUBJECT_VERBS


def framing(head: Token) -> bool:
    """Whether a protest word only dates the sentence's news: "ahead of their bandh", "on the
    eve of the strike", and for a shutdown, which lasts days, "on the third day of the hartal",
    "during the blockade"; violence "during the demonstration" is the gathering's own."""
    shutdown = head.lemma_.lower() in SHUTDOWN_WORDS or head.lower_ in SHUTDOWN_WORDS
    frames = FRAME_WORDS | SHUTDOWN_FRAME_WORDS if shutdown else FRAME_WORDS
    if shutdown and head.dep_ == "nsubj" and head.head.dep_ == "advcl":
        return True  # "as the blockade continued for the seventh day"
    node = head
    for _ in range(6):
        if node.dep_ not in NOUN_LINKS or node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in frames or node.lemma_.lower() in frames:
            return True
    return False


def attacked(head: Token, violent_heads: set[int]) -> bool:
    """Whether a gathering is the target of violence in its sentence: "attacked a procession",
    "a shooting at an election rally", "opened fire on the march"."""
    node = head
    while node.dep_ in ("compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("dobj", "nsubjpass") and node.head.i in violent_heads:
        return True
    if node.dep_ == "pobj" and node.head.lower_ in TARGET_PREPS:
        holder = node.head.head
        return holder.i in violent_heads or (holder.dep_ in ("dobj", "prt") and holder.head.i in violent_heads)
    return False


def actor_categories(mention: Mention) -> set:
    return {a.actor.category for a in mention.roles.get("actor1", [])}


def set_aside(res, riot: Mention, mentions: list[Mention], top_of, violent_heads: set[int] = frozenset()) -> bool:
    """Whether a protest mention is no event of its own beside violence in its sentence: the
    protest word only dates it ("ahead of the bandh, rebels killed two villagers") and others
    than a crowd or the state's forces did the violence, or the gathering is what was attacked
    by others than the state's forces (whose violence at a protest is an intervention)."""
    violent = [m for m in mentions if m is not riot and m.event_type != "@territory"
               and (m.event_type == "@violence" or top_of(m.event_type) in (
                   "battles", "violence-against-civilians", "explosions-remote-violence"))]
    if not violent:
        return False
    if any("State forces" in actor_categories(m) for m in violent):
        return False
    if attacked(riot.head, {m.head.i for m in violent} | set(violent_heads)):
        return True
    if not framing(riot.head):
        return False
    # "protesters were beaten during their protest": violence the demonstration met, not other news
    hurt = [a for m in violent for a in m.roles.get("victim", []) + m.roles.get("actor2", [])]
    doc = riot.head.doc
    if any(a.actor.category == "Protesters" or demonstrators(doc[a.start:a.end]) for a in hurt):
        return False
    return all(not actor_categories(m) & CROWD_CATEGORIES for m in violent)


def arrests_at(res, riot: Mention | None, mentions: list[Mention]) -> Mention | None:
    """Arrests told with a demonstration ("police detained 15 marchers and foiled the
    procession"), or of protesters, are the demonstration met by an intervention: the police
    become its other side. Returns the demonstration, which replaces the arrests."""
    arrests = [m for m in mentions if m.event_type == "arrests" and m.head.pos_ == "VERB"
               and m.head.dep_ not in ("acl", "relcl", "amod") and not grievance(m.head)
               and actor_categories(m) <= {"State forces"}]
    if riot is not None:
        # "arrested youths who took part in a protest", "arrested for calling a strike": the
        # protest is what the arrests were for, told inside their clause
        arrests = [m for m in arrests if not inside_clause(riot.head, m.head)]
    if not arrests:
        return riot
    if riot is None:
        held = [a for m in arrests for a in m.roles.get("victim", []) + m.roles.get("actor2", [])]
        if not any(a.actor.category == "Protesters" for a in held) or not all(
                a.actor.category in CROWD_CATEGORIES for a in held):
            return None
        riot = Mention("protest-with-intervention", arrests[0].head, arrests[0].tokens)
        riot.roles["actor1"] = [a for i, a in enumerate(held) if all(a.actor.key != b.actor.key for b in held[:i])]
        mentions.append(riot)
    for m in arrests:
        for a in m.roles.get("actor1", []):
            if all(a.actor.key != e.actor.key for e in riot.roles.get("actor2", [])):
                riot.roles.setdefault("actor2", []).append(a)
        mentions.remove(m)
    if riot.event_type == "peaceful-protest":
        riot.event_type = "protest-with-intervention"
    return riot


def grievance(head: Token) -> bool:
    """Whether a word is what a protest is about ("protested against the arrest of their
    leader", "demanding the release of those detained")."""
    return any(a.lemma_.lower() in GRIEVANCE_WORDS or a.lower_ in GRIEVANCE_WORDS for a in head.ancestors)


def demanded(event_type: str, head: Token) -> bool:
    """Whether an arrest or release noun is what someone asks for ("demanding the arrest of the
    killers", "blocked roads for the arrest of his killers", "sought the release of the
    students"), not an arrest or a release that happened."""
    if event_type not in DEMANDED_TYPES or head.pos_ not in ("NOUN", "PROPN"):
        return False
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ == "for":
        return governor.head.lemma_.lower() in DEMAND_FOR_VERBS  # not "praised for the arrest"
    return head.dep_ in ("dobj", "pobj") and (governor.lemma_.lower() in DEMAND_WORDS or governor.lower_ in DEMAND_WORDS)


def inside_clause(word: Token, verb: Token) -> bool:
    """Whether ``word`` is told in a clause or a "for" phrase under ``verb`` ("arrested youths
    who took part in a protest", "were arrested for calling a strike")."""
    node = word
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl", "pcomp") or (node.dep_ == "prep" and node.lower_ == "for"):
            return any(a.i == verb.i for a in node.ancestors)
        node = node.head
    return False


def demonstrators(span) -> bool:
    """Whether words name people demonstrating ("protesting residents", "the marchers")."""
    words = list(span) + [c for t in span for c in t.children if c.dep_ in ("amod", "compound", "acl")]
    return any(t.lemma_.lower() in DEMONSTRATOR_WORDS or t.lower_ in DEMONSTRATOR_WORDS for t in words)


def armed_post(res, head: Token) -> bool:
    """Whether a protest word names an armed side's post ("a police picket", "an army picket")."""
    from .mentions import is_armed
    for c in head.children:
        noun = res.lexicon.actor_nouns.get(c.lemma_.lower()) if c.dep_ in ("compound", "amod", "nmod") else None
        if noun is not None and is_armed(noun):
            return True
    return False


def concluded(head: Token) -> bool:
    """Whether an agreement noun names one signed or reached ("signed an agreement to end
    hostilities", "the accord was signed"), not one spoken of ("under the agreement")."""
    if head.lemma_.lower() not in PACT_NOUNS:
        return True
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PACT_VERBS


def protest_crowd(span) -> bool:
    """Whether words name a protest's own crowd: "supporters of the bandh", "strikers",
    "protesting residents"."""
    return demonstrators(span) or any(t.lemma_.lower() in SHUTDOWN_WORDS | DEMONSTRATOR_WORDS
                                      for t in span.root.subtree)


def conjoined(a: Token, b: Token) -> bool:
    """Whether two words are items of one list of acts ("were detained and tortured", "killed
    four insurgents and detained 22 others")."""
    def top(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t
    if a.i == b.i:
        return False
    if any(x.dep_ == "advcl" and x.tag_ == "VBG" and x.head.i == y.i for x, y in ((a, b), (b, a))):
        return True  # "engaged the rebels, eventually arresting five"
    return top(a).i == top(b).i
