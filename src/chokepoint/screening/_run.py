"""One screening run of an order book: what was screened, against what, and what came out.

:func:`run_transactions` reads and screens a file and returns a :class:`TransactionRun`: the alerts,
the lines that decisions cleared, counts per rule, the list versions, CHPL edition and catalogues used
(DESIGN.md: every screening result records what it was screened against). :func:`write_alerts_csv`
writes the ``ALERT_COLUMNS`` CSV; ``TransactionRun.to_json`` is the JSON output and audit record.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from chokepoint.goods import CHPL_SOURCE
from chokepoint.model import ListVersion
from chokepoint.screening._alerts import ALERT_COLUMNS, Alert
from chokepoint.screening._rules import RuleBook
from chokepoint.screening._transactions import TransactionScreener, screen_order_file

__all__ = ["TransactionRun", "run_transactions", "write_alerts_csv"]


@dataclass
class TransactionRun:
    input: str
    sha256: str
    rules: RuleBook
    versions: list[ListVersion]
    catalogues: list[dict[str, Any]] = field(default_factory=list)
    lines: int = 0
    alerts: list[Alert] = field(default_factory=list)
    cleared: list[Alert] = field(default_factory=list)
    """Lines that would be alerts but for analysts' clearances."""
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime | None = None

    @property
    def escalated(self) -> int:
        return sum(a.escalated for a in self.alerts)

    def by_rule(self) -> Counter[str]:
        """Alerts per rule that fired on them."""
        return Counter(rule for a in self.alerts for rule in a.flags)

    def summary(self) -> dict[str, Any]:
        """Everything but the alerts themselves: the audit-log record of the run."""
        return {
            "input": self.input,
            "input_sha256": self.sha256,
            "lines": self.lines,
            "alerts": len(self.alerts),
            "escalated": self.escalated,
            "cleared_by_decisions": len(self.cleared),
            "by_rule": dict(sorted(self.by_rule().items())),
            "alert_threshold": self.rules.alert_threshold,
            "rules": self.rules.path,
            "lists": [v.to_dict() for v in self.versions],
            "chpl": CHPL_SOURCE,
            "catalogues": self.catalogues,
            "started": self.started.isoformat(timespec="seconds"),
            "finished": self.finished.isoformat(timespec="seconds") if self.finished else None,
        }

    def to_json(self) -> dict[str, Any]:
        return self.summary() | {
            "alert_list": [a.to_dict() for a in self.alerts],
            "cleared_list": [a.to_dict() for a in self.cleared],
        }


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def run_transactions(
    path: str | Path,
    screener: TransactionScreener,
    *,
    versions: list[ListVersion],
    catalogues: list[dict[str, Any]] | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> TransactionRun:
    """Read, check and screen the order book at ``path``; raises InputError (file, line) on bad input."""
    run = TransactionRun(str(path), file_sha256(path), screener.rules, versions, catalogues or [])
    alerts, run.lines = screen_order_file(path, screener, workers=workers, progress=progress)
    for alert in alerts:
        (run.alerts if alert.alerted else run.cleared).append(alert)
    run.finished = datetime.now(UTC)
    return run


def write_alerts_csv(handle: TextIO, alerts: Iterable[Alert]) -> int:
    """Write the alerts CSV (header plus one row per alert); returns the number of rows."""
    writer = csv.DictWriter(handle, fieldnames=ALERT_COLUMNS)
    writer.writeheader()
    n = 0
    for alert in alerts:
        writer.writerow(alert.csv_row())
        n += 1
    return n
