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


def test_provenance_sort_keys_give_the_plain_order(store):
    """provenance.rq sorts by its event and article behind a constant prefix (cheaper in
    Oxigraph): the rows come in exactly the order of ORDER BY ?event ?begin ?article ?role,
    here over every event of the examples, not only the armed clash."""
    from graphbuild.sparql import run_query
    from graphbuild.store import Store

    path, _ = store
    text = (ROOT / "examples" / "queries" / "provenance.rq").read_text(encoding="utf-8")
    text = text.replace("sem:eventType et:armed-clash ;", "")
    head, order = text.rsplit("ORDER BY", 1)
    assert "CONCAT" in order
    with Store(path, read_only=True) as db:
        ours = run_query(db, text).rows
        plain = run_query(db, head + "ORDER BY ?event ?begin ?article ?role").rows
    assert len({row[0] for row in plain}) > 3 and len(plain) > 30
    assert ours == plain


def test_provenance_article_of_the_report_is_that_of_each_phrase(store):
    """provenance.rq takes the article from the report (once per report), not from each
    phrase's nif:referenceContext (twice per claim): the same rows in the same order, here
    over every event of the examples."""
    from graphbuild.sparql import run_query
    from graphbuild.store import Store

    path, _ = store
    text = (ROOT / "examples" / "queries" / "provenance.rq").read_text(encoding="utf-8")
    text = text.replace("sem:eventType et:armed-clash ;", "")
    by_report = "    ?report prov:wasDerivedFrom ?art .\n    ?art gb:articleId ?article .\n"
    phrase = "nif:endIndex ?end ."
    assert by_report in text and phrase in text
    by_phrase = text.replace(by_report, "").replace(
        phrase, "nif:endIndex ?end ; nif:referenceContext ?art .\n    ?art gb:articleId ?article .")
    with Store(path, read_only=True) as db:
        ours = run_query(db, text).rows
        theirs = run_query(db, by_phrase).rows
    assert len({row[0] for row in ours}) > 3 and len(ours) > 30
    assert ours == theirs
