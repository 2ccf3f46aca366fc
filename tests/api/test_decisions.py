"""``POST /decisions``: a reviewer clears or escalates a pair; later identical queries get the decision
back. Runs on SQLite and on PostgreSQL (``store_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chokepoint.api import create_app
from chokepoint.lists import read_lists, version_record
from chokepoint.screening import ScreeningService
from chokepoint.store import Store

BADEGE = "un-sc-cdi-001"
QUERY = {"schema": "Person", "properties": {"name": ["Eric Badege"]}}


@pytest.fixture
def live(
    store_url: str, sanctions_dir: Path
) -> Iterator[tuple[TestClient, Store, dict[str, dict[str, str]]]]:
    store = Store(store_url)
    lists = read_lists([sanctions_dir / "un_sc/2026-02-27/consolidated.xml"])
    store.load_versions([(version_record(d), d.entities) for d in lists])
    secrets = {s: store.create_key(f"analyst-{s}", [s, "read"])[1] for s in ("read", "decide")}
    with TestClient(create_app(ScreeningService(store))) as test_client:
        yield test_client, store, {s: {"X-API-Key": v} for s, v in secrets.items()}
    store.close()


def decision(**changes: object) -> dict[str, object]:
    return {"query": QUERY, "entity_id": BADEGE, "decision": "cleared",
            "reason": "different person: born 1985, Belgian passport"} | changes  # fmt: skip


def test_cleared_pair_comes_back_with_later_identical_queries(live) -> None:
    client, store, headers = live
    answer = client.post("/decisions", json=decision(who="a.reviewer"), headers=headers["decide"])
    assert answer.status_code == 201
    made = answer.json()
    assert (made["query_key"], made["entity_id"], made["who"]) == ("eric badege", BADEGE, "a.reviewer")
    # the same name written differently is the same query
    again = {"schema": "Person", "properties": {"name": ["ERIC  BADEGE."]}}
    result = client.post("/match/default", json={"queries": {"q": again}}, headers=headers["read"]).json()
    top = result["responses"]["q"]["results"][0]
    assert (
        top["id"] == BADEGE
        and top["decision"]["decision"] == "cleared"
        and top["decision"]["id"] == made["id"]
    )
    screened = client.post("/screen/parties", json={"parties": [{"full_name": "Eric Badege"}]},
                           headers=headers["read"]).text  # fmt: skip
    assert '"decision": "cleared"' in screened
    (entry,) = store.audit_log(action="decision.cleared")
    assert entry.actor == "a.reviewer" and entry.detail["target_id"] == BADEGE


def test_a_later_decision_overrides_and_who_defaults_to_the_key(live) -> None:
    client, _store, headers = live
    client.post("/decisions", json=decision(), headers=headers["decide"])
    client.post(
        "/decisions", json=decision(decision="escalated", reason="same DOB found"), headers=headers["decide"]
    )
    result = client.post("/match/default", json={"queries": {"q": QUERY}}, headers=headers["read"]).json()
    standing = result["responses"]["q"]["results"][0]["decision"]
    assert standing["decision"] == "escalated" and standing["who"] == "analyst-decide"


def test_other_queries_do_not_get_the_decision(live) -> None:
    client, _store, headers = live
    client.post("/decisions", json=decision(), headers=headers["decide"])
    other = {"schema": "Person", "properties": {"name": ["Eric Badege Junior"]}}
    result = client.post("/match/default", json={"queries": {"q": other}}, headers=headers["read"]).json()
    assert all(r["decision"] is None for r in result["responses"]["q"]["results"])


BAD = [
    ({"decision": "maybe"}, 422, "decision"),
    ({"reason": ""}, 422, "reason"),
    ({"entity_id": "un-sc-nope"}, 404, "entity_id"),
    ({"query": {"schema": "Person", "properties": {"birthDate": ["1971"]}}}, 422, "query.properties.name"),
    ({"query": {"schema": "Vessle", "properties": {"name": ["x"]}}}, 422, "query.schema"),
]


def test_bad_decisions_name_the_field_and_write_nothing(live) -> None:
    client, store, headers = live
    for changes, status, field in BAD:  # one store for all cases: loading the list is the slow part
        answer = client.post("/decisions", json=decision(**changes), headers=headers["decide"])
        assert (answer.status_code, answer.json()["field"]) == (status, field), answer.json()
    assert store.decisions() == []


def test_deciding_needs_the_decide_scope(live) -> None:
    client, store, headers = live
    assert client.post("/decisions", json=decision(), headers=headers["read"]).status_code == 403
    assert store.decisions() == []
