"""Batch party screening: every row gets an outcome, bad rows say why, order is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.lists import read_lists
from chokepoint.matching import Matcher
from chokepoint.screening import read_parties, screen_parties


@pytest.fixture(scope="module")
def matcher(sanctions_dir: Path) -> Matcher:
    un = sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml"
    return Matcher.from_entities(read_lists([un])[0].entities)


def test_bad_rows_get_a_reason_and_do_not_stop_the_batch(matcher: Matcher) -> None:
    long_name = "A" * 10_000
    data = (
        "full_name,date_of_birth\n"
        ",\n"  # blank line: skipped
        "THARWAT SALAH SHIHATA,1960-06-29\n"
        "  ,1960\n"
        "---***,\n"
        f"{long_name},\n"
        "Tharwat شحاته SHIHATA,\n"  # mixed scripts
    ).encode()
    rows = read_parties("in.csv", data)
    assert [r.row for r in rows] == [1, 2, 3, 4, 5]
    out = list(screen_parties(rows, matcher, threshold=0.8))
    by_row: dict[int, list[dict]] = {}
    for o in out:
        by_row.setdefault(int(o["row"]), []).append(o)
    assert by_row[1][0]["entity_id"] == "un-sc-qdi-017" and by_row[1][0]["match"] == "true"
    assert by_row[2][0]["explanation"] == "not screened: no name"
    assert by_row[3][0]["explanation"] == "not screened: name has no letters or digits"
    assert by_row[4][0]["explanation"].startswith("not screened: name longer than")
    assert by_row[5][0]["entity_id"] == "un-sc-qdi-017"
    assert [int(o["row"]) for o in out] == sorted(int(o["row"]) for o in out)


def test_parallel_screening_gives_the_same_rows_as_serial(matcher: Matcher, data_dir: Path) -> None:
    path = data_dir / "matching" / "opensanctions_yente_screening" / "positives_un_treated.csv"
    rows = read_parties(str(path), path.read_bytes())[:240]
    serial = list(screen_parties(rows, matcher, threshold=0.8, workers=1))
    parallel = list(screen_parties(rows, matcher, threshold=0.8, workers=2))
    assert serial == parallel and len({o["row"] for o in serial}) >= 230


def test_input_without_a_name_column_is_refused() -> None:
    with pytest.raises(CSVColumnError, match="needs a full_name or name column") as info:
        read_parties("in.csv", b"first,last\nA,B\n")
    assert info.value.line == 1


def test_broken_row_names_its_line() -> None:
    with pytest.raises(InputError) as info:
        read_parties("in.csv", b"name,country\nA,ir\nB,ir,extra\n")
    assert (info.value.path, info.value.line) == ("in.csv", 3)


def test_unknown_schema_names_the_field() -> None:
    with pytest.raises(InputError, match="unknown schema") as info:
        read_parties("in.csv", b"name,schema\nA,Dragon\n")
    assert info.value.field == "schema" and info.value.line == 2
