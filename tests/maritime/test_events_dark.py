"""Dark voyages on hand-made tracks: Iran ↔ Russia counts, other pairs of countries do not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from chokepoint.maritime import detect_events, load_ports

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def run(origin: str, destination: str, dark_hours: float = 30.0) -> pl.DataFrame:
    """Berth 6 h at ``origin``, sail 20 km out, go dark, reappear 20 km off ``destination``, berth."""
    ports = load_ports()
    a = ports.filter(pl.col("port") == origin).row(0, named=True)
    b = ports.filter(pl.col("port") == destination).row(0, named=True)
    times, lats, lons, sogs = [], [], [], []
    for k in range(37):  # 6 h stopped, every 10 minutes
        times.append(T0 + timedelta(minutes=10 * k))
        lats.append(a["port_lat"])
        lons.append(a["port_lon"])
        sogs.append(0.0)
    for frac, minutes in ((0.01, 400), (0.03, 460)):  # sailing out of port
        times.append(T0 + timedelta(minutes=minutes))
        lats.append(a["port_lat"] + frac * (b["port_lat"] - a["port_lat"]))
        lons.append(a["port_lon"] + frac * (b["port_lon"] - a["port_lon"]))
        sogs.append(10.0)
    back = T0 + timedelta(minutes=460, hours=dark_hours)
    for k, frac in enumerate(np.linspace(0.97, 1.0, 5)):  # reappears, sails in
        times.append(back + timedelta(minutes=30 * k))
        lats.append(a["port_lat"] + frac * (b["port_lat"] - a["port_lat"]))
        lons.append(a["port_lon"] + frac * (b["port_lon"] - a["port_lon"]))
        sogs.append(10.0 if frac < 1 else 0.0)
    for k in range(1, 13):  # berthed at the destination
        times.append(back + timedelta(hours=2, minutes=10 * k))
        lats.append(b["port_lat"])
        lons.append(b["port_lon"])
        sogs.append(0.0)
    frame = pl.DataFrame({"mmsi": 422000001, "timestamp": times, "lat": lats, "lon": lons, "sog": sogs})
    return detect_events(frame, ports=ports).dark_voyages


def test_amirabad_to_makhachkala_dark_is_found() -> None:
    got = run("Amirabad", "Makhachkala")
    assert got.select("direction", "origin", "destination").rows() == [("IR→RU", "Amirabad", "Makhachkala")]
    assert 29.0 < got["dark_hours"][0] < 31.0


def test_the_reverse_direction_counts_too() -> None:
    assert run("Olya", "Amirabad")["direction"].to_list() == ["RU→IR"]


def test_dark_between_other_countries_or_too_short_is_not_a_dark_voyage() -> None:
    assert run("Aktau", "Baku").height == 0
    assert run("Amirabad", "Makhachkala", dark_hours=6).height == 0  # below the 12 h of a long gap
