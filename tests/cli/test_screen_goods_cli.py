"""``chokepoint screen goods`` end to end: contract columns, catalogues, bad input exits 2 with file:line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from chokepoint.cli import app

runner = CliRunner()
HEADER = "part_number,manufacturer,description,hs_code\n"


def run(*args: object) -> Result:
    return runner.invoke(app, ["screen", "goods", *map(str, args)])


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_order_book_is_screened_into_the_contract_columns(tmp_path: Path) -> None:
    infile, out = tmp_path / "in.csv", tmp_path / "out.csv"
    infile.write_text(
        HEADER + "TMS320F28335PGFA,Texas Instruments,DSP,8542.31\n"
        "RC0603FR-0710KL,Yageo,Thick film resistor 10 kΩ,8533.21\n"
        ",,GNSS receiver module,\n",
        encoding="utf-8",
    )
    result = run(infile, "--out", out)
    assert result.exit_code == 0, result.output
    table = rows(out)
    assert list(table[0]) == ["row", "flagged", "risk", "reasons"]
    assert [(r["row"], r["flagged"], r["risk"]) for r in table] == [
        ("1", "true", "0.970"),
        ("2", "false", "0.000"),
        ("3", "true", "0.540"),
    ]
    assert table[0]["reasons"].startswith(
        "exact match 1.00: TMS320F28335PGFA is catalogue part TMS320F28335PGFA"
    )
    assert "screened 3 lines against 52 catalogued components and the CHPL: 2 flagged" in result.output
    meta = json.loads((tmp_path / "out.csv.meta.json").read_text())
    assert meta["chpl"] == "BIS Common High Priority List, 2024-02-23"
    assert [c["components"] for c in meta["catalogues"]] == [52]


def test_users_catalogue_is_added_to_the_bundled_one(tmp_path: Path, data_dir: Path) -> None:
    infile, out = tmp_path / "in.csv", tmp_path / "out.csv"
    infile.write_text(HEADER + "HS-M7990TH,Hitec,,\n")  # documented by GUR, not in the bundled catalogue
    assert run(infile, "--out", out).exit_code == 0
    assert rows(out)[0]["flagged"] == "false"
    gur = data_dir / "goods" / "uav_components.csv"
    result = run(infile, "--out", out, "--catalogue", gur)
    assert result.exit_code == 0, result.output
    assert rows(out)[0]["flagged"] == "true"
    meta = json.loads((tmp_path / "out.csv.meta.json").read_text())
    assert [c["components"] for c in meta["catalogues"]] == [52, 834]
    assert run(infile, "--out", out, "--catalogue", gur, "--no-bundled").exit_code == 0


def test_missing_column_exits_2_naming_it_and_line_1(tmp_path: Path) -> None:
    infile, out = tmp_path / "in.csv", tmp_path / "out.csv"
    infile.write_text("part_number,manufacturer,description\nX,Y,Z\n")
    result = run(infile, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {infile}:1: missing column(s): hs_code"]
    assert not out.exists()


def test_broken_line_exits_2_with_file_and_line_and_keeps_the_old_output(tmp_path: Path) -> None:
    infile, out = tmp_path / "in.csv", tmp_path / "out.csv"
    infile.write_text(HEADER + "TMS320F28335PGFA,TI,,\nX,Y,Z\n")
    out.write_text("previous\n")
    result = run(infile, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {infile}:3: broken CSV row: 3 fields where the header has 4"
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]


def test_bad_catalogue_exits_2_naming_its_line(tmp_path: Path) -> None:
    infile, out, catalogue = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "mine.csv"
    infile.write_text(HEADER + "X,Y,Z,\n")
    catalogue.write_text(
        "manufacturer,part_number,component_type,manufacturer_country,found_in,source\nTI,X1,DSP,US,,src\n"
    )
    result = run(infile, "--out", out, "--catalogue", catalogue)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"error: {catalogue}:2: found_in is blank: which weapon was the part found in?"
    )


def test_missing_file_and_bad_threshold_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path / "nope.csv", "--out", tmp_path / "out.csv")
    assert result.exit_code == 2 and result.stderr.strip() == f"error: {tmp_path / 'nope.csv'}: no such file"
    infile = tmp_path / "in.csv"
    infile.write_text(HEADER)
    result = run(infile, "--out", tmp_path / "out.csv", "--threshold", "1.5")
    assert (
        result.exit_code == 2
        and result.stderr.strip() == "error: field threshold: --threshold must be in (0, 1]"
    )
