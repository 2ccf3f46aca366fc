"""The Caspian step of ``chokepoint demo``: which ships made dark Iran → Russia runs this month?

No public Caspian AIS exists, so the demo sails the synthetic scenario (fixed seed, 30 days,
20 ships with planted dark voyages), finds the events and lists the dark runs, writing the
event tables, an offline map of the first dark runner and the tracks (one fix per 10 minutes, Parquet
by day in ``positions/``, for the vessel pages of ``chokepoint serve --ais``) into ``demo_ais/``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from rich.table import Table

from chokepoint.cli._app import atomic_output, out
from chokepoint.maritime import (
    EventParams,
    detect_events,
    load_ports,
    prepare_positions,
    render_vessel_map,
    simulate_scenario,
    write_events,
    write_positions,
)

__all__ = ["ais_demo"]

START = datetime(2026, 10, 1, tzinfo=UTC)
#: The tracks written for the UI keep one fix per vessel in each window of this length.
TRACK_EVERY = "10m"


def ais_demo(folder: Path) -> None:
    """Simulate the month, detect events, print the dark runs, write tables and a map."""
    ports = load_ports(None)
    scenario = simulate_scenario(days=30, vessels=20, seed=7, start=START, ports=ports)
    found = detect_events(scenario.positions, ports=ports, params=EventParams())
    write_events(found.tables(), folder)
    fixes = scenario.positions.sort("mmsi", "timestamp")
    window = pl.col("timestamp").dt.truncate(TRACK_EVERY).alias("window")
    thinned = fixes.with_columns(window).unique(["mmsi", "window"], keep="first", maintain_order=True)
    write_positions(thinned.drop("window"), folder / "positions")
    dark = found.dark_voyages
    table = Table(
        title="dark voyages between Iranian and Russian Caspian ports, October 2026 (simulated AIS)"
    )
    for column in ("MMSI", "from", "went dark (UTC)", "dark hours", "reappeared", "to"):
        table.add_column(column)
    for row in dark.sort("dark_start").iter_rows(named=True):
        table.add_row(
            str(row["mmsi"]),
            f"{row['origin']} ({row['origin_country']})",
            f"{row['dark_start']:%Y-%m-%d %H:%M}",
            f"{row['dark_hours']:.0f}",
            f"{row['dark_end']:%Y-%m-%d %H:%M}",
            f"{row['destination']} ({row['destination_country']})",
        )
    out.print(table)
    runs = dark.filter((dark["origin"] == "Amirabad") & (dark["destination"] == "Makhachkala"))
    ships = ", ".join(str(m) for m in runs["mmsi"].unique().sort().to_list()) or "none"
    out.print(f"dark Amirabad → Makhachkala runs: {runs.height} (ships {ships})", markup=False)
    if dark.height:
        mmsi = int((runs if runs.height else dark).sort("dark_start")["mmsi"][0])
        track = prepare_positions(
            scenario.positions.filter(scenario.positions["mmsi"] == mmsi), EventParams()
        )
        page = render_vessel_map(mmsi, track, found, ports=ports)
        with atomic_output(folder / f"vessel_{mmsi}.html") as handle:
            handle.write(page)
        out.print(f"event tables and the map of vessel {mmsi} → {folder}/", markup=False)
