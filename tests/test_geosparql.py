"""GeoSPARQL functions registered on the store: distances and point-in-shape, in real queries."""
import pyoxigraph as ox
import pytest

from graphbuild.geosparql import distance, sf_within
from graphbuild.store import Store


def wkt(text):
    return ox.Literal(text, datatype=ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral"))


KM = ox.NamedNode("http://www.opengis.net/def/uom/OGC/1.0/kilometre")


def test_distance_between_known_cities():
    # Damascus (36.2913 E, 33.5102 N) to Aleppo (37.1613 E, 36.2021 N): about 310 km
    km = float(distance(wkt("POINT(36.2913 33.5102)"), wkt("POINT(37.1613 36.2021)"), KM).value)
    assert 305 < km < 315
    metres = float(distance(wkt("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(0 0)"), wkt("POINT(0 1)")).value)
    assert metres == pytest.approx(111_195, rel=1e-3)
    assert distance(wkt("LINESTRING(0 0, 1 1)"), wkt("POINT(0 1)"), KM) is None
    assert distance(ox.Literal("not wkt"), wkt("POINT(0 1)"), KM) is None


def test_point_in_polygon():
    box = wkt("POLYGON((35 32, 43 32, 43 37, 35 37, 35 32))")  # roughly Syria
    assert sf_within(wkt("POINT(40.83 34.69)"), box).value == "true"   # Hajin
    assert sf_within(wkt("POINT(44.36 33.31)"), box).value == "false"  # Baghdad


def test_functions_work_in_store_queries(example_store):
    rows = example_store.select("""
        SELECT ?place ?km WHERE {
          ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label ?place ; geo:hasGeometry/geo:asWKT ?wkt .
          BIND (geof:distance(?wkt, "POINT(36.674 35.648)"^^geo:wktLiteral, uom:kilometre) AS ?km)
          FILTER (?km <= 50) } ORDER BY ?km""")
    assert [r["place"] for r in rows] == ["near Kafranbel", "Idlib"]
    assert all(0 < r["km"] <= 50 for r in rows)
    inside = example_store.select("""
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?e a sem:Event ; sem:hasPlace/geo:hasGeometry/geo:asWKT ?wkt .
          FILTER (geof:sfWithin(?wkt, "POLYGON((35 32, 43 32, 43 37, 35 37, 35 32))"^^geo:wktLiteral)) }""")
    located_in_syria = example_store.select("""
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event ; sem:hasPlace ?p .
          ?p gb:countryCode ?cc ; wgs84:lat ?lat . FILTER (?cc IN ("SY", "LB")) }""")
    assert inside[0]["n"] == located_in_syria[0]["n"] > 0


def test_in_memory_store_has_them_too():
    store = Store(None)
    assert store.query('ASK { FILTER (geof:distance("POINT(0 0)"^^geo:wktLiteral, '
                       '"POINT(0 0)"^^geo:wktLiteral, uom:metre) = 0) }')


def test_a_distance_and_bearing_from_a_town_is_placed_there(pipeline, tmp_path):
    import datetime as dt

    from graphbuild.articles import Article
    from graphbuild.pipeline import ingest

    store = Store(tmp_path / "db")
    text = "On Monday, militants attacked an army post 20 km east of Maiduguri, killing three soldiers."
    ingest([Article(text=text, id="offset-1", published=dt.date(2021, 3, 10))], store, pipeline=pipeline)
    rows = store.select("""
        SELECT ?label ?precision ?km ?anchor WHERE {
          ?e a sem:Event ; sem:hasPlace ?p . ?p rdfs:label ?label ; gb:geoPrecision/skos:notation ?precision ;
             geo:hasGeometry/geo:asWKT ?wkt ; gb:anchorPlace ?a . ?a rdfs:label ?anchor ;
             geo:hasGeometry/geo:asWKT ?awkt .
          BIND (geof:distance(?wkt, ?awkt, uom:kilometre) AS ?km) }""")
    assert len(rows) == 1
    assert rows[0]["label"] == "20 km east of Maiduguri" and rows[0]["anchor"] == "Maiduguri"
    assert str(rows[0]["precision"]) == "2" and 19.5 < rows[0]["km"] < 20.5
