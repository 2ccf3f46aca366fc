"""``chokepoint decisions add|list``: decisions clear or escalate alerts and land in the audit log."""

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
KIMIA = "cp-kimia-part-sivan-company-llc"
BOOK = (
    "order_id,buyer,buyer_country,ship_to_country,part_number,manufacturer,hs_code\n"
    "SO-1,Kimia Part Sivan Co.,DE,DE,RC0603FR-0710KL,Yageo,853321\n"
    "SO-2,Bosphorus Teknoloji A.S.,TR,TR,TMS320F28335PGFAR,Texas Instruments,854231\n"
)


def invoke(*args: object) -> Result:
    return runner.invoke(app, [*map(str, args)])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cp.db"
    assert invoke("lists", "load", EXAMPLES / "drone_story.ftm.json", "--db", path).exit_code == 0
    return path


def screen(tmp_path: Path, db: Path) -> list[dict[str, str]]:
    book, out = tmp_path / "book.csv", tmp_path / "alerts.csv"
    book.write_text(BOOK, encoding="utf-8")
    result = invoke("screen", "transactions", book, "--out", out, "--db", db)
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_cleared_party_is_no_longer_alerted_and_the_decision_is_audited(tmp_path: Path, db: Path) -> None:
    assert [r["order_id"] for r in screen(tmp_path, db)] == ["SO-1", "SO-2"]
    added = invoke("decisions", "add", "--kind", "party", "--query", "Kimia Part Sivan Co.",
                   "--entity", KIMIA, "--decision", "cleared", "--reason", "a namesake, other register",
                   "--who", "a.analyst", "--db", db)  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith(f"decision 1: cleared party 'kimia part sivan co' ~ {KIMIA} by a.analyst")
    assert [r["order_id"] for r in screen(tmp_path, db)] == ["SO-2"]
    listed = invoke("decisions", "list", "--json", "--db", db)
    [record] = json.loads(listed.stdout)
    assert (record["decision"], record["who"], record["evidence"]["caption"]) == (
        "cleared", "a.analyst", "Kimia Part Sivan Company LLC",
    )  # fmt: skip
    with Store(db) as store:
        actions = [e.action for e in store.audit_log()]
    assert actions == [
        "screen.transactions", "alerts.saved", "decision.cleared", "screen.transactions", "alerts.saved",
    ]  # fmt: skip


def test_escalated_part_is_marked_on_its_alert(tmp_path: Path, db: Path) -> None:
    added = invoke("decisions", "add", "--kind", "goods", "--query", "TMS320F28335PGFAR", "--manufacturer",
                   "Texas Instruments", "--entity", "TMS320F28335PGFA", "--decision", "escalated",
                   "--reason", "flight controller DSP to a new Turkish buyer", "--who", "a.analyst",
                   "--db", db)  # fmt: skip
    assert added.exit_code == 0, added.output
    [_, so2] = screen(tmp_path, db)
    assert so2["decisions"].startswith("ESCALATED by decision 1 (a.analyst")
    assert "'TMS320F28335PGFAR' ~ TMS320F28335PGFA" in so2["decisions"]


def test_unknown_entity_or_catalogue_part_exits_2(db: Path) -> None:
    party = invoke("decisions", "add", "--kind", "party", "--query", "X", "--entity", "no-such-id",
                   "--decision", "cleared", "--reason", "r", "--db", db)  # fmt: skip
    assert party.exit_code == 2 and "no entity with id 'no-such-id'" in party.stderr
    goods = invoke("decisions", "add", "--kind", "goods", "--query", "LM358DR", "--entity", "LM358",
                   "--decision", "cleared", "--reason", "r", "--db", db)  # fmt: skip
    assert goods.exit_code == 2 and "no catalogue part 'LM358'" in goods.stderr
    blank = invoke("decisions", "add", "--kind", "party", "--query", "Kimia", "--entity", KIMIA,
                   "--decision", "cleared", "--reason", " ", "--db", db)  # fmt: skip
    assert blank.exit_code == 2 and "reason must not be blank" in blank.stderr
    with Store(db) as store:
        assert store.decisions() == [] and store.audit_log() == []
