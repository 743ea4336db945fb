"""Views show by default only what the text says happened; --modality all shows the rest."""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from graphbuild.analysis import analyze
from graphbuild.articles import Article
from graphbuild.cli import cli
from graphbuild.export import EventFilter, events_table, to_geojson, to_networkx
from graphbuild.pipeline import ingest
from graphbuild.report import write_report
from graphbuild.store import Store

TEXT = ("Militants attacked an army checkpoint in Kandahar on Monday, killing two soldiers. "
        "The army will launch an offensive against the Taliban in Helmand next month. "
        "Government forces did not shell the village of Arghandab, officials said.")


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("modality") / "store"
    with Store(path) as store:
        report = ingest([Article(text=TEXT, id="modal", published=dt.date(2020, 5, 5))], store, pipeline=pipeline)
        assert report.failed == 0
        modalities = sorted(r["modality"] for r in events_table(store, EventFilter(modality="all")))
    assert "asserted" in modalities and {"future", "negated"} & set(modalities), modalities
    return path


def test_default_views_show_what_happened(store):
    with Store(store, read_only=True) as s:
        shown = events_table(s)
        everything = events_table(s, EventFilter(modality="all"))
        future = events_table(s, EventFilter(modality=("future",)))
        assert {r["modality"] for r in shown} <= {"asserted", "reported", "claimed"}
        assert len(everything) > len(shown) >= 1
        assert all(r["modality"] == "future" for r in future)
        assert len(to_geojson(s)["features"]) == len([r for r in shown if r["latitude"] != ""])
        events_view = to_networkx(s, "events")
        assert sum(1 for _, a in events_view.nodes(data=True) if a.get("kind") == "event") == len(shown)
        assert sum(1 for _, a in to_networkx(s, "events", modality="all").nodes(data=True)
                   if a.get("kind") == "event") == len(everything)
        assert sum(r["events"] for r in analyze(s)["hotspots"]) <= len(shown)


def test_cli_and_report_take_modality(store, tmp_path):
    runner = CliRunner()
    default = runner.invoke(cli, ["export", "--format", "events-csv", "--store", str(store)])
    everything = runner.invoke(cli, ["export", "--format", "events-csv", "--store", str(store), "--modality", "all"])
    assert default.exit_code == 0 and everything.exit_code == 0, everything.output
    assert len(everything.output.splitlines()) > len(default.output.splitlines())
    assert ",future," not in default.output and ",negated," not in default.output
    bad = runner.invoke(cli, ["export", "--format", "events-csv", "--store", str(store), "--modality", "maybe"])
    assert bad.exit_code == 2 and "maybe" in bad.output
    analysed = runner.invoke(cli, ["analyze", "--store", str(store), "--format", "json", "--table", "hotspots",
                                   "--modality", "all"])
    assert analysed.exit_code == 0 and json.loads(analysed.output)["hotspots"]
    with Store(store, read_only=True) as s:
        summary = write_report(s, tmp_path / "all.html", where=EventFilter(modality="all"))
        page = (tmp_path / "all.html").read_text(encoding="utf-8")
        assert "modality all" in page
        assert summary["events"] == len(events_table(s, EventFilter(modality="all")))
