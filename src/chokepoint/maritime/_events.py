"""``detect_events``: positions → the event tables, by either engine, finished the same way.

Engines return raw tables; here ports get names and countries, events get the nearest port and
(with a water polygon) the distance from shore, floats are rounded (so both engines print the
same digits) and rows are sorted by vessel and time. Contract: identical input gives identical
tables from ``engine="local"`` and ``engine="spark"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chokepoint.errors import ConfigError
from chokepoint.maritime._kernel import EVENT_TABLES, run_local
from chokepoint.maritime._params import EventParams
from chokepoint.maritime._ports import nearest_port_any
from chokepoint.maritime._shore import Water

__all__ = ["ENGINES", "Events", "detect_events"]

ENGINES = ("local", "spark")
_SORT = {
    "gaps": ("mmsi", "track", "start"),
    "port_visits": ("mmsi", "track", "start"),
    "encounters": ("mmsi_a", "track_a", "mmsi_b", "track_b", "start"),
    "loitering": ("mmsi", "track", "start"),
    "dark_voyages": ("mmsi", "track", "dark_start"),
    "segments": ("mmsi", "track", "segment"),
}
_DIGITS = {"lat": 6, "lon": 6, "km": 3, "hours": 4, "knots": 3}


@dataclass(frozen=True)
class Events:
    """The event tables of one run (Polars frames, sorted by vessel and time)."""

    gaps: pl.DataFrame
    port_visits: pl.DataFrame
    encounters: pl.DataFrame
    loitering: pl.DataFrame
    dark_voyages: pl.DataFrame
    segments: pl.DataFrame

    def tables(self) -> dict[str, pl.DataFrame]:
        return {name: getattr(self, name) for name in EVENT_TABLES}


def _round(df: pl.DataFrame) -> pl.DataFrame:
    exprs = []
    for name, dtype in df.schema.items():
        if dtype != pl.Float64 and dtype != pl.Float32:
            continue
        digits = next((d for suffix, d in _DIGITS.items() if name.endswith(suffix)), 6)
        exprs.append(pl.col(name).round(digits))
    return df.with_columns(exprs) if exprs else df


def _shore(df: pl.DataFrame, water: Water | None, lat: str, lon: str, name: str) -> pl.DataFrame:
    if water is None:
        return df
    km = water.shore_km(df[lat].to_numpy(), df[lon].to_numpy()) if df.height else []
    return df.with_columns(pl.Series(name, km, dtype=pl.Float64))


def finish(raw: dict[str, pl.DataFrame], ports: pl.DataFrame | None, water: Water | None) -> Events:
    """Names, nearest ports, shore distances, rounding and order for the raw engine output."""
    out = dict(raw)
    gaps = nearest_port_any(out["gaps"], ports, "start_lat", "start_lon", "start_")
    gaps = nearest_port_any(gaps, ports, "end_lat", "end_lon", "end_")
    gaps = _shore(
        _shore(gaps, water, "start_lat", "start_lon", "start_shore_km"),
        water,
        "end_lat",
        "end_lon",
        "end_shore_km",
    )
    out["gaps"] = gaps
    visits = out["port_visits"]
    if ports is not None:
        info = ports.select("port_id", "port", "country", "locode", "port_lat", "port_lon")
        visits = visits.join(info, on="port_id", how="left", maintain_order="left")
    out["port_visits"] = visits.drop("port_id")
    for name in ("encounters", "loitering"):
        table = nearest_port_any(out[name], ports, "lat", "lon", "")
        out[name] = _shore(table, water, "lat", "lon", "shore_km")
    return Events(**{name: _round(out[name]).sort(_SORT[name], maintain_order=True) for name in EVENT_TABLES})


def detect_events(
    positions: pl.DataFrame | pl.LazyFrame | Sequence[str | Path],
    *,
    ports: pl.DataFrame | None = None,
    water: Water | None = None,
    params: EventParams | None = None,
    engine: str = "local",
) -> Events:
    """Gaps, port visits, encounters, loitering, dark voyages and segments of ``positions``.

    ``positions``: a frame with POSITION_SCHEMA columns (``mmsi, timestamp, lat, lon`` required,
    ``sog`` used when present), or Parquet paths (read by the engine itself)."""
    params = params or EventParams()
    if engine == "local":
        if not isinstance(positions, pl.DataFrame | pl.LazyFrame):
            positions = pl.scan_parquet([str(p) for p in positions])
        raw = run_local(positions, ports, params)
    elif engine == "spark":
        from chokepoint.maritime._spark import run_spark  # pyspark is an optional extra

        raw = run_spark(positions, ports, params)
    else:
        raise ConfigError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}", field="engine")
    return finish(raw, ports, water)
