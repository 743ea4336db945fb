"""The graphbuild_time_expressions component, on a blank English pipeline."""
import spacy
from spacy.tokens import Doc

import graphbuild.nlp  # noqa: F401  (registers the components)
from graphbuild.nlp.time_expressions import SPANS_KEY


def pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("graphbuild_time_expressions")
    return nlp


def test_written_dates_are_found_in_every_sentence():
    doc = pipeline()("Around 2 May 2020 (as reported), gunmen attacked a bus. On 2020-05-09 and "
                     "on June 3, 2021 they struck again.")
    assert [s.text for s in doc.spans[SPANS_KEY]] == ["2 May 2020", "2020-05-09", "June 3, 2021"]
    assert [s.sent.start for s in doc.spans[SPANS_KEY]][1] > 0


def test_a_date_the_model_tagged_in_full_is_left_to_the_model():
    nlp = pipeline()
    words = ["On", "2", "May", "2020", "police", "fired", "."]
    doc = Doc(nlp.vocab, words=words, ents=["O", "B-DATE", "I-DATE", "I-DATE", "O", "O", "O"])
    doc = nlp(doc)
    assert list(doc.spans[SPANS_KEY]) == []
