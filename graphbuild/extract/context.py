"""What event assembly knows of one article while it reads it: the Doc's sentences, entities,
places, dates and counts indexed by sentence, the actor mentions by token, and the
mentions of events before they are merged.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, CountClaim, PlaceClaim, TextSpan
from ..nlp.counts import sentence_counts
from ..nlp.spans import entities, text_span
from ..nlp.time_expressions import SPANS_KEY as DATES
from ..settings import words


QUOTE_VERBS = words("quote-verb")
QUOTATION = re.compile(r"“[^”\n]{3,600}”|\"[^\"\n]{3,600}\"")


@dataclass
class ActorMention:
    start: int  # token indices in the doc
    end: int
    actor: Actor

    def span(self, doc: Doc) -> TextSpan:
        end = self.end
        while end > self.start + 1 and doc[end - 1].tag_ == "POS":
            end -= 1  # "Romero's murder": the name, not its possessive ending
        return text_span(doc[self.start:end])


@dataclass
class Mention:
    """One trigger in one sentence, before mentions of the same event are merged."""

    event_type: str
    head: Token
    tokens: Span
    cue: bool = False
    roles: dict[str, list[ActorMention]] = field(default_factory=dict)
    anaphoric: bool = False
    part_of_head: Token | None = None
    targets: list[Token] = field(default_factory=list)  # raw object/target words
    physical: list[Token] = field(default_factory=list)  # the targets that are things, not people
    instruments: list[Token] = field(default_factory=list)  # the weapons it was done with
    weapon: str | None = None  # the explosion type a weapon word in the sentence names


class DocContext:
    """One article's Doc indexed by sentence, its countries, outlet countries and actor mentions;
    ``without`` and ``scenes`` keep what the place module worked out once per article."""

    def __init__(self, doc, article, countries, main_country, mentions, by_token, places, publisher,
                 dateline: TextSpan | None = None):
        self.doc = doc
        self.article = article
        self.countries = countries
        self.main_country = main_country
        self.mentions = mentions
        self.by_token = by_token
        sentences = list(doc.sents)
        self._speakers = quote_speakers(doc, sentences)
        self._ents: dict[int, list[Span]] = {}
        for ent in entities(doc):
            self._ents.setdefault(ent.sent.start, []).append(ent)
        self._places: dict[int, list[Span]] = {}
        self.publisher: set[str] = publisher  # the countries of the article's outlet and title
        self.dateline = dateline  # "BAGHDAD, May 3 (Reuters) -": its date is the filing's, not an event's
        self.filed_from: PlaceClaim | None = None  # the dateline's town, see place.filed_place
        self.without: dict[str, tuple[list[str], list[str]]] = {}  # countries without a name, by name
        self.scenes: dict[int, PlaceClaim | None] = {}  # a sentence's own place, by its number
        self.all_places = places
        self.sentences = sentences
        self._sentence_chars = [sent.start_char for sent in sentences]
        # "JNIM claimed responsibility for the attack": (the claimant, its sentence's number),
        # found by implied_actors.find_claimants once the context is made
        self.claimants: list = []
        self.relations: list = []  # the relations the text states between actors (relations.find_relations)
        for span in places:
            self._places.setdefault(span.sent.start, []).append(span)
        self._dates: dict[int, list[Span]] = {}
        for span in doc.spans.get(DATES, ()):
            self._dates.setdefault(span.sent.start, []).append(span)
        self._counts = sentence_counts(doc)

    def sentence_index(self, char: int) -> int:
        """The number of the sentence a character offset falls in."""
        return max(bisect.bisect_right(self._sentence_chars, char) - 1, 0)

    def ents(self, sent: Span) -> list[Span]:
        """The named entities of a sentence (``Span.ents`` rescans the whole doc)."""
        return self._ents.get(sent.start, [])

    def places(self, sent: Span) -> list[Span]:
        return self._places.get(sent.start, [])

    def quote_speaker(self, sent: Span) -> Span | None:
        return self._speakers.get(sent.start)

    def written_dates(self, sent: Span) -> list[Span]:
        """The dates of a sentence the model did not tag (the ``graphbuild_time_expressions`` component's)."""
        return self._dates.get(sent.start, [])

    def counts(self, sent: Span) -> tuple[CountClaim | None, CountClaim | None]:
        """(killed, injured) that a sentence reports (the ``graphbuild_counts`` component's)."""
        return self._counts.get(sent.start, (None, None))


def quote_speakers(doc: Doc, sentences: list[Span]) -> dict[int, Span]:
    """Sentences inside a quotation mapped to the speaker that introduces it
    ('A security source said: "They heard of the plan ... There was a fight ..."')."""
    speakers: dict[int, Span] = {}
    current: Span | None = None
    text = doc.text  # built anew at every access
    if not any(mark in text for mark in ('"', "“", "”")):
        return speakers
    # '"About two months ago we captured him. He was trying to escape," recalled X': the
    # speaker named after the quotation
    starts = [sent.start_char for sent in sentences]
    for quote in QUOTATION.finditer(text):
        speaker = trailing_speaker(doc, quote.end())
        if speaker is not None:
            for n in range(bisect.bisect_right(starts, quote.start()) - 1, len(sentences)):
                if sentences[n].start_char >= quote.end():
                    break
                speakers.setdefault(sentences[n].start, speaker)
    for sent in sentences:
        text = sent.text.strip()
        if current is not None and (text.startswith(("\"", "“")) or not text.endswith(("\"", "”"))):
            speakers[sent.start] = current
        if re.search(r"\b(said|says|told|added|recalled)\s*:\s*[\"“]", sent.text):
            verb = next((t for t in sent if t.lemma_ in QUOTE_VERBS), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
            if subject is not None:
                current = doc[subject.left_edge.i:subject.right_edge.i + 1]
                speakers[sent.start] = current
                continue
        if text.endswith(("\"", "”")) or not text:
            current = None
    return speakers


def trailing_speaker(doc: Doc, end: int) -> Span | None:
    """The subject of a quoting verb right after a quotation's closing mark (``end``), in
    the same sentence: ', said Commander X', ' recalled X', ' he added', ' an army spokesman said'."""
    span = doc.char_span(end, min(end + 80, len(doc.text)), alignment_mode="expand")
    if span is None:
        return None
    for tok in span[:8]:
        if tok.text in (".", "!", "?") or "\n" in tok.text or (tok.is_sent_start and tok.i > span.start):
            return None
        if tok.lemma_ in QUOTE_VERBS and tok.pos_ == "VERB":
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return doc[subject.left_edge.i:subject.right_edge.i + 1] if subject is not None else None
    return None
