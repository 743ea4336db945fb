"""The ``graphbuild_line_breaks`` component: a sentence starts after every line break, after a
semicolon in a headline, and where scraped copy lost the space between two sentences; and
:func:`split_glued_sentences`, the tokenizer rule that separates such sentences."""
from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from ..text.structure import MAX_TITLE


@Language.component("graphbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, datelines and captions in
    news copy have no final full stop, and the parser would glue them to the next line. In a
    headline (a line with no final full stop) a semicolon joins two headlines ("Two soldiers
    killed in ambush; rebels deny role"): the parser would make one the other's complement.
    In a sentence it is the parser's to judge ("No group claimed it; however, officials ...").
    In scraped copy that lost its line breaks, a sentence runs into the next with no space
    ("in SyriaThe desert", "reported.Major", "another 15.Twenty"): the tokenizer splits them
    (:func:`split_glued_sentences`), and the capitalized word starts a sentence."""
    text = doc.text if any(t.text == ";" for t in doc) else ""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_ or (
                token.text == ";" and not doc[token.i + 1].is_punct and headline_at(text, token.idx)) or (
                glued_sentence_end(token)):
            doc[token.i + 1].is_sent_start = True
    return doc


def glued_sentence_end(token) -> bool:
    """Whether a sentence ends at ``token`` and the next begins with no space between them:
    a lower-case word or a full stop (after a word or number, itself unspaced) directly
    followed by a capitalized word."""
    following = token.doc[token.i + 1]
    if token.whitespace_ or not following.is_alpha or not following.text[0].isupper():
        return False
    if token.is_alpha:
        return token.text[-1].islower()
    return token.text == "." and token.i > 0 and not token.doc[token.i - 1].whitespace_ and (
        token.doc[token.i - 1].text[-1].islower() or token.doc[token.i - 1].text[-1].isdigit())


def split_glued_sentences(nlp: Language) -> None:
    """Teach ``nlp``'s tokenizer to split two sentences scraped copy glued together: a
    lower-case word run into a capitalized one ("insurgentsRussia"), a word run into a
    capitalized function word ("SyriaThe": its capital is a sentence's), a number's full stop
    run into a capitalized word ("15.Twenty"). Names written so ("McVeigh", "YouTube",
    "EgyptAir") stay whole: their first part is capitalized and their second no function word."""
    function_words = "|".join(sorted({w.title() for w in STOP_WORDS if w.isalpha()}, key=len, reverse=True))
    lower_word = "|".join(f"(?<=^[a-z]{{{n}}})" for n in range(2, 25))  # a whole lower-case word before
    infixes = [*nlp.Defaults.infixes,
               rf"(?:{lower_word})(?=[A-Z][a-z])",
               rf"(?<=[a-z]{{2}})(?=(?:{function_words})$)",
               r"(?<=[0-9])\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def headline_at(text: str, char: int) -> bool:
    """Whether the line around ``char`` is a headline: short, and it does not end as a sentence does."""
    end = text.find("\n", char)
    line = text[text.rfind("\n", 0, char) + 1:end if end >= 0 else len(text)].strip()
    return len(line) <= MAX_TITLE and not line.endswith((".", "!", "?", ":", '"', "”", "’", "'", ")", "]"))
