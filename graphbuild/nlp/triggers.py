"""Event triggers: spaCy's ``span_ruler`` with the phrases of ``ontology/triggers.csv``.

A trigger matches on lemmas ("shelled" -> shell), or on the surface form where the tagger's
lemma differs from the lexicon's ("airstrikes"). A one-word verb also matches its inflected
forms ("machinegunned", "dynamiting"): the lemmatizer's rules fail on verbs its tables lack
("machinegunned" -> "machinegunne"), and a gerund used as a noun keeps its "-ing" as its lemma
("the burning of buses"). Each match is a span of
``doc.spans["graphbuild_triggers"]`` labelled with its event type, its ``id_`` the
trigger's row (``T<n>``, the n-th trigger of the lexicon), which :func:`trigger_of` reads.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from ..lexicon import Lexicon, Trigger

SPANS_KEY = "graphbuild_triggers"


def trigger_patterns(lexicon: Lexicon) -> list[dict]:
    """The span ruler's patterns: each trigger by its lemmas and by its lower-case words."""
    patterns = []
    # a form that is a trigger of its own ("shooting", "bombing") keeps only its own row
    own = {trigger.lemmas[0] for trigger in lexicon.triggers if len(trigger.lemmas) == 1}
    for number, trigger in enumerate(lexicon.triggers):
        for attr in ("LEMMA", "LOWER"):
            patterns.append({"label": trigger.event_type, "id": f"T{number}",
                             "pattern": [{attr: word} for word in trigger.lemmas]})
        if trigger.pos in ("VERB", "ANY") and len(trigger.lemmas) == 1:
            forms = sorted(inflections(trigger.lemmas[0]) - own)
            if forms:  # one pattern for them all: the matcher's cost grows with its patterns
                patterns.append({"label": trigger.event_type, "id": f"T{number}",
                                 "pattern": [{"LOWER": {"IN": forms}}]})
    return patterns


def inflections(verb: str) -> set[str]:
    """The regular inflected forms a verb may have ("bomb" -> "bombs", "bombed", "bombing";
    "dynamite" -> "dynamiting"; "kidnap" -> "kidnapped"): spellings a verb does not have are
    harmless, as no text has them."""
    if not verb.isalpha():
        return set()
    stems = {verb[:-1]} if verb.endswith("e") and not verb.endswith("ee") else {verb}  # dynamit-ing
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        stems.add(verb + verb[-1])  # kidnap -> kidnapp-ed, machinegun -> machinegunn-ed
    forms = {verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")}
    for stem in stems:
        forms.update({stem + "ed", stem + "ing"})
    return forms - {verb}


def add_triggers(nlp: Language, lexicon: Lexicon, name: str = "graphbuild_triggers") -> None:
    """Add the trigger ruler at the end of ``nlp`` (it reads the lemmatizer's lemmas)."""
    ruler = nlp.add_pipe("span_ruler", name=name, config={"spans_key": SPANS_KEY, "validate": False})
    ruler.add_patterns(trigger_patterns(lexicon))


def trigger_of(span: Span, lexicon: Lexicon) -> Trigger:
    """The lexicon's trigger a span of ``doc.spans["graphbuild_triggers"]`` matched."""
    return lexicon.triggers[int(span.id_[1:])]
