"""MUC-4 gold in its document-level JSONL form: ``roles`` PerpInd, PerpOrg, Target, Victim,
Weapon, each a list of entities, each a list of [mention, character offset].

MUC-4 codes terrorist incidents: attacks (murders, assassinations), bombings, kidnappings,
arson, robberies and forced work stoppages, by groups or by state forces. :data:`SCOPE` is what
graphbuild events these correspond to: explosions and remote violence, violence against
civilians (attacks, abductions), riots and excessive force against protesters (violence against
people), and property destruction (arson). Not battles: combat between armed forces and
guerrillas is no terrorist incident, and the gold agrees (of its 783 stories with roles, none
lists soldiers as victims, and the armed forces are perpetrators only of killings of civilians);
nor protests, arrests, agreements or other strategic developments, whose roles (the police of
an arrest, the parties of a deal) are no perpetrator or victim."""
from __future__ import annotations

from pathlib import Path

from .roles import RoleDoc, read_jsonl

#: MUC-4 roles -> the scored roles
ROLE_MAP = {"PerpInd": "perpetrator", "PerpOrg": "perpetrator", "Target": "victim/target",
            "Victim": "victim/target", "Weapon": "weapon"}
#: the graphbuild event types (taxonomy ids, each with its narrower kinds) whose roles are scored
SCOPE = ("explosions-remote-violence", "violence-against-civilians", "riots",
         "excessive-force-against-protesters", "looting-property-destruction")


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
