"""Spark runs the same kernel per MMSI and gives exactly the local (Polars) event tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import polars as pl
import pytest

from chokepoint.maritime import EVENT_TABLES, detect_events, load_ports, read_ais, simulate_scenario

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None,
    reason="pyspark is not installed (pip install '.[spark]'; CI installs it and runs this test)",
)


def test_spark_and_local_give_identical_events(data_dir: Path, tmp_path: Path) -> None:
    real, _ = read_ais([data_dir / "ais/noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv"])
    sim = simulate_scenario(days=6, vessels=10, seed=5).positions
    frame = pl.concat(
        [real.select(sim.columns[:4]), sim.select(sim.columns[:4])]
    )  # real gaps, simulated events
    ports = load_ports()
    local = detect_events(frame, ports=ports, engine="local")
    path = tmp_path / "positions.parquet"
    frame.write_parquet(path)
    spark = detect_events([path], ports=ports, engine="spark")
    for name in EVENT_TABLES:
        assert getattr(local, name).equals(getattr(spark, name)), name
    assert local.gaps.height > 30 and local.port_visits.height > 5 and local.dark_voyages.height >= 1
