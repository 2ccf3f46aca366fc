"""Order books in, results out: validation with file and line, and no half-written output."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.goods import GoodsLine, GoodsResult, read_goods_lines, write_goods_results


def test_order_book_rows_with_comments_blank_lines_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "# exported 2025-05-01\nqty,part_number,manufacturer,description,hs_code\n"
        "10,TMS320F28335PGFA,TI,DSP,8542.31.0000\n\n5,,,,\n",
        encoding="utf-8",
    )
    assert list(read_goods_lines(path)) == [
        GoodsLine("TMS320F28335PGFA", "TI", "DSP", "8542310000"),
        GoodsLine("", "", "", ""),
    ]


def test_missing_column_is_named_at_line_1(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("part_number,manufacturer,description\nX,Y,Z\n")
    with pytest.raises(CSVColumnError) as info:
        list(read_goods_lines(path))
    assert str(info.value) == f"{path}:1: missing column(s): hs_code"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("A,B,C,8542\nA,B,C,85x2\n", 3, "hs_code '85x2' is not an HS code"),
        ('A,B,C,8542\n"A,B,C,8542\n', 3, "broken CSV"),
        ("A,B,C,8542\nA,B,C\n", 3, "3 fields where the header has 4"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text("part_number,manufacturer,description,hs_code\n" + body)
    with pytest.raises(InputError, match=message) as info:
        list(read_goods_lines(path))
    assert (info.value.path, info.value.line) == (str(path), line)


def test_results_are_written_in_the_contract_columns(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    results = [GoodsResult(1, True, 0.97, ("a", "b")), GoodsResult(2, False, 0.0, ())]
    assert write_goods_results(out, results) == (2, 1)
    with out.open(encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["row", "flagged", "risk", "reasons"],
            ["1", "true", "0.970", "a; b"],
            ["2", "false", "0.000", ""],
        ]


def test_failure_midway_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("previous\n")

    def failing() -> Iterator[GoodsResult]:
        yield GoodsResult(1, False, 0.0, ())
        raise InputError("bad row", path="in.csv", line=3)

    with pytest.raises(InputError):
        write_goods_results(out, failing())
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_output_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="output folder does not exist"):
        write_goods_results(tmp_path / "nope" / "out.csv", [])
