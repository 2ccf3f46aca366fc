"""Position samples for one leg of a simulated voyage: at a berth, under way, or drifting.

Times are float seconds from the scenario start; every function returns numpy columns
(t, lat, lon, sog, cog) sampled every ``every`` seconds (±10 %). Under way, a vessel follows a
polyline of waypoints at constant speed; drifting, it moves slowly along a straight line.
"""

from __future__ import annotations

import numpy as np

from chokepoint.maritime._geo import EARTH_RADIUS_KM, KM_PER_NM, haversine_km_np

__all__ = ["Samples", "berth", "drift", "polyline_km", "under_way"]

Samples = dict[str, np.ndarray]
_KM_PER_DEG = np.pi / 180 * EARTH_RADIUS_KM


def _times(rng: np.random.Generator, t0: float, t1: float, every: float) -> np.ndarray:
    n = max(int((t1 - t0) / every) + 1, 1)
    steps = every * rng.uniform(0.9, 1.1, n)
    t = t0 + np.concatenate([[0.0], np.cumsum(steps[:-1])])
    return t[t < t1]


def polyline_km(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Cumulative km along a polyline (0 at its first point)."""
    return np.concatenate([[0.0], np.cumsum(haversine_km_np(lat[:-1], lon[:-1], lat[1:], lon[1:]))])


def _bearing(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2, dl = np.radians(lat1), np.radians(lat2), np.radians(lon2 - lon1)
    y = np.sin(dl) * np.cos(p2)
    x = np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dl)
    return (np.degrees(np.arctan2(y, x)) + 360.0) % 360.0


def berth(
    rng: np.random.Generator, t0: float, t1: float, lat: float, lon: float, every: float = 180.0
) -> Samples:
    """Moored or anchored: a few metres of GPS noise, speed about zero."""
    t = _times(rng, t0, t1, every)
    return {
        "t": t,
        "lat": lat + rng.normal(0, 0.00003, len(t)),
        "lon": lon + rng.normal(0, 0.00004, len(t)),
        "sog": np.round(np.abs(rng.normal(0, 0.03, len(t))), 1),
        "cog": rng.uniform(0, 360, len(t)).round(1),
    }


def under_way(
    rng: np.random.Generator, t0: float, lat: np.ndarray, lon: np.ndarray, knots: float, every: float
) -> tuple[Samples, float]:
    """Along the polyline at ``knots``; returns the samples and the arrival time."""
    cum = polyline_km(lat, lon)
    t1 = t0 + cum[-1] / (knots * KM_PER_NM / 3600.0)
    t = _times(rng, t0, t1, every)
    along = (t - t0) * knots * KM_PER_NM / 3600.0
    leg = np.clip(np.searchsorted(cum, along, side="right") - 1, 0, len(cum) - 2)
    heading = _bearing(lat[:-1], lon[:-1], lat[1:], lon[1:])
    return {
        "t": t,
        "lat": np.interp(along, cum, lat),
        "lon": np.interp(along, cum, lon),
        "sog": np.round(knots + rng.normal(0, 0.2, len(t)), 1),
        "cog": np.round((heading[leg] + rng.normal(0, 1.0, len(t))) % 360, 1),
    }, t1


def drift(
    rng: np.random.Generator,
    t0: float,
    t1: float,
    lat: float,
    lon: float,
    knots: float,
    course: float,
    every: float,
) -> Samples:
    """Drifting at ``knots`` on ``course`` degrees from (lat, lon), with GPS noise."""
    t = _times(rng, t0, t1, every)
    km = (t - t0) * knots * KM_PER_NM / 3600.0
    north, east = km * np.cos(np.radians(course)), km * np.sin(np.radians(course))
    return {
        "t": t,
        "lat": lat + north / _KM_PER_DEG + rng.normal(0, 0.00003, len(t)),
        "lon": lon + east / (_KM_PER_DEG * np.cos(np.radians(lat))) + rng.normal(0, 0.00004, len(t)),
        "sog": np.round(np.abs(knots + rng.normal(0, 0.15, len(t))), 1),
        "cog": np.full(len(t), round(course, 1)),
    }
