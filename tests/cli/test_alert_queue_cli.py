"""``chokepoint screen transactions`` queues its alerts in the store for review, once per distinct run."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_screened_alerts_are_queued_once_with_their_list_versions(tmp_path: Path) -> None:
    db = tmp_path / "cp.db"
    loaded = runner.invoke(app, ["lists", "load", str(EXAMPLES / "drone_story.ftm.json"), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    screen = ["screen", "transactions", str(EXAMPLES / "orders_demo.csv"), "--db", str(db), "--who", "ana"]
    first = runner.invoke(app, [*screen, "--out", str(tmp_path / "a.csv")])
    assert first.exit_code == 0, first.output
    assert "32 alerts queued for review" in first.stdout
    again = runner.invoke(app, [*screen, "--out", str(tmp_path / "b.csv")])
    assert again.exit_code == 0 and "alerts already queued for review" in again.stdout
    with Store(db) as store:
        page = store.alerts(limit=100)
        assert page.total == 32 and {a.status for a in page.alerts} == {"open"}
        alert = page.alerts[0]
        assert alert.run.startswith("tx-") and alert.list_versions[0]["source"] == "chokepoint_demo"
        assert alert.data["evidence"] and alert.subject.startswith("SO-") and alert.line is not None
        [saved] = store.audit_log(action="alerts.saved")
        assert saved.actor == "ana" and saved.detail["alerts"] == 32
