"""``chokepoint ais simulate | events | map`` through the real Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from chokepoint.cli import app

runner = CliRunner()


def test_simulate_then_events_writes_every_table(tmp_path: Path, data_dir: Path) -> None:
    sim = runner.invoke(
        app, ["ais", "simulate", "--out", str(tmp_path / "sim"), "--days", "8", "--vessels", "10"]
    )
    assert sim.exit_code == 0, sim.output
    assert "dark_voyage=" in sim.output
    water = str(data_dir / "geo" / "caspian_sea_gshhs_i.geojson")
    got = runner.invoke(
        app,
        [
            "ais",
            "events",
            str(tmp_path / "sim" / "positions.parquet"),
            "--out",
            str(tmp_path / "ev"),
            "--water",
            water,
        ],
    )
    assert got.exit_code == 0, got.output
    for name in ("gaps", "port_visits", "encounters", "loitering", "dark_voyages"):
        for suffix in ("csv", "parquet", "geojson"):
            assert (tmp_path / "ev" / f"{name}.{suffix}").exists()
    dark = pl.read_csv(tmp_path / "ev" / "dark_voyages.csv")
    truth = pl.read_csv(tmp_path / "sim" / "truth.csv").filter(pl.col("kind") == "dark_voyage")
    assert set(dark["mmsi"]) == set(truth["mmsi"])
    assert set(dark["direction"]) <= {"IR→RU", "RU→IR"}
    geo = json.loads((tmp_path / "ev" / "gaps.geojson").read_text())
    assert geo["features"][0]["geometry"]["type"] == "LineString"
    assert "start_shore_km" in pl.read_csv(tmp_path / "ev" / "gaps.csv").columns
    mmsi = str(dark["mmsi"][0])
    page = tmp_path / "map.html"
    drawn = runner.invoke(
        app,
        [
            "ais",
            "map",
            str(tmp_path / "sim" / "positions.parquet"),
            "--mmsi",
            mmsi,
            "--out",
            str(page),
            "--water",
            water,
        ],
    )
    assert drawn.exit_code == 0, drawn.output
    html = page.read_text()
    assert "<svg" in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_non_numeric_coordinate_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "MMSI,BaseDateTime,LAT,LON\n1,2020-01-01T00:00:00,40.1,-73.1\n1,2020-01-01T01:00:00,abc,-73.1\n"
    )
    got = runner.invoke(app, ["ais", "events", str(bad), "--out", str(tmp_path / "ev")])
    assert got.exit_code == 2
    assert f"error: {bad}:3:" in got.output
    assert not (tmp_path / "ev").exists()


def test_missing_columns_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "short.csv"
    bad.write_text("MMSI,BaseDateTime,LAT\n1,2020-01-01T00:00:00,40.1\n")
    got = runner.invoke(app, ["ais", "events", str(bad), "--out", str(tmp_path / "ev")])
    assert got.exit_code == 2
    assert f"error: {bad}:1:" in got.output


def test_bad_port_list_names_its_line(tmp_path: Path, data_dir: Path) -> None:
    ports = tmp_path / "ports.csv"
    ports.write_text("# my ports\nname,country,lat,lon\nAmirabad,IR,36.85,53.36\nNowhere,RU,north,47\n")
    track = data_dir / "ais/noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv"
    got = runner.invoke(
        app, ["ais", "events", str(track), "--out", str(tmp_path / "ev"), "--ports", str(ports)]
    )
    assert got.exit_code == 2
    assert f"error: {ports}:4: lat is not a number" in got.output


def test_unknown_engine_is_refused(tmp_path: Path, data_dir: Path) -> None:
    track = data_dir / "ais/noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv"
    got = runner.invoke(app, ["ais", "events", str(track), "--out", str(tmp_path / "ev"), "--engine", "dask"])
    assert got.exit_code == 2 and "error: field engine" in got.output
