"""Analysts' decisions on alerts and the append-only audit log, as methods of the store.

A decision clears or escalates one pair: a party query and a listed entity (``kind="party"``), or an
ordered part and a catalogue part (``kind="goods"``). ``basis`` is a digest of the evidence the
decision was taken on, so screening can tell when "something changed". Recording a decision writes
its audit-log entry in the same transaction; nothing in the log is ever updated or deleted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, OperationalError

from chokepoint.errors import InputError, StoreError
from chokepoint.store._db import one_line
from chokepoint.store._schema import audit_log, decisions

__all__ = ["DECISIONS", "KINDS", "AuditEntry", "Decision", "DecisionLog"]

#: What a decision can be about, and what it can say.
KINDS = ("party", "goods")
DECISIONS = ("cleared", "escalated")


def _aware(value: datetime) -> datetime:
    """In UTC: SQLite gives times back naive, PostgreSQL in the session's time zone."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True)
class Decision:
    id: int
    kind: str
    """``party`` or ``goods``."""
    query_key: str
    """Normalised party name, or normalised part key."""
    target_id: str
    """Listed entity id, or catalogue part id."""
    decision: str
    """``cleared`` or ``escalated``."""
    reason: str
    who: str
    decided_at: datetime
    basis: str
    """Digest of the evidence (listing or catalogue rows) the decision was taken on."""
    evidence: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["decided_at"] = self.decided_at.isoformat(timespec="seconds")
        return data


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"at": self.at.isoformat(timespec="seconds")}


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _decision(row: sa.Row[Any]) -> Decision:
    values = row._asdict()
    values["decided_at"] = _aware(values["decided_at"])
    return Decision(**values)


class DecisionLog:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``."""

    engine: sa.Engine
    display: str

    def add_decision(
        self,
        *,
        kind: str,
        query_key: str,
        target_id: str,
        decision: str,
        reason: str,
        who: str,
        basis: str,
        evidence: dict[str, Any] | None = None,
    ) -> Decision:
        """Record a decision and its audit-log entry in one transaction."""
        for field, value, allowed in (("kind", kind, KINDS), ("decision", decision, DECISIONS)):
            if value not in allowed:
                raise InputError(f"{field} must be one of {', '.join(allowed)}, not {value!r}", field=field)
        for field, value in (("query", query_key), ("entity", target_id), ("reason", reason), ("who", who)):
            if not value.strip():
                raise InputError(f"{field} must not be blank", field=field)
        for field, column, value in (
            ("query", "query_key", query_key),
            ("entity", "target_id", target_id),
            ("who", "who", who.strip()),
            ("basis", "basis", basis),
        ):
            limit = decisions.c[column].type.length  # PostgreSQL enforces VARCHAR(n), SQLite does not
            if limit is not None and len(value) > limit:
                raise InputError(f"{field} must be at most {limit} characters, not {len(value)}", field=field)
        values: dict[str, Any] = {
            "kind": kind,
            "query_key": query_key,
            "target_id": target_id,
            "decision": decision,
            "reason": reason.strip(),
            "who": who.strip(),
            "decided_at": datetime.now(UTC),
            "basis": basis,
            "evidence": evidence,
        }
        with self._writing() as conn:
            new_id = _new_id(conn.execute(sa.insert(decisions).values(**values)))
            record = Decision(id=new_id, **values)
            detail = record.to_dict()
            self._append(conn, who.strip(), f"decision.{decision}", detail)
        return record

    def decisions(self, *, kind: str | None = None) -> list[Decision]:
        """Every decision, oldest first."""
        q = sa.select(decisions).order_by(decisions.c.id)
        if kind is not None:
            q = q.where(decisions.c.kind == kind)
        with self.engine.connect() as conn:
            return [_decision(r) for r in conn.execute(q)]

    def current_decisions(self) -> dict[tuple[str, str, str], Decision]:
        """The latest decision per (kind, query_key, target_id): a later one overrides an earlier one."""
        return {(d.kind, d.query_key, d.target_id): d for d in self.decisions()}

    def decisions_for(self, kind: str, query_key: str) -> dict[str, Decision]:
        """The latest decision per target for one query key (one indexed lookup)."""
        q = sa.select(decisions).where(decisions.c.kind == kind, decisions.c.query_key == query_key)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(decisions.c.id)).all()
        return {d.target_id: d for d in map(_decision, rows)}

    def audit(self, actor: str, action: str, detail: dict[str, Any]) -> AuditEntry:
        """Append one entry to the audit log."""
        with self._writing() as conn:
            return self._append(conn, actor, action, detail)

    def audit_log(self, *, action: str | None = None) -> list[AuditEntry]:
        """The audit log, oldest first (optionally one action's entries)."""
        q = sa.select(audit_log).order_by(audit_log.c.id)
        if action is not None:
            q = q.where(audit_log.c.action == action)
        with self.engine.connect() as conn:
            return [
                AuditEntry(r.id, _aware(r.at), r.actor, r.action, dict(r.detail)) for r in conn.execute(q)
            ]

    def _append(self, conn: sa.Connection, actor: str, action: str, detail: dict[str, Any]) -> AuditEntry:
        at = datetime.now(UTC)
        who = actor or "unknown"
        new_id = _new_id(
            conn.execute(sa.insert(audit_log).values(at=at, actor=who, action=action, detail=detail))
        )
        return AuditEntry(new_id, at, who, action, detail)

    @contextmanager
    def _writing(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except (DatabaseError, OperationalError) as exc:
            message = f"the store could not be written: {one_line(exc.orig)}"
            raise StoreError(message, path=self.display) from None
