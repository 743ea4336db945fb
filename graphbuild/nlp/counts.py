"""The ``graphbuild_counts`` component: how many people a sentence says were killed and injured.

Counts the victims of death and injury words ("two people were killed", "killing 3
militants and 1-2 policemen", "the death of 12"), summing coordinated groups and taking
the lower bound of ranges; "no casualties" is 0 killed. Results: one span a sentence at most
in ``doc.spans["graphbuild_killed"]`` and ``doc.spans["graphbuild_injured"]``, the words
that give the count, with the count in ``span._.killed`` or ``span._.injured``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..model import CountClaim
from ..numbers import count_of
from ..settings import words
from .resources import resources
from .spans import text_span

FOUND_VERBS = words("found")
DEATH_VERBS = words("death")
INJURY_WORDS = words("injury")
DEATH_NOUNS = words("death-noun")
CASUALTY_WORDS = words("casualty")
VAGUE_CASUALTY_WORDS = words("vague-casualty")
BODY_WORDS = words("body")
NONE_DETERMINERS = words("none-determiner")
NOBODY_WORDS = words("nobody")
KILLED, INJURED = "graphbuild_killed", "graphbuild_injured"

#: The count of a span of either group: ``span._.killed`` or ``span._.injured`` (spaCy keys a
#: span's extension values by its offsets, so the words that give both counts need two names).
for _name in ("killed", "injured"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.factory("graphbuild_counts", default_config={"actor_files": []})
def make_counts(nlp: Language, name: str, actor_files: list[str]):
    return Counts(name, actor_files=actor_files)


class Counts:
    """Killed and injured counts of every sentence (:func:`count_casualties`)."""

    def __init__(self, name: str = "graphbuild_counts", *, actor_files=()):
        self.name = name
        self.lexicon = resources(tuple(actor_files)).lexicon

    def __call__(self, doc: Doc) -> Doc:
        groups = {KILLED: [], INJURED: []}
        for sent in doc.sents:
            for key, claim in zip((KILLED, INJURED), count_casualties(sent, self.lexicon)):
                if claim is not None:
                    span = doc.char_span(claim.span.start, claim.span.end, label=key.removeprefix("graphbuild_"))
                    span._.set(span.label_, claim.value)
                    groups[key].append(span)
        for key, spans in groups.items():
            doc.spans[key] = spans
        return doc


def sentence_counts(doc: Doc) -> dict[int, tuple[CountClaim | None, CountClaim | None]]:
    """(killed, injured) of every sentence with a count, by the sentence's first token."""
    found: dict[int, list] = {}
    for n, key in enumerate((KILLED, INJURED)):
        for span in doc.spans.get(key, ()):
            claims = found.setdefault(span.sent.start, [None, None])
            claims[n] = CountClaim(span._.get(key.removeprefix("graphbuild_")), text_span(span))
    return {start: tuple(claims) for start, claims in found.items()}


def count_casualties(sent: Span, lexicon: Lexicon) -> tuple[CountClaim | None, CountClaim | None]:
    """People killed and injured that a sentence reports, as (killed, injured).

    Counts the victims of death and injury words ("two people were killed", "killing 3
    militants and 1-2 policemen", "the death of 12"), summing coordinated groups and
    taking the lower bound of ranges; "no casualties" is 0 killed."""
    killed = injured = None
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in CASUALTY_WORDS or \
                lemma in DEATH_VERBS | INJURY_WORDS:
            if any(c.lower_ in NONE_DETERMINERS for c in tok.children if c.dep_ == "det") or \
                    any(c.lower_ in NOBODY_WORDS for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
                if lemma in INJURY_WORDS or lemma == "injury":
                    injured = injured or CountClaim(0, text_span(sent.doc[tok.i:tok.i + 1]))
                else:
                    killed = killed or CountClaim(0, text_span(sent.doc[tok.i:tok.i + 1]))
                continue
            if lemma in VAGUE_CASUALTY_WORDS and not (lemma == "life" and tok.head.lemma_ == "lose"):
                continue
            if lemma in BODY_WORDS and tok.head.lemma_.lower() not in FOUND_VERBS:
                continue
            victims = victims_of(tok)
            total = 0
            spans = []
            for v in victims:
                value = count_of(v)
                if value is not None:
                    total += value
                    spans.append(v)
            if not spans:
                continue
            first, last = min(s.left_edge.i for s in spans), max(s.right_edge.i for s in spans)
            claim = CountClaim(total, text_span(sent.doc[first:last + 1]))
            if lemma in INJURY_WORDS:
                injured = injured or claim
            elif killed is None or (killed.value == 0 and total):
                killed = claim
    return killed, injured


def victims_of(tok: Token) -> list[Token]:
    """The noun phrases (with their conjuncts) that a death or injury word counts."""
    lemma = tok.lemma_.lower()
    found: list[Token] = []
    if lemma in DEATH_NOUNS:
        if any(c.dep_ == "nummod" for c in tok.children):
            return [tok]  # "3 dead", "2 fatalities", "two bodies"
        found += [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for x in c.children if x.dep_ == "pobj"]
        if tok.dep_ == "pobj" and tok.head.lower_ == "to":  # "beaten to death"
            found += patients_of(tok.head.head)
        if lemma == "dead":
            found += [c for c in tok.children if c.dep_ == "nsubj"]
            if tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "ccomp", "dobj"):
                found += patients_of(tok.head) + [c for c in tok.head.children if c.dep_ == "nsubj"]
            if tok.dep_ in ("amod", "npadvmod"):
                found.append(tok.head)
    elif lemma == "life":
        found += [c for c in tok.head.children if c.dep_ == "nsubj"]
    elif lemma == "die":
        found += [c for c in tok.children if c.dep_ == "nsubj"]
    else:
        found += patients_of(tok)
    out = []
    for f in found:
        out.append(f)
        out.extend(f.conjuncts)
    return list(dict.fromkeys(out))


def patients_of(verb: Token) -> list[Token]:
    """Who undergoes a verb: the passive subject or the object, shared with a coordinated
    verb ("was attacked and beaten"), or the noun a participle modifies ("people killed")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    found = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not found and verb.dep_ == "conj":
        found = patients_of(verb.head)
    if not found and verb.dep_ in ("acl", "amod", "relcl") and verb.tag_ == "VBN":
        found = [verb.head]
    return found
