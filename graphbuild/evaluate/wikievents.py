"""WikiEvents gold: ``events`` [{type, trigger, args: [{role, text}]}] per article (KAIROS).

The conflict events are Conflict.Attack.*, Life.Die.* and Life.Injure.*; their Attacker
and Killer are perpetrators, Target and Victim victims/targets, Place places, Instrument
weapons. Each distinct
argument text (after normalising) is one gold entity of its role."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .roles import RoleDoc, normalise, read_jsonl

EVENT_TYPES = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
ROLE_MAP = {"Attacker": "perpetrator", "Killer": "perpetrator", "Target": "victim/target",
            "Victim": "victim/target", "Place": "place", "Instrument": "weapon"}


def read_wikievents(path: str | Path) -> list[RoleDoc]:
    docs = []
    for number, row in read_jsonl(path, ("id", "text", "events")):
        gold: dict[str, dict[str, list[str]]] = {}
        try:
            for event in row["events"]:
                if not str(event["type"]).startswith(EVENT_TYPES):
                    continue
                for arg in event.get("args", []):
                    role = ROLE_MAP.get(arg["role"])
                    if role is not None and normalise(arg["text"]):
                        gold.setdefault(role, {}).setdefault(normalise(arg["text"]), [arg["text"]])
        except (TypeError, KeyError) as exc:
            raise ValueError(f"{path}:{number}: an event needs 'type' and args with 'role' and 'text' "
                             f"({exc})") from None
        published = None
        if row.get("date"):
            try:
                published = dt.date.fromisoformat(str(row["date"])[:10])
            except ValueError:
                raise ValueError(f"{path}:{number}: date {row['date']!r} is not YYYY-MM-DD") from None
        docs.append(RoleDoc(str(row["id"]), row["text"], {r: list(e.values()) for r, e in gold.items()},
                            published))
    return docs
