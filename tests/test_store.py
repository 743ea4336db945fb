"""The Oxigraph store: one transaction per article, replace on re-ingest, clear lock errors."""
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest

from graphbuild.rdf import ENTITIES_GRAPH, article_graph
from graphbuild.store import Store, StoreError

EX = "https://example.org/"


def quads_for(article_id, n):
    graph = article_graph(article_id)
    return [ox.Quad(ox.NamedNode(f"{EX}{article_id}/{i}"), ox.NamedNode(EX + "p"),
                    ox.Literal(str(i)), graph) for i in range(n)]


def entity_quad():
    return [ox.Quad(ox.NamedNode(EX + "actor"), ox.NamedNode(EX + "label"), ox.Literal("A"),
                    ENTITIES_GRAPH)]


def test_replace_article_is_idempotent(tmp_path):
    store = Store(tmp_path / "db")
    store.replace_article("a1", quads_for("a1", 5), entity_quad())
    store.replace_article("a2", quads_for("a2", 3), entity_quad())
    assert len(store) == 9
    store.replace_article("a1", quads_for("a1", 5), entity_quad())
    assert len(store) == 9
    store.replace_article("a1", quads_for("a1", 2), entity_quad())
    assert len(store) == 6
    assert store.delete_articles(["a2", "never-ingested"]) == 1
    assert len(store) == 3


class FailingAtTheEnd:
    """The real Oxigraph store, whose writes fail after doing all their work: an update
    gets a last operation that fails when run (creating a graph that exists), an insert
    a last quad that raises. What is written before the failure must not stay."""

    def __init__(self, real):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    def update(self, text):
        self.real.update(text + f" ;\nCREATE GRAPH {article_graph('a1')}")

    def extend(self, quads):
        def then_fail():
            yield from quads
            raise RuntimeError("disk full")
        self.real.extend(then_fail())


def test_failed_write_leaves_nothing_behind(tmp_path):
    store = Store(tmp_path / "db")
    store.replace_article("a1", quads_for("a1", 4), [])
    before = set(store.quads())
    store._store = FailingAtTheEnd(store._store)
    # re-ingesting a1 (one update: drop its graph, insert the new version) fails at the end
    with pytest.raises(RuntimeError, match="already exists"):
        store.replace_article("a1", quads_for("a1", 7), entity_quad())
    assert set(store.quads()) == before  # the old version is whole, the new one absent
    # a new article (written by one insert, not an update) is all or nothing too
    with pytest.raises(RuntimeError, match="disk full"):
        store.replace_article("a2", quads_for("a2", 3), entity_quad())
    assert set(store.quads()) == before and not store._store.contains_named_graph(article_graph("a2"))


def test_store_held_by_another_process_gives_a_clear_error(tmp_path):
    path = tmp_path / "db"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from graphbuild.store import Store
            s = Store({str(path)!r})
            print("ready", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another graphbuild process"):
            Store(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_read_only_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "nothing", read_only=True)


def test_select_gives_python_values(tmp_path):
    store = Store(None)
    store.load_ontology()
    rows = store.select("SELECT ?label WHERE { et:armed-clash skos:prefLabel ?label }")
    assert rows == [{"label": "Armed clash"}]
    with pytest.raises(StoreError, match="SPARQL syntax error"):
        store.select("SELECT WHERE {")


def test_an_article_that_cannot_become_rdf_costs_only_itself(tmp_path, pipeline, monkeypatch):
    """RDF is made on the writer thread: a failure there is reported with the article's
    name and the rest of the batch is still stored."""
    import graphbuild.pipeline as gp
    from graphbuild.articles import Article

    real = gp.extraction_to_quads

    def flaky(extraction, lexicon, gazetteer):
        if extraction.article.id == "bad":
            raise ValueError("no RDF for this one")
        return real(extraction, lexicon, gazetteer)

    monkeypatch.setattr(gp, "extraction_to_quads", flaky)
    articles = [Article(text=f"Gunmen killed {n} villagers near Maiduguri on Monday.", id=i)
                for n, i in ((2, "good-1"), (3, "bad"), (4, "good-2"))]
    store = Store(tmp_path / "store")
    report = gp.ingest(articles, store, pipeline=pipeline)
    assert (report.ingested, report.failed) == (2, 1)
    assert "bad" in report.errors[0].where and "no RDF" in report.errors[0].message
    assert store.article_ids() == ["good-1", "good-2"]


def test_a_place_node_has_one_precision_whatever_the_articles_say():
    """"In Qa'atabah district" and "near Qa'atabah district" are two nodes: a district's own node
    is the district, so two articles never give one node two precisions."""
    from graphbuild.model import Place, PlaceClaim
    from graphbuild.rdf import place_iri

    district = Place("YE.18.Qaatabah", "Qa'atabah", 13.85, 44.7, "YE", "Yemen", "Ad Dali'", "Qa'atabah", 0,
                     "admin2")
    town = Place("71137", "Sanaa", 15.35, 44.2, "YE", "Yemen", "Amanat Al Asimah", "", 1937451, "city")
    iris = {(p.feature, precision): place_iri(PlaceClaim(p.name, None, precision, p))
            for p in (district, town) for precision in ("exact", "near", "region")}
    assert iris[("admin2", "region")].value.endswith("/place/YE.18.Qaatabah")
    assert iris[("city", "exact")].value.endswith("/place/71137")
    assert len(set(iris.values())) == 6  # each precision of each place its own node
