"""The offline gazetteer: variants, context ranking, regions, GeoNames dump import."""
import shutil
import zipfile

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.gazetteer import INDEX_VERSION, Gazetteer, _ending_variants, fold


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


def test_import_a_geonames_dump(gazetteer, tmp_path):
    copy = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer.path, copy)
    row = "\t".join(["99000001", "Tell Qaryat", "Tell Qaryat", "Tal Qaria,Tell Qariyat", "35.61", "36.48", "P",
                     "PPL", "SY", "", "12", "", "", "", "750", "", "300", "Asia/Damascus", "2024-01-01"])
    dump = tmp_path / "SY.txt"
    dump.write_text(row + "\n", encoding="utf-8")
    zipped = tmp_path / "SY.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(dump, "SY.txt")
    local = Gazetteer(copy)
    assert local.resolve("Tal Qaria") is None
    assert local.import_geonames(zipped) == 1
    place = local.resolve("Tal Qaria", ("SY",))
    assert (place.name, place.country_code, place.admin1, place.uri) == (
        "Tell Qaryat", "SY", "Idlib", "https://sws.geonames.org/99000001/")
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tdump\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1: not a GeoNames row"):
        local.import_geonames(bad)


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
    assert {r["country"] for r in rows} <= {p.country_code for p in gazetteer.candidates("x")} | set(
        gazetteer._countries)
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
