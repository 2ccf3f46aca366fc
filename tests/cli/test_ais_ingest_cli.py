"""``chokepoint ais ingest`` through the real Typer app on the real AIS samples."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.maritime import scan_positions

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_ingest_writes_day_partitions_and_reports_each_file(data_dir: Path, tmp_path: Path) -> None:
    track = data_dir / "ais/noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv"
    tagged = data_dir / "ais/nmea/global_2021-11-01_tagblock.nm4"
    out = tmp_path / "positions"
    result = run("ais", "ingest", track, tagged, "--out", out)
    assert result.exit_code == 0, result.output
    assert f"read file={track} rows=39822 bad=0 untimed=0 other=0" in result.output
    assert f"read file={tagged} rows=959 bad=0 untimed=0 other=20" in result.output
    assert "wrote 4 day partition(s)" in result.output
    assert scan_positions(out).select(pl.len()).collect().item() == 39_822 + 959


def test_bad_line_exits_2_with_one_error_line_and_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    greece = data_dir / "ais/nmea/greece_sample_untimestamped.nmea"
    out = tmp_path / "positions"
    result = run("ais", "ingest", greece, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {greece}:4: empty AIS payload (--skip-bad skips and reports such lines)"
    ]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_skip_bad_lists_where_and_default_time_keeps_untimed_messages(data_dir: Path, tmp_path: Path) -> None:
    greece = data_dir / "ais/nmea/greece_sample_untimestamped.nmea"
    result = run(
        "ais",
        "ingest",
        greece,
        "--out",
        tmp_path / "p",
        "--skip-bad",
        "--default-time",
        "2024-01-01T00:00:00",
    )
    assert result.exit_code == 0, result.output
    assert f"read file={greece} rows=764 bad=120 untimed=0 other=14" in result.output
    assert f"bad {greece}:4: empty AIS payload" in result.output
    assert "bad … and 100 more bad lines" in result.output
    assert "total rows=764 bad=120" in result.output


def test_map_and_time_format_for_an_unknown_csv(tmp_path: Path) -> None:
    path = tmp_path / "boats.csv"
    path.write_text("ID,Time,Y,X\n273000001,2024-01-01 10:00,43.1,50.2\n")
    result = run("ais", "ingest", path, "--out", tmp_path / "p")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:1: unknown AIS CSV header (columns: ID, Time, Y, X)")
    result = run(
        "ais", "ingest", path, "--out", tmp_path / "p",
        "--map", "mmsi=ID,timestamp=Time,lat=Y,lon=X", "--time-format", "%Y-%m-%d %H:%M",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"read file={path} rows=1 bad=0" in result.output


def test_malformed_map_is_a_field_error(tmp_path: Path) -> None:
    result = run("ais", "ingest", tmp_path / "x.csv", "--out", tmp_path / "p", "--map", "mmsi")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: field map: --map wants FIELD=COLUMN pairs")
