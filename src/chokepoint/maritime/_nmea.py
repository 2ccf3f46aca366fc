"""NMEA 0183 AIS logs → POSITION_SCHEMA rows, decoded by pyais.

Fragments of multi-sentence messages are joined by tag-block group, else by (station, channel,
sequence id), in line order. A message's time is the first of: its line's tag-block ``c:``, leading
or trailing unix time; the ``$PGHP`` sentence just before it; ``default_time``. Messages with none
are counted in ``IngestReport.untimed`` and dropped. Undecodable lines, bad checksums and incomplete
multi-sentence messages are bad lines (``IngestReport.bad``), reported at their (first) line.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import polars as pl
from pyais.messages import NMEAMessage

from chokepoint.maritime._frame import finalize
from chokepoint.maritime._nmea_fields import message_fields
from chokepoint.maritime._nmea_lines import BadLine, Gatehouse, Sentence, parse_line
from chokepoint.maritime._report import IngestReport

__all__ = ["read_nmea"]

_FIELDS = ("mmsi", "msg_type", "lat", "lon", "sog", "cog", "heading", "nav_status", "imo", "name")
_FIELDS += ("callsign", "ship_type", "length", "width", "draught", "destination")
_RAW_SCHEMA = {
    **{f: pl.Float64 for f in ("lat", "lon", "sog", "cog", "heading", "length", "width", "draught")},
    **{f: pl.Int64 for f in ("mmsi", "msg_type", "nav_status", "imo", "ship_type")},
    **{f: pl.String for f in ("name", "callsign", "destination")},
}


_WHY = {
    "MissingPayloadException": "empty AIS payload",
    "UnknownMessageException": "unknown AIS message type",
    "InvalidNMEAMessageException": "malformed AIS sentence",
    "UnknownPartNoException": "type 24 message with an unknown part number",
}


def _why(exc: Exception) -> str:
    return _WHY.get(type(exc).__name__, f"undecodable AIS message ({type(exc).__name__})")


class _Pending:
    """The fragments of one multi-sentence message seen so far."""

    __slots__ = ("line", "parts", "station", "time")

    def __init__(self, line: int, part: NMEAMessage, time: float | None, station: str | None) -> None:
        self.line, self.parts, self.time, self.station = line, [part], time, station


class _Reader:
    def __init__(self, path: str, report: IngestReport, skip_bad: bool, default_time: float | None) -> None:
        self.path, self.report, self.skip_bad, self.default_time = path, report, skip_bad, default_time
        self.source = path.replace("\\", "/").rsplit("/", 1)[-1]
        self.columns: dict[str, list[Any]] = {f: [] for f in (*_FIELDS, "time", "source")}
        self.pending: dict[tuple[Any, ...], _Pending] = {}
        self.gatehouse: float | None = None
        self.untimed = self.ignored = 0

    def bad(self, line: int, reason: str) -> None:
        if not self.skip_bad:
            reason += " (--skip-bad skips and reports such lines)"
        self.report.bad(self.path, line, reason, skip_bad=self.skip_bad)

    def feed(self, number: int, raw: bytes) -> None:
        try:
            parsed = parse_line(raw)
        except BadLine as exc:
            self.bad(number, str(exc))
            return
        if isinstance(parsed, Gatehouse):
            self.gatehouse = parsed.time
        elif isinstance(parsed, Sentence):
            self.sentence(number, parsed)

    def sentence(self, number: int, s: Sentence) -> None:
        try:
            part = NMEAMessage(s.raw)
        except Exception as exc:  # pyais raises several exception types for malformed fields
            self.bad(number, _why(exc))
            return
        time = s.time
        if part.frag_num == 1:  # a $PGHP sentence wraps the message that follows it, and only that one
            gatehouse, self.gatehouse = self.gatehouse, None
            time = time if time is not None else gatehouse
        if part.frag_cnt == 1:
            self.message(number, [part], time, s.station)
            return
        key = ("g", s.group) if s.group else (s.station, part.channel, part.seq_id, part.frag_cnt)
        if part.frag_num == 1:
            if key in self.pending:
                self.incomplete(self.pending.pop(key))
            self.pending[key] = _Pending(number, part, time, s.station)
            return
        held = self.pending.get(key)
        if held is None or len(held.parts) + 1 != part.frag_num:
            self.bad(number, f"fragment {part.frag_num} of {part.frag_cnt} without the fragments before it")
            return
        held.parts.append(part)
        held.time = held.time if held.time is not None else time
        held.station = held.station or s.station
        if len(held.parts) == part.frag_cnt:
            del self.pending[key]
            self.message(held.line, held.parts, held.time, held.station)

    def incomplete(self, held: _Pending) -> None:
        total = held.parts[0].frag_cnt
        self.bad(held.line, f"multi-sentence message incomplete: {len(held.parts)} of {total} fragments")

    def message(self, line: int, parts: list[NMEAMessage], time: float | None, station: str | None) -> None:
        try:
            msg = NMEAMessage.assemble_from_iterable(parts).decode()
            fields = message_fields(msg)
        except Exception as exc:  # pyais: empty payload, unknown type, too few bits, ...
            self.bad(line, _why(exc))
            return
        if fields is None:
            self.ignored += 1
            return
        time = time if time is not None else self.default_time
        if time is None:
            self.untimed += 1
            return
        for name in _FIELDS:
            self.columns[name].append(fields.get(name))
        self.columns["time"].append(round(time * 1_000_000))
        self.columns["source"].append(station or self.source)

    def finish(self) -> pl.DataFrame:
        for held in sorted(self.pending.values(), key=lambda h: h.line):
            self.incomplete(held)
        if self.untimed:
            self.report.untimed[self.path] = self.untimed
            self.report.note(
                self.path,
                f"{self.untimed} messages carry no time (no tag block, $PGHP or unix time) and were "
                "dropped; give a default time (--default-time) to keep them",
            )
        if self.ignored:
            self.report.ignored[self.path] = self.ignored
        raw = pl.DataFrame(
            {f: self.columns[f] for f in _FIELDS},
            schema=_RAW_SCHEMA,
        ).with_columns(
            timestamp=pl.Series(self.columns["time"], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            source=pl.Series(self.columns["source"], dtype=pl.String),
        )
        frame = finalize(raw).collect()
        self.report.rows[self.path] = self.report.rows.get(self.path, 0) + frame.height
        return frame


def read_nmea(
    path: str,
    lines: Iterable[bytes],
    report: IngestReport,
    *,
    skip_bad: bool = False,
    default_time: datetime | None = None,
) -> pl.DataFrame:
    """Decode every line of one NMEA log (``lines`` as read from ``path``) into positions."""
    if default_time is not None and default_time.tzinfo is None:
        default_time = default_time.replace(tzinfo=UTC)
    reader = _Reader(path, report, skip_bad, default_time.timestamp() if default_time else None)
    for number, raw in enumerate(lines, start=1):
        reader.feed(number, raw)
    return reader.finish()
