"""Port lists (``name,country,locode,lat,lon,radius_km``) and the nearest port to each position.

The demo list ships in ``data/caspian_ports.csv``; any CSV of that shape works (``#`` lines are
comments, ``locode`` and ``radius_km`` may be blank or absent). Positions find their nearest port
through a 0.1° grid join, so a million positions far from every port cost one hash lookup each.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import polars as pl

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.maritime._geo import haversine_km
from chokepoint.maritime._params import EventParams

__all__ = [
    "DEFAULT_PORTS_PATH",
    "PORT_SCHEMA",
    "load_ports",
    "nearest_port",
    "nearest_port_any",
    "port_bounds",
]

DEFAULT_PORTS_PATH = Path(__file__).parent / "data" / "caspian_ports.csv"
PORT_SCHEMA = {
    "port_id": pl.Int32,
    "port": pl.String,
    "country": pl.String,
    "locode": pl.String,
    "port_lat": pl.Float64,
    "port_lon": pl.Float64,
    "radius_km": pl.Float64,
}
_CELL = 0.1  # degrees


def _number(text: str, what: str, low: float, high: float, *, path: Path, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} is not a number: {text!r}", path=path, line=line) from None
    if not (low <= value <= high) or math.isnan(value):
        raise InputError(f"{what} {value} is outside {low}..{high}", path=path, line=line)
    return value


@lru_cache(maxsize=16)
def _load(path: Path, mtime: float) -> pl.DataFrame:
    rows: list[dict[str, object]] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        numbered = (
            (n, text) for n, text in enumerate(handle, 1) if text.strip() and not text.startswith("#")
        )
        first = next(numbered, None)
        if first is None:
            raise InputError("no header line (name,country,locode,lat,lon,radius_km)", path=path)
        header_line, header_text = first
        header = [h.strip().lower() for h in next(csv.reader([header_text]))]
        missing = [c for c in ("name", "country", "lat", "lon") if c not in header]
        if missing:
            raise CSVColumnError(f"missing column(s) {', '.join(missing)}", path=path, line=header_line)
        for line, text in numbered:
            values = next(csv.reader([text]))
            if len(values) != len(header):
                raise InputError(f"{len(values)} fields, header has {len(header)}", path=path, line=line)
            row = dict(zip(header, (v.strip() for v in values), strict=True))
            radius = row.get("radius_km") or ""
            rows.append(
                {
                    "port_id": len(rows),
                    "port": row["name"],
                    "country": row["country"].upper(),
                    "locode": row.get("locode") or None,
                    "port_lat": _number(row["lat"], "lat", -90, 90, path=path, line=line),
                    "port_lon": _number(row["lon"], "lon", -180, 180, path=path, line=line),
                    "radius_km": _number(radius, "radius_km", 0.01, 100, path=path, line=line)
                    if radius
                    else None,
                }
            )
    if not rows:
        raise InputError("no ports listed", path=path)
    return pl.DataFrame(rows, schema=PORT_SCHEMA)


def load_ports(path: str | Path | None = None) -> pl.DataFrame:
    """Read a port list (the shipped Caspian list by default); cached per file and mtime."""
    where = Path(path) if path is not None else DEFAULT_PORTS_PATH
    try:
        mtime = where.stat().st_mtime
    except OSError as exc:
        raise InputError(f"cannot read port list: {exc.strerror}", path=where) from None
    return _load(where, mtime)


def port_bounds(ports: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Ports with their entry and exit distances (``radius_km`` or the GFW 3 km, then +1 km)."""
    entry = pl.col("radius_km").fill_null(params.port_entry_km)
    return ports.with_columns(entry_km=entry, exit_km=entry + params.port_exit_extra_km)


def _port_cells(ports: pl.DataFrame, reach_km: float) -> pl.DataFrame:
    """Every 0.1° cell that comes within ``reach_km`` of a port, with that port."""
    rows = []
    for port in ports.iter_rows(named=True):
        dlat = reach_km / 111.0 + _CELL
        dlon = reach_km / (111.0 * max(math.cos(math.radians(port["port_lat"])), 0.05)) + _CELL
        for i in range(
            math.floor((port["port_lat"] - dlat) / _CELL), math.floor((port["port_lat"] + dlat) / _CELL) + 1
        ):
            for j in range(
                math.floor((port["port_lon"] - dlon) / _CELL),
                math.floor((port["port_lon"] + dlon) / _CELL) + 1,
            ):
                rows.append((i * 10_000 + j, port["port_id"]))
    return pl.DataFrame(rows, schema={"cell": pl.Int64, "port_id": pl.Int32}, orient="row")


def nearest_port(lf: pl.LazyFrame, ports: pl.DataFrame, reach_km: float) -> pl.LazyFrame:
    """Add ``port_id`` and ``port_km`` (nearest port within ``reach_km``; null when none is)."""
    cell = (pl.col("lat") / _CELL).floor().cast(pl.Int64) * 10_000 + (pl.col("lon") / _CELL).floor().cast(
        pl.Int64
    )
    cells = _port_cells(ports, reach_km)
    lf = lf.with_row_index("_rn")
    near = (
        lf.select("_rn", "lat", "lon", cell.alias("cell"))
        .filter(pl.col("cell").is_in(cells["cell"].unique().implode()))
        .join(cells.lazy(), on="cell")
        .join(ports.lazy().select("port_id", "port_lat", "port_lon"), on="port_id")
        .with_columns(
            port_km=haversine_km(pl.col("lat"), pl.col("lon"), pl.col("port_lat"), pl.col("port_lon"))
        )
        .filter(pl.col("port_km") <= reach_km)
        .sort("_rn", "port_km", "port_id")
        .unique("_rn", keep="first", maintain_order=True)
        .select("_rn", "port_id", "port_km")
    )
    return lf.join(near, on="_rn", how="left", maintain_order="left").drop("_rn")


def nearest_port_any(
    events: pl.DataFrame, ports: pl.DataFrame | None, lat: str, lon: str, prefix: str
) -> pl.DataFrame:
    """Add ``{prefix}port`` and ``{prefix}port_km``: the nearest port at any distance (small tables)."""
    if ports is None or not events.height:
        return events.with_columns(
            pl.lit(None, pl.String).alias(f"{prefix}port"), pl.lit(None, pl.Float64).alias(f"{prefix}port_km")
        )
    best = (
        events.lazy()
        .select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_e"),
            pl.col(lat).alias("_la"),
            pl.col(lon).alias("_lo"),
        )
        .join(ports.lazy().select("port_id", "port", "port_lat", "port_lon"), how="cross")
        .with_columns(_km=haversine_km(pl.col("_la"), pl.col("_lo"), pl.col("port_lat"), pl.col("port_lon")))
        .sort("_e", "_km", "port_id")
        .unique("_e", keep="first", maintain_order=True)
        .select(pl.col("port").alias(f"{prefix}port"), pl.col("_km").alias(f"{prefix}port_km"))
        .collect()
    )
    return pl.concat([events, best], how="horizontal")
