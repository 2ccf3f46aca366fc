"""Encounters and loitering on hand-made tracks: distance, duration, speed and port rules."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import polars as pl

from chokepoint.maritime import detect_events, load_ports

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SEA = (42.0, 50.0)  # mid-Caspian, far from every port


def drift(
    mmsi: int, hours: float, knots: float, *, north_m: float = 0.0, at: tuple[float, float] = SEA
) -> pl.DataFrame:
    """Fixes every 2 minutes drifting east at ``knots``, ``north_m`` metres north of ``at``."""
    n = int(hours * 30) + 1
    east_km = [knots * 1.852 * i / 30 for i in range(n)]
    return pl.DataFrame(
        {
            "mmsi": [mmsi] * n,
            "timestamp": [T0 + timedelta(minutes=2 * i) for i in range(n)],
            "lat": [at[0] + north_m / 111_195] * n,
            "lon": [at[1] + e / (111.195 * math.cos(math.radians(at[0]))) for e in east_km],
            "sog": [knots] * n,
        }
    )


def test_two_slow_vessels_300_m_apart_for_3_hours_meet() -> None:
    events = detect_events(pl.concat([drift(1, 3, 0.8), drift(2, 3, 0.8, north_m=300)]), ports=load_ports())
    assert events.encounters.select("mmsi_a", "mmsi_b").rows() == [(1, 2)]
    row = events.encounters.row(0, named=True)
    assert 2.5 <= row["hours"] <= 3.0 and 0.29 <= row["min_km"] <= 0.31


def test_too_far_too_fast_or_too_short_is_no_encounter() -> None:
    far = pl.concat([drift(1, 3, 0.8), drift(2, 3, 0.8, north_m=700)])
    fast = pl.concat([drift(1, 3, 6.0), drift(2, 3, 6.0, north_m=300)])
    short = pl.concat([drift(1, 1.5, 0.8), drift(2, 1.5, 0.8, north_m=300)])
    for frame in (far, fast, short):
        assert detect_events(frame, ports=load_ports()).encounters.height == 0


def test_loitering_needs_four_slow_hours_away_from_port() -> None:
    assert detect_events(drift(1, 5, 1.0), ports=load_ports()).loitering.height == 1
    assert detect_events(drift(1, 3, 1.0), ports=load_ports()).loitering.height == 0
    assert detect_events(drift(1, 5, 3.0), ports=load_ports()).loitering.height == 0
    off_baku = (40.40, 49.93)  # ~4 km from the Baku port point: waiting to berth is not loitering
    assert detect_events(drift(1, 5, 0.3, at=off_baku), ports=load_ports()).loitering.height == 0
