"""Decisions and the audit log in the store; a schema-1 database upgrades to the current schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from chokepoint.errors import InputError
from chokepoint.lists import read_lists, version_record
from chokepoint.store import SCHEMA_VERSION, Store, db_url

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KIMIA = "cp-kimia-part-sivan-company-llc"
SQL = Callable[..., list[tuple[object, ...]]]  # the ``sql`` fixture of tests/store/conftest.py

#: The schema-1 tables exactly as chokepoint wrote them to SQLite before decisions existed (sqlite3 .schema).
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


def v1_metadata() -> sa.MetaData:
    """The same schema-1 tables as chokepoint declared them, for PostgreSQL."""
    md = sa.MetaData()
    sa.Table(
        "chokepoint_meta",
        md,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    sa.Table(
        "list_versions",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(128), nullable=False, index=True),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("targets", sa.Integer, nullable=False),
        sa.Column("entities", sa.Integer, nullable=False),
        sa.Column("files", sa.JSON, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
    )
    sa.Table(
        "entities",
        md,
        sa.Column(
            "version_id", sa.Integer, sa.ForeignKey("list_versions.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("list_ref", sa.String(255)),
        sa.Column("source", sa.String(128), nullable=False),
        sa.Column("target", sa.Boolean, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Index("ix_entities_id", "id"),
        sa.Index("ix_entities_list_ref", "source", "list_ref"),
    )
    return md


def make_v1(db: str, sql: SQL) -> None:
    """A schema-1 store holding one list version."""
    if "://" not in db:
        with sqlite3.connect(db) as con:
            con.executescript(V1_SCHEMA)
        con.close()
    else:
        engine = sa.create_engine(db_url(db), poolclass=sa.NullPool)
        with engine.begin() as conn:
            v1_metadata().create_all(conn)
            conn.execute(sa.text("INSERT INTO chokepoint_meta VALUES ('schema_version', '1')"))
        engine.dispose()
    sql(
        db,
        "INSERT INTO list_versions (source, format, sha256, loaded_at, targets, entities, files, current) "
        "VALUES ('chokepoint_demo', 'ftm', :sha, '2025-01-01 00:00:00', 0, 0, '[]', :current)",
        sha="a" * 64,
        current=True,
    )


def decide(store: Store, **changes: str) -> object:
    values = {"kind": "party", "query_key": "kimia part sivan co", "target_id": KIMIA,
              "decision": "cleared", "reason": "different firm, checked registry", "who": "a.analyst",
              "basis": "b" * 32} | changes  # fmt: skip
    return store.add_decision(**values)  # type: ignore[arg-type]


def test_decision_is_stored_with_its_audit_entry(store_url: str) -> None:
    with Store(store_url) as store:
        record = decide(store)
        assert [d.id for d in store.decisions()] == [record.id]  # type: ignore[attr-defined]
        [entry] = store.audit_log()
        assert (entry.actor, entry.action) == ("a.analyst", "decision.cleared")
        assert entry.detail["target_id"] == KIMIA and entry.detail["id"] == 1


def test_latest_decision_on_a_pair_is_the_current_one(store_url: str) -> None:
    with Store(store_url) as store:
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
        ("query_key", "q" * 513, "query must be at most 512 characters, not 513"),
        ("who", "w" * 256, "who must be at most 255 characters"),
    ],
)
def test_bad_decision_is_refused_and_nothing_is_written(
    store_url: str, field: str, value: str, message: str
) -> None:
    with Store(store_url) as store:
        with pytest.raises(InputError, match=message):
            decide(store, **{field: value})
        assert store.decisions() == [] and store.audit_log() == []


def test_long_texts_in_decisions_and_the_audit_log_round_trip(store_url: str) -> None:
    with Store(store_url) as store:
        record = decide(store, query_key="q" * 512, reason="r" * 5000, who="w" * 255)
        store.audit("x" * 1000, "screen.parties", {"note": "n" * 10_000})
        assert store.decisions() == [record]
        assert store.audit_log(action="screen.parties")[0].actor == "x" * 1000


def test_audit_log_is_append_only(store_url: str, sql: SQL) -> None:
    with Store(store_url) as store:
        store.audit("a.analyst", "screen.transactions", {"lines": 3})
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            sql(store_url, statement)
    assert sql(store_url, "SELECT actor FROM audit_log") == [("a.analyst",)]


def test_schema_1_database_opens_and_upgrades_keeping_its_lists(store_url: str, sql: SQL) -> None:
    make_v1(store_url, sql)
    with Store(store_url) as store:
        [version] = store.versions()
        assert version.source == "chokepoint_demo" and version.current
        decide(store)
        assert len(store.decisions()) == 1 and len(store.audit_log()) == 1
        (data,) = read_lists([EXAMPLES / "drone_story.ftm.json"])
        [(loaded, changed)] = store.load_versions([(version_record(data), data.entities)])
        assert changed and loaded.targets == 58
        tables = set(sa.inspect(store.engine).get_table_names())
    assert sql(store_url, "SELECT value FROM chokepoint_meta") == [(str(SCHEMA_VERSION),)]
    assert SCHEMA_VERSION == 3
    assert {"decisions", "audit_log", "api_keys", "alerts", "documents", "mentions", "claims"} <= tables
    # the upgraded audit log is append-only too
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        sql(store_url, "DELETE FROM audit_log")
