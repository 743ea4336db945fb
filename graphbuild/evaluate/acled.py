"""Measure extraction against human-coded events in ACLED's format.

Each gold row is ingested as one article published the day after its event
date; the events table is exported; for each row, the extracted event of that
article that best matches it on place, actors, date and fatalities is compared
field by field. A row with no extracted event is wrong on every field.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..articles import Article
from ..export import EventFilter, events_table
from ..gazetteer import distance_km
from ..pipeline import Pipeline, ingest
from ..store import Store

FIELDS = ("event_type", "sub_event_type", "actor1", "actor1_type", "actor2", "actor2_type",
          "location", "country", "date", "fatalities")
INTER = {"1": "State forces", "2": "Rebel group", "3": "Political militia", "4": "Identity militia",
         "5": "Rioters", "6": "Protesters", "7": "Civilians", "8": "External/Other forces"}
#: ACLED's taxonomy before 2019 had one type for riots and protests; either of today's two matches it.
JOINT_TYPES = {"Riots/Protests": ("Riots", "Protests")}
#: Words that say nothing about which actor is meant.
GENERIC_WORDS = {"forces", "force", "of", "the", "and", "group", "groups", "unidentified", "armed",
                 "military", "police", "militia", "international", "government", "men"}


@dataclass
class Evaluation:
    rows: int = 0
    articles: int = 0
    failed: int = 0
    events: int = 0
    correct: Counter = field(default_factory=Counter)
    scored: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.scored[name] if self.scored[name] else 0.0

    @property
    def events_per_article(self) -> float:
        return self.events / self.articles if self.articles else 0.0

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "failed_articles": self.failed,
            "accuracy": {f: round(self.accuracy(f), 4) for f in FIELDS},
            "scored": {f: self.scored[f] for f in FIELDS},
            "events_per_article": round(self.events_per_article, 3),
            "confusion": [{"gold": g, "predicted": p, "count": n}
                          for (g, p), n in self.confusion.most_common()],
            "worst_misses": self.misses,
        }


def read_gold(path: str | Path) -> list[dict]:
    """The gold rows of an ACLED-format JSONL file; each needs 'text' and 'date'."""
    from .roles import read_jsonl

    return [row for _, row in read_jsonl(path, ("text", "date"))]


def evaluate(gold_rows: list[dict], pipeline: Pipeline | None = None, worst: int | None = None,
             on_record=None) -> Evaluation:
    """Ingest the gold rows' texts into a temporary store and score the extracted events.
    ``misses`` lists every row with a wrong field, worst first (the ``worst`` first ones
    when given); ``on_record`` is called as each row is read (a progress bar)."""
    pipeline = pipeline or Pipeline()
    articles = []
    for n, row in enumerate(gold_rows):
        published = dt.date.fromisoformat(row["date"]) + dt.timedelta(days=1)
        articles.append(Article(text=row["text"], id=str(row.get("id") or f"row-{n + 1}"),
                                published=published, source=row.get("source") or None))
    store = Store(None)
    report = ingest(articles, store, pipeline=pipeline, on_record=on_record)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    # extraction is scored per article, every event it extracted (also those the default views
    # leave out as future, hypothetical, negated or denied: ACLED codes threats and plans too)
    for event in events_table(store, EventFilter(modality="all"), reports=True):
        for doc_id in event["doc_ids"].split("|"):
            by_doc[doc_id].append(event)
    result = Evaluation(rows=len(gold_rows), articles=len(articles), failed=report.failed)
    result.events = sum(len(v) for v in by_doc.values())
    scored_rows = []
    for article, row in zip(articles, gold_rows):
        candidates = by_doc.get(article.id, [])
        best = max(candidates, key=lambda e: _match_score(row, e), default=None)
        verdict = compare(row, best)
        for name, ok in verdict.items():
            if ok is None:
                continue
            result.scored[name] += 1
            result.correct[name] += int(ok)
        if "event_type" in row:
            result.confusion[(row["event_type"], best["event_type"] if best else "(no event)")] += 1
        wrong = [k for k, v in verdict.items() if v is False]
        scored_rows.append((len(wrong), article.id, row, best, wrong))
    scored_rows.sort(key=lambda r: -r[0])
    for n_wrong, doc_id, row, best, wrong in scored_rows[:worst]:
        if not n_wrong:
            break
        result.misses.append({
            "id": doc_id, "wrong": wrong, "text": row["text"][:300],
            "gold": {k: row.get(k) for k in ("event_type", "sub_event_type", "actor1", "actor2",
                                               "location", "date", "fatalities")},
            "predicted": {k: best.get(k) for k in ("event_type", "sub_event_type", "actor1",
                                                   "actor2", "location", "date", "fatalities")}
            if best else None,
        })
    return result


def compare(gold: dict, event: dict | None) -> dict[str, bool | None]:
    """Field verdicts for one gold row: True, False, or None when the field is not scored
    (the gold row does not code it: GTD rows have no event type or actor categories, the
    2015 ACLED rows no sub-event type)."""
    coded = _coded_fields(gold)
    adjusted = bool(gold.get("fatalities_adjusted"))
    verdict: dict[str, bool | None] = {name: None for name in FIELDS}
    if event is None:
        for name in coded:
            verdict[name] = False
    else:
        checks = {
            "event_type": lambda: event["event_type"] in JOINT_TYPES.get(gold["event_type"], (gold["event_type"],)),
            "sub_event_type": lambda: event["sub_event_type"] == gold["sub_event_type"],
            "actor1": lambda: actor_match(_gold_actor1(gold), event["actor1"]),
            "actor1_type": lambda: INTER.get(str(gold.get("inter1", ""))) in _split(event["actor1_type"]),
            "actor2": lambda: actor_match(gold.get("actor2", ""), event["actor2"]),
            "actor2_type": lambda: (INTER[str(gold["inter2"])] in _split(event["actor2_type"]))
            if str(gold.get("inter2", "")) in INTER else not event["actor2_type"],
            "location": lambda: _within(gold, event, 25.0),
            "country": lambda: _norm_country(gold.get("country", "")) == _norm_country(event["country"]),
            "date": lambda: _date_match(gold["date"], event),
            "fatalities": lambda: int(gold.get("fatalities") or 0) == _int(event["fatalities"]),
        }
        for name in coded:
            verdict[name] = checks[name]()
    if adjusted:
        verdict["fatalities"] = None
    return verdict


def _coded_fields(gold: dict) -> list[str]:
    """The fields a gold row codes. Location is scored where the coder's point is a town or
    near one (ACLED geo_precision 1-2; GTD rows, which carry no precision, give the city's point)."""
    coded = ["country", "date"]
    coded += [f for f in ("event_type", "sub_event_type", "fatalities") if f in gold]
    if "actor1" in gold or str(gold.get("perpetrator", "unknown")).strip().lower() not in ("unknown", ""):
        coded.append("actor1")  # a GTD perpetrator only when the coders knew it
    if "actor1" in gold:  # ACLED rows: the second actor and both categories
        coded += ["actor1_type", "actor2", "actor2_type"]
    precision = gold.get("geo_precision")
    if gold.get("latitude") not in (None, "") and (precision in (None, "") or int(precision) <= 2):
        coded.append("location")
    return coded


def _gold_actor1(gold: dict) -> str:
    return gold.get("actor1", gold.get("perpetrator", ""))


def actor_match(gold: str, predicted: str) -> bool:
    """Same actor by distinctive name words; an empty gold actor wants an empty prediction."""
    gold_words = _actor_words(gold)
    if not gold.strip():
        return not predicted.strip()
    for candidate in _split(predicted):
        words = _actor_words(candidate)
        if gold_words and words and gold_words & words:
            return True
        if not gold_words and _plain(candidate) == _plain(gold):
            return True
    return False


def _actor_words(name: str) -> set[str]:
    name = re.sub(r"\(\d{4}-?\d{0,4}\)", " ", name)
    words = set(re.findall(r"[a-z0-9]+", name.lower().replace("'", "")))
    return words - GENERIC_WORDS - {"al", "el", "in", "for", "to"}


def _plain(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"\(\d{4}-?\d{0,4}\)", " ", name.lower())))


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _norm_country(name: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z]+", (name or "").lower()) if w != "the")


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _date_match(gold_date: str, event: dict) -> bool:
    if event["date"]:
        return event["date"] == gold_date
    return event["date_earliest"] == event["date_latest"] == gold_date


def _within(gold: dict, event: dict, km: float) -> bool:
    try:
        lat1, lon1 = float(gold["latitude"]), float(gold["longitude"])
        lat2, lon2 = float(event["latitude"]), float(event["longitude"])
    except (TypeError, ValueError, KeyError):
        return False
    return distance_km(lat1, lon1, lat2, lon2) <= km


def _match_score(gold: dict, event: dict) -> float:
    score = 0.0
    if _within(gold, event, 25.0):
        score += 1
    score += actor_match(_gold_actor1(gold), event["actor1"])
    score += actor_match(gold.get("actor2", ""), event["actor2"]) * 0.5
    score += _date_match(gold["date"], event)
    score += int(gold.get("fatalities") or 0) == _int(event["fatalities"])
    return score


def format_evaluation(result: Evaluation) -> str:
    lines = [f"rows: {result.rows}   events per article: {result.events_per_article:.2f}"
             f"   articles that failed: {result.failed}", "",
             f"{'field':<16}{'accuracy':>9}{'scored':>8}"]
    for name in FIELDS:
        lines.append(f"{name:<16}{result.accuracy(name):>9.3f}{result.scored[name]:>8}")
    lines += ["", "event types (gold -> predicted):"]
    for (gold, predicted), n in result.confusion.most_common(25):
        mark = "" if gold == predicted else "  x"
        lines.append(f"  {n:>5}  {gold} -> {predicted}{mark}")
    lines += ["", "worst misses:"]
    for miss in result.misses[:10]:
        lines.append(f"  {miss['id']}: wrong {', '.join(miss['wrong'])}")
        lines.append(f"    {miss['text'][:160]}")
    return "\n".join(lines) + "\n"
