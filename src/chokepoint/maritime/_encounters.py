"""Encounters (GFW): two vessels within ``encounter_km`` for ``encounter_hours``, both slow, off port.

Three steps, each a pure function an engine can run on any partition of its input: (1) per track,
positions interpolated onto a ``bin_minutes`` grid (only across steps shorter than
``interpolate_hours``, and only away from ports); (2) per time bin, pairs of vessels in the same or
a neighbouring cell (0.005° lat × 0.01° lon, wider than 500 m below 63° latitude) within
``encounter_km``; (3) per pair, runs of consecutive bins lasting ``encounter_hours`` with both
median speeds below ``encounter_knots``.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._geo import haversine_km
from chokepoint.maritime._params import EventParams

__all__ = ["ENCOUNTER_COLUMNS", "close_pairs", "encounter_runs", "find_encounters", "grid_positions"]

ENCOUNTER_COLUMNS = (
    "mmsi_a", "track_a", "mmsi_b", "track_b", "start", "end", "hours", "bins", "min_km",
    "median_knots_a", "median_knots_b", "lat", "lon",
)  # fmt: skip
PAIR_KEY = ("mmsi_a", "track_a", "mmsi_b", "track_b")
_LAT_CELL, _LON_CELL = 0.005, 0.01


def grid_positions(annotated: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """``mmsi, track, bin, lat, lon, speed_kn`` at every grid time a track passes away from port."""
    size = params.bin_minutes * 60_000_000
    usec = pl.col("timestamp").cast(pl.Int64)
    away = pl.col("port_km").is_null() | (pl.col("port_km") >= params.away_from_port_km)
    frac = (pl.col("bin") * size - pl.col("_ta")) / (pl.col("_tb") - pl.col("_ta"))
    return (
        annotated.lazy()
        .with_columns(
            _ta=usec.shift(1),
            _tb=usec,
            _la=pl.col("lat").shift(1),
            _oa=pl.col("lon").shift(1),
            _va=pl.col("speed_kn").shift(1),
            _away=away & away.shift(1).fill_null(False),
        )
        .filter(
            ~pl.col("new_track") & pl.col("_away") & (pl.col("step_s") <= params.interpolate_hours * 3600)
        )
        .with_columns(bin=pl.int_ranges(pl.col("_ta") // size + 1, pl.col("_tb") // size + 1, dtype=pl.Int64))
        .explode("bin")
        .filter(pl.col("bin").is_not_null())
        .select(
            "mmsi",
            "track",
            "bin",
            (pl.col("_la") + frac * (pl.col("lat") - pl.col("_la"))).alias("lat"),
            (pl.col("_oa") + frac * (pl.col("lon") - pl.col("_oa"))).alias("lon"),
            (pl.col("_va") + frac * (pl.col("speed_kn") - pl.col("_va"))).alias("speed_kn"),
        )
        .collect()
    )


def close_pairs(grid: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Pairs of different vessels in the same bin within ``encounter_km`` (``mmsi_a < mmsi_b``)."""
    cells = grid.lazy().with_columns(
        cy=(pl.col("lat") / _LAT_CELL).floor().cast(pl.Int64),
        cx=(pl.col("lon") / _LON_CELL).floor().cast(pl.Int64),
    )
    shifts = pl.LazyFrame({"dy": [-1, -1, -1, 0, 0, 0, 1, 1, 1], "dx": [-1, 0, 1] * 3})
    left = cells.select(
        "bin", "cy", "cx", *(pl.col(c).alias(f"{c}_a") for c in ("mmsi", "track", "lat", "lon", "speed_kn"))
    )
    right = cells.join(shifts, how="cross").select(
        "bin",
        (pl.col("cy") + pl.col("dy")).alias("cy"),
        (pl.col("cx") + pl.col("dx")).alias("cx"),
        *(pl.col(c).alias(f"{c}_b") for c in ("mmsi", "track", "lat", "lon", "speed_kn")),
    )
    return (
        left.join(right, on=["bin", "cy", "cx"])
        .filter(pl.col("mmsi_a") < pl.col("mmsi_b"))
        .with_columns(km=haversine_km(pl.col("lat_a"), pl.col("lon_a"), pl.col("lat_b"), pl.col("lon_b")))
        .filter(pl.col("km") <= params.encounter_km)
        .select(*PAIR_KEY, "bin", "km", "lat_a", "lon_a", "lat_b", "lon_b", "speed_kn_a", "speed_kn_b")
        .collect()
    )


def encounter_runs(pairs: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Runs of consecutive bins per pair that last long enough with both vessels slow."""
    size_s = params.bin_minutes * 60
    key_change = pl.any_horizontal(pl.col(c) != pl.col(c).shift(1) for c in PAIR_KEY)
    starts = (key_change | (pl.col("bin") != pl.col("bin").shift(1) + 1)).fill_null(True)
    return (
        pairs.lazy()
        .sort(*PAIR_KEY, "bin")
        .with_columns(_run=starts.cast(pl.UInt32).cum_sum().set_sorted())
        .group_by("_run")
        .agg(
            *(pl.col(c).first() for c in PAIR_KEY),
            pl.col("bin").first().alias("_b0"),
            pl.col("bin").last().alias("_b1"),
            pl.len().cast(pl.Int64).alias("bins"),
            pl.col("km").min().alias("min_km"),
            pl.col("speed_kn_a").median().alias("median_knots_a"),
            pl.col("speed_kn_b").median().alias("median_knots_b"),
            ((pl.col("lat_a") + pl.col("lat_b")) / 2).median().alias("lat"),
            ((pl.col("lon_a") + pl.col("lon_b")) / 2).median().alias("lon"),
        )
        .with_columns(hours=(pl.col("_b1") - pl.col("_b0")) * size_s / 3600)
        .filter(
            (pl.col("hours") >= params.encounter_hours)
            & (pl.col("median_knots_a") < params.encounter_knots)
            & (pl.col("median_knots_b") < params.encounter_knots)
        )
        .with_columns(
            start=pl.from_epoch(pl.col("_b0") * size_s, time_unit="s")
            .dt.cast_time_unit("us")
            .dt.replace_time_zone("UTC"),
            end=pl.from_epoch(pl.col("_b1") * size_s, time_unit="s")
            .dt.cast_time_unit("us")
            .dt.replace_time_zone("UTC"),
        )
        .sort("_run")
        .select(ENCOUNTER_COLUMNS)
        .collect()
    )


def find_encounters(annotated: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """All three steps on one machine."""
    return encounter_runs(close_pairs(grid_positions(annotated, params), params), params)
