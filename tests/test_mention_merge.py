"""Merging an article's mentions of one event keeps every mention's participants and their words."""
import pytest

from graphbuild.extract.merge import combine
from graphbuild.model import Actor, Event, Participant, TextSpan

REBELS = Actor("rebel-front", "Rebel Front", "Rebel group")
VILLAGERS = Actor("civilians-ruritania", "Civilians (Ruritania)", "Civilians", named=False)
MAYOR = Actor("ivan-petrov", "Ivan Petrov", "Person")
GUNMEN = Actor("unidentified-armed-group-ruritania", "Unidentified Armed Group (Ruritania)",
               "Political militia", named=False)


def event(start, text, *participants):
    sentence = TextSpan(start, start + len(text), text)
    return Event(event_type="attack", trigger=TextSpan(start, start + 6, text[:6]), sentences=[sentence],
                 participants=list(participants))


def words(start, text):
    return TextSpan(start, start + len(text), text)


def test_each_mention_keeps_its_own_words_for_a_side_already_named():
    host = event(0, "The fighters raided the market.", Participant("actor1", REBELS, words(4, "fighters")))
    later = event(40, "The Rebel Front also raided a school.", Participant("actor1", REBELS, words(44, "Rebel Front")))
    combine(host, later)
    assert [(p.actor.key, p.span.text) for p in host.participants] == [
        ("rebel-front", "fighters"), ("rebel-front", "Rebel Front")]
    assert host.actors("actor1") == [REBELS]  # one side, told twice


def test_the_same_words_for_an_actor_are_kept_once_and_an_implied_actor_gives_no_words():
    host = event(0, "Rebels raided it.", Participant("actor1", REBELS, words(0, "Rebels")))
    combine(host, event(30, "Rebels shot him.", Participant("actor1", REBELS, words(30, "Rebels"))))
    combine(host, event(60, "It was looted.", Participant("actor1", REBELS, None)))
    assert len(host.participants) == 1


def test_named_victims_are_all_kept_but_a_described_crowd_keeps_its_first_words():
    host = event(0, "People were shot, among them Ivan Petrov.", Participant("victim", VILLAGERS, words(0, "People")),
                 Participant("victim", MAYOR, words(29, "Ivan Petrov")))
    later = event(50, "Women and Petrov died.", Participant("victim", VILLAGERS, words(50, "Women")),
                  Participant("victim", MAYOR, words(60, "Petrov")))
    combine(host, later)
    assert [p.span.text for p in host.participants] == ["People", "Ivan Petrov", "Petrov"]


def test_words_the_event_already_gives_one_role_are_not_given_another():
    host = event(0, "Rebels attacked.", Participant("actor1", REBELS, words(0, "Rebels")))
    combine(host, event(0, "Rebels attacked.", Participant("victim", REBELS, words(0, "Rebels"))))
    assert [p.role for p in host.participants] == ["actor1"]


def test_the_words_for_unidentified_attackers_become_evidence_of_the_one_named_later():
    host = event(0, "Gunmen stormed the bank.", Participant("actor1", GUNMEN, words(0, "Gunmen")),
                 Participant("victim", MAYOR, words(30, "Ivan Petrov")))
    later = event(60, "Police blamed the Rebel Front.", Participant("actor1", REBELS, words(78, "Rebel Front")))
    combine(host, later)
    assert [(p.role, p.actor.key, p.span.text) for p in host.participants] == [
        ("victim", "ivan-petrov", "Ivan Petrov"), ("actor1", "rebel-front", "Gunmen"),
        ("actor1", "rebel-front", "Rebel Front")]
    assert not any(p.actor is GUNMEN for p in host.participants)


@pytest.mark.parametrize("text, first", [
    ("Rebel fighters blew up two power pylons near Oskam on Monday. The attack was carried out by the Rebel "
     "Front, the army said.", "Rebel fighters"),
    ("Gunmen shot dead a judge in Oskam on Monday. Police blamed the Rebel Front for the killing.", "Gunmen")])
def test_a_later_sentence_naming_the_attackers_adds_its_words_end_to_end(extract, text, first):
    events = extract(text)
    assert len(events) == 1
    attackers = [p for p in events[0].participants if p.role == "actor1"]
    assert [p.span.text for p in attackers] == [first, "the Rebel Front"]
    assert {p.actor.key for p in attackers} == {"the-rebel-front"}


@pytest.mark.parametrize("text", [
    "Officials feared that rebels might attack the market in Oskam. On Monday rebels attacked a police post, "
    "killing two officers.",
    "If the rebels attack the town, the army could shell it. Rebels attacked a police post in Oskam on Monday."])
def test_an_attack_told_as_done_does_not_join_one_only_supposed(extract, text):
    events = extract(text)
    assert sorted(e.modality for e in events) == ["asserted", "hypothetical"]
    done = next(e for e in events if e.modality == "asserted")
    assert done.trigger.text == "attacked" and "police" in {p.span.text for p in done.participants if p.span}


def test_a_generic_mention_and_an_occurrence_are_not_one_event():
    from graphbuild.extract.merge import compatible

    generic = event(0, "They kept silent over attacks on judges.")
    generic.modality = "generic"
    specific = event(45, "The attack on the judge killed him.")
    specific.anaphoric = True  # even "the attack" told after a kind of attack is not of that kind
    assert not compatible(generic, specific, {"attack"})
    specific.modality = "generic"
    assert compatible(generic, specific, {"attack"})


@pytest.mark.parametrize("text, alleged", [
    ("A bomb exploded in a market in Kano on Monday, killing four people. Police blamed Boko Haram for the attack.",
     True),
    ("Gunmen attacked a police station in Mubi on Tuesday, killing two officers. Boko Haram claimed "
     "responsibility for the attack.", False)])
def test_who_is_blamed_or_claims_it_does_not_make_the_attack_claimed(extract, text, alleged):
    # the second sentence names the attacker; the attack itself is what the first sentence asserts
    event = only_event(extract(text, "2020-05-13"))
    assert len(event.sentences) == 2
    assert event.modality == "asserted"
    attacker = next(p for p in event.participants if p.role == "actor1")
    assert attacker.actor.label == "Boko Haram (JAS)" and attacker.alleged == alleged


@pytest.mark.parametrize("text", [
    # denied first, then told by witnesses
    "The army denied that its soldiers had raided the village of Kumbo. Witnesses said the raid took place "
    "on Thursday and that soldiers burned ten houses.",
    # claimed first, then told as a report
    "Boko Haram claimed responsibility for the bombing of a market in Kano. The blast killed four people "
    "on Monday, police said."])
def test_an_event_takes_its_most_factual_mention(extract, text):
    events = extract(text, "2020-05-13")
    told = [e for e in events if len(e.sentences) == 2]
    assert len(told) == 1 and told[0].modality == "reported", [(e.event_type, e.modality) for e in events]


def test_a_threat_then_the_attack_is_an_asserted_attack():
    threat = event(0, "Rebels threatened to attack Oskam.")
    threat.modality = "hypothetical"
    done = event(40, "The attack came on Sunday.")
    done.anaphoric = True
    combine(threat, done)
    assert threat.modality == "asserted"
    blame = event(70, "Police blamed the Rebel Front for the attack.",
                  Participant("actor1", REBELS, TextSpan(84, 99, "the Rebel Front")))
    blame.modality, blame.attributive, blame.attribution = "claimed", True, TextSpan(70, 76, "Police")
    combine(threat, blame)
    assert threat.modality == "asserted" and threat.attribution is None
    assert threat.actors("actor1") == [REBELS]


def only_event(events):
    assert len(events) == 1, [(e.event_type, e.trigger.text) for e in events]
    return events[0]


@pytest.mark.parametrize("text", [
    "Militants threatened to attack the town of Gao. Two people died on Sunday.",
    "Human rights groups condemned attacks on journalists. Two reporters were killed in Juba on Monday."])
def test_deaths_told_as_done_are_no_toll_of_an_attack_only_threatened_or_of_a_kind(extract, text):
    events = extract(text, "2020-05-13")
    deaths = [e for e in events if e.modality == "asserted"]
    assert len(deaths) == 1 and len(deaths[0].sentences) == 1, [(e.event_type, e.modality) for e in events]
    assert deaths[0].sentences[0].text.startswith("Two")
