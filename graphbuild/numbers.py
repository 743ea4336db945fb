"""Counting people in text the way ACLED coders do.

Digits and number words are read as written; ranges ("1-2", "between 10 and 12")
give their lower bound; vague plurals take ACLED's conservative readings
("dozens" 12, "scores" 20, "hundreds" 100, "several" 3) — an inflated count is
worse than a low one.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {"dozen": 12, "dozens": 12, "scores": 20, "score": 20, "hundreds": 100,
         "thousands": 1000, "several": 3, "few": 3, "couple": 2, "pair": 2,
         "both": 2, "some": 3, "many": 10, "numerous": 10}


def parse_number(text: str) -> int | None:
    """The value of a number written in digits or words: "1,500", "two", "twenty-one",
    "1-2" (lower bound), "a dozen", "dozens". None when it is not a number."""
    text = text.lower().strip().replace(",", "")
    if not text:
        return None
    range_match = re.match(r"^(\d+)\s*(?:-|–|to)\s*\d+$", text)
    if range_match:
        return int(range_match.group(1))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return int(float(text))
    words = [w for w in re.split(r"[\s\-]+", text) if w and w != "and"]
    if len(words) == 1 and words[0] in VAGUE:
        return VAGUE[words[0]]
    if words and words[0] in ("a", "an") and len(words) > 1 and words[1] in VAGUE:
        return VAGUE[words[1]]
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        elif re.fullmatch(r"\d+", word):
            current += int(word)
        else:
            return None
    return total + current


def count_of(token: Token) -> int | None:
    """How many people a noun phrase headed by ``token`` counts.

    "two people" -> 2, "3 militants" -> 3, "1-2 policemen" -> 1, "between 10 and 12
    civilians" -> 10, "dozens of fighters" -> 12, "320 of his followers" -> 320,
    "a soldier" -> 1, "civilians" -> None (unknown)."""
    if token.like_num or token.pos_ == "NUM" or token.lower_ in VAGUE:
        value = parse_number(_number_text(token))
        if value is not None:
            return value
    for child in token.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.lower_ in VAGUE):
            value = parse_number(_number_text(child))
            if value is not None:
                return value
    for child in token.children:  # "dozens of fighters": the count is the head's det/amod
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one") and token.tag_ in ("NN", "NNP"):
            return 1
    if token.tag_ in ("NN", "NNP") and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ in ("", "PERSON", "NORP"):
        if any(c.dep_ in ("det", "poss") for c in token.children) or token.ent_type_ == "PERSON":
            return 1
    return None


def _number_text(token: Token) -> str:
    """The whole number a token belongs to: "twenty - one", "1 - 2", "1,500", "a dozen"."""
    parts = [token]
    for child in token.children:
        if child.dep_ in ("compound", "quantmod", "nummod") and child.i < token.i and (
                child.like_num or child.lower_ in UNITS or child.lower_ in VAGUE):
            parts.append(child)
    parts.sort(key=lambda t: t.i)
    doc = token.doc
    # a range written as three tokens, "1 - 2": keep the first number only
    if token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "–") and doc[token.i + 2].like_num:
        return token.text
    if token.i > 1 and doc[token.i - 1].text in ("-", "–") and doc[token.i - 2].like_num:
        return doc[token.i - 2].text
    return " ".join(t.text for t in parts if t.lower_ not in ("between", "about", "around", "at", "least", "nearly", "almost", "over", "some", "more", "than", "up"))
