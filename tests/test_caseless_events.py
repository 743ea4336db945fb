"""Events told in lower-case or all-capitals wire copy: verbs the case restorer must leave alone
and "-ing" nouns of harm verbs, end to end with the real model."""
from __future__ import annotations

import pytest

MACHINEGUNNED = ("gunmen machinegunned a minibus carrying farm workers near the village of las palmas on "
                 "tuesday, the police said. two passengers were wounded.")
BURNING = ("the rebels of the popular front claimed responsibility for the burning of four trucks and the "
           "dynamiting of a power pylon near the town of santa rita on friday, the army said.")


def kinds(events):
    return {(e.event_type, e.trigger.text.lower()) for e in events}


@pytest.mark.parametrize("text", [MACHINEGUNNED, MACHINEGUNNED.upper()])
def test_a_solid_compound_verb_is_an_attack_not_a_name(extract, text):
    events = extract(text, "2021-03-10")
    assert ("attack", "machinegunned") in kinds(events), kinds(events)
    attack = next(e for e in events if e.trigger.text.lower() == "machinegunned")
    assert "minibus" in " ".join(t.text.lower() for t in attack.targets)


@pytest.mark.parametrize("text", [BURNING, BURNING.upper()])
def test_ing_nouns_of_harm_verbs_name_their_events(extract, text):
    found = kinds(extract(text, "2021-03-10"))
    assert ("looting-property-destruction", "burning") in found, found
    assert ("remote-explosive-landmine-ied", "dynamiting") in found, found


def test_ing_nouns_without_what_was_harmed_or_of_gatherings_are_no_events(extract):
    found = kinds(extract("Officers spent a week on the gathering of evidence in the town of Santa Rita. "
                          "A burning smell filled the market on Friday, residents said.", "2021-03-10"))
    assert not any(trigger in ("gathering", "burning") for _, trigger in found), found


def test_an_event_word_before_operations_names_the_event(extract):
    events = extract("The province was left without power after rebels carried out sabotage operations against "
                     "the electricity grid near Santa Rita on Monday, officials said.", "2021-03-10")
    sabotage = next(e for e in events if e.trigger.text == "sabotage")
    assert sabotage.event_type == "looting-property-destruction"
    assert [p.span.text for p in sabotage.participants if p.role == "actor1"] == ["rebels"]
    assert [t.text for t in sabotage.targets] == ["the electricity grid"]


@pytest.mark.parametrize("text", ["masked men carried out a dynamite attack on a bank branch in the town of "
                                  "la merced on monday, police said."])
def test_a_dynamite_attack_is_an_explosion(extract, text):
    for told in (text, text.upper()):
        events = extract(told, "2021-03-10")
        assert [e.event_type for e in events] == ["remote-explosive-landmine-ied"], kinds(events)
