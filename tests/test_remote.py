"""Remote stores: every command on a real Oxigraph server gives what it gives on the embedded store.

The server is the `oxigraph` binary of the PyPI package `oxigraph` (in the `test` extra),
started on a free loopback port for this module.
"""
import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.remote import RemoteStore, open_store
from graphbuild.store import Store, StoreError

from .conftest import EXAMPLES, ROOT

OXIGRAPH = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_oxigraph(*options: str):
    """A real `oxigraph serve` process on a free loopback port; returns (process, base URL)."""
    if OXIGRAPH is None:
        pytest.fail("the oxigraph server binary is not installed: pip install '.[test]' installs it")
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}", *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("oxigraph serve did not start")


@pytest.fixture(scope="module")
def remote_examples():
    """An Oxigraph server holding the examples, ingested through the command line."""
    process, url = start_oxigraph()
    try:
        result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--store", url])
        assert result.exit_code == 0, result.output
        yield url
    finally:
        process.kill()
        process.wait()


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_reading_command_answers_alike(remote_examples, cli_store, tmp_path):
    local, remote = ["--store", cli_store], ["--store", remote_examples]
    lines = sorted(run("export", "--format", "nquads", *remote).splitlines())
    assert len(lines) > 2000
    assert lines == sorted(run("export", "--format", "nquads", *local).splitlines())
    for command in (["stats"], ["analyze", "--format", "json"], ["export", "--format", "events-csv"],
                    ["export", "--format", "graphml", "--view", "actors"], ["query", "-f", ROOT / "examples" /
                                                                          "queries" / "who_fought_whom.rq"],
                    ["query", "-f", ROOT / "examples" / "queries" / "within_50km.rq"],  # the server's GeoSPARQL
                    ["query", "ASK { ?e a sem:Event ; gb:fatalities 25 }"]):
        assert run(*command, *remote) == run(*command, *local), command
    run("report", "-o", tmp_path / "local.html", *local)
    run("report", "-o", tmp_path / "remote.html", *remote)
    assert (tmp_path / "local.html").read_text() == (tmp_path / "remote.html").read_text()


def test_ingest_and_delete_on_a_server_give_the_embedded_store_s_quads(cli_store, tmp_path):
    process, url = start_oxigraph()
    try:
        local = tmp_path / "local"
        shutil.copytree(cli_store, local)
        run("ingest", EXAMPLES, "--store", url)
        run("ingest", EXAMPLES, "--store", url)  # re-ingest replaces, as on the embedded store
        assert run("delete", "hajin-mutiny-2019", "--store", url) == run("delete", "hajin-mutiny-2019",
                                                                          "--store", local)
        remote_quads = sorted(run("export", "--format", "nquads", "--store", url).splitlines())
        assert remote_quads == sorted(run("export", "--format", "nquads", "--store", local).splitlines())
        assert not any("hajin-mutiny-2019>" in q.split()[-2] for q in remote_quads)
    finally:
        process.kill()
        process.wait()


def test_other_servers_by_query_and_update_urls(tmp_path):
    """A server reached by explicit endpoints, its default graph the union of the named graphs."""
    process, url = start_oxigraph("--union-default-graph")
    try:
        endpoints = ["--query-url", f"{url}/query", "--update-url", f"{url}/update"]
        source = tmp_path / "one.jsonl"
        source.write_text(json.dumps({"id": "one", "published": "2021-03-02", "text":
                                      "Two soldiers were killed in a clash with rebels in Goma on Monday."}) + "\n")
        assert "ingested: 1" in run("ingest", source, *endpoints)
        with open_store(None, read_only=True, query_url=f"{url}/query") as store:
            assert isinstance(store, RemoteStore) and store.article_ids() == ["one"]
            assert store.select("SELECT ?n WHERE { ?e gb:fatalities ?n }") == [{"n": 2}]
            with pytest.raises(StoreError, match="opened read-only"):
                store.delete_articles(["one"])
    finally:
        process.kill()
        process.wait()


def test_an_unreachable_server_is_named(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["stats", "--store", url])
    assert result.exit_code == 1
    assert f"cannot reach the SPARQL server at {url}/query" in result.output
    assert "Traceback" not in result.output
    with open_store(tmp_path / "s") as store:
        assert type(store) is Store


def test_a_server_that_stops_mid_ingest_is_named_and_what_was_kept_is_said(tmp_path):
    import threading

    process, url = start_oxigraph()
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "published": "2021-03-02", "text":
                                          f"Rebels attacked the village of Kiwanja on Monday, killing {n + 2} people."})
                              + "\n" for n in range(60)))

    def stop_after_the_first_article():
        while process.poll() is None:
            try:
                if RemoteStore(url, read_only=True).article_ids():
                    process.kill()
            except StoreError:
                pass
            time.sleep(0.02)

    watcher = threading.Thread(target=stop_after_the_first_article)
    watcher.start()
    result = CliRunner().invoke(cli, ["ingest", str(source), "--store", url, "--batch-size", "1"])
    process.kill()
    watcher.join()
    assert result.exit_code == 1
    assert f"cannot reach the SPARQL server at {url}" in result.output
    assert "batches written before the failure are kept" in result.output
    assert "Traceback" not in result.output
