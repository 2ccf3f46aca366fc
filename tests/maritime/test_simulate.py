"""The synthetic Caspian scenario: deterministic, on water, realistic, and its planted events found."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

from chokepoint.maritime import Scenario, detect_events, load_ports, load_water, simulate_scenario

DAYS, VESSELS = 12, 14


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return simulate_scenario(days=DAYS, vessels=VESSELS, seed=11)


def test_same_seed_same_scenario(scenario: Scenario) -> None:
    again = simulate_scenario(days=DAYS, vessels=VESSELS, seed=11)
    assert again.positions.equals(scenario.positions) and again.truth.equals(scenario.truth)
    assert not simulate_scenario(days=DAYS, vessels=VESSELS, seed=12).positions.equals(scenario.positions)


def test_positions_stay_on_water_except_in_harbour(scenario: Scenario, data_dir: Path) -> None:
    water = load_water(data_dir / "geo" / "caspian_sea_gshhs_i.geojson")
    ports = load_ports()
    pos = scenario.positions
    lat, lon = pos["lat"].to_numpy(), pos["lon"].to_numpy()
    wet = water.shore_km(lat, lon) > -1.5  # the intermediate-resolution shoreline is coarse at harbour mouths
    # the GSHHG shoreline puts most harbour points just on land, and Astrakhan is 60 km up the Volga
    near = np.zeros(len(pos), dtype=bool)
    for row in ports.iter_rows(named=True):
        reach = 70.0 if row["port"] == "Astrakhan" else 10.0
        km = np.hypot(
            (lat - row["port_lat"]) * 111.2, (lon - row["port_lon"]) * 111.2 * np.cos(np.radians(lat))
        )
        near |= km <= reach
    assert (wet | near).all()
    assert water.contains(lat, lon).mean() > 0.7


def test_speeds_and_reporting_intervals_are_realistic(scenario: Scenario) -> None:
    pos = scenario.positions.with_columns(
        dt=pl.col("timestamp").diff().over("mmsi").dt.total_seconds(fractional=True)
    )
    under_way = pos.filter(pl.col("sog") > 3)["sog"]
    assert under_way.quantile(0.01) >= 7.0 and under_way.quantile(0.99) <= 15.0  # type: ignore[operator]
    steps = pos["dt"].drop_nulls()
    assert steps.min() >= 1.5 and steps.quantile(0.5) <= 200  # type: ignore[operator]
    assert (steps > 200).mean() < 0.05  # reception holes are rare; dark voyages rarer still


def _scores(truth: pl.DataFrame, found: pl.DataFrame, keys: list[str]) -> tuple[float, float]:
    pairs = truth.join(found.select(*keys, "start", "end"), on=keys, suffix="_found").filter(
        (pl.col("start") <= pl.col("end_found")) & (pl.col("start_found") <= pl.col("end"))
    )
    recall = pairs.select(*keys, "start").unique().height / max(truth.height, 1)
    precision = pairs.select(*keys, "start_found").unique().height / max(found.height, 1)
    return precision, recall


def test_planted_events_are_recovered(scenario: Scenario) -> None:
    events = detect_events(scenario.positions, ports=load_ports())
    truth = scenario.truth
    checks = {
        "dark_voyage": (
            events.dark_voyages.rename({"dark_start": "start", "dark_end": "end"}),
            ["mmsi", "origin", "destination"],
        ),
        "encounter": (
            events.encounters.rename({"mmsi_a": "mmsi", "mmsi_b": "other_mmsi"}),
            ["mmsi", "other_mmsi"],
        ),
        "loitering": (events.loitering, ["mmsi"]),
    }
    for kind, (found, keys) in checks.items():
        planted = truth.filter(pl.col("kind") == kind)
        assert planted.height >= 2, kind
        precision, recall = _scores(planted, found, keys)
        assert precision >= 0.95 and recall >= 0.95, (kind, precision, recall)
    # the decoy went dark between Kazakhstan and Azerbaijan: a long gap, not a dark voyage
    assert events.gaps.filter(pl.col("long")).height > events.dark_voyages.height
