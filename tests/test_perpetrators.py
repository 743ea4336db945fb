"""Who did it, in full articles: a group's name beside its members' word, the armed groups
of older wars in lower-case wire copy, and who a later sentence holds responsible."""
import pytest


def only(events):
    assert len(events) == 1, events
    return events[0]


def actor1_words(event):
    return [p.span.text for p in event.participants if p.role == "actor1" and p.span is not None]


def actor1_labels(event):
    return {p.actor.label for p in event.participants if p.role == "actor1"}


@pytest.mark.parametrize("text, name", [
    # the members' word stands for the group, and the group's own name tells who it is too
    ("Rebels of the Qarth Liberation Front killed two farmers near Ayacucho on Monday.",
     "the Qarth Liberation Front"),
    ("a mayor was kidnapped near cali on monday by armed guerrillas of the army of national liberation.",
     "army of national liberation"),
    ("eln guerrillas shot dead two farmers near cucuta on monday.", "eln"),
])
def test_a_groups_name_beside_its_members_word_is_evidence_of_the_attacker(extract, text, name):
    event = only(extract(text, "2020-05-05"))
    words = actor1_words(event)
    assert name in words and len(words) == 2, words
    assert len(actor1_labels(event)) == 1


def test_a_group_of_no_name_gets_no_second_evidence(extract):
    event = only(extract("Gunmen killed two farmers near Jos on Monday.", "2020-05-05"))
    assert actor1_words(event) == ["Gunmen"]


@pytest.mark.parametrize("text, label", [
    ("a judge was shot dead in medellin on monday. police blamed the medellin cartel for the murder.",
     "Medellin Cartel"),
    ("three peasants were killed on sunday in a shining path attack on a village near ayacucho.",
     "Shining Path"),
    ("fmln urban commandos bombed a power station in san salvador on monday.",
     "FMLN: Farabundo Marti National Liberation Front"),
])
def test_armed_groups_of_older_wars_are_known_in_lower_case_copy(extract, text, label):
    event = only(extract(text, "1990-05-05"))
    assert label in actor1_labels(event)


def test_who_a_sentence_holds_responsible_is_the_attacker(extract):
    event = only(extract("Nine farmers were massacred near Ayacucho on Monday. The survivors hold the "
                         "army responsible for the massacre.", "2020-05-05"))
    assert actor1_words(event) == ["army"]


def test_each_of_a_list_involved_in_a_killing_may_name_the_perpetrator(extract):
    # the first of the list is a rank that names no side; the soldiers after it do
    event = only(extract("Six priests were murdered near Lima on Monday. The minister said a major, "
                         "three lieutenants and four soldiers were involved in the massacre.", "2020-05-05"))
    assert actor1_words(event) == ["soldiers"]


def test_whom_a_killing_is_blamed_on_is_the_attacker_not_the_target(extract):
    event = only(extract("Two teachers were shot dead in Qarth on Monday. The minister has blamed the "
                         "murder on narcoterrorists.", "2020-05-05"))
    assert actor1_words(event) == ["narcoterrorists"]
    assert not [p for p in event.participants if p.role in ("victim", "actor2") and p.span is not None
                and p.span.text == "narcoterrorists"]


def test_a_blamed_groups_name_beside_its_members_word_is_evidence_too(extract):
    event = only(extract("A bomb exploded at a bus station near Qarth on Monday. Police blamed guerrillas of the "
                         "Qarth Liberation Front for the attack.", "2020-05-05"))
    assert actor1_words(event) == ["guerrillas", "the Qarth Liberation Front"]


@pytest.mark.parametrize("text, word, category", [
    ("a group of subversives attacked a former minister in lima on monday.", "subversives", "Rebel group"),
    ("leftist urban commandos shot dead a judge in qarth on monday.", "urban commandos",
     "Rebel group"),
])
def test_words_for_insurgents_of_wire_copy_are_armed_groups(extract, text, word, category):
    event = only(extract(text, "1990-05-05"))
    actor1 = [p for p in event.participants if p.role == "actor1"]
    assert [p.span.text for p in actor1] == [word] and actor1[0].actor.category == category


@pytest.mark.parametrize("text, unit", [
    ("On Monday the Qarth Liberation Front's northern brigade bombed a bridge near Ayacucho.",
     "the Qarth Liberation Front's northern brigade"),
    ("A column of the ELN attacked a police post near Cucuta on Monday.", "A column"),
])
def test_a_named_groups_unit_is_evidence_of_the_attacker_beside_its_name(extract, text, unit):
    event = extract(text, "2020-05-05")[0]
    assert unit in actor1_words(event)
    assert len(actor1_labels(event)) == 1


def test_members_of_a_group_are_no_unit(extract):
    event = only(extract("Members of the ELN shot dead two farmers near Cucuta on Monday.", "2020-05-05"))
    assert actor1_words(event) == ["ELN"]


@pytest.mark.parametrize("second", [
    "The Qarth Liberation Front said it carried out the attack.",
    "The Qarth Liberation Front said in a statement that it had planted the bomb.",
])
def test_a_group_that_says_it_did_the_attack_is_the_attacker(extract, second):
    event = only(extract("A bomb exploded at a bank in Ayacucho on Monday. " + second, "2020-05-05"))
    assert actor1_labels(event) == {"Qarth Liberation Front"}


@pytest.mark.parametrize("text", [
    # "it" is a thing here, or a person's words about one: no actor
    "A bomb was found at a bank in Ayacucho on Monday. It exploded an hour later, killing two guards.",
    "Two guards were shot dead at a bank in Ayacucho on Monday. The mayor said it was a cowardly attack.",
])
def test_it_that_is_no_group_names_no_attacker(extract, text):
    events = extract(text, "2020-05-05")
    assert all(p.span is None for e in events for p in e.participants if p.role == "actor1")


def test_who_perpetrated_a_killing_is_its_attacker_wherever_the_parse_hangs_the_verb(extract):
    # the parse hangs "perpetrated" on the priests; the priests were killed, the army did it
    event = only(extract("The envoy compared it to the assassination of six priests perpetrated in Qarth "
                         "in November by the army.", "2020-05-05"))
    assert actor1_words(event) == ["army"]
    assert [p.span.text for p in event.participants if p.role == "victim"] == ["priests"]


def test_a_list_hung_on_its_first_name_still_names_who_was_implicated(extract):
    event = only(extract("The president said that Colonel Pedro Qarth, director of the academy, two "
                         "lieutenants and two soldiers of the army are implicated in the assassination "
                         "of the priests.", "2020-05-05"))
    assert {p.actor.category for p in event.participants if p.role == "actor1"} == {"State forces"}


@pytest.mark.parametrize("second, word", [
    ("Three soldiers were convicted of the massacre on Monday.", "soldiers"),
    ("A court sentenced two officers of the army to 30 years in prison for the murders.", "officers"),
])
def test_who_a_court_convicts_of_a_killing_is_its_perpetrator(extract, second, word):
    event = only(extract("Six priests were murdered near Qarth in November. " + second, "2020-05-05"))
    assert actor1_words(event) == [word]


def test_a_conviction_for_another_crime_names_no_perpetrator(extract):
    event = only(extract("Six priests were murdered near Qarth in November. Two soldiers were convicted "
                         "of fraud on Monday.", "2020-05-05"))
    assert actor1_words(event) == []


@pytest.mark.parametrize("second, word", [
    ("The bishop denounced the army's role in the killings.", "army"),
    ("Ten soldiers were detained on Monday over their alleged involvement in the assassination.",
     "soldiers"),
])
def test_whose_involvement_in_a_killing_the_text_tells_is_its_perpetrator(extract, second, word):
    events = extract("Six priests were murdered near Qarth in November. " + second, "2020-05-05")
    killing = only([e for e in events if e.event_type == "attack"])
    assert actor1_words(killing) == [word]


def test_a_role_in_something_peaceful_names_no_perpetrator(extract):
    event = only(extract("Six priests were murdered near Qarth in November. The mayor praised the army's "
                         "role in the peace talks.", "2020-05-05"))
    assert actor1_words(event) == []
