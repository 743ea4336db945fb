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


def modality_of(res, head: Token, sent: Span, ctx: "DocContext"):
    lex = res.lexicon
    chain = [head, *(t for t in head.ancestors if t.pos_ not in ("ADP", "SCONJ", "PART"))]
    modality = "asserted"
    source: Span | None = None
    told = False  # a finite past or perfect clause below: a fact, whatever wish governs it
    for position, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        children = list(tok.children)
        if position <= 1 and any(c.dep_ == "neg" for c in children):
            return "negated", None
        if any(c.lower_ in FUTURE_AUX for c in children if c.dep_ == "aux") and position <= 1:
            modality = "future"
        elif any(c.lower_ in lex.cue("hypothetical") for c in children if c.dep_ == "aux") and position <= 1:
            modality = "hypothetical"
        if lemma in lex.cue("hypothetical") and position > 0 and modality == "asserted" and not told:
            modality = "hypothetical"
        # "so keen to have him killed that the group has put a bounty on his head": the
        # bounty was put; what the wish governs is its infinitive ("keen to kill him")
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
