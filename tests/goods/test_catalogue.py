"""Catalogue and transshipment-jurisdiction readers: the real files load, malformed rows name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.goods import bundled_catalogue, load_catalogue, load_catalogues, load_jurisdictions

HEADER = "manufacturer,part_number,component_type,manufacturer_country,found_in,source\n"


def test_gur_catalogue_loads_with_its_references(data_dir: Path) -> None:
    components = load_catalogue(data_dir / "goods" / "uav_components.csv")
    assert len(components) == 834
    assert sum(bool(c.part_number) for c in components) == 262
    first = components[0]
    assert (first.manufacturer, first.found_in, first.refs) == (
        "AMASS",
        "Geran-3 (Shahed-238 family)",
        ("GUR 6489",),
    )
    assert first.line == 2


def test_bundled_catalogue_cites_its_sources() -> None:
    components = bundled_catalogue()
    assert 40 <= len(components) <= 80
    assert all(c.found_in and c.refs for c in components)
    dsp = next(c for c in components if c.part_number == "TMS320F28335PGFA")
    assert dsp.refs[:2] == ("GUR 674", "GUR 3630")


def test_user_catalogues_add_to_the_bundled_one(data_dir: Path) -> None:
    gur = data_dir / "goods" / "uav_components.csv"
    assert len(load_catalogues([gur])) == len(bundled_catalogue()) + 834
    assert len(load_catalogues([gur], bundled=False)) == 834


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("TI,TMS320,DSP,US,,src\n", 2, "found_in is blank"),
        (
            "TI,X1,DSP,US,Shahed-136,src\n,,DSP,US,Shahed-136,src\n",
            3,
            "neither a manufacturer nor a part number",
        ),
        ("TI,X1,DSP,USA,Shahed-136,src\n", 2, "not a 2-letter ISO code"),
        ("TI,X1,DSP,US,Shahed-136\n", 2, "5 fields where the header has 6"),
        ('TI,"X1,DSP,US,Shahed-136,src\n', 2, "broken CSV"),
    ],
)
def test_malformed_catalogue_rows_name_file_and_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_catalogue(path)
    assert (info.value.path, info.value.line) == (str(path), line)


def test_catalogue_without_a_column_names_it_at_line_1(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("manufacturer,part_number,component_type,found_in,source\nTI,X1,DSP,Shahed,src\n")
    with pytest.raises(CSVColumnError, match="manufacturer_country") as info:
        load_catalogue(path)
    assert str(info.value) == f"{path}:1: missing column(s): manufacturer_country"


def test_catalogue_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_bytes(HEADER.encode() + b"TI,X1,DSP,US,Shahed-136,src\nTI,X\xff2,DSP,US,Shahed-136,src\n")
    with pytest.raises(InputError, match="not UTF-8") as info:
        load_catalogue(path)
    assert info.value.line == 3


def test_empty_catalogue_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("")
    with pytest.raises(CSVColumnError, match="no header row"):
        load_catalogue(path)


def test_transshipment_jurisdictions_bundled_and_shared_agree(data_dir: Path) -> None:
    shared = load_jurisdictions(data_dir / "goods" / "transshipment_jurisdictions.csv")
    bundled = load_jurisdictions()
    assert set(shared) == set(bundled) and len(bundled) == 20
    assert bundled["AE"].country == "United Arab Emirates"
    assert "2022" in bundled["KZ"].why


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [("ARM,Armenia,x,y\n", 2, "not a 2-letter ISO code"), ("AM,Armenia,x,y\nam,Armenia,x,y\n", 3, "twice")],
)
def test_malformed_jurisdiction_rows_name_their_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = tmp_path / "j.csv"
    path.write_text("country_iso2,country,why,source\n" + body)
    with pytest.raises(InputError, match=message) as info:
        load_jurisdictions(path)
    assert info.value.line == line


def test_jurisdictions_without_a_column_name_it(tmp_path: Path) -> None:
    path = tmp_path / "j.csv"
    path.write_text("country_iso2,country\nAM,Armenia\n")
    with pytest.raises(CSVColumnError, match="why, source"):
        load_jurisdictions(path)
