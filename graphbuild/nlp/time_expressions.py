"""The ``graphbuild_time_expressions`` component: full dates the model did not tag.

The small model often tags only "May 2020" of "Around 2 May 2020", or nothing of "on
2020-05-02"; such written dates are spans of ``doc.spans["graphbuild_dates"]``, in
sentence order. Event assembly reads them beside the model's DATE and TIME entities.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "graphbuild_dates"

WRITTEN_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{4}"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b")


@Language.component("graphbuild_time_expressions")
def time_expressions(doc: Doc) -> Doc:
    doc.spans[SPANS_KEY] = [span for sent in doc.sents for span in written_dates(sent)]
    return doc


def written_dates(sent: Span) -> list[Span]:
    """Full dates the model did not tag ("Around 1 May 2020 (as reported)")."""
    spans = []
    for match in WRITTEN_DATE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is None:
            continue
        # the model often tags only "May 2020" of "Around 2 May 2020": the full date wins
        if not all(t.ent_type_ == "DATE" for t in span):  # (Span.ents rescans the document)
            spans.append(span)
    return spans
