"""``chokepoint reports ingest`` and "named in N reports" in ``entities show``, through the real Typer app."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.reports import CLAIM_COLUMNS, CLUSTER_COLUMNS, MENTION_COLUMNS
from chokepoint.store import Store

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "demo.db"
    loaded = runner.invoke(app, ["lists", "load", str(EXAMPLES / "drone_story.ftm.json"), "--db", str(path)])
    assert loaded.exit_code == 0, loaded.output
    return path


def _db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    return copy


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_ingest_writes_three_tables_and_saves_to_the_store(demo_db: Path, tmp_path: Path) -> None:
    db, out = _db(demo_db, tmp_path), tmp_path / "out"
    result = runner.invoke(
        app, ["reports", "ingest", str(EXAMPLES / "reports"), "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("documents=17 ") and "clusters=13" in result.stdout
    for name, columns in (
        ("mentions.csv", MENTION_COLUMNS),
        ("clusters.csv", CLUSTER_COLUMNS),
        ("timeline.csv", CLAIM_COLUMNS),
    ):
        with (out / name).open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == list(columns)
    mentions = _rows(out / "mentions.csv")
    assert {
        "document": "2023-01-06-qods-leadership.txt",
        "text": "Ghassem Damavandian",
        "entity_id": "cp-qasem-damavandian",
    }.items() <= next(m for m in mentions if m["text"] == "Ghassem Damavandian").items()
    timeline = _rows(out / "timeline.csv")
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)
    with Store(db) as store:
        assert len(store.report_documents()) == 17
        assert len(store.report_mentions()) == len(mentions) and len(store.report_timeline()) == len(timeline)


def test_entities_show_says_in_how_many_reports_an_entity_is_named(demo_db: Path, tmp_path: Path) -> None:
    db, out = _db(demo_db, tmp_path), tmp_path / "out"
    runner.invoke(app, ["reports", "ingest", str(EXAMPLES / "reports"), "--out", str(out), "--db", str(db)])
    shown = runner.invoke(app, ["entities", "show", "cp-abdollah-mehrabi", "--db", str(db)])
    assert shown.exit_code == 0 and "named in 6 reports (4 stories)" in shown.stdout
    as_json = runner.invoke(app, ["entities", "show", "cp-abdollah-mehrabi", "--db", str(db), "--json"])
    assert json.loads(as_json.stdout)["reports"] == 6
    unnamed = runner.invoke(app, ["entities", "show", "cp-zakamsk", "--db", str(db)])
    assert "named in 0 reports" in unnamed.stdout


def test_ingesting_the_same_folder_again_replaces_its_documents(demo_db: Path, tmp_path: Path) -> None:
    db = _db(demo_db, tmp_path)
    for _ in range(2):
        result = runner.invoke(
            app,
            ["reports", "ingest", str(EXAMPLES / "reports"), "--out", str(tmp_path / "o"), "--db", str(db)],
        )
        assert result.exit_code == 0
    with Store(db) as store:
        assert len(store.report_documents()) == 17


def test_a_second_ingest_joins_the_stories_already_in_the_store(demo_db: Path, tmp_path: Path) -> None:
    db, folder = _db(demo_db, tmp_path), EXAMPLES / "reports"
    first = ["2023-11-14-caspian-route.txt", "2022-10-20-eu-lists-shahed.txt"]
    second = ["2023-11-17-caspian-route-steppe.html", "2023-07-21-eu-drone-parts-ban.txt"]
    for batch, out in ((first, tmp_path / "one"), (second, tmp_path / "two")):
        files = [str(folder / name) for name in batch]
        result = runner.invoke(app, ["reports", "ingest", *files, "--out", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
    clusters = {r["document"]: r["cluster"] for r in _rows(tmp_path / "one" / "clusters.csv")}
    clusters |= {r["document"]: r["cluster"] for r in _rows(tmp_path / "two" / "clusters.csv")}
    assert clusters["2023-11-17-caspian-route-steppe.html"] == clusters["2023-11-14-caspian-route.txt"]
    mehrabi = [r for r in _rows(tmp_path / "two" / "timeline.csv") if r["date"].startswith("2021-10")]
    # Oct. 2021: the EU story and the Caspian route story of the first ingest, the EU parts ban of the second
    assert {r["corroboration"] for r in mehrabi} == {"3"}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.txt", b"Drones\n\nIran \xc3\x28 shipped.\n", "{path}:3: not utf-8 text (byte 0xc3)"),
        ("empty.md", b"", "{path}: empty file"),
        ("notes.rtf", b"{\\rtf1 Iran}", "{path}: unsupported file type '.rtf'"),
    ],
)
def test_bad_input_exits_2_with_one_error_line_and_writes_nothing(
    demo_db: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    db, out = _db(demo_db, tmp_path), tmp_path / "out"
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(
        app, ["reports", "ingest", str(EXAMPLES / "reports"), str(path), "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {message.format(path=path)}")
    assert not out.exists()
    with Store(db) as store:
        assert store.report_documents() == []


def test_missing_folder_exits_2_and_old_outputs_are_left_alone(demo_db: Path, tmp_path: Path) -> None:
    db, out = _db(demo_db, tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "mentions.csv").write_text("old\n")
    result = runner.invoke(
        app, ["reports", "ingest", str(tmp_path / "nowhere"), "--out", str(out), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nowhere'}: no such file or folder\n"
    assert (out / "mentions.csv").read_text() == "old\n" and sorted(p.name for p in out.iterdir()) == [
        "mentions.csv"
    ]
