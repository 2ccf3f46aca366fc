"""Cleaning, the first step of the per-vessel kernel: located rows, canonical order, no noise.

Reads any frame with ``mmsi, timestamp, lat, lon`` (``sog`` optional) in POSITION_SCHEMA types.
Contract: rows without a position are dropped; rows end sorted by (mmsi, timestamp, lat, lon, sog)
(the sort is skipped when the input already is); duplicates (same mmsi and timestamp) keep the
first row; an isolated fix that no vessel could reach at ``max_knots`` and leave again (a spike)
is dropped. Every expression works over all vessels at once: shifts are masked at vessel borders.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from chokepoint.errors import CSVColumnError
from chokepoint.maritime._geo import KM_PER_NM, step_km
from chokepoint.maritime._params import EventParams

__all__ = ["REQUIRED_COLUMNS", "clean", "located", "sort_positions"]

REQUIRED_COLUMNS = ("mmsi", "timestamp", "lat", "lon")
_ORDER = ("mmsi", "timestamp", "lat", "lon", "sog")


def located(frame: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """The kernel's columns in kernel types (rows without a position are dropped by ``sort_positions``)."""
    lf = frame.lazy()
    schema = lf.collect_schema()
    missing = [c for c in REQUIRED_COLUMNS if c not in schema]
    if missing:
        raise CSVColumnError(f"positions lack column(s) {', '.join(missing)}", field=missing[0])
    dtype = schema["timestamp"]
    if not isinstance(dtype, pl.Datetime):
        raise CSVColumnError(f"timestamp must be a date-time column, not {dtype}", field="timestamp")
    stamp = pl.col("timestamp").dt.cast_time_unit("us")
    stamp = (
        stamp.dt.replace_time_zone("UTC") if dtype.time_zone is None else stamp.dt.convert_time_zone("UTC")
    )
    sog = pl.col("sog").cast(pl.Float64) if "sog" in schema else pl.lit(None, pl.Float64)
    lat, lon = pl.col("lat").cast(pl.Float64), pl.col("lon").cast(pl.Float64)
    return lf.select(
        pl.col("mmsi").cast(pl.Int64),
        stamp.alias("timestamp"),
        lat.alias("lat"),
        lon.alias("lon"),
        sog.alias("sog"),
    )


_VALID = (
    pl.col("mmsi").is_not_null()
    & pl.col("timestamp").is_not_null()
    & pl.col("lat").is_between(-90, 90)
    & pl.col("lon").is_between(-180, 180)
)


def _in_order(names: tuple[str, ...]) -> pl.Expr:
    """True where a row sorts at or after the row before it on ``names``."""
    ok = pl.lit(True)
    for name in reversed(names):
        col = pl.col(name).fill_null(-1.0) if name == "sog" else pl.col(name)
        prev = col.shift(1)
        ok = (col > prev) | ((col == prev) & ok)
    return ok.fill_null(True)


def sort_positions(lf: pl.LazyFrame) -> pl.DataFrame:
    """Collect in canonical order; a pass that checks the order replaces the sort when it can."""
    df = lf.collect()
    if df.n_chunks() > 1:
        df = df.rechunk()
    if not df.select(_VALID.all()).item():  # rows without a position: a copy only when there are some
        df = df.filter(_VALID)
    if not df.height:
        return df
    ties = (pl.col("mmsi") == pl.col("mmsi").shift(1)) & (pl.col("timestamp") == pl.col("timestamp").shift(1))
    ordered, tied = df.select(_in_order(_ORDER[:2]).all().alias("o"), ties.any().alias("t")).row(0)
    if ordered and tied:  # duplicates: their order decides which one is kept
        ordered = df.select(_in_order(_ORDER).all()).item()
    return df if ordered else df.sort(list(_ORDER), nulls_last=False)


def _feasible(km: pl.Expr, seconds: pl.Expr, params: EventParams) -> pl.Expr:
    return km <= (params.max_knots * KM_PER_NM / 3600.0) * seconds + params.noise_km


def _steps(frame: pl.DataFrame, before: np.ndarray, after: np.ndarray) -> pl.DataFrame:
    """``step_km``/``step_s`` from row ``before[k]`` to row ``after[k]`` (small index arrays)."""
    a, b = frame[before], frame[after]
    pairs = pl.DataFrame(
        {"la": a["lat"], "oa": a["lon"], "ta": a["timestamp"], "lb": b["lat"], "ob": b["lon"]}
    )
    return pairs.with_columns(tb=b["timestamp"]).select(
        step_km=step_km(pl.col("la"), pl.col("oa"), pl.col("lb"), pl.col("ob")),
        step_s=(pl.col("tb").cast(pl.Int64) - pl.col("ta").cast(pl.Int64)) / 1e6,
    )


def clean(df: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Drop duplicates and spikes; add ``new_vessel``, ``step_km``/``step_s`` (from the previous
    kept fix) and ``teleport`` (that step is impossible). ``df`` must be in canonical order."""
    lat, lon = pl.col("lat"), pl.col("lon")
    usec = pl.col("timestamp").cast(pl.Int64)
    same = pl.col("mmsi") == pl.col("mmsi").shift(1)
    new = (~same).fill_null(True)
    duplicate = (same & (usec == usec.shift(1))).fill_null(False)
    lf = df.lazy()
    if df.select(duplicate.any()).item():  # filtering copies every column: only when needed
        lf = lf.filter(~duplicate)
    frame = (
        lf.with_columns(
            new_vessel=new,
            step_km=pl.when(new).then(None).otherwise(step_km(lat.shift(1), lon.shift(1), lat, lon)),
            step_s=pl.when(new).then(None).otherwise((usec - usec.shift(1)) / 1e6),
        )
        .with_columns(
            teleport=~(pl.col("new_vessel") | _feasible(pl.col("step_km"), pl.col("step_s"), params))
        )
        .collect()
    )
    if frame.n_chunks() > 1:
        frame = frame.rechunk()
    bad = frame["teleport"].arg_true().to_numpy()
    if not len(bad):
        return frame
    # A spike i: steps into i and out of i impossible, the steps around them possible, i-1 → i+1 possible.
    bad_set = np.zeros(frame.height + 2, dtype=bool)
    bad_set[bad] = True
    cand = bad[bad_set[bad + 1] & ~bad_set[bad - 1] & ~bad_set[bad + 2]]
    cand = cand[cand + 1 < frame.height]
    skip = _steps(frame, cand - 1, cand + 1)
    ok = skip.select(_feasible(pl.col("step_km"), pl.col("step_s"), params)).to_series().to_numpy()
    spikes, skip = cand[ok], skip.filter(pl.Series(ok))
    if not len(spikes):
        return frame
    fixed = frame.with_columns(
        frame["step_km"].clone().scatter(spikes + 1, skip["step_km"]),
        frame["step_s"].clone().scatter(spikes + 1, skip["step_s"]),
        frame["teleport"].clone().scatter(spikes + 1, False),
    )
    keep = np.ones(frame.height, dtype=bool)
    keep[spikes] = False
    return fixed.filter(pl.Series(keep))
