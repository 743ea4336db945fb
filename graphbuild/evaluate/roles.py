"""Document-level role fillers: graphbuild's evidence phrases per role against gold entities.

Each gold article is ingested (no publication date unless the gold gives one) into a
temporary store. For each article, the phrases the store gives as evidence of an event
argument are gathered per role: perpetrator (actor1), victim/target (victim, target and
actor2), place and weapon (instrument). Only the events the default views show are counted (what the text says
happened: :data:`graphbuild.export.DEFAULT_MODALITIES`), and of those only the events of the gold's
scope (a gold format's ``SCOPE``: the event types whose roles the gold codes, e.g. attacks but not
arrests or protests; every event with ``scope=None``). A predicted phrase matches a gold
entity when, lower-cased and without leading articles and numbers, one of the entity's
mentions equals it or ends in the same (head) word. Recall counts gold entities matched,
precision counts distinct predicted phrases that match some gold entity.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..articles import Article
from ..export import DEFAULT_MODALITIES
from ..lexicon import EventType, load_event_types
from ..numbers import parse_number
from ..pipeline import Pipeline, ingest
from ..store import Store

ROLES = ("perpetrator", "victim/target", "place", "weapon")
#: graphbuild's argument roles (local names in the gb/sem namespaces) per scored role
PREDICTED_ROLES = {"actor1": "perpetrator", "victim": "victim/target", "target": "victim/target",
                   "actor2": "victim/target", "hasPlace": "place", "instrument": "weapon"}
_ARTICLES = {"the", "a", "an"}


@dataclass
class RoleDoc:
    """One gold article: its text and, per scored role, its entities (each a list of mentions)."""

    id: str
    text: str
    gold: dict[str, list[list[str]]]
    published: dt.date | None = None


def scope_types(roots, event_types: dict[str, EventType] | None = None) -> frozenset[str]:
    """The taxonomy ids of the concepts ``roots`` and every concept narrower than one of them."""
    event_types = event_types if event_types is not None else load_event_types()
    unknown = [r for r in roots if r not in event_types]
    if unknown:
        raise ValueError(f"not in the event taxonomy: {', '.join(unknown)}")

    def within(type_id):
        while type_id is not None:
            if type_id in roots:
                return True
            type_id = event_types[type_id].broader if type_id in event_types else None
        return False

    return frozenset(t for t in event_types if within(t))


@dataclass
class RoleEvaluation:
    articles: int = 0
    failed: int = 0
    scope: tuple[str, ...] | None = None  # labels of the event types scored (None: every event)
    matched_gold: dict = field(default_factory=lambda: defaultdict(int))
    gold: dict = field(default_factory=lambda: defaultdict(int))
    matched_predicted: dict = field(default_factory=lambda: defaultdict(int))
    predicted: dict = field(default_factory=lambda: defaultdict(int))
    misses: list = field(default_factory=list)

    def precision(self, role: str) -> float:
        return self.matched_predicted[role] / self.predicted[role] if self.predicted[role] else 0.0

    def recall(self, role: str) -> float:
        return self.matched_gold[role] / self.gold[role] if self.gold[role] else 0.0

    def f1(self, role: str) -> float:
        p, r = self.precision(role), self.recall(role)
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, doc_id: str, scores: dict) -> None:
        """Count one article's :func:`score_article` result; keep its misses."""
        miss = {"id": doc_id}
        for role, s in scores.items():
            self.matched_gold[role] += s["gold_matched"]
            self.gold[role] += s["gold"]
            self.matched_predicted[role] += s["predicted_matched"]
            self.predicted[role] += s["predicted"]
            if s["missed"] or s["spurious"]:
                miss[role] = {"missed": s["missed"], "spurious": s["spurious"]}
        if len(miss) > 1:
            self.misses.append(miss)

    def scored_roles(self) -> list[str]:
        """The roles the gold fills at all (MUC-4 has no places)."""
        return [r for r in ROLES if self.gold[r]]

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "failed_articles": self.failed,
            "scope": list(self.scope) if self.scope is not None else "all events",
            "roles": {r: {"precision": round(self.precision(r), 4), "recall": round(self.recall(r), 4),
                          "f1": round(self.f1(r), 4), "gold": self.gold[r],
                          "gold_matched": self.matched_gold[r], "predicted": self.predicted[r],
                          "predicted_matched": self.matched_predicted[r]}
                      for r in self.scored_roles()},
            "misses": self.misses,
        }


def normalise(phrase: str) -> str:
    """Lower case, single spaces, without leading articles and numbers ("the 3 soldiers" -> "soldiers")."""
    words = re.findall(r"[\w'’.-]+", phrase.lower())
    words = [w.strip(".") for w in words if w.strip(".")]
    while len(words) > 1 and (words[0] in _ARTICLES or parse_number(words[0]) is not None):
        words.pop(0)
    return " ".join(words)


def phrase_matches(predicted: str, mentions: list[str]) -> bool:
    """True when ``predicted`` equals one of a gold entity's mentions after normalising,
    or has the same head (last) word."""
    mine = normalise(predicted)
    if not mine:
        return False
    for mention in mentions:
        theirs = normalise(mention)
        if theirs and (theirs == mine or theirs.split()[-1] == mine.split()[-1]):
            return True
    return False


def score_article(gold: dict[str, list[list[str]]], predicted: dict[str, set[str]]) -> dict:
    """Per role: (gold entities matched, gold entities, predicted phrases matched, predicted
    phrases, missed gold entities, spurious predicted phrases)."""
    result = {}
    for role in ROLES:
        entities = [e for e in gold.get(role, []) if e]
        phrases = sorted(predicted.get(role, set()))
        found = [any(phrase_matches(p, e) for p in phrases) for e in entities]
        good = [any(phrase_matches(p, e) for e in entities) for p in phrases]
        result[role] = {
            "gold_matched": sum(found), "gold": len(entities),
            "predicted_matched": sum(good), "predicted": len(phrases),
            "missed": [e[0] for e, ok in zip(entities, found) if not ok],
            "spurious": [p for p, ok in zip(phrases, good) if not ok],
        }
    return result


_EVIDENCE_QUERY = """
SELECT DISTINCT ?id ?type ?role ?phrase ?modality WHERE {
  ?e a gb:EventReport ; dct:source ?art ; sem:eventType ?type ; gb:argument ?claim .
  ?art gb:articleId ?id .
  ?claim gb:role ?role ; gb:evidence/nif:anchorOf ?phrase .
  OPTIONAL { ?e gb:modality/rdfs:label ?modality }
}
"""


def evidence_phrases(store: Store, modalities=DEFAULT_MODALITIES,
                     scope: frozenset[str] | None = None) -> dict[str, dict[str, set[str]]]:
    """article id -> scored role -> the distinct evidence phrases the store holds for it,
    from the events whose modality is one of ``modalities`` (all with ``None``) and whose
    type is one of the taxonomy ids ``scope`` (all with ``None``)."""
    phrases: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(_EVIDENCE_QUERY):
        role = PREDICTED_ROLES.get(re.split(r"[#/]", row["role"])[-1])
        if role is None:
            continue
        if modalities is not None and (row["modality"] or "asserted") not in modalities:
            continue
        if scope is not None and re.split(r"[#/]", row["type"])[-1] not in scope:
            continue
        phrases[row["id"]][role].add(row["phrase"].strip())
    return phrases


def evaluate_roles(docs: list[RoleDoc], pipeline: Pipeline | None = None, on_record=None,
                   scope: tuple[str, ...] | None = None) -> RoleEvaluation:
    """Ingest the gold articles into a temporary store and score its role evidence of the
    events in ``scope`` (taxonomy ids of event types, each with its narrower kinds; every
    event with ``None``); ``on_record`` is called as each article is read (a progress bar)."""
    pipeline = pipeline or Pipeline()
    articles = [Article(text=d.text, id=d.id, published=d.published) for d in docs]
    store = Store(None)
    report = ingest(articles, store, pipeline=pipeline, on_record=on_record)
    event_types = load_event_types()
    types = scope_types(scope, event_types) if scope is not None else None
    predicted = evidence_phrases(store, scope=types)
    result = RoleEvaluation(articles=len(docs), failed=report.failed,
                            scope=tuple(event_types[t].label for t in scope) if scope is not None else None)
    for doc in docs:
        result.add(doc.id, score_article(doc.gold, predicted.get(doc.id, {})))
    return result


def read_jsonl(path: str | Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """(line number, object) for every non-empty line; a bad line is an error naming it."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            missing = [k for k in required if k not in row]
            if missing:
                raise ValueError(f"{path}:{number}: a gold row needs {', '.join(repr(k) for k in missing)}")
            rows.append((number, row))
    return rows


def format_roles(result: RoleEvaluation, name: str) -> str:
    scope = ("every event" if result.scope is None
             else "events of types " + ", ".join(result.scope) + " (and their kinds)")
    lines = [f"{name}: articles: {result.articles}   articles that failed: {result.failed}",
             f"roles scored of: {scope}", "",
             f"{'role':<15}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'predicted':>11}"]
    for role in result.scored_roles():
        lines.append(f"{role:<15}{result.precision(role):>7.3f}{result.recall(role):>7.3f}"
                     f"{result.f1(role):>7.3f}{result.gold[role]:>7}{result.predicted[role]:>11}")
    return "\n".join(lines) + "\n"
