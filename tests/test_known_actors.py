"""The graphbuild_known_actors component, on a blank English pipeline with a user's actor file."""
import spacy

import graphbuild.nlp  # noqa: F401  (registers the components)
from graphbuild.nlp.known_actors import ACRONYMS, NAMES, known_actor_ids


def test_names_match_in_any_case_and_acronyms_only_as_written(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("name,aliases,category,country,wikidata\n"
                      "Sahel Liberation Front,SLF|Front of the Sahel,Rebel group,Mali,\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_known_actors", config={"actor_files": [str(actors)]})
    doc = nlp("The sahel liberation front said SLF fighters, not slf ones, held the Front of the Sahel.")
    assert [(s.text, s.label_) for s in doc.spans[NAMES]] == [
        ("sahel liberation front", "sahel-liberation-front"), ("Front of the Sahel", "sahel-liberation-front")]
    assert [s.text for s in doc.spans[ACRONYMS]] == ["SLF"]
    assert "sahel-liberation-front" in known_actor_ids(doc)


def test_the_shipped_lexicon_is_always_read():
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_known_actors")
    doc = nlp("ISIS claimed the attack.")
    assert known_actor_ids(doc) == {"islamic-state"}
