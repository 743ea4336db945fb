"""Document-level role fillers: `graphbuild evaluate --format muc4|wikievents`, on small gold files."""
import json

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.evaluate import ROLE_SCOPES, evaluate_roles, read_muc4, read_wikievents
from graphbuild.evaluate.roles import normalise, phrase_matches, scope_types, score_article

CLASH = ("Islamic State militants attacked an army checkpoint in Mosul on Monday, killing two soldiers, "
         "the Iraqi military said.")
QUIET = "The finance minister presented the budget to parliament on Tuesday."


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def muc_file(tmp_path):
    # MUC-4's form: each role a list of entities, each a list of [mention, offset]
    return write_jsonl(tmp_path / "muc.jsonl", [
        {"id": "clash", "text": CLASH.lower(),
         "roles": {"PerpInd": [[["islamic state militants", 0]]], "PerpOrg": [],
                   "Target": [[["army checkpoint", 34]]], "Victim": [[["two soldiers", 82], ["soldiers", 86]]],
                   "Weapon": []}},
        {"id": "quiet", "text": QUIET.lower(),
         "roles": {"PerpInd": [], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []}},
    ])


@pytest.fixture
def wiki_file(tmp_path):
    return write_jsonl(tmp_path / "wiki.jsonl", [
        {"id": "clash", "text": CLASH, "date": "2020-05-05", "events": [
            {"type": "Conflict.Attack.Unspecified", "trigger": "attacked",
             "args": [{"role": "Attacker", "text": "militants"}, {"role": "Target", "text": "checkpoint"},
                      {"role": "Place", "text": "Mosul"}]},
            {"type": "Life.Die.Unspecified", "trigger": "killing",
             "args": [{"role": "Victim", "text": "soldiers"}, {"role": "Killer", "text": "militants"}]},
            {"type": "Contact.Contact.Broadcast", "trigger": "said",
             "args": [{"role": "Communicator", "text": "Iraqi military"}]},
        ]},
    ])


def test_normalising_drops_leading_articles_and_numbers():
    assert normalise("The 3 soldiers") == "soldiers"
    assert normalise("two Syrian soldiers") == "syrian soldiers"
    assert normalise("an army checkpoint.") == "army checkpoint"
    assert normalise("the") == "the"


def test_phrases_match_by_equal_text_or_head_word():
    assert phrase_matches("the militants", ["Militants"])
    assert phrase_matches("Islamic State militants", ["IS militants", "they"])
    assert phrase_matches("army checkpoint", ["checkpoint"])
    assert not phrase_matches("Islamic State", ["Islamic State militants"])
    assert not phrase_matches("soldiers", ["police"])


def test_score_article_counts_gold_entities_and_distinct_phrases():
    gold = {"perpetrator": [["militants", "gunmen"]], "victim/target": [["soldiers"], ["checkpoint"]]}
    predicted = {"perpetrator": {"the gunmen", "Islamic State"}, "victim/target": {"two soldiers"}}
    scores = score_article(gold, predicted)
    assert scores["perpetrator"] == {"gold_matched": 1, "gold": 1, "predicted_matched": 1, "predicted": 2,
                                     "missed": [], "spurious": ["Islamic State"]}
    assert scores["victim/target"]["missed"] == ["checkpoint"]
    assert scores["place"]["gold"] == scores["place"]["predicted"] == 0


def test_readers_map_roles_and_event_types(muc_file, wiki_file):
    muc = read_muc4(muc_file)
    assert [d.id for d in muc] == ["clash", "quiet"]
    assert muc[0].gold == {"perpetrator": [["islamic state militants"]],
                           "victim/target": [["army checkpoint"], ["two soldiers", "soldiers"]]}
    wiki = read_wikievents(wiki_file)[0]
    assert wiki.published.isoformat() == "2020-05-05"
    # one entity per distinct argument text; the broadcast's communicator is no role of an attack
    assert wiki.gold == {"perpetrator": [["militants"]], "victim/target": [["checkpoint"], ["soldiers"]],
                         "place": [["Mosul"]]}


def test_bad_gold_lines_are_named(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "roles": {}}\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2: a gold row needs 'roles'"):
        read_muc4(bad)
    bad.write_text('{"id": "a", "text": "x", "roles": {"Victim": [5]}}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1: role 'Victim' is not a list of entities"):
        read_muc4(bad)


def test_roles_are_scored_on_the_stores_evidence(pipeline, wiki_file, muc_file):
    result = evaluate_roles(read_wikievents(wiki_file), pipeline)
    assert result.articles == 1 and result.failed == 0
    assert result.recall("place") == 1.0 and result.precision("place") == 1.0  # "Mosul"
    assert result.matched_gold["perpetrator"] == 1  # "Islamic State militants"
    assert result.matched_gold["victim/target"] >= 1  # "two soldiers"
    # lower-case MUC-4 text: case is restored before the model, so the group is still found
    muc = evaluate_roles(read_muc4(muc_file), pipeline)
    assert muc.matched_gold["perpetrator"] == 1
    assert muc.scored_roles() == ["perpetrator", "victim/target"]
    assert muc.matched_gold["victim/target"] >= 1  # "two soldiers"
    assert muc.gold["perpetrator"] == 1 and muc.gold["victim/target"] == 2  # the quiet article has none


def test_cli_prints_scores_and_writes_every_miss(wiki_file, tmp_path):
    report = tmp_path / "misses.json"
    result = CliRunner().invoke(cli, ["evaluate", "--format", "wikievents", str(wiki_file), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "perpetrator" in result.output and "F1" in result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["articles"] == 1 and set(data["roles"]) == {"perpetrator", "victim/target", "place"}
    for miss in data["misses"]:
        assert miss["id"] == "clash"
        assert all(set(v) == {"missed", "spurious"} for k, v in miss.items() if k != "id")


def test_cli_names_a_bad_gold_file(tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "x", "text": "y", "events": [{"args": []}]}])
    result = CliRunner().invoke(cli, ["evaluate", "--format", "wikievents", str(bad)])
    assert result.exit_code != 0
    assert "bad.jsonl:1: an event needs 'type'" in result.output


def test_acled_scoring_takes_rows_that_code_fewer_fields():
    """GTD summaries (no event type, a perpetrator, no geo precision) and the 2015 ACLED rows
    (no sub-event type) are scored on the fields they code, not refused with a KeyError."""
    from graphbuild.evaluate.acled import compare

    event = {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
             "actor1": "", "actor1_type": "", "actor2": "", "actor2_type": "", "country": "Iraq",
             "latitude": "33.34", "longitude": "44.40", "date": "2012-01-05", "date_earliest": "2012-01-05",
             "date_latest": "2012-01-05", "fatalities": "8"}
    gtd = {"text": "...", "date": "2012-01-05", "attack_type": "Bombing/Explosion", "perpetrator": "Unknown",
           "country": "Iraq", "latitude": 33.35, "longitude": 44.41, "fatalities": 8}
    verdict = compare(gtd, event)
    assert verdict["event_type"] is None and verdict["sub_event_type"] is None and verdict["actor2"] is None
    assert verdict["location"] and verdict["country"] and verdict["date"] and verdict["fatalities"]
    assert verdict["actor1"] is None  # an unknown perpetrator is not scored
    asia = {"text": "...", "date": "2012-01-05", "event_type": "Battles", "actor1": "Rebels", "inter1": "2",
            "actor2": "", "inter2": "", "country": "Iraq", "latitude": 40.0, "longitude": 44.4,
            "geo_precision": 1, "fatalities": 8}
    verdict = compare(asia, event)
    assert verdict["sub_event_type"] is None and verdict["event_type"] is False and verdict["location"] is False
    assert compare(asia, None)["actor1_type"] is False and compare(gtd, None)["actor1_type"] is None


def test_the_old_joint_riots_protests_type_takes_either_of_todays():
    from graphbuild.evaluate.acled import compare

    gold = {"text": "...", "date": "2015-04-12", "event_type": "Riots/Protests", "country": "India"}
    for predicted, ok in (("Protests", True), ("Riots", True), ("Battles", False)):
        assert compare(gold, {"event_type": predicted, "country": "India", "date": "2015-04-12",
                              "date_earliest": "", "date_latest": ""})["event_type"] is ok


def test_targets_and_weapons_are_scored(pipeline, tmp_path):
    text = "a car bomb went off outside a bank in medellin on friday, damaging several buses."
    gold = write_jsonl(tmp_path / "bomb.jsonl", [
        {"id": "bomb", "text": text,
         "roles": {"PerpInd": [], "PerpOrg": [], "Target": [[["bank", 33]], [["several buses", 67]]],
                   "Victim": [], "Weapon": [[["car bomb", 2]]]}}])
    docs = read_muc4(gold)
    assert docs[0].gold == {"victim/target": [["bank"], ["several buses"]], "weapon": [["car bomb"]]}
    result = evaluate_roles(docs, pipeline)
    assert result.scored_roles() == ["victim/target", "weapon"]
    assert result.recall("victim/target") == 1.0 and result.recall("weapon") == 1.0
    assert result.precision("weapon") == 1.0


ARREST_AND_ATTACK = ("police arrested four students at the university in lima on monday. "
                     "on tuesday night gunmen shot dead a judge outside his house in the same city.")


def test_a_scope_is_event_types_with_their_narrower_kinds():
    violence = scope_types(("violence-against-civilians",))
    assert {"violence-against-civilians", "attack", "abduction-forced-disappearance", "execution",
            "capture"} <= violence
    assert "arrests" not in violence and "armed-clash" not in violence
    for scope in ROLE_SCOPES.values():
        assert "arrests" not in scope_types(scope) and "peaceful-protest" not in scope_types(scope)
    # KAIROS attacks include combat between armed groups; MUC-4's terrorist incidents do not, but arson
    assert "armed-clash" in scope_types(ROLE_SCOPES["wikievents"])
    assert "armed-clash" not in scope_types(ROLE_SCOPES["muc4"])
    assert "looting-property-destruction" in scope_types(ROLE_SCOPES["muc4"])
    with pytest.raises(ValueError, match="not in the event taxonomy: massacre"):
        scope_types(("attack", "massacre"))


def test_only_the_roles_of_the_golds_event_types_are_scored(pipeline, tmp_path):
    """An arrest and an attack in one story: by default the arrest's police and students are not
    scored against gold that codes attacks; with no scope (--all-events) they are."""
    gold = write_jsonl(tmp_path / "two.jsonl", [
        {"id": "two", "text": ARREST_AND_ATTACK,
         "roles": {"PerpInd": [[["gunmen", 80]]], "PerpOrg": [], "Target": [], "Victim": [[["judge", 103]]],
                   "Weapon": []}}])
    docs = read_muc4(gold)
    scoped = evaluate_roles(docs, pipeline, scope=ROLE_SCOPES["muc4"])
    assert scoped.predicted["perpetrator"] == scoped.matched_predicted["perpetrator"] == 1  # the gunmen
    assert scoped.precision("victim/target") == 1.0 and scoped.recall("victim/target") == 1.0  # the judge
    assert "Violence against civilians" in scoped.scope
    every = evaluate_roles(docs, pipeline)
    assert every.scope is None
    assert every.predicted["perpetrator"] == 2 and every.matched_predicted["perpetrator"] == 1  # + the police
    assert every.predicted["victim/target"] > scoped.predicted["victim/target"]  # + the students


def test_cli_prints_the_scope_and_scores_every_event_on_request(tmp_path):
    gold = write_jsonl(tmp_path / "two.jsonl", [
        {"id": "two", "text": ARREST_AND_ATTACK,
         "roles": {"PerpInd": [[["gunmen", 80]]], "PerpOrg": [], "Target": [], "Victim": [[["judge", 103]]],
                   "Weapon": []}}])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["evaluate", "--format", "muc4", str(gold), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "roles scored of: events of types" in result.output and "Explosions/Remote violence" in result.output
    assert "Violence against civilians" in json.loads(report.read_text(encoding="utf-8"))["scope"]
    result = CliRunner().invoke(cli, ["evaluate", "--format", "muc4", str(gold), "--all-events",
                                      "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "roles scored of: every event" in result.output
    assert json.loads(report.read_text(encoding="utf-8"))["scope"] == "all events"


def test_every_mentions_words_for_the_place_are_scored(pipeline, tmp_path):
    text = "Gunmen attacked a police post in Maiduguri on Monday. The attack left two officers dead across the town."
    gold = write_jsonl(tmp_path / "town.jsonl", [
        {"id": "town", "text": text, "events": [
            {"type": "Conflict.Attack.Unspecified", "trigger": "attacked",
             "args": [{"role": "Place", "text": "Maiduguri"}]},
            {"type": "Life.Die.Unspecified", "trigger": "dead", "args": [{"role": "Place", "text": "town"}]}]}])
    result = evaluate_roles(read_wikievents(gold), pipeline)
    assert result.recall("place") == 1.0 and result.precision("place") == 1.0
