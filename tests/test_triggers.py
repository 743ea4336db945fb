"""The graphbuild_triggers component: spaCy's span_ruler fed from ontology/triggers.csv."""
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from graphbuild.lexicon import load_lexicon
from graphbuild.nlp.triggers import SPANS_KEY, add_triggers, inflections, trigger_of


def blank_with_triggers():
    nlp = spacy.blank("en")
    add_triggers(nlp, load_lexicon())
    return nlp


def test_a_trigger_matches_by_its_lemma_and_by_its_words():
    nlp = blank_with_triggers()
    words = ["Jets", "shelled", "the", "town", "and", "airstrikes", "followed"]
    doc = Doc(nlp.vocab, words=words, lemmas=["jet", "shell", "the", "town", "and", "airstrike", "follow"])
    doc = nlp.get_pipe("graphbuild_triggers")(doc)
    found = {(span.text, trigger_of(span, load_lexicon()).pos, span.label_) for span in doc.spans[SPANS_KEY]}
    assert ("shelled", "VERB", "shelling-artillery-missile-attack") in found  # by its lemma
    assert ("airstrikes", "NOUN", "air-drone-strike") in found  # by its lemma and by its words
    assert not any(text in ("town", "Jets") for text, _, _ in found)


def test_a_span_names_its_row_of_the_lexicon():
    nlp = blank_with_triggers()
    doc = Doc(nlp.vocab, words=["Clashes", "broke", "out", "."], lemmas=["clash", "break", "out", "."])
    doc = nlp.get_pipe("graphbuild_triggers")(doc)
    lexicon = load_lexicon()
    assert len(doc.spans[SPANS_KEY]) >= 1
    for span in doc.spans[SPANS_KEY]:
        trigger = trigger_of(span, lexicon)
        assert trigger.event_type == span.label_
        assert " ".join(trigger.lemmas) in (span.text.lower(), span.lemma_)


def test_the_ruler_finds_what_lemma_and_word_phrase_matchers_find(pipeline):
    """The span ruler replaced two PhraseMatchers (LEMMA and LOWER): same matches, and a one-word
    verb's inflected forms."""
    lexicon = pipeline.lexicon
    nlp = pipeline.nlp
    by_lemma, by_word = PhraseMatcher(nlp.vocab, attr="LEMMA"), PhraseMatcher(nlp.vocab, attr="LOWER")
    own = {trigger.lemmas[0] for trigger in lexicon.triggers if len(trigger.lemmas) == 1}
    for number, trigger in enumerate(lexicon.triggers):
        words = list(trigger.lemmas)
        by_lemma.add(f"T{number}", [Doc(nlp.vocab, words=words, lemmas=words)])
        by_word.add(f"T{number}", [Doc(nlp.vocab, words=words)])
        if trigger.pos in ("VERB", "ANY") and len(words) == 1:
            by_word.add(f"T{number}", [Doc(nlp.vocab, words=[form]) for form in inflections(words[0]) - own])
    doc = nlp("Militants ambushed a convoy and set fire to two trucks; the army shelled their positions "
              "and airstrikes killed 12. Protesters were detained after the suicide bombing.")
    expected = {(nlp.vocab.strings[key], start, end) for key, start, end in list(by_lemma(doc)) + list(by_word(doc))}
    assert expected
    assert {(span.id_, span.start, span.end) for span in doc.spans[SPANS_KEY]} == expected


def test_a_verb_matches_its_inflected_forms_whatever_the_lemmatizer_says():
    assert {"bombed", "bombing", "bombs"} <= inflections("bomb")
    assert {"dynamited", "dynamiting"} <= inflections("dynamite") and "dynamiteing" not in inflections("dynamite")
    assert {"kidnapped", "kidnapping", "machinegunned"} <= inflections("kidnap") | inflections("machinegun")
    nlp = blank_with_triggers()
    # a verb the lemmatizer's tables lack gets a wrong lemma; its word still matches
    doc = Doc(nlp.vocab, words=["Gunmen", "machinegunned", "a", "car"], lemmas=["gunman", "machinegunne", "a", "car"])
    doc = nlp.get_pipe("graphbuild_triggers")(doc)
    assert ("machinegunned", "@violence") in {(span.text, span.label_) for span in doc.spans[SPANS_KEY]}
