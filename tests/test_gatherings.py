"""Demonstrations told beside other events (extract/gatherings.py) and the South Asian
protest and explosion words of triggers.csv, on the real model. Sentences are made up."""
import pytest


def types(events):
    return sorted(e.event_type for e in events)


def side(event, role):
    return {p.actor.category for p in event.participants if p.role == role}


@pytest.mark.parametrize("text", [
    "Trade unions on Tuesday staged a strike in Zorbatown against the sale of the state-run mine.",
    "Nurses of the district hospital launched a strike on Thursday demanding better pay.",
    "The truckers' strike entered its third day in Zorbatown on Monday.",
])
def test_a_staged_or_continued_strike_is_a_protest(extract, text):
    assert types(extract(text, "2015-05-05")) == ["peaceful-protest"]


@pytest.mark.parametrize("text", [
    "The air force launched a strike on militant hideouts in the Zorba valley.",
    "A precision strike hit a rebel depot near Zorbatown on Monday.",
])
def test_a_military_strike_is_no_protest(extract, text):
    assert "peaceful-protest" not in types(extract(text, "2015-05-05"))


def test_south_asian_protest_words(extract):
    assert types(extract("Students gheraoed the registrar in his chamber in Zorbatown on Monday.",
                         "2015-05-05")) == ["peaceful-protest"]
    effigy = extract("Party workers burnt an effigy of the chief minister in Zorbatown on Sunday.", "2015-05-05")
    assert types(effigy) == ["peaceful-protest"]  # a sign burnt, not a riot


@pytest.mark.parametrize("text", [
    "Three cocktails were blasted at the Zorba crossing on Tuesday.",
    "Rebels blasted a bridge over the Zorba river on Monday night.",
])
def test_blasted_weapons_and_structures_are_explosions(extract, text):
    assert types(extract(text, "2015-05-05")) == ["remote-explosive-landmine-ied"]


def test_blasted_as_criticism_is_no_event(extract):
    assert extract("The opposition leader blasted the government over the price hike on Monday.", "2015-05-05") == []


def test_aerial_strikes_and_gun_fight(extract):
    assert types(extract("Five militants were killed in aerial strikes by the air force in the Zorba valley.",
                         "2015-05-05")) == ["air-drone-strike"]
    assert types(extract("Two militants were killed in a brief gun fight with troops in Zorba district.",
                         "2015-05-05")) == ["armed-clash"]


def test_a_protest_that_only_dates_the_violence_is_no_event(extract):
    events = extract("A few hours ahead of their bandh, the rebels killed two villagers in Zorba district.",
                     "2015-05-05")
    assert types(events) == ["attack"]
    assert side(events[0], "actor1") == {"Rebel group"}


def test_an_attacked_gathering_is_the_target(extract):
    shooting = extract("One person was killed in a drive-by shooting at an election rally in Zorbatown on Friday.",
                       "2015-05-05")
    assert types(shooting) == ["attack"]
    march = extract("Unidentified men attacked the Zorba march in Zorba district, injuring several persons.",
                    "2015-05-05")
    assert types(march) == ["attack"]


def test_crowd_violence_during_a_hartal_stays_a_riot(extract):
    events = extract("Protesters threw stones at the police during the hartal in Zorbatown.", "2015-05-05")
    assert types(events) == ["violent-demonstration"]
    burnt = extract("Vehicles were set on fire in Zorbatown during the strike called by the opposition.", "2015-05-05")
    assert types(burnt) == ["violent-demonstration"]


def test_police_at_a_protest_in_a_strike_is_an_intervention(extract):
    events = extract("Police fired tear gas at protesters during the general strike in Zorbatown.", "2015-05-05")
    assert types(events) == ["protest-with-intervention"]


@pytest.mark.parametrize("text", [
    "Police arrested two men and foiled a procession by the opposition student wing in Zorbatown on Thursday.",
    "Police arrested 300 protesters when they tried to lay siege to the office of the district engineer in Zorbatown.",
])
def test_arrests_at_a_protest_are_an_intervention(extract, text):
    events = extract(text, "2015-05-05")
    assert types(events) == ["protest-with-intervention"]
    assert side(events[0], "actor1") == {"Protesters"}
    assert side(events[0], "actor2") == {"State forces"}


def test_arrests_a_protest_is_about_stay_apart(extract):
    events = extract("Hundreds of villagers protested in Zorbatown on Monday against the arrest of their leader.",
                     "2015-05-05")
    assert "protest-with-intervention" not in types(events)
    assert "peaceful-protest" in types(events)


@pytest.mark.parametrize("text", [
    "The relatives of a worker protested and blocked roads in Zorbatown for the arrest of his killers.",
    "Villagers blocked the highway in Zorbatown on Monday demanding the release of three students.",
])
def test_a_demanded_arrest_or_release_is_no_event(extract, text):
    assert types(extract(text, "2015-05-05")) == ["peaceful-protest"]


def test_south_asian_arrest_and_surrender_words(extract):
    assert types(extract("Police nabbed two suspected smugglers in Zorbatown on Monday.", "2015-05-05")) == ["arrests"]
    assert types(extract("Twenty rebels handed themselves over to the police in Zorba district on Monday.",
                         "2015-05-05")) == ["surrender"]


def test_a_countrywide_blockade_is_a_protest(extract):
    events = extract("The countrywide indefinite blockade enforced by the opposition alliance entered its 20th day "
                     "in Zorbatown on Friday.", "2015-05-05")
    assert types(events) == ["peaceful-protest"]


@pytest.mark.parametrize("text", [
    "At least three insurgents were killed and seven others were arrested in a raid by security forces "
    "in Zorba district on Sunday.",
    "One militant was killed, one injured and two arrested in a search operation carried out by the "
    "border guards in Zorbatown.",
])
def test_killings_told_with_arrests_are_violence_of_their_own(extract, text):
    events = extract(text, "2015-05-05")
    assert "armed-clash" in types(events)
    assert side(next(e for e in events if e.event_type == "armed-clash"), "actor1") == {"State forces"}


def test_bodies_found_with_an_arrest_are_no_killing_by_the_police(extract):
    events = extract("Police found two bodies in Zorbatown and arrested a suspect.", "2015-05-05")
    assert types(events) == ["arrests"]


def test_demonstrators_beaten_during_their_protest_stay_a_protest(extract):
    events = extract("On 7 May, protesting residents were beaten up and dragged into police cars by dozens of "
                     "police in Zorbatown, during their protest against the mayor.", "2020-05-08")
    assert [top for top in types(events) if top == "attack"] == []


def test_arrests_for_a_past_protest_stay_arrests(extract):
    events = extract("Police arrested more than 40 young men in Zorbatown who were accused of joining a "
                     "protest the weekend before.", "2020-05-08")
    assert "arrests" in types(events)
    assert "protest-with-intervention" not in types(events)


def test_a_riot_taken_control_of_is_no_attacked_gathering(extract):
    events = extract("Hundreds of inmates staged a riot in Zorbatown jail. The police managed to take "
                     "control of the riot, but 4 inmates were killed.", "2020-05-08")
    assert "violent-demonstration" in types(events)


def test_a_police_picket_is_a_post_not_a_protest(extract):
    events = extract("Three rebels were killed and a policeman injured in an encounter after armed rebels "
                     "attacked a police picket in Zorbatown.", "2015-05-05")
    assert types(events) == ["armed-clash"]


def test_a_blockade_that_goes_on_only_dates_an_attack(extract):
    events = extract("A young man was killed in an arson attack in Zorbatown as the countrywide indefinite blockade "
                     "continued for the seventh day on Monday.", "2015-05-05")
    assert "peaceful-protest" not in types(events)
    assert "attack" in types(events)


def test_a_protest_crowd_that_attacks_is_a_violent_demonstration(extract):
    events = extract("Ahead of the 36-hour bandh called by the rebel front, a police constable was attacked by "
                     "bandh supporters in Zorba village.", "2015-05-05")
    assert types(events) == ["violent-demonstration"]


@pytest.mark.parametrize("text", [
    "Two villagers were detained and tortured by army troops in Zorba township.",
    "Two civilians were arrested by the army and killed in Zorba township.",
])
def test_arrests_told_with_violence_are_part_of_it(extract, text):
    events = extract(text, "2015-05-05")
    assert types(events) == ["attack"]
    assert side(events[0], "actor1") == {"State forces"}


def test_an_arrest_for_a_past_attack_stays_an_arrest(extract):
    events = extract("Police in Zorbatown on Friday night arrested a rebel area commander and seven of his "
                     "aides, wanted in more than ten cases, among them the 2009 attack on a police post.",
                     "2015-05-05")
    assert "arrests" in types(events)


def test_an_arrest_in_a_killing_stays_an_arrest(extract):
    events = extract("Police arrested a suspect in the killing of a trader in Zorbatown.", "2020-05-05")
    assert "arrests" in types(events)


def test_an_arrest_for_alleged_involvement_names_no_attack(extract):
    events = extract("Nearly 50 persons were arrested on Wednesday in Zorbatown for their alleged involvement in "
                     "arson attacks and blasts.", "2015-05-05")
    assert "remote-explosive-landmine-ied" not in types(events)
    assert "arrests" in types(events)


def test_a_signed_agreement_is_one_spoken_of_is_not(extract):
    assert types(extract("The army and the rebel front have signed an agreement to end hostilities in Zorba state.",
                         "2015-05-05")) == ["agreement"]
    assert extract("Under the agreement, rebels will hand over their weapons in Zorba state.", "2015-05-05") == []


@pytest.mark.parametrize("text", [
    "On 30 April, dozens of residents gathered for a vigil and silent protest in Zorbatown, calling for a harsh "
    "sentence for the driver who killed a reporter.",
    "Around 1 May, hundreds of workers across Zorba state protested by beating utensils in their homes, "
    "asking to be sent back to their villages.",
])
def test_violence_a_protest_is_about_keeps_it_peaceful(extract, text):
    assert types(extract(text, "2020-05-05")) == ["peaceful-protest"]


def test_a_killing_during_a_demonstration_is_no_news_apart_from_it(extract):
    events = extract("On 4 May, residents of Zorbatown burned tires in a demonstration over water supply. "
                     "A man was shot dead by unknown gunmen during the demonstration.",
                     "2020-05-05")
    assert "attack" not in types(events)


@pytest.mark.parametrize("text", [
    "Paramilitary troops killed three suspected rebels and detained 18 more men for questioning after two "
    "clashes in Zorba district.",
    "In Zorba subdivision on Tuesday army and police forces engaged the rebels, eventually arresting 5 members.",
])
def test_arrests_listed_with_a_battle_are_part_of_it(extract, text):
    assert types(extract(text, "2015-05-05")) == ["armed-clash"]


def test_a_weapon_that_went_off_is_an_explosion_an_alarm_is_not(extract):
    events = extract("Several bombs went off on Tuesday at a meeting of the minister in Zorbatown amid the nationwide "
                     "indefinite transport blockade.", "2015-05-05")
    assert types(events) == ["remote-explosive-landmine-ied"]
    assert extract("The fire alarm went off in the Zorba hotel on Monday.", "2015-05-05") == []


def test_a_lathi_charge_to_disperse_protesters_is_no_riot(extract):
    events = extract("On 1 May 2020, protesters demonstrated in Zorba village against a new quarantine centre. "
                     "Police resorted to a mild lathi charge to disperse the protesters.", "2020-05-02")
    assert "violent-demonstration" not in types(events)
