"""Actor categories from what the text says of a group, and event types by ACLED's codebook
logic (who is armed, which weapon), on sentences written for these tests, with the real model."""
from .test_extraction import labels, only


def categories(event, role):
    return [a.category for a in event.actors(role)]


def test_unnamed_insurgents_and_separatists_are_a_rebel_group(extract):
    event = only(extract("Two insurgents shot dead a rubber tapper in Yala province on Monday.",
                         "2015-03-03"))
    assert categories(event, "actor1") == ["Rebel group"]
    assert event.actors("actor1")[0].label == "Unidentified Rebel Group (Thailand)"
    event = only(extract("Separatists blew up a railway bridge near Quetta on Friday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Rebel group"]


def test_unnamed_gunmen_stay_an_unidentified_armed_group(extract):
    event = only(extract("Gunmen shot dead a shopkeeper in Quetta on Friday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Political militia"]


def test_insurgents_of_an_article_that_names_their_group_are_that_group(extract):
    events = extract("Insurgents ambushed an army patrol in Kunar on Monday. The Taliban said their "
                     "fighters killed four soldiers.", "2015-03-03")
    first = min(events, key=lambda e: e.trigger.start)
    assert [a.label for a in first.actors("actor1")] == ["Taliban"]


def test_a_thrown_petrol_bomb_is_no_explosion(extract):
    event = only(extract("Attackers hurled a petrol bomb at a crowded bus in Feni on Sunday, injuring four "
                         "passengers.", "2015-03-02"))
    assert event.event_type == "attack"
    bomb = only(extract("A bomb exploded under a bus in Feni on Sunday, injuring four passengers.",
                        "2015-03-02"))
    assert bomb.event_type == "remote-explosive-landmine-ied"


def test_a_killed_constable_makes_a_battle(extract):
    event = only(extract("A police constable was shot dead by unidentified gunmen outside a tea stall "
                         "in Nellore on Sunday.", "2015-03-02"))
    assert event.event_type == "armed-clash"
    assert "State forces" in categories(event, "actor2") + categories(event, "victim")


def test_a_named_organisation_that_attacks_is_a_political_militia(extract):
    event = only(extract("A jute trader was shot and wounded by Jubo League men in Pabna on Monday.",
                         "2015-03-03"))
    assert event.event_type == "attack"
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Jubo League", "Political militia")]


def test_a_clash_of_villagers_with_guns_is_a_battle_of_communal_militias(extract):
    event = only(extract("A farmer died of gunshot wounds when two groups of villagers clashed "
                         "over a fish pond near Rajshahi on Monday.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert categories(event, "actor1") == ["Identity militia"]
    melee = only(extract("Villagers clashed with sticks over grazing rights near Rajshahi, injuring six "
                         "people.", "2015-03-03"))
    assert melee.event_type == "mob-violence"


def test_state_forces_of_countries_by_their_own_names(extract):
    event = only(extract("Rapid Action Battalion personnel shot dead a suspected drug dealer in a "
                         "gunfight in Chittagong on Friday.", "2015-03-03"))
    assert [(a.label, a.category) for a in event.actors("actor1")] == [
        ("Police Forces of Bangladesh", "State forces")]


def test_an_encounter_with_police_is_a_battle(extract):
    event = only(extract("Police killed a wanted robber in an encounter in Bogra on Sunday.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert categories(event, "actor1") == ["State forces"]


def test_strikes_and_sit_ins_of_south_asian_english_are_protests(extract):
    for text in ("Sanitation workers staged a dharna in Delhi demanding their salaries.",
                 "Lawyers in Lucknow went on strike on Monday demanding a new bench of the High Court.",
                 "Traders observed a bandh in Imphal on Saturday against the new tax."):
        event = only(extract(text, "2015-03-03"))
        assert event.event_type == "peaceful-protest", text
        assert categories(event, "actor1") == ["Protesters"], text


def test_firing_on_civilians_is_an_attack(extract):
    event = only(extract("Two villagers were injured in firing by soldiers near Kathua on Monday.", "2015-03-03"))
    assert event.event_type == "attack"


def test_an_attack_by_rivals_is_a_battle(extract):
    event = only(extract("Rivals shot dead a shopkeeper after a quarrel over a fish pond in Noakhali on Monday.",
                         "2015-03-03"))
    assert event.event_type == "armed-clash"


def test_an_air_strike_nobody_is_named_for_is_a_militarys(extract):
    event = only(extract("Airstrikes killed nine fighters in a valley near Peshawar, Pakistan on Sunday.", "2015-03-03"))
    assert event.event_type == "air-drone-strike"
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Military Forces", "State forces")]


def test_a_state_that_shells_or_strikes_is_its_military(extract):
    event = only(extract("Israeli airstrikes hit a house in Gaza on Monday.", "2020-05-05"))
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Military Forces of Israel", "State forces")]
    event = only(extract("Turkey shelled villages near Afrin on Monday.", "2020-05-05"))
    assert [a.label for a in event.actors("actor1")] == ["Military Forces of Turkey"]
    protest = extract("Pakistan protested the death of a shepherd near Skardu.", "2020-05-05")
    assert all(a.label != "Military Forces of Pakistan" for e in protest for a in e.actors("actor1"))


def test_a_called_or_continued_strike_is_a_protest(extract):
    event = only(extract("Bank unions called a strike in Chennai over pay on Monday.",
                         "2015-03-03"))
    assert event.event_type == "peaceful-protest"


def test_fighting_that_continued_between_two_sides_names_them(extract):
    event = only(extract("Fighting resumed between the Arakan Army and the Tatmadaw in Rakhine State on Monday.",
                         "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert {a.label for a in event.actors("actor1") + event.actors("actor2")} == {
        "ULA/AA: United League of Arakan/Arakan Army", "Military Forces of Myanmar"}


def test_a_group_the_text_blames_is_the_attacker(extract):
    event = only(extract("A roadside bomb wounded two rubber tappers in Pattani province on Monday. "
                         "Officials blamed insurgents for it.", "2015-03-03"))
    assert categories(event, "actor1") == ["Rebel group"]
    event = only(extract("A landmine killed three soldiers in South Waziristan on Monday. The TTP was "
                         "suspected of planting it.", "2015-03-03"))
    assert [a.label for a in event.actors("actor1")] == ["TTP: Tehreek-i-Taliban Pakistan"]


def test_the_police_that_suspect_are_not_the_attackers(extract):
    event = only(extract("A trader was shot dead in Quetta on Monday. Police suspect a personal feud.",
                         "2015-03-03"))
    assert "State forces" not in categories(event, "actor1")


def test_troops_that_target_each_other_fight_a_battle(extract):
    event = only(extract("Indian and Pakistani soldiers targeted each other along the frontier near Uri "
                         "on Sunday.", "2015-03-03"))
    assert event.event_type == "armed-clash"


def test_violence_whose_victim_is_a_soldier_is_a_battle(extract):
    event = only(extract("An Indian soldier was killed in firing across the frontier near Uri on Tuesday.",
                         "2015-03-03"))
    assert event.event_type == "armed-clash"


def test_an_organisation_that_is_attacked_is_no_militia(extract):
    events = extract("An Oxfam truck was attacked by gunmen near Mandalay on Monday. Two Oxfam "
                     "workers were injured.", "2015-03-03")
    assert all(a.category != "Political militia" for e in events for a in e.actors("actor2") + e.actors("victim"))


def test_a_clash_between_two_unnamed_groups_is_communal(extract):
    event = only(extract("Three men were wounded in a clash between two rival clans over a market lease "
                         "near Khulna on Monday.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert categories(event, "actor1") == ["Identity militia"]


def test_a_gunbattle_of_suspects_with_the_police_is_no_mob(extract):
    event = only(extract("Police said four robbers were gunned down in an encounter near Hyderabad on Monday.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    mob = only(extract("Villagers beat a suspected thief to death in Comilla on Monday.", "2015-03-03"))
    assert mob.event_type == "mob-violence"


def test_a_petrol_bomb_thrown_by_assailants_is_an_attack(extract):
    event = only(extract("Some assailants hurled a petrol bomb in the city last night, injuring a woman.",
                         "2015-03-03"))
    assert event.event_type == "attack"


def test_an_ambush_is_typed_by_whom_it_hit(extract):
    event = only(extract("Gunmen ambushed a bus carrying pilgrims near Quetta, killing six passengers.",
                         "2015-03-03"))
    assert event.event_type == "attack"
    event = only(extract("Rebels ambushed an army convoy near Lashio, killing two soldiers.", "2015-03-03"))
    assert event.event_type == "armed-clash"


def test_violence_in_a_security_operation_is_the_militarys(extract):
    event = only(extract("Six insurgents were killed in a search operation near Turbat, Balochistan.",
                         "2015-03-03"))
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Military Forces of Pakistan", "State forces")]


def test_activists_of_two_parties_who_clash_are_rioters(extract):
    event = only(extract("Eight people were injured in a clash between activists of Awami League and "
                         "BNP over a polling booth in Feni on Tuesday.", "2015-03-03"))
    assert event.event_type == "mob-violence"
    assert "Rioters" in categories(event, "actor1")


def test_a_group_named_only_as_the_agent_of_the_incident_is_its_actor(extract):
    # the parse ties "by ... separatists" to the killing, the tagger calls the noun a verb
    event = only(extract("A police guard was shot dead in a firing incident by suspected Baloch "
                         "insurgents on the road outside Mastung.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert categories(event, "actor1") == ["Rebel group"]


def test_an_army_named_for_liberation_is_a_rebel_group_not_a_known_group_it_ends_like(extract):
    # "National Liberation Army" is a known group of another country; the longer name is not it
    event = only(extract("Fighters of the Chin Independence Army attacked an army post in Paletwa on "
                         "Monday.", "2015-03-03"))
    assert [(a.label, a.category) for a in event.actors("actor1")] == [("Chin Independence Army", "Rebel group")]
    event = only(extract("The Garo National Liberation Army ambushed a police patrol near Tura on Monday.",
                         "2015-03-03"))
    assert [a.category for a in event.actors("actor1")] == ["Rebel group"]
    assert not any(a.label.startswith("ELN") for a in event.actors("actor1"))
    assert event.place is None or event.place.country != "Colombia"


def test_a_state_force_keeps_its_name_inside_a_longer_one(extract):
    event = only(extract("Members of the Indian Border Security Force shot dead a cattle trader near the "
                         "border on Thursday.", "2015-03-06"))
    assert [a.label for a in event.actors("actor1")] == ["Police Forces of India"]


def test_a_crowd_that_burns_or_wrecks_things_makes_a_violent_demonstration(extract):
    event = only(extract("Demonstrators torched a lorry outside the municipal office in Bogra on Sunday.",
                         "2015-03-02"))
    assert event.event_type == "violent-demonstration"
    assert categories(event, "actor1") == ["Rioters"]
    # who enforce a general strike by force are rioters too
    event = only(extract("Some hartal enforcers smashed the windows of two buses in Rangpur on Sunday.",
                         "2015-03-02"))
    assert event.event_type == "violent-demonstration"
    assert categories(event, "actor1") == ["Rioters"]
    # an armed group's destruction stays what it is
    event = only(extract("Gunmen torched a lorry outside the municipal office in Bogra on Sunday.", "2015-03-02"))
    assert event.event_type == "looting-property-destruction"


def test_an_arrest_told_with_the_protest_of_the_arrested_is_an_intervention(extract):
    event = only(extract("Thirty members of a farmers' union were arrested by the police while protesting "
                         "outside the collectorate in Salem on Monday.", "2015-03-03"))
    assert event.event_type == "protest-with-intervention"
    assert categories(event, "actor1") == ["Protesters"]
    assert categories(event, "actor2") == ["State forces"]
    # a rally told of the arrested men, not by the arrest's own clause, is another event
    events = extract("Police arrested two men who had organised a rally against the mayor in Pune last "
                     "year.", "2015-03-03")
    assert sorted(e.event_type for e in events) == ["arrests", "peaceful-protest"]


def test_an_arrest_nobody_is_named_for_is_made_by_the_police(extract):
    event = only(extract("A district leader of an outlawed party was arrested in Sylhet on Saturday.",
                         "2015-03-02"))
    assert event.event_type == "arrests"
    assert [a.label for a in event.actors("actor1")] == ["Police Forces of Bangladesh"]
    # an arrest told with a clash stays without arresters of its own
    events = extract("Two gunmen were killed and a third was captured in a gunfight with police in "
                     "Sylhet on Saturday.", "2015-03-02")
    assert len(events) > 1
    assert not [p for e in events if e.event_type == "arrests" for p in e.participants
                if p.role == "actor1" and p.span is None]


def test_people_the_text_does_not_know_who_do_violence_are_an_armed_group(extract):
    event = only(extract("Unknown persons shot dead a grocer outside his shop in Mardan on Friday.",
                         "2015-03-03"))
    assert categories(event, "actor1") == ["Political militia"]
    assert event.actors("actor1")[0].label.startswith("Unidentified Armed Group")
    event = only(extract("A schoolteacher was gunned down by unidentified men in Mardan on Friday.",
                         "2015-03-03"))
    assert categories(event, "actor1") == ["Political militia"]
    # an unknown person who suffers the violence stays a civilian
    event = only(extract("Gunmen killed an unidentified man near a canal in Mardan on Friday.", "2015-03-03"))
    assert categories(event, "victim") + categories(event, "actor2") == ["Civilians"]


def test_protesters_who_do_violence_are_rioters(extract):
    event = only(extract("Two shopkeepers were beaten up by protesters in Patna on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Rioters"]
    assert event.actors("actor1")[0].label == "Rioters (India)"
    # a protest nobody turned violent keeps its protesters
    event = only(extract("Hundreds of protesters marched peacefully through Patna on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Protesters"]


def test_ranks_of_the_police_and_the_army_are_state_forces(extract):
    for rank in ("a havildar", "a sub-inspector", "a deputy superintendent"):
        event = only(extract(f"Militants shot dead {rank} in Bannu on Monday.", "2015-03-03"))
        assert event.event_type == "armed-clash"
        assert categories(event, "actor2") + categories(event, "victim") == ["State forces"]


def test_a_person_whose_title_names_a_state_force_brings_that_force_into_the_event(extract):
    event = only(extract("Gunmen shot dead Rashid Mahmood, a police constable, outside his house in Mardan "
                         "on Friday.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert [(a.label, a.category) for a in event.actors("actor2")] == [
        ("Rashid Mahmood", "Person"), ("Police Forces of Pakistan", "State forces")]
    # a person whose title names no armed side stays the one victim
    event = only(extract("Gunmen shot dead Rashid Mahmood, a cloth merchant, outside his shop in Mardan "
                         "on Friday.", "2015-03-03"))
    assert event.event_type == "attack"
    assert [a.category for a in event.actors("actor2")] == ["Person"]


def test_who_received_or_sustained_injuries_is_the_victim(extract):
    event = only(extract("Three passengers received burn injuries as attackers threw a petrol bomb at a "
                         "bus in Feni on Sunday.", "2015-03-02"))
    assert event.event_type == "attack"
    assert [(a.category, a.label) for a in event.actors("victim")] == [("Civilians", "Civilians (Bangladesh)")]
    event = only(extract("Two shopkeepers sustained splinter injuries when a bomb went off in a market in "
                         "Quetta on Monday.", "2015-03-03"))
    assert categories(event, "victim") == ["Civilians"]


def test_fighting_between_troops_and_a_liberation_army_is_a_battle_not_a_riot(extract):
    # the words of a name ("National") are no crowd, and "Army of ... Liberation" is a rebel army
    for text in ("Four rebels and a soldier died in fighting between marine troops and the so-called "
                 "Army of Popular Liberation near the river on Monday.",
                 "Two policemen died on Monday in clashes against members of the National Popular "
                 "Liberation Front (NPLF) in the southern hills."):
        event = only(extract(text, "2015-03-03"))
        assert event.event_type == "armed-clash", text
        assert "Rioters" not in categories(event, "actor1") + categories(event, "actor2")
        assert "Rebel group" in categories(event, "actor1") + categories(event, "actor2")


def test_members_of_a_group_who_kill_are_no_mob(extract):
    event = only(extract("Alleged members of the Red Sun cell murdered three farmers in the village on "
                         "Friday.", "2015-03-03"))
    assert event.event_type == "attack"
    assert "Rioters" not in categories(event, "actor1")
    mob = only(extract("Angry residents attacked a police station with stones and sticks on Friday.",
                       "2015-03-03"))
    assert mob.event_type == "mob-violence"
    crowd = only(extract("Angry community members stoned two forest guards near the village on Friday.",
                         "2015-03-03"))
    assert crowd.event_type == "mob-violence"


def pairs(event, role):
    return [(a.label, a.category) for a in event.actors(role)]


def test_a_battles_named_second_side_of_no_known_kind_is_a_political_militia(extract):
    event = only(extract("Members of the Torvan Youth League clashed with the Torvan Workers League "
                         "in Khulna on Monday, leaving three people injured.", "2015-03-03"))
    assert event.event_type == "armed-clash"
    assert {a.category for a in event.actors("actor1") + event.actors("actor2")} == {"Political militia"}


def test_a_name_ending_in_a_plural_armed_noun_is_a_group_not_a_person(extract):
    event = only(extract("Zorvani Separatists blew up a gas pipeline near Quetta on Friday.", "2015-03-03"))
    assert pairs(event, "actor1") == [("Zorvani Separatists", "Rebel group")]
    # a modifier of doubt alone makes no name: the group noun is read as usual
    event = only(extract("Suspected Maoists attacked a constable with sharp weapons at a market in "
                         "Sukma on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Rebel group"]
    assert "Suspected Maoists" not in labels(event, "actor1")


def test_a_regiment_or_rifles_of_no_known_name_is_a_state_force(extract):
    event = only(extract("The Torvan Frontier Rifles killed five militants in Kalat on Monday.", "2015-03-03"))
    assert pairs(event, "actor1") == [("Torvan Frontier Rifles", "State forces")]
    # a corps may be a party's name: no state force by that word
    event = only(extract("Members of the National Corps beat two activists in Kyiv on Thursday.",
                         "2020-05-08"))
    assert categories(event, "actor1") == ["Political militia"]


def test_a_forces_noun_after_a_name_the_model_found_gives_its_kind(extract):
    event = only(extract("Torvan Border Security forces shelled two villages near Sialkot on Monday.",
                         "2015-03-03"))
    assert categories(event, "actor1") == ["State forces"]


def test_a_factional_clash_of_a_party_is_the_party_against_itself(extract):
    event = only(extract("Two Torvan Students League activists died in a gun battle between "
                         "two rival groups at a college campus in Dinajpur on Tuesday.", "2015-03-03"))
    assert pairs(event, "actor1") == [("Torvan Students League", "Political militia")]
    assert pairs(event, "actor2") == [("Torvan Students League", "Political militia")]
    event = only(extract("Two factions of the Torvan Students League clashed at Torvan University in "
                         "Chittagong on Monday.", "2015-03-03"))
    assert pairs(event, "actor1") == pairs(event, "actor2") == [("Torvan Students League", "Political militia")]
    # rival groups of no named organisation stay communal militias
    event = only(extract("Two men were killed in a gun battle between two rival groups of villagers "
                         "near Dinajpur on Thursday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Identity militia"]


def test_violence_over_land_or_enmity_is_a_communal_militias(extract):
    event = only(extract("A farmer died and four others were hurt in a clash over a land "
                         "dispute near Rajshahi on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Identity militia"]
    event = only(extract("A shopkeeper was shot dead over previous enmity in a village near Noakhali "
                         "on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Identity militia"]
    # nothing said of why: an unidentified armed group
    event = only(extract("A shopkeeper was shot dead in a village near Noakhali on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Political militia"]


def test_whom_an_attack_is_blamed_on_did_it(extract):
    events = extract("A teacher was shot dead in Pattani on Monday. Police blamed the shooting on the "
                     "Torvan Front.", "2015-03-03")
    event = only(events)
    assert ("Torvan Front", "Political militia") in pairs(event, "actor1")
    assert "Torvan Front" not in labels(event, "actor2") + labels(event, "victim")


def test_who_was_hacked_to_death_is_the_victim(extract):
    event = only(extract("A trader was hacked to death by assailants in Khulna on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Political militia"]
    assert [a.label for a in event.actors("actor2") + event.actors("victim")] == ["Civilians (Bangladesh)"]
    event = only(extract("Assailants chopped a trader to death in Khulna on Monday.", "2015-03-03"))
    assert "Civilians (Bangladesh)" in [a.label for a in event.actors("actor2") + event.actors("victim")]


def test_a_name_ending_in_an_organisation_word_is_no_person(extract):
    # the model may take a name in another language of the region for a person's
    event = only(extract("Militants of the banned outfit Torvan Sangathan shot dead a shopkeeper in "
                         "Ranchi on Monday.", "2015-03-03"))
    assert pairs(event, "actor1") == [("Torvan Sangathan", "Political militia")]
    assert categories(event, "actor2") == ["Civilians"]


def test_a_rival_candidate_is_a_candidate(extract):
    event = only(extract("Supporters of the Torvan Janata Dal attacked a rival candidate with sticks in "
                         "Patna on Monday.", "2015-03-03"))
    assert "Identity militia" not in categories(event, "actor2") + categories(event, "victim")


def test_sides_of_a_clash_told_together_are_its_two_sides(extract):
    event = only(extract("Rebels and soldiers clashed near Lashio on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == ["Rebel group"]
    assert categories(event, "actor2") == ["State forces"]
    # the modifiers of one noun joined by "and": a named group and the troops of a country
    event = only(extract("The Torvan Liberation Army and Myanmar troops clashed near Muse on Monday.",
                         "2015-03-03"))
    assert pairs(event, "actor1") == [("Torvan Liberation Army", "Rebel group")]
    assert pairs(event, "actor2") == [("Military Forces of Myanmar", "State forces")]


def test_a_clash_between_two_unnamed_groups_has_communal_militias_on_both_sides(extract):
    event = only(extract("A farmer died and three others were wounded in a clash over a land dispute "
                         "between two rival groups near Rajshahi on Monday.", "2015-03-03"))
    assert categories(event, "actor1") == categories(event, "actor2") == ["Identity militia"]
    # a named second side stays itself
    event = only(extract("Tribesmen attacked a police post in Khyber Agency on Monday.", "2015-03-03"))
    assert categories(event, "actor2") == ["State forces"]


def test_who_is_accused_of_an_attack_did_it_not_the_accuser(extract):
    event = only(extract("The Torvan Rights Group accused the Myanmar army of shelling a village near "
                         "Hpakant on Monday.", "2015-03-03"))
    assert pairs(event, "actor1") == [("Military Forces of Myanmar", "State forces")]
