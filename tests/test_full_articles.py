"""Full news articles (written for these tests: title, dateline, paragraphs, quotations,
background, captions, boilerplate) read as an analyst would: the events the default views
show are the ones a reader lists, with their dates and places."""
import json
from pathlib import Path

import pytest

from graphbuild.export import DEFAULT_MODALITIES

ARTICLES = Path(__file__).parent / "data" / "full_articles.jsonl"


@pytest.fixture(scope="module")
def articles(pipeline):
    import datetime as dt

    from graphbuild.articles import Article

    out = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["published"] = dt.date.fromisoformat(record["published"])
        events = pipeline.extract(Article(**record)).events
        out[record["id"]] = [e for e in events if e.modality in DEFAULT_MODALITIES]
    return out


def table(events):
    return [(e.event_type, e.time.time.earliest.isoformat(), e.place.name if e.place else None,
             e.place.precision if e.place else None) for e in events]


def test_a_raid_a_repelled_attack_and_a_kidnapping_of_history(articles):
    events = articles["fixture-borno-raid"]
    assert table(events) == [
        ("attack", "2021-03-13", "Konduga", "exact"),  # Saturday, not the dateline's March 15
        ("armed-clash", "2021-03-14", "Gwoza", "near"),
        ("abduction-forced-disappearance", "2014-01-01", "Nigeria", "country"),  # history keeps its year
    ]
    raid = events[0]
    assert raid.fatalities.value == 12
    # the headline and the next paragraph ("The attackers ... shot people") tell the same raid
    assert len(raid.sentences) >= 3
    # "since 2009" is a state; "will attack again" and "would not negotiate" did not happen
    assert all(e.time.time.earliest.year != 2009 for e in events)


def test_an_ambush_its_denial_and_a_march(articles):
    events = articles["fixture-cauca-ambush"]
    assert table(events) == [
        ("armed-clash", "2022-06-07", "Argelia", "near"),
        ("agreement", "2016-01-01", "Colombia", "country"),
        ("peaceful-protest", "2022-06-08", "Argelia", "exact"),
    ]
    ambush = events[0]
    assert ambush.fatalities.value == 2 and ambush.modality == "reported"
    # the ELN's denial is no actor of the ambush, and "fought ever since" no clash of 2016
    assert "ELN: National Liberation Army" not in {p.actor.label for p in ambush.participants}
    # the group the army blamed is who the text says the guerrillas were
    assert [p.actor.label for p in ambush.participants if p.role == "actor1"] == [
        "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction"]


def test_a_clash_that_displaced_families_and_a_bombing(articles):
    events = articles["fixture-menaka-camp"]
    assert [e.event_type for e in events] == ["armed-clash", "remote-explosive-landmine-ied"]
    clash, bomb = events
    assert clash.time.time.day.isoformat() == "2023-02-17" and clash.fatalities.value == 20
    assert clash.place.place.name == "Ménaka" and clash.place.precision == "near"
    # the dateline "BAMAKO, Mali (AP)" names where the story was filed, not an actor
    assert not any("BAMAKO" in p.span.text for e in events for p in e.participants if p.span)
    assert bomb.fatalities.value == 4 and bomb.time.time.day.isoformat() == "2023-02-18"


def test_an_ambush_its_claim_and_history_told_as_background(articles):
    events = articles["fixture-sulu-ambush"]
    # the headline, the report and the claim are one ambush; the leader killed in 2020 and
    # Marawi in 2017 keep their years; "commonplace" kidnappings and "since the 1990s" are no
    # events; the threats in the quotation did not happen; the caption and "Read more" are not news;
    # "its leader was killed by troops": the group's leader, no civilian, so a clash with the group
    assert [(e.event_type, e.time.time.earliest.isoformat()) for e in events] == [
        ("armed-clash", "2023-03-05"), ("armed-clash", "2020-01-01"),
        ("looting-property-destruction", "2017-01-01"), ("government-regains-territory", "2017-01-01")]
    ambush = events[0]
    assert (ambush.place.name, ambush.place.precision) == ("Patikul", "near")
    assert ambush.fatalities.value == 4
    assert [a.label for a in ambush.actors("actor1")] == ["ASG: Abu Sayyaf Group"]
    claim = next(s for s in ambush.sentences if "claimed responsibility" in s.text)
    headline = next(s for s in ambush.sentences if s.text.startswith("Gunmen kill four"))
    assert claim and headline
