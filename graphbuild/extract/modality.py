"""Modality and attribution: negated, future, hypothetical, reported, claimed or denied, and
who says so ("according to ...", the subject of "said", the speaker of a quotation).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..nlp.spans import maybe_span
from ..settings import words

if TYPE_CHECKING:
    from .context import DocContext

FUTURE_AUX = words("future-aux")
EMPTY_SUBJECTS = words("empty-subject")
DEFINITE = words("anaphoric-determiner")
GENERIC_DETERMINERS = words("generic-determiner")


#: the modalities of what the text says happened, the most factual first
FACTUAL = ("asserted", "reported", "claimed")


def more_factual(modality: str, than: str) -> bool:
    """Whether ``modality`` says more surely that the event happened than ``than``."""
    rank = {m: n for n, m in enumerate(FACTUAL)}
    return rank.get(modality, len(FACTUAL)) < rank.get(than, len(FACTUAL))


def attributes_only(res, head: Token, modality: str) -> bool:
    """Whether a mention only says who did an event it takes as having happened ("police blamed
    X for the attack", "X claimed responsibility for the bombing"): its "claimed" is of the doer."""
    return modality == "claimed" and presupposed(res, head)


def modality_of(res, head: Token, sent: Span, ctx: "DocContext", weapon: bool = False):
    """The modality of the event whose trigger is ``head`` (``weapon``: a weapon word) and who
    says so."""
    modality, source = told_modality(res, head, sent, ctx)
    if modality in FACTUAL and generic(res, head, weapon):
        modality = "generic"  # "to halt the murder of activists": a kind of happening, not one
    return modality, source


def told_modality(res, head: Token, sent: Span, ctx: "DocContext"):
    lex = res.lexicon
    chain = [head, *(t for t in head.ancestors if t.pos_ not in ("ADP", "SCONJ", "PART"))]
    modality = "hypothetical" if asks(sent) else "asserted"
    source: Span | None = None
    told = False  # a finite past or perfect clause below: a fact, whatever wish governs it
    given = presupposed(res, head)
    for position, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        children = list(tok.children)
        if given and position > 0 and not (lemma in lex.cue("report") | lex.cue("claim")):
            continue  # "condemned the murder of X", "will investigate the attack": it happened
        if position <= 1 and not (given and position) and any(c.dep_ == "neg" for c in children):
            return "negated", None
        if any(c.lower_ in FUTURE_AUX for c in children if c.dep_ == "aux") and position <= 1:
            modality = "future"
        elif any(c.lower_ in lex.cue("hypothetical") for c in children if c.dep_ == "aux") and position <= 1:
            modality = "hypothetical"
        if lemma in lex.cue("hypothetical") and position > 0 and modality == "asserted" and not told:
            modality = "hypothetical"
        # "so eager to see him dead that the group offered a reward for him": the
        # reward was offered; what the wish governs is its infinitive ("eager to kill him")
        told = told or tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                                for c in children)
        for c in children:
            if c.dep_ == "advmod" and c.lower_ in lex.cue("hedge") and modality == "asserted":
                modality = "claimed" if c.lower_.startswith("alleged") else "reported"
        if position > 0 and lemma in lex.cue("report") | lex.cue("claim") | lex.cue("deny"):
            subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in EMPTY_SUBJECTS:
                source = sent.doc[subject.left_edge.i:subject.right_edge.i + 1]
            if lemma in lex.cue("deny"):
                return "denied", maybe_span(source)
            if modality in ("asserted", "reported"):
                modality = "claimed" if lemma in lex.cue("claim") else "reported"
            break
    if source is None:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
                obj = next((c for c in sent.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None:
                    source = sent.doc[obj.left_edge.i:obj.right_edge.i + 1]
                    if modality == "asserted":
                        modality = "reported"
    if source is None and ctx.quote_speaker(sent) is not None:
        source = ctx.quote_speaker(sent)
        if modality == "asserted":
            modality = "reported"
    return modality, maybe_span(source)


def asks(sent: Span) -> bool:
    """A question ("who ordered the attack?", "are they not violating the law?") asserts
    nothing of what it asks about."""
    last = next((t for t in reversed(sent) if not t.is_space and not t.is_quote), None)
    return last is not None and last.text == "?"


def presupposed(res, head: Token) -> bool:
    """An event noun with a definite determiner or a possessor, not the subject of its verb
    ("condemned the murder of X", "denied any role in the group's attack", "will
    investigate the bombing"): the text takes it as having happened, so what the governing
    verbs say (a plan, a denial, a future) is about something else. "The attack will take
    place", "will launch the offensive" and "an attack is planned" are still not (yet) events."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("nsubj", "csubj", "expl"):
        return False
    if head.dep_ == "dobj" and head.head.lemma_.lower() in res.lexicon.cue("light"):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in head.children)


#: the dependencies by which an event noun may name a kind of happening: its subject use
#: ("attacks killed ten") and a heading or fragment ("Clashes between X and Y") tell an occurrence
_NAMING_DEPS = ("dobj", "pobj", "appos", "attr")
#: the clauses of a verb that tell something else than the event noun's clause
_OWN_CLAUSES = ("ccomp", "advcl", "xcomp", "relcl", "acl", "conj", "parataxis", "csubj")
_OWN_WORDS = ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "NORP", "ORG", "PERSON")


def generic(res, head: Token, weapon: bool = False) -> bool:
    """An event noun that names a kind of happening, not one: a bare plural ("repression in the
    form of arrests, murders and raids", "cease all killings", "attacks against universities")
    or a noun whose "of" names bare plurals ("to halt the murder of activists", "the bombing of
    civilians"), with no determiner, possessor, number, date or place of its own, that is not
    the subject of its clause nor the object of a verb that carries it out ("carried out attacks")."""
    if head.pos_ != "NOUN":
        return False
    noun = head
    while noun.dep_ in ("compound", "nmod") and noun.head.i != noun.i:  # "bomb attacks"
        noun = noun.head
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:  # "arrests, murders and raids"
        first = first.head
    if first.dep_ not in _NAMING_DEPS or (first.dep_ == "dobj" and first.head.lemma_.lower() in res.lexicon.cue("light")):
        return False
    if first.dep_ == "attr" and any(c.dep_ == "expl" for c in first.head.children):
        return False  # "there were explosions and shots"
    if first.dep_ == "pobj" and first.head.head.pos_ in ("VERB", "AUX"):
        return False  # "attacked the post with mortars": what a clause's act was done with
    if weapon or head.lemma_.lower() in res.lexicon.cue("weapon"):
        return False  # "shots involving small arms", "attacks by helicopter gunships": the act decides
    if any(t.ent_type_ in _OWN_WORDS or t.like_num for t in [*noun.subtree, *clause_words(first)]):
        # "attacks in Apopa", "condemned attacks on schools in Gao on Monday", "attacks of
        # pro-Houthi forces": a place, a time, a count or a named side of its own
        return False
    if noun.tag_ in ("NNS", "NNPS"):
        # "attacks on the embassy" is one
        return bare(noun) and bare(first) and all(bare(o) for o in prep_objects(noun))
    # "the murder of activists": the kind of happening its bare plural "of" names
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return bare(noun, ("the",)) and bool(objects) and all(
        o.tag_ == "NNS" and bare(o) and not any(c.pos_ == "PROPN" for c in o.conjuncts) for o in objects)


def clause_words(noun: Token) -> list[Token]:
    """The words of the nouns and the clause an event noun hangs on, up to the verb, but their
    own clauses: "condemned attacks on schools in Gao on Monday", "a total of 23 explosions",
    "the second day of protests", "14 passengers sustained injuries"."""
    words, child, node = [], noun, noun.head
    while child.i != node.i:
        words += [t for c in node.children if c.i != child.i and c.dep_ not in _OWN_CLAUSES for t in c.subtree]
        if node.pos_ in ("VERB", "AUX"):
            break
        child, node = node, node.head
    return words


def bare(noun: Token, allowed=()) -> bool:
    """No determiner but a generic one ("all", "such") or ``allowed``, no possessor, no number."""
    for c in noun.children:
        if c.dep_ in ("poss", "nummod"):
            return False
        if c.dep_ in ("det", "predet") and c.lower_ not in GENERIC_DETERMINERS and c.lower_ not in allowed:
            return False
    return True


def prep_objects(noun: Token, preps=("of", "against", "on", "at")) -> list[Token]:
    """The objects of the noun's prepositions (with their conjuncts): "attacks on X and Y"."""
    found = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
             for o in p.children if o.dep_ == "pobj"]
    return found + [x for o in found for x in o.conjuncts]
