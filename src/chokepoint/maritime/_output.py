"""Write event tables: ``NAME.csv``, ``NAME.parquet`` and ``NAME.geojson`` for each, all or nothing.

Every file is first written beside its target under a temporary name; only when all are written
are they renamed into place, so a failure leaves the folder as it was. GeoJSON features are points
(visits, encounters, loitering) or lines from where a vessel went quiet to where it reappeared
(gaps, dark voyages) or from a segment's start to its end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl

__all__ = ["write_events"]

_TIME = "%Y-%m-%dT%H:%M:%S%.6fZ"
_GEOMETRY = {
    "gaps": ("start_lat", "start_lon", "end_lat", "end_lon"),
    "dark_voyages": ("start_lat", "start_lon", "end_lat", "end_lon"),
    "segments": ("start_lat", "start_lon", "end_lat", "end_lon"),
    "port_visits": ("port_lat", "port_lon"),
    "encounters": ("lat", "lon"),
    "loitering": ("lat", "lon"),
}


def _texts(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(pl.col(pl.Datetime).dt.to_string(_TIME))


def _geojson(name: str, df: pl.DataFrame) -> str:
    coords = _GEOMETRY.get(name, ())
    features = []
    for row in _texts(df).iter_rows(named=True):
        values = [row.get(c) for c in coords]
        if not coords or any(v is None for v in values):
            geometry = None
        elif len(coords) == 2:
            geometry = {"type": "Point", "coordinates": [values[1], values[0]]}
        else:
            geometry = {"type": "LineString", "coordinates": [[values[1], values[0]], [values[3], values[2]]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return json.dumps(
        {"type": "FeatureCollection", "name": name, "features": features}, separators=(",", ":")
    )


def write_events(tables: dict[str, pl.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write every table in three formats into ``out_dir`` (created if missing); returns the paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            for suffix in ("csv", "parquet", "geojson"):
                target = folder / f"{name}.{suffix}"
                temp = folder / f".{name}.{suffix}.{os.getpid()}.tmp"
                staged.append((temp, target))
                if suffix == "csv":
                    _texts(df).write_csv(temp)
                elif suffix == "parquet":
                    df.write_parquet(temp)
                else:
                    temp.write_text(_geojson(name, df), encoding="utf-8")
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]
