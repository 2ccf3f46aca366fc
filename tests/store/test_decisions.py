"""Decisions and the audit log in the store; a schema-1 database upgrades to schema 2 when opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.lists import read_lists, version_record
from chokepoint.store import SCHEMA_VERSION, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KIMIA = "cp-kimia-part-sivan-company-llc"

#: The schema-1 tables exactly as chokepoint wrote them before decisions existed (sqlite3 .schema).
V1_SCHEMA = """
CREATE TABLE chokepoint_meta ("key" VARCHAR(64) NOT NULL, value TEXT NOT NULL, PRIMARY KEY ("key"));
CREATE TABLE list_versions (
    id INTEGER NOT NULL, source VARCHAR(128) NOT NULL, format VARCHAR(32) NOT NULL,
    sha256 VARCHAR(64) NOT NULL, title TEXT, published DATE, loaded_at DATETIME NOT NULL,
    targets INTEGER NOT NULL, entities INTEGER NOT NULL, files JSON NOT NULL, current BOOLEAN NOT NULL,
    PRIMARY KEY (id));
CREATE INDEX ix_list_versions_source ON list_versions (source);
CREATE TABLE entities (
    version_id INTEGER NOT NULL, id VARCHAR(255) NOT NULL, schema VARCHAR(64) NOT NULL,
    caption TEXT NOT NULL, list_ref VARCHAR(255), source VARCHAR(128) NOT NULL, target BOOLEAN NOT NULL,
    data JSON NOT NULL, PRIMARY KEY (version_id, id),
    FOREIGN KEY(version_id) REFERENCES list_versions (id) ON DELETE CASCADE);
CREATE INDEX ix_entities_list_ref ON entities (source, list_ref);
CREATE INDEX ix_entities_id ON entities (id);
INSERT INTO chokepoint_meta VALUES ('schema_version', '1');
"""


def decide(store: Store, **changes: str) -> object:
    values = {"kind": "party", "query_key": "kimia part sivan co", "target_id": KIMIA,
              "decision": "cleared", "reason": "different firm, checked registry", "who": "a.analyst",
              "basis": "b" * 32} | changes  # fmt: skip
    return store.add_decision(**values)  # type: ignore[arg-type]


def test_decision_is_stored_with_its_audit_entry(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        record = decide(store)
        assert [d.id for d in store.decisions()] == [record.id]  # type: ignore[attr-defined]
        [entry] = store.audit_log()
        assert (entry.actor, entry.action) == ("a.analyst", "decision.cleared")
        assert entry.detail["target_id"] == KIMIA and entry.detail["id"] == 1


def test_latest_decision_on_a_pair_is_the_current_one(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        decide(store)
        decide(store, decision="escalated", reason="new information from the bank")
        decide(store, query_key="other firm")
        current = store.current_decisions()
        assert current[("party", "kimia part sivan co", KIMIA)].decision == "escalated"
        assert len(current) == 2 and len(store.audit_log(action="decision.escalated")) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", "vessel", "kind must be one of party, goods"),
        ("decision", "ignored", "decision must be one of"),
        ("reason", "  ", "reason must not be blank"),
    ],
)
def test_bad_decision_is_refused_and_nothing_is_written(
    tmp_path: Path, field: str, value: str, message: str
) -> None:
    with Store(tmp_path / "a.db") as store:
        with pytest.raises(InputError, match=message):
            decide(store, **{field: value})
        assert store.decisions() == [] and store.audit_log() == []


def test_audit_log_is_append_only(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        store.audit("a.analyst", "screen.transactions", {"lines": 3})
    con = sqlite3.connect(tmp_path / "a.db")
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute(statement)
    assert con.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)


def test_schema_1_database_opens_and_upgrades_keeping_its_lists(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    con.execute(
        "INSERT INTO list_versions VALUES "
        "(1, 'chokepoint_demo', 'ftm', ?, NULL, NULL, '2025-01-01 00:00:00', 0, 0, '[]', 1)",
        ("a" * 64,),
    )
    con.commit()
    con.close()
    with Store(path) as store:
        [version] = store.versions()
        assert version.source == "chokepoint_demo" and version.current
        decide(store)
        assert len(store.decisions()) == 1 and len(store.audit_log()) == 1
        (data,) = read_lists([EXAMPLES / "drone_story.ftm.json"])
        [(loaded, changed)] = store.load_versions([(version_record(data), data.entities)])
        assert changed and loaded.targets == 58
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM chokepoint_meta").fetchone() == (str(SCHEMA_VERSION),)
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == {"audit_log_no_update", "audit_log_no_delete"}
    assert SCHEMA_VERSION == 3
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"api_keys", "documents", "mentions", "claims"} <= tables
