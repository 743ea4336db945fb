"""Word lists and weights are data under ontology/, read once."""
import pytest

from graphbuild.settings import setting, word_values, words


def test_word_lists_weights_and_valued_words_are_read():
    assert "village" in words("settlement")
    assert setting("nearby-chars") == 400 and isinstance(setting("nearby-chars"), int)
    assert word_values("bearing", int)["south-west"] == 225
    assert word_values("national-unit")["lga"] == "NG"


def test_an_unknown_name_is_one_clear_error():
    with pytest.raises(KeyError, match="no words of kind 'nonsense'"):
        words("nonsense")
    with pytest.raises(KeyError, match="no setting 'nonsense'"):
        setting("nonsense")
