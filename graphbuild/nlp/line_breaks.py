"""The ``graphbuild_line_breaks`` component: a sentence starts after every line break and
every semicolon."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("graphbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and captions in
    news copy have no final full stop, and the parser would glue them to the next line. A
    semicolon joins clauses that each tell their own news ("Two soldiers killed in ambush;
    rebels deny role"): the parser would make one the other's complement."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_ or (token.text == ";" and not doc[token.i + 1].is_punct):
            doc[token.i + 1].is_sent_start = True
    return doc
