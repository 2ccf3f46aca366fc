"""``simulate_scenario``: a synthetic, seeded Caspian AIS scenario with planted events and truth.

No public Caspian AIS exists, so the demo and the tests sail their own fleet: vessels berth at the
listed ports and sail between them along the shipped sea lanes (``_routes``) at 8-14 kn, report
every 2 s to 3 min, lose reception for minutes at a time, and act out the planted events — dark
Amirabad ↔ Makhachkala/Astrakhan/Olya runs (and a decoy dark run elsewhere), ship-to-ship
encounters and loitering. ``truth`` lists every planted event. Same seed, same scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import polars as pl

from chokepoint.maritime._ports import load_ports
from chokepoint.maritime._routes import Lanes, load_lanes
from chokepoint.maritime._sim_plan import World, plan_fleet

__all__ = ["DEFAULT_START", "Scenario", "simulate_scenario"]

DEFAULT_START = datetime(2026, 1, 1, tzinfo=UTC)
TRUTH_SCHEMA = {
    "kind": pl.String, "mmsi": pl.Int64, "other_mmsi": pl.Int64, "start": pl.Datetime("us", "UTC"),
    "end": pl.Datetime("us", "UTC"), "origin": pl.String, "destination": pl.String,
}  # fmt: skip


@dataclass(frozen=True)
class Scenario:
    """Positions (POSITION_SCHEMA columns ``mmsi, timestamp, lat, lon, sog, cog, name``) and truth."""

    positions: pl.DataFrame
    truth: pl.DataFrame


def simulate_scenario(
    *,
    days: float = 30.0,
    vessels: int = 20,
    seed: int = 7,
    start: datetime = DEFAULT_START,
    ports: pl.DataFrame | None = None,
    lanes: Lanes | None = None,
) -> Scenario:
    """Sail ``vessels`` ships for ``days`` days; 4 dark runners, 2 meeting pairs, 2 loiterers at least."""
    rng = np.random.default_rng(seed)
    world = World(lanes or load_lanes(), ports if ports is not None else load_ports())
    sailors, truth = plan_fleet(world, rng, max(vessels, 10), days * 86400.0)
    frames = []
    for sailor in sailors:
        cols = {k: np.concatenate([leg[k] for leg in sailor.legs]) for k in ("t", "lat", "lon", "sog", "cog")}
        keep = _reception(rng, cols["t"])
        frames.append(
            pl.DataFrame({k: v[keep] for k, v in cols.items()}).with_columns(mmsi=pl.lit(sailor.mmsi))
        )
    origin = int(start.timestamp() * 1e6)
    stamp = (pl.lit(origin) + (pl.col("t") * 1e6).round().cast(pl.Int64)).cast(pl.Datetime("us", "UTC"))
    positions = (
        pl.concat(frames)
        .filter(pl.col("t") <= days * 86400.0)
        .select(
            pl.col("mmsi").cast(pl.Int64),
            stamp.alias("timestamp"),
            pl.col("lat").round(6),
            pl.col("lon").round(6),
            pl.col("sog").cast(pl.Float32),
            pl.col("cog").cast(pl.Float32),
        )
        .sort("mmsi", "timestamp")
    )
    table = pl.DataFrame(truth, schema={**TRUTH_SCHEMA, "start": pl.Float64, "end": pl.Float64}, orient="row")
    table = table.with_columns(
        (pl.lit(origin) + (pl.col(c) * 1e6).cast(pl.Int64)).cast(pl.Datetime("us", "UTC")).alias(c)
        for c in ("start", "end")
    ).sort("kind", "mmsi", "start")
    return Scenario(positions=positions, truth=table)


def _reception(rng: np.random.Generator, t: np.ndarray) -> np.ndarray:
    """Reception holes of 5-40 minutes, one every ~8 hours on average."""
    keep = np.ones(len(t), dtype=bool)
    if not len(t):
        return keep
    count = rng.poisson((t[-1] - t[0]) / (8 * 3600))
    for begin in rng.uniform(t[0], t[-1], count):
        keep &= ~((t >= begin) & (t < begin + rng.uniform(300, 2400)))
    return keep
