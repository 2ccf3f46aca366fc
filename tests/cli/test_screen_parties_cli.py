"""``chokepoint screen parties`` end to end on the real UN list."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sanctions_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("screen") / "s.db"
    result = runner.invoke(app, ["lists", "load", str(sanctions_dir / "un_sc/2026-02-27/consolidated.xml"),
                                 "--db", str(path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def test_screening_writes_the_contract_columns_and_the_list_versions(db: Path, tmp_path: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text(
        "full_name,date_of_birth,nationality\nSHIHATA Tharwat Salah,1960-06-29,eg\nPatricia Wheeler,,\n"
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["screen", "parties", str(infile), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:8] == [
        "row",
        "query_name",
        "entity_id",
        "list_ref",
        "source",
        "caption",
        "score",
        "match",
    ]
    hit = rows[0]
    assert (hit["row"], hit["list_ref"], hit["source"], hit["match"]) == ("1", "QDi.017", "un_sc", "true")
    assert not any(r["match"] == "true" for r in rows if r["row"] == "2")
    meta = json.loads((tmp_path / "out.csv.meta.json").read_text())
    assert meta["lists"][0]["source"] == "un_sc" and meta["lists"][0]["published"] == "2026-02-27"


def test_screening_is_written_to_the_audit_log_with_its_list_versions(db: Path, tmp_path: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text("full_name\nSHIHATA Tharwat Salah\n")
    out = tmp_path / "out.csv"
    args = ["screen", "parties", str(infile), "--out", str(out), "--db", str(db), "--who", "a.analyst"]
    assert runner.invoke(app, args).exit_code == 0
    with Store(db) as store:
        [entry] = store.audit_log(action="screen.parties")[-1:]
    assert (entry.actor, entry.detail["rows"], entry.detail["matches"]) == ("a.analyst", 1, 1)
    assert entry.detail["lists"][0]["source"] == "un_sc" and entry.detail["output"] == str(out)


def test_missing_name_column_exits_2_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text("person,dob\nX,1960\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["screen", "parties", str(infile), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {infile}:1: needs a full_name or name column")
    assert not out.exists() and list(tmp_path.iterdir()) == [infile]


def test_empty_store_is_bad_input(tmp_path: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text("name\nX\n")
    result = runner.invoke(app, ["screen", "parties", str(infile), "--out", str(tmp_path / "o.csv"),
                                 "--db", str(tmp_path / "empty.db")])  # fmt: skip
    assert result.exit_code == 2 and "no lists are loaded" in result.stderr
