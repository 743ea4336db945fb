"""One event node per real-world event across articles: merging reports, in any order, undone cleanly."""
import datetime as dt
import math
import random

import pytest
from hypothesis import given, settings, strategies as st

from graphbuild.articles import Article, read_articles
from graphbuild.export import events_table
from graphbuild.geo import destination
from graphbuild.merge_cache import EventsCache
from graphbuild.merging import Report, cluster, match
from graphbuild.pipeline import ingest
from graphbuild.rdf import GB
from graphbuild.store import Store

from .conftest import EXAMPLES

CLASH = "https://w3id.org/graphbuild/eventtype/armed-clash"
SHELLING = "https://w3id.org/graphbuild/eventtype/shelling"
ACTOR = "https://w3id.org/graphbuild/actor/"


def top(iri):
    return {CLASH: "battles", SHELLING: "explosions"}[iri]


def report(iri, article, day="2019-01-10", span=0, place="p:hajin", lat=34.69, lon=40.83, actors=("a:is",),
           event_type=CLASH, precision=GB.day.value, place_precision=GB.exact.value):
    start = dt.date.fromisoformat(day)
    return Report(iri, article=article, event_type=event_type, earliest=start,
                  latest=start + dt.timedelta(days=span), precision=precision, place=place,
                  place_precision=place_precision, lat=lat, lon=lon, actors=set(actors))


def test_reports_match_on_type_dates_place_and_actors():
    a = report("e:a/1", "art:a")
    assert match(a, report("e:b/1", "art:b"), top)
    assert match(a, report("e:b/1", "art:b", place="p:other", lat=34.75, lon=40.9), top)  # about 9 km
    assert match(a, report("e:b/1", "art:b", day="2019-01-07", span=6, precision=GB.week.value), top)
    assert not match(a, report("e:a/2", "art:a"), top)                          # same article
    assert not match(a, report("e:b/1", "art:b", event_type=SHELLING), top)    # other type
    assert not match(a, report("e:b/1", "art:b", day="2019-01-12"), top)       # other day
    assert not match(a, report("e:b/1", "art:b", place="p:far", lat=35.5, lon=40.83), top)  # 90 km
    assert not match(a, report("e:b/1", "art:b", actors=("a:sdf",)), top)     # nobody in common
    assert not match(a, report("e:b/1", "art:b", precision=GB.month.value, span=30), top)
    assert not match(a, report("e:b/1", "art:b", place_precision=GB.countryLevel.value), top)


def test_clusters_never_join_two_reports_of_one_article_and_ignore_input_order():
    reports = [report("e:a/1", "art:a"), report("e:a/2", "art:a", place="p:x", lat=34.7, lon=40.84),
               report("e:b/1", "art:b"), report("e:c/1", "art:c", place="p:x", lat=34.7, lon=40.84)]
    groups = cluster(reports, top)
    for members, _ in groups:
        assert len({m.article for m in members}) == len(members)
    as_sets = sorted(sorted(m.iri for m in members) for members, _ in groups)
    assert as_sets == [["e:a/1", "e:b/1"], ["e:a/2", "e:c/1"]]
    for _ in range(5):
        random.shuffle(reports)
        assert sorted(sorted(m.iri for m in ms) for ms, _ in cluster(reports, top)) == as_sets


def hajin_articles():
    return [a for a in read_articles([EXAMPLES]) if isinstance(a, Article) and a.id.startswith("hajin")]


def store_of(pipeline, articles, batch_size=16):
    store = Store(None)
    report = ingest(articles, store, pipeline=pipeline, batch_size=batch_size)
    assert report.failed == 0, report.errors
    return store


def nquads(store, entities=True):
    """The store's statements; without the shared entity descriptions (which deleting an
    article leaves in place) when ``entities`` is false."""
    return sorted(str(q) for q in store.quads() if entities or not str(q.graph_name).endswith("/graph/entities>"))


def test_two_articles_on_the_hajin_clash_are_one_event_with_two_sources(pipeline):
    store = store_of(pipeline, hajin_articles())
    merged = store.select("""
        SELECT ?e ?sources (COUNT(DISTINCT ?r) AS ?reports) (SAMPLE(?why) AS ?reason) WHERE {
          ?e a sem:Event, gb:MergedEvent ; sem:eventType et:armed-clash ; gb:sources ?sources ;
             gb:report ?r ; gb:mergeReason ?why } GROUP BY ?e ?sources""")
    assert len(merged) == 1 and merged[0]["sources"] == 2 and merged[0]["reports"] == 2
    assert "hajin-coup-2019/1" in merged[0]["reason"] and "hajin-mutiny-2019/1" in merged[0]["reason"]
    assert "2019-01-10" in merged[0]["reason"] and "shared actors" in merged[0]["reason"]
    # each report keeps its own fatality count, in its own article's graph; the event the lowest
    own = store.select("""
        SELECT ?g ?f WHERE { ?e a gb:MergedEvent ; gb:report ?r . GRAPH ?g { ?r gb:fatalities ?f } }
        ORDER BY ?f""")
    assert [(r["g"].rsplit("/", 1)[-1], r["f"]) for r in own] == [("hajin-coup-2019", 2), ("hajin-mutiny-2019", 3)]
    rows = [r for r in events_table(store) if r["sub_event_type"] == "Armed clash"]
    assert len(rows) == 1
    assert rows[0]["doc_ids"] == "hajin-coup-2019|hajin-mutiny-2019" and rows[0]["fatalities"] == 2
    assert rows[0]["date"] == "2019-01-10" and rows[0]["location"] == "near Hajīn"
    assert "Euphrates Monitor" in rows[0]["source"] and "Levant Wire" in rows[0]["source"]
    # the events table by report still has one row per article
    per_report = [r for r in events_table(store, reports=True) if r["sub_event_type"] == "Armed clash"]
    assert sorted(r["doc_ids"] for r in per_report) == ["hajin-coup-2019", "hajin-mutiny-2019"]
    # counting events counts the clash once
    clashes = store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event ; sem:eventType et:armed-clash }")
    assert clashes[0]["n"] == 1


def test_ingest_order_does_not_change_the_graph(pipeline):
    articles = [a for a in read_articles([EXAMPLES]) if isinstance(a, Article)]
    forward = store_of(pipeline, articles)
    backward = store_of(pipeline, articles[::-1], batch_size=1)
    assert nquads(forward) == nquads(backward)


def test_reingest_and_delete_undo_the_merge(pipeline):
    coup, mutiny = sorted(hajin_articles(), key=lambda a: a.id)
    store = store_of(pipeline, [coup, mutiny])
    unrelated = Article(id=mutiny.id, published=mutiny.published, source=mutiny.source,
                        text="Protesters marched peacefully in Raqqa on Friday against rising bread prices.")
    ingest([unrelated], store, pipeline=pipeline)
    assert not store.select("SELECT ?e WHERE { ?e a gb:MergedEvent }")
    assert nquads(store, False) == nquads(store_of(pipeline, [coup, unrelated]), False)
    ingest([mutiny], store, pipeline=pipeline)
    assert len(store.select("SELECT ?e WHERE { ?e a gb:MergedEvent }")) == 1
    assert store.delete_articles([mutiny.id]) == 1
    alone = store_of(pipeline, [coup])
    assert nquads(store, False) == nquads(alone, False)


@pytest.mark.parametrize("reports", [False, True])
def test_every_event_lists_its_reports(example_store, reports):
    rows = example_store.select("""
        SELECT ?e (COUNT(DISTINCT ?r) AS ?n) ?sources WHERE { ?e a sem:Event ; gb:sources ?sources ;
          gb:report ?r . ?r a gb:EventReport } GROUP BY ?e ?sources""")
    events = example_store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event }")[0]["n"]
    assert len(rows) == events
    assert all(r["n"] == r["sources"] for r in rows)
    report_count = example_store.select("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gb:EventReport }")[0]["n"]
    assert sum(r["n"] for r in rows) == report_count
    assert len(events_table(example_store, reports=reports)) == (report_count if reports else events)


def test_a_generic_actor_is_never_the_shared_actor():
    protesters, civilians = f"{ACTOR}protesters-lebanon", f"{ACTOR}civilians-syria"
    gunmen = f"{ACTOR}unidentified-armed-group-nigeria"
    for generic in (protesters, civilians, gunmen, f"{ACTOR}rioters"):
        a, b = report("e:a/1", "art:a", actors=(generic,)), report("e:b/1", "art:b", actors=(generic,))
        assert not match(a, b, top), generic
    # a named actor they share still merges them, and the reason names only it
    a = report("e:a/1", "art:a", actors=(protesters, f"{ACTOR}hezbollah"))
    b = report("e:b/1", "art:b", actors=(protesters, f"{ACTOR}hezbollah"))
    assert match(a, b, top)[1].endswith("shared actors: hezbollah")
    assert match(report("e:a/1", "art:a", actors=(f"{ACTOR}military-forces-of-lebanon",)),
                 report("e:b/1", "art:b", actors=(f"{ACTOR}military-forces-of-lebanon",)), top)


def test_separate_protests_in_one_city_on_one_day_stay_apart(pipeline):
    """Two articles on protests in Beirut on one day, each naming only protesters: two events."""
    texts = {"beirut-a": "Hundreds of protesters rallied in Beirut on Monday against rising bread prices.",
             "beirut-b": "Dozens of students protested in Beirut on Monday over tuition fees."}
    store = Store(None)
    ingest([Article(text=t, id=i, published=dt.date(2020, 4, 29)) for i, t in texts.items()], store,
           pipeline=pipeline)
    rows = events_table(store)
    protests = [r for r in rows if r["event_type"] == "Protests"]
    assert len(protests) == 2, rows
    assert sorted(r["doc_ids"] for r in protests) == ["beirut-a", "beirut-b"]
    assert all(r["actor1"] == "Protesters (Lebanon)" for r in protests)


@settings(max_examples=300, deadline=None)
@given(lat=st.floats(-89.9, 89.9), lon=st.floats(-180, 179.99), bearing=st.floats(0, 2 * math.pi),
       km=st.floats(0, 19.9), shift=st.integers(-6, 6), span=st.sampled_from([0, 6]))
def test_a_matching_report_has_one_of_the_keys_looked_up(lat, lon, bearing, km, shift, span):
    """The lookup by key never misses a match: whatever two matching reports' places (the
    poles and the date line included) and dates, the one stored has a key the other looks up."""
    a = report("e:a/1", "art:a", place="p:a", lat=lat, lon=lon, span=span,
               precision=GB.day.value if span == 0 else GB.week.value)
    lat2, lon2 = destination(lat, lon, km, math.degrees(bearing))  # a point ``km`` away
    lon2 = (lon2 + 540) % 360 - 180
    day = (dt.date(2019, 1, 10) + dt.timedelta(days=shift)).isoformat()
    b = report("e:b/1", "art:b", day=day, place="p:b", lat=lat2, lon=lon2, span=span,
               precision=GB.day.value if span == 0 else GB.week.value)
    if match(a, b, top):
        assert b.merge_key(top) in a.partner_keys(top)
        assert a.merge_key(top) in b.partner_keys(top)


def test_keys_name_type_week_and_cell():
    a = report("e:a/1", "art:a")  # 2019-01-10 at 34.69 N 40.83 E
    assert a.merge_key(top) == "battles 2019-W02 623:1104"
    assert len(a.partner_keys(top)) < 40                      # a few cells in two weeks
    assert report("e:a/1", "art:a", lat=None, lon=None).merge_key(top) == "battles 2019-W02 p:hajin"
    assert report("e:a/1", "art:a", actors=()).merge_key(top) is None  # not mergeable: no key


def test_reports_joining_a_stored_event_give_the_graph_a_full_recomputation_gives(pipeline, monkeypatch):
    """New reports of a stored event are added to it from its stored statements (merging._join);
    the graph is the one recomputing every group from all its reports gives."""
    from graphbuild import merging

    copies = [Article(text=a.text, id=f"{a.id}-copy{n}", published=a.published, title=a.title, source=a.source)
              for n in range(3) for a in hajin_articles()]
    joined = []
    join = merging._join
    monkeypatch.setattr(merging, "_join", lambda *args: joined.append(join(*args)) or joined[-1])
    incremental = store_of(pipeline, copies, batch_size=2)
    assert sum(plan is not None for plan in joined) >= 3  # the fast way was taken
    monkeypatch.setattr(merging, "_join", lambda *args: None)
    assert nquads(incremental) == nquads(store_of(pipeline, copies, batch_size=2))
    sources = incremental.select("SELECT (MAX(?n) AS ?most) WHERE { ?e a gb:MergedEvent ; gb:sources ?n }")
    assert sources[0]["most"] >= 3  # an event reported by every copy


def test_report_cache_forgets_rewritten_articles_and_stays_bounded():
    from graphbuild.merge_cache import ReportCache

    cache = ReportCache(size=2)
    a1, a2, b1 = report("e:a/1", "art:a"), report("e:a/2", "art:a"), report("e:b/1", "art:b")
    for r in (a1, a2):
        cache.put(r)
    kept = cache.get("e:a/1")
    assert kept == a1 and kept is not a1
    cache.put(b1)  # past the bound: the least recently used (e:a/2) goes
    assert cache.get("e:a/2") is None and cache.get("e:b/1") == b1
    cache.forget({"art:a"})
    assert cache.get("e:a/1") is None and cache.get("e:b/1") == b1


def test_reports_kept_when_written_are_those_merging_reads_back(pipeline):
    """The store keeps the reports it writes (merging need not read them back): each is the
    report merging reads from the store, claims and all, and the graph is the same as when
    merging reads every report from the store."""
    from dataclasses import replace

    from graphbuild import merging

    articles = [a for a in read_articles([EXAMPLES]) if isinstance(a, Article)]
    kept = store_of(pipeline, articles, batch_size=2)
    iris = sorted(row["r"] for row in kept.select("SELECT ?r WHERE { ?r a gb:EventReport }"))
    assert len(iris) > 5 and all(kept.report_cache.get(iri) for iri in iris)
    where = "VALUES ?r { " + " ".join(f"<{iri}>" for iri in iris) + " }"
    from_cache = merging._load_reports(kept, where)
    kept.report_cache = None
    from_store = merging._load_reports(kept, where)

    def same(r):
        return replace(r, claims=sorted(r.claims, key=str))

    assert [same(from_cache[i]) for i in iris] == [same(from_store[i]) for i in iris]
    assert any(r.lat is not None for r in from_cache.values())  # places read afresh
    unkept = Store(None)
    unkept.report_cache.put_written = lambda reports: None  # as before: every report read from the store
    assert ingest(articles, unkept, pipeline=pipeline, batch_size=2).failed == 0
    assert nquads(kept) == nquads(unkept)


def test_events_cache_mirrors_the_events_graph_through_writes_and_deletes(pipeline):
    """The store keeps the events-graph statements merging has read and changes them as it
    writes: after ingests, a re-ingest and a delete they are the store's own, and the graph is
    the one merging gives when it reads everything from the store."""
    from graphbuild import merging

    copies = [Article(text=a.text, id=f"{a.id}-copy{n}", published=a.published, title=a.title, source=a.source)
              for n in range(3) for a in hajin_articles()]
    kept = store_of(pipeline, copies, batch_size=2)
    assert ingest(copies[:2], kept, pipeline=pipeline, batch_size=2).failed == 0  # re-ingested
    kept.delete_articles([copies[-1].id])
    unkept = Store(None)
    unkept.events_cache = None
    assert ingest(copies, unkept, pipeline=pipeline, batch_size=2).failed == 0
    assert ingest(copies[:2], unkept, pipeline=pipeline, batch_size=2).failed == 0
    unkept.delete_articles([copies[-1].id])
    assert nquads(kept) == nquads(unkept)
    subjects = {str(row["s"]) for row in kept.select(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH <{merging.EVENTS_GRAPH.value}> {{ ?s ?p ?o }} }}")}
    assert len(set(kept.events_cache._subjects) & subjects) > len(subjects) / 2  # kept, not read again
    held = kept.events_cache.statements(kept, set(kept.events_cache._subjects) | subjects)
    fresh = EventsCache().statements(kept, set(held))
    assert held == fresh and any(fresh.values())
    keys = {str(row["k"]) for row in kept.select("SELECT ?k WHERE { ?r gb:mergeKey ?k }")}
    for key in set(kept.events_cache._keys) | keys:
        assert kept.events_cache.with_keys(kept, {key}) == EventsCache().with_keys(kept, {key})


def test_events_cache_stays_bounded():


    store = Store(None)
    cache = EventsCache(size=2)
    cache.statements(store, {"https://x/a", "https://x/b", "https://x/c"})
    assert len(cache._subjects) == 2


def article_of(article_id, reports, day="2019-01-10"):
    """An article's quads (and its places') for reports given as (place, lat, lon, actors)."""
    from pyoxigraph import Literal, NamedNode, Quad

    from graphbuild.rdf import BASE, DCT, ENTITIES_GRAPH, RDF, RDFS, SEM, WGS84, _date, _decimal, article_graph, \
        article_iri

    g, when = article_graph(article_id), _date(dt.date.fromisoformat(day))
    quads, places = [], []
    for n, (place, lat, lon, actors) in enumerate(reports, 1):
        r, pl = NamedNode(f"{BASE}event/{article_id}/{n}"), NamedNode(f"{BASE}place/{place}")
        quads += [Quad(r, RDF.type, GB.EventReport, g), Quad(r, DCT.source, article_iri(article_id), g),
                  Quad(r, SEM.eventType, NamedNode(CLASH), g), Quad(r, RDFS.label, Literal(f"clash {n}"), g),
                  Quad(r, SEM.hasEarliestBeginTimeStamp, when, g), Quad(r, SEM.hasLatestEndTimeStamp, when, g),
                  Quad(r, SEM.hasTimeStamp, when, g), Quad(r, GB.timePrecision, GB.day, g),
                  Quad(r, SEM.hasPlace, pl, g)]
        for role, actor in zip((GB.actor1, GB.actor2), actors):
            quads += [Quad(r, SEM.hasActor, NamedNode(ACTOR + actor), g), Quad(r, role, NamedNode(ACTOR + actor), g)]
        places += [Quad(pl, WGS84.lat, _decimal(lat), ENTITIES_GRAPH),
                   Quad(pl, WGS84["long"], _decimal(lon), ENTITIES_GRAPH),
                   Quad(pl, GB.geoPrecision, GB.exact, ENTITIES_GRAPH)]
    return article_id, quads, places


def test_groups_that_cannot_join_are_recomputed_alone_and_the_graph_is_the_same(pipeline, monkeypatch):
    """In a batch, new reports that match two stored events (or join an event with another
    new group) have their groups recomputed in full while the others join their events; the
    graph is the one recomputing every group the batch touches gives."""
    from graphbuild import merging

    # each copy of "two" reports two clashes that match each other's copies (two stored
    # events); each copy of "one" reports a clash 100 km away, which joins its event
    batches = [[article_of(f"two-{n}", [("town-a", 34.0, 40.0, ("rebels", "army")),
                                        ("town-a", 34.0, 40.0, ("rebels", "militia"))]),
                article_of(f"one-{n}", [("town-b", 34.9, 40.0, ("rebels", "army"))])] for n in range(4)]
    partial = []
    join, recompute = merging._join, merging._recompute

    def counted_join(*args):
        calls = len(partial)
        plan = join(*args)
        if plan is not None and len(partial) > calls:
            partial.append("joined and recomputed in one batch")
        return plan

    def store_of_batches():
        store = Store(None)
        for batch in batches:
            store.replace_articles(batch, merging.plan_write(store, batch))
        return store

    monkeypatch.setattr(merging, "_join", counted_join)
    monkeypatch.setattr(merging, "_recompute", lambda *args: partial.append(args) or recompute(*args))
    mixed = store_of_batches()
    assert "joined and recomputed in one batch" in partial
    monkeypatch.setattr(merging, "_join", lambda *args: None)
    assert nquads(mixed) == nquads(store_of_batches())
    assert len(mixed.select("SELECT ?e WHERE { ?e a gb:MergedEvent }")) == 3


def test_what_a_report_gives_its_event_is_kept_on_it_and_follows_its_claims_and_the_best_report():
    """event_quads keeps each report's part of its merged event on the report; the statements
    are those of reports that kept nothing, also when a claim is added or a more precise
    report joins (which changes the sides)."""
    from dataclasses import replace

    from pyoxigraph import Literal, NamedNode

    from graphbuild.merging import event_quads
    from graphbuild.rdf import _int

    a, b = report("e:a/1", "art:a", actors=("a:is", "a:army")), report("e:b/1", "art:b", actors=("a:is", "a:sdf"))
    c = report("e:c/1", "art:c", actors=("a:is", "a:army", "a:sdf"))
    for r in (a, b, c):
        for role, actor in zip((GB.actor1, GB.actor2, GB.actor2), sorted(r.actors)):
            r.add(role, NamedNode(actor))
    a.add(GB.fatalities, _int(4))

    def fresh(*members):
        return event_quads([replace(m, claims=list(m.claims), _memo={}) for m in members], ["why"], top)

    assert event_quads([a, b], ["why"], top) == fresh(a, b)
    b.add(GB.fatalities, _int(2))  # a claim added: b's kept part is made again
    assert event_quads([a, b], ["why"], top) == fresh(a, b)
    assert any(q.predicate == GB.fatalities and q.object == _int(2) for q in event_quads([a, b], ["why"], top))
    with_c = event_quads([a, b, c], ["why"], top)  # c names more actors: its sides win
    assert with_c == fresh(a, b, c) != [q for q in event_quads([a, b], ["why"], top)]
    assert event_quads([a, b], ["why"], top) == fresh(a, b)
    assert Literal("why") in {q.object for q in with_c}


def test_links_of_reports_alike_are_matched_once_and_are_the_links_of_each_pair():
    from graphbuild.merging import _link

    rng = random.Random(7)
    reports = [report(f"e:{n}/1", f"art:{n % 9}", day=rng.choice(["2019-01-10", "2019-01-11"]),
                      lat=rng.choice([34.69, 34.7, 35.5]),
                      actors=rng.choice([("a:is",), ("a:is", "a:sdf"), ("a:sdf",)])) for n in range(40)]
    alike: dict = {}
    pairs = [(a, b) for a in reports for b in reports if a.iri < b.iri]
    assert [_link(a, b, top, alike) for a, b in pairs] == [_link(a, b, top) for a, b in pairs]
    assert sum(_link(a, b, top) is not None for a, b in pairs) > 50 and len(alike) < len(pairs) / 3


def test_the_same_events_reported_batch_after_batch_give_the_graph_of_reading_everything_afresh(pipeline, monkeypatch):
    """Every way merging saves work (joining stored events, the store's report and events
    caches, reports' kept parts, matching alike reports once) gives the graph that recomputing
    every group from the store's own statements gives, over batches that report the same
    events again (as benchmarks/store_growth.py --same-dates does)."""
    from graphbuild import merging

    articles = [a for a in read_articles([EXAMPLES]) if isinstance(a, Article)]
    batches = [[Article(text=a.text, id=f"{a.id}-{n}", published=a.published, title=a.title, source=a.source)
                for a in articles] for n in range(3)]
    fast = Store(None)
    for batch in batches:
        assert ingest(batch, fast, pipeline=pipeline, batch_size=4).failed == 0
    monkeypatch.setattr(merging, "_join", lambda *args: None)
    monkeypatch.setattr(merging, "_link", lambda a, b, top_type, alike=None, link=merging._link: link(a, b, top_type))
    reference = Store(None)
    reference.report_cache = reference.events_cache = None
    for batch in batches:
        assert ingest(batch, reference, pipeline=pipeline, batch_size=4).failed == 0
    assert nquads(fast) == nquads(reference)
    assert reference.select("SELECT (MAX(?n) AS ?most) WHERE { ?e gb:sources ?n }")[0]["most"] >= 3
