"""AIS gaps (Global Fishing Watch's definition): consecutive fixes of one track hours apart.

Reads prepared positions (``_tracks.prepare``: each vessel's rows together, by track and time).
A gap is the step into a fix whose ``step_s`` is at least ``short_gap_hours``; ``long`` marks those
of at least ``gap_hours``. Each gap carries its length, the straight distance and implied speed
across it, and how many fixes the track had in the ``before_hours`` up to its start (inclusive).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from chokepoint.maritime._geo import KM_PER_NM, haversine_km
from chokepoint.maritime._params import EventParams

__all__ = ["GAP_COLUMNS", "find_gaps"]

GAP_COLUMNS = (
    "mmsi", "track", "start", "end", "hours", "long", "distance_km", "implied_knots", "positions_before",
    "start_lat", "start_lon", "end_lat", "end_lon",
)  # fmt: skip


def _counts_before(prepared: pl.DataFrame, rows: np.ndarray, since: np.ndarray) -> np.ndarray:
    """Fixes of the same track from time ``since[k]`` up to row ``rows[k]`` inclusive.

    A binary search per gap between its track's first row and its own row, all gaps at once."""
    starts = prepared["step_s"].is_null().arg_true().to_numpy()  # a track's first fix has no step
    usec = prepared["timestamp"].cast(pl.Int64).to_numpy()
    lo = starts[np.searchsorted(starts, rows, side="right") - 1].astype(np.int64)
    hi = rows.astype(np.int64)
    while True:  # first row in [lo, hi] at or after ``since`` (hi itself always is)
        open_ = lo < hi
        if not open_.any():
            return rows - lo + 1
        mid = (lo + hi) // 2
        late = usec[mid] >= since
        hi = np.where(open_ & late, mid, hi)
        lo = np.where(open_ & ~late, mid + 1, lo)


def find_gaps(prepared: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Every gap of at least ``short_gap_hours`` in ``prepared``, in row order."""
    rows = (prepared["step_s"] >= params.short_gap_hours * 3600).arg_true().to_numpy()
    end = prepared[rows].select("mmsi", "track", "timestamp", "lat", "lon", "step_s")
    start = prepared[rows - 1].select(
        pl.col("timestamp").alias("start"), pl.col("lat").alias("start_lat"), pl.col("lon").alias("start_lon")
    )
    lat, lon = pl.col("lat"), pl.col("lon")
    gaps = pl.concat([end, start], how="horizontal").select(
        "mmsi",
        "track",
        "start",
        pl.col("timestamp").alias("end"),
        (pl.col("step_s") / 3600).alias("hours"),
        (pl.col("step_s") >= params.gap_hours * 3600).alias("long"),
        haversine_km(pl.col("start_lat"), pl.col("start_lon"), lat, lon).alias("distance_km"),
        "start_lat",
        "start_lon",
        lat.alias("end_lat"),
        lon.alias("end_lon"),
    )
    gaps = gaps.with_columns(implied_knots=pl.col("distance_km") / KM_PER_NM / pl.col("hours"))
    if gaps.height:
        since = gaps["start"].cast(pl.Int64).to_numpy() - int(params.before_hours * 3600 * 1e6)
        counts = _counts_before(prepared, rows - 1, since)
    else:
        counts = np.zeros(0, dtype=np.int64)
    return gaps.with_columns(positions_before=pl.Series(counts, dtype=pl.Int64)).select(GAP_COLUMNS)
