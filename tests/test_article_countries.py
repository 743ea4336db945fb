"""The graphbuild_article_countries component: the country vote, on hand-made Docs."""
import spacy
from spacy.tokens import Doc

import graphbuild.nlp  # noqa: F401  (registers the components)
from graphbuild.nlp.place_names import PLACES


def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_known_actors")
    nlp.add_pipe("graphbuild_article_countries")
    return nlp


def doc_with_places(nlp, words, places, title=None, source=None):
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.spans[PLACES] = [doc[start:end] for start, end in places]
    doc._.title, doc._.source = title, source
    return doc


def test_places_vote_for_their_country():
    nlp = blank()
    doc = nlp(doc_with_places(nlp, ["Shelling", "hit", "Aleppo", "and", "Idlib", "."], [(2, 3), (4, 5)]))
    assert doc._.countries == ["SY"]
    assert doc._.publisher_countries == []


def test_the_outlet_votes_when_the_text_does_not():
    nlp = blank()
    doc = nlp(doc_with_places(nlp, ["Gunmen", "attacked", "a", "checkpoint", "."], [], source="Al Jadeed"))
    assert doc._.publisher_countries == ["LB"]
    assert doc._.countries == ["LB"]


def test_a_name_no_town_of_the_outlets_country_has_leaves_the_outlets_country():
    # "Doka" is only known in Indonesia and Sudan: in a Nigerian outlet's report it is a local
    # village the gazetteer lacks; with no outlet, its most populous reading stands
    nlp = blank()
    words = ["Bandits", "killed", "four", "farmers", "in", "Doka", "."]
    assert nlp(doc_with_places(nlp, words, [(5, 6)], source="Premium Times"))._.countries == ["NG"]
    assert nlp(doc_with_places(nlp, words, [(5, 6)]))._.countries in (["ID"], ["SD"])
    # a city known abroad is still that city, whoever reports it
    words = ["A", "bomb", "exploded", "in", "Paris", "."]
    assert nlp(doc_with_places(nlp, words, [(4, 5)], source="Premium Times"))._.countries == ["FR"]


def test_a_name_in_another_language_votes_less_than_the_outlet():
    nlp = blank()
    words = ["Traders", "blocked", "a", "road", "in", "Pressburg", "."]
    assert nlp(doc_with_places(nlp, words, [(5, 6)], source="Premium Times"))._.countries[0] == "NG"
    assert nlp(doc_with_places(nlp, words, [(5, 6)]))._.countries == ["SK"]


def test_a_known_actor_in_the_title_names_its_country():
    nlp = blank()
    doc = nlp(doc_with_places(nlp, ["Clashes", "continued", "."], [], title="Syrian Observatory: clashes go on"))
    assert doc._.countries == ["SY"]


def test_nothing_to_go_by_is_no_country():
    nlp = blank()
    doc = nlp(doc_with_places(nlp, ["Clashes", "continued", "."], []))
    assert doc._.countries == []
