"""What one server process holds: the screening service, its listed entities in memory, the audit
buffer, and whether it is ready (index built, entities read, first queries run).

Audit entries of requests are buffered and appended to the store's audit log in one transaction per
second (``AuditBuffer.flush``): one write per request would cost more than the match itself. A failed
flush keeps the entries for the next one; decisions are never buffered (the store writes them with
their own audit entry at once).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from chokepoint.api._auth import KeyCache
from chokepoint.api._convert import query_from_example
from chokepoint.model import Entity, ListVersion
from chokepoint.screening import ScreeningService
from chokepoint.store import Store

__all__ = ["ApiState", "AuditBuffer", "EntityBook", "Limits"]


#: Queries run once before serving: the first match of a process loads tables lazily (about a second),
#: which would otherwise stall the first requests, and those queued behind them.
WARM_UP = (
    {"name": ["John Smith"], "nationality": ["Iraq"], "birthDate": ["1970-01-02"], "gender": ["male"]},
    {"name": ["حسین موسوی"]},
    {"name": ["Сергей Иванов"]},
    {"name": ["张伟"]},
)


def _warm_up(service: ScreeningService) -> None:
    for properties in WARM_UP:
        query, _cleaned = query_from_example("Person", properties, "warm-up")
        service.match(query)


@dataclass(frozen=True)
class Limits:
    """Request limits: a body over ``max_body`` is answered 413, a batch over ``max_batch`` 422, each
    naming the field."""

    max_batch: int = 100
    """Queries per ``/match`` request and parties per ``/screen/parties`` request (at most 100)."""
    max_body: int = 1_048_576
    """Bytes per request body."""


class AuditBuffer:
    """Request audit entries waiting to be appended to the store's audit log."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pending: list[tuple[datetime, str, str, dict[str, Any]]] = []
        self._lock = threading.Lock()
        self._flushing = threading.Lock()

    def add(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        entry = (datetime.now(UTC), actor, action, detail)
        with self._lock:
            self._pending.append(entry)

    def __len__(self) -> int:
        return len(self._pending)

    def flush(self) -> int:
        """Write what is pending in one transaction; on failure keep it and raise."""
        with self._flushing:
            with self._lock:
                batch, self._pending = self._pending, []
            try:
                self.store.audit_many(batch)
            except BaseException:
                with self._lock:
                    self._pending[:0] = batch
                raise
            return len(batch)


class EntityBook:
    """Entities by id with their list version, held in memory until the service's list versions change.

    :meth:`preload` reads every listed subject of the current versions in one pass (what ``/match``
    answers with), so a request never waits for the store; other entities (sanctions, links, old
    versions) are read on demand and kept in a bounded cache.
    """

    def __init__(self, service: ScreeningService, size: int = 50_000) -> None:
        self.service = service
        self.size = size
        self._key: tuple[int | None, ...] = ()
        self._listed: dict[str, tuple[Entity, ListVersion]] = {}
        self._other: dict[str, tuple[Entity, ListVersion]] = {}

    def preload(self) -> int:
        """Hold every listed subject of the service's current list versions; how many."""
        versions = self.service.versions
        by_source = {v.source: v for v in versions}
        listed: dict[str, tuple[Entity, ListVersion]] = {}
        for entity in self.service.store.iter_entities(targets_only=True):
            version = by_source.get(entity.context.get("source"))
            if version is not None:
                listed[str(entity.id)] = (entity, version)
        self._listed, self._other, self._key = listed, {}, tuple(v.id for v in versions)
        return len(listed)

    def get(self, entity_id: str) -> tuple[Entity, ListVersion]:
        """The entity and its version; NotFound when the store has none."""
        key = tuple(v.id for v in self.service.versions)
        if key != self._key:  # new lists, not yet preloaded: read on demand until they are
            self._listed, self._other, self._key = {}, {}, key
        found = self._listed.get(entity_id) or self._other.get(entity_id)
        if found is None:
            found = self.service.entity(entity_id)
            if len(self._other) >= self.size:
                self._other = {}
            self._other[entity_id] = found
        return found


@dataclass
class ApiState:
    """Held in ``app.state.chokepoint``: the web UI mounted on the same app uses the same service."""

    store: Store
    threshold: float | None
    limits: Limits
    auth: bool
    audit: AuditBuffer
    keys: KeyCache
    service: ScreeningService | None = None
    book: EntityBook | None = None
    problem: str | None = "starting"
    """Why the server is not ready (None when it is)."""

    def attach(self, service: ScreeningService) -> None:
        """Serve this service (its listed subjects are read into memory first: call in a thread)."""
        book = EntityBook(service)
        book.preload()
        if service.versions:
            _warm_up(service)
        self.service, self.book = service, book
        self.check()

    def check(self) -> None:
        """Ready when the service is built and the store has a current list."""
        if self.service is None:
            self.problem = "the index is being built"
        elif not self.service.versions:
            self.problem = "no sanctions lists are loaded: chokepoint lists load PATH…"
        else:
            self.problem = None

    def refresh(self) -> bool:
        """Rebuild the service when a new list version was loaded; a store error makes it not ready."""
        if self.service is None:
            return False
        try:
            changed = self.service.refresh()
            if changed and self.book is not None:
                self.book.preload()
        except Exception as exc:  # a store that went away: not ready until it is back
            self.problem = f"the store cannot be read: {' '.join(str(exc).split())}"
            return False
        self.check()
        return changed
