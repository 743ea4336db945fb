"""The graphbuild_line_breaks component, on a blank English pipeline."""
import spacy

import graphbuild.nlp  # noqa: F401  (registers the components)
from graphbuild.nlp.line_breaks import split_glued_sentences


def test_a_sentence_starts_after_every_line_break_and_nowhere_else():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_line_breaks")
    doc = nlp("AIRSTRIKES IN IDLIB\nJets struck a market on Monday. Two died.")
    assert [t.text for t in doc if t.is_sent_start] == ["AIRSTRIKES", "Jets"]
    two = next(t for t in doc if t.text == "Two")
    assert two.is_sent_start is None  # a full stop is the parser's to judge


def test_a_sentence_starts_after_a_semicolon_in_a_headline():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_line_breaks")
    doc = nlp("Two guards killed in raid on depot; rebels deny role\n"
              "No group claimed the raid; however, police blamed the rebels.")
    # in a sentence, the semicolon is the parser's to judge
    assert [t.text for t in doc if t.is_sent_start] == ["Two", "rebels", "No"]
    # a long line is a paragraph, whatever its end
    doc = nlp("Police said gunmen killed two guards at a depot on Monday; " * 5 + "no group claimed it")
    assert [t.text for t in doc if t.is_sent_start] == ["Police"]


def test_sentences_glued_by_a_lost_space_are_split():
    nlp = spacy.blank("en")
    split_glued_sentences(nlp)
    nlp.add_pipe("graphbuild_line_breaks")
    doc = nlp("Mortars hit a camp near HomsThe shelling went on as troopsFighters fled, "
              "a monitor reported.Seven were hurt and 12.Nine more died.")
    assert [t.text for t in doc if t.is_sent_start] == ["Mortars", "The", "Fighters", "Seven", "Nine"]
    assert [t.text for t in doc][:7] == ["Mortars", "hit", "a", "camp", "near", "Homs", "The"]


def test_names_written_without_a_space_stay_whole():
    nlp = spacy.blank("en")
    split_glued_sentences(nlp)
    nlp.add_pipe("graphbuild_line_breaks")
    doc = nlp("McKenzie flew EgyptAir to the U.S. and posted on YouTube and eBay.")
    assert [t.text for t in doc][:8] == ["McKenzie", "flew", "EgyptAir", "to", "the", "U.S.", "and", "posted"]
    assert [t.text for t in doc if t.is_sent_start] == ["McKenzie"]
