"""Extraction constructions on sentences written for these tests, with the real model."""
import datetime as dt

import pytest

from graphbuild.numbers import parse_number


def only(events, event_type=None):
    chosen = [e for e in events if event_type is None or e.event_type == event_type]
    assert len(chosen) == 1, [(e.event_type, e.trigger.text) for e in events]
    return chosen[0]


def labels(event, role):
    return [a.label for a in event.actors(role)]


@pytest.mark.parametrize("text, value", [
    ("two", 2), ("1,500", 1500), ("twenty-one", 21), ("1-2", 1), ("a dozen", 12),
    ("dozens", 12), ("hundreds", 100), ("three hundred", 300), ("several", 3), ("fighters", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_active_clash_with_date_place_and_fatalities(extract):
    event = only(extract("On 3 May 2020, Taliban militants clashed with Afghan soldiers in Kandahar, "
                         "killing two soldiers.", "2020-05-04"))
    assert event.event_type == "armed-clash"
    assert event.time.time.day.isoformat() == "2020-05-03"
    assert event.place.place.country == "Afghanistan"
    assert event.fatalities.value == 2
    assert "Military Forces of Afghanistan" in labels(event, "actor2") + labels(event, "victim")


def test_passive_voice_agent(extract):
    event = only(extract("Four civilians were killed by gunmen in Maiduguri on Tuesday.", "2020-05-07"))
    assert event.event_type == "attack"
    assert labels(event, "actor1") == ["Unidentified Armed Group (Nigeria)"]
    assert labels(event, "victim") == ["Civilians (Nigeria)"]
    assert event.fatalities.value == 4
    assert event.time.time.day.isoformat() == "2020-05-05"


def test_nominal_attack_by_on(extract):
    event = only(extract("An attack by Syrian government forces on a village in Idlib killed three children.",
                         "2020-04-29"))
    assert labels(event, "actor1") == ["Military Forces of Syria"]
    assert event.fatalities.value == 3


def test_fighting_between_x_and_y(extract):
    event = only(extract("Heavy fighting between Turkish soldiers and Kurdish fighters erupted near Afrin "
                         "on Monday.", "2020-05-06"))
    assert event.event_type == "armed-clash"
    assert labels(event, "actor1") == ["Military Forces of Turkey"]
    assert event.actors("actor2")
    assert event.place.precision == "near"


def test_two_events_in_one_sentence(extract):
    events = extract("Gunmen abducted five traders in Zamfara, while protesters marched in Kano against "
                     "the kidnappings.", "2020-05-07")
    assert sorted(e.event_type for e in events) == ["abduction-forced-disappearance", "peaceful-protest"]


def test_argument_in_the_next_sentence(extract):
    events = extract("Rebels attacked an army base near Goma on Friday. There was a clash and "
                     "six soldiers were killed.", "2020-05-09")
    clash = only(events)
    assert clash.fatalities.value == 6
    assert len(clash.sentences) == 2


def test_fatality_sums_ranges_and_none(extract):
    summed = only(extract("Three militants and 1-2 policemen were killed in the clash in Kunduz.", "2020-05-03"))
    assert summed.fatalities.value == 4
    ranged = only(extract("Between 10 and 12 civilians were killed when a car bomb exploded in Mogadishu.",
                          "2020-05-03"))
    assert ranged.fatalities.value == 10
    none = only(extract("Rebels shelled Beni on Sunday; no casualties were reported.", "2020-05-04"))
    assert none.fatalities.value == 0


def test_wounded_are_kept_apart(extract):
    event = only(extract("A grenade attack in Mogadishu wounded seven people.", "2020-05-04"))
    assert event.fatalities is None
    assert event.injured.value == 7


def test_attribution_and_modality(extract):
    reported = only(extract("Two soldiers were killed in an ambush near Mopti, an army spokesman said.",
                            "2020-05-04"))
    assert reported.modality == "reported" and reported.attribution.text == "an army spokesman"
    according = only(extract("According to SOHR, regime forces shelled Kafr Nabl yesterday.", "2020-05-04"))
    assert according.modality == "reported" and according.attribution.text == "SOHR"
    denied = only(extract("The army denied that it shelled the market in Idlib.", "2020-05-04"))
    assert denied.modality == "denied"
    future = only(extract("The militants will attack the town next week, a commander warned.", "2020-05-04"))
    assert future.modality == "future"
    negated = only(extract("Police did not fire on the protesters in Lagos.", "2020-05-04"))
    assert negated.modality == "negated"


def test_protest_types_and_crowd_actor(extract):
    peaceful = only(extract("Hundreds of residents protested in Beirut on Friday over power cuts.", "2020-05-02"))
    assert peaceful.event_type == "peaceful-protest"
    assert labels(peaceful, "actor1") == ["Protesters (Lebanon)"]
    violent = only(extract("Demonstrators blocked roads with burning tyres in Tunis.", "2020-05-02"))
    assert violent.event_type == "violent-demonstration"
    assert labels(violent, "actor1") == ["Rioters (Tunisia)"]
    dispersed = only(extract("Students rallied in Khartoum until police fired tear gas to disperse them.",
                             "2020-05-02"))
    assert dispersed.event_type in ("protest-with-intervention", "excessive-force-against-protesters")


def test_weapon_decides_the_explosion_type(extract):
    assert only(extract("A roadside bomb hit a military convoy in Helmand.", "2020-05-02")).event_type == \
        "remote-explosive-landmine-ied"
    assert only(extract("Russian warplanes carried out airstrikes on Maarat al-Numan.", "2020-05-02")).event_type \
        == "air-drone-strike"


def test_generic_words_are_not_events(extract):
    assert extract("The battle-hardened soldiers rested in their barracks.", "2020-05-02") == []
    assert extract("In other battles, the jihadists had places to run to.", "2020-05-02") == []


@pytest.mark.parametrize("text", [
    "The minister vowed to fight terrorism and corruption.",
    "He launched an offensive against corruption.",
    "The fighting against terrorism has cost billions.",
    "Police vowed to fight crime and drug trafficking.",
])
def test_a_campaign_against_a_social_ill_is_no_event(extract, text):
    assert extract(text, "2020-05-02") == []


def test_a_fight_against_an_armed_side_stays_an_event(extract):
    event = only(extract("The army launched an offensive against Islamic State near Mosul on Monday.", "2020-05-06"))
    assert [a.label for a in event.actors("actor2")] == ["Islamic State"]
    event = only(extract("Government troops fought Boko Haram and banditry in Zamfara on Monday.", "2020-05-06"))
    assert event.event_type == "armed-clash"


def test_relative_clause_subject_and_since(extract):
    event = only(extract("The offensive was led by the Syrian Democratic Forces, which attacked "
                         "the Islamic State in Hajin on Friday.", "2019-02-08"), "armed-clash")
    assert "Syrian Democratic Forces" in " ".join(labels(event, "actor1"))
    assert event.time.time.day.isoformat() == "2019-02-01"
    # "since 2015" is a state of those years, not a clash
    assert extract("The offensive was led by the Syrian Democratic Forces, which have been fighting "
                   "the Islamic State since 2015.", "2019-02-08") == []


def test_pronoun_takes_the_speaker_of_its_report(extract):
    event = only(extract("Iraqi militias said on Thursday that they fired rockets at Islamic State positions.",
                         "2019-02-08"))
    assert event.event_type == "shelling-artillery-missile-attack"
    assert labels(event, "actor1") == ["Militia (Iraq)"]
    assert labels(event, "actor2") == ["Islamic State"]
    assert event.time.time.day.isoformat() == "2019-02-07"


def test_clash_during_a_coup_takes_the_coup_sides(extract):
    events = extract("Foreign fighters led by Abu Omar al-Tunisi tried to topple the commander Abu Hassan "
                     "al-Shami in a coup. The exchange of fire between the two factions during the "
                     "attempted coup left three dead.", "2019-03-01")
    clash = only(events, "armed-clash")
    coup = only(events, "coup-attempt")
    assert clash.part_of == events.index(coup)
    assert clash.fatalities.value == 3


def test_a_peaceful_protest_has_no_second_actor_only_associated_ones(extract):
    events = extract("On Monday, hundreds of teachers protested peacefully in Multan against the police "
                     "for the arrest of a colleague.")
    protests = [e for e in events if e.event_type == "peaceful-protest"]
    assert protests and not protests[0].actors("actor2") and not protests[0].actors("victim")
    assert protests[0].actors("actor1")
    events = extract("On Monday, police fired tear gas to disperse hundreds of teachers protesting in Multan.")
    dispersed = [e for e in events if e.event_type != "peaceful-protest"]
    assert dispersed and any(a.category == "State forces" for a in dispersed[0].actors("actor2"))


def test_killed_in_an_operation_by_names_the_attacker(extract):
    events = extract("On Monday, a rebel commander was shot dead in an operation by police forces near Jos.")
    assert events and [a.category for a in events[0].actors("actor1")] == ["State forces"]
    events = extract("Two soldiers were killed in a Boko Haram raid near Konduga on Monday.")
    assert events and [a.label for a in events[0].actors("actor1")] == ["Boko Haram (JAS)"]


def test_subject_shared_across_a_misparsed_acronym(extract):
    # the tagger reads "IS" as a verb; the subject of the first clause still acts in the second
    events = extract("On Monday, PMF forces destroyed three IS hideouts and killed 4 militants near Tuz.")
    assert events and "Popular Mobilization Forces" in events[0].actors("actor1")[0].label


def test_a_full_written_date_wins_over_the_part_the_model_tagged(extract):
    # the small model tags only "May 2020" of "Around 2 May 2020"
    events = extract("Around 2 May 2020 (as reported), militants attacked the village of Bolsi, killing two people.",
                     published="2020-05-06")
    assert events and events[0].time.time.earliest.isoformat() == "2020-05-02"
    assert events[0].time.time.precision == "day"


@pytest.mark.parametrize("text", [
    "On 30 April 2020, teachers who passed the hiring exam in 2019 held a protest in Lahore over unpaid wages.",
    "Around 30 April 2020 (between 28 April - 3 May), shopkeepers held a sit-in in Sidon against the banks.",
    "Around 30 April 2020 (midweek), the body of a farmer was found near Tal Tamr, killed by unknown gunmen.",
])
def test_the_date_of_the_events_own_clause_wins_over_dates_of_other_clauses(extract, text):
    time = only(extract(text, published="2020-05-06")).time.time
    assert (time.earliest.isoformat(), time.precision) == ("2020-04-30", "day")


def test_a_date_in_a_clause_about_the_victim_does_not_date_the_event(extract):
    # the abduction happened on 24 April; the finding of the body, which the sentence reports, on 30 April
    events = extract("On 30 April 2020, a trader who had been abducted by gunmen on 24 April was found dead "
                     "near Kokrajhar.", published="2020-05-06")
    abduction = only(events, "abduction-forced-disappearance")
    assert abduction.time.time.earliest.isoformat() == "2020-04-24"


def test_a_site_named_after_a_town_is_placed_near_the_town(extract):
    events = extract("On Monday, the Ukrainian Forces fired grenade launchers at positions near Donetsk Airport.")
    place = events[0].place
    assert place.precision == "near" and place.place.name == "Donetsk" and place.country == "Ukraine"
    assert place.name == "Donetsk Airport"


def test_known_actors_give_the_country_when_no_place_does(extract):
    events = extract("On Monday, Al Shabaab militants shot dead a police officer at the Zanzibar junction.")
    assert events and events[0].place is not None and events[0].place.country == "Somalia"


def test_an_attack_on_an_armed_sides_post_is_a_battle(extract):
    events = extract("On Monday, Taliban fighters attacked a pro-government militia check point in Dara, "
                     "killing nine of them.")
    assert events and events[0].event_type == "armed-clash"
    events = extract("On Monday, a police official was shot dead by gunmen in Jos.")
    assert events and events[0].event_type == "armed-clash"
    assert [a.category for a in events[0].actors("actor2")] == ["State forces"]


@pytest.mark.parametrize("text", [
    "Boko Haram fighters attacked on Sunday in Borno state.",
    "Al Shabaab fighters fired on Monday near Baidoa.",
    "Houthi forces attacked on the night of 4 May in Marib.",
])
def test_a_date_after_on_is_no_target_so_an_armed_side_acting_on_none_fights_a_battle(extract, text):
    event = only(extract(text, "2020-05-06"))
    assert event.event_type == "armed-clash"


def test_verbs_joined_before_one_object_share_it_as_target(extract):
    event = only(extract("On Monday, unidentified gunmen shot and robbed a shopkeeper in Jos.", "2020-05-06"))
    assert event.event_type == "attack"
    assert [a.category for a in event.actors("actor2")] == ["Civilians"]


def test_who_throws_or_plants_the_weapon_is_the_attacker(extract):
    events = extract("On Monday, Al Shabaab fighters threw a hand grenade at a police post in Mogadishu.")
    assert events and events[0].event_type == "grenade"
    assert [a.label for a in events[0].actors("actor1")] == ["Al Shabaab"]


def test_an_unknown_town_in_a_known_district_is_near_it_not_at_it(extract):
    events = extract("On Monday, residents held a protest in Qarnab town (Khairpur, Sindh) against power cuts.")
    place = events[0].place
    assert place.name == "Qarnab" and place.precision == "near"
    assert place.place is not None and place.country == "Pakistan"


def test_unattributed_violence_goes_to_an_unidentified_armed_group(extract):
    events = extract("On Friday, the body of a man with gunshot wounds was found in Kaduna.")
    assert events and [a.label for a in events[0].actors("actor1")] == ["Unidentified Armed Group (Nigeria)"]
    events = extract("On Friday, a shoot-out took place in a market in Kaduna.")
    assert events and events[0].event_type == "armed-clash"
    assert [a.label for a in events[0].actors("actor1")] == ["Unidentified Armed Group (Nigeria)"]
    events = extract("Police denied that any shoot-out took place in Kaduna on Friday.")
    assert not any(e.actors("actor1") and e.modality == "denied" for e in events)


def test_the_agent_of_an_operation_or_a_planted_bomb_is_the_actor(extract):
    events = extract("On Monday, an operation by Nigerian army special forces killed 12 Boko Haram fighters near Bama.")
    assert events and events[0].actors("actor1")[0].label == "Military Forces of Nigeria"
    events = extract("On Monday, a landmine planted by Boko Haram exploded near Bama, injuring a farmer.")
    assert events and events[0].actors("actor1")[0].label == "Boko Haram (JAS)"


def test_weapon_nouns_name_who_planted_or_threw_them(extract):
    events = extract("On Monday, two soldiers were killed by a Taliban-planted landmine in Kandahar.")
    assert events and [a.label for a in events[0].actors("actor1")] == ["Taliban"]
    events = extract("On Monday, a grenade was thrown by Al Shabaab fighters at a police checkpoint in Mogadishu.")
    assert events and [a.label for a in events[0].actors("actor1")] == ["Al Shabaab"]
    events = extract("On Monday, two farmers were killed in an attack attributed to Boko Haram fighters near Bama.")
    assert events and [a.label for a in events[0].actors("actor1")] == ["Boko Haram (JAS)"]


def test_a_nationality_decides_between_namesake_cities(extract):
    events = extract("On Monday, rioters burned two banks in Tripoli, and the Lebanese army fired rubber bullets.")
    assert events and events[0].place.country == "Lebanon"


def test_assassinating_a_fighter_is_a_battle_and_unidentified_gunmen_stay_unidentified(extract):
    events = extract("Al Shabaab said it would fight on. On Monday, unidentified gunmen assassinated "
                     "an Al Shabaab commander in Afgoye.")
    clash = [e for e in events if e.actors("actor2")]
    assert clash and clash[0].event_type == "armed-clash"
    assert [a.label for a in clash[0].actors("actor1")] == ["Unidentified Armed Group (Somalia)"]
    events = extract("On Monday, unidentified gunmen assassinated a school teacher in Afgoye, Somalia.")
    assert events and events[0].event_type == "attack"


def test_a_known_name_before_a_region_word_is_that_region(extract):
    events = extract("Clashes erupted in the Idlib countryside on Monday, killing four fighters.")
    place = events[0].place
    assert place is not None and place.precision == "region" and place.country == "Syria"


def test_a_distance_and_bearing_from_a_town(extract):
    events = extract("On Monday, gunmen killed two farmers 15 kilometres north-west of Jos.")
    place = events[0].place
    assert place.precision == "near" and place.name == "15 kilometres north-west of Jos"
    assert place.place.anchor.name == "Jos"
    assert place.place.latitude > place.place.anchor.latitude and place.place.longitude < place.place.anchor.longitude


def place_of(extract, text):
    events = extract(text)
    assert events, text
    return events[0].place


def test_a_province_outvotes_a_namesake_town_abroad(extract):
    # "Dunda" is only known as a town in Tanzania; the province written after it is in India
    place = place_of(extract, "On Monday, farmers held a protest in Dunda (Uttarakhand) over crop prices.")
    assert place.country == "India" and place.precision == "region" and place.place.name == "Uttarakhand"


def test_a_town_and_its_country_in_one_entity_are_split(extract):
    place = place_of(extract, "On Monday, nurses protested in Nis, Serbia, demanding unpaid wages.")
    assert place.name == "Nis" and place.place.name == "Niš" and place.country == "Serbia"
    assert place.precision == "exact"


def test_a_place_followed_by_its_region_is_read_inside_that_region(extract):
    # "Guerrero" after a town is the state, not a village called Guerrero elsewhere
    place = place_of(extract, "On Monday, in Tijuana, Baja California, two men were found shot dead.")
    assert place.place.name == "Tijuana" and place.place.admin1 == "Baja California"
    place = place_of(extract, "On Monday, in Zopilotepec, Guerrero, gunmen killed a shopkeeper.")
    assert place.precision == "region" and place.place.feature == "admin1" and place.place.name == "Guerrero"


def test_a_known_groups_acronym_is_not_a_place(extract):
    events = extract("On Monday, GNA and LNA forces clashed in Wadi Fakir (Tripoli). No casualties reported.")
    place = events[0].place
    assert place.country == "Libya" and place.name == "Wadi Fakir" and place.place.country_code == "LY"


def test_codes_match_only_countries_and_provinces():
    from graphbuild.gazetteer import Gazetteer

    gazetteer = Gazetteer()
    assert all(p.feature in ("country", "admin1") for p in gazetteer.candidates("UP"))
    assert gazetteer.candidates("Ondo")  # an ordinary short name is still a town


def test_another_transliteration_matches_within_the_articles_country(extract):
    # GeoNames writes "Tall Tamr"; the article writes "Tal Tamer"
    place = place_of(extract, "On Monday, Turkish forces shelled Tal Tamer in Hasakah province of Syria.")
    assert place.country == "Syria" and "Tamr" in place.place.name


def test_an_al_name_where_places_stand_is_a_place(extract):
    place = place_of(extract, "On Monday, Turkish forces shelled a farm in al-Hasakeh with artillery.")
    assert place.country == "Syria" and place.name == "al-Hasakeh"


def test_a_neighbourhood_name_does_not_beat_its_city(extract):
    place = place_of(extract, "On Monday, in Leon de los Aldama, Guanajuato, gunmen shot dead a man "
                              "in Colonia Las Flores.")
    assert place.place.name == "León de los Aldama"


def test_coordinated_passives_share_their_agent(extract):
    events = extract("On Monday, three reporters were beaten and then detained by the police in Kananga.")
    attack = only(events, "attack")
    assert labels(attack, "actor1") and "Police" in labels(attack, "actor1")[0]


def test_a_clause_about_the_target_does_not_name_the_attacker(extract):
    events = extract("On Monday, an airstrike targeting a Houthi position killed 3 fighters near Marib.")
    assert not any("Supreme Political Council" in label for label in labels(events[0], "actor1"))


def test_targeted_is_an_attack_verb(extract):
    events = extract("On Monday, GNA forces targeted four LNA fuel trucks near Sirte. No casualties reported.")
    assert events and any("Government of National Accord" in label for label in labels(events[0], "actor1"))


def test_a_group_claiming_responsibility_is_the_attacker(extract):
    events = extract("On Monday, a roadside bomb hit an army truck near Gao. Two soldiers were wounded. "
                     "JNIM claimed responsibility for the attack.")
    assert any("JNIM" in label for label in labels(events[0], "actor1"))


def test_an_unknown_organisation_claiming_an_attack_is_the_attacker(extract):
    # the lexicon knows no "Red Hand Brigade": claiming the bombing makes it the attacker
    event = only(extract("A bomb damaged the town hall of Pasto on Monday. The Red Hand Brigade (RHB) "
                         "claimed responsibility for the bombing.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "actor1"] == ["The Red Hand Brigade"]


def actor1_words(event):
    return [p.span.text if p.span else None for p in event.participants if p.role == "actor1"]


@pytest.mark.parametrize("text, claimant", [
    # a claim by what the group put out: the group that put it out
    ("Gunmen shot dead a judge in Cusco on Monday. The Red Hand Brigade handed out leaflets claiming "
     "responsibility for the murder.", "The Red Hand Brigade"),
    # "claimed credit", and a claim in the passive
    ("A car bomb exploded outside a bank in Quito on Friday. The Popular Liberation Commando "
     "claimed credit for the bombing.", "The Popular Liberation Commando"),
    ("A bomb went off outside a bank in Quito on Friday. The bombing was claimed by a group "
     "calling itself the Sons of Dawn.", "Sons of Dawn"),
    # another verb of claiming with responsibility as its object
    ("A bomb went off outside a bank in Quito on Friday. The Red Hand Brigade accepted responsibility "
     "for the bombing.", "The Red Hand Brigade"),
    # the group named in apposition to the noun that claims it
    ("The clandestine organisation Black Hand Front has claimed responsibility for Tuesday's "
     "bombing of a bank in Leon.", "Black Hand Front"),
])
def test_whom_a_claim_names_is_the_attacker(extract, text, claimant):
    events = [e for e in extract(text, "2020-05-08") if e.event_type != "arrests"]
    assert claimant in actor1_words(events[0]), events[0].participants


@pytest.mark.parametrize("text, trigger, attackers", [
    # five sentences after the bombing, "the attack" is the bombing whose words named nobody
    ("A bomb exploded at a market in Tunis on Sunday, killing four traders. The device was hidden in a bag. "
     "Witnesses saw smoke over the stalls. Shops stayed shut on Monday. The mayor visited the wounded in "
     "hospital. The Red Hand Brigade claimed responsibility for the attack in a statement.",
     "bomb", ["The Red Hand Brigade"]),
    # but a claim long after never replaces the attackers the text names
    ("Gunmen shot dead a trader at a market in Tunis on Sunday. The trader sold fruit. Witnesses saw smoke "
     "over the stalls. Shops stayed shut on Monday. The mayor visited the family. The Red Hand Brigade "
     "claimed responsibility for the attack.", "shot", ["Gunmen"]),
])
def test_a_claim_long_after_the_attack_names_only_an_implied_attacker(extract, text, trigger, attackers):
    events = extract(text, "2020-05-05")
    attack = next(e for e in events if trigger in e.trigger.text)
    assert actor1_words(attack) == attackers


def test_a_claim_of_a_newly_described_attack_far_away_is_not_the_first_one(extract):
    # "the killing of a mayor" told anew, long after a bombing: not the bombing's claim
    events = extract("A bomb exploded at a market in Tunis on Sunday, killing four traders. The device "
                     "was hidden in a bag. Witnesses saw smoke over the stalls. Shops stayed shut on "
                     "Monday. The mayor visited the wounded in hospital. Last year the Red Hand Brigade "
                     "claimed responsibility for the killing of a mayor in Sfax.", "2020-05-05")
    bomb = next(e for e in events if "bomb" in e.trigger.text)
    assert "The Red Hand Brigade" not in actor1_words(bomb)


@pytest.mark.parametrize("text, alleged", [
    ("The minister said the Red Hand Brigade was behind the attack.", False),
    ("The minister said the attack bore the hallmarks of the Red Hand Brigade.", True),
    ("Police blamed the Red Hand Brigade for the attack.", True),
])
def test_whom_the_text_says_did_the_attack_is_its_attacker_alleged_or_not(extract, text, alleged):
    # a group the lexicon does not know, said to be behind the bombing or only suspected of it
    event = only(extract("A bomb exploded at a bank in Lima on Sunday, killing two guards. " + text,
                         "2020-05-05"))
    attackers = [p for p in event.participants if p.role == "actor1"]
    assert [(p.span.text, p.alleged) for p in attackers] == [("the Red Hand Brigade", alleged)]


def test_al_qaeda_in_iraq_is_its_own_group(extract):
    event = only(extract("A car bomb exploded at a market in Baqubah on Monday. Al-Qaida in Iraq on Tuesday "
                         "claimed responsibility for the bombing.", "2020-05-05"))
    assert labels(event, "actor1") == ["AQI: Al Qaeda in Iraq"]


def test_responsibility_for_something_else_is_no_claim(extract):
    events = extract("A bomb exploded at a bank in Lima on Sunday, killing two guards. The Red Hand Brigade "
                     "admitted responsibility for the delays of the peace talks.", "2020-05-05")
    assert all("Red Hand Brigade" not in label for e in events for label in labels(e, "actor1"))


def test_a_group_blamed_for_terrorism_in_general_is_no_attacker(extract):
    events = extract("The president condemned terrorism, which bears the hallmarks of the Red Hand Brigade. "
                     "A bomb exploded at a bank in Lima on Sunday, killing two guards.", "2020-05-05")
    assert all("Red Hand Brigade" not in label for e in events for label in labels(e, "actor1"))


def test_a_member_of_an_armed_side_makes_the_attack_a_clash(extract):
    events = extract("On Monday, gunmen shot and killed a member of the regime's Military Intelligence in Daraa.")
    assert events[0].event_type == "armed-clash"


@pytest.mark.parametrize("text", [
    # a one-sided verb with no victim in view: a killing of civilians, not a battle
    "Police said on Friday that gunmen had murdered again near the border.",
    # the words naming the attackers are not also their armed target
    "The senator, murdered by criminals, was buried on Friday.",
])
def test_a_one_sided_killing_of_no_armed_target_is_an_attack(extract, text):
    assert only(extract(text, "2020-05-09")).event_type == "attack"


@pytest.mark.parametrize("text, event_type", [
    # the building of an unarmed organisation, or of civilians, is no military target
    ("Guerrillas attacked a labor union headquarters in San Salvador on Monday.", "attack"),
    ("Gunmen attacked the headquarters of the opposition party in Lagos on Monday.", "attack"),
    ("Gunmen attacked the students' post at the university in Lagos on Monday.", "attack"),
    # an armed side's, or nobody's in particular, stays one
    ("Militants attacked an army headquarters in Kandahar on Monday.", "armed-clash"),
    ("Militants attacked a border post in Kunar on Monday.", "armed-clash"),
])
def test_a_military_target_noun_owned_by_civilians_is_an_attack(extract, text, event_type):
    assert only(extract(text, "2020-05-06")).event_type == event_type


def test_a_one_sided_verb_on_an_armed_target_stays_a_clash(extract):
    events = extract("On Monday, gunmen assassinated a police commander in Kandahar.", "2020-05-05")
    assert only(events).event_type == "armed-clash"


def test_pro_and_anti_prefixes_pick_the_side(extract):
    events = extract("On Monday, anti-Houthi National Resistance forces waged three attacks against "
                     "pro-Houthi groups near Hays.")
    assert labels(events[0], "actor1") == ["National Resistance Forces"]
    assert any("Supreme Political Council" in label for label in labels(events[0], "actor2"))


def test_an_armed_man_is_an_armed_group_not_a_mob(extract):
    events = extract("On Monday, a shopkeeper was gunned down by an armed man in Recife.")
    assert events[0].event_type == "attack"
    assert labels(events[0], "actor1") == ["Unidentified Armed Group (Brazil)"]


def test_a_shootout_with_police_is_a_clash_even_with_unnamed_suspects(extract):
    events = extract("On Monday, police officers were attacked by suspects in Recife and a shoot-out broke out.")
    assert any(e.event_type == "armed-clash" for e in events)
    events = extract("On Monday, migrant workers clashed with police in Surat.")
    assert events[0].event_type == "mob-violence"


def test_crowd_acts_without_a_protest_word(extract):
    events = extract("On Monday, members of the ruling party blocked the office of the mayor in Kindia.")
    assert events and events[0].event_type == "peaceful-protest"
    events = extract("On Monday, hundreds of stranded workers threw stones at police at a check post near Vadodara.")
    assert events and events[0].event_type == "violent-demonstration"
    events = extract("On Monday, teachers formed a human chain in Khulna to demand their salaries.")
    assert events and events[0].event_type == "peaceful-protest"


def test_forced_disappearance_and_baton_charges(extract):
    events = extract("On Monday, security forces forcibly disappeared a journalist in Aden.")
    assert events[0].event_type == "abduction-forced-disappearance"
    events = extract("On Monday, troopers of the State Rifles baton charged traders at a market in Agartala.")
    assert events[0].event_type == "attack" and labels(events[0], "actor1") == ["Military Forces of India"]


def test_a_date_that_names_a_neighbourhood_is_not_the_events_date(extract):
    events = extract("On 28 April 2020, coalition forces fired artillery shells at the July 7 neighbourhood "
                     "of Hodeidah.", published="2020-04-29")
    assert events[0].time.time.earliest == dt.date(2020, 4, 28)


def test_seizures_and_thefts_are_looting_unless_weapons_or_territory(extract):
    events = extract("On Monday, gunmen on motorbikes seized a pickup truck near Menaka.")
    assert events[0].event_type == "looting-property-destruction"
    events = extract("On Monday, Taliban fighters seized control of a district centre in Ghazni.")
    assert events[0].event_type == "non-state-actor-overtakes-territory"
    events = extract("On Monday, rioters stole goods from shops in Kano.")
    assert events[0].event_type == "looting-property-destruction"


def test_communal_and_ethnic_militias_are_identity_militias(extract):
    events = extract("On Monday, rival communal militias clashed over grazing land near Nyala, killing 6.")
    assert any(a.category == "Identity militia" for a in events[0].actors("actor1"))


def test_an_aircraft_doing_violence_is_an_air_strike(extract):
    events = extract("On Monday, the GNA air force targeted four LNA fuel trucks near Mizdah. No casualties reported.")
    assert events[0].event_type == "air-drone-strike"


def test_the_weapon_named_decides_over_an_armed_target(extract):
    events = extract("On Monday, IS militants targeted an army vehicle with an IED west of Rafah, "
                     "wounding two soldiers.")
    assert events[0].event_type == "remote-explosive-landmine-ied"
    events = extract("On Monday, IS fighters fired an RPG at a checkpoint in Basira.")
    assert events[0].event_type == "shelling-artillery-missile-attack"


def test_a_local_government_area_is_a_place_not_a_persons_name(extract):
    # the model tags "Gombe LGA" a person; the gazetteer knows Gombe, so it votes for Nigeria
    place = place_of(extract, "On Monday, in Gombe (Gombe LGA, Gombe), youths protested against "
                              "the rising price of fuel.")
    assert place.country == "Nigeria"


def test_a_subdivision_named_after_a_place_votes_for_its_country(extract):
    place = place_of(extract, "On Monday, gunmen abducted two farmers in Minawao, "
                              "Mokolo subdivision (Mayo-Tsanaga, Extreme-Nord).")
    assert place.country == "Cameroon"


def test_the_publishers_country_decides_a_shared_name(extract):
    text = "On Tuesday, rioters hurled rocks at soldiers in Tripoli."
    assert extract(text)[0].place.country == "Libya"  # the more populous Tripoli, with nothing else to go on
    assert extract(text, source="National News Agency Lebanon")[0].place.country == "Lebanon"
    assert extract(text, title="Lebanese protesters clash with the army")[0].place.country == "Lebanon"


def test_the_publishers_country_is_kept_for_a_place_the_gazetteer_lacks(extract):
    place = extract("On Tuesday, a farmer was killed by shelling in Zzyzovka.",
                    source="Ministry of Defence of Ukraine")[0].place
    assert place.name == "Zzyzovka" and place.country == "Ukraine"
    # a known actor of one country in the source's name counts as well
    place = extract("On Tuesday, a farmer was killed by shelling in Zzyzovka.",
                    source="DPR Armed Forces Press Service")[0].place
    assert place.country == "Ukraine"


def test_the_texts_own_places_outweigh_the_publishers_country(extract):
    place = extract("On Tuesday, gunmen killed two farmers in Maiduguri, Borno.",
                    source="Ministry of Defence of Ukraine")[0].place
    assert place.country == "Nigeria"


@pytest.mark.parametrize("text", [
    "On Sunday, police recovered 40 crude bombs from an abandoned house in Bhatpara.",
    "On Sunday, soldiers defused an IED planted on a road near Gao.",
    "On Sunday, the army said its air defences shot down a drone over Hmeimim.",
    "On Sunday, the army detonated a car bomb that had been left near a market in Mogadishu.",
    "On Sunday, a mortar shell exploded prematurely at a militant camp near Idlib, wounding two fighters.",
])
def test_weapons_kept_from_use_are_disrupted_weapons_use(extract, text):
    assert only(extract(text)).event_type == "disrupted-weapons-use"


def test_a_bomb_militants_set_off_is_an_explosion_and_a_depot_hit_with_fire_an_attack(extract):
    events = extract("On Sunday, militants detonated a car bomb near a market in Mogadishu, killing 5 civilians.")
    assert only(events).event_type != "disrupted-weapons-use"
    assert only(events).fatalities.value == 5
    events = extract("On Sunday, the army destroyed a rebel ammunition depot with artillery fire near Sirte.")
    assert only(events).event_type == "shelling-artillery-missile-attack"


def test_a_seizure_of_weapons_is_one_event_not_an_explosion_too(extract):
    events = extract("On Sunday, police seized two rifles and a grenade during a raid in Culiacan.")
    assert only(events).event_type == "disrupted-weapons-use"
    assert only(events).place.country == "Mexico"


def test_a_modifier_naming_an_armed_side_decides_what_forces_are(extract):
    event = only(extract("On Sunday, rebel forces fired mortars at army positions near Kadugli."))
    assert [a.category for a in event.actors("actor1")] != ["State forces"]
    assert [a.category for a in event.actors("actor2")] == ["State forces"]


def test_whose_post_was_hit_is_the_second_actor(extract):
    event = only(extract("On Sunday, militants fired rockets at the governmental positions near Kadugli."))
    assert [a.label for a in event.actors("actor2")] == ["Military Forces of Sudan"]
    event = only(extract("On Sunday, gunmen attacked a police checkpoint in Kadugli."))
    assert [a.category for a in event.actors("actor2")] == ["State forces"]


def test_shelling_in_both_directions_is_an_exchange_of_fire(extract):
    event = only(extract("On Sunday, monitors counted 40 explosions in both directions of the line of contact "
                         "near Horlivka."))
    assert event.event_type == "armed-clash"
    events = extract("On Sunday, rioters blocked the coastal highway in both directions with burning tyres "
                     "near Tyre.")
    assert only(events).event_type == "violent-demonstration"


def test_the_is_acronym_is_read_as_a_group_not_a_verb(extract):
    event = only(extract("On Sunday, Iraqi troops attacked IS militants near Haditha, killing three."))
    assert event.event_type == "armed-clash"
    assert [a.label for a in event.actors("actor2")] == ["Islamic State"]


def test_a_subject_misread_as_an_apposition_of_a_place_is_still_the_target(extract):
    event = only(extract("On Sunday, in Culiacan, Sinaloa, a state police officer was gunned down by a gunman."))
    assert event.event_type == "armed-clash"
    assert [a.category for a in event.actors("actor2")] == ["State forces"]


@pytest.mark.parametrize("text", [
    "On Sunday, separatists shot and killed a ranger in Yala.",
    "On Sunday, armed men shot dead a known drug trafficker in Culiacan.",
])
def test_killing_a_member_of_an_armed_body_is_a_clash(extract, text):
    assert only(extract(text)).event_type == "armed-clash"


@pytest.mark.parametrize("text", [
    "On Sunday, two groups of PTI supporters clashed with each other in Larkana, injuring five.",
    "On Sunday, fruit sellers clashed with police officers who ordered them off the street in Temuco.",
    "On Sunday, two groups of villagers attacked each other with axes and sticks in Larkana over a land dispute.",
])
def test_a_fight_with_an_unarmed_side_is_mob_violence(extract, text):
    assert only(extract(text)).event_type == "mob-violence"


def test_armed_sides_with_hand_weapons_and_gunfire_stay_battles(extract):
    assert only(extract("On Sunday, rival communal militias clashed with machetes near Djugu, killing 6.")
                ).event_type == "armed-clash"
    events = extract("On Sunday, gunmen storming a town hall were engaged by MILF fighters in a firefight "
                     "in Datu Piang.")
    assert {e.event_type for e in events} == {"armed-clash"}


def test_fighting_broke_out_between_two_sides(extract):
    event = only(extract("On Sunday, fighting broke out between soldiers and Boko Haram fighters near Bama, Borno."))
    assert event.event_type == "armed-clash"
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    assert [a.label for a in event.actors("actor2")] == ["Boko Haram (JAS)"]


def test_members_of_a_group_coordinated_with_forces_are_the_other_side(extract):
    event = only(extract("Fighting broke out between military forces and members of the ELN near the village "
                         "on Monday.", "2020-05-06"))
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    assert [a.category for a in event.actors("actor2")] == ["Rebel group"]
    assert "ELN" in event.actors("actor2")[0].label


def test_a_joint_team_is_the_side_it_is_made_of(extract):
    event = only(extract("A joint military and police team recovered three IEDs on a road outside Kandahar "
                         "on Monday.", "2020-05-06"))
    assert event.event_type == "disrupted-weapons-use"
    assert labels(event, "actor1") == ["Military Forces of Afghanistan"]


def test_the_side_that_ran_an_operation_did_the_fighting_told_in_it_or_after_it(extract):
    event = only(extract("On Friday, the military police launched an operation in a hillside neighbourhood "
                         "of Recife. A long shoot-out broke out and one suspect was killed.", "2020-05-09"))
    assert event.event_type == "armed-clash"
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    event = only(extract("On Friday, three PKK militants were killed during security operations carried out "
                         "by gendarmerie forces in Tunceli.", "2020-05-09"))
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    # an operation by no armed side lends nobody
    event = only(extract("On Friday, a rescue operation began in Tunceli. Two men were shot dead by gunmen "
                         "near the village.", "2020-05-09"))
    assert labels(event, "actor1") == ["Unidentified Armed Group (Turkey)"]


def test_a_subject_hung_on_the_places_before_it_still_acts(extract):
    events = extract("On Friday, on the outskirts of Sittwe, Rakhine State, Myanmar troops from a light "
                     "infantry battalion detained and beat a fisherman.", "2020-05-09")
    assert events
    for event in events:
        assert labels(event, "actor1") == ["Military Forces of Myanmar"], event.event_type


def test_the_user_of_an_instrument_is_the_attacker(extract):
    event = only(extract("On Friday, Haftar's LNA forces destroyed a GNA weapons depot with heavy artillery "
                         "fire near Tripoli.", "2020-05-09"))
    assert event.event_type == "shelling-artillery-missile-attack"
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    assert "Haftar" in event.actors("actor1")[0].label


def test_those_accused_of_an_assault_are_its_actor(extract):
    event = only(extract("Police in Durban are accused of assaulting a street vendor on Friday.", "2020-05-09"))
    assert event.event_type == "attack"
    assert labels(event, "actor1") == ["Police Forces of South Africa"]
    assert only(extract("A journalist was beaten by prison guards in Havana on Friday.", "2020-05-09")
                ).actors("actor1")[0].label == "Police Forces of Cuba"


def test_riot_words_in_a_clause_about_someone_else_do_not_make_a_riot(extract):
    events = extract("On Sunday, protesters gathered outside the court in Sidon against the arrest of three "
                     "activists accused of hurling stones at a bank.")
    assert only(events, "peaceful-protest")
    assert not [e for e in events if e.event_type == "violent-demonstration"]
    events = extract("On Sunday, residents held a demonstration in front of two hotels where they burned tyres "
                     "to demand that tourists leave Juliaca.")
    assert only(events).event_type == "violent-demonstration"
    events = extract("On Sunday, shopkeepers protested in Tyre, setting a bank's furniture on fire.")
    assert only(events).event_type == "violent-demonstration"


@pytest.mark.parametrize("text, event_type", [
    ("On Sunday, workers of a textile factory demanded the payment of three months of wages in Faisalabad.",
     "peaceful-protest"),
    ("On Sunday, about 500 migrant labourers took to the streets in Surat to demand transport home.",
     "peaceful-protest"),
    ("On Sunday, police dispersed about 200 migrant labourers who had gathered on a bridge in Rajkot.",
     "protest-with-intervention"),
])
def test_a_demonstration_told_without_a_protest_noun(extract, text, event_type):
    assert only(extract(text)).event_type == event_type


def test_one_person_demanding_something_is_no_demonstration(extract):
    assert not extract("On Sunday, the mayor of Surat demanded an inquiry into the fire.")


def test_what_someone_is_suspected_of_is_no_event_of_the_report(extract):
    events = extract("On Sunday, a man suspected of abducting a girl was beaten up by residents in Fortaleza.")
    assert only(events).event_type == "mob-violence"
    # the claim a report makes about its subject is the event, claimed
    events = extract("On Sunday, police in Polokwane are accused of assaulting a taxi driver.")
    assert only(events).event_type == "attack"


def test_stoning_by_community_members_is_mob_violence(extract):
    events = extract("On Sunday, community members stoned two police officers in Kalwal village near Ndhiwa.")
    assert only(events).event_type == "mob-violence"


def test_a_place_before_its_region_lies_in_the_regions_country(extract):
    # Beni is also a Bolivian department; Nord-Kivu is only Congolese
    place = place_of(extract, "On Sunday, gunmen killed a trader in Beni (Beni, Nord-Kivu).")
    assert place.country == "Democratic Republic of the Congo"
    # a region the gazetteer lacks (Haiti's Centre department) leaves the place alone
    assert place_of(extract, "On Sunday, in Hinche, Centre, teachers protested over unpaid salaries.").country == "Haiti"


def test_patrols_and_fortifications_are_a_change_in_activity(extract):
    event = only(extract("On Sunday, Russian military police conducted a patrol near Tal Tamr."))
    assert event.event_type == "patrol"
    assert [a.category for a in event.actors("actor1")] == ["State forces"]
    event = only(extract("On Sunday, a joint patrol by Turkish forces took place on the M4 highway near Ariha."))
    assert event.event_type == "patrol"
    event = only(extract("On Sunday, Houthi forces established fortifications east of Hodeidah."))
    assert event.event_type == "patrol"
    # a patrol attacked is a target, not an event of its own
    events = extract("On Sunday, militants attacked a police patrol near Ariha, killing two officers.")
    assert only(events).event_type == "armed-clash"


def test_captives_set_free_are_a_prisoner_release(extract):
    event = only(extract("On Sunday, the Taliban released 35 soldiers held as prisoners in Herat province."))
    assert event.event_type == "prisoner-release"
    assert [a.label for a in event.actors("actor1")] == ["Taliban"]
    assert not extract("On Sunday, the Taliban released a video of the ceremony in Herat.")


@pytest.mark.parametrize("text, country", [
    ("On Sunday, soldiers shot dead a young man in Bamenda (Mezam, Nord-Ouest).", "Cameroon"),
    ("On Sunday, one soldier was killed by firing across the LoC in Kahuta sector (Haveli district, AJK).", "Pakistan"),
    ("On Sunday, militants attacked a checkpoint in Zainapora (Shopian district, J&K).", "India"),
])
def test_regions_by_the_names_and_abbreviations_news_uses(extract, text, country):
    assert place_of(extract, text).country == country


@pytest.mark.parametrize("text", [
    "On Sunday, militias from Mbaivur and Mbasombo clashed over farmland in Gwer East LGA (Benue).",
    "On Sunday, local militiamen attacked a herders' settlement near Okpanan (Oshimili North, Delta).",
])
def test_a_militia_of_a_place_or_community_is_an_identity_militia(extract, text):
    event = only(extract(text))
    assert [a.category for a in event.actors("actor1")] == ["Identity militia"]


def test_an_unknown_organisation_is_of_the_kind_its_last_word_names(extract):
    event = only(extract("On Sunday, Islah-affiliated Special Forces arrested a journalist in Ataq, Shabwah."))
    assert [a.category for a in event.actors("actor1")] == ["State forces"]


def test_a_government_acting_is_state_forces(extract):
    event = only(extract("On Sunday, the Afghan government released 90 Taliban prisoners from a prison in Kabul."))
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Government of Afghanistan", "State forces")]


def test_an_unknown_group_named_by_its_armed_members_is_armed_everywhere(extract):
    events = extract("On Monday, soldiers killed the commander of the KLF near Imphal, a day after KLF "
                     "militants ambushed an army convoy in the district.", "2020-05-06")
    klf = [p.actor for e in events for p in e.participants if p.actor.label == "KLF"]
    assert klf and {a.category for a in klf} == {"Political militia"}
    assert {a.country for a in klf} == {"India"}


def test_a_known_national_outlet_says_the_country(extract):
    text = "On Tuesday, protesters blocked the main road in Qaryat Zzyz in both directions."
    assert extract(text)[0].place is None  # nothing in the text names a country
    place = extract(text, source="El Nashra; An-Nahar")[0].place
    assert place.country == "Lebanon" and place.precision == "country"
    assert place.span is None  # no words of the text say it: the claim has no evidence span
    # an outlet of one country also decides a name several countries share
    assert extract("On Tuesday, rioters hurled rocks at soldiers in Tripoli.",
                   source="An-Nahar")[0].place.country == "Lebanon"


def test_an_event_without_a_place_of_its_own_is_set_where_the_story_is(extract):
    events = extract("On Monday, in Niteroi, Rio de Janeiro, military police raided a favela in search of "
                     "drug traffickers. A shoot-out broke out and three suspects died.")
    clash = next(e for e in events if e.event_type == "armed-clash")
    assert clash.place.place.name == "Niterói" and clash.place.span.text == "Niteroi"
    # a new paragraph may be another story: only the country is carried over
    events = extract("On Monday, soldiers clashed with rebels near Goma.\n\n"
                     "On Tuesday, two gangs fought each other with guns.")
    later = next(e for e in events if e.trigger.text == "fought")
    assert later.place.precision == "country"
    # a line is a paragraph, as article_structure reads a web article
    events = extract("On Monday, soldiers clashed with rebels near Goma.\n"
                     "On Tuesday, two gangs fought each other with guns.")
    later = next(e for e in events if e.trigger.text == "fought")
    assert later.place.precision == "country" and later.place.country == "Democratic Republic of the Congo"
    events = extract("On Monday, soldiers clashed with rebels near Goma. "
                     "On Tuesday, two gangs fought each other with guns.")
    later = next(e for e in events if e.trigger.text == "fought")
    assert later.place.place.name == "Goma" and later.place.precision == "near"


def test_arrests_and_dispersal_after_a_protest_are_its_intervention(extract):
    events = extract("On Sunday, about 20 people held a protest in Pinsk. "
                     "Two persons were arrested by the police.")
    assert [e.event_type for e in events] == ["protest-with-intervention"]
    assert [a.label for a in events[0].actors("actor2")] == ["Police Forces of Belarus"]
    events = extract("On Sunday, residents blocked a road in Tegucigalpa with burning tires. "
                     "The police dispersed the protesters with tear gas.")
    assert [e.event_type for e in events] == ["violent-demonstration"]
    assert [a.category for a in events[0].actors("actor1")] == ["Rioters"]
    assert [a.category for a in events[0].actors("actor2")] == ["State forces"]


def test_a_pronoun_object_is_not_its_own_verbs_subject(extract):
    events = extract("On Monday, several workers staged a demonstration in Siliguri. "
                     "The police intervened and detained them.")
    assert [e.event_type for e in events] == ["protest-with-intervention"]


def test_a_province_named_like_a_country_in_a_list_of_regions(extract):
    # Niger State, Nigeria: "LGA" is Nigeria's word for a district, so "Niger" is the state
    place = extract("On Thursday, gunmen attacked Kagara (Rafi LGA, Niger) and abducted four people.")[0].place
    assert place.country == "Nigeria" and place.place.name == "Kagara"


def test_a_sponsors_nationality_does_not_place_the_event(extract):
    place = extract("On Thursday, Saudi-led coalition airstrikes targeted a district (Al Jawf), "
                    "destroying two trucks.", source="Yemen Data Project")[0].place
    assert place.country == "Yemen" and place.precision == "region"


def test_where_a_person_comes_from_does_not_place_the_event(extract):
    place = extract("On Monday in Kandahar, a native of Pakistan and a citizen of Iran were shot dead "
                    "by gunmen near a market.")[0].place
    assert place.place.name == "Kandahār"
    # with no other place, the event is set in the article's country, not at the person's origin
    event = extract("On Monday, a citizen of Tajikistan was stabbed to death in a market.")[0]
    assert event.place_inferred and event.place.precision == "country"


def test_a_persian_ezafe_name_is_one_name(extract):
    place = extract("On Tuesday, about 30 municipal workers in Kut e Abdollah protested against unpaid wages.")[0].place
    assert place.country == "Iran" and place.name == "Kut e Abdollah"


def test_a_demonstration_the_parse_took_for_a_modifier_is_still_one(extract):
    events = extract("On Friday, in Juliaca, Puno, a group of customers staged a demonstration denouncing that "
                     "the company had overcharged them.")
    assert [e.event_type for e in events] == ["peaceful-protest"]


@pytest.mark.parametrize("text, town", [
    ("On Tuesday, protesters blocked the Zahle roundabout and soldiers worked to re-open the road.", "Zahlé"),
    ("On Tuesday, militants ambushed an army convoy on the Damboa - Maiduguri road.", "Damboa"),
    ("On Tuesday, monitors recorded 13 explosions near Zolote-4.", "Zolote"),
])
def test_a_town_named_by_a_site_or_a_numbered_quarter(extract, text, town):
    place = extract(text)[0].place
    assert place.place is not None and place.place.name == town


def test_an_outlet_named_after_its_town_says_its_country(extract):
    text = "On Wednesday, women staged a protest in several villages of Nabha district (Punjab)."
    assert extract(text, source="Chandigarh Tribune")[0].place.country == "India"
    # a world outlet's home town says nothing of where it reports from
    place = extract("On Wednesday, protesters gathered in Zzyzx village.", source="New York Times")[0].place
    assert place.country is None


@pytest.mark.parametrize("text, name, country", [
    ("On Tuesday, in Emiliano Zapata, Hidalgo, traffic police demonstrated to demand the chief's resignation.",
     "Emiliano Zapata", "Mexico"),  # the parse hangs the town on "police"
    ("On Tuesday, in Amatlan de los Reyes, Veracruz, police exchanged fire with kidnappers.",
     "Amatlán de los Reyes", "Mexico"),  # the model's "Amatlan" of a longer name
    ("On Tuesday, in San Antonio (Valparaiso), truckers protested over fuel prices.", "San Antonio", "Chile"),
    ("On Tuesday, in Posadas (Misiones), residents held a pot-banging protest.", "Posadas", "Argentina"),
    ("On Tuesday, a shepherd's body was discovered in Al Bab city in the Aleppo countryside.", "Al Bāb", "Syria"),
    ("On Tuesday, Ahrar al Sham clashed with JaS fighters near Jarablus.", "Jarābulus", "Syria"),
    ("On Tuesday, Turkish forces shelled positions in Zinar in Tell Abiad countryside.", "Tall Abyaḑ", "Syria"),
    ("On Tuesday, in San Francisco Campeche, Campeche, a man was shot and injured.", "Campeche", "Mexico"),
    ("On Tuesday, the air force attacked three trucks near Abu Al-Ghareb village west of Mizdah.", "Mizdah", "Libya"),
    ("On Tuesday, stranded migrant workers protested at the Mumbai-Barwani stretch of the highway in Barwani "
     "district (Madhya Pradesh).", "Barwani", "India"),
    ("On Tuesday, the bodies of three men were found in Catole do Rocha, Paraiba.", "Catolé do Rocha", "Brazil"),
    ("On Tuesday, employees staged a protest in Tarn Taran city (Punjab).", "Tarn Taran", "India"),
    ("On Tuesday, residents held a protest in Mirpurkhas city (Mirpurkhas, Sindh).", "Mirpur Khas", "Pakistan"),
    ("On Tuesday, prisoners demonstrated at the correctional centre in the Sapele LGA (Delta).", "Sapele", "Nigeria"),
    ("On Tuesday, Taliban fighters attacked a police check point near Qadis district center, Badghis.",
     "Qādis", "Afghanistan"),
    ("On Tuesday, in Machiques de Perija, La Guajira parish, Zulia state, moto-taxi drivers protested over fuel.",
     "Machiques", "Venezuela"),
])
def test_the_town_the_event_is_in(extract, text, name, country):
    place = extract(text)[0].place
    assert place.place is not None and place.place.name == name and place.country == country


def test_a_squares_name_is_no_town(extract):
    place = extract("On Friday, protesters gathered in the al Nour square in Tripoli.", source="An-Nahar")[0].place
    assert place.place.name == "Tripoli" and place.country == "Lebanon"


def test_the_place_a_sentence_opens_with_is_its_scene(extract):
    place = extract("On Monday, in Puno city, neighbours of the Rinconada area staged a demonstration "
                    "against lockdown fines.")[0].place
    assert place.place.name == "Puno" and place.country == "Peru"
    # a district is coded at its main town, not at the province's capital
    place = extract("On Monday, soldiers clashed with Taliban militants in Qarabagh district, Ghazni.")[0].place
    assert place.place.name == "Qarah Bāgh"


@pytest.mark.parametrize("text, source, country", [
    ("On Tuesday, rioters hurled rocks at Police forces in Bohssas.", "Al Nour", "Lebanon"),  # not Police, Poland
    ("On Tuesday, cleaners in Koya protested over unpaid wages.", "NRT News", "Iraq"),  # not Kōya, Japan
    ("On Tuesday, a girl was killed by gunmen in a camp on the outskirts of Kelly in the countryside of Idlib.",
     "SOHR", "Syria"),  # not Kelly, United States
    ("On Tuesday, in Tegucigalpa, residents protested against burials in Los Angeles cemetery.",
     "Proceso Digital", "Honduras"),  # a cemetery named after a city abroad
    ("On Tuesday, gunmen fired on a vehicle of a Turkey backed faction in Azaz.", "SOHR", "Syria"),
    ("On Tuesday, relatives rallied outside the regional court of Limassol.", "SigmaLive", "Cyprus"),
    ("On Tuesday, in Zzyzolo Sinaloa, a body was found.", None, "Mexico"),  # a place and its state, no comma
    ("On Tuesday, artillery fire was reported in Al Zzyzya (Almargeb).", "Libya24", "Libya"),  # the outlet's name
    # a hamlet in Côte d'Ivoire has "Logo" among its names; the province beside it is Congo's
    ("On Tuesday, armed men killed a taxi driver in a market near Logo (Mahagi, Ituri).", None,
     "Democratic Republic of the Congo"),
])
def test_a_namesake_abroad_with_nothing_else_for_its_country(extract, text, source, country):
    place = extract(text, source=source)[0].place
    assert place.country == country


def test_a_name_another_language_gives_a_town_abroad_loses_to_the_outlet(extract):
    # "Pressburg" is Bratislava's old German name: in a Nigerian outlet's report it says nothing
    # of Slovakia; with nothing else to go by it is still read as Bratislava
    place = extract("On Monday, traders blocked a road in Pressburg over new levies.", source="Premium Times")[0].place
    assert place.country == "Nigeria" and (place.place is None or place.place.country_code == "NG")
    place = extract("On Monday, traders blocked a road in Pressburg over new levies.")[0].place
    assert place.place is not None and place.place.name == "Bratislava"


def test_a_place_an_event_happened_from_is_kept_before_its_region(extract):
    place = place_of(extract, "Assailants abducted ten police officers from Gwoza city, Borno state, Nigeria. "
                              "The bodies were found on Friday.")
    assert place.place is not None and place.place.name == "Gwoza"
    # a destination is not where the event was
    place = place_of(extract, "Refugees fled from Bama to Maiduguri, Borno state, on Monday after gunmen attacked.")
    assert place.place is None or place.place.name != "Maiduguri"


def test_a_local_name_only_towns_abroad_have_stays_in_the_outlets_country(extract):
    place = extract("On Monday, bandits killed four farmers in Doka.", source="Premium Times")[0].place
    assert place.country == "Nigeria" and place.place is None


@pytest.mark.parametrize("text, town", [
    ("Gunmen attacked a police post in Baama town, Borno state, on Sunday, killing three officers.", "Bama"),
    ("Soldiers clashed with dissidents in Tumacco, Narino, on Friday, killing two.", "Tumaco"),
    ("Shelling hit a market in Iziyum, Kharkiv oblast, on Friday, killing four.", "Izyum"),
])
def test_a_town_spelt_otherwise_is_found_in_the_province_written_after_it(extract, text, town):
    place = place_of(extract, text)
    assert place.place is not None and place.place.name == town


def test_a_spelling_written_inside_a_town_stays_near_that_town(extract):
    # a quarter the gazetteer lacks, written before a city: not a town of the province spelt
    # like it far from that city (Damasak lies some 150 km from Maiduguri)
    place = place_of(extract, "Police raided a hideout in Damassak, Maiduguri, on Monday, killing four militants.")
    assert place.place is not None and place.place.name == "Maiduguri"


def test_a_place_written_before_a_city_lies_near_it(extract):
    # Damasak is a Borno town far from Ibadan: "Damasak, Ibadan" is a quarter of Ibadan called so
    place = place_of(extract, "On Monday, thugs attacked traders in Damasak, Ibadan, injuring five.")
    assert place.place is not None and place.place.name == "Ibadan" and place.precision == "near"


@pytest.mark.parametrize("text", [
    "In Zzyz Colony Kano, an activist was shot dead right outside his house by unidentified gunmen.",
    # Zango is also a town in Angola: glued to Kano, it is a quarter of Kano
    "A trader was attacked in Zango Kano by unknown gunmen who fired at his car.",
])
def test_a_quarter_glued_to_its_city_is_in_that_city(extract, text):
    place = place_of(extract, text)
    assert place.place is not None and place.place.name == "Kano"


def test_a_town_abroad_stands_against_a_foreign_armys_nationality(extract):
    place = extract("On Monday, Turkish soldiers shelled Kurdish fighters near Afrin.")[0].place
    assert place.place is not None and place.country == "Syria"


def test_a_compass_region_name_says_no_country(extract):
    # Ghana's North East region and Botswana's North East district: nothing says which
    events = extract("On Saturday, communal militias marched to Zzyzgordi (Zzyzmoaduri, North East) and attacked settlers.")
    assert all(e.place is None or e.place.country is None for e in events)


@pytest.mark.parametrize("text, types", [
    ("On Saturday, militiamen destroyed four houses belonging to opposition members in Ngozi.",
     ["looting-property-destruction"]),
    # the damage an attack did is that attack, in its sentence or the next
    ("On Saturday, regime forces shelled Kafranbel, destroying several houses.", ["shelling-artillery-missile-attack"]),
    ("On Saturday, militants attacked a village near Gao. They destroyed ten houses.", ["attack"]),
    ("On Saturday, Afghan forces pounded and destroyed 40 houses in Jurm district, Badakhshan.",
     ["shelling-artillery-missile-attack"]),
])
def test_destruction_is_an_event_unless_an_attack_did_it(extract, text, types):
    assert [e.event_type for e in extract(text)] == types


@pytest.mark.parametrize("text, country", [
    ("On Monday, gunmen shot dead a senior member of Fatah in Nablus.", "Palestine"),  # Fatah is no town "Fate"
    ("On Monday, teachers protested in Beirut, demanding their salaries in US dollars.", "Lebanon"),
    ("On Monday, the protest in Kano led to clashes with police who fired tear gas.", "Nigeria"),
    ("On Monday, gunmen attacked a checkpoint in Man, killing two soldiers.", "Ivory Coast"),  # a city called Man
    ("On Monday, unidentified men shot dead a shopkeeper in Daharki taluka, Ghotki.", "Pakistan"),
    ("On Monday, a protest against the mayor was held in Zagreb-Tresnjevka-jug, Croatia.", "Croatia"),
])
def test_words_that_look_like_places_or_modifiers(extract, text, country):
    events = extract(text)
    assert events[0].place.country == country
    if "Zagreb" in text:
        assert events[0].place.place.name == "Zagreb"


def test_an_event_without_time_words_is_assumed_the_day_before_publication(extract):
    time = only(extract("Gunmen shot dead a shopkeeper in Peshawar.", "2015-03-10")).time
    assert time.span is None  # no words say it: the claim is derived from the article's date
    assert (time.time.precision, time.time.day, time.time.earliest, time.time.latest) == (
        "assumed-day", dt.date(2015, 3, 9), dt.date(2015, 3, 4), dt.date(2015, 3, 10))
    # a day the article gave earlier is the event's; an undated article assumes nothing
    events = extract("On Monday, gunmen attacked a checkpoint in Quetta. Two soldiers were killed in the attack.",
                     "2015-03-11")
    assert events and all(e.time.time.precision == "day" for e in events)
    assert only(extract("Gunmen shot dead a shopkeeper in Peshawar.", None)).time is None


def test_a_state_told_over_years_is_no_event_and_lends_no_date(extract):
    events = extract("Police arrested three men in Kaduna on Monday, said a commander of the task force, "
                     "which has been fighting bandits since 2016.\nThe bandits will fight to the end, he added.")
    assert [e.event_type for e in events if e.modality != "future"] == ["arrests"]
    # the later sentence speaks of the last date of an occurrence, not of the state's years
    assert all(e.time.time.earliest.year == 2020 for e in events)
    # a year of history is an occurrence and keeps its own date
    events = extract("In 2014, the group abducted 276 schoolgirls from Chibok.")
    assert [(e.event_type, e.time.time.earliest.isoformat()) for e in events] == [
        ("abduction-forced-disappearance", "2014-01-01")]


def test_a_finite_clause_under_a_wish_is_told_as_done(extract):
    bounty = only(extract("The cartel is so keen to have the prosecutor killed that it has put a bounty "
                          "on her head."), "bounty")
    assert bounty.modality == "asserted"
    assert only(extract("The rebels want to attack the town.")).modality == "hypothetical"
    assert only(extract("Militants have threatened to attack the town.")).modality == "hypothetical"


def test_the_means_that_back_a_force_are_no_event(extract):
    assert extract("Hundreds of militants are trapped in a small pocket where they are surrounded by "
                   "fighters backed by US-led airstrikes.") == []
    events = extract("Government troops backed by airstrikes attacked rebel positions near Kidal on Monday.")
    assert [e.event_type for e in events] == ["armed-clash"]
    events = extract("Rebels supported by artillery fire stormed the village of Tessit on Monday.")
    assert [e.event_type for e in events] == ["attack"]


def test_a_flight_told_with_another_event_is_part_of_its_story(extract):
    events = extract("On Monday, 40 rebels surrendered to the army and hundreds of villagers fled Bunia.")
    assert [e.event_type for e in events] == ["surrender"]
    events = extract("On Monday, thousands of villagers fled Bunia.")
    assert [e.event_type for e in events] == ["flight"]


def test_a_headline_joins_the_events_the_body_tells(extract):
    text = ("Gunmen kill 5 traders in Zamfara raid; army says it repelled a second assault\n"
            "Gunmen killed five traders in a raid on a market in Zamfara State on Friday, police said.\n"
            "The army said its troops repelled an attack on a base near Gusau on Saturday.")
    events = extract(text, "2020-05-03", title="Gunmen kill 5 traders in Zamfara raid; army says it "
                                                "repelled a second assault")
    assert [(e.event_type, e.time.time.day.isoformat()) for e in events] == [
        ("attack", "2020-05-01"), ("armed-clash", "2020-05-02")]
    assert len(events[0].sentences) == 2  # the headline is evidence of the raid too


def test_a_dateline_names_neither_the_date_nor_an_actor_of_the_events(extract):
    text = ("Bandits raid a market in Zamfara\n"
            "GUSAU, Nigeria, May 3 (Reuters) - Gunmen killed five traders at a market in Zamfara State on Friday, "
            "police said.")
    event = only(extract(text, "2020-05-03"))
    assert event.event_type == "attack" and event.time.time.day.isoformat() == "2020-05-01"
    assert "GUSAU" not in {p.span.text for p in event.participants}


def test_a_month_is_no_march_and_a_habit_is_no_occurrence(extract):
    assert extract("The two rival groups often attack each other's positions in the region.") == []
    assert extract("Militants have attacked the outposts several times since then.") == []
    event = only(extract("Militants repeatedly fired at the police post in Bannu on 1 May."))
    assert event.event_type == "armed-clash"
    assert [e.event_type for e in extract("On 1 March, hundreds of students marched in Lahore.")] == [
        "peaceful-protest"]
    assert extract("The army retook Palmyra in March, and militants have attacked its outposts several "
                   "times since then.") == []


def test_what_will_happen_is_no_mention_of_what_happened(extract):
    events = extract("In 2014, the rebels abducted 30 pupils from a school in Dapchi.\n"
                     "Parents fear that the rebels will attack the school again.", "2020-05-03")
    assert sorted(e.modality for e in events) == ["asserted", "future"]


def test_a_date_beats_a_time_of_day(extract):
    event = only(extract("Gunmen killed 12 villagers in an overnight raid on Konduga on Saturday.", "2021-03-15"))
    assert event.time.time.day.isoformat() == "2021-03-13"


def test_ever_since_makes_a_state_of_the_years_after_a_date(extract):
    events = extract("Colombia signed a peace agreement with the FARC in 2016, but armed groups have fought "
                     "over drug routes in the region ever since.", "2022-06-09")
    assert [e.event_type for e in events] == ["agreement"]


def test_civilians_fleeing_the_event_of_their_sentence_are_part_of_its_story(extract):
    events = extract("On Monday, hundreds of families fled Bunia as militias clashed with the army.")
    assert [e.event_type for e in events] == ["armed-clash"]


def test_an_attempt_is_told_as_done(extract):
    coup = only(extract("Officers tried to topple the president in a coup on Monday."), "coup-attempt")
    assert coup.modality == "asserted"
    assert only(extract("The rebels plan to attack the town.")).modality == "hypothetical"


def test_we_in_a_quotation_is_the_speakers_group(extract):
    events = extract("Commander Rashid Dosky of the Syrian Democratic Forces spoke to reporters in Raqqa on Friday.\n"
                     "“Last month we captured a British doctor near Hajin. He was trying to reach Turkey,” "
                     "recalled Rashid Dosky.", "2020-05-03")
    capture = only(events, "capture")
    assert labels(capture, "actor1") == ["QSD: Syrian Democratic Forces"]
    assert capture.modality == "reported" and capture.attribution.text == "Rashid Dosky"
    event = only(extract("“On Monday we killed five Boko Haram fighters near Bama,” a Nigerian army spokesman said."))
    assert labels(event, "actor1") == ["Military Forces of Nigeria"]
    # outside a quotation "we" names nobody the text says
    event = only(extract("On Monday we saw soldiers kill five Boko Haram fighters near Bama."))
    assert labels(event, "actor1") == ["Military Forces of Nigeria"]


def test_a_capture_by_state_forces_is_an_arrest(extract):
    event = only(extract("On Tuesday the army captured a rebel commander in the mountains of Cauca."))
    assert event.event_type == "arrests" and labels(event, "actor1") == ["Military Forces of Colombia"]
    assert only(extract("The police captured two smugglers on a farm near Cali on Monday.")).event_type == "arrests"
    # an armed group's capture of a person stays an abduction
    assert only(extract("Rebels captured a doctor near Hajin on Sunday.")).event_type == "capture"


@pytest.mark.parametrize("text, town", [
    # a known name before "city"/"town" is that town, even as a verb's object the model left untagged
    ("Insurgents shelled Samarra city, Saladin governorate, Iraq, wounding four people.", "Sāmarrā’"),
    ("Rebels overran Baiji town in Saladin province on Friday, killing a guard.", "Bayjī"),
    # a street "in" a town does not make the town a street
    ("A grenade was thrown at a shop on a street in Daquq city, Kirkuk, wounding three people on Monday.", "Dāqūq"),
])
def test_a_known_town_before_a_settlement_word_is_the_event_place(extract, text, town):
    place = place_of(extract, text)
    assert place.place is not None and place.place.name == town and place.precision == "exact"


def test_a_region_before_its_region_word_is_no_persons_name(extract):
    # the model calls "Al Anbar" a person; before "governorate" it is the province
    place = place_of(extract, "Militants fired on a police post in Shumaysa village, Al Anbar governorate, "
                              "Iraq, killing one officer.")
    assert place.name.startswith("Shumaysa") and place.precision == "region"
    assert place.place is not None and place.place.name == "Anbar"


@pytest.mark.parametrize("text, town", [
    # "X sadar upazila": the subdistrict around the district town, whatever the parse makes of it
    ("A farmer was stabbed to death at Dighirchar village in Jessore sadar upazila on Monday.", "Jessore"),
    # "X under Y": the village lies in the unit after "under"
    ("Robbers shot two men dead in Kalibari under Kushtia Sadar upazila on Friday.", "Kushtia"),
])
def test_an_unknown_village_in_a_headquarters_subdistrict_is_near_its_town(extract, text, town):
    place = place_of(extract, text)
    assert place.precision == "near" and place.place is not None and place.place.name == town
    assert place.country == "Bangladesh"


def test_a_town_on_the_edge_of_the_province_the_text_names_is_kept(extract):
    # GeoNames puts Tarmiyah in Baghdad province; a source that says Saladin draws the border
    # otherwise, and a Saladin town lies within a few kilometres of it
    place = place_of(extract, "Militants shelled Tarmiyah town in Saladin province on Sunday, wounding six people.")
    assert place.place is not None and place.place.name == "Aţ Ţārmīyah"
    # a namesake far from the province named is still refused
    place = place_of(extract, "Militants shelled Mandali town in Nineveh province on Sunday, wounding six people.")
    assert place.place is None or place.place.name != "Mandalī"


@pytest.mark.parametrize("text, town", [
    ("Lecturers staged a sit-in on the Rajshahi University campus on Sunday demanding higher pay.", "Rajshahi"),
    ("Journalists protested outside the Peshawar Press Club on Monday against the arrest of a reporter.",
     "Peshawar"),
    # no country named, but a city only one country has
    ("Two guards were hurt when a bomb went off at the Peshawar bus terminal on Monday.", "Peshawar"),
])
def test_a_site_named_after_a_town_places_a_sentence_without_other_places(extract, text, town):
    place = place_of(extract, text)
    assert place.place is not None and place.place.name == town and place.precision in ("exact", "near")


@pytest.mark.parametrize("text, town, evidence", [
    # the model tags the whole organisation: the town opening it is where the event was, and
    # its name (not the organisation's) the evidence
    ("Members of the Barranquilla Taxi Drivers Association blocked a highway on Friday to protest fuel prices "
     "in Colombia.", "Barranquilla", "Barranquilla"),
    ("Kaduna district police arrested forty youths after a riot over a land dispute in Nigeria on Sunday.",
     "Kaduna", "Kaduna"),
    ("Detectives of Kisumu Metropolitan Police arrested six suspects on Tuesday over the killing of a trader, Kenya.",
     "Kisumu", "Kisumu"),
    # or owns it
    ("Traders stormed Nakuru's county assembly on Tuesday, demanding lower market fees, Kenyan police said.",
     "Nakuru", "Nakuru"),
])
def test_a_town_named_in_an_organisation_places_a_sentence_without_other_places(extract, text, town, evidence):
    place = place_of(extract, text)
    assert place.place is not None and place.place.name == town and place.precision in ("exact", "near")
    assert text[place.span.start:place.span.end] == evidence


@pytest.mark.parametrize("text, country", [
    # a capital's envoy, a firm based in a town, and an organisation that only speaks of the
    # event say nothing of where it was
    ("Gunmen attacked a bus carrying the Bogota envoy to the peace talks in Colombia on Monday.", "Colombia"),
    ("A Lagos-based charity said gunmen killed three farmers on Monday in Nigeria.", "Nigeria"),
    ("Police arrested two men in Kenya after a bomb attack, the Mombasa Republican Council said.", "Kenya"),
    # a street is often named after a town elsewhere: the bus station is in some other town
    ("Two car bombs exploded at the Eldoret Street Bus Station, killing nine people, Kenyan police said.", "Kenya"),
])
def test_an_organisation_named_after_a_town_elsewhere_does_not_place_the_event(extract, text, country):
    place = place_of(extract, text)
    assert place.precision == "country" and place.country == country


def test_a_town_before_a_part_of_it_is_the_event_place(extract):
    # "Samba sector": a sector of the line of control named after the town
    place = place_of(extract, "Indian and Pakistani soldiers traded fire in Samba sector on Monday, "
                              "wounding two soldiers.")
    assert place.place is not None and place.place.name == "Sāmba" and place.country == "India"


def test_a_part_of_a_district_is_not_a_namesake_outside_it(extract):
    # Mandi, Himachal Pradesh, is not the Mandi sector of Poonch district in Kashmir
    place = place_of(extract, "Shelling by Pakistani troops wounded a farmer in Mandi sector in Poonch district "
                              "of Jammu and Kashmir on Sunday.")
    assert place.name == "Mandi" and place.precision == "near"
    assert place.place is not None and place.place.name == "Pūnch"


def test_a_site_after_an_alternate_name_or_a_small_town_is_no_place(extract):
    events = extract("Lawyers held a sit-in at the Justice Palace in Sidon on Thursday.")
    assert events[0].place.place is not None and events[0].place.place.name == "Sidon"


def test_a_province_between_a_place_and_its_country_is_no_persons_name(extract):
    place = place_of(extract, "Gunmen opened fire on a patrol in Qaryat Zibin, Al Anbar, Iraq, wounding two soldiers.")
    assert place.precision == "region" and place.place is not None and place.place.name == "Anbar"


def test_a_part_of_a_town_is_not_a_namesake_far_away(extract):
    # GeoNames knows a Ghadeer near Karbala; "Ghadeer area, Baghdad city" is a part of Baghdad
    place = place_of(extract, "Gunmen burned two shops in the Ghadeer area of Baghdad city on Monday.")
    assert place.name == "Ghadeer" and place.precision == "near"
    assert place.place is not None and place.place.name == "Baghdad"
    # a part of a town is checked against the town, not only against the province after it
    place = place_of(extract, "Gunmen killed three men in Moshahda neighbourhood, Mosul city, Iraq.")
    assert place.precision == "near" and place.place is not None and place.place.name == "Mosul"
    # "Daquq area, Kirkuk": Kirkuk may be the province, so Daquq stays
    place = place_of(extract, "A roadside bomb killed two policemen in Daquq area, Kirkuk, Iraq.")
    assert place.place is not None and place.place.name == "Dāqūq"


def test_a_count_of_attacks_across_the_country_keeps_the_towns_place(extract):
    events = extract("A sniper shot dead a policeman in Ramadi on Tuesday. "
                     "It was one of 20 attacks carried out around Iraq on May 2, 2013.")
    assert events and events[0].place.place is not None and events[0].place.place.name == "Ramadi"
def test_an_unnamed_attacker_has_no_evidence_phrase(extract):
    # the event word is not the words of an actor: "a bomb" does not name who planted it
    event = only(extract("A bomb exploded at a bus stop in Kabul on Monday, killing four people.",
                         "2020-05-05"))
    attacker = [p for p in event.participants if p.role == "actor1"]
    assert [p.actor.label for p in attacker] == ["Unidentified Armed Group (Afghanistan)"]
    assert attacker[0].span is None


def test_attackers_described_in_a_later_sentence_are_its_evidence(extract):
    event = only(extract("A bomb exploded at a bus stop in Kabul on Monday, killing four people. "
                         "Police said the attack was carried out by two gunmen on a motorbike.", "2020-05-05"))
    attacker = [p for p in event.participants if p.role == "actor1"]
    assert [p.actor.label for p in attacker] == ["Unidentified Armed Group (Afghanistan)"]
    assert [p.span.text for p in attacker] == ["gunmen"]


@pytest.mark.parametrize("verb", ["placed", "left", "set off"])
def test_who_placed_the_bomb_is_the_attacker(extract, verb):
    event = only(extract(f"On Monday two gunmen {verb} a bomb outside a bank in Kano.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "actor1"] == ["gunmen"]


def test_a_named_camp_is_a_target(extract):
    event = only(extract("Militants attacked Camp Lemonnier in Djibouti on Monday.", "2020-05-05"))
    assert [s.text for s in event.targets] == ["Camp Lemonnier"]


def test_physical_targets_and_weapons(extract):
    event = only(extract("Rebels attacked a police station and two trucks with rifles and grenades "
                         "in Goma on Friday.", "2020-05-04"))
    assert [s.text for s in event.targets] == ["a police station", "two trucks"]
    assert [s.text for s in event.instruments] == ["rifles", "grenades"]


def test_what_an_explosion_hit_and_damaged(extract):
    event = only(extract("A car bomb went off outside the offices of a telephone company in Lagos on "
                         "Sunday, damaging a bank and several cars.", "2020-05-04"))
    assert [s.text for s in event.targets] == ["the offices of a telephone company", "a bank", "several cars"]
    assert [s.text for s in event.instruments] == ["A car bomb"]


def test_what_a_bomb_went_off_under_is_its_target(extract):
    event = only(extract("A bomb exploded under a parked minibus in Kaduna on Monday.", "2020-05-05"))
    assert [s.text for s in event.targets] == ["a parked minibus"]


def test_what_the_text_says_an_explosion_damaged(extract):
    event = only(extract("Three buses were damaged by the explosion of a car bomb in Mosul on Monday.",
                         "2020-05-05"))
    assert [s.text for s in event.targets] == ["Three buses"]


def test_installations_and_businesses_are_targets(extract):
    event = only(extract("Insurgents attacked a power pole and a drugstore in Tumaco on Friday.", "2020-05-04"))
    assert [s.text for s in event.targets] == ["a power pole", "a drugstore"]


def test_people_are_no_physical_target(extract):
    event = only(extract("Gunmen shot dead three farmers near Jos on Tuesday.", "2020-05-07"))
    assert event.targets == [] and event.instruments == []


@pytest.mark.parametrize("second", [
    "Police blamed Boko Haram for the blast.",
    "Boko Haram is being held responsible for the blast.",
    "The army said Boko Haram was responsible.",
])
def test_who_is_held_responsible_is_the_attacker(extract, second):
    event = only(extract("A bomb exploded at a market in Maiduguri on Monday. " + second, "2020-05-05"))
    assert labels(event, "actor1") == ["Boko Haram (JAS)"]


@pytest.mark.parametrize("second", ["Boko Haram denied responsibility.",
                                    "Boko Haram said it was not responsible."])
def test_a_denial_names_no_attacker(extract, second):
    event = only(extract("A bomb exploded at a market in Maiduguri on Monday. " + second, "2020-05-05"))
    assert labels(event, "actor1") == ["Unidentified Armed Group (Nigeria)"]


def test_those_who_died_are_victims_not_attackers(extract):
    event = only(extract("Gunmen attacked a village near Maiduguri on Monday. Two farmers died.", "2020-05-05"))
    assert labels(event, "actor1") == ["Unidentified Armed Group (Nigeria)"]
    assert [p.span.text for p in event.participants if p.role == "victim"] == ["farmers"]


def test_the_dead_of_a_battles_side_are_that_side_not_victims(extract):
    event = only(extract("Soldiers clashed with Boko Haram fighters near Bama on Monday. Two militants "
                         "died.", "2020-05-05"))
    assert labels(event, "actor1") == ["Military Forces of Nigeria"]
    assert labels(event, "actor2") == ["Boko Haram (JAS)"]
    assert labels(event, "victim") == []


@pytest.mark.parametrize("text", ["guerrillas dynamited two power towers in antioquia on monday.",
                                  "Guerrillas dynamited two power towers in Antioquia on Monday."])
def test_guerrillas_dynamiting_towers(extract, text):
    event = only(extract(text, "2020-05-05"))
    assert event.event_type == "remote-explosive-landmine-ied"
    assert [p.span.text.lower() for p in event.participants if p.role == "actor1"] == ["guerrillas"]
    assert [s.text for s in event.targets] == ["two power towers"]


def test_whose_murder_is_the_victim(extract):
    event = only(extract("Police are investigating the lawyer Maria Lopez's murder in Tijuana on Monday.",
                         "2020-05-05"))
    assert event.event_type == "attack"
    victims = [p for p in event.participants if p.role == "victim"]
    assert [p.actor.label for p in victims] == ["Maria Lopez"]
    assert victims[0].span.text == "Maria Lopez"  # the name without its possessive ending


def test_a_groups_attack_is_its_own(extract):
    event = only(extract("The Taliban's attack on a checkpoint in Kandahar killed two soldiers on Monday.",
                         "2020-05-05"))
    assert labels(event, "actor1") == ["Taliban"]
    assert [s.text for s in event.targets] == ["a checkpoint"]


def test_people_who_died_in_a_battle_are_not_its_civilian_victims(extract):
    event = only(extract("Soldiers clashed with Boko Haram fighters near Bama on Monday. At least three "
                         "people died in the fighting.", "2020-05-05"))
    assert labels(event, "victim") == []
    assert event.fatalities.value == 3


@pytest.mark.parametrize("text, victims", [
    # a person's possessive before people in the plural: his group, not the man
    ("Al-Shabaab leader Ahmed Diriye has been in hiding for months. On Monday, Somali soldiers "
     "attacked the militant chief's bodyguards near Jilib.", ["Al Shabaab"]),
    ("Al-Shabaab leader Ahmed Diriye has been in hiding for months. On Monday, he ordered the "
     "execution of 40 of his followers for spying.", ["Al Shabaab"]),
])
def test_a_leaders_men_are_his_group(extract, text, victims):
    events = extract(text, "2021-05-12")
    event = only(events)
    assert labels(event, "actor2") + labels(event, "victim") == victims


@pytest.mark.parametrize("text, events", [
    # a person fired from a job is no gunfire
    ("The plant manager told us the ministry would fire us all if we joined the strike.", 0),
    ("\u201cThey will fire me if I speak to reporters,\u201d a nurse in Harare said on Tuesday.", 0),
    ("Three teachers were fired last week for missing the ruling party's rally.", 0),
    # but people fired on, and shots fired, are
    ("Soldiers fired on the teachers outside the school in Harare on Tuesday.", 1),
    ("Shots were fired at a police post in Harare on Tuesday.", 1),
])
def test_fired_from_a_job_is_no_attack(extract, text, events):
    assert len([e for e in extract(text, "2021-05-12") if "fire" in e.trigger.text.lower()]) == events


def test_attack_believed_carried_out_by_a_group(extract):
    event = only(extract("On Sunday an attack on a checkpoint in Mogadishu killed four guards. The attack is "
                         "widely thought to have been carried out by al-Shabaab.", "2021-05-12"))
    assert labels(event, "actor1") == ["Al Shabaab"]


def test_a_country_place_quotes_the_words_naming_the_country(extract):
    events = extract("On Monday, soldiers clashed with bandits near Marsabit in northern Kenya.\n"
                     "On Tuesday, two gangs fought each other with guns.")
    later = next(e for e in events if e.trigger.text == "fought")
    assert later.place.precision == "country" and later.place.span.text == "Kenya"
    # with no name of the country in the text, a place of it is the evidence
    events = extract("On Monday, soldiers clashed with rebels near Goma.\n"
                     "On Tuesday, two gangs fought each other with guns.")
    later = next(e for e in events if e.trigger.text == "fought")
    assert later.place.precision == "country" and later.place.span.text == "Goma"


@pytest.mark.parametrize("text", [
    "Kidnappings and extortion are commonplace in the border towns of Tillaberi.",
    "Ambushes on the road to Beni are a regular event, traders say.",
    "Shelling is now routine in the villages along the front.",
])
def test_a_habit_said_of_a_place_is_no_event(extract, text):
    assert extract(text, "2021-05-12") == []


def test_what_someone_is_charged_with_or_risks_is_no_event(extract):
    # the trial is news; the murder it names is an accusation, the execution a risk
    events = extract("The farmer is on trial in Nairobi on charges of murder and faces the threat of "
                     "execution if he is found guilty.", "2021-05-12")
    assert [e for e in events if e.modality in ("asserted", "reported")] == []


@pytest.mark.parametrize("text, event_type", [
    ("The bombing of a bus station in Kasese on Sunday was carried out by the ADF.", "remote-explosive-landmine-ied"),
    ("Russian aerial bombing of Idlib killed five civilians on Sunday.", "air-drone-strike"),
])
def test_a_bombing_is_an_explosion(extract, text, event_type):
    assert only(extract(text, "2021-05-12")).event_type == event_type


def test_a_claim_s_own_date_and_place_are_not_the_attack_s(extract):
    events = extract("On 3 May a bomb killed nine traders at a market in Kasese. On Thursday the ADF claimed "
                     "the attack in a statement sent to journalists in Kampala.", "2021-05-08")
    bomb = only(events)
    assert bomb.time.time.day.isoformat() == "2021-05-03" and bomb.place.name == "Kasese"
    assert labels(bomb, "actor1") == ["ADF: Allied Democratic Forces"]


def test_a_place_on_the_claim_itself_stays_the_event_s(extract):
    event = only(extract("The TTP claimed responsibility for the attack on two traffic policemen in Swabi district.",
                         "2021-05-12"))
    assert event.place.name.startswith("Swabi")
    # what a warrant is for is an accusation, not an event
    assert extract("Both men were the subject of arrest warrants for shootings and bombings in Pattani.",
                   "2021-05-12") == []


def test_a_question_an_obligation_and_a_definite_event_noun(extract):
    # a question and what someone must do assert nothing
    assert only(extract("Who ordered the rebels to attack the market in Gao?")).modality == "hypothetical"
    assert only(extract("The soldiers must attack the rebel camp near Gao.")).modality == "hypothetical"
    # a definite event noun is taken as done, whatever the verb governing it says
    events = extract("The council will investigate the ambush of the convoy near Gao on Monday.")
    assert [e.modality for e in events] == ["asserted"]
    events = extract("The rebel group denied any role in the bombing of the bridge in Gao.")
    assert [e.modality for e in events] == ["asserted"]
    # ... but not an event it is the subject of, nor one a light verb launches
    assert only(extract("The offensive on Gao will begin next week.")).modality == "future"
    assert only(extract("The rebels will launch the offensive on Gao next week.")).modality == "future"


@pytest.mark.parametrize("text, victim", [
    ("The governor condemned the killing of four farmers near Gao on Monday.", "farmers"),
    ("The shooting of two students in Gao on Monday angered their teachers.", "students"),
])
def test_the_of_phrase_of_an_ing_noun_is_who_it_was_done_to(extract, text, victim):
    event = only(extract(text, "2020-05-05"))
    assert victim in [p.span.text for p in event.participants if p.role in ("victim", "actor2") and p.span]


def test_a_bombing_is_an_explosion(extract):
    event = only(extract("The bombing of a police station in Gao killed two officers on Monday.", "2020-05-05"))
    assert event.event_type == "remote-explosive-landmine-ied"
    assert [s.text for s in event.targets] == ["a police station"]


def test_a_place_inside_a_district_comes_before_the_district(extract):
    # the sector's town, not the district named after another town
    place = place_of(extract, "Troops and infiltrators exchanged fire on Sunday at Keran sector in mountainous Kupwara district.")
    assert place.place is not None and place.place.name == "Keran"
    # also with the province that owns the district written between them
    place = place_of(extract, "Three infiltrators were killed in a gunfight at Keran sector of north Kashmir's Kupwara "
                              "district early on Friday.")
    assert place.place is not None and place.place.name == "Keran"


def test_a_possessive_province_holds_the_district_after_it(extract):
    events = extract("A roadside bomb wounded three rangers in Narathiwat's Rueso district on Monday.",
                     source="Bangkok Post")
    assert events and events[0].place.place is not None and events[0].place.place.name == "Rueso"


def test_a_district_is_the_namesake_inside_the_state_written_after_it(extract):
    # India has two Bijapurs: the district of Chhattisgarh is not the bigger town of Karnataka
    place = place_of(extract, "A landmine killed two policemen in Bijapur district of southern Chhattisgarh on Monday.")
    assert place.place is not None and place.place.admin1 == "Chhattisgarh"


def test_a_compass_word_before_a_region_is_no_place_called_north(extract):
    # "north" of "north Kashmir's" is not Sikkim's North District
    events = extract("Militants attacked an army camp at Uri, in north Kashmir's Baramulla, on Monday.",
                     source="Hindustan Times")
    assert events and events[0].place.place is not None and events[0].place.place.admin1 == "Kashmir"


def test_a_province_after_a_district_word_is_the_districts_province(extract):
    # Narathiwat is a town and a province: written after "district of", it is the province
    place = place_of(extract, "Gunmen shot dead a rubber tapper in Rueso district of Narathiwat on Monday.")
    assert place.place is not None and place.place.name == "Rueso"


def test_an_unknown_village_sits_at_the_known_place_of_its_paragraph(extract):
    events = extract("Tension ran high in Rangpur on Monday. Unknown men torched a shop at Dholbhanga village, "
                     "injuring two people.")
    place = [e for e in events if e.place and e.place.name.startswith("Dholbhanga")][0].place
    assert place.precision == "near" and place.place is not None and place.place.name == "Rangpur"


def test_the_capital_is_the_capital_of_the_articles_country(extract):
    events = extract("Two crude bombs went off at a rally in the capital on Saturday, injuring five people.",
                     source="United News of Bangladesh")
    assert events and events[0].place.place is not None and events[0].place.place.name == "Dhaka"
    # a quarter the gazetteer lacks is in the capital
    events = extract("Unknown men threw a petrol bomb at a minibus in the capital's Purbachhora area on Monday.",
                     source="United News of Bangladesh")
    assert events and events[0].place.place is not None and events[0].place.place.name == "Dhaka"
    events = extract("A car bomb exploded near a ministry in the Afghan capital on Monday, killing three people.")
    assert events and events[0].place.place is not None and events[0].place.place.name == "Kabul"


def test_a_name_before_its_province_is_a_place_wherever_it_stands(extract):
    # the model reads these names as a nationality or a person; the province after them says otherwise
    place = place_of(extract, "Gunmen stormed Samarra, Salah ad Din, Iraq, killing three police officers.")
    assert place.place is not None and place.place.name == "Sāmarrā’"


def test_a_quarter_of_a_town_written_before_it_is_in_that_town(extract):
    # "neighborhood" is the quarter's word, not the town's: the town comes before its province
    place = place_of(extract, "A bomb went off near a bakery in Qadisiya neighborhood, Riyadh, Kirkuk governorate.")
    assert place.place is not None and place.place.name == "Ar Riyāḑ"


@pytest.mark.parametrize("text, victims", [
    # every name of a list after a title or a noun is a victim, each with its own words
    ("Gunmen killed the nuns Maria Lopez, Rosa Ruiz and Carmen Mena near Cuzco on Monday.",
     ["Maria Lopez", "Rosa Ruiz", "Carmen Mena"]),
    ("Unknown assailants killed two teachers, Mario Gomez and Luis Vega, in Cuzco on Monday.",
     ["Mario Gomez", "Luis Vega"]),
])
def test_every_name_listed_after_a_noun_is_a_victim(extract, text, victims):
    event = only(extract(text, "2020-05-05"))
    found = [p for p in event.participants if p.role == "victim"]
    assert [p.span.text for p in found] == victims
    assert [p.actor.category for p in found] == ["Person"] * len(victims)


@pytest.mark.parametrize("text, perpetrator", [
    # a later sentence that says who took part in the killing names its perpetrator, state
    # forces included
    ("Nine farmers were massacred near Ayacucho on Monday. A rights group said army troops took "
     "part in the massacre.", "troops"),
    ("Nine farmers were massacred near Ayacucho on Monday. The bishop said the army was responsible "
     "for the massacre.", "army"),
    ("Nine farmers were massacred near Ayacucho on Monday. Fighters of the FMLN were implicated in "
     "the killings.", ["Fighters", "FMLN"]),  # the members' word, and the group's name
])
def test_who_took_part_in_a_killing_told_later_is_its_perpetrator(extract, text, perpetrator):
    event = only(extract(text, "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None] \
        == (perpetrator if isinstance(perpetrator, list) else [perpetrator])


@pytest.mark.parametrize("text, perpetrator", [
    # a later sentence that says who the perpetrators were, or whom a court charged with the
    # attack, names its perpetrator
    ("A mayor was shot dead near Cuzco on Sunday. The killers were members of the Shining Path, "
     "police said.", "Shining Path"),
    ("Five farmers were massacred near Ayacucho on Monday. The perpetrators were identified as "
     "members of a death squad.", "death squad"),
    ("A bomb wrecked a bank in Lima on Monday. The Tupac Amaru Revolutionary Movement are the "
     "authors of the bombing.", "Tupac Amaru Revolutionary Movement"),
    ("A banker was kidnapped in Cali on Monday. The rebels were charged with the kidnapping.", "rebels"),
])
def test_who_the_perpetrators_were_told_later_is_the_perpetrator(extract, text, perpetrator):
    event = only(extract(text, "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None] \
        == [perpetrator]


@pytest.mark.parametrize("text", [
    # a charge of another crime, or suspects of something else, name no perpetrator
    "A banker was kidnapped in Cali on Monday. The rebels were charged with fraud.",
    "A banker was kidnapped in Cali on Monday. The suspects were members of the ELN.",
])
def test_a_charge_or_suspects_of_no_attack_name_no_perpetrator(extract, text):
    event = only(extract(text, "2020-05-05"))
    assert not [p for p in event.participants if p.role == "actor1" and p.span is not None]


@pytest.mark.parametrize("text, perpetrator", [
    # who is accused or suspected of the attack, or whom it is attributed to, is its actor, of
    # whatever kind: state forces, people of no armed group, an organisation of no known kind
    ("A bomb exploded near a market in Lima on Monday. Police arrested four students suspected of "
     "planting the bomb.", "students"),
    ("Two teachers were killed near Ayacucho on Monday. The bishop accused three soldiers of the "
     "killings.", "soldiers"),
    ("Gunmen attacked a bus near Cali on Monday. The attack was attributed to the Popular Front.",
     "the Popular Front"),
])
def test_who_is_accused_of_the_attack_is_its_actor(extract, text, perpetrator):
    event = next(e for e in extract(text, "2020-05-05") if e.event_type != "arrests")
    assert [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None] \
        == [perpetrator]


@pytest.mark.parametrize("text, actor", [
    # an accusation of something else names no actor; the one accused of an earlier crime who is
    # the victim of this one stays its victim
    ("Gunmen attacked a bus near Cali on Monday. The mayor accused the Popular Front of corruption.",
     "Gunmen"),
    ("A man accused of killing his neighbour was beaten to death by a mob in Kano on Monday.", None),
])
def test_an_accusation_of_something_else_or_of_the_victim_names_no_actor(extract, text, actor):
    event = only(extract(text, "2020-05-05"))
    assert [p.span.text if p.span else None for p in event.participants if p.role == "actor1"] == [actor]


@pytest.mark.parametrize("text, name", [
    # a spokesman who claims an attack speaks for his group; a doubted identity is none; a
    # perpetrator noun with a name beside it says who was hit, not who did it
    ("Three villagers were killed by a landmine near Wana on Monday. Ahmad Khan, a spokesman for "
     "the group, claimed responsibility for the attack.", "Ahmad Khan"),
    ("A vendor was shot dead in an ambush near Yala on Monday. It is unclear whether the "
     "perpetrators were members of the Shining Path.", "Shining Path"),
    ("In Mingora, an unidentified assailant shot dead Omar Khan, a former mayor, outside his house.",
     "Omar Khan"),
])
def test_a_spokesman_a_doubt_or_a_victim_is_no_perpetrator(extract, text, name):
    event = only(extract(text, "2020-05-05"))
    assert name not in [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None]


def test_forces_responsible_for_something_else_are_no_perpetrator(extract):
    event = only(extract("Nine farmers were massacred near Ayacucho on Monday. The army is responsible "
                         "for security in the province.", "2020-05-05"))
    assert all(p.actor.category != "State forces" for p in event.participants if p.role == "actor1")


def test_a_groups_pronoun_makes_its_leader_a_member_not_a_civilian(extract):
    event = only(extract("Gunmen stormed a church in Kaduna on Sunday. Their leader was shot dead by a "
                         "guard.", "2020-05-05"))
    hit = [p for p in event.participants if p.role in ("actor2", "victim")]
    assert [(p.actor.label, p.span.text) for p in hit] == [("Unidentified Armed Group (Nigeria)", "Their leader")]
    event = only(extract("Soldiers attacked the ELN near Cucuta on Monday. Its leader was killed in the "
                         "fighting.", "2020-05-05"))
    assert all(p.actor.category != "Civilians" for p in event.participants)


def test_its_after_a_place_is_the_places_not_the_attackers(extract):
    # "its" is the town told of last, not the rebels: the mayor stays a civilian
    event = only(extract("Rebels attacked the town of Tame on Monday. Its mayor was killed.", "2020-05-05"))
    assert [(p.actor.category, p.span.text) for p in event.participants if p.role == "victim"] \
        == [("Civilians", "mayor")]


def test_forces_that_took_part_in_a_clash_do_not_replace_who_attacked(extract):
    event = only(extract("Rebels attacked an army post near Ayacucho on Monday. Three soldiers died. Police "
                         "officers had participated in the fighting, a spokesman said.", "2020-05-05"))
    assert [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None] \
        == ["Rebels"]


@pytest.mark.parametrize("text, trigger, words, precision", [
    # a paragraph set in a town: the later sentence's "across the town" is its word for that town
    ("Gunmen attacked a police post in Maiduguri on Monday. Hours later three bombs exploded across "
     "the town, killing five traders.", "bombs", "the town", "exact"),
    # a sentence with no place in an article about a country: "the country" is its own word for it
    ("On Monday, soldiers clashed with rebels near Goma.\nOn Tuesday, unknown men shot dead two "
     "farmers inside the country.", "shot dead", "the country", "country"),
    # the subject of "has seen" is where the attacks happened
    ("Militants ambushed an army convoy in Kandahar province on Monday, killing four soldiers. "
     "On Tuesday the province saw two bombings that killed a policeman.", "bombings", "the province", "region"),
])
def test_an_inferred_place_is_evidenced_by_the_sentences_own_words(extract, text, trigger, words, precision):
    event = next(e for e in extract(text) if e.trigger.text == trigger)
    assert event.place_inferred
    assert event.place.span.text == words and event.place.precision == precision


def test_a_place_word_of_another_clause_is_no_evidence(extract):
    events = extract("On Monday, soldiers clashed with rebels near Goma.\nOn Tuesday, gunmen shot dead two "
                     "farmers who had lived in the village for years.")
    later = next(e for e in events if e.trigger.text == "shot dead")
    assert later.place.span.text == "Goma"



def test_each_mentions_own_words_for_the_place_are_its_evidence(extract):
    # the later mention's "across the town" joins the place the first mention names
    event = only(extract("Gunmen attacked a police post in Maiduguri on Monday. "
                         "The attack left two officers dead across the town."))
    assert event.place.span.text == "Maiduguri" and not event.place_inferred
    assert [w.text for w in event.place_words] == ["the town"]
    # a sentence with a place of its own keeps its other words for where it happened
    event = only(extract("Boko Haram fighters stormed Maiduguri on Monday and fired rockets at houses "
                         "across the city."))
    assert event.place.span.text == "Maiduguri" and [w.text for w in event.place_words] == ["the city"]
    # but not the words that hold the place's own name
    event = only(extract("Two guards were hurt when a bomb went off at the Peshawar bus terminal on Monday."))
    assert event.place_words == []


def test_the_regions_written_after_a_place_are_evidence_of_it(extract):
    event = only(extract("Taliban fighters attacked an army base in Zhari district, Kandahar province, on Monday, "
                         "killing four soldiers."))
    assert event.place.span.text == "Zhari"
    assert [w.text for w in event.place_words] == ["Kandahar province"]


def victims_named(event) -> list[str]:
    return [p.span.text for p in event.participants if p.role == "victim"]


@pytest.mark.parametrize("text, named", [
    # every member of a list that tells who was killed is a victim, each with its own words
    ("Gunmen stormed a bus in Tijuana on Monday. Killed were: Jorge Mendez, Ana Sosa and Luis Pardo.",
     ["Jorge Mendez", "Ana Sosa", "Luis Pardo"]),
    ("Gunmen stormed a bus in Tijuana on Monday. Among those killed were the driver, Pablo Ortega, "
     "and a nurse.", ["Pablo Ortega"]),
    ("Gunmen shot three teachers in Tijuana on Monday. The dead were identified as Pablo Ortega, "
     "Ana Sosa and Luis Pardo.", ["Pablo Ortega", "Ana Sosa", "Luis Pardo"]),
    ("Gunmen killed four nuns, including Ana Sosa and Lucia Pardo, in Tijuana on Monday.",
     ["Ana Sosa", "Lucia Pardo"]),
])
def test_listed_victims_each_take_the_role(extract, text, named):
    victims = [name for e in extract(text, "2020-05-05") for name in victims_named(e)]
    assert set(named) <= set(victims), victims


def test_a_list_of_people_the_parse_hangs_on_an_apposition_is_one_list():
    from types import SimpleNamespace

    import spacy
    from spacy.tokens import Doc

    from graphbuild.extract.coreference import apposed_names

    # "Ruiz , Soto , Mena and Vega": the parse hung "Mena" on "Soto" as an apposition
    words = ["Ruiz", ",", "Soto", ",", "Mena", "and", "Vega", ",", "the", "mayor"]
    heads = [0, 0, 0, 2, 2, 4, 4, 4, 9, 6]
    deps = ["ROOT", "punct", "conj", "punct", "appos", "cc", "conj", "punct", "det", "appos"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    person = SimpleNamespace(actor=SimpleNamespace(category="Person"))
    official = SimpleNamespace(actor=SimpleNamespace(category="Civilians"))
    ctx = SimpleNamespace(by_token={0: person, 2: person, 4: person, 6: person, 9: official})
    assert [t.text for t in apposed_names(doc[2], person, ctx)] == ["Mena", "Vega"]
    # a description in apposition ("Vega, the mayor") is the same person, not another
    assert apposed_names(doc[6], person, ctx) == []
    assert apposed_names(doc[2], official, ctx) == []


@pytest.mark.parametrize("text", [
    "The opposition said repression had grown, in the form of arrests, beatings and raids on union offices.",
    "The bishop urged both sides to halt the murder of teachers and the killing of farmers.",
    "The minister condemned attacks against schools.",
    "Nothing justifies attacks against hospitals.",
])
def test_a_kind_of_happening_is_generic_not_an_event(extract, text):
    events = extract(text, "2020-05-05")
    assert events and all(e.modality == "generic" for e in events), [(e.event_type, e.modality) for e in events]


@pytest.mark.parametrize("text", [
    "The minister condemned attacks against schools in Gao on Monday.",  # a place and a date of its own
    "The minister condemned the attacks against the schools.",  # those attacks
    "Attacks against schools killed four teachers near Gao.",  # what the attacks did
    "The rebels carried out attacks against army posts.",  # a verb that carries them out
    "The rebels attacked the post with mortars and grenades.",  # what the attack was done with
    "There were explosions and shots near the barracks.",
    "The governor condemned the killing of four farmers near Gao on Monday.",
    "Three people died in Gao in a series of firefights between the two armies.",  # the clause's place
    "Fourteen passengers sustained injuries.",  # the clause's count
])
def test_an_occurrence_told_with_an_event_noun_stays_asserted(extract, text):
    events = extract(text, "2020-05-05")
    assert events and all(e.modality in ("asserted", "reported") for e in events), \
        [(e.event_type, e.modality) for e in events]


def test_weapons_listed_in_a_seizure_name_no_explosion(extract):
    events = extract("The police seized a large amount of weapons, radios, ammunition for rifles, grenades "
                     "brought from abroad and uniforms at the farm.", "2020-05-05")
    assert [e.event_type for e in events] == ["disrupted-weapons-use"]


@pytest.mark.parametrize("text, named", [
    # the killing told in one sentence, its victims named in the next by a word for victims
    ("Gunmen shot dead four people at a roadblock near Tijuana on Sunday. The victims were identified "
     "as Jorge Mendez, Ana Sosa, Luis Pardo and Pedro Ruiz.",
     ["Jorge Mendez", "Ana Sosa", "Luis Pardo", "Pedro Ruiz"]),
    ("Rebels attacked the town of Yopal on Friday, killing five people. Among the dead was the town's "
     "mayor, Carlos Vega.", ["Carlos Vega"]),
    ("A bomb exploded in a market in Quetta on Wednesday, wounding twelve people. The wounded included "
     "Sara Malik and her son.", ["Sara Malik"]),
    ("Gunmen shot dead four people at a roadblock near Tijuana on Sunday. The victims were Jorge Mendez "
     "and Ana Sosa.", ["Jorge Mendez", "Ana Sosa"]),
    ("Gunmen shot dead four people at a roadblock near Tijuana on Sunday. Two of the dead were Jorge Mendez "
     "and Ana Sosa.", ["Jorge Mendez", "Ana Sosa"]),
    ("Gunmen shot dead four people at a roadblock near Tijuana on Sunday. Jorge Mendez was one of the "
     "victims.", ["Jorge Mendez"]),
])
def test_victims_named_in_the_next_sentence_are_the_events_victims(extract, text, named):
    events = extract(text, "2020-05-05")
    assert len(events) == 1, events
    assert set(named) <= set(victims_named(events[0])), victims_named(events[0])


def test_victims_named_without_an_event_before_them_attach_to_nothing(extract):
    # a list of victims with no violent event told before it names nobody's victims
    events = extract("The victims were identified as Jorge Mendez and Ana Sosa. They were teachers.",
                     "2020-05-05")
    assert not [name for e in events for name in victims_named(e)]


def test_victims_named_in_a_later_paragraph_attach_to_nothing(extract):
    # another paragraph, after other sentences, may tell another story
    events = extract("Gunmen shot dead four people near Tijuana on Sunday.\n\nThe mayor spoke to reporters. "
                     "He praised the police. The victims were identified as Jorge Mendez and Ana Sosa.",
                     "2020-05-05")
    assert not {"Jorge Mendez", "Ana Sosa"} & {name for e in events for name in victims_named(e)}


@pytest.mark.parametrize("text", [
    "Soldiers killed ten rebels near Tijuana on Monday. Jorge Mendez might be among the dead.",
    "Soldiers killed ten rebels near Tijuana on Monday. So the victims were Jorge Mendez and Ana Sosa?",
    "Gunmen shot dead four people near Tijuana on Sunday. For years the victims have been Jorge Mendez's "
    "neighbours.",
])
def test_a_hedged_or_habitual_list_of_victims_names_nobody(extract, text):
    names = {name for e in extract(text, "2020-05-05") for name in victims_named(e)}
    assert "Jorge Mendez" not in names and "neighbours" not in names, names


def test_a_victim_described_by_a_word_of_an_armed_side_is_not_that_side(extract):
    # "a police informer" says who the victim was, not that the police were hit
    events = extract("Unknown gunmen shot dead a shopkeeper in Tijuana on Sunday. The victim was also a police "
                     "informer.", "2020-05-05")
    assert [e.event_type for e in events] == ["attack"]
    assert not any(p.actor.category == "State forces" for e in events for p in e.participants), events


def test_a_town_a_region_owns_is_the_event_place(extract):
    # the model's "south Kashmir's" ran over the owner's "'s"; the town it owns is where it was
    place = place_of(extract, "Militants threw a grenade at an army camp in south Kashmir's Anantnag on Monday.")
    assert place.place is not None and place.place.name == "Anantnag" and place.country == "India"


def test_an_organisations_town_inside_the_province_named_is_the_event_place(extract):
    # the province says less than the town of the same province the organisation is named after
    place = place_of(extract, "Members of the Larkana Traders Association staged a protest against new taxes "
                              "in Sindh on Monday.")
    assert place.place is not None and place.place.name == "Larkana"
    # a town of another province is not where the event was
    place = place_of(extract, "Lawyers of the Quetta Bar Association staged a sit-in in Sindh on Monday.")
    assert place.place is not None and place.place.name == "Sindh" and place.precision == "region"


def test_an_event_told_of_a_list_of_towns_is_one_event_in_each(extract):
    events = extract("Gunmen killed five people in Maiduguri and Damaturu on Sunday.")
    towns = sorted(e.place.place.name for e in events if e.place is not None and e.place.place is not None)
    assert towns == ["Damaturu", "Maiduguri"]
    # the count is not known per town: it stays with the first
    assert sum(e.fatalities is not None for e in events) == 1
    # the other towns of the list are not the regions of the first
    lahore = next(e for e in extract("Thousands of traders protested against the new tax in Lahore, Multan and "
                                     "Faisalabad on Monday.") if e.place.place.name == "Lahore")
    assert not lahore.place_words


def test_a_town_and_its_region_are_one_event(extract):
    events = extract("Gunmen killed five people in Maiduguri, Borno state, on Sunday.")
    assert len(events) == 1 and events[0].place.place.name == "Maiduguri"
    # a province named after its main city is the province, not another town of a list
    events = extract("A car bomb went off near a market in Daquq city, Kirkuk, Iraq. Six people died.")
    assert len(events) == 1 and events[0].place.place.name == "Dāqūq"
    assert events[0].fatalities is not None and events[0].fatalities.value == 6
    assert {"Kirkuk", "Iraq"} <= {w.text for w in events[0].place_words}


def test_a_later_sentence_tells_of_the_first_town_of_a_list(extract):
    events = extract("Gunmen killed five people in Maiduguri and Damaturu on Sunday. Ten others were wounded.")
    first = next(e for e in events if e.place.place.name == "Maiduguri")
    assert first.injured is not None and first.injured.value == 10
    events = extract("Gunmen attacked a market in Maiduguri and Damaturu on Sunday. Five people were killed.")
    assert [e.fatalities.value if e.fatalities else None for e in events] == [5, None]


def test_the_word_for_a_quarter_opening_a_name_is_no_town(extract):
    # "Hayy" is Arabic for a quarter: "Hayy X, Tarmiyah" is a quarter of Tarmiyah, not the town Al Hayy
    events = extract("Gunmen shot two policemen at a checkpoint in Hayy ad Dhubbat, Tarmiyah, Iraq, on Monday.")
    assert [e.place.place.name for e in events] == ["Aţ Ţārmīyah"]
    # nor is a quarter and its town a list of two towns
    events = extract("Gunmen shot two policemen at a checkpoint in Hayy Zzyz, Tarmiyah, Iraq, on Monday.")
    assert len(events) == 1


def test_an_unknown_village_in_a_district_a_province_owns_is_near_the_district(extract):
    # issue 18: named as written, at the district's town with its precision, past "Jharkhand's"
    place = place_of(extract, "Maoists blew up a railway track at Zzyzpur village in Jharkhand's Latehar district on "
                              "Tuesday, around 100km north of Ranchi.")
    assert place.name.startswith("Zzyzpur") and place.precision == "near"
    assert place.place is not None and place.place.name == "Lātehār"


def test_a_count_of_attacks_across_the_country_does_not_replace_the_scene_town(extract):
    events = extract("An explosives-laden truck near a police station in Nasiriyah city, Dhi Qar governorate, Iraq. "
                     "Three people died in the blast. It was one of 20 attacks around Iraq on Monday.")
    blast = next(e for e in events if e.trigger.text == "blast")
    assert blast.place.place is not None and blast.place.place.name == "Nasiriyah"


def test_a_street_named_after_a_town_is_not_in_that_town(extract):
    # "Oxford Street" is a street of the city the paragraph is set in, not a part of Oxford
    events = extract("Gunmen opened fire on shoppers in Belfast on Friday. A car bomb exploded at Oxford Street "
                     "an hour later, killing six people.")
    bomb = events[-1]
    assert bomb.place.name == "Oxford Street" and bomb.place.place is not None and bomb.place.place.name == "Belfast"
