"""Violence typed by who it targeted (extract/event_types.violence_type), on the real model.
Sentences are made up."""
import pytest


@pytest.mark.parametrize("text,expected", [
    ("Gunmen opened fire on a bus carrying soldiers in Zorba district.", "armed-clash"),
    ("In Zorbatown, gunmen opened fire on a van carrying Levies personnel, killing one.", "armed-clash"),
    ("Gunmen opened fire on a bus carrying pilgrims in Zorba district.", "attack"),
])
def test_a_vehicle_is_targeted_for_whom_it_carries(extract, text, expected):
    events = extract(text, "2015-05-05")
    assert [e.event_type for e in events] == [expected]


def test_levies_are_state_forces(extract):
    events = extract("Unknown armed men shot dead a Levies official in Zorbatown.", "2015-05-05")
    assert [e.event_type for e in events] == ["armed-clash"]
    assert {p.actor.category for p in events[0].participants if p.role == "actor2"} == {"State forces"}


@pytest.mark.parametrize("text", [
    "Two brothers were hacked to death by unidentified men in Zorba village.",
    "A party activist was slaughtered by unidentified men in Zorba village on Thursday night.",
    "Unidentified men thrashed a shopkeeper in Zorba village on Monday.",
])
def test_south_asian_words_of_killing_and_beating(extract, text):
    assert [e.event_type for e in extract(text, "2015-05-05")] == ["attack"]


@pytest.mark.parametrize("text", [
    "A retired policeman was shot dead by unknown gunmen outside his house in Zorba district.",
    "Rebels killed two ex-militants in a motorcycle shooting in Zorbatown.",
    "Unknown gunmen killed a former militant in Zorbatown.",
])
def test_people_once_armed_are_civilians_now(extract, text):
    assert [e.event_type for e in extract(text, "2015-05-05")] == ["attack"]


def test_serving_police_are_an_armed_side(extract):
    events = extract("Unknown gunmen shot a police officer dead in Zorbatown.", "2015-05-05")
    assert [e.event_type for e in events] == ["armed-clash"]


@pytest.mark.parametrize("text,expected", [
    ("Government forces and rebel troops battled near the border on Monday.", ["armed-clash"]),
    ("Troops battled the rebels in Zorba district on Monday.", ["armed-clash"]),
    ("Firefighters battled a blaze in Zorbatown on Monday.", []),
    ("The government is battling corruption and inflation.", []),
])
def test_battled_is_a_fight_with_a_side(extract, text, expected):
    assert [e.event_type for e in extract(text, "2015-05-05")] == expected
