"""When an event happened: the date words that modify its trigger's clause, a fully written
date, the nearest date, else the last date the article gave.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..dates import resolve_date
from ..model import TimeClaim
from ..nlp.spans import text_span
from ..nlp.time_expressions import WRITTEN_DATE
from ..settings import setting, words

if TYPE_CHECKING:
    from .context import DocContext

SETTLEMENT_WORDS = words("settlement")
SUBLOCALITY_WORDS = words("sublocality")
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "csubj", "conj", "parataxis"}
OPEN_TIME_PREPS = words("open-time-prep")
ANAPHORIC_DETERMINERS = words("anaphoric-determiner")
STATE_DAYS = setting("state-days")


def event_time(res, head: Token, sent: Span, ctx: "DocContext", last_time: TimeClaim | None) -> TimeClaim | None:
    """The time of the date words nearest the trigger in its sentence; without any,
    ``last_time``, the last date the article gave ("On 3 May, ... . The next sentence ...")."""
    written = ctx.written_dates(sent)
    doc = sent.doc
    dates = [e for e in ctx.ents(sent) if e.label_ in ("DATE", "TIME")
             and not any(w.start <= e.start and e.end <= w.end for w in written)
             # "the July 7 neighbourhood", "7 July areas": a name, not a date
             and not (e.end < len(doc) and doc[e.end].lemma_.lower() in SETTLEMENT_WORDS | SUBLOCALITY_WORDS)
             and not (e.root.head.i > e.root.i and e.root.head.lemma_.lower() in SETTLEMENT_WORDS | SUBLOCALITY_WORDS)
             ] + written
    if ctx.dateline is not None:  # "MAIDUGURI, March 15 (Reuters) -": when the story was filed
        dates = [e for e in dates if e.start_char >= ctx.dateline.end]
    if told_of(res, head):  # "the group claimed the ambush on Monday": when it claimed it
        dates = [e for e in dates if hangs_on(head, e.root)]
    if not dates:
        return last_time
    # the date that modifies the trigger's own clause, then a fully written one ("On 30 April
    # 2020, teachers who passed the test in 2019 held a protest"), then the nearest; a time
    # of day says which day only when no date does ("an overnight raid ... on Saturday")
    dates.sort(key=lambda e: (e.label_ == "TIME", 0 if governs(head, e.root) else 1,
                              0 if WRITTEN_DATE.search(e.text) else 1, abs(e.start - head.i)))
    for ent in dates:
        text = ent.text
        if ent.start > sent.start and sent.doc[ent.start - 1].lower_ in OPEN_TIME_PREPS:
            text = f"{sent.doc[ent.start - 1].lower_} {text}"  # "since 2012": a span to now
        elif since_then(head):
            text = f"since {text}"  # "signed a deal in 2016, but groups have fought ever since"
        resolved = resolve_date(text, ctx.article.published)
        if resolved is not None or ctx.article.published is None:
            return TimeClaim(text_span(ent), resolved)
    # "the second day of the protest": date words that name no date leave the last one
    return last_time


def told_of(res, head: Token) -> bool:
    """Whether the trigger is an event told before ("the ambush", "this attack") that a
    claim, report or denial speaks of: the dates of that clause are the claim's, not the
    event's, unless they hang on the trigger itself ("the ambush on Sunday")."""
    return speech_clause(res, head) is not None


def speech_clause(res, head: Token) -> Token | None:
    """The verb of the claim, report or denial that speaks of the trigger, when the trigger
    is an event told before (see :func:`told_of`)."""
    if head.pos_ not in ("NOUN", "PROPN") or not any(
            c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in head.children):
        return None
    clause = head
    while clause.dep_ in ("dobj", "pobj", "prep") and clause.head.i != clause.i:
        clause = clause.head
    speech = res.lexicon.cue("claim") | res.lexicon.cue("report") | res.lexicon.cue("deny")
    return clause if clause.i != head.i and clause.lemma_.lower() in speech else None


def said_aside(res, head: Token, word: Token) -> bool:
    """Whether ``word`` tells the circumstances of the claim or report that speaks of the
    trigger, in a clause on one of its nouns ("claimed the attack in a statement sent to
    journalists in Kampala"); a place right on the claim ("claimed the attack in Swabi") or
    in a clause telling the event may be the event's, as short reports write it."""
    clause = speech_clause(res, head)
    if clause is None:
        return False
    node, crossed = word, False
    while node.head.i != node.i:
        crossed = crossed or node.dep_ in ("acl", "relcl")  # "a statement sent ...", not a clause of the event
        node = node.head
        if node.i in (head.i, clause.i):
            return crossed
    return False


def hangs_on(head: Token, word: Token) -> bool:
    """Whether ``word`` modifies ``head`` itself, crossing no clause on the way ("the ambush
    on Sunday"; not "the ambush in a statement sent on Monday")."""
    node = word
    while node.head.i != node.i and node.dep_ not in _CLAUSES:
        node = node.head
        if node.i == head.i:
            return True
    return False


def since_then(head: Token) -> bool:
    """Whether the trigger's clause runs from the date told before to now: "ever since",
    "since then"."""
    return any(c.lower_ == "since" and c.dep_ in ("advmod", "prep") and all(
        g.lower_ == "then" for g in c.children if g.dep_ == "pobj") for c in head.children)


def governs(head: Token, word: Token) -> bool:
    """Whether ``word`` modifies ``head``'s clause: it hangs below the trigger, or below the verb
    a trigger noun is the subject or object of ("held a protest on Monday"), crossing no other
    clause on the way."""
    clause = head
    while clause.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "compound") and clause.head.i != clause.i:
        clause = clause.head
    node = word
    while node.head.i != node.i:
        if node.dep_ in _CLAUSES:
            return False
        node = node.head
        if node.i in (head.i, clause.i):
            return True
    return False




def lasting(claim: TimeClaim | None) -> bool:
    """Whether a time is too long for one happening ("which has been fighting ISIS since 2012",
    "for years"): what the text tells over it is a state or a campaign, not an occurrence."""
    time = claim.time if claim is not None else None
    return time is not None and (time.latest - time.earliest).days > STATE_DAYS
