"""Loitering: a vessel below ``loiter_knots`` for at least ``loiter_hours`` away from every port.

Reads annotated positions (``_annotate.annotate``). A run is consecutive slow fixes of one track,
each at least ``away_from_port_km`` from every port point, with no step longer than
``loiter_max_step_hours`` inside it; runs lasting ``loiter_hours`` or more are loitering events.
Positions and speeds are summarised by medians (order-free, so every engine agrees).
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._params import EventParams

__all__ = ["LOITER_COLUMNS", "find_loitering"]

LOITER_COLUMNS = (
    "mmsi",
    "track",
    "start",
    "end",
    "hours",
    "positions",
    "median_knots",
    "distance_km",
    "lat",
    "lon",
)


def find_loitering(annotated: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """One row per loitering run, in row order."""
    away = pl.col("port_km").is_null() | (pl.col("port_km") >= params.away_from_port_km)
    slow = (pl.col("speed_kn") < params.loiter_knots).fill_null(False) & away
    long_step = (pl.col("step_s") > params.loiter_max_step_hours * 3600).fill_null(True)
    starts = slow & (pl.col("new_track") | long_step | ~pl.col("_slow").shift(1).fill_null(False))
    return (
        annotated.lazy()
        .with_columns(_slow=slow)
        .with_columns(_run=pl.when(pl.col("_slow")).then(starts.cast(pl.UInt32).cum_sum()))
        .filter(pl.col("_run").is_not_null())
        .with_columns(pl.col("_run").set_sorted())
        .group_by("_run")
        .agg(
            pl.col("mmsi").first(),
            pl.col("track").first(),
            pl.col("timestamp").first().alias("start"),
            pl.col("timestamp").last().alias("end"),
            pl.len().cast(pl.Int64).alias("positions"),
            pl.col("speed_kn").median().alias("median_knots"),
            pl.col("step_km").slice(1).sum().alias("distance_km"),
            pl.col("lat").median().alias("lat"),
            pl.col("lon").median().alias("lon"),
        )
        .with_columns(hours=(pl.col("end") - pl.col("start")).dt.total_seconds() / 3600)
        .filter(pl.col("hours") >= params.loiter_hours)
        .sort("_run")
        .select(LOITER_COLUMNS)
        .collect()
    )
