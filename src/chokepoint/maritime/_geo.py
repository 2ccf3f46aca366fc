"""Distances on the sphere as Polars expressions, so every engine computes them the same way.

Step distances between consecutive fixes use the equirectangular approximation (one cosine per
row; error < 0.1 % below 100 km); event distances (gap length, distance to a port) use haversine.
"""

from __future__ import annotations

import math

import numpy as np
import polars as pl

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_NM",
    "haversine_km",
    "haversine_km_np",
    "step_km",
]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG)."""
KM_PER_NM = 1.852
"""One nautical mile; a knot is one nautical mile per hour."""
_RAD = math.pi / 180.0


def haversine_km(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = lat1 * _RAD, lat2 * _RAD
    a = ((p2 - p1) / 2).sin().pow(2) + p1.cos() * p2.cos() * (((lon2 - lon1) * _RAD) / 2).sin().pow(2)
    return 2 * EARTH_RADIUS_KM * a.sqrt().clip(upper_bound=1.0).arcsin()


def haversine_km_np(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """:func:`haversine_km` for numpy arrays (the simulator and the map use it)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def step_km(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    """Equirectangular distance in km: fast and exact enough for consecutive fixes."""
    dlon = lon2 - lon1
    dlon = pl.when(dlon.abs() > 180.0).then((dlon + 540.0) % 360.0 - 180.0).otherwise(dlon)
    dlon = dlon * ((lat1 + lat2) * (_RAD / 2)).cos()
    return (EARTH_RADIUS_KM * _RAD) * ((lat2 - lat1).pow(2) + dlon.pow(2)).sqrt()
