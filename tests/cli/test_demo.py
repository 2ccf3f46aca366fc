"""``chokepoint demo`` loads the bundled drone-story sample and shows it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo writes its report into the current folder."""
    monkeypatch.chdir(tmp_path)


def test_demo_loads_the_sample_and_lists_the_story_entities(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "loaded source=chokepoint_demo" in result.stdout
    for name in (
        "Qods Aviation Industries",
        "Shahed Aviation Industries Research Center",
        "Abdollah Mehrabi",
        "Qasem Damavandian",
        "Alabuga",
    ):
        assert name in result.stdout
    with Store(db) as store:
        [version] = store.versions()
        assert version.source == "chokepoint_demo" and version.targets >= 40
        qods, _ = store.entity("cp-qods-aviation-industries")
        assert "Ghods Aviation Industries" in qods.get("alias")
        vessels = [e for e in store.iter_entities(targets_only=True) if e.schema.name == "Vessel"]
        assert any("IMO9240914" in v.get("imoNumber") for v in vessels)


def test_demo_twice_reports_the_sample_unchanged(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    runner.invoke(app, ["demo", "--db", db], catch_exceptions=False)
    again = runner.invoke(app, ["demo", "--db", db], catch_exceptions=False)
    assert again.exit_code == 0 and "unchanged source=chokepoint_demo" in again.stdout
    shown = runner.invoke(app, ["lists", "show", "--json", "--db", db])
    assert len(json.loads(shown.stdout)) == 1


def test_sample_is_valid_ftm_with_list_refs() -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "drone_story.ftm.json"
    rows = [json.loads(line) for line in sample.read_text().splitlines() if line.strip()]
    targets = [r for r in rows if r.get("target")]
    assert all(r["list_ref"].startswith("CP-") for r in targets)
    assert len({r["id"] for r in rows}) == len(rows)


def test_demo_screens_the_sample_order_book_and_writes_the_report(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "screened 308 order lines: 32 alerts" in result.stdout
    report = tmp_path / "demo_report.html"
    assert f"Report for a compliance officer: {report}" in result.stdout
    html = report.read_text(encoding="utf-8")
    assert "Transaction screening report" in html and "Kimia Part Sivan Company LLC" in html
    with (tmp_path / "demo_alerts.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 32


def test_demo_answers_which_ships_made_dark_amirabad_makhachkala_runs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "dark Amirabad → Makhachkala runs:" in result.stdout
    runs = int(result.stdout.split("dark Amirabad → Makhachkala runs: ")[1].split()[0])
    assert runs >= 1  # the simulated month plants dark runs on this route
    folder = tmp_path / "demo_ais"
    assert (folder / "dark_voyages.csv").read_text().count("Makhachkala") >= runs
    assert any(p.name.startswith("vessel_") and p.suffix == ".html" for p in folder.iterdir())


def test_demo_reads_the_sample_articles_into_the_store(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    section = result.stdout.split("The reporting")[1]
    assert "17 articles read:" in section and "13 stories (4 re-publications)" in section
    rows = [line for line in section.splitlines() if line.startswith("  ") and " stories: " in line]
    assert len(rows) == 3 and "Abdollah Mehrabi" in section
    with Store(db) as store:
        assert len(store.report_documents()) == 17
        assert [d.id for d in store.entity_reports("cp-safiran-airport-services")]
