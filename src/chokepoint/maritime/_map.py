"""An HTML page with one vessel's track and events drawn in inline SVG: no tiles, no network.

Reads the vessel's prepared positions, its event tables (``Events``), the port list and, when
given, the water polygon (drawn as the coastline). Coordinates are projected equirectangularly
around the track's mean latitude; the page also lists the events as tables.
"""

from __future__ import annotations

import html
import math

import numpy as np
import polars as pl
import shapely

from chokepoint.maritime._events import Events
from chokepoint.maritime._shore import Water

__all__ = ["render_vessel_map"]

_W, _H, _PAD = 960, 720, 20
_LEGEND = (
    "track (blue), gap ≥ 12 h (red dashes), gap 2-12 h (orange dashes), encounter (purple ring), "
    "loitering (green ring), port (black square)"
)
_STYLE = (
    "body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;font-size:12px}"
    "td,th{border:1px solid #bbb;padding:2px 6px}"
)


class _Frame:
    def __init__(self, lat: np.ndarray, lon: np.ndarray) -> None:
        self.k = math.cos(math.radians(float(np.mean(lat))))
        x0, x1 = float(lon.min()) * self.k, float(lon.max()) * self.k
        y0, y1 = float(lat.min()), float(lat.max())
        span = max(x1 - x0, y1 - y0, 0.05) * 1.15
        self.cx, self.cy, self.scale = (x0 + x1) / 2, (y0 + y1) / 2, (min(_W, _H) - 2 * _PAD) / span

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (_W / 2 + (lon * self.k - self.cx) * self.scale, _H / 2 - (lat - self.cy) * self.scale)

    def path(self, lat: np.ndarray, lon: np.ndarray) -> str:
        pts = [self.xy(a, o) for a, o in zip(lat.tolist(), lon.tolist(), strict=True)]
        return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def _rings(geom: shapely.Geometry) -> list[np.ndarray]:
    rings = []
    for poly in getattr(geom, "geoms", [geom]):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        rings.append(np.asarray(poly.exterior.coords))
        rings.extend(np.asarray(r.coords) for r in poly.interiors)
    return rings


def _table(title: str, df: pl.DataFrame) -> str:
    if not df.height:
        return f"<h3>{html.escape(title)}: none</h3>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in df.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in df.iter_rows()
    )
    return f"<h3>{html.escape(title)} ({df.height})</h3><table><tr>{head}</tr>{body}</table>"


def render_vessel_map(
    mmsi: int,
    positions: pl.DataFrame,
    events: Events,
    *,
    ports: pl.DataFrame | None = None,
    water: Water | None = None,
) -> str:
    """The page for one vessel: coastline, ports, track by segment, gaps, visits, meetings, loitering."""
    track = positions.filter(pl.col("mmsi") == mmsi).sort("track", "timestamp")
    lat, lon = track["lat"].to_numpy(), track["lon"].to_numpy()
    frame = _Frame(lat, lon) if len(lat) else _Frame(np.array([42.0]), np.array([50.0]))
    parts = [f'<rect width="{_W}" height="{_H}" fill="#e8e4d8"/>']
    if water is not None:
        for ring in _rings(shapely.intersection(water.polygon, shapely.box(*_bounds(frame)))):
            d = frame.path(ring[:, 1], ring[:, 0])
            parts.append(f'<path d="{d}Z" fill="#cfe3f3" stroke="#6a8caf" stroke-width="0.8"/>')
    for _, rows in track.group_by("track", "segment", maintain_order=True):
        d = frame.path(rows["lat"].to_numpy(), rows["lon"].to_numpy())
        parts.append(f'<path d="{d}" fill="none" stroke="#1f4e79" stroke-width="1.4"/>')
    mine = {
        name: df.filter(pl.col("mmsi") == mmsi)
        for name, df in events.tables().items()
        if "mmsi" in df.columns
    }
    mine["encounters"] = events.encounters.filter((pl.col("mmsi_a") == mmsi) | (pl.col("mmsi_b") == mmsi))
    for row in mine["gaps"].iter_rows(named=True):
        (x1, y1), (x2, y2) = (
            frame.xy(row["start_lat"], row["start_lon"]),
            frame.xy(row["end_lat"], row["end_lon"]),
        )
        colour = "#c00000" if row["long"] else "#e08000"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-dasharray="6 4" stroke-width="2"><title>gap {row["hours"]} h</title></line>'
        )
    for name, colour in (("encounters", "#7030a0"), ("loitering", "#00a070")):
        for row in mine[name].iter_rows(named=True):
            x, y = frame.xy(row["lat"], row["lon"])
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="{colour}" stroke-width="3">'
                f"<title>{name} {row['start']}</title></circle>"
            )
    for row in ports.iter_rows(named=True) if ports is not None else []:
        x, y = frame.xy(row["port_lat"], row["port_lon"])
        if 0 <= x <= _W and 0 <= y <= _H:
            parts.append(
                f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#333"/>'
                f'<text x="{x + 7:.1f}" y="{y + 4:.1f}" font-size="12">{html.escape(row["port"])}</text>'
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}">'
        f"{''.join(parts)}</svg>"
    )
    tables = "".join(_table(name.replace("_", " "), df) for name, df in mine.items() if name != "segments")
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>MMSI {mmsi}</title><style>{_STYLE}</style>"
        f"</head><body><h2>MMSI {mmsi}: {track.height} positions</h2><p>{_LEGEND}</p>{svg}{tables}"
        "</body></html>"
    )


def _bounds(frame: _Frame) -> tuple[float, float, float, float]:
    half_w, half_h = _W / 2 / frame.scale, _H / 2 / frame.scale
    return (
        (frame.cx - half_w) / frame.k,
        frame.cy - half_h,
        (frame.cx + half_w) / frame.k,
        frame.cy + half_h,
    )
