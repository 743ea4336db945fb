"""`graphbuild serve`: a real server process, queried by SPARQLWrapper, rdflib and plain HTTP."""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from .conftest import EXAMPLES, ROOT
from .test_sparql import listener  # noqa: F401 - the fixture


def start_server(*args: str, env=None):
    """`python -m graphbuild serve --port 0 ARGS` as a process; returns (process, base URL)."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", "--port", "0", *args],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    line = process.stderr.readline()
    match = re.search(r"SPARQL endpoint (http://127\.0\.0\.1:\d+)/sparql", line)
    if not match:
        process.kill()
        raise AssertionError(f"serve did not start: {line}{process.stderr.read()}")
    return process, match[1]


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stderr.close()


@pytest.fixture(scope="module")
def endpoint(cli_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(cli_store, path)
    process, url = start_server("--store", str(path), "--max-results", "500", "--timeout", "2")
    yield url
    stop(process)


def get(url, accept=None, method="GET", data=None, content_type=None):
    request = urllib.request.Request(url, data=data, method=method)
    if accept:
        request.add_header("Accept", accept)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def sparql_url(base, query, **params):
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": query, **params})


@pytest.fixture(scope="module")
def local(cli_store):
    """The same store, read directly: what the endpoint must answer."""
    from graphbuild.store import Store

    return Store(cli_store, read_only=True)


def test_sparqlwrapper_select_ask_construct_and_csv(endpoint, local):
    client = SPARQLWrapper(f"{endpoint}/sparql")
    query = "SELECT ?label WHERE { ?e a sem:Event ; gb:fatalities ?n ; rdfs:label ?label } ORDER BY ?label"
    client.setQuery(query)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == [r["label"] for r in local.select(query)] != []
    client.setQuery("ASK { ?e a sem:Event ; gb:fatalities 9999 }")
    assert client.query().convert()["boolean"] is False
    client.setQuery("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a sem:Event ; rdfs:label ?l }")
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    events = local.select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")[0]["n"]
    assert len(graph) == events > 5
    query = "SELECT ?n WHERE { ?e gb:fatalities ?n } ORDER BY DESC(?n) LIMIT 2"
    client.setQuery(query)
    client.setReturnFormat(CSV)
    client.setMethod(POST)  # a form-encoded POST
    assert client.query().convert().decode() == "n\r\n" + "".join(f"{r['n']}\r\n" for r in local.select(query))


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint, local):
    graph = rdflib.Graph(store=SPARQLStore(f"{endpoint}/sparql", returnFormat="xml"))
    rows = list(graph.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a gb:Article }"))
    assert int(rows[0][0]) == len(local.article_ids()) == 7


def test_content_negotiation(endpoint):
    select = sparql_url(endpoint, "SELECT ?n WHERE { ?e gb:fatalities ?n } ORDER BY ?n LIMIT 1")
    status, headers, body = get(select, "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?n"
    status, headers, body = get(select, "application/sparql-results+xml;q=0.9, text/csv;q=0.5")
    assert headers["Content-Type"].startswith("application/sparql-results+xml") and b"<sparql" in body
    status, headers, body = get(select, "*/*")
    assert json.loads(body)["head"]["vars"] == ["n"]
    construct = sparql_url(endpoint, "CONSTRUCT { ?e a sem:Event } WHERE { ?e a sem:Event }")
    status, headers, body = get(construct, "application/ld+json")
    events = {n["@id"] for n in json.loads(body)}
    status, headers, body = get(construct, "application/n-triples")
    assert {line.split()[0][1:-1] for line in body.decode().splitlines()} == events and len(events) > 5
    status, _, body = get(select, "image/png")
    assert status == 406 and b"no acceptable format for a SELECT result" in body
    status, headers, body = get(sparql_url(endpoint, "SELECT ?n WHERE { ?e gb:fatalities ?n }", format="csv"))
    assert headers["Content-Type"].startswith("text/csv")


def test_post_bodies_and_cors(endpoint):
    query = "ASK { ?e a sem:Event }"
    status, headers, body = get(f"{endpoint}/sparql", "application/sparql-results+json", "POST",
                                query.encode(), "application/sparql-query")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = get(f"{endpoint}/sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in headers["Access-Control-Allow-Headers"]


def test_updates_and_service_are_refused(endpoint, listener):  # noqa: F811
    port, accepted = listener
    for data, kind in ((b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
                       (urllib.parse.urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"),
                       (b"DROP ALL", "application/sparql-query")):
        status, _, body = get(f"{endpoint}/sparql", None, "POST", data, kind)
        assert status == 403 and body.decode().startswith("graphbuild serve is read-only; use ingest/delete")
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
    status, _, body = get(sparql_url(endpoint, service))
    assert status == 403 and b"SERVICE at line 1, column 18 is refused" in body
    status, _, body = get(sparql_url(endpoint, "SELECT ?x WHERE { ?x nope:p ?y }"))
    assert status == 400 and body == b"unknown prefix 'nope:' in nope:p at line 1, column 22 (declare it: PREFIX nope: <...>)\n"
    time.sleep(0.5)
    assert accepted == []
    status, _, body = get(sparql_url(endpoint, "ASK { ?e a sem:Event }"))
    assert status == 200  # and the store is untouched


def test_result_limit(endpoint):
    status, _, body = get(sparql_url(endpoint, "SELECT * WHERE { ?s ?p ?o }"))
    assert status == 413 and body == b"the result has more than 500 rows: add a LIMIT\n"
    status, _, body = get(sparql_url(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }"))
    assert status == 413 and body == b"the result has more than 500 triples: add a LIMIT\n"
    assert get(sparql_url(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 500"))[0] == 200


def test_timeout(cli_store, tmp_path):
    """A query past --timeout is answered 503 in time, and the server goes on answering.
    (Its own server: Oxigraph cannot stop an evaluation inside one result, and this one
    would count for hours; the process ends with the test.)"""
    shutil.copytree(cli_store, tmp_path / "store")
    process, url = start_server("--store", str(tmp_path / "store"), "--timeout", "1")
    try:
        start = time.monotonic()
        endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        status, _, body = get(sparql_url(url, endless))
        assert status == 503 and body == b"the query ran longer than 1 s (--timeout)\n"
        assert time.monotonic() - start < 10
        assert get(sparql_url(url, "ASK { ?e a sem:Event }"))[0] == 200
    finally:
        stop(process)


def test_query_page_is_offline(endpoint):
    status, headers, body = get(f"{endpoint}/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert 'fetch("sparql"' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert get(f"{endpoint}/nothing-here")[0] == 404


def test_fifty_concurrent_clients(endpoint):
    """A bounded load test on loopback: 50 clients, 10 queries each, no errors."""
    queries = [(ROOT / "examples" / "queries" / f"{n}.rq").read_text()
               for n in ("events", "who_fought_whom", "date_range", "provenance")]
    failures, times = [], []

    def client(n):
        for k in range(10):
            start = time.monotonic()
            status, _, body = get(sparql_url(endpoint, queries[(n + k) % len(queries)]),
                                  "application/sparql-results+json")
            times.append(time.monotonic() - start)
            if status != 200 or not json.loads(body)["results"]["bindings"]:
                failures.append((status, body[:200]))

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert failures == [] and len(times) == 500
    assert time.monotonic() - started < 120


def test_serves_while_ingesting_and_readers_see_whole_batches(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{n}", "published": "2021-06-01", "text":
                                          f"Gunmen killed {n + 2} villagers in an attack on Kiwanja on Sunday."})
                              + "\n" for n in range(40)))
    store = tmp_path / "store"
    process, url = start_server("--store", str(store), "--ingest", str(source))
    try:
        count = sparql_url(url, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a gb:Article }")
        seen, deadline = set(), time.monotonic() + 240
        while time.monotonic() < deadline:
            status, _, body = get(count, "application/sparql-results+json")
            assert status == 200
            seen.add(int(json.loads(body)["results"]["bindings"][0]["n"]["value"]))
            if 40 in seen:
                break
            time.sleep(0.02)
        assert 40 in seen and seen <= {0, 16, 32, 40}  # ingest writes batches of 16: never half of one
        # the server holds the store: a second writer is refused, clearly
        other = subprocess.run([sys.executable, "-m", "graphbuild", "ingest", str(EXAMPLES), "--store", str(store)],
                               cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert other.returncode == 1 and "in use by another graphbuild process" in other.stderr
    finally:
        stop(process)


def test_serve_refuses_a_missing_store_and_a_busy_port(cli_store, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "graphbuild", "serve", "--store", str(tmp_path / "none")],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and f"no store at {tmp_path / 'none'}" in result.stderr
    shutil.copytree(cli_store, tmp_path / "store")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "graphbuild", "serve", "--store", str(tmp_path / "store"),
                                 "--port", str(port)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_help_has_an_example():
    from click.testing import CliRunner

    from graphbuild.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "127.0.0.1" in result.output


def test_answers_are_cached_until_the_store_is_written():
    """The same query twice is evaluated once; a write makes the cached answer stale."""
    from pyoxigraph import Literal, NamedNode, Quad

    from graphbuild.rdf import article_graph
    from graphbuild.serve import make_server
    from graphbuild.store import Store

    store = Store(None)
    evaluations = []
    query = store.query
    store.query = lambda sparql: evaluations.append(sparql) or query(sparql)
    server = make_server(store, port=0)
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        first = server.answer_bytes(count, "text/csv")
        assert server.answer_bytes(count, "text/csv") == first and len(evaluations) == 1
        assert server.answer_bytes(count, "application/sparql-results+json") != first  # another format
        quad = Quad(NamedNode("http://example.org/a"), NamedNode("http://example.org/says"), Literal("x"),
                    article_graph("a"))
        store.replace_articles([("a", [quad], [])])
        assert server.answer_bytes(count, "text/csv") == b"n\r\n1\r\n" and first == b"n\r\n0\r\n"
    finally:
        server.server_close()


def test_result_cache_shares_one_evaluation_and_keeps_no_failure():
    from graphbuild.serve import ResultCache

    cache, calls, started = ResultCache(1000), [], threading.Event()

    def slow():
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return b"answer"

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(cache.get(("q", "csv", 0), slow))) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [b"answer"] * 5 and calls == [1]

    def failing():
        raise TimeoutError("too slow")

    with pytest.raises(TimeoutError):
        cache.get(("other", "csv", 0), failing)
    assert cache.get(("other", "csv", 0), lambda: b"now") == b"now"
    assert cache.get(("q", "csv", 1), lambda: b"x" * 200) == b"x" * 200  # a newer generation: the old answers go
    assert cache.size == 200 and list(cache._answers) == [("q", "csv", 1)]
    assert cache.get(("big", "csv", 1), lambda: b"x" * 300) == b"x" * 300 and cache.size == 200  # too big to keep
    assert cache.get(None, lambda: b"uncached") == b"uncached" and len(cache._answers) == 1
