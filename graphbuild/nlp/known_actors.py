"""The ``graphbuild_known_actors`` component: names and aliases of the lexicon's actors.

Long forms match case-insensitively ("islamic state"); forms of five characters or less
match only as written ("IS", "JNIM"), so that a short name is not an English word.
Results: ``doc.spans["graphbuild_known_actors"]`` (long forms) and
``doc.spans["graphbuild_acronyms"]`` (short forms), each span labelled with the actor's id.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .resources import resources

NAMES = "graphbuild_known_actors"
ACRONYMS = "graphbuild_acronyms"


@Language.factory("graphbuild_known_actors", default_config={"actor_files": []})
def make_known_actors(nlp: Language, name: str, actor_files: list[str]):
    return KnownActors(nlp, name, actor_files=actor_files)


class KnownActors:
    """Finds the lexicon's actors (the shipped list plus ``actor_files``) by name and alias."""

    def __init__(self, nlp: Language, name: str = "graphbuild_known_actors", *, actor_files=()):
        self.name = name
        self.actor_files = list(actor_files)
        lexicon = resources(tuple(actor_files)).lexicon
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        # a state's force keeps its name inside a longer one: "Indian Border Security Force",
        # "Balochistan Frontier Corps" are its branches
        self.state_forces = {known.id for known in lexicon.actors if known.category == "State forces"}
        for known in lexicon.actors:
            long_forms, short_forms = [], []
            for form in {known.name, *known.aliases}:
                (short_forms if len(form) <= 5 else long_forms).append(form)
            if long_forms:
                self.names.add(known.id, list(nlp.tokenizer.pipe(long_forms)))
            if short_forms:
                self.acronyms.add(known.id, list(nlp.tokenizer.pipe(short_forms)))

    def __call__(self, doc: Doc) -> Doc:
        # "Garo National Liberation Army" is not the "National Liberation Army"
        doc.spans[NAMES] = [span for span in self.names(doc, as_spans=True)
                            if span.label_ in self.state_forces or not inside_longer_name(span)]
        doc.spans[ACRONYMS] = self.acronyms(doc, as_spans=True)
        return doc


def inside_longer_name(span: Span) -> bool:
    """Whether a name continues a longer proper name the model recognised, of which it is only
    the tail."""
    doc, start = span.doc, span.start
    if start == 0 or doc[start].ent_iob_ != "I":
        return False
    before = doc[start - 1]
    return before.pos_ == "PROPN" and before.text[:1].isupper() and before.ent_type_ == doc[start].ent_type_


def known_actor_ids(doc: Doc) -> set[str]:
    """The ids of the known actors a Doc names, in full or by acronym."""
    return {span.label_ for key in (NAMES, ACRONYMS) for span in doc.spans.get(key, ())}
