"""The graphbuild_place_names and graphbuild_targeted_places components."""
import spacy
from spacy.tokens import Doc

import graphbuild.nlp  # noqa: F401  (registers the components)
from graphbuild.nlp.place_names import PLACES


def test_an_entity_run_over_a_comma_is_two_places():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_place_names")
    words = ["Protests", "in", "Nis", ",", "Serbia", "ended", "."]
    doc = Doc(nlp.vocab, words=words, ents=["O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O"],
              pos=["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
              sent_starts=[True] + [False] * 6)
    doc = nlp(doc)
    assert [(s.text, s.label_) for s in doc.spans[PLACES]] == [("Nis", "GPE"), ("Serbia", "GPE")]


def test_a_known_name_after_in_is_a_place_whatever_the_model_says(pipeline):
    doc = pipeline.nlp("Regime forces shelled the village of Kansafra and clashed with rebels in Kafr Nabl.")
    places = [s.text for s in doc.spans[PLACES]]
    assert "Kansafra" in places  # "the village of X": a place even when the gazetteer lacks it
    assert "Kafr Nabl" in places


def test_a_capitalised_actor_word_is_no_town(pipeline):
    doc = pipeline.nlp("Police forces dispersed the crowd in Beirut.")
    assert [s.text for s in doc.spans[PLACES]] == ["Beirut"]


def test_targeted_places_adds_names_of_the_articles_countries():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_targeted_places")
    words = ["Jets", "struck", "in", "Maarat", "al-Numan", "."]
    doc = Doc(nlp.vocab, words=words, ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O"],
              sent_starts=[True] + [False] * 5)
    doc.spans[PLACES] = []
    doc._.countries = ["SY"]
    doc = nlp(doc)
    assert [(s.text, s.label_) for s in doc.spans[PLACES]] == [("Maarat al-Numan", "GPE")]
    doc._.countries = ["NG"]  # not a place of the article's country: left a name
    doc.spans[PLACES] = []
    assert list(nlp(doc).spans[PLACES]) == []


def test_a_name_the_article_gives_a_person_in_full_is_no_place():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_place_names")
    words = ["Azamat", "Zhyrgalbekov", "was", "charged", ".", "Police", "said", "Zhyrgalbekov", "lied", "."]
    doc = Doc(nlp.vocab, words=words,
              ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-GPE", "O", "O"],
              pos=["PROPN", "PROPN", "AUX", "VERB", "PUNCT", "NOUN", "VERB", "PROPN", "VERB", "PUNCT"],
              sent_starts=[True] + [False] * 4 + [True] + [False] * 4)
    assert [s.text for s in nlp(doc).spans[PLACES]] == []


def test_a_person_in_a_list_whose_surname_is_a_province_is_no_place(pipeline):
    # the model calls the name an organisation; "Zulia" alone is a Venezuelan state
    doc = pipeline.nlp("Police arrested the novelist's friends, Lidia Zulia and Marta Lopez.")
    assert "Lidia" not in [s.text for s in doc.spans[PLACES]]


def test_an_adjective_before_a_plural_noun_is_no_place(pipeline):
    doc = pipeline.nlp("Officials fear that drones could drop grenades in Western cities.")
    assert [s.text for s in doc.spans[PLACES]] == []


def test_a_name_opening_the_text_before_a_region_word_is_read(pipeline):
    # nothing before the name: it is not split into a place and a province, and nothing fails
    doc = pipeline.nlp("Zzyzolo Sinaloa district was quiet on Monday.")
    assert "Zzyzolo" not in [s.text for s in doc.spans[PLACES]]


def test_a_place_and_its_province_written_together_after_another_place_are_split(pipeline):
    doc = pipeline.nlp("Two militants were arrested in Pedrak, Kech Turbat Balochistan, on Monday.")
    assert "Balochistan" in [s.text for s in doc.spans[PLACES]]


def test_a_name_glued_to_a_city_is_split_but_not_a_compass_word():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_place_names")
    for head, expected in ((["Zzyz", "Colony"], ["Zzyz Colony", "Kano"]), (["East"], ["East Kano"])):
        words = ["Shots", "were", "fired", "in", *head, "Kano", "."]
        n = len(head) + 1
        doc = Doc(nlp.vocab, words=words, ents=["O", "O", "O", "O", "B-GPE"] + ["I-GPE"] * (n - 1) + ["O"],
                  pos=["NOUN", "AUX", "VERB", "ADP"] + ["PROPN"] * n + ["PUNCT"],
                  sent_starts=[True] + [False] * (len(words) - 1))
        assert [s.text for s in nlp(doc).spans[PLACES]] == expected


def test_an_owners_s_is_not_part_of_a_place_name():
    # the model's "south Kashmir's": the name is Kashmir, and the name it owns a place
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_place_names")
    words = ["A", "grenade", "hit", "a", "camp", "in", "south", "Kashmir", "'s", "Anantnag", "today", "."]
    doc = Doc(nlp.vocab, words=words,
              ents=["O", "O", "O", "O", "O", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "ADJ", "PROPN", "PART", "PROPN", "NOUN", "PUNCT"],
              tags=["DT", "NN", "VBD", "DT", "NN", "IN", "JJ", "NNP", "POS", "NNP", "NN", "."],
              sent_starts=[True] + [False] * 11)
    doc = nlp(doc)
    assert [s.text for s in doc.spans[PLACES]] == ["south Kashmir", "Anantnag"]


def test_a_place_name_with_an_owners_s_in_it_stays_whole(pipeline):
    doc = pipeline.nlp("Two rival gangs fought with guns in Cox's Bazar town on Friday.")
    assert "Cox's Bazar" in [s.text for s in doc.spans[PLACES]]
