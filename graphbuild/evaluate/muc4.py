"""MUC-4 gold in its document-level JSONL form: ``roles`` PerpInd, PerpOrg, Target, Victim,
Weapon, each a list of entities, each a list of [mention, character offset]."""
from __future__ import annotations

from pathlib import Path

from .roles import RoleDoc, read_jsonl

#: MUC-4 roles -> the scored roles
ROLE_MAP = {"PerpInd": "perpetrator", "PerpOrg": "perpetrator", "Target": "victim/target",
            "Victim": "victim/target", "Weapon": "weapon"}


def read_muc4(path: str | Path) -> list[RoleDoc]:
    docs = []
    for number, row in read_jsonl(path, ("id", "text", "roles")):
        gold: dict[str, list[list[str]]] = {}
        for name, entities in row["roles"].items():
            role = ROLE_MAP.get(name)
            if role is None:
                continue
            try:
                if entities:
                    gold.setdefault(role, []).extend([str(m[0]) for m in entity] for entity in entities)
            except (TypeError, IndexError, KeyError):
                raise ValueError(f"{path}:{number}: role {name!r} is not a list of entities, "
                                 "each a list of [mention, offset]") from None
        docs.append(RoleDoc(str(row["id"]), row["text"], gold))
    return docs
