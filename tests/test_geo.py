"""One distance formula, one earth radius."""
import pytest

from graphbuild.geo import destination, distance_km


def test_a_destination_lies_at_its_distance_and_bearing():
    lat, lon = destination(11.84692, 13.15712, 20, 90)  # 20 km east of Maiduguri
    assert lat == pytest.approx(11.8469, abs=1e-3) and lon > 13.15712
    assert distance_km(11.84692, 13.15712, lat, lon) == pytest.approx(20, abs=1e-6)


def test_one_degree_of_latitude_is_about_111_km():
    assert distance_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)
