"""Physical targets and victims of full articles: what an attack hit, told in the ways news tells it."""
from __future__ import annotations

import pytest


def only(events, event_type=None):
    chosen = [e for e in events if event_type is None or e.event_type == event_type]
    assert len(chosen) == 1, [(e.event_type, e.trigger.text) for e in events]
    return chosen[0]


def targets(event):
    return [s.text for s in event.targets]


def test_what_the_bomb_itself_damaged(extract):
    event = only(extract("A car bomb exploded in Zarana on Monday. The bomb badly damaged the telephone "
                         "exchange of the port district, a hotel and two clinics.", "2020-05-05"))
    assert targets(event) == ["the telephone exchange of the port district", "a hotel", "two clinics"]


def test_what_one_of_the_weapons_hit(extract):
    event = only(extract("One of the grenades hit a small house in Zarana on Monday, killing a child.",
                         "2020-05-05"))
    assert targets(event) == ["a small house"]


def test_damage_caused_to_a_building(extract):
    event = only(extract("Gunmen set off two bombs in a hotel in Zarana on Monday, causing heavy damage "
                         "to the building.", "2020-05-05"))
    assert targets(event) == ["a hotel", "the building"]


def test_the_part_of_a_building_stands_for_it(extract):
    event = only(extract("Three explosive devices exploded at the front doors of a party headquarters and two banks in "
                         "Zarana on Monday.", "2020-05-05"))
    assert targets(event) == ["the front doors of a party headquarters", "two banks"]


def test_one_of_the_vehicles(extract):
    event = only(extract("Gunmen attacked two buses in Zarana on Monday. One of the buses was destroyed.",
                         "2020-05-05"))
    assert targets(event) == ["two buses", "One of the buses"]


def test_people_of_a_building_are_no_target(extract):
    event = only(extract("A bomb killed three employees of the bank in Zarana on Monday.", "2020-05-05"))
    assert targets(event) == []


def test_where_a_person_was_killed_is_no_target(extract):
    event = only(extract("Gunmen shot a judge at the airport in Zarana on Monday.", "2020-05-05"))
    assert targets(event) == []
    event = only(extract("A judge was shot dead at his home in Zarana on Monday.", "2020-05-05"))
    assert targets(event) == []


@pytest.mark.parametrize("text", ["Gunmen fired at a bus in Zarana on Monday.",
                                  "Shots were fired at a bus in Zarana on Monday."])
def test_what_was_fired_at_is_a_target(extract, text):
    assert targets(only(extract(text, "2020-05-05"))) == ["a bus"]


@pytest.mark.parametrize("text, expected", [
    ("Rebels carried out sabotage actions against the electricity system in Zarana on Monday.",
     ["the electricity system"]),
    ("Guerrillas sabotaged the telephone exchange in Zarana on Monday.", ["the telephone exchange"]),
    ("Vandals ransacked two pharmacies and several stores in Zarana on Monday.", ["two pharmacies", "several stores"]),
])
def test_sabotage_and_ransacking_destroy_property(extract, text, expected):
    event = only(extract(text, "2020-05-05"))
    assert event.event_type == "looting-property-destruction"
    assert targets(event) == expected


def test_what_shots_were_fired_at_with_an_object(extract):
    event = only(extract("Soldiers fired rubber bullets at a fishing boat off Zarana on Monday.", "2020-05-05"))
    assert targets(event) == ["a fishing boat"]


def test_the_victim_identified_by_name_in_the_next_sentence(extract):
    event = only(extract("A trader was shot dead by gunmen in Zarana on Monday. The trader was identified "
                         "as Pedro Zamora.", "2020-05-05"))
    assert "Pedro Zamora" in [p.span.text for p in event.participants if p.role == "victim"]


def test_who_named_the_attackers_names_no_victim(extract):
    event = only(extract("Gunmen shot a taxi driver in Zarana on Monday. The police identified the gunmen "
                         "as members of a gang.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "victim"] == []


@pytest.mark.parametrize("text, victim", [
    ("Gunmen kidnapped the son of Pedro Zamora in Zarana on Monday.", "son"),
    ("Gunmen killed the driver of a Taliban commander in Kandahar on Monday.", "driver"),
])
def test_a_relative_or_aide_is_the_victim_not_the_person_named(extract, text, victim):
    event = only(extract(text, "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "victim"] == [victim]


def test_each_group_hit_keeps_its_words(extract):
    event = only(extract("A bomb exploded in a market in Zarana on Monday, killing two men and injuring "
                         "four women.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "victim"] == ["men", "women"]


def test_a_bare_number_counts_the_people_counted_before(extract):
    event = only(extract("A bomb killed 13 people and wounded 71 in Zarana on Monday.", "2020-05-05"))
    victims = [p for p in event.participants if p.role == "victim"]
    assert [p.span.text for p in victims] == ["people", "71"]
    assert victims[0].actor.key == victims[1].actor.key


def test_a_bare_number_with_nothing_counted_before_names_no_one(extract):
    event = only(extract("A bomb exploded in Zarana on Monday. Three were killed.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "victim"] == []


def test_a_list_of_targets_the_parse_hung_on_the_attack_and_its_appositions(extract):
    event = only(extract("Rebels launched simultaneous attacks on the city hall, the governor's private home, "
                         "the home of Pedro Zamora, president of the senate, and the offices of the electoral "
                         "council in Zarana on Monday.", "2020-05-05"))
    assert targets(event) == ["the city hall", "the governor's private home", "the home of Pedro Zamora",
                              "the offices of the electoral council"]


def test_the_number_counts_those_counted_in_the_sentence_before(extract):
    event = only(extract("Three militants tried to plant a bomb along a road in Zarana on Friday. The device "
                         "exploded early, killing the three.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "victim"] == ["three"]


def test_what_a_plot_would_do_is_no_attack_told(extract):
    events = extract("Police warned the senator of a plot to murder him at the airport in Zarana.", "2020-05-05")
    assert [e.modality for e in events] == ["hypothetical"]


def test_a_part_names_its_whole_however_long_the_name(extract):
    event = only(extract("Rebels destroyed a section of the long northern coastal oil export pipeline near "
                         "Zarana on Monday.", "2020-05-05"))
    assert [t.split()[-1] for t in targets(event)] == ["pipeline"]


def test_the_entrance_to_a_building(extract):
    event = only(extract("Gunmen placed a bomb at the entrance to a cafe in Zarana on Monday.", "2020-05-05"))
    assert targets(event) == ["the entrance to a cafe"]
