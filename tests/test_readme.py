"""The README shows real output: the quick start's and the example queries' output blocks are
what the commands print now (update the README when extraction changes)."""
import os

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("readme") / "graphbuild.db"
    here = os.getcwd()
    os.chdir(ROOT)  # as the quick start runs it, so that the paths it prints are the README's
    try:
        result = CliRunner().invoke(cli, ["ingest", "examples/", "--store", str(path)])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return path, result.output


def test_quick_start_output_is_real(store):
    path, ingest_output = store
    events = CliRunner().invoke(cli, ["query", "-f", str(ROOT / "examples" / "queries" / "events.rq"),
                                      "--store", str(path)])
    assert ingest_output + events.output.rstrip("\n") in README


@pytest.mark.parametrize("name", ["who_fought_whom", "date_range", "fatalities_by_place", "provenance",
                                  "within_50km", "relations"])
def test_query_outputs_are_real(store, name):
    path, _ = store
    result = CliRunner().invoke(cli, ["query", "-f", str(ROOT / "examples" / "queries" / f"{name}.rq"),
                                      "--store", str(path)])
    assert result.exit_code == 0 and result.output.rstrip("\n") in README
