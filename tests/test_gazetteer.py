"""The offline gazetteer: variants, context ranking, regions, GeoNames dump import."""
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.gazetteer import INDEX_VERSION, Gazetteer, _ending_variants, fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


@pytest.mark.parametrize("a, b", [("Hajin", "Hajīn"), ("al-Hajin", "Hajin"), ("Deir ez-Zor", "Deir Ez Zor"),
                                  ("Dar'a", "Dara"), ("Dar‘ā", "Dar'a"), ("Nord-Kivu", "Nord Kivu")])
def test_fold_joins_spellings(a, b):
    assert fold(a) == fold(b)


def test_context_decides_between_namesakes(gazetteer):
    assert gazetteer.resolve("Hajin", ("SY",)).country == "Syria"
    assert gazetteer.resolve("Tripoli", ("LB",)).country == "Lebanon"
    assert gazetteer.resolve("Tripoli", ("LY",)).country == "Libya"
    assert gazetteer.resolve("Hyderabad", (), frozenset({"sindh"})).country == "Pakistan"
    assert gazetteer.resolve("Syria").feature == "country"


def test_regions_are_indexed(gazetteer):
    region = gazetteer.resolve("Deir ez-Zor", ("SY",), region=True)
    assert region.feature == "admin1" and region.country_code == "SY"
    town = gazetteer.resolve("Deir ez-Zor", ("SY",))
    assert town.feature == "city" and town.admin1 == "Deir ez-Zor"
    assert gazetteer.resolve("Tiruppur city", ("IN",)).name == "Tiruppur"


def _row(gid, name, alternates="", cls="P", code="PPL", lat="35.61", lon="36.48"):
    return "\t".join([str(gid), name, name, alternates, lat, lon, cls, code, "SY", "", "12", "", "", "", "750", "",
                      "300", "Asia/Damascus", "2024-01-01"])


@pytest.fixture
def local(gazetteer, tmp_path, monkeypatch):
    """A copy of the index in its own cache folder (what ``graphbuild gazetteer`` opens)."""
    monkeypatch.setenv("GRAPHBUILD_CACHE", str(tmp_path / "cache"))
    copy = tmp_path / "cache" / gazetteer.path.name
    copy.parent.mkdir()
    shutil.copy(gazetteer.path, copy)
    return Gazetteer(copy)


def test_import_a_geonames_dump(local, tmp_path):
    dump = tmp_path / "SY.txt"
    dump.write_text(_row(99000001, "Tell Qaryat", "Tal Qaria,Tell Qariyat") + "\n", encoding="utf-8")
    zipped = tmp_path / "SY.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(dump, "SY.txt")
    assert local.resolve("Tal Qaria") is None
    report = local.import_geonames(zipped)
    assert (report.places, report.lines, report.bad, report.problem()) == (1, 1, 0, None)
    place = local.resolve("Tal Qaria", ("SY",))
    assert (place.name, place.country_code, place.admin1, place.uri) == (
        "Tell Qaryat", "SY", "Idlib", "https://sws.geonames.org/99000001/")


def test_reimport_replaces_a_place_and_its_names(local, tmp_path):
    dump = tmp_path / "SY.txt"
    dump.write_text(_row(99000001, "Tell Qaryat", "Tal Qaria") + "\n", encoding="utf-8")
    local.import_geonames(dump)
    dump.write_text(_row(99000001, "Tell Qaryat", "Tell Qarya Kabir", lat="35.70") + "\n", encoding="utf-8")
    local.import_geonames(dump)
    assert local.resolve("Tal Qaria") is None
    assert [p.latitude for p in local.candidates("Tell Qarya Kabir")] == [35.70]
    # a town the bundled data has keeps the district it gave it when the dump gives none
    town = local.resolve("Salkhad", ("SY",))
    assert town.admin2 == "Salkhad District"
    dump.write_text(_row(town.id, "Salkhad", "Salkhad Town") + "\n", encoding="utf-8")
    local.import_geonames(dump)
    again = local.resolve("Salkhad Town", ("SY",))
    assert (again.id, again.admin2, again.population) == (town.id, "Salkhad District", 750)


def test_bad_lines_are_reported_once_per_file(local, tmp_path):
    lines = [_row(99000011, "Kafr Tawil"), "not\ta\tdump", "# a comment", "",
             _row(99000012, "Tall Hamra", lat="north"), _row(99000013, "Jabal Sawda", cls="T", code="MT"),
             _row(99000014, "Some Bank", cls="U", code="BNK")]
    dump = tmp_path / "mixed.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 1
    assert "places added or updated: 2 (of 7 lines" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert errors == [f"error: {dump}: 2 lines skipped, not GeoNames rows (19 tab-separated columns with a "
                      "numeric id, coordinates and population): lines 2, 5"]
    fresh = Gazetteer(local.path)
    assert fresh.resolve("Kafr Tawil").feature == "city"
    assert fresh.resolve("Jabal Sawda").feature == "site"
    assert fresh.resolve("Some Bank") is None  # a feature class the gazetteer does not index


def test_a_file_that_is_no_dump_changes_nothing(local, tmp_path):
    before = local.path.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tdump\nnor\tthis\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt: nothing imported, 2 lines, not GeoNames rows .*: lines 1, 2$"):
        local.import_geonames(bad)
    assert local.path.read_bytes() == before


def test_an_import_killed_midway_leaves_the_index_as_it_was(local, tmp_path):
    """``kill -9`` during a real import: the index is byte for byte what it was, and the next
    import works."""
    dump = tmp_path / "big.txt"
    with open(dump, "w", encoding="utf-8") as out:
        for n in range(300_000):
            out.write(_row(90_000_000 + n, f"Qaryat Numra {n}", f"Numra {n}") + "\n")
    before = local.path.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "gazetteer", "import", str(dump)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    work = local.path.with_name(local.path.name + ".import")
    deadline = time.monotonic() + 120
    while not work.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(1.0)  # well into the import
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert local.path.read_bytes() == before
    assert Gazetteer(local.path).resolve("Qaryat Numra 7") is None
    small = tmp_path / "small.txt"
    small.write_text(_row(90_000_007, "Qaryat Numra 7") + "\n", encoding="utf-8")
    assert local.import_geonames(small).places == 1
    assert local.resolve("Qaryat Numra 7").id == "90000007"
    assert not work.exists()


def test_lookup_command_ranks_by_context():
    result = CliRunner().invoke(cli, ["gazetteer", "lookup", "Tripoli", "--country", "LB"])
    assert result.exit_code == 0
    first = result.output.splitlines()[2]
    assert "Lebanon" in first and "266826" in first


def test_countries_take_acled_names_where_geonames_differs(gazetteer):
    assert gazetteer.country_name("PS") == "Palestine"
    assert gazetteer.resolve("Palestine").name == "Palestine"


@pytest.mark.parametrize("a, b", [("Tal Tamer", "Tall Tamr"), ("Mineralne", "Mineral'noye"),
                                  ("Novooleksandrivka", "Novoaleksandrovka"), ("Deir ez-Zor", "Dayr az Zawr")])
def test_skeletons_join_transliterations(a, b):
    from graphbuild.gazetteer import skeleton

    assert skeleton(fold(a)) == skeleton(fold(b)) != ""


def test_a_short_skeleton_is_not_used():
    from graphbuild.gazetteer import skeleton

    assert skeleton(fold("Mine")) == ""  # too little is left to tell places apart


def test_fuzzy_lookup_stays_in_the_given_countries(gazetteer):
    place = gazetteer.fuzzy("Tal Tamer", ("SY",))
    assert place is not None and place.country_code == "SY"
    assert gazetteer.fuzzy("Tal Tamer", ("FR",)) is None


def test_region_names_are_found_without_their_kind(gazetteer):
    assert any(p.feature == "admin2" and p.country_code == "PH" for p in gazetteer.candidates("Laguna"))
    assert any(p.feature == "country" and p.country_code == "IQ" for p in gazetteer.candidates("Northern Iraq"))


def test_a_skeleton_leaves_out_particles():
    from graphbuild.gazetteer import skeleton

    assert skeleton(fold("San Luis de Potosi")) == skeleton(fold("San Luis Potosi"))


@pytest.mark.parametrize("name, found", [("Nabatiyeh", "LB"), ("Zahleh", "LB"), ("Sulaimaniyah", "IQ")])
def test_the_arabic_ending_is_spelt_several_ways(gazetteer, name, found):
    assert found in {p.country_code for p in gazetteer.candidates(name)}


def test_an_ending_is_not_tried_when_the_name_is_known(gazetteer):
    assert {p.country_code for p in gazetteer.candidates("Gaza")} >= {"PS"}
    assert _ending_variants("gaza") == [] and _ending_variants("zahleh") == ["zahla", "zahlah", "zahle"]
    assert _ending_variants("homs") == []


def test_every_outlet_names_a_known_country(gazetteer):
    from graphbuild.lexicon import ontology_path, read_csv

    rows = read_csv(ontology_path("outlets.csv"))
    assert len(rows) > 1000
    # (an international agency or broadcaster has none: it reports from everywhere)
    assert {r["country"] for r in rows} - {""} <= {p.country_code for p in gazetteer.candidates("x")} | set(
        gazetteer._countries)
    assert {fold(r["outlet"]) for r in rows if not r["country"]} >= {"voice of america", "xinhua"}
    keys = [fold(r["outlet"]) for r in rows]
    assert len(keys) == len(set(keys))  # one country per outlet name


def test_a_town_known_by_a_shorter_name_beats_a_hamlet_of_that_name(gazetteer):
    # Cintalapa de Figueroa (42,000 people) is "Cintalapa"; so is a hamlet of 1,500 in the same state
    assert gazetteer.resolve("Cintalapa", ("MX",), frozenset({"chiapas"})).name == "Cintalapa de Figueroa"
    # a province keeps its own name before a town that has it only as an alternate one
    assert gazetteer.resolve("Guerrero", ("MX",), region=True).feature == "admin1"


def test_a_two_word_town_is_found_run_together(gazetteer):
    assert "Mirpur Khas" in {p.name for p in gazetteer.candidates("Mirpurkhas")}
    assert "Tarn Taran" in {p.name for p in gazetteer.candidates("Tarntaran")}


def test_a_region_word_prefers_a_region_to_a_town_of_another_country(gazetteer):
    assert gazetteer.resolve("Zulia", ("CO", "VE"), region=True, region_word=True).country_code == "VE"
    assert gazetteer.resolve("Zulia", ("CO", "VE")).country_code == "CO"  # El Zulia, a Colombian town


def test_two_first_runs_at_once_build_one_whole_index(tmp_path):
    """Two processes opening the gazetteer on an empty cache at the same moment (parallel
    first ingests): both get a whole index, neither fails, no temporary file is left."""
    import os
    import sqlite3
    import subprocess
    import sys

    env = {**os.environ, "GRAPHBUILD_CACHE": str(tmp_path)}
    script = ("import logging; logging.basicConfig(level=logging.INFO)\n"
              "from graphbuild.gazetteer import Gazetteer; print(Gazetteer().resolve('Hajin', ('SY',)).name)")
    runs = [subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [run.communicate(timeout=300) + (run.returncode,) for run in runs]
    for out, err, code in results:
        assert code == 0, err[-2000:]
        assert out.strip() == "Hajīn"
    # one of them built it (and said so), the other waited for it
    assert sum("building the gazetteer index" in err for _, err, _ in results) == 1
    index = tmp_path / f"gazetteer-v{INDEX_VERSION}.sqlite"
    db = sqlite3.connect(index)
    assert db.execute("SELECT COUNT(*) FROM places").fetchone()[0] > 100_000
    assert sorted(p.name for p in tmp_path.iterdir()) == [index.name, index.name + ".lock"]


@pytest.mark.parametrize("acronym", ["LoC", "JeM", "HAMAS", "PoK"])
def test_acronyms_are_not_towns_that_merely_list_them(gazetteer, acronym):
    """"LoC" (the Line of Control) is not Binh Long, nor "HAMAS" Hamm, though GeoNames gives
    those towns such a code or alternate name; written as a word, the name still finds them."""
    assert gazetteer.candidates(acronym) == []
    assert gazetteer.candidates(acronym.capitalize())


def test_capitals_that_spell_a_place_or_a_province_still_find_it(gazetteer):
    assert [p.country_code for p in gazetteer.candidates("KARACHI")] == ["PK"]  # not Qaraçı, Azerbaijan
    assert gazetteer.resolve("NDjamena").name == "N'Djamena"
    assert gazetteer.resolve("McAllen").country_code == "US"
    assert gazetteer.resolve("KPK").name == "Khyber Pakhtunkhwa"
    assert gazetteer.resolve("UP").name == "Uttar Pradesh"


def test_a_unit_word_in_capitals_is_no_acronym(gazetteer):
    assert gazetteer.resolve("Sapele LGA", ("NG",)).name == "Sapele"


def test_import_shows_a_progress_bar_on_a_terminal(local, tmp_path):
    """In a real pseudo-terminal: the bar with its percentage, places and rate; the summary on stdout."""
    import pty

    dump = tmp_path / "SY.txt"
    dump.write_text("".join(_row(91_000_000 + n, f"Mazraat Rasm {n}") + "\n" for n in range(50_000)),
                    encoding="utf-8")
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "graphbuild", "gazetteer", "import", str(dump)],
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE, stderr=follower,
                          timeout=600)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("places added or updated: 50000 (of 50000 lines")
    screen = shown.decode()
    assert "100%" in screen and "50,000 places" in screen and "/s" in screen and "indexing names" in screen


def _province(gazetteer, name):
    return next(p for p in gazetteer.candidates(name) if p.feature == "admin1")


@pytest.mark.parametrize("written, province, town", [
    ("Baama", "Borno", "Bama"), ("Izium", "Kharkiv", "Izyum"), ("Tumacco", "Narino", "Tumaco")])
def test_a_short_name_spelt_otherwise_is_found_in_its_province(gazetteer, written, province, town):
    """Names too short for a country-wide skeleton are told apart inside one province."""
    place = gazetteer.spelt_like(written, _province(gazetteer, province))
    assert place is not None and place.name == town


def test_a_spelling_is_not_taken_from_another_province(gazetteer):
    assert gazetteer.spelt_like("Kidal", _province(gazetteer, "Gao")) is None  # Kidal is its own region
    assert gazetteer.spelt_like("Baama", _province(gazetteer, "Kano")) is None


def test_a_name_in_another_language_is_not_what_news_calls_a_town(gazetteer):
    bratislava = gazetteer.resolve("Pressburg")
    assert bratislava.name == "Bratislava"  # still found ...
    assert not gazetteer.written_for(bratislava, "Pressburg")  # ... but only by its German name
    assert gazetteer.written_for(gazetteer.resolve("Izium"), "Izium")
    assert gazetteer.written_for(gazetteer.resolve("KPK"), "KPK")  # a region's curated alias


def test_a_hyphenated_name_is_no_acronym(gazetteer):
    from graphbuild.gazetteer import _shouted

    assert not _shouted("Al-Bab") and not _shouted("Tal-Afar")
    assert _shouted("PML-N") and _shouted("LoC")
