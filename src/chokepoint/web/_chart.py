"""The geometry of a vessel map: the Caspian outline, ports, a track, and its events, in SVG units.

Reads ``data/caspian_outline.csv`` (our own coarse shore, see its header) once and projects
degrees equirectangularly (x scaled by the cosine of the middle latitude) into a fixed viewBox that
holds the whole sea, so every vessel map has the same frame. The template draws the shapes.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from chokepoint.errors import InputError

__all__ = ["OUTLINE_PATH", "MapFrame", "VesselMap", "load_outline", "vessel_map"]

OUTLINE_PATH = Path(__file__).parent / "data" / "caspian_outline.csv"
SOUTH, NORTH, WEST, EAST = 36.4, 47.1, 46.6, 54.4
WIDTH = 520
#: Fixes further apart than this are not joined by the drawn track (the gap shows instead).
BREAK = pl.duration(hours=1)
MAX_POINTS = 4000


@lru_cache(maxsize=4)
def load_outline(path: Path = OUTLINE_PATH) -> tuple[tuple[float, float], ...]:
    """(lat, lon) points of the shore; InputError naming the file and line when one is malformed."""
    points: list[tuple[float, float]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = ((n, text) for n, text in enumerate(handle, 1) if text.strip() and not text.startswith("#"))
        header = next(lines, None)
        if header is None or header[1].strip() != "place,lat,lon":
            raise InputError("expected the header place,lat,lon", path=path, line=header[0] if header else 1)
        for n, text in lines:
            row = next(csv.reader([text]))
            try:
                lat, lon = float(row[1]), float(row[2])
            except (IndexError, ValueError):
                raise InputError(
                    f"lat and lon must be numbers: {text.strip()!r}", path=path, line=n
                ) from None
            if not (SOUTH <= lat <= NORTH and WEST <= lon <= EAST):
                raise InputError(f"{lat}, {lon} is outside the Caspian frame", path=path, line=n)
            points.append((lat, lon))
    if len(points) < 3:
        raise InputError("an outline needs at least three points", path=path)
    return tuple(points)


@dataclass(frozen=True)
class MapFrame:
    """Degrees to SVG units for the whole Caspian."""

    k: float = math.cos(math.radians((SOUTH + NORTH) / 2))

    @property
    def scale(self) -> float:
        return WIDTH / ((EAST - WEST) * self.k)

    @property
    def height(self) -> int:
        return round((NORTH - SOUTH) * self.scale)

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (round((lon - WEST) * self.k * self.scale, 1), round((NORTH - lat) * self.scale, 1))

    def path(self, points: list[tuple[float, float]], *, closed: bool = False) -> str:
        xys = [self.xy(lat, lon) for lat, lon in points]
        return "M" + "L".join(f"{x},{y}" for x, y in xys) + ("Z" if closed else "")


@dataclass
class VesselMap:
    """Everything the map template draws, in SVG units; each event keeps its row for the tooltip."""

    width: int
    height: int
    shore: str
    ports: list[dict[str, Any]]
    tracks: list[str] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)
    dark: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    loitering: list[dict[str, Any]] = field(default_factory=list)


def _pieces(track: pl.DataFrame) -> list[list[tuple[float, float]]]:
    """The fixes as runs without breaks longer than :data:`BREAK`, thinned to :data:`MAX_POINTS`."""
    if track.height == 0:
        return []
    step = max(1, track.height // MAX_POINTS)
    broken = track.with_columns(
        (pl.col("timestamp").diff() > BREAK).fill_null(False).cum_sum().alias("piece")
    )
    pieces = []
    for _, rows in broken.group_by("piece", maintain_order=True):
        lat, lon = rows["lat"].to_list(), rows["lon"].to_list()
        keep = list(range(0, len(lat), step)) + ([len(lat) - 1] if (len(lat) - 1) % step else [])
        pieces.append([(lat[i], lon[i]) for i in keep])
    return [p for p in pieces if len(p) > 1]


def _line(frame: MapFrame, row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    (x1, y1), (x2, y2) = (
        frame.xy(row["start_lat"], row["start_lon"]),
        frame.xy(row["end_lat"], row["end_lon"]),
    )
    return {"x1": x1, "y1": y1, "x2": x2, "y2": y2} | extra


def _point(frame: MapFrame, lat: float, lon: float, **extra: Any) -> dict[str, Any]:
    x, y = frame.xy(lat, lon)
    return {"x": x, "y": y} | extra


def vessel_map(
    track: pl.DataFrame, events: dict[str, pl.DataFrame], ports: pl.DataFrame, mmsi: int
) -> VesselMap:
    """The map of one vessel: its fixes (``timestamp, lat, lon``) and its rows of each event table."""
    frame = MapFrame()
    harbours = [
        _point(frame, r["port_lat"], r["port_lon"], name=r["port"], country=r["country"])
        for r in ports.iter_rows(named=True)
    ]
    shore = frame.path(list(load_outline()), closed=True)
    drawn = VesselMap(WIDTH, frame.height, shore, harbours)
    drawn.tracks = [frame.path(piece) for piece in _pieces(track)]
    for n, row in enumerate(events["gaps"].iter_rows(named=True), 1):
        drawn.gaps.append(_line(frame, row, n=n, long=bool(row["long"]), hours=row["hours"]))
    for n, row in enumerate(events["dark_voyages"].iter_rows(named=True), 1):
        drawn.dark.append(_line(frame, row, n=n, origin=row["origin"], destination=row["destination"]))
    for n, row in enumerate(events["port_visits"].iter_rows(named=True), 1):
        drawn.visits.append(_point(frame, row["port_lat"], row["port_lon"], n=n, port=row["port"]))
    for n, row in enumerate(events["encounters"].iter_rows(named=True), 1):
        other = row["mmsi_b"] if row["mmsi_a"] == mmsi else row["mmsi_a"]
        drawn.meetings.append(_point(frame, row["lat"], row["lon"], n=n, other=other))
    for n, row in enumerate(events["loitering"].iter_rows(named=True), 1):
        drawn.loitering.append(_point(frame, row["lat"], row["lon"], n=n, hours=row["hours"]))
    return drawn
