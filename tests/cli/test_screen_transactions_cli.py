"""``chokepoint screen transactions`` end to end: alerts CSV, JSON, printable report, audit log, bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HEADER = "order_id,date,buyer,buyer_country,ship_to_country,part_number,manufacturer,hs_code\n"


def run(*args: object) -> Result:
    return runner.invoke(app, ["screen", "transactions", *map(str, args)])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cp.db"
    loaded = runner.invoke(app, ["lists", "load", str(EXAMPLES / "drone_story.ftm.json"), "--db", str(path)])
    assert loaded.exit_code == 0, loaded.output
    return path


def test_demo_book_gives_alerts_json_and_report(tmp_path: Path, db: Path) -> None:
    out, js, report = tmp_path / "alerts.csv", tmp_path / "alerts.json", tmp_path / "report.html"
    result = run(EXAMPLES / "orders_demo.csv", "--out", out, "--json", js, "--report", report, "--db", db)
    assert result.exit_code == 0, result.output
    assert (
        "screened 308 order lines against chokepoint_demo@" in result.stdout and "32 alerts" in result.stdout
    )
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["row", "order_id", "score", "flags", "reasons", "parties", "goods", "decisions"]
    assert len(rows) == 32 and all(float(r["score"]) >= 0.5 for r in rows)
    data = json.loads(js.read_text(encoding="utf-8"))
    assert (
        data["lines"] == 308
        and data["lists"][0]["source"] == "chokepoint_demo"
        and len(data["alert_list"]) == 32
    )
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html.lower()
    assert "Kimia Part Sivan Company LLC" in html and "chokepoint_demo" in html and "RF-21" in html
    with Store(db) as store:
        [entry] = store.audit_log(action="screen.transactions")
    assert entry.detail["alerts"] == 32 and entry.detail["outputs"]["report"] == str(report)
    assert entry.detail["lists"][0]["version"] == data["lists"][0]["version"]


def test_bad_date_exits_2_naming_file_and_line_and_writes_nothing(tmp_path: Path, db: Path) -> None:
    infile, out, report = tmp_path / "in.csv", tmp_path / "out.csv", tmp_path / "r.html"
    infile.write_text(HEADER + "SO-1,2025-03-01,A GmbH,DE,DE,X1,Y,\nSO-2,1 March,B GmbH,DE,DE,X1,Y,\n")
    result = run(infile, "--out", out, "--report", report, "--db", db)
    assert result.exit_code == 2
    assert result.stderr == f"error: {infile}:3: date '1 March' is not a date (YYYY-MM-DD)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cp.db",
        "cp.db-shm",
        "cp.db-wal",
        "in.csv",
    ] or not (out.exists() or report.exists())
    with Store(db) as store:
        assert store.audit_log(action="screen.transactions") == []


def test_file_without_party_or_goods_columns_exits_2_at_line_1(tmp_path: Path, db: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text("order_id,date,value\nSO-1,2025-03-01,10\n")
    result = run(infile, "--out", tmp_path / "out.csv", "--db", db)
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {infile}:1: no party column")
    assert not (tmp_path / "out.csv").exists()


def test_store_without_lists_and_missing_output_folder_are_bad_input(tmp_path: Path, db: Path) -> None:
    infile = tmp_path / "in.csv"
    infile.write_text(HEADER + "SO-1,2025-03-01,A GmbH,DE,DE,X1,Y,\n")
    empty = run(infile, "--out", tmp_path / "out.csv", "--db", tmp_path / "empty.db")
    assert empty.exit_code == 2 and "no lists are loaded in this store" in empty.stderr
    nowhere = run(infile, "--out", tmp_path / "out.csv", "--report", tmp_path / "no" / "r.html", "--db", db)
    assert nowhere.exit_code == 2 and "the output folder does not exist" in nowhere.stderr
    assert not (tmp_path / "out.csv").exists()


def test_clean_book_writes_a_header_only_csv(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "out.csv"
    result = run(EXAMPLES / "orders_clean.csv", "--out", out, "--db", db)
    assert result.exit_code == 0, result.output
    assert "0 alerts (0.0%)" in result.stdout
    assert out.read_text(encoding="utf-8").splitlines() == [
        "row,order_id,score,flags,reasons,parties,goods,decisions"
    ]
