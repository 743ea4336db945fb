"""Measuring extraction against human-coded gold data, one scorer module per gold format:
ACLED-style event rows (:mod:`.acled`), and document-level role fillers of full articles
(:mod:`.roles`) read from MUC-4 (:mod:`.muc4`) and WikiEvents (:mod:`.wikievents`) files."""
from .acled import (FIELDS, Evaluation, actor_match, compare, evaluate, format_evaluation,  # noqa: F401
                    read_gold)
from . import muc4, wikievents
from .muc4 import read_muc4  # noqa: F401
from .roles import RoleDoc, RoleEvaluation, evaluate_roles, format_roles  # noqa: F401
from .wikievents import read_wikievents  # noqa: F401

FORMATS = ("acled", "muc4", "wikievents")
ROLE_READERS = {"muc4": read_muc4, "wikievents": read_wikievents}
#: per role format, the graphbuild event types (with their narrower kinds) its gold codes
ROLE_SCOPES = {"muc4": muc4.SCOPE, "wikievents": wikievents.SCOPE}
