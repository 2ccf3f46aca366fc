"""Segmentation, the second step of the kernel: tracks (one transmitter each) and segments.

A teleport (a step no vessel could make) cuts an MMSI's fixes into pieces. A piece joins the most
recent of the ``link_back`` earlier pieces that it could have continued at ``max_knots``: two
vessels sharing one MMSI interleave as two tracks. Tracks are cut into segments at gaps of at
least ``segment_gap_hours``. Output rows: every vessel's rows together, by (track, timestamp).
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl

from chokepoint.maritime._clean import clean, located, sort_positions
from chokepoint.maritime._geo import KM_PER_NM, step_km
from chokepoint.maritime._params import EventParams

__all__ = ["PREPARED_COLUMNS", "prepare", "segments"]

_PARALLEL_ROWS = 1_000_000  # below this, threads cost more than they save
PREPARED_COLUMNS = ("mmsi", "track", "segment", "timestamp", "lat", "lon", "sog", "step_km", "step_s")


def _local(flag: pl.Series, start: pl.Series) -> pl.Series:
    """Running count of ``flag`` restarting at each ``start`` row (0 there); ``start[0]`` is true."""
    total = np.cumsum(flag.to_numpy(), dtype=np.int32)
    first = np.flatnonzero(start.to_numpy())
    return pl.Series(total - np.repeat(total[first], np.diff(np.append(first, len(total)))), dtype=pl.Int32)


def _link(pieces: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """``(mmsi, piece) → track``: the root piece of the chain each piece continues."""
    vmax = params.max_knots * KM_PER_NM / 3600.0
    parent = pl.col("piece")
    for back in range(params.link_back, 1, -1):  # the most recent feasible piece wins
        same = pl.col("mmsi").shift(back) == pl.col("mmsi")
        gap_s = (pl.col("t0") - pl.col("t1").shift(back)).dt.total_microseconds() / 1e6
        dist = step_km(pl.col("lat1").shift(back), pl.col("lon1").shift(back), pl.col("lat0"), pl.col("lon0"))
        ok = (same & (dist <= vmax * gap_s + params.noise_km)).fill_null(False)
        parent = pl.when(ok).then(pl.col("piece") - back).otherwise(parent)
    links = pieces.sort("mmsi", "piece").select("mmsi", "piece", parent.alias("track"))
    # a piece continues at most one later piece (the first that fits): tracks never branch
    child = pl.col("track") != pl.col("piece")
    first = links.filter(child).group_by("mmsi", "track").agg(pl.col("piece").min().alias("_first"))
    links = (
        links.join(first, on=["mmsi", "track"], how="left", maintain_order="left")
        .with_columns(
            track=pl.when(child & (pl.col("piece") != pl.col("_first"))).then("piece").otherwise("track")
        )
        .drop("_first")
    )
    while True:  # pointer jumping: log2(chain length) joins
        up = links.join(
            links.rename({"piece": "track", "track": "up"}), on=["mmsi", "track"], how="left"
        ).with_columns(pl.col("up").fill_null(pl.col("track")))
        if (up["up"] == up["track"]).all():
            return links
        links = up.select("mmsi", "piece", pl.col("up").alias("track"))


def _retrack(df: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Rows of MMSIs with teleports: assign tracks, reorder by track, recompute steps."""
    df = df.with_columns(piece=_local(df["new_vessel"] | df["teleport"], df["new_vessel"]))
    pieces = df.group_by("mmsi", "piece").agg(
        pl.col("timestamp").first().alias("t0"),
        pl.col("lat").first().alias("lat0"),
        pl.col("lon").first().alias("lon0"),
        pl.col("timestamp").last().alias("t1"),
        pl.col("lat").last().alias("lat1"),
        pl.col("lon").last().alias("lon1"),
    )
    lat, lon = pl.col("lat"), pl.col("lon")
    new = (
        (pl.col("mmsi") != pl.col("mmsi").shift(1)) | (pl.col("track") != pl.col("track").shift(1))
    ).fill_null(True)
    return (
        df.join(_link(pieces, params), on=["mmsi", "piece"])
        .sort("mmsi", "track", "timestamp")
        .with_columns(
            step_km=pl.when(new).then(None).otherwise(step_km(lat.shift(1), lon.shift(1), lat, lon)),
            step_s=pl.when(new)
            .then(None)
            .otherwise(
                (pl.col("timestamp").cast(pl.Int64) - pl.col("timestamp").shift(1).cast(pl.Int64)) / 1e6
            ),
        )
        .drop("piece")
    )


def _split_tracks(df: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """Re-track only the MMSIs that have a teleport; the others keep their rows and track 0.

    The re-tracked rows go back into their vessels' blocks (same rows, new order), so the big
    frame is never split or concatenated."""
    starts = df["new_vessel"].arg_true().to_numpy()
    where = np.searchsorted(starts, df["teleport"].arg_true().to_numpy(), side="right") - 1
    blocks = np.unique(where)
    first, length = starts[blocks], np.append(starts, df.height)[blocks + 1] - starts[blocks]
    rows = np.repeat(first - np.concatenate([[0], np.cumsum(length)[:-1]]), length) + np.arange(length.sum())
    moved = _retrack(df[rows], params)
    keep = ("mmsi", "timestamp", "lat", "lon", "sog", "step_km", "step_s")
    out = df.select(keep).with_columns(track=pl.lit(0, pl.Int32))
    return out.with_columns(out[c].scatter(rows, moved[c]) for c in (*keep[1:], "track"))


def _prepare_sorted(df: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    df = clean(df, params)
    df = _split_tracks(df, params) if df["teleport"].any() else df.with_columns(track=pl.lit(0, pl.Int32))
    # step_s is null exactly on a track's first fix
    cut = pl.col("step_s").is_null() | (pl.col("step_s") >= params.segment_gap_hours * 3600)
    vessel = (pl.col("mmsi") != pl.col("mmsi").shift(1)).fill_null(True)
    flags = df.select(vessel.alias("v"), cut.alias("c"))
    return df.select("mmsi", "track", *PREPARED_COLUMNS[3:]).insert_column(
        2, _local(flags["c"], flags["v"]).alias("segment")
    )


def _parts(df: pl.DataFrame, count: int) -> list[pl.DataFrame]:
    """``count`` zero-copy slices of about equal size, cut only between vessels."""
    if count < 2 or df.height < _PARALLEL_ROWS:
        return [df]
    mmsi = df["mmsi"]
    cuts = [0]
    for k in range(1, count):
        at = int(mmsi.search_sorted(mmsi[k * df.height // count], side="left"))
        if at > cuts[-1]:
            cuts.append(at)
    cuts.append(df.height)
    return [df.slice(a, b - a) for a, b in itertools.pairwise(cuts) if b > a]


def prepare(frame: pl.DataFrame | pl.LazyFrame, params: EventParams) -> pl.DataFrame:
    """Clean and segment positions: the table every event finder reads (``PREPARED_COLUMNS``).

    Large inputs are cut between vessels into one part per core, each run in its own thread
    (Polars and numpy release the GIL); the parts are returned as chunks of one frame."""
    df = sort_positions(located(frame))
    parts = _parts(df, min(os.cpu_count() or 1, 8))
    if len(parts) == 1:
        return _prepare_sorted(df, params)
    with ThreadPoolExecutor(len(parts)) as pool:
        done = list(pool.map(lambda part: _prepare_sorted(part, params), parts))
    return pl.concat(done, rechunk=False)


def segments(prepared: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """One row per segment: when, where it starts and ends, how many fixes, how far it went."""
    new = (pl.col("mmsi") != pl.col("mmsi").shift(1)) | (pl.col("segment") != pl.col("segment").shift(1))
    return (
        prepared.lazy()
        .with_columns(_g=new.fill_null(True).cast(pl.UInt32).cum_sum().set_sorted())
        .group_by("_g")
        .agg(
            pl.col("mmsi").first(),
            pl.col("track").first(),
            pl.col("segment").first(),
            pl.col("timestamp").first().alias("start"),
            pl.col("timestamp").last().alias("end"),
            pl.len().alias("positions"),
            pl.col("lat").first().alias("start_lat"),
            pl.col("lon").first().alias("start_lon"),
            pl.col("lat").last().alias("end_lat"),
            pl.col("lon").last().alias("end_lon"),
            pl.col("step_km").slice(1).sum().alias("distance_km"),
        )
        .drop("_g")
        .with_columns(hours=(pl.col("end") - pl.col("start")).dt.total_seconds() / 3600)
        .sort("mmsi", "track", "segment")
    )
