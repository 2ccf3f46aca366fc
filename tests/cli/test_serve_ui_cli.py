"""``chokepoint serve --ais DIR``: the folder the vessel pages read must exist, checked before serving."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_missing_ais_folder_exits_2_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "cp.db"
    runner = CliRunner()
    loaded = runner.invoke(app, ["lists", "load", str(EXAMPLES / "drone_story.ftm.json"), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    missing = tmp_path / "no_ais"
    result = runner.invoke(app, ["serve", "--db", str(db), "--no-auth", "--ais", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == f"error: {missing}: no such folder of AIS events"
