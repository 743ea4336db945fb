"""networkx views, filters, GraphML/GEXF/GeoJSON exports and `analyze`, on the real example store."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner

from graphbuild.analysis import analyze
from graphbuild.cli import cli
from graphbuild.export import (VIEWS, EventFilter, events_table, load_events, to_geojson, to_networkx,
                               write_gexf, write_graphml)

JAZAIRI = "https://w3id.org/graphbuild/actor/abu-muath-al-jazairi"
BAGHDADI = "https://w3id.org/graphbuild/actor/abu-bakr-al-baghdadi"


def _plain(value):
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


@pytest.mark.parametrize("view", VIEWS)
def test_views_have_plain_typed_attributes(example_store, view):
    graph = to_networkx(example_store, view)
    assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    for _, attrs in graph.nodes(data=True):
        assert attrs["label"] and attrs["kind"] in {"event", "actor", "place"}
        assert all(_plain(v) for v in attrs.values()), attrs
    for *_, attrs in graph.edges(data=True):
        assert all(_plain(v) for v in attrs.values()), attrs
    ids = [attrs["id"] for *_, attrs in graph.edges(data=True)]
    assert len(ids) == len(set(ids))


def test_actor_view_links_the_two_sides_of_the_hajin_clash(example_store):
    graph = to_networkx(example_store, "actors")
    assert graph.has_edge(JAZAIRI, BAGHDADI)
    edge = graph.edges[JAZAIRI, BAGHDADI]
    assert edge["relation"] == "opposed" and edge["events"] == 1 and edge["fatalities"] == 2
    assert edge["first_date"] == edge["last_date"] == "2019-01-10"
    assert edge["event_types"] == "Armed clash"
    assert graph.nodes[JAZAIRI]["events"] >= 1 and graph.nodes[JAZAIRI]["kind"] == "actor"


def test_places_view_counts_events_per_place(example_store):
    graph = to_networkx(example_store, "places")
    rows = events_table(example_store)
    located = [r for r in rows if r["location"]]
    assert sum(attrs["events"] for _, attrs in graph.nodes(data=True)) == len(located)
    hajin = [a for _, a in graph.nodes(data=True) if "Haj" in a["label"]]
    assert hajin and hajin[0]["country"] == "Syria" and hajin[0]["geo_precision"] == 2


def test_filters_apply_to_table_views_and_geojson(example_store):
    everything = events_table(example_store)
    syria = EventFilter.of(countries=["syria"])
    rows = events_table(example_store, syria)
    assert rows and len(rows) < len(everything) and all(r["country"] == "Syria" for r in rows)
    events = [n for n, a in to_networkx(example_store, "events", syria).nodes(data=True) if a["kind"] == "event"]
    assert sorted(events) == sorted(r["event_id"] for r in rows)
    features = to_geojson(example_store, syria)["features"]
    assert {f["properties"]["country"] for f in features} == {"Syria"}

    battles = events_table(example_store, EventFilter.of(event_types=["battles"]))
    assert battles and {r["event_type"] for r in battles} == {"Battles"}
    by_sub = events_table(example_store, EventFilter.of(event_types=["Armed clash"]))
    assert [r["event_id"] for r in by_sub] == [r["event_id"] for r in battles if r["sub_event_type"] == "Armed clash"]

    january = events_table(example_store, EventFilter.of(start="2019-01-01", end="2019-01-31"))
    assert january and all(r["date_earliest"] <= "2019-01-31" and r["date_latest"] >= "2019-01-01"
                           for r in january)
    assert not events_table(example_store, EventFilter.of(start="2030-01-01"))

    jazairi = events_table(example_store, EventFilter.of(actors=["jazairi"]))
    assert jazairi and all("Jazairi" in r["actor1"] + r["actor2"] for r in jazairi)
    actors = to_networkx(example_store, "actors", actors=["jazairi"])
    assert JAZAIRI in actors and all(a["events"] <= len(jazairi) for _, a in actors.nodes(data=True))


@pytest.mark.parametrize("view", VIEWS)
def test_graphml_round_trip(example_store, tmp_path, view):
    path = tmp_path / f"{view}.graphml"
    written = write_graphml(example_store, path, view)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == written.number_of_nodes()
    assert back.number_of_edges() == written.number_of_edges()
    for node, attrs in written.nodes(data=True):
        assert back.nodes[node] == attrs  # same values and the same Python types
    if not written.is_multigraph():
        for a, b, attrs in written.edges(data=True):
            assert back.edges[a, b] == attrs


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_round_trip_is_dynamic_and_coloured(example_store, tmp_path, view):
    path = tmp_path / f"{view}.gexf"
    written = write_gexf(example_store, path, view)
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    graph_el = root.find("g:graph", ns)
    assert graph_el.get("mode") == "dynamic" and graph_el.get("timeformat") == "date"
    nodes = root.findall("g:graph/g:nodes/g:node", ns)
    assert all(n.find("viz:color", ns) is not None for n in nodes)
    assert all(n.get("start") for n in nodes if n.get("end"))
    edge_ids = [e.get("id") for e in root.findall("g:graph/g:edges/g:edge", ns)]
    assert len(edge_ids) == len(set(edge_ids)) == written.number_of_edges()

    back = nx.read_gexf(path)
    assert back.number_of_nodes() == written.number_of_nodes()
    assert back.number_of_edges() == written.number_of_edges()
    for node, attrs in written.nodes(data=True):
        got = {k: v for k, v in back.nodes[node].items() if k not in ("viz", "start", "end")}
        assert got == attrs
        if attrs.get("first_date"):
            assert back.nodes[node]["start"] == attrs["first_date"]


def test_geojson_points_are_lon_lat_with_event_properties(example_store):
    collection = json.loads(json.dumps(to_geojson(example_store)))
    assert collection["type"] == "FeatureCollection"
    rows = {r["event_id"]: r for r in events_table(example_store)}
    located = [r for r in rows.values() if r["latitude"] != ""]
    assert len(collection["features"]) == len(located)
    assert collection["unlocated"] == len(rows) - len(located)
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        row = rows[feature["id"]]
        assert feature["geometry"]["type"] == "Point"
        assert abs(lon - row["longitude"]) < 1e-5 and abs(lat - row["latitude"]) < 1e-5
        props = feature["properties"]
        assert props["event_type"] and props["date_earliest"]
        assert props["fatalities"] is None or isinstance(props["fatalities"], int)
        assert props["geo_precision"] in (1, 2, 3, 4)
    hajin = [f for f in collection["features"] if f["properties"]["date"] == "2019-01-10"
             and f["properties"]["sub_event_type"] == "Armed clash"]
    lon, lat = hajin[0]["geometry"]["coordinates"]
    assert 40 < lon < 41.5 and 34 < lat < 35.5  # Hajin is at about 34.7 N, 40.8 E


def test_analyze_tables(example_store):
    tables = analyze(example_store)
    assert set(tables) == {"actors", "pairs", "weekly", "hotspots"}
    top = tables["actors"][0]
    assert top["events"] == max(r["events"] for r in tables["actors"])
    assert {"degree", "betweenness", "fatalities"} <= set(top)
    pair = [p for p in tables["pairs"] if {p["actor_a"], p["actor_b"]} ==
            {"Abu Bakr al-Baghdadi", "Abu Muath al-Jazairi"}]
    assert pair and pair[0]["events"] == 1 and pair[0]["first_date"] == "2019-01-10"
    rows = events_table(example_store)
    records = load_events(example_store)
    assert sum(w["events"] for w in tables["weekly"]) == sum(1 for r in records if r.span_days and r.span_days <= 31)
    assert tables["weekly"][0]["week"] == "2019-01-07"  # the Monday of the week of 2019-01-10
    assert sum(h["events"] for h in tables["hotspots"]) == sum(1 for r in rows if r["location"])


def test_cli_export_formats_and_filters(cli_store, tmp_path):
    runner = CliRunner()
    for fmt in ("gexf", "graphml"):
        out = tmp_path / f"a.{fmt}"
        result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", fmt, "--view", "actors",
                                     "-o", str(out)])
        assert result.exit_code == 0, result.output
        graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
        assert {a["kind"] for _, a in graph.nodes(data=True)} == {"actor"}
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "geojson", "--country", "Syria"])
    assert result.exit_code == 0, result.output
    assert {f["properties"]["country"] for f in json.loads(result.output)["features"]} == {"Syria"}
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "events-csv",
                                 "--type", "Battles", "--from", "2019-01-01", "--to", "2019-12-31"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {r["event_type"] for r in rows} == {"Battles"}
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "turtle", "--country", "Syria"])
    assert result.exit_code == 2 and "whole store" in result.output
    result = runner.invoke(cli, ["export", "--store", str(cli_store), "--format", "geojson", "--from", "last week"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_cli_analyze_formats(cli_store):
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", "--store", str(cli_store)])
    assert result.exit_code == 0, result.output
    for heading in ("ACTORS", "PAIRS", "WEEKLY", "HOTSPOTS"):
        assert heading in result.output
    assert "Abu Muath al-Jazairi" in result.output
    result = runner.invoke(cli, ["analyze", "--store", str(cli_store), "--format", "json", "--country", "Nigeria"])
    data = json.loads(result.output)
    assert data["hotspots"] and {h["country"] for h in data["hotspots"]} == {"Nigeria"}
    result = runner.invoke(cli, ["analyze", "--store", str(cli_store), "--table", "pairs", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and set(rows[0]) == {"actor_a", "actor_b", "events", "fatalities", "first_date", "last_date",
                                     "event_types"}
    result = runner.invoke(cli, ["analyze", "--store", str(cli_store), "--format", "csv"])
    assert result.exit_code == 2 and "--table" in result.output


def test_records_carry_evidence_for_every_event(example_store):
    for record in load_events(example_store):
        assert record.row["sentence"] and record.row["doc_ids"]
        assert record.label and record.kind


def test_weekly_counts_leave_out_events_known_only_to_a_year():
    from graphbuild.analysis import weekly
    from graphbuild.export import EVENT_COLUMNS, EventRecord

    def record(earliest, latest, fatalities=""):
        row = dict.fromkeys(EVENT_COLUMNS, "")
        row.update(event_id=f"e{earliest}{latest}", event_type="Battles", date_earliest=earliest,
                   date_latest=latest, date=earliest if earliest == latest else "", fatalities=fatalities)
        return EventRecord(row=row, kind="Armed clash")

    rows = weekly([record("2019-01-10", "2019-01-10", 2), record("2019-01-01", "2019-01-31"),
                   record("2012-01-01", "2012-12-31", 5), record("", "")])
    assert rows == [{"week": "2018-12-31", "event_type": "Battles", "events": 1, "fatalities": 0},
                    {"week": "2019-01-07", "event_type": "Battles", "events": 1, "fatalities": 2}]
