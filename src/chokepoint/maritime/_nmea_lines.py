"""One line of an NMEA 0183 AIS log → the ``!AIVDM``/``!AIVDO`` sentence and its metadata.

Understands NMEA 4 tag blocks (``\\s:station,c:unix_time,g:1-2-id*hh\\``), a leading unix time
(``1635731889 !AIVDM…``), trailing receiver fields with a unix time after the checksum (the
``…,0*28,d-109,S2105,…,1325394060`` layout) and ``$PGHP`` Gatehouse time sentences. Checksums of
sentences and tag blocks are verified. A line that cannot be used raises :class:`BadLine`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import reduce
from operator import xor

__all__ = ["BadLine", "Gatehouse", "Sentence", "parse_line"]

EARLIEST, LATEST = 315_532_800, 4_102_444_800  # 1980-01-01 .. 2100-01-01, unix seconds
_LEADING_TIME = re.compile(rb"^(\d{9,13}(?:\.\d+)?)[ ,;\t]+(?=[!$\\])")
_TRAILING_TIME = re.compile(rb"\d{9,13}(?:\.\d+)?")
_HEX = re.compile(rb"[0-9A-Fa-f]{2}")


class BadLine(ValueError):
    """The line is not usable; ``str()`` says why."""


@dataclass(slots=True)
class Sentence:
    """An AIS sentence with what the line around it said about time and receiver."""

    raw: bytes
    """``!AIVDM,…*hh`` without tag block or trailing fields."""
    time: float | None
    """Unix seconds from the tag block, a leading or a trailing time; None if the line had none."""
    station: str | None
    """Receiving station from the tag block ``s:`` field."""
    group: str | None
    """Tag-block group id (``g:`` field) tying the fragments of one message together."""


@dataclass(slots=True)
class Gatehouse:
    """A ``$PGHP`` time sentence: applies to the next AIS message."""

    time: float


def _checksum_ok(body: bytes, expected: bytes) -> bool:
    return _HEX.fullmatch(expected) is not None and reduce(xor, body, 0) == int(expected, 16)


def _unix(text: bytes, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise BadLine(f"{what} {text.decode('ascii', 'replace')!r} is not a unix time") from None
    if value > 1e11:  # milliseconds
        value /= 1000
    if not EARLIEST <= value < LATEST:
        raise BadLine(f"{what} {text.decode('ascii', 'replace')} is not a time between 1980 and 2100")
    return value


def _tag_block(tag: bytes) -> tuple[float | None, str | None, str | None]:
    body, star, check = tag.partition(b"*")
    if star and not _checksum_ok(body, check):
        raise BadLine("tag block checksum does not match")
    time = station = group = None
    for field in body.split(b","):
        key, _, value = field.partition(b":")
        if key == b"c":
            time = _unix(value, "tag block time c:")
        elif key == b"s":
            station = value.decode("ascii", "replace")
        elif key == b"g":
            group = value.rsplit(b"-", 1)[-1].decode("ascii", "replace")
    return time, station, group


def _gatehouse(text: bytes) -> Gatehouse:
    star = text.rfind(b"*")
    if star < 0 or not _checksum_ok(text[1:star], text[star + 1 : star + 3]):
        raise BadLine("$PGHP sentence without a matching checksum")
    fields = text[:star].split(b",")
    try:
        year, month, day, hour, minute, second, milli = (int(f) for f in fields[2:9])
        when = datetime(year, month, day, hour, minute, second, milli * 1000, tzinfo=UTC)
    except ValueError:
        raise BadLine("$PGHP sentence without a valid date and time") from None
    return Gatehouse(when.timestamp())


def parse_line(raw: bytes) -> Sentence | Gatehouse | None:
    """Parse one line; None for blank lines, ``#`` comments and non-AIS NMEA sentences (``$GPGGA``)."""
    text = raw.strip()
    if not text or text[:1] == b"#":
        return None
    time: float | None = None
    station = group = None
    leading = _LEADING_TIME.match(text)
    if leading:
        time = _unix(leading.group(1), "leading time")
        text = text[leading.end() :]
    if text[:1] == b"\\":
        end = text.find(b"\\", 1)
        if end < 0:
            raise BadLine("tag block is not closed by a backslash")
        tag_time, station, group = _tag_block(text[1:end])
        time = tag_time if tag_time is not None else time
        text = text[end + 1 :]
    if text[:1] == b"$":
        return _gatehouse(text) if text[1:5] == b"PGHP" else None
    if text[:1] != b"!" or text[3:6] not in (b"VDM", b"VDO"):
        raise BadLine("not an NMEA !AIVDM/!AIVDO sentence")
    star = text.find(b"*")
    if star < 0 or not _checksum_ok(text[1:star], text[star + 1 : star + 3]):
        raise BadLine("checksum missing or does not match")
    if time is None:
        for field in text[star + 3 :].split(b","):
            if _TRAILING_TIME.fullmatch(field):
                time = _unix(field, "trailing time")
                break
    return Sentence(text[: star + 3], time, station, group)
