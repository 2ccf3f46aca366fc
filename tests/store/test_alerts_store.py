"""Stored alerts: a run saved once and whole, the queue filtered and paged, reviews through decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from chokepoint.errors import InputError, NotFound
from chokepoint.lists import read_lists, version_record
from chokepoint.screening import TransactionScreener, run_transactions
from chokepoint.store import PairDecision, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RAISED = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_alerts(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The alerts of the demo order book screened against the demo sample list (as Alert.to_dict)."""
    with Store(tmp_path_factory.mktemp("screen") / "lists.db") as store:
        store.load_versions(
            [(version_record(d), d.entities) for d in read_lists([EXAMPLES / "drone_story.ftm.json"])]
        )
        screener = TransactionScreener.from_store(store)
        run = run_transactions(EXAMPLES / "orders_demo.csv", screener, versions=store.versions())
    return [a.to_dict() for a in run.alerts]


@pytest.fixture
def store(store_url: str, demo_alerts: list[dict[str, Any]]) -> Store:
    with Store(store_url) as opened:
        opened.save_alerts("run-1", demo_alerts, list_versions=[{"source": "demo"}], created_at=RAISED)
        yield opened  # type: ignore[misc]


def test_run_is_saved_whole_with_one_audit_entry(store: Store, demo_alerts: list[dict[str, Any]]) -> None:
    page = store.alerts(limit=500)
    assert page.total == len(demo_alerts) > 20
    first = store.alert(page.alerts[0].id)
    assert (
        first.status == "open" and first.kind == "transaction" and first.list_versions == [{"source": "demo"}]
    )
    assert first.subject.startswith("SO-") and first.data["evidence"] and first.created_at == RAISED
    [entry] = store.audit_log(action="alerts.saved")
    assert entry.detail == {"run": "run-1", "kind": "transaction", "alerts": len(demo_alerts)}


def test_same_run_saved_again_adds_nothing(store: Store, demo_alerts: list[dict[str, Any]]) -> None:
    assert store.save_alerts("run-1", demo_alerts) == 0
    assert store.alerts().total == len(demo_alerts)


def test_bad_alert_in_a_run_saves_none_of_it(store_url: str, demo_alerts: list[dict[str, Any]]) -> None:
    with Store(store_url) as fresh:
        bad = [*demo_alerts[:3], demo_alerts[3] | {"score": 1.7}]
        with pytest.raises(InputError, match=r"alerts\[3\]: score must be a number from 0 to 1") as caught:
            fresh.save_alerts("run-bad", bad)
        assert caught.value.field == "score"
        assert fresh.alerts().total == 0 and fresh.audit_log() == []


def test_queue_is_riskiest_first_and_pages(store: Store) -> None:
    whole = store.alerts(limit=500).alerts
    assert [a.score for a in whole] == sorted((a.score for a in whole), reverse=True)
    second = store.alerts(offset=10, limit=10)
    assert [a.id for a in second.alerts] == [a.id for a in whole[10:20]] and second.total == len(whole)
    assert store.alert_ids() == [a.id for a in whole]


def test_rule_filter_matches_the_whole_rule_id(store: Store) -> None:
    # RF-1 must not pick up alerts that only have RF-11 or RF-14
    rf1 = store.alerts(rule="RF-1", limit=500).alerts
    assert rf1 and all("RF-1" in a.rules for a in rf1)
    rf11 = store.alerts(rule="RF-11", limit=500).alerts
    assert rf11 and any("RF-1" not in a.rules for a in rf11)
    assert {"RF-1", "RF-11", "RF-30", "CP-DEST"} <= set(store.alert_rules())


def test_score_and_day_filters(store: Store) -> None:
    high = store.alerts(min_score=0.99, limit=500).alerts
    low = store.alerts(max_score=0.9, limit=500).alerts
    assert high and low and all(a.score >= 0.99 for a in high) and all(a.score <= 0.9 for a in low)
    day = RAISED.date()
    assert store.alerts(since=day, until=day).total == store.alerts().total
    assert store.alerts(since=day + timedelta(days=1)).total == 0
    assert store.alerts(until=date(2026, 11, 2)).total == 0


@pytest.mark.parametrize(
    ("filters", "field"),
    [({"status": "done"}, "status"), ({"min_score": 3.0}, "min_score"), ({"limit": 0}, "limit")],
)
def test_bad_filter_names_its_field(store: Store, filters: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        store.alerts(**filters)
    assert caught.value.field == field


def test_clearing_records_the_pair_decisions_then_the_status(store: Store) -> None:
    alert = store.alerts(rule="RF-1").alerts[0]
    party = next(e for e in alert.data["evidence"] if e.get("decision_kind") == "party")
    pair = PairDecision("party", party["query_key"], party["target_id"], "b" * 32, {"caption": "x"})
    reviewed = store.set_alert_status(
        alert.id, "cleared", reason="other firm, registry checked", who="ana", decisions=[pair]
    )
    assert reviewed.status == "cleared" and store.alerts(status="cleared").total == 1
    [decision] = store.decisions()
    assert (decision.decision, decision.target_id, decision.who) == ("cleared", party["target_id"], "ana")
    assert decision.evidence == {"alert": alert.id, "caption": "x"}
    actions = [e.action for e in store.audit_log()]
    assert actions[-2:] == ["decision.cleared", "alert.cleared"]
    [entry] = store.alert_history(alert.id)
    assert entry.detail["from"] == "open" and entry.detail["to"] == "cleared"
    assert entry.detail["decisions"] == [decision.id] and entry.actor == "ana"


def test_reopening_keeps_the_history(store: Store) -> None:
    alert_id = store.alerts().alerts[0].id
    store.set_alert_status(alert_id, "escalated", reason="matches the listed buyer", who="ana")
    store.set_alert_status(alert_id, "open", reason="second look", who="ben")
    assert [(e.action, e.actor) for e in store.alert_history(alert_id)] == [
        ("alert.escalated", "ana"),
        ("alert.open", "ben"),
    ]
    assert store.alert(alert_id).status == "open" and store.decisions() == []


@pytest.mark.parametrize(
    ("status", "reason", "decisions", "field"),
    [
        ("ignored", "why", (), "status"),
        ("cleared", "  ", (), "reason"),
        ("open", "why", (PairDecision("party", "q", "t", "b"),), "decisions"),
    ],
)
def test_bad_review_is_refused_and_nothing_is_written(
    store: Store, status: str, reason: str, decisions: tuple[PairDecision, ...], field: str
) -> None:
    alert_id = store.alerts().alerts[0].id
    before = len(store.audit_log())
    with pytest.raises(InputError) as caught:
        store.set_alert_status(alert_id, status, reason=reason, who="ana", decisions=decisions)
    assert caught.value.field == field
    assert store.alert(alert_id).status == "open" and len(store.audit_log()) == before


def test_unknown_alert_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.alert(10_000)
    with pytest.raises(NotFound):
        store.set_alert_status(10_000, "cleared", reason="why", who="ana")
