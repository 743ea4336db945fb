"""GeoSPARQL functions for queries over the embedded store.

Oxigraph has no GeoSPARQL support of its own, so graphbuild registers the functions analysts
need on point data as SPARQL custom functions (every ``Store.query`` and ``graphbuild query``
has them): ``geof:distance(?wktA, ?wktB, uom:metre|uom:kilometre|uom:mile)`` is the great-circle
distance between two ``POINT(lon lat)`` WKT literals (WGS84), and ``geof:sfWithin`` /
``geof:sfContains`` on a point and an ``ENVELOPE``/``POLYGON`` of one ring answer "is this
event inside this box or shape". They return no value (an error, in SPARQL terms) for
geometries they do not handle.
"""
from __future__ import annotations

import math
import re

import pyoxigraph as ox

from .geo import distance_km

GEOF = "http://www.opengis.net/def/function/geosparql/"
UOM = "http://www.opengis.net/def/uom/OGC/1.0/"
WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
XSD_DOUBLE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")
XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")

_METRES = {"metre": 1.0, "meter": 1.0, "kilometre": 1000.0, "kilometer": 1000.0, "mile": 1609.344,
           "degree": None}
_CRS = re.compile(r"^\s*<[^>]*>\s*")
_NUMBER = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


def _coordinates(term) -> list[tuple[float, float]] | None:
    """(lon, lat) pairs of a POINT or a one-ring POLYGON WKT literal."""
    if not isinstance(term, ox.Literal):
        return None
    text = _CRS.sub("", term.value).strip()
    kind = text.split("(", 1)[0].strip().upper()
    if kind not in ("POINT", "POLYGON"):
        return None
    numbers = [float(n) for n in re.findall(_NUMBER, text)]
    if len(numbers) < 2 or len(numbers) % 2:
        return None
    pairs = list(zip(numbers[0::2], numbers[1::2]))
    return pairs if kind == "POLYGON" or len(pairs) == 1 else None


def great_circle_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lon1, lat1), (lon2, lat2) = a, b
    return distance_km(lat1, lon1, lat2, lon2) * 1000


def distance(a, b, unit=None):
    points_a, points_b = _coordinates(a), _coordinates(b)
    if not points_a or not points_b or len(points_a) != 1 or len(points_b) != 1:
        return None
    name = unit.value.rsplit("/", 1)[-1] if isinstance(unit, ox.NamedNode) else "metre"
    scale = _METRES.get(name, 0.0)
    if scale is None:  # degrees: the angle itself
        metres = great_circle_m(points_a[0], points_b[0])
        return ox.Literal(repr(math.degrees(metres / 6_371_008.8)), datatype=XSD_DOUBLE)
    if not scale:
        return None
    return ox.Literal(repr(great_circle_m(points_a[0], points_b[0]) / scale), datatype=XSD_DOUBLE)


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def sf_within(a, b):
    point, shape = _coordinates(a), _coordinates(b)
    if not point or len(point) != 1 or not shape or len(shape) < 3:
        return None
    return ox.Literal("true" if _inside(point[0], shape) else "false", datatype=XSD_BOOLEAN)


def sf_contains(a, b):
    return sf_within(b, a)


FUNCTIONS = {
    ox.NamedNode(GEOF + "distance"): distance,
    ox.NamedNode(GEOF + "sfWithin"): sf_within,
    ox.NamedNode(GEOF + "sfContains"): sf_contains,
}
