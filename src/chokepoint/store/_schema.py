"""Tables of the store (SQLAlchemy Core) and the schema version they make up.

Written for SQLite and PostgreSQL alike: no dialect-specific types, JSON columns via
``sa.JSON``, booleans via ``sa.Boolean``. Bump :data:`SCHEMA_VERSION` with every change
and add a step to :data:`MIGRATIONS` that brings the previous version up to it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "alerts",
    "api_keys",
    "audit_log",
    "claims",
    "decisions",
    "documents",
    "entities",
    "list_versions",
    "mentions",
    "meta",
    "metadata",
]

#: The schema this code reads and writes (2: decisions and the audit log; 3: API keys, alerts, reports).
SCHEMA_VERSION = 3

#: The oldest schema the migrations below can bring up to date.
OLDEST_MIGRATABLE = 1

metadata = sa.MetaData()

meta = sa.Table(
    "chokepoint_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

list_versions = sa.Table(
    "list_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(128), nullable=False, index=True),
    sa.Column("format", sa.String(32), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("targets", sa.Integer, nullable=False),
    sa.Column("entities", sa.Integer, nullable=False),
    sa.Column("files", sa.JSON, nullable=False),
    sa.Column("current", sa.Boolean, nullable=False, default=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column(
        "version_id",
        sa.Integer,
        sa.ForeignKey("list_versions.id", ondelete="CASCADE"),
        primary_key=True,
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

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    # add_decision() checks these lengths: PostgreSQL enforces VARCHAR(n), SQLite does not
    sa.Column("query_key", sa.String(512), nullable=False),
    sa.Column("target_id", sa.String(255), nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("who", sa.String(255), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("basis", sa.String(64), nullable=False),
    sa.Column("evidence", sa.JSON),
    sa.Index("ix_decisions_pair", "kind", "query_key", "target_id"),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("action", sa.String(64), nullable=False, index=True),
    sa.Column("detail", sa.JSON, nullable=False),
)

# The audit log is append-only: triggers refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE).
for _verb in ("UPDATE", "DELETE"):
    sa.event.listen(
        audit_log,
        "after_create",
        sa.DDL(
            f"CREATE TRIGGER audit_log_no_{_verb.lower()} BEFORE {_verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        ).execute_if(dialect="sqlite"),
    )
for _ddl in (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
):
    sa.event.listen(audit_log, "after_create", sa.DDL(_ddl).execute_if(dialect="postgresql"))


api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(128), nullable=False),
    sa.Column("prefix", sa.String(16), nullable=False, unique=True),
    sa.Column("hash", sa.String(256), nullable=False),
    sa.Column("scopes", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run", sa.String(64), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("rules", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("list_versions", sa.JSON, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("cluster", sa.String(64), index=True),
    sa.Column("text_sha256", sa.String(64), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)


def _document_id() -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_id(),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("entity_id", sa.String(255), index=True),
    sa.Column("score", sa.Float),
    sa.Column("data", sa.JSON),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _document_id(),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("precision", sa.String(8), nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("entities", sa.JSON, nullable=False),
    sa.Column("corroboration", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON),
)


def _add_decisions(conn: sa.Connection) -> None:
    """1 → 2: the decisions and audit-log tables."""
    decisions.create(conn)
    audit_log.create(conn)


def _add_keys_and_reports(conn: sa.Connection) -> None:
    """2 → 3: API keys, stored alerts, and the documents, mentions and claims of ingested reports."""
    for table in (api_keys, alerts, documents, mentions, claims):
        table.create(conn)


#: ``MIGRATIONS[n]`` upgrades a schema-``n`` database to ``n + 1`` inside a transaction.
MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _add_decisions, 2: _add_keys_and_reports}
