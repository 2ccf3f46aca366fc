"""Distance from shore: a water polygon (GeoJSON, e.g. GSHHG's Caspian Sea) and km to its edge.

The polygon is read once; distances come from shapely's vectorised ``distance`` in a sinusoidal
projection centred on the polygon (kilometres, shape kept within ~1 % across the Caspian).
Points on land get a negative distance. Contract: callers pass numpy arrays of degrees.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

from chokepoint.errors import InputError
from chokepoint.maritime._geo import EARTH_RADIUS_KM

__all__ = ["Water", "load_water"]

_K = math.pi / 180 * EARTH_RADIUS_KM  # km per degree of latitude


@dataclass(frozen=True)
class Water:
    """A water polygon in degrees and its projected twin in km."""

    polygon: shapely.Geometry
    projected: shapely.Geometry
    lon0: float

    def contains(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        return shapely.contains_xy(self.polygon, np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))

    def shore_km(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        """Km to the nearest shore: positive on water, negative on land."""
        lat = np.asarray(lat, dtype=float)
        lon = np.asarray(lon, dtype=float)
        points = shapely.points((lon - self.lon0) * _K * np.cos(np.radians(lat)), lat * _K)
        dist = shapely.distance(self.projected.boundary, points)
        return np.where(self.contains(lat, lon), dist, -dist)


def _project(geom: shapely.Geometry, lon0: float) -> shapely.Geometry:
    def xy(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(
            [(coords[:, 0] - lon0) * _K * np.cos(np.radians(coords[:, 1])), coords[:, 1] * _K]
        )

    return shapely.transform(geom, xy)


def load_water(path: str | Path) -> Water:
    """Read a GeoJSON Polygon/MultiPolygon (FeatureCollection, Feature or bare geometry)."""
    where = Path(path)
    try:
        doc = json.loads(where.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read water polygon: {exc.strerror}", path=where) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not GeoJSON: {exc}", path=where) from None
    try:
        if doc.get("type") == "FeatureCollection":
            geoms = [shape(f["geometry"]) for f in doc["features"]]
        elif doc.get("type") == "Feature":
            geoms = [shape(doc["geometry"])]
        else:
            geoms = [shape(doc)]
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException) as exc:
        raise InputError(f"not a GeoJSON geometry: {exc}", path=where) from None
    polygon = shapely.union_all([g for g in geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    if polygon.is_empty:
        raise InputError("no Polygon or MultiPolygon in the file", path=where)
    lon0 = polygon.centroid.x
    shapely.prepare(polygon)
    return Water(polygon=polygon, projected=_project(polygon, lon0), lon0=lon0)
