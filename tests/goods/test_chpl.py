"""The bundled Common High Priority List and HS code parsing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.goods import TIERS, chpl_entries, chpl_table, load_chpl, normalise_hs


def test_bundled_chpl_has_the_50_codes_and_tiers_of_the_published_list(data_dir: Path) -> None:
    with (data_dir / "goods" / "chpl_hs_codes.csv").open(encoding="utf-8") as handle:
        published = {r["hs6"]: r["tier"] for r in csv.DictReader(handle)}
    assert len(chpl_table()) == 50
    assert {code: e.tier for code, e in chpl_table().items()} == published
    assert {e.tier for e in chpl_table().values()} == set(TIERS)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("8542.31", "854231"),
        ("854231", "854231"),
        ("8542.31.0000", "8542310000"),
        ("HS 8542", "8542"),
        ("", ""),
    ],
)
def test_hs_codes_are_read_in_the_usual_spellings(written: str, code: str) -> None:
    assert normalise_hs(written) == code


@pytest.mark.parametrize("written", ["85x2", "85", "8542.31.000000.1", "chips"])
def test_unreadable_hs_codes_are_refused(written: str) -> None:
    with pytest.raises(ValueError, match="not an HS code"):
        normalise_hs(written)


def test_national_codes_and_headings_find_their_chpl_entries() -> None:
    assert [e.tier for e in chpl_entries("8542310000")] == ["1"]
    assert {e.hs6 for e in chpl_entries("8532")} == {"853221", "853224"}  # heading: both capacitor codes
    assert chpl_entries("853321") == ()  # resistors are not on the list


@pytest.mark.parametrize(
    ("row", "message"),
    [("85423,1,x", "not a 6-digit HS code"), ("854231,5,x", "tier '5'"), ("854231,1,x\n854231,2,y", "twice")],
)
def test_malformed_chpl_rows_name_their_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "chpl.csv"
    path.write_text(f"# comment\nhs6,tier,description\n{row}\n")
    with pytest.raises(InputError, match=message) as info:
        load_chpl(path)
    assert info.value.line == 3 + row.count("\n")
    assert str(info.value).startswith(f"{path}:")
