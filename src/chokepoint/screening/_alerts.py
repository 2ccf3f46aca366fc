"""Findings, how they make a line's score, and the alert that explains it.

Every rule that fires on a line gives a :class:`Finding` with a weight in [0, 1] and one evidence
string. A rule counts once, with its strongest finding; the rules combine as independent evidence,
``score = 1 - prod(1 - w_rule)`` (so one strong rule is enough, weak ones add up, nothing passes 1).
A line is an alert when ``score >= alert_threshold`` or when an analyst escalated one of its pairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["ALERT_COLUMNS", "Alert", "Finding", "score_findings"]

#: Columns of the alerts CSV written by ``chokepoint screen transactions``.
ALERT_COLUMNS = ("row", "order_id", "score", "flags", "reasons", "parties", "goods", "decisions")


class Finding(NamedTuple):
    rule: str
    """Rule id (``RF-21``, ``CP-DEST``); "" for context that weighs nothing (the item's CHPL tier)."""
    weight: float
    text: str
    """One line of evidence, as the report prints it (no ``;`` inside)."""
    column: str = "reasons"
    """Where the evidence goes in the CSV: ``reasons``, ``parties`` or ``goods``."""
    pair: tuple[str, str, str] | None = None
    """(kind, query key, target id) when an analyst's decision can clear or escalate this finding."""
    basis: str = ""
    """Digest of the evidence, compared with the decision's."""
    target: dict[str, Any] | None = None
    """Machine-readable details for JSON (entity id, list version, catalogue part, ...)."""


def score_findings(findings: Iterable[Finding]) -> float:
    """``1 - prod(1 - w)`` over each rule's strongest finding, rounded to 3 decimals."""
    strongest: dict[str, float] = {}
    for f in findings:
        strongest[f.rule] = max(strongest.get(f.rule, 0.0), f.weight)
    remaining = 1.0
    for weight in strongest.values():
        remaining *= 1.0 - min(1.0, max(0.0, weight))
    return round(1.0 - remaining, 3)


@dataclass(frozen=True)
class Alert:
    row: int
    """1-based data row of the order book."""
    line: int
    """Line of the file the row starts on."""
    order_id: str
    score: float
    findings: tuple[Finding, ...]
    decisions: tuple[str, ...] = ()
    """What analysts' decisions did on this line ("cleared by decision 3: ...", "escalated by ...")."""
    escalated: bool = False
    suppressed: tuple[Finding, ...] = field(default=())
    """Findings left out because a standing decision cleared them."""
    alerted: bool = True
    """False for a line that is no alert only because decisions cleared its findings."""

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(sorted({f.rule for f in self.findings if f.rule}, key=_rule_order))

    def texts(self, column: str) -> tuple[str, ...]:
        """The evidence of one CSV column, each prefixed with its rule ("RF-21: ...")."""
        said = (f"{f.rule}: {f.text}" if f.rule else f.text for f in self.findings if f.column == column)
        return tuple(dict.fromkeys(said))

    def csv_row(self) -> dict[str, object]:
        return {
            "row": self.row,
            "order_id": self.order_id,
            "score": f"{self.score:.3f}",
            "flags": ";".join(self.flags),
            "reasons": "; ".join(self.texts("reasons")),
            "parties": "; ".join(self.texts("parties")),
            "goods": "; ".join(self.texts("goods")),
            "decisions": "; ".join(self.decisions),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "line": self.line,
            "order_id": self.order_id,
            "score": self.score,
            "flags": list(self.flags),
            "escalated": self.escalated,
            "decisions": list(self.decisions),
            "evidence": [_finding_dict(f) for f in self.findings],
            "cleared": [_finding_dict(f) for f in self.suppressed],
        }


def _finding_dict(f: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": f.rule, "weight": round(f.weight, 3), "kind": f.column, "text": f.text}
    if f.pair is not None:
        data |= {"decision_kind": f.pair[0], "query_key": f.pair[1], "target_id": f.pair[2], "basis": f.basis}
    return data | (f.target or {})


def _rule_order(rule: str) -> tuple[int, int, str]:
    if rule.startswith("RF-") and rule[3:].isdigit():
        return (0, int(rule[3:]), rule)
    return (1, 0, rule)
