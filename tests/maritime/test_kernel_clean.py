"""Cleaning and segmentation: duplicates, spikes, teleports, shared MMSIs, canonical order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError
from chokepoint.maritime import EventParams, prepare_positions

T0 = datetime(2026, 1, 1, tzinfo=UTC)
P = EventParams()


def track(rows: list[tuple[int, float, float, float]]) -> pl.DataFrame:
    """(mmsi, minutes, lat, lon) rows → a position frame."""
    return pl.DataFrame(
        {
            "mmsi": [r[0] for r in rows],
            "timestamp": [T0 + timedelta(minutes=r[1]) for r in rows],
            "lat": [r[2] for r in rows],
            "lon": [r[3] for r in rows],
        },
        schema={
            "mmsi": pl.Int64,
            "timestamp": pl.Datetime("us", "UTC"),
            "lat": pl.Float64,
            "lon": pl.Float64,
        },
    )


def test_duplicate_time_keeps_one_fix() -> None:
    out = prepare_positions(track([(1, 0, 42.0, 50.0), (1, 0, 42.0, 50.0), (1, 10, 42.01, 50.0)]), P)
    assert out.height == 2


def test_single_impossible_fix_is_dropped_as_a_spike() -> None:
    # 40 km off for one fix between fixes a minute apart: no ship does 1,300 knots
    rows = [(1, m, 42.0 + m * 0.001, 50.0) for m in range(6)]
    rows[3] = (1, 3, 42.4, 50.0)
    out = prepare_positions(track(rows), P)
    assert out.height == 5 and out["lat"].max() < 42.1
    assert out["track"].unique().to_list() == [0]


def test_two_vessels_sharing_an_mmsi_become_two_tracks() -> None:
    # fixes alternate between two ships 100 km apart, each moving slowly
    rows = [(7, m, 42.0 + m * 1e-4, 50.0) if m % 2 == 0 else (7, m, 43.0, 50.0 + m * 1e-4) for m in range(20)]
    out = prepare_positions(track(rows), P)
    tracks = out.group_by("track").agg(
        pl.col("lat").min().alias("lo"), pl.col("lat").max().alias("hi"), pl.len()
    )
    assert tracks.height == 2
    assert sorted(tracks["len"].to_list()) == [10, 10]
    assert (tracks["hi"] - tracks["lo"]).max() < 0.01  # each track stays with one ship


def test_long_gap_starts_a_new_segment() -> None:
    out = prepare_positions(track([(1, 0, 42.0, 50.0), (1, 10, 42.01, 50.0), (1, 13 * 60, 42.02, 50.0)]), P)
    assert out["segment"].to_list() == [0, 0, 1]


def test_unsorted_input_gives_the_same_result_as_sorted() -> None:
    rows = [(m % 3, m, 42.0 + m * 0.001, 50.0) for m in range(30)]
    a = prepare_positions(track(rows), P)
    b = prepare_positions(track(rows[::-1]), P)
    assert a.equals(b)


def test_missing_column_names_the_field() -> None:
    with pytest.raises(CSVColumnError) as info:
        prepare_positions(track([(1, 0, 42.0, 50.0)]).drop("lon"), P)
    assert info.value.field == "lon"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 3), st.integers(0, 500), st.floats(41, 43), st.floats(49, 51)), max_size=40
    )
)
def test_prepared_rows_are_unique_ordered_and_feasible(rows: list[tuple[int, int, float, float]]) -> None:
    out = prepare_positions(track(rows), P)
    assert out.height <= len(rows)
    assert out.select(pl.struct("mmsi", "timestamp").is_unique().all()).item()
    ordered = (
        out.with_columns(key=pl.struct("mmsi", "track")).group_by("key", maintain_order=True).agg("timestamp")
    )
    assert all(ts == sorted(ts) for ts in ordered["timestamp"].to_list())
    # within a track no step is faster than the limit (allowing the noise margin)
    limit = P.max_knots * 1.852 / 3600 * out["step_s"] + P.noise_km
    assert (out["step_km"] <= limit).fill_null(True).all()
