"""An army's country is often not where it struck: a country or nationality that owns a force or
weapon ("troops of X", "X's border force", "X-an fire") votes weakly for the article's country and
is no event place; an international agency votes for no country; a story's dateline town places
an event its text places nowhere but in its country."""
from graphbuild.nlp import make_doc
from graphbuild.nlp.place_names import armed_owner


def countries(pipeline, text, source=None):
    return pipeline.nlp(make_doc(pipeline.nlp, text, source=source))._.countries


def test_the_country_owning_the_troops_does_not_outvote_the_outlet(pipeline):
    text = "Troops of India shelled villages in the Zorbal sector overnight, killing a farmer."
    assert countries(pipeline, text, source="Dawn")[0] == "PK"
    # with nothing else to go by, the troops' country is still the best guess
    assert countries(pipeline, text) == ["IN"]


def test_a_nationality_owning_the_fire_does_not_outvote_the_outlet(pipeline):
    text = "A schoolgirl was killed by Indian fire across the border on Sunday."
    assert countries(pipeline, text, source="Dawn")[0] == "PK"
    # but a nationality of the people hurt still names the country
    text = "A Pakistani schoolgirl was killed on Sunday."
    assert countries(pipeline, text, source="Hindustan Times")[0] == "PK"


def test_armed_owners(pipeline):
    doc = pipeline.nlp("India's border force fired at the post as troops of Pakistan shelled Kotli.")
    owners = {ent.text: armed_owner(ent) for ent in doc.ents if ent.label_ == "GPE"}
    assert owners == {"India": True, "Pakistan": True, "Kotli": False}
    # a town before a common noun is no army's owner, nor are prison guards an army
    doc = pipeline.nlp("Drivers blocked the Tripoli roundabout and army units came to reopen it.")
    assert not any(armed_owner(ent) for ent in doc.ents if ent.label_ == "GPE")
    doc = pipeline.nlp("In Tehuacan, Puebla, prison guards went on strike.")
    assert not any(armed_owner(ent) for ent in doc.ents if ent.label_ == "GPE")
    doc = pipeline.nlp("Troops of India and Pakistan exchanged fire near Kotli.")
    owners = {ent.text: armed_owner(ent) for ent in doc.ents if ent.label_ == "GPE"}
    assert owners == {"India": True, "Pakistan": True, "Kotli": False}


def test_an_international_agency_names_no_country(pipeline):
    text = "Gunmen killed two traders on Tuesday, police said."
    for source in ("Voice of America", "Xinhua", "Agence France-Presse"):
        assert countries(pipeline, text, source=source) == []
    assert countries(pipeline, text, source="Dawn") == ["PK"]


def test_the_dateline_town_places_an_event_the_text_does_not(extract):
    events = extract("Kumba, May 3 (Reuters) - Gunmen killed two traders on Tuesday, police said.")
    assert events[0].place.place.name == "Kumba"
    assert events[0].place.precision == "near"
    # not a town abroad the story was filed from
    events = extract("Nairobi, May 3 (Reuters) - Somali militants killed two soldiers on Tuesday, "
                     "Somali officials said.")
    assert events[0].place.place.name == "Somalia"
    # only for the paragraph the dateline opens: a later one may tell another story
    events = extract("Kumba, May 3 (Reuters) - Gunmen killed two traders on Tuesday, police said.\n\n"
                     "Years ago, rebels kidnapped forty pupils from a school.")
    assert events[0].place.place.name == "Kumba"
    assert events[1].place is None or events[1].place.place.name != "Kumba"
    # and a place the sentence names comes first
    events = extract("Kumba, May 3 (Reuters) - Gunmen killed two traders in Buea on Tuesday.")
    assert events[0].place.place.name == "Buea"


def test_an_unknown_village_of_a_province_is_near_the_one_town_of_it_the_article_names(extract):
    text = ("Gunmen raided Zorbaqa village, Diyala governorate, Iraq. It was one of two raids in "
            "Muqdadiyah district that night.")
    place = extract(text)[0].place
    assert (place.name, place.precision, place.place.name) == ("Zorbaqa village", "near", "Al Miqdādīyah")
    # two towns of the province: only the province is known
    text = ("Gunmen raided Zorbaqa village, Diyala governorate, Iraq. Other gunmen raided Baquba city "
            "and Muqdadiyah district that night.")
    place = extract(text)[0].place
    assert (place.precision, place.place.name) == ("region", "Diyala")
    # the province's own name again is not a town of it ("Kandahar" may be either)
    text = "A bomb hit Zorbaqa village, Kandahar province, on Monday. Officials in Kandahar blamed the Taliban."
    place = extract(text)[0].place
    assert (place.precision, place.place.feature) == ("region", "admin1")
