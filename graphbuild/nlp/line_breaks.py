"""The ``graphbuild_line_breaks`` component: a sentence starts after every line break, and
after a semicolon in a headline."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..text.structure import MAX_TITLE


@Language.component("graphbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and captions in
    news copy have no final full stop, and the parser would glue them to the next line. In a
    headline (a line with no final full stop) a semicolon joins two headlines ("Two soldiers
    killed in ambush; rebels deny role"): the parser would make one the other's complement.
    In a sentence it is the parser's to judge ("No group claimed it; however, officials ...")."""
    text = doc.text if any(t.text == ";" for t in doc) else ""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_ or (
                token.text == ";" and not doc[token.i + 1].is_punct and headline_at(text, token.idx)):
            doc[token.i + 1].is_sent_start = True
    return doc


def headline_at(text: str, char: int) -> bool:
    """Whether the line around ``char`` is a headline: short, and it does not end as a sentence does."""
    end = text.find("\n", char)
    line = text[text.rfind("\n", 0, char) + 1:end if end >= 0 else len(text)].strip()
    return len(line) <= MAX_TITLE and not line.endswith((".", "!", "?", ":", '"', "”", "’", "'", ")", "]"))
