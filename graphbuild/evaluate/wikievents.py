"""WikiEvents gold: ``events`` [{type, trigger, args: [{role, text}]}] per article (KAIROS).

The conflict events are Conflict.Attack.*, Life.Die.* and Life.Injure.*; their Attacker
and Killer are perpetrators, Target and Victim victims/targets, Place places, Instrument
weapons. Each distinct
argument text (after normalising) is one gold entity of its role.

:data:`SCOPE` is what graphbuild events these correspond to: KAIROS' Conflict.Attack is any
violent attack on people or property, also between armed groups, and Life.Die and Life.Injure
anyone killed or hurt, so battles, explosions and remote violence, violence against civilians,
riots and excessive force against protesters; not peaceful protests, arrests, agreements or
other strategic developments, whose roles (the police of an arrest, the parties of a deal) are
no attacker or victim."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .roles import RoleDoc, normalise, read_jsonl

EVENT_TYPES = ("Conflict.Attack.", "Life.Die.", "Life.Injure.")
#: the graphbuild event types (taxonomy ids, each with its narrower kinds) whose roles are scored
SCOPE = ("battles", "explosions-remote-violence", "violence-against-civilians", "riots",
         "excessive-force-against-protesters")
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
