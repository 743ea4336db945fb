"""Small helpers over spaCy Docs and Spans shared by the components and event assembly:
the entities and lower-case text of a Doc made once, character spans, name words.
"""
from __future__ import annotations

import re
from collections import OrderedDict

from spacy.tokens import Doc, Span, Token

from ..model import TextSpan
from ..settings import words

MEDIA_WORDS = words("media")


#: Per-Doc values made once (the Doc's entities, its lower-case text), for the last Docs seen.
#: Kept here, not in ``doc.user_data``, which spaCy serialises when it pipes in several processes.
_MADE: OrderedDict[int, tuple[Doc, dict]] = OrderedDict()
_KEEP = 256
NAME_FILLERS = words("name-filler")


def _made(doc: Doc) -> dict:
    entry = _MADE.get(id(doc))
    if entry is None or entry[0] is not doc:
        entry = _MADE[id(doc)] = (doc, {})
        if len(_MADE) > _KEEP:
            _MADE.popitem(last=False)
    return entry[1]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The document's entities, made once (``Doc.ents`` builds new spans at every call)."""
    made = _made(doc)
    ents = made.get("ents")
    if ents is None:
        ents = made["ents"] = tuple(doc.ents)
    return ents


def lower_text(doc: Doc) -> str:
    """The document's text in lower case, made once (``Doc.text`` joins the tokens at every call)."""
    made = _made(doc)
    text = made.get("lower")
    if text is None:
        text = made["lower"] = doc.text.lower()
    return text


def text_span(span: Span) -> TextSpan:
    return TextSpan(span.start_char, span.end_char, span.text)


def maybe_span(span: Span | None) -> TextSpan | None:
    return text_span(span) if span is not None else None


def name_words(name: str) -> set[str]:
    words = re.split(r"[\s\-–]+", name.lower())
    return {w for w in words if w not in NAME_FILLERS}


def clean_name(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)
    text = text.strip(" '\"‘’“”")
    text = re.sub(r"(?<=\w)[’']s$", "", text)  # "al-Baghdadi's" is al-Baghdadi
    if text[:3].lower() == "al-":
        text = "al-" + text[3:]
    return text


def looks_like_person(ent: Span) -> bool:
    """spaCy's small model tags some Arabic names as ORG ("Al-Baghdadi")."""
    return bool(re.match(r"^(?:al|el|abu|abd|ibn|bin)[-\s]", ent.text, re.I)) and len(ent) <= 4


def is_media(ent: Span) -> bool:
    return any(t.lower_ in MEDIA_WORDS for t in ent)


def starts_name(tok: Token) -> bool:
    # "Dar'a" is not title case to Python, but is written as a name
    titled = tok.is_title or (tok.text[:1].isupper() and tok.text[1:2].islower())
    return tok.pos_ == "PROPN" or (titled and tok.pos_ in ("NOUN", "ADJ") and tok.i > tok.sent.start
                                   and not tok.is_stop)
