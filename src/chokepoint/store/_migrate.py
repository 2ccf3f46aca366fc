"""Create a new store, or check and upgrade the schema of an existing one.

A database made by an older chokepoint is brought up to date by the steps in
``MIGRATIONS``; one made by a newer chokepoint, or by something else, is refused with a
message saying why, and nothing in it is changed. Processes opening one store at once (API
workers) create or migrate it once: the work is done under a lock, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from chokepoint.errors import InputError
from chokepoint.store._schema import MIGRATIONS, OLDEST_MIGRATABLE, SCHEMA_VERSION, meta, metadata

__all__ = ["ensure_schema", "open_schema", "schema_version"]

#: The PostgreSQL advisory lock held while a store's schema is created or migrated ("chokepnt").
_LOCK_KEY = int.from_bytes(b"chokepnt", "big") >> 1


def open_schema(conn: sa.Connection, display: str) -> None:
    """Check the schema, and if it is not current create or migrate it under the lock."""
    with conn.begin():
        if schema_version(conn) == SCHEMA_VERSION:
            return  # the common case: no lock taken, so opening never waits for a running load
    with _locked(conn):
        ensure_schema(conn, display)


@contextmanager
def _locked(conn: sa.Connection) -> Iterator[None]:
    """One transaction that one process at a time holds: SQLite BEGIN IMMEDIATE (pysqlite alone
    would leave DDL outside any transaction), PostgreSQL an advisory lock."""
    if conn.dialect.name == "sqlite":
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")
        return
    with conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_LOCK_KEY)))
        yield


def schema_version(conn: sa.Connection) -> int | None:
    """The schema version recorded in the database, or None when there is none."""
    if not sa.inspect(conn).has_table(meta.name):
        return None
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def ensure_schema(conn: sa.Connection, display: str) -> None:
    """Create the tables in an empty database; check or migrate an existing one."""
    tables = set(sa.inspect(conn).get_table_names())
    if not tables:
        metadata.create_all(conn)
        conn.execute(sa.insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
        return
    found = schema_version(conn)
    if found is None:
        raise InputError(
            "this database was not made by chokepoint (no schema version); use another --db",
            path=display,
        )
    if found > SCHEMA_VERSION:
        raise InputError(
            f"this database has schema version {found}, made by a newer chokepoint; "
            f"this one reads up to version {SCHEMA_VERSION}: upgrade chokepoint",
            path=display,
        )
    if found < OLDEST_MIGRATABLE:
        raise InputError(
            f"this database has schema version {found}, older than any this chokepoint can "
            f"upgrade (oldest {OLDEST_MIGRATABLE}); load the lists into a new --db",
            path=display,
        )
    for step in range(found, SCHEMA_VERSION):
        MIGRATIONS[step](conn)
        conn.execute(sa.update(meta).where(meta.c.key == "schema_version").values(value=str(step + 1)))
