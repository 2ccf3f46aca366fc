"""Stored alerts as methods of the store: what screening runs raised, for review in the UI and API.

Table ``alerts`` (``_schema.py``): run, time, kind (transaction, party), input line, subject, score,
the rules that fired, review status (open, cleared, escalated), the whole alert as JSON and the list
versions it was screened against. A run is saved once, in one transaction. A review sets the status
with a reason: its pair decisions go through ``add_decision`` first, then the status and its audit
entry (``alert.<status>``) are written together, so the history of an alert is in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from chokepoint.errors import InputError, NotFound
from chokepoint.store._alert_rows import (
    ALERT_KINDS,
    ALERT_STATUSES,
    AlertPage,
    PairDecision,
    StoredAlert,
    alert_row,
    aware,
    stored_alert,
)
from chokepoint.store._decisions import AuditEntry, Decision
from chokepoint.store._schema import alerts as table
from chokepoint.store._schema import audit_log

__all__ = ["AlertQueue"]

_ACTIONS = tuple(f"alert.{s}" for s in ALERT_STATUSES)
MAX_PAGE = 500


def _day(value: date | None, field_name: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise InputError(f"{field_name} must be a date", field=field_name)
    return datetime.combine(value, time(), tzinfo=UTC)


class AlertQueue:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``, and the
    decision methods of ``DecisionLog``."""

    engine: sa.Engine
    display: str

    if TYPE_CHECKING:  # provided by DecisionLog

        def add_decision(self, **values: Any) -> Decision: ...
        def _writing(self) -> AbstractContextManager[sa.Connection]: ...
        def _append(
            self, conn: sa.Connection, actor: str, action: str, detail: dict[str, Any]
        ) -> AuditEntry: ...

    def save_alerts(
        self,
        run: str,
        items: Iterable[Mapping[str, Any]],
        *,
        kind: str = "transaction",
        list_versions: Sequence[Mapping[str, Any]] = (),
        created_at: datetime | None = None,
        actor: str = "unknown",
    ) -> int:
        """Save a run's alerts (all or none) with one audit entry; a run already saved is left as it
        is (returns 0). Returns the number of alerts saved."""
        if not run.strip() or len(run) > 64:
            raise InputError("run must be 1 to 64 characters", field="run")
        if kind not in ALERT_KINDS:
            raise InputError(f"kind must be one of {', '.join(ALERT_KINDS)}, not {kind!r}", field="kind")
        at = aware(created_at) if created_at is not None else datetime.now(UTC)
        versions = [dict(v) for v in list_versions]
        rows = [alert_row(run, kind, at, versions, n, a) for n, a in enumerate(items)]
        with self._writing() as conn:
            if conn.execute(sa.select(table.c.id).where(table.c.run == run).limit(1)).first():
                return 0
            if rows:
                conn.execute(sa.insert(table), rows)
            self._append(conn, actor, "alerts.saved", {"run": run, "kind": kind, "alerts": len(rows)})
        return len(rows)

    def alert(self, alert_id: int) -> StoredAlert:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(table).where(table.c.id == alert_id)).first()
        if row is None:
            raise NotFound(f"no alert {alert_id}", field="id")
        return stored_alert(row)

    def alerts(
        self,
        *,
        status: str | None = None,
        rule: str | None = None,
        min_score: float | None = None,
        max_score: float | None = None,
        since: date | None = None,
        until: date | None = None,
        run: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> AlertPage:
        """One page of the queue, riskiest first: by status, a rule that fired, a score range and the
        days (UTC, inclusive) the alerts were raised."""
        if not 1 <= limit <= MAX_PAGE:
            raise InputError(f"limit must be from 1 to {MAX_PAGE}", field="limit")
        if offset < 0:
            raise InputError("offset must not be negative", field="offset")
        filters = (status, rule, min_score, max_score, since, until, run)
        q = self._filtered(sa.select(table), *filters)
        count = self._filtered(sa.select(sa.func.count()).select_from(table), *filters)
        q = q.order_by(table.c.score.desc(), table.c.id).offset(offset).limit(limit)
        with self.engine.connect() as conn:
            total = int(conn.execute(count).scalar_one())
            found = [stored_alert(r) for r in conn.execute(q)]
        return AlertPage(found, total, offset, limit)

    def alert_ids(self, **filters: Any) -> list[int]:
        """The ids of the whole filtered queue in queue order (for next / previous while reviewing)."""
        q = self._filtered(sa.select(table.c.id), **filters).order_by(table.c.score.desc(), table.c.id)
        with self.engine.connect() as conn:
            return [int(r.id) for r in conn.execute(q)]

    def alert_rules(self) -> list[str]:
        """Every rule that fired on a stored alert, sorted."""
        with self.engine.connect() as conn:
            return sorted({rule for (rules,) in conn.execute(sa.select(table.c.rules)) for rule in rules})

    def _filtered(
        self,
        q: Any,
        status: str | None = None,
        rule: str | None = None,
        min_score: float | None = None,
        max_score: float | None = None,
        since: date | None = None,
        until: date | None = None,
        run: str | None = None,
    ) -> Any:
        if status is not None:
            if status not in ALERT_STATUSES:
                raise InputError(f"status must be one of {', '.join(ALERT_STATUSES)}", field="status")
            q = q.where(table.c.status == status)
        if rule:
            if '"' in rule or "\\" in rule:
                raise InputError("rule must be a rule id such as RF-1", field="rule")
            # rules are a JSON list of strings: the quoted id is in its text exactly when it fired
            q = q.where(sa.cast(table.c.rules, sa.Text).contains(f'"{rule}"', autoescape=True))
        for name, value, compare in (
            ("min_score", min_score, table.c.score.__ge__),
            ("max_score", max_score, table.c.score.__le__),
        ):
            if value is not None:
                if not 0.0 <= value <= 1.0:
                    raise InputError(f"{name} must be from 0 to 1", field=name)
                q = q.where(compare(value))
        start, end = _day(since, "since"), _day(until, "until")
        if start is not None:
            q = q.where(table.c.created_at >= start)
        if end is not None:
            q = q.where(table.c.created_at < end + timedelta(days=1))
        if run:
            q = q.where(table.c.run == run)
        return q

    def set_alert_status(
        self,
        alert_id: int,
        status: str,
        *,
        reason: str,
        who: str,
        decisions: Sequence[PairDecision] = (),
    ) -> StoredAlert:
        """Review an alert: record each pair decision (``add_decision``: the decisions table and its
        audit entry), then the new status with its own audit entry. ``open`` reopens it and takes
        no pair decisions."""
        if status not in ALERT_STATUSES:
            raise InputError(
                f"status must be one of {', '.join(ALERT_STATUSES)}, not {status!r}", field="status"
            )
        for name, value in (("reason", reason), ("who", who)):
            if not value.strip():
                raise InputError(f"{name} must not be blank", field=name)
        if status == "open" and decisions:
            raise InputError("reopening an alert records no decisions", field="decisions")
        before = self.alert(alert_id)
        made = [
            self.add_decision(
                kind=d.kind,
                query_key=d.query_key,
                target_id=d.target_id,
                decision=status,
                reason=reason,
                who=who,
                basis=d.basis,
                evidence={"alert": alert_id} | (d.evidence or {}),
            )
            for d in decisions
        ]
        detail = {
            "alert": alert_id,
            "run": before.run,
            "subject": before.subject,
            "from": before.status,
            "to": status,
            "reason": reason.strip(),
            "decisions": [d.id for d in made],
        }
        with self._writing() as conn:
            conn.execute(sa.update(table).where(table.c.id == alert_id).values(status=status))
            self._append(conn, who.strip(), f"alert.{status}", detail)
        return self.alert(alert_id)

    def alert_history(self, alert_id: int) -> list[AuditEntry]:
        """The audit entries of an alert's reviews, oldest first."""
        q = sa.select(audit_log).where(audit_log.c.action.in_(_ACTIONS)).order_by(audit_log.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        return [
            AuditEntry(r.id, aware(r.at), r.actor, r.action, dict(r.detail))
            for r in rows
            if r.detail.get("alert") == alert_id
        ]
