"""The parts of a news article: title, dateline, paragraphs, quotations and boilerplate.

A web or wire article is more than its news: a headline line, a dateline ("BAGHDAD, May 3
(Reuters) -", "LONDON —", "Hajin, Syria (CNN)"), paragraphs, quotations, and lines that are
not news at all (captions, "Image copyright", "Read more", "Most read in", share buttons;
their patterns are data: ``ontology/boilerplate.csv``; a "Read more" link run into a line,
with the headline it links, is boilerplate too). :func:`article_structure` finds
them by character offsets into the text; :func:`mask` blanks the boilerplate with spaces
(the text keeps its length, so every offset stays valid) before extraction, which then
never takes an event or an actor from it. The graph keeps each part as what it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..gazetteer import fold
from ..lexicon import ontology_path, read_csv
from ..model import TextSpan

MAX_BOILERPLATE_LINE = 300  # characters: a longer line is a paragraph, whatever it starts with
MAX_TITLE = 200  # characters in a headline line
MIN_QUOTE_WORDS = 3  # shorter quoted strings are names and scare quotes, not quotations

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
# "BAGHDAD, May 3 (Reuters) -", "LONDON —", "Hajin, Syria (CNN)", "KABUL, Afghanistan (AP) —"
_DATELINE = re.compile(
    rf"(?P<place>{_NAME}(?:,\s*(?!(?i:{_MONTH})\s+\d){_NAME})?)"
    rf"(?:,?\s+(?P<date>(?i:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    r"(?:\s*\((?P<agency>[A-Z][\w .&’'/-]{1,30})\))?"
    r"(?P<dash>\s*(?:--|[-—–]))?")
_QUOTE = re.compile(r"“[^”\n]{3,600}”|\"[^\"\n]{3,600}\"")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# a section heading in wiki markup ("== Background =="), often run into the text around it
# when the page lost its line breaks ("by ETA.==Background==The cafe")
_WIKI_HEADING = re.compile(r"(={2,6})[^=\n]{1,80}?\1")
# a link to another story in the middle of a line, after a sentence's end ("... stations.Read more:
# Why police ...", "READ MORE"): pages that lost their line breaks run it into the text around it
_INLINE_READ_MORE = re.compile(r"(?<=[.!?”\"'’])\s*(?:Read [Mm]ore|READ MORE)(?![a-z])\s*:?\s*")
# where the linked headline ends: a line break, or the next text glued to it without a space
# ("... show similar patternsFrench soldiers", "... missing the point?Every evening"), or a sentence's end
_HEADLINE_END = re.compile(r"\n|(?<=[a-z]{3})(?=[A-Z][a-z])|(?<=[.!?”\"])(?=[A-Z“\"])|(?<=[.!?])(?=\s)")


@dataclass
class Dateline:
    span: TextSpan
    place: TextSpan  # where the article was filed: the scene of its story
    date: TextSpan | None = None
    agency: str = ""
    resolved: object | None = None  # the gazetteer's Place for ``place``, see :func:`resolve_dateline`


def resolve_dateline(dateline: Dateline, gazetteer) -> None:
    """Find the dateline's place in the gazetteer: "KABUL, Afghanistan" is Kabul in
    Afghanistan, "Hajin, Syria" Hajīn in Syria; the parts after the first are its country
    or region."""
    name, *around = [part.strip() for part in dateline.place.text.split(",") if part.strip()]
    countries = tuple(code for code in map(gazetteer.country_code, around) if code)
    # written in capitals, "ADEN" would read as a code; the name is what is looked up
    dateline.resolved = gazetteer.resolve(name.title() if name.isupper() else name, countries,
                                          frozenset(fold(part) for part in around))


@dataclass
class Boilerplate:
    span: TextSpan
    kind: str  # caption, navigation, promotion, sharing, legal, heading (wiki markup)


@dataclass
class ArticleStructure:
    title: TextSpan | None = None
    dateline: Dateline | None = None
    paragraphs: list[TextSpan] = field(default_factory=list)
    quotations: list[TextSpan] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    patterns = []
    for number, row in enumerate(read_csv(ontology_path("boilerplate.csv")), start=2):
        try:
            patterns.append((row["kind"], re.compile(r"[\s•·*>|-]*(?:" + row["pattern"] + ")", re.IGNORECASE)))
        except re.error as exc:
            raise ValueError(f"boilerplate.csv: pattern {row['pattern']!r} is not a regular expression "
                             f"({exc})") from None
    return tuple(patterns)


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, text[start:end])


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def article_structure(text: str) -> ArticleStructure:
    """The title line, dateline, paragraphs, quotations and boilerplate lines of ``text``."""
    structure = ArticleStructure()
    patterns = boilerplate_patterns()
    first_line = True
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        if len(stripped) <= MAX_BOILERPLATE_LINE:
            kind = next((k for k, p in patterns if p.match(line)), None)
            if kind is not None:
                structure.boilerplate.append(Boilerplate(_span(text, lead, lead + len(stripped)), kind))
                continue
        if first_line:
            first_line = False
            if "\n" in text[end:] and len(stripped) <= MAX_TITLE and not stripped.endswith((".", ":", "”", '"')):
                structure.title = _span(text, lead, lead + len(stripped))
                continue
        if structure.dateline is None and not structure.paragraphs:
            structure.dateline = _dateline(text, lead)
        structure.paragraphs.append(_span(text, lead, lead + len(stripped)))
    for match in _WIKI_HEADING.finditer(text):
        if not any(b.span.start <= match.start() < b.span.end for b in structure.boilerplate):
            structure.boilerplate.append(Boilerplate(_span(text, match.start(), match.end()), "heading"))
    for match in _INLINE_READ_MORE.finditer(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if not any(b.span.start <= start < b.span.end for b in structure.boilerplate):
            structure.boilerplate.append(Boilerplate(_span(text, start, _linked_headline_end(text, match.end())),
                                                     "navigation"))
    structure.boilerplate.sort(key=lambda b: b.span.start)
    masked = {(b.span.start, b.span.end) for b in structure.boilerplate}
    structure.paragraphs = [p for p in structure.paragraphs if (p.start, p.end) not in masked]
    structure.quotations = [_span(text, m.start(), m.end()) for m in _QUOTE.finditer(text)
                            if len(m.group().split()) >= MIN_QUOTE_WORDS
                            and not any(b.span.start <= m.start() < b.span.end for b in structure.boilerplate)]
    return structure


def _linked_headline_end(text: str, start: int) -> int:
    """Where the headline a mid-line "Read more" links to ends: at the next text run into it
    or the line's end, if that comes within a headline's length; else only the prompt goes."""
    end = _HEADLINE_END.search(text, start + 1)
    end = end.start() if end else len(text)
    end = end if end - start <= MAX_TITLE else start
    return len(text[:end].rstrip())


def _dateline(text: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph at ``start``: a place in capitals followed by a
    dash, or a place with a date or an agency in parentheses, before the first sentence."""
    match = _DATELINE.match(text, start)
    if match is None:
        return None
    place, agency, dash = match.group("place"), match.group("agency"), match.group("dash")
    shouting = place.replace(",", "").replace(" ", "").replace("-", "").isupper()
    # "LONDON —", "Kabul, May 3 -", "Hajin, Syria (CNN)"; not "Indian Border Security Force (BSF)"
    if not ((dash and (shouting or match.group("date") or agency)) or (agency and "," in place)):
        return None
    end = match.end()
    date = _span(text, match.start("date"), match.end("date")) if match.group("date") else None
    return Dateline(_span(text, match.start(), end), _span(text, match.start("place"), match.end("place")),
                    date, agency or "")


def mask(text: str, structure: ArticleStructure) -> str:
    """``text`` with its boilerplate replaced by spaces (same length). The dateline stays:
    its place is evidence of where the story happened."""
    if not structure.boilerplate:
        return text
    chars = list(text)
    for span in (b.span for b in structure.boilerplate):
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def quote_original(value, original: str, prepared: str, _seen: set | None = None):
    """Make every :class:`TextSpan` inside ``value`` (an extraction, its events, actors ...)
    quote ``original`` at its offsets: the model read ``prepared``, a same-length copy with
    case restored and boilerplate blanked, and evidence must show what the article says.
    A span is first trimmed of the blanks it has in ``prepared`` (a sentence followed by
    masked lines ends where its words do). Returns the value, its spans replaced in place."""
    seen = set() if _seen is None else _seen
    if isinstance(value, TextSpan):
        start, end = value.start, value.end
        while end > start and prepared[end - 1].isspace():
            end -= 1
        while start < end and prepared[start].isspace():
            start += 1
        if start == end:
            start, end = value.start, value.end
        return TextSpan(start, end, original[start:end])
    if id(value) in seen or isinstance(value, (str, int, float, bool, type(None))):
        return value
    seen.add(id(value))
    if isinstance(value, list):
        value[:] = [quote_original(v, original, prepared, seen) for v in value]
    elif isinstance(value, tuple):
        return tuple(quote_original(v, original, prepared, seen) for v in value)
    elif isinstance(value, (set, frozenset, dict)):
        return value
    elif hasattr(value, "__dataclass_fields__") and not value.__dataclass_params__.frozen:
        for name in value.__dataclass_fields__:
            current = getattr(value, name)
            new = quote_original(current, original, prepared, seen)
            if new is not current:
                setattr(value, name, new)
    return value
