"""Port visits: Global Fishing Watch's state machine, evaluated for all fixes at once.

Reads annotated positions (``_annotate.annotate``). A fix is in port when within the port's entry
distance, out beyond its exit distance, and keeps its previous state in between; in port it is
stopped at or below ``stop_knots`` until it reaches ``move_knots``. State changes give GFW's
events (entry, stop begin/end, exit; a gap of ``port_gap_hours`` in port gives gap begin/end); a
visit runs from an entry (or the first event) to its exit. Confidence as GFW: 4 = entry, stop or
gap, and exit; 3 = entry or exit with stop or gap; 2 = stop or gap only; 1 = entry/exit only.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._params import EventParams

__all__ = ["VISIT_COLUMNS", "find_port_visits"]

VISIT_COLUMNS = (
    "mmsi", "track", "port_id", "start", "end", "hours", "confidence", "entry", "stop", "gap", "exit",
    "first_fix", "last_fix", "positions",
)  # fmt: skip
AT_SEA, IN_PORT, STOPPED = 0, 1, 2


def _states(annotated: pl.DataFrame, params: EventParams) -> pl.LazyFrame:
    """Add ``state`` (AT_SEA/IN_PORT/STOPPED) and ``prev`` (the state of the fix before, in track)."""
    # a track's first fix, or the first after a long gap across which the vessel moved far (GFW splits
    # visits across segments that far apart): the state machine starts afresh there
    jump = (pl.col("step_s") >= params.segment_gap_hours * 3600) & (pl.col("step_km") > params.visit_split_km)
    new = pl.col("new_track") | jump.fill_null(False)
    km = pl.col("port_km")
    raw_in = (
        pl.when(km <= pl.col("entry_km"))
        .then(True)
        .when(km.is_null() | (km >= pl.col("exit_km")))
        .then(False)
    )
    in_port = pl.when(new).then(raw_in.fill_null(False)).otherwise(raw_in).forward_fill()
    speed = pl.col("speed_kn")
    raw_stop = pl.when(speed <= params.stop_knots).then(True).when(speed >= params.move_knots).then(False)
    # hysteresis only carries over from a fix that was in port; at sea the stopped state resets
    prev_in = pl.col("_in").shift(1).fill_null(False) & ~new
    stop = pl.when(prev_in).then(raw_stop).otherwise(raw_stop.fill_null(False))
    stop = pl.when(pl.col("_in")).then(stop).otherwise(False).forward_fill()
    state = pl.when(~pl.col("_in")).then(AT_SEA).when(pl.col("_stop")).then(STOPPED).otherwise(IN_PORT)
    return (
        annotated.lazy()
        .with_columns(_in=in_port)
        .with_columns(_stop=stop)
        .with_columns(state=state.cast(pl.Int8))
        .with_columns(prev=pl.when(new).then(None).otherwise(pl.col("state").shift(1)))
    )


def find_port_visits(annotated: pl.DataFrame, params: EventParams) -> pl.DataFrame:
    """One row per visit that has at least one event, in row order."""
    state, prev, stamp = pl.col("state"), pl.col("prev"), pl.col("timestamp")
    in_port = state != AT_SEA
    entry = (prev == AT_SEA) & in_port
    leave = (prev != AT_SEA) & ~in_port
    stop = ((state == STOPPED) & (prev != STOPPED)) | ((prev == STOPPED) & (state != STOPPED))
    gap = (prev != AT_SEA) & (pl.col("step_s") >= params.port_gap_hours * 3600)
    moved_port = (prev != AT_SEA) & in_port & (pl.col("port_id") != pl.col("port_id").shift(1))
    moved_port = moved_port & (pl.col("port_km") <= pl.col("entry_km"))
    begins = in_port & (prev.is_null() | entry | moved_port).fill_null(False)
    gap_begin = stamp.shift(1) + pl.duration(seconds=params.port_gap_hours * 3600)
    first_event = pl.min_horizontal(pl.when(entry | stop | leave).then(stamp), pl.when(gap).then(gap_begin))
    last_event = pl.when(entry | stop | leave | gap).then(stamp)
    visits = (
        _states(annotated, params)
        .with_columns(
            _visit=pl.when(in_port | leave).then(begins.cast(pl.UInt32).cum_sum()),
            _entry=entry.fill_null(False),
            _exit=leave.fill_null(False),
            _stopev=stop.fill_null(False),
            _gap=gap.fill_null(False),
            _first=first_event,
            _last=last_event,
            _port=pl.when(begins).then(pl.col("port_id")),
        )
        .filter(pl.col("_visit").is_not_null() & (pl.col("_visit") > 0))
        .with_columns(pl.col("_visit").set_sorted())
        .group_by("_visit")
        .agg(
            pl.col("mmsi").first(),
            pl.col("track").first(),
            pl.col("_port").drop_nulls().first().alias("port_id"),
            pl.col("_first").min().alias("start"),
            pl.col("_last").max().alias("end"),
            pl.col("_entry").any().alias("entry"),
            pl.col("_stopev").any().alias("stop"),
            pl.col("_gap").any().alias("gap"),
            pl.col("_exit").any().alias("exit"),
            pl.col("timestamp").filter(~pl.col("_exit")).first().alias("first_fix"),
            pl.col("timestamp").filter(~pl.col("_exit")).last().alias("last_fix"),
            (~pl.col("_exit")).sum().cast(pl.Int64).alias("positions"),
        )
        .filter(pl.col("start").is_not_null())
        .sort("_visit")
        .collect()
    )
    either = pl.col("stop") | pl.col("gap")
    confidence = (
        pl.when(either & pl.col("entry") & pl.col("exit"))
        .then(4)
        .when(either & (pl.col("entry") | pl.col("exit")))
        .then(3)
        .when(either)
        .then(2)
        .otherwise(1)
    )
    return visits.with_columns(
        confidence=confidence.cast(pl.Int8), hours=(pl.col("end") - pl.col("start")).dt.total_seconds() / 3600
    ).select(VISIT_COLUMNS)
