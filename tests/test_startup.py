"""Read commands start fast: no spaCy or networkx imported for them, no write-ahead log to replay."""
import os
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest

import graphbuild
from graphbuild.store import Store

from .conftest import ROOT


def test_reading_commands_import_neither_spacy_nor_networkx():
    code = ("import sys; from graphbuild.cli import cli; from graphbuild import sparql, remote, serve; "
            "print(sorted(m for m in ('spacy', 'networkx', 'thinc') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "[]"


def test_the_package_s_names_load_on_first_use():
    assert graphbuild.Pipeline.__name__ == "Pipeline" and graphbuild.Store is Store
    assert {"Pipeline", "ingest", "Store", "open_store", "run_query"} <= set(dir(graphbuild))
    with pytest.raises(AttributeError, match="no attribute 'Nonsense'"):
        graphbuild.Nonsense  # noqa: B018


def test_a_closed_store_opens_without_replaying_its_log(tmp_path):
    store = Store(tmp_path / "store")
    graph = ox.NamedNode("urn:g")
    store._store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"value {i} " * 8), graph)
                        for i in range(60_000))
    store.close()  # flushes: without it, the read-only open below replays 60,000 writes (seconds)
    start = time.perf_counter()
    with Store(tmp_path / "store", read_only=True) as reader:
        assert reader.query("ASK { ?s <urn:p> ?o }")
    assert time.perf_counter() - start < 1.0
