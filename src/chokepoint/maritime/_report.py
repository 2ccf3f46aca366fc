"""What an AIS read found: rows per file and the lines it could not use.

Readers fill one :class:`IngestReport`; with ``skip_bad=False`` the first bad line raises
:class:`~chokepoint.errors.InputError` naming file and line instead (see :func:`IngestReport.bad`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chokepoint.errors import InputError

__all__ = ["MAX_REASONS", "BadLine", "IngestReport"]

MAX_REASONS = 100
"""How many bad lines keep their reason; the counts stay exact past that."""


@dataclass(frozen=True)
class BadLine:
    """One line a reader could not use."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class IngestReport:
    """Rows read and bad lines skipped, per file, in the order the files were read."""

    rows: dict[str, int] = field(default_factory=dict)
    """Rows produced per file (path as given)."""
    bad_counts: dict[str, int] = field(default_factory=dict)
    """Bad (skipped) lines per file."""
    bad_lines: list[BadLine] = field(default_factory=list)
    """The first :data:`MAX_REASONS` bad lines with their reasons."""
    untimed: dict[str, int] = field(default_factory=dict)
    """NMEA messages per file dropped because nothing gave them a time (see ``default_time``)."""
    ignored: dict[str, int] = field(default_factory=dict)
    """Good messages or rows per file of kinds the table does not hold (base stations, binary, ...)."""
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Per-file remarks that are not errors (format detected, untimed messages dropped, ...)."""

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_bad(self) -> int:
        return sum(self.bad_counts.values())

    def bad(self, path: str, line: int, reason: str, *, skip_bad: bool) -> None:
        """Record one bad line, or raise :class:`InputError` for it when not skipping."""
        if not skip_bad:
            raise InputError(reason, path=path, line=line)
        self.bad_counts[path] = self.bad_counts.get(path, 0) + 1
        if len(self.bad_lines) < MAX_REASONS:
            self.bad_lines.append(BadLine(path, line, reason))

    def note(self, path: str, text: str) -> None:
        self.notes.setdefault(path, []).append(text)
