"""Text before the model: case restoration and article structure (both length-preserving)."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from graphbuild.articles import Article
from graphbuild.model import TextSpan
from graphbuild.pipeline import ingest
from graphbuild.store import Store
from graphbuild.text.structure import article_structure, mask, quote_original
from graphbuild.text.truecase import is_caseless

LOWER = ("gunmen of the islamic state killed three soldiers in baghdad on monday, the iraqi army said. "
         "the rebels of the farabundo marti front (fmln) attacked a bridge near san miguel.")


@pytest.fixture(scope="module")
def truecaser(pipeline):
    return pipeline.truecaser


def test_caseless_texts_are_told_from_ordinary_prose():
    assert is_caseless(LOWER)
    assert is_caseless(LOWER.upper())
    assert not is_caseless("Gunmen of the Islamic State killed three soldiers in Baghdad on Monday, the army said.")
    # a lower-case transcript with an odd capital is still lower case: its sentences start small
    assert is_caseless("i said we would go. they came at night. Then the army came. we ran to the river. "
                       "they burned the houses.")
    assert not is_caseless("too short")


def test_lower_case_text_gets_names_and_sentence_starts_back(truecaser):
    restored = truecaser.restore(LOWER)
    assert len(restored) == len(LOWER) and restored.lower() == LOWER
    for name in ("Gunmen", "Islamic State", "Baghdad", "Monday", "Iraqi", "The rebels", "(FMLN)", "San Miguel"):
        assert name in restored, (name, restored)
    for word in (" soldiers ", " army ", " bridge "):
        assert word in restored


def test_organisation_names_run_on_from_a_name_or_are_long(truecaser):
    text = ("members of the tupac amaru revolutionary movement fled. the army of national liberation (eln) "
            "and the popular liberation army clashed with security forces. the iraqi army and the national "
            "police said so.")
    restored = truecaser.restore(text)
    for name in ("Tupac Amaru Revolutionary Movement", "Army of National Liberation (ELN)", "Popular Liberation Army"):
        assert name in restored, restored
    # after a name, adjectives lead the organisation's words; a name's verb does not join them
    led = truecaser.restore("the pedro quispe patriotic front claimed it. guzman said security forces came.")
    assert "Pedro Quispe Patriotic Front" in led and "said security forces" in led, led
    for words in ("security forces", "Iraqi army", "national police"):
        assert words in restored, restored


def test_all_capitals_are_lowered_around_the_names(truecaser):
    restored = truecaser.restore(LOWER.upper())
    assert restored.startswith("Gunmen of the Islamic State killed three soldiers in Baghdad on Monday")
    assert len(restored) == len(LOWER)


def test_a_line_in_capitals_in_ordinary_copy_is_restored_alone(truecaser):
    text = ("Fighters fled the town on Sunday, the monitor said.\n\"INVISIBLE SHEIKH\"\n"
            "SDF AND PKK\nUS\nThe group's leader hid in the desert.")
    restored = truecaser.restore(text)
    assert restored == text.replace("INVISIBLE SHEIKH", "Invisible sheikh").replace("SDF AND PKK", "SDF and PKK")


def test_ordinary_text_is_left_alone(truecaser):
    text = "The IS attack on Hajin killed two. Then the Army came. us and them, said a man in the town."
    assert truecaser.restore(text) == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdeßİıǅﬁ .,!?\n()\"“xyzqk"), min_size=0, max_size=300))
def test_restoring_case_never_moves_a_character(pipeline, text):
    restored = pipeline.truecaser.restore(text)
    assert len(restored) == len(text)
    prepared, _ = pipeline.prepare(text)
    assert len(prepared) == len(text)


def test_lower_case_article_finds_its_actors_and_quotes_the_original(pipeline):
    extraction = pipeline.extract(Article(text=LOWER, id="lower", published=dt.date(2020, 5, 4)))
    actors = {p.actor.label for e in extraction.events for p in e.participants}
    assert "Islamic State" in actors
    for event in extraction.events:
        for span in [event.trigger, *event.sentences, *(p.span for p in event.participants)]:
            assert span.text == LOWER[span.start:span.end]  # evidence shows what the article says


ARTICLE = ("Rebels attack town\n"
           "BAGHDAD, May 3 (Reuters) - Gunmen killed three soldiers near Baqubah on Sunday, the army said.\n"
           "“We will keep fighting until the end,” a commander told reporters.\n"
           "Image copyright Getty Images\n"
           "Read more: Turkish jets bomb Kurdish fighters in Sinjar\n"
           "Most read in World News\n"
           "Share this with Facebook Twitter Email\n")


def test_structure_finds_title_dateline_quotes_and_boilerplate():
    structure = article_structure(ARTICLE)
    assert structure.title.text == "Rebels attack town"
    line = structure.dateline
    assert (line.span.text, line.place.text, line.date.text, line.agency) == (
        "BAGHDAD, May 3 (Reuters) -", "BAGHDAD", "May 3", "Reuters")
    assert [q.text for q in structure.quotations] == ["“We will keep fighting until the end,”"]
    assert [(b.kind, b.span.text) for b in structure.boilerplate] == [
        ("caption", "Image copyright Getty Images"),
        ("navigation", "Read more: Turkish jets bomb Kurdish fighters in Sinjar"),
        ("navigation", "Most read in World News"),
        ("sharing", "Share this with Facebook Twitter Email")]
    assert [p.text[:7] for p in structure.paragraphs] == ["BAGHDAD", "“We wil"]
    for span in [structure.title, line.span, *structure.paragraphs, *(b.span for b in structure.boilerplate)]:
        assert ARTICLE[span.start:span.end] == span.text


def test_dateline_places_are_found_in_the_gazetteer(pipeline):
    for text, name, country in [("TRIPOLI, Lebanon (AP) — Clashes broke out.", "Tripoli", "Lebanon"),
                                ("Hajin, Syria (CNN)A group of fighters fled.", "Hajīn", "Syria"),
                                ("ADEN -- Houthis fired missiles at the port.", "Aden", "Yemen")]:
        place = pipeline.prepare(text)[1].dateline.resolved
        assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("text, place, agency", [
    ("LONDON — The minister said on Friday that talks would go on.", "LONDON", ""),
    ("Hajin, Syria (CNN)A group of fighters fled the town.", "Hajin, Syria", "CNN"),
    ("KABUL, Afghanistan (AP) — A bomb went off near a school.", "KABUL, Afghanistan", "AP"),
    ("Indian Border Security Force (BSF) troops fired at smugglers.", None, None),
    ("Islamic State (IS) fighters attacked a checkpoint.", None, None),
])
def test_datelines(text, place, agency):
    line = article_structure(text).dateline
    assert (line.place.text, line.agency) == (place, agency) if place else line is None


def test_masking_blanks_boilerplate_only():
    structure = article_structure(ARTICLE)
    masked = mask(ARTICLE, structure)
    assert len(masked) == len(ARTICLE)
    assert "Sinjar" not in masked and "Getty" not in masked
    assert "BAGHDAD, May 3 (Reuters)" in masked and "Gunmen killed" in masked


def test_quote_original_rewrites_nested_spans_and_trims_blanks():
    original = "abc DEF ghi"
    prepared = "Abc def    "
    value = {"key": [TextSpan(4, 7, "def")]}  # not a dataclass: left as it is
    spans = [TextSpan(4, 7, "def"), (object(), TextSpan(0, 3, "Abc")), TextSpan(0, 11, prepared)]
    quote_original(spans, original, prepared)
    assert spans[0].text == "DEF" and spans[1][1].text == "abc"
    assert (spans[2].start, spans[2].end, spans[2].text) == (0, 7, "abc DEF")
    assert quote_original(value, original, prepared) is value


def test_boilerplate_gives_no_event_and_structure_is_in_the_graph(pipeline):
    store = Store(None)
    report = ingest([Article(text=ARTICLE, id="structured", published=dt.date(2020, 5, 4))], store,
                    pipeline=pipeline)
    assert report.failed == 0
    sentences = [r["s"] for r in store.select(
        "SELECT ?s WHERE { ?e a gb:EventReport ; gaf:denotedBy/nif:anchorOf ?s }")]
    assert sentences and not any("Sinjar" in s or "Turkish" in s for s in sentences)
    labels = [r["l"] for r in store.select("SELECT ?l WHERE { ?e a gb:EventReport ; gb:actor1/rdfs:label ?l }")]
    assert not any("Turk" in label for label in labels)
    kinds = sorted((r["kind"], r["text"]) for r in store.select("""
        SELECT ?kind ?text WHERE { ?a gb:boilerplate ?b . ?b a gb:Boilerplate ; gb:boilerplateKind ?kind ;
                                   nif:anchorOf ?text ; nif:beginIndex ?begin }"""))
    assert ("caption", "Image copyright Getty Images") in kinds and len(kinds) == 4
    row = store.select("""SELECT ?place ?date ?agency ?begin WHERE { ?a gb:dateline ?d . ?d a gb:Dateline ;
        gb:datelinePlace ?place ; gb:datelineDate ?date ; gb:agency ?agency ; nif:beginIndex ?begin }""")
    assert [(r["place"], r["date"], r["agency"], r["begin"]) for r in row] == [("BAGHDAD", "May 3", "Reuters", 19)]
    filed = store.select("""SELECT ?label ?country WHERE { ?a gb:dateline/gb:filedFrom ?p .
        ?p rdfs:label ?label ; gb:country ?country }""")
    assert [(r["label"], r["country"]) for r in filed] == [("Baghdad", "Iraq")]
    assert store.select("SELECT (COUNT(?p) AS ?n) WHERE { ?a gb:paragraph ?p . ?p a nif:Paragraph }")[0]["n"] == 2
    assert store.select("SELECT ?t WHERE { ?a gb:titleLine/nif:anchorOf ?t }")[0]["t"] == "Rebels attack town"


def test_wiki_headings_run_into_the_text_are_masked(pipeline):
    text = ("An attack on a market in Kasese killed nine traders on 3 May 2016. The attack is widely thought to "
            "have been carried out by the ADF.==Aftermath==The Kasese market reopened a week later.")
    structure = article_structure(text)
    assert [(b.kind, b.span.text) for b in structure.boilerplate] == [("heading", "==Aftermath==")]
    masked = mask(text, structure)
    assert len(masked) == len(text) and "ADF.             The" in masked
    events = pipeline.extract(Article(text=text, published=dt.date(2016, 5, 5))).events
    assert len(events) == 1
    assert [p.actor.label for p in events[0].participants if p.role == "actor1"] == [
        "ADF: Allied Democratic Forces"]


def test_a_read_more_link_inside_a_line_is_boilerplate(pipeline):
    text = ("Gunmen shot two guards at a depot in Mosul on Monday.Read more: Militants seize border crossing in "
            "AnbarPolice said the gunmen fled. READ MORE Rebels capture airport near Kandahar. No group "
            "claimed the attack.")
    structure = article_structure(text)
    assert [(b.kind, b.span.text) for b in structure.boilerplate] == [
        ("navigation", "Read more: Militants seize border crossing in Anbar"),
        ("navigation", "READ MORE Rebels capture airport near Kandahar.")]
    masked = mask(text, structure)
    assert "Police said the gunmen fled." in masked and "No group claimed" in masked
    events = pipeline.extract(Article(text=text, published=dt.date(2020, 5, 5))).events
    assert events and not any(word in s.text for e in events for s in e.sentences for word in ("seize", "capture"))


def test_read_more_in_prose_is_left_alone():
    text = "Residents can read more about the curfew on the council's site. Troops read more names aloud."
    assert article_structure(text).boilerplate == []


def test_first_names_and_titles_join_the_names_beside_them(truecaser):
    # "hector" and "victor" are English words and "jose" too common to be a name alone: next to a
    # rare surname they are first names; "soldier", "killed" and "fresh" stay words
    text = ("unknown men kidnapped party leader hector oqueli colindres on friday. president jose napoleon "
            "duarte condemned it. father ignacio ellacuria said the soldier ramirez was wounded and victor "
            "quispe was killed. a soldier died. they killed quispe's brother and gave fresh arequipe to "
            "the troops of colonel benavides.")
    restored = truecaser.restore(text)
    assert len(restored) == len(text)
    for name in ("Hector Oqueli Colindres", "President Jose Napoleon Duarte", "Father Ignacio Ellacuria",
                 "Victor Quispe", "Colonel Benavides"):
        assert name in restored, (name, restored)
    for words in ("soldier Ramirez", "A soldier", "killed Quispe", "fresh Arequipe"):
        assert words in restored, (words, restored)


def test_a_word_the_article_also_uses_alone_is_no_first_name(truecaser):
    text = ("the victor of the local election thanked the voters. two days later armed men shot victor "
            "quispe outside the town hall and wounded judge gonzalo tapullima.")
    restored = truecaser.restore(text)
    assert "The victor of" in restored and "shot victor Quispe" in restored, restored
    assert "Judge Gonzalo Tapullima" in restored, restored
    # an event's word stays the event's, however rare ("kidnap" is rarer than "jose")
    restored = truecaser.restore("rebels tried to kidnap tapullima at dawn, the local press reported on sunday.")
    assert "to kidnap Tapullima" in restored, restored


def test_initialisms_and_peoples_are_restored(truecaser):
    text = ("a bomb went off outside the u.s. embassy and two salvadorans were hurt. the u.n. mission "
            "sent guatemalan doctors.")
    restored = truecaser.restore(text)
    for words in ("the U.S. embassy and", "two Salvadorans", "The U.N. mission", "Guatemalan doctors"):
        assert words in restored, (words, restored)


def test_english_words_written_solid_are_no_names(truecaser):
    text = ("masked men machinegunned a minibus outside the town of villa verde, and the antidrug police "
            "blamed ultrarightist narcoterrorists armed with submachineguns. the highranking officers met the mayor.")
    for restored in (truecaser.restore(text), truecaser.restore(text.upper())):
        for word in (" machinegunned ", " antidrug ", " ultrarightist ", " narcoterrorists ", " submachineguns", " highranking "):
            assert word in restored, (word, restored)
        assert "Villa Verde" in restored


def test_a_quotation_inside_a_sentence_starts_no_sentence(truecaser):
    text = ('a spokesman said the mayor was "abducted" near his farm. he said: "we will find him." '
            '"nobody is safe," a priest added, calling it a "dark day" for the town.')
    restored = truecaser.restore(text)
    for words in ('was "abducted" near', 'a "dark day" for', 'He said: "We will', '"Nobody is safe," a priest'):
        assert words in restored, (words, restored)
