"""A decoded pyais message → the POSITION_SCHEMA fields it carries (values as sent, sentinels kept).

Position reports: types 1, 2, 3 (class A), 18, 19 (class B), 27 (long range). Static and voyage
data: type 5 (IMO, call sign, name, type, dimensions, draught, destination) and type 24 (part A:
name; part B: type, call sign, dimensions). Other types carry neither and give None.
"""

from __future__ import annotations

from typing import Any

__all__ = ["POSITION_TYPES", "STATIC_TYPES", "message_fields"]

POSITION_TYPES = frozenset({1, 2, 3, 18, 19, 27})
STATIC_TYPES = frozenset({5, 24})


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _dims(msg: Any) -> tuple[int | None, int | None]:
    """Length (bow + stern) and width (port + starboard) in metres; None when not sent."""
    bow, stern = getattr(msg, "to_bow", None), getattr(msg, "to_stern", None)
    port, star = getattr(msg, "to_port", None), getattr(msg, "to_starboard", None)
    length = bow + stern if bow is not None and stern is not None else None
    width = port + star if port is not None and star is not None else None
    return length, width


def message_fields(msg: Any) -> dict[str, Any] | None:
    """The schema fields of one decoded message, or None for types we do not store."""
    kind = msg.msg_type
    if kind in POSITION_TYPES:
        row: dict[str, Any] = {
            "mmsi": msg.mmsi,
            "msg_type": kind,
            "lat": msg.lat,
            "lon": msg.lon,
            "sog": msg.speed,
            "cog": msg.course,
            "heading": getattr(msg, "heading", None),
            "nav_status": _int(getattr(msg, "status", None)),
        }
        if kind == 19:
            row["name"] = msg.shipname
            row["ship_type"] = _int(msg.ship_type)
            row["length"], row["width"] = _dims(msg)
        return row
    if kind == 5:
        length, width = _dims(msg)
        return {
            "mmsi": msg.mmsi,
            "msg_type": kind,
            "imo": msg.imo,
            "callsign": msg.callsign,
            "name": msg.shipname,
            "ship_type": _int(msg.ship_type),
            "length": length,
            "width": width,
            "draught": msg.draught,
            "destination": msg.destination,
        }
    if kind == 24:
        if msg.partno == 0:
            return {"mmsi": msg.mmsi, "msg_type": kind, "name": msg.shipname}
        length, width = _dims(msg)  # None for auxiliary craft, which send the mothership MMSI instead
        return {
            "mmsi": msg.mmsi,
            "msg_type": kind,
            "callsign": msg.callsign,
            "ship_type": _int(msg.ship_type),
            "length": length,
            "width": width,
        }
    return None
