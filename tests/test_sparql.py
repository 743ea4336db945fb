"""Read-only SPARQL: updates and SERVICE refused before anything runs, errors in one line."""
import socket
import threading

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.sparql import QueryError, QueryRefused, check_query, run_query, serialize
from graphbuild.store import Store


@pytest.fixture
def listener():
    """A real TCP listener on loopback that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            accepted.append(conn.recv(1000))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join()
    server.close()


def _store_with_one_event() -> Store:
    store = Store(None)
    store._store.update("INSERT DATA { GRAPH <urn:g> { <urn:e> a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ; "
                        "<http://www.w3.org/2000/01/rdf-schema#label> \"clash\"@en } }")
    return store


@pytest.mark.parametrize("service", ["SERVICE", "service", "SERVICE SILENT"])
def test_service_is_refused_and_nothing_leaves_the_machine(listener, tmp_path, service):
    port, accepted = listener
    sparql = f"SELECT * WHERE {{ {service} <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    # the embedded store would send it (pyoxigraph has an HTTP client): the check must stop it first
    with pytest.raises(QueryRefused, match=r"^SERVICE at line 1, column 18 is refused"):
        run_query(_store_with_one_event(), sparql)
    Store(tmp_path / "s").close()
    result = CliRunner().invoke(cli, ["query", sparql, "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "SERVICE at line 1, column 18 is refused" in result.output
    assert "Traceback" not in result.output
    threading.Event().wait(0.5)  # give a request that did leave time to arrive
    assert accepted == []


def test_the_word_service_in_strings_iris_and_names_is_not_a_service_call():
    store = _store_with_one_event()
    sparql = ('SELECT ?s WHERE { ?s ?p ?o . FILTER (?o != "SERVICE <x>" && ?s != <urn:SERVICE>) } '
              '# SERVICE in a comment')
    assert [r[0].value for r in run_query(store, sparql).rows] == ["urn:e", "urn:e"]


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DROP ALL",
    "PREFIX ex: <urn:ex:>\ndelete where { ?s ?p ?o }",
    "CLEAR DEFAULT",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused_as_read_only(update):
    store = _store_with_one_event()
    with pytest.raises(QueryRefused, match=r"^graphbuild query is read-only; use ingest/delete"):
        run_query(store, update)
    assert len(store) == 2


@pytest.mark.parametrize("sparql, message", [
    ("SELEC ?x WHERE { ?x ?p ?o }",
     "SPARQL syntax error at line 1, column 1: 'SELEC' is not a query form (SELECT, ASK, CONSTRUCT or DESCRIBE)"),
    ("SELECT ?x WHERE {\n  ?x foo:bar ?o }", "unknown prefix 'foo:' in foo:bar at line 2, column 6"),
    ("SELECT ?x WHERE { ?x ?p ?o BIND (frobnicate(?x) AS ?y) }", "unknown function 'frobnicate' at line 1, column 34"),
    ("SELECT ?x WHERE { ?x ?p ?o FILTER (<urn:no-such-function>(?x)) }",
     "unknown function <urn:no-such-function>"),
    ("SELECT ?x WHERE {\n  ?x ?p ?o .\n  FILTER (?x = ) }", "SPARQL syntax error at line 3, column "),
    ("   ", "the query is empty"),
])
def test_errors_are_one_line_naming_where_and_what(sparql, message):
    with pytest.raises(QueryError) as info:
        run_query(_store_with_one_event(), sparql)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value) and len(str(info.value)) < 200


def test_check_accepts_predeclared_and_declared_prefixes_and_geosparql():
    assert check_query("PREFIX ex: <urn:ex:> SELECT ?x WHERE { ?x ex:p ?y ; sem:hasPlace ?p . "
                       "FILTER (geof:distance(?a, ?b, uom:metre) < 5 && isIRI(?x)) }") == "SELECT"
    assert check_query("ask { ?x a sem:Event }") == "ASK"
    assert check_query("BASE <urn:b/> DESCRIBE <x>") == "DESCRIBE"


def test_results_serialise_in_every_protocol_format():
    store = _store_with_one_event()
    select = run_query(store, "SELECT ?e ?label WHERE { ?e rdfs:label ?label }")
    assert serialize(select, "application/sparql-results+json").startswith(b'{"head": {"vars": ["e", "label"]}')
    assert b'xml:lang="en">clash</literal>' in serialize(select, "application/sparql-results+xml")
    assert serialize(select, "text/csv") == b"e,label\r\nurn:e,clash\r\n"
    assert serialize(select, "text/tab-separated-values") == b'?e\t?label\n<urn:e>\t"clash"@en\n'
    graph = run_query(store, "CONSTRUCT WHERE { ?e rdfs:label ?label }")
    assert serialize(graph, "application/n-triples") == (
        b'<urn:e> <http://www.w3.org/2000/01/rdf-schema#label> "clash"@en .\n')
    assert b'"@value":"clash"' in serialize(graph, "application/ld+json").replace(b" ", b"")


from hypothesis import given, settings, strategies as st  # noqa: E402

SPARQL_BITS = st.sampled_from(["SELECT", "ASK", "CONSTRUCT", "WHERE", "{", "}", "(", ")", "?x", "?y", "sem:Event",
                               "foo:bar", "<urn:a>", '"text"', "FILTER", "BIND", "AS", "SERVICE", "INSERT", ".",
                               ";", "PREFIX", "x:", "COUNT", "*", "#", "\n", "'", '"""', "geof:distance", "1.5"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(SPARQL_BITS, max_size=25).map(" ".join)))
def test_any_string_is_answered_or_refused_in_one_line(text):
    store = _store_with_one_event()
    try:
        run_query(store, text)
    except QueryError as exc:
        assert "\n" not in str(exc) and str(exc)
