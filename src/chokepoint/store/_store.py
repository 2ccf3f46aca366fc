"""The persistent store: list versions and their entities, SQLite by default.

``Store(db)`` takes a file path (SQLite) or a SQLAlchemy URL (``postgresql://…``, driven by
psycopg 3). Loading versions is one transaction: either every new version becomes current, or
the store is left exactly as it was. Messages name the database with its password masked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, OperationalError

from chokepoint.errors import InputError, NotFound, StoreError
from chokepoint.model import Entity, ListVersion
from chokepoint.store._alerts import AlertQueue
from chokepoint.store._bulk import BATCH, DATA_TEXT, entity_from_text, write_entities
from chokepoint.store._db import create_engine, db_url, masked, one_line
from chokepoint.store._decisions import DecisionLog
from chokepoint.store._keys import KeyRing
from chokepoint.store._migrate import open_schema
from chokepoint.store._reports import ReportShelf
from chokepoint.store._schema import entities, list_versions

__all__ = ["Store"]


def _version(row: sa.Row[Any]) -> ListVersion:
    loaded = row.loaded_at  # SQLite gives it back naive, PostgreSQL in the session's time zone
    if loaded is not None:
        loaded = loaded.replace(tzinfo=UTC) if loaded.tzinfo is None else loaded.astimezone(UTC)
    return ListVersion(
        id=row.id,
        source=row.source,
        format=row.format,
        sha256=row.sha256,
        title=row.title,
        published=row.published,
        loaded_at=loaded,
        targets=row.targets,
        entities=row.entities,
        files=list(row.files),
        current=bool(row.current),
    )


class Store(DecisionLog, AlertQueue, KeyRing, ReportShelf):
    """Entities and list versions in one SQL database; decisions and the audit log (``DecisionLog``),
    stored alerts (``AlertQueue``), API keys (``KeyRing``), ingested reports (``ReportShelf``)."""

    def __init__(self, db: str | Path) -> None:
        self.url = db_url(db)
        self.display = masked(db)
        self.engine = create_engine(self.url, self.display)
        try:
            self._open()
        except BaseException:
            self.engine.dispose()
            raise

    def _open(self) -> None:
        """Connect, then create, check or migrate the schema (InputError when it cannot be done)."""
        try:
            conn = self.engine.connect()
        except sa.exc.DBAPIError as exc:
            what = "cannot connect to the database"
            if self.engine.dialect.name == "sqlite":
                what = "cannot open as a chokepoint database"
            raise InputError(f"{what}: {one_line(exc.orig)}", path=self.display) from None
        try:
            with conn:
                open_schema(conn, self.display)
        except (DatabaseError, OperationalError) as exc:
            message = f"cannot open as a chokepoint database: {one_line(exc.orig)}"
            raise InputError(message, path=self.display) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- list versions ---------------------------------------------------------------

    def load_versions(
        self, batches: Sequence[tuple[ListVersion, Iterable[Entity]]], *, force: bool = False
    ) -> list[tuple[ListVersion, bool]]:
        """Make each version current for its source, all in one transaction.

        Returns ``(version, changed)`` pairs; a version whose sha256 is already current is
        left alone (``changed`` false) unless ``force``. Older versions stay in the history.
        """
        results: list[tuple[ListVersion, bool]] = []
        now = datetime.now(UTC)
        try:
            with self.engine.begin() as conn:
                for record, items in batches:
                    current = self._current(conn, record.source)
                    if current is not None and current.sha256 == record.sha256 and not force:
                        results.append((current, False))
                        continue
                    results.append((self._insert(conn, record, items, now), True))
        except (DatabaseError, OperationalError) as exc:
            raise StoreError(
                f"the store could not be written: {one_line(exc.orig)}", path=self.display
            ) from None
        return results

    def _current(self, conn: sa.Connection, source: str) -> ListVersion | None:
        q = sa.select(list_versions).where(list_versions.c.source == source, list_versions.c.current)
        row = conn.execute(q).first()
        return _version(row) if row is not None else None

    def _insert(
        self, conn: sa.Connection, record: ListVersion, items: Iterable[Entity], now: datetime
    ) -> ListVersion:
        conn.execute(
            sa.update(list_versions).where(list_versions.c.source == record.source).values(current=False)
        )
        values = {
            "source": record.source,
            "format": record.format,
            "sha256": record.sha256,
            "title": record.title,
            "published": record.published,
            "loaded_at": now,
            "targets": record.targets,
            "entities": record.entities,
            "files": record.files,
            "current": True,
        }
        version_id = conn.execute(sa.insert(list_versions).values(**values)).inserted_primary_key[0]
        write_entities(conn, version_id, record.source, items, display=self.display)
        return _version(conn.execute(sa.select(list_versions).where(list_versions.c.id == version_id)).one())

    def versions(self, *, current_only: bool = False) -> list[ListVersion]:
        """All list versions, newest first per source (only the current ones if asked)."""
        q = sa.select(list_versions).order_by(list_versions.c.source, list_versions.c.id.desc())
        if current_only:
            q = q.where(list_versions.c.current)
        with self.engine.connect() as conn:
            return [_version(r) for r in conn.execute(q)]

    def version(self, version_id: int) -> ListVersion:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(list_versions).where(list_versions.c.id == version_id)).first()
        if row is None:
            raise NotFound(f"no list version {version_id}")
        return _version(row)

    # -- entities --------------------------------------------------------------------

    def entity(self, entity_id: str) -> tuple[Entity, ListVersion]:
        """The entity from its source's current version, else from the newest version holding it."""
        q = (
            sa.select(DATA_TEXT, list_versions)
            .join(list_versions, entities.c.version_id == list_versions.c.id)
            .where(entities.c.id == entity_id)
            .order_by(list_versions.c.current.desc(), list_versions.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if row is None:
            raise NotFound(f"no entity with id {entity_id!r} in the store")
        return entity_from_text(row.data), _version(row)

    def iter_entities(self, *, source: str | None = None, targets_only: bool = False) -> Iterator[Entity]:
        """Entities of the current versions, optionally one source's or only listed subjects.

        Each carries the store's source name in ``entity.context["source"]``."""
        q = (
            sa.select(DATA_TEXT, entities.c.source)
            .join(list_versions, entities.c.version_id == list_versions.c.id)
            .where(list_versions.c.current)
        )
        if source is not None:
            q = q.where(entities.c.source == source)
        if targets_only:
            q = q.where(entities.c.target)
        # streamed in batches (a server-side cursor on PostgreSQL), closed even when the caller stops early
        with self.engine.connect() as conn, conn.execution_options(yield_per=BATCH).execute(q) as rows:
            for row in rows:
                entity = entity_from_text(row.data)
                entity.context["source"] = row.source
                yield entity

    def count_entities(self, *, current_only: bool = True) -> int:
        q = sa.select(sa.func.count()).select_from(entities)
        if current_only:
            q = q.join(list_versions, entities.c.version_id == list_versions.c.id).where(
                list_versions.c.current
            )
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())
