"""Dark voyages: a vessel leaves a port of one side, goes dark, and next shows up at the other side.

Reads one track's (or many tracks') gaps (``_gaps.find_gaps``) and port visits
(``_visits.find_port_visits``) and the port list. A gap of at least ``dark_hours`` is a dark voyage
when its origin — the port of the call (a visit of confidence 2 or more) that ended at most
``dark_window_hours`` before it, else the port within ``dark_near_km`` of the last fix before it —
is in ``origin_countries`` and its destination (the same rules after the gap) is in
``destination_countries``, or the other way round.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._params import EventParams
from chokepoint.maritime._ports import nearest_port_any

__all__ = ["DARK_COLUMNS", "find_dark_voyages"]

DARK_COLUMNS = (
    "mmsi", "track", "direction", "origin", "origin_country", "departed", "dark_start", "dark_end",
    "dark_hours", "destination", "destination_country", "arrived", "distance_km",
    "start_lat", "start_lon", "end_lat", "end_lon",
)  # fmt: skip


def _visit_side(
    gaps: pl.LazyFrame, visits: pl.LazyFrame, ports: pl.DataFrame, *, before: bool, window: float
) -> pl.LazyFrame:
    """The visit just before (after) each gap, if within ``window`` hours: its port and time."""
    time_col = "last_fix" if before else "first_fix"
    calls = visits.filter(pl.col("confidence") >= 2)  # a call stops or goes quiet; passing by is not one
    side = calls.select("mmsi", "track", pl.col(time_col).alias("_vt"), "port_id").join(
        ports.lazy().select("port_id", pl.col("port").alias("_vport")), on="port_id"
    )
    gap_time = "dark_start" if before else "dark_end"
    joined = gaps.sort(gap_time).join_asof(
        side.sort("_vt"),
        left_on=gap_time,
        right_on="_vt",
        by=["mmsi", "track"],
        strategy="backward" if before else "forward",
        check_sortedness=False,
    )
    hours = ((pl.col(gap_time) - pl.col("_vt")).abs().dt.total_seconds() / 3600) <= window
    return joined.with_columns(
        pl.when(hours).then(pl.col("_vport")).alias("_vport"), pl.when(hours).then(pl.col("_vt")).alias("_vt")
    )


def find_dark_voyages(
    gaps: pl.DataFrame, visits: pl.DataFrame, ports: pl.DataFrame | None, params: EventParams
) -> pl.DataFrame:
    """Dark voyages between the two sides; empty without a port list."""
    dark = gaps.filter(pl.col("hours") >= params.dark_hours).rename(
        {"start": "dark_start", "end": "dark_end", "hours": "dark_hours"}
    )
    if ports is None or not dark.height:
        return pl.DataFrame(schema=_schema(dark))
    dark = nearest_port_any(dark, ports, "start_lat", "start_lon", "s_")
    dark = nearest_port_any(dark, ports, "end_lat", "end_lon", "e_").lazy()
    near = params.dark_near_km
    back = _visit_side(dark, visits.lazy(), ports, before=True, window=params.dark_window_hours)
    dark = back.with_columns(
        origin=pl.when(pl.col("_vport").is_not_null())
        .then(pl.col("_vport"))
        .when(pl.col("s_port_km") <= near)
        .then(pl.col("s_port")),
        departed=pl.when(pl.col("_vport").is_not_null())
        .then(pl.col("_vt"))
        .when(pl.col("s_port_km") <= near)
        .then(pl.col("dark_start")),
    ).drop("_vport", "_vt")
    ahead = _visit_side(dark, visits.lazy(), ports, before=False, window=params.dark_window_hours)
    dark = ahead.with_columns(
        destination=pl.when(pl.col("_vport").is_not_null())
        .then(pl.col("_vport"))
        .when(pl.col("e_port_km") <= near)
        .then(pl.col("e_port")),
        arrived=pl.when(pl.col("_vport").is_not_null())
        .then(pl.col("_vt"))
        .when(pl.col("e_port_km") <= near)
        .then(pl.col("dark_end")),
    )
    country = ports.lazy().select("port", "country")
    dark = dark.join(country.rename({"port": "origin", "country": "origin_country"}), on="origin", how="left")
    dark = dark.join(
        country.rename({"port": "destination", "country": "destination_country"}),
        on="destination",
        how="left",
    )
    o, d = pl.col("origin_country"), pl.col("destination_country")
    sides_a, sides_b = list(params.origin_countries), list(params.destination_countries)
    forward = o.is_in(sides_a) & d.is_in(sides_b)
    reverse = o.is_in(sides_b) & d.is_in(sides_a)
    return (
        dark.filter((forward | reverse).fill_null(False))
        .with_columns(direction=pl.concat_str(o, pl.lit("→"), d))
        .sort("mmsi", "track", "dark_start")
        .select(DARK_COLUMNS)
        .collect()
    )


def _schema(gaps: pl.DataFrame) -> dict[str, pl.DataType]:
    stamp = pl.Datetime("us", "UTC")
    types: dict[str, pl.DataType] = {"mmsi": pl.Int64(), "track": pl.Int32(), "dark_hours": pl.Float64()}
    for name in ("departed", "dark_start", "dark_end", "arrived"):
        types[name] = stamp
    for name in ("distance_km", "start_lat", "start_lon", "end_lat", "end_lon"):
        types[name] = pl.Float64()
    return {c: types.get(c, pl.String()) for c in DARK_COLUMNS}
