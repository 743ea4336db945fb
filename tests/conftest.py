"""Shared fixtures: the real English pipeline, loaded once, and a store of the examples."""
import os
import tempfile
from pathlib import Path

import pytest

from graphbuild.pipeline import Pipeline, ingest
from graphbuild.store import Store

# Imported actor lexicons live in $GRAPHBUILD_DATA: tests start from none. The directory is
# removed when the test run ends.
_DATA = tempfile.TemporaryDirectory(prefix="graphbuild-data-")
os.environ["GRAPHBUILD_DATA"] = _DATA.name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles.jsonl"


@pytest.fixture(scope="session")
def pipeline():
    """The default spaCy model with graphbuild's components and lexicons."""
    return Pipeline()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory, pipeline):
    """An on-disk store holding the bundled example articles."""
    store = Store(tmp_path_factory.mktemp("examples") / "store")
    report = ingest([EXAMPLES], store, pipeline=pipeline)
    assert report.failed == 0, report.errors
    return store


@pytest.fixture
def extract(pipeline):
    """Extract events from one text published on a given date."""
    import datetime as dt

    from graphbuild.articles import Article

    def run(text, published="2020-05-03", **metadata):
        date = dt.date.fromisoformat(published) if published else None
        return pipeline.extract(Article(text=text, id="t", published=date, **metadata)).events

    return run


@pytest.fixture(scope="session")
def cli_store(tmp_path_factory):
    """A store folder of the examples ingested through the command line (for CLI tests)."""
    from click.testing import CliRunner

    from graphbuild.cli import cli

    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path
