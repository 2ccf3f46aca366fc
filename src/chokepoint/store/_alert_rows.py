"""Stored alerts as records: a queued alert, a page of the queue, a pair decision taken in a review.

:func:`alert_row` turns one alert mapping (``Alert.to_dict()`` of screening, or ``{subject, score,
rules}``) into a row of table ``alerts``, checking its score and rules (InputError naming the
field and the alert's index); :func:`stored_alert` reads a row back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from chokepoint.errors import InputError

__all__ = [
    "ALERT_KINDS",
    "ALERT_STATUSES",
    "AlertPage",
    "PairDecision",
    "StoredAlert",
    "alert_row",
    "aware",
    "stored_alert",
]

#: What screened a stored alert, and where its review stands.
ALERT_KINDS = ("transaction", "party")
ALERT_STATUSES = ("open", "cleared", "escalated")


@dataclass(frozen=True)
class StoredAlert:
    id: int
    run: str
    created_at: datetime
    kind: str
    line: int | None
    """Line of the input file the screened row starts on."""
    subject: str
    """What was screened: the order id, or the party name."""
    score: float
    rules: tuple[str, ...]
    status: str
    data: dict[str, Any]
    """The alert as screening made it (``Alert.to_dict()``): evidence, decisions, ..."""
    list_versions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "run": self.run,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "kind": self.kind,
            "line": self.line,
            "subject": self.subject,
            "score": self.score,
            "rules": list(self.rules),
            "status": self.status,
            "data": self.data,
            "list_versions": self.list_versions,
        }


@dataclass(frozen=True)
class AlertPage:
    """One page of a filtered queue, and how many alerts the filter holds in all."""

    alerts: list[StoredAlert]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class PairDecision:
    """A decision to record with a review: which pair, and the digest of the evidence it was taken on."""

    kind: str
    query_key: str
    target_id: str
    basis: str
    evidence: dict[str, Any] | None = None


def aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def stored_alert(row: sa.Row[Any]) -> StoredAlert:
    return StoredAlert(
        id=row.id,
        run=row.run,
        created_at=aware(row.created_at),
        kind=row.kind,
        line=row.line,
        subject=row.subject,
        score=float(row.score),
        rules=tuple(row.rules),
        status=row.status,
        data=dict(row.data),
        list_versions=list(row.list_versions),
    )


def alert_row(
    run: str, kind: str, at: datetime, versions: list[dict[str, Any]], n: int, alert: Mapping[str, Any]
) -> dict[str, Any]:
    """The table row of one alert mapping (``Alert.to_dict()`` or ``{subject, score, rules}``)."""
    where = f"alerts[{n}]"
    score = alert.get("score")
    if not isinstance(score, int | float) or not 0.0 <= float(score) <= 1.0:
        raise InputError(f"{where}: score must be a number from 0 to 1, not {score!r}", field="score")
    rules = alert.get("flags", alert.get("rules", []))
    if not isinstance(rules, list | tuple) or not all(isinstance(r, str) for r in rules):
        raise InputError(f"{where}: rules must be a list of rule ids", field="rules")
    subject = str(alert.get("subject") or alert.get("order_id") or "").strip()
    if not subject:
        raise InputError(f"{where}: an alert needs a subject (order_id)", field="subject")
    line = alert.get("line")
    return {
        "run": run,
        "created_at": at,
        "kind": kind,
        "line": int(line) if isinstance(line, int) else None,
        "subject": subject,
        "score": float(score),
        "rules": list(rules),
        "status": "open",
        "data": dict(alert),
        "list_versions": versions,
    }
