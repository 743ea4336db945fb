"""The extraction's word lists and weights, read once from ``ontology/``.

``words.csv`` holds word lists (one word a row, with its kind), ``word_values.csv`` words
with a value (a unit's country, a bearing's degrees), ``settings.csv`` the weights,
windows and thresholds. Code names a list by its kind: ``words("settlement")``.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import ontology_path, read_csv


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_csv(ontology_path("words.csv")):
        kinds.setdefault(row["kind"], set()).add(row["word"])
    return {kind: frozenset(found) for kind, found in kinds.items()}


@lru_cache(maxsize=1)
def _valued_words() -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {}
    for row in read_csv(ontology_path("word_values.csv")):
        kinds.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return kinds


@lru_cache(maxsize=1)
def _settings() -> dict[str, float]:
    values = {}
    for number, row in enumerate(read_csv(ontology_path("settings.csv")), start=2):
        try:
            value = float(row["value"])
        except ValueError:
            raise ValueError(f"{ontology_path('settings.csv')}: {row['name']!r} is not a number: {row['value']!r}")
        values[row["name"]] = int(value) if value.is_integer() and "." not in row["value"] else value
    return values


def words(kind: str) -> frozenset[str]:
    """The words of one kind in ``ontology/words.csv``; an unknown kind is an error."""
    try:
        return _word_lists()[kind]
    except KeyError:
        raise KeyError(f"ontology/words.csv has no words of kind {kind!r}") from None


def word_values(kind: str, convert=str) -> dict[str, object]:
    """The words of one kind in ``ontology/word_values.csv`` with their values, in file order."""
    try:
        return {word: convert(value) for word, value in _valued_words()[kind].items()}
    except KeyError:
        raise KeyError(f"ontology/word_values.csv has no words of kind {kind!r}") from None


def setting(name: str):
    """A number from ``ontology/settings.csv``."""
    try:
        return _settings()[name]
    except KeyError:
        raise KeyError(f"ontology/settings.csv has no setting {name!r}") from None
