"""Port lists, the water polygon and the lane graph: shipped data loads, bad files are named."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.maritime import load_ports, load_water
from chokepoint.maritime._routes import load_lanes


def test_shipped_caspian_ports_match_the_shared_list(data_dir: Path) -> None:
    ours = load_ports()
    shared = load_ports(data_dir / "ports" / "caspian_ports.csv")  # the same shape reads the same way
    assert {"Amirabad", "Makhachkala", "Astrakhan", "Olya"} <= set(ours["port"])
    assert set(ours["country"]) == {"IR", "RU", "KZ", "AZ", "TM"}
    for row in ours.iter_rows(named=True):
        match = shared.filter(shared["port"].str.starts_with(row["port"].split()[0]))
        if match.height:  # the same harbour within 5 km
            assert abs(match["port_lat"][0] - row["port_lat"]) < 0.05
            assert abs(match["port_lon"][0] - row["port_lon"]) < 0.05


def test_port_list_without_coordinates_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("name,country\nAmirabad,IR\n")
    with pytest.raises(CSVColumnError) as info:
        load_ports(path)
    assert str(info.value) == f"{path}:1: missing column(s) lat, lon"


def test_out_of_range_latitude_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("# comment\nname,country,lat,lon,radius_km\nA,IR,36.8,53.3,4\nB,RU,97,47,\n")
    with pytest.raises(InputError, match=r"p\.csv:4: lat 97.0 is outside"):
        load_ports(path)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(whitelist_categories=("L",)), min_size=1, max_size=12),
            st.sampled_from(["IR", "RU", "KZ"]),
            st.floats(-90, 90, allow_nan=False),
            st.floats(-180, 180, allow_nan=False),
            st.one_of(st.none(), st.floats(0.5, 20)),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_valid_port_list_reads_back(tmp_path_factory: pytest.TempPathFactory, rows: list) -> None:
    path = tmp_path_factory.mktemp("ports") / "p.csv"
    lines = ["name,country,locode,lat,lon,radius_km"]
    lines += [f"{n},{c},,{la!r},{lo!r},{'' if r is None else repr(r)}" for n, c, la, lo, r in rows]
    path.write_text("\n".join(lines) + "\n")
    got = load_ports(path)
    assert got["port"].to_list() == [r[0] for r in rows]
    assert np.allclose(got["port_lat"].to_numpy(), [r[2] for r in rows])
    assert got["radius_km"].null_count() == sum(r[4] is None for r in rows)


def test_water_polygon_gives_signed_shore_distance(data_dir: Path) -> None:
    water = load_water(data_dir / "geo" / "caspian_sea_gshhs_i.geojson")
    km = water.shore_km(np.array([42.0, 46.377]), np.array([50.0, 48.054]))  # mid-sea; Astrakhan
    assert km[0] > 50 and -70 < km[1] < -40
    assert 390_000 < water.projected.area < 400_000  # GSHHG gives 397,052 km² with islands removed


def test_broken_geojson_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "w.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [')
    with pytest.raises(InputError, match="not GeoJSON"):
        load_water(path)
    path.write_text('{"type": "Point", "coordinates": [1, 2]}')
    with pytest.raises(InputError, match="no Polygon"):
        load_water(path)


def test_every_lane_stays_on_water(data_dir: Path) -> None:
    water = load_water(data_dir / "geo" / "caspian_sea_gshhs_i.geojson")
    lanes = load_lanes()
    for name, linked in lanes.links.items():
        for other in linked:
            (la, oa), (lb, ob) = lanes.nodes[name], lanes.nodes[other]
            t = np.linspace(0, 1, 50)
            assert water.shore_km(la + t * (lb - la), oa + t * (ob - oa)).min() > 0.3, (name, other)
    assert lanes.path("Amirabad", "Makhachkala")[0] == "Amirabad"
