"""GFW's port-visit state machine on hand-made tracks with exactly known visits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import polars as pl

from chokepoint.maritime import EventParams, detect_events
from chokepoint.maritime._ports import PORT_SCHEMA

T0 = datetime(2026, 1, 1, tzinfo=UTC)
PORT = pl.DataFrame([(0, "Testport", "RU", None, 42.0, 50.0, 3.0)], schema=PORT_SCHEMA, orient="row")


def visits(legs: list[tuple[float, float]], *, gap_after: int | None = None) -> pl.DataFrame:
    """A vessel north of the port: (km from the port, knots) every 10 minutes."""
    times = [T0 + timedelta(minutes=10 * i) for i in range(len(legs))]
    if gap_after is not None:
        times = times[: gap_after + 1] + [t + timedelta(hours=5) for t in times[gap_after + 1 :]]
    frame = pl.DataFrame(
        {
            "mmsi": [1] * len(legs),
            "timestamp": times,
            "lat": [42.0 + float(km) / 111.195 for km, _ in legs],
            "lon": [50.0] * len(legs),
            "sog": [float(kn) for _, kn in legs],
        }
    )
    return detect_events(frame, ports=PORT, params=EventParams()).port_visits


def test_entry_stop_exit_is_a_confidence_4_visit() -> None:
    legs = [(10, 10), (5, 10), (3.5, 8), (2.5, 5), (1, 0.1), (1, 0.3), (1, 0.6), (3.5, 6), (4.5, 8), (10, 10)]
    got = visits(legs)
    assert got.height == 1
    row = got.row(0, named=True)
    assert (row["entry"], row["stop"], row["gap"], row["exit"], row["confidence"]) == (
        True,
        True,
        False,
        True,
        4,
    )
    assert row["start"] == T0 + timedelta(minutes=30)  # the entry fix: 3.5 km is inside the hysteresis band
    assert row["end"] == T0 + timedelta(minutes=80)  # 3.5 km keeps it in port; it exits beyond 4 km
    assert row["port"] == "Testport" and row["positions"] == 5


def test_starting_stopped_in_port_then_leaving_is_confidence_3() -> None:
    got = visits([(1, 0.0), (1, 0.1), (1, 2.0), (5, 8), (10, 10)])
    assert got.height == 1
    row = got.row(0, named=True)
    assert (row["entry"], row["stop"], row["exit"], row["confidence"]) == (False, True, True, 3)
    assert row["start"] == T0 + timedelta(minutes=20)  # the first event: moving again


def test_passing_through_without_stopping_is_confidence_1() -> None:
    got = visits([(10, 10), (2, 10), (1, 10), (2, 10), (10, 10)])
    assert got.select("entry", "stop", "gap", "exit", "confidence").rows() == [(True, False, False, True, 1)]


def test_a_gap_in_port_counts_like_a_stop() -> None:
    got = visits([(10, 10), (2, 3), (1, 3), (1, 3), (5, 8)], gap_after=2)
    assert got.select("entry", "stop", "gap", "exit", "confidence").rows() == [(True, False, True, True, 4)]


def test_no_event_no_visit_and_a_lone_stop_is_confidence_2() -> None:
    assert visits([(1, 3), (1, 3), (2, 3)]).height == 0  # in port from the first fix, never stops or leaves
    got = visits([(1, 3), (1, 0.1), (1, 0.1)])
    assert got.select("entry", "stop", "exit", "confidence").rows() == [(False, True, False, 2)]


def test_leaving_and_coming_back_is_two_visits() -> None:
    legs = [(10, 10), (2, 5), (1, 0.1), (2, 5), (6, 9), (10, 9), (6, 9), (2, 5), (1, 0.1), (5, 9)]
    got = visits(legs)
    assert got["confidence"].to_list() == [4, 4]
