"""Create a new store, or check and upgrade the schema of an existing one.

A database made by an older chokepoint is brought up to date by the steps in
``MIGRATIONS``; one made by a newer chokepoint, or by something else, is refused with a
message saying why, and nothing in it is changed.
"""

from __future__ import annotations

import sqlalchemy as sa

from chokepoint.errors import InputError
from chokepoint.store._schema import MIGRATIONS, OLDEST_MIGRATABLE, SCHEMA_VERSION, meta, metadata

__all__ = ["ensure_schema", "schema_version"]


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
