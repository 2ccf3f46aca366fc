"""``chokepoint ais events | simulate | map``: thin commands over :mod:`chokepoint.maritime`.

``events`` reads AIS files (any format ``read_ais`` knows), finds the events with the chosen
engine and writes ``gaps``, ``port_visits``, ``encounters``, ``loitering``, ``dark_voyages`` and
``segments`` as CSV, Parquet and GeoJSON; ``simulate`` writes a synthetic Caspian scenario;
``map`` writes one vessel's offline HTML map.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from chokepoint.cli._ais import ais_app
from chokepoint.cli._app import err, out, reporting, spinner
from chokepoint.errors import InputError
from chokepoint.maritime import (
    ENGINES,
    POSITION_SCHEMA,
    EventParams,
    Events,
    detect_events,
    load_ports,
    load_water,
    prepare_positions,
    read_ais,
    render_vessel_map,
    simulate_scenario,
    write_events,
)

__all__ = ["events", "map_vessel", "simulate"]

Inputs = Annotated[list[Path], typer.Argument(help="AIS files or folders: NMEA, CSV, Parquet.")]
PortsOption = Annotated[
    Path | None,
    typer.Option("--ports", help="Port list CSV (name,country,locode,lat,lon,radius_km); default: Caspian."),
]
WaterOption = Annotated[
    Path | None,
    typer.Option("--water", help="Water polygon GeoJSON, for distance from shore and the map coastline."),
]
SkipOption = Annotated[bool, typer.Option("--skip-bad", help="Skip undecodable lines and report them.")]


def _detect(
    paths: list[Path], ports: Path | None, water: Path | None, skip_bad: bool, engine: str
) -> tuple[Events, pl.DataFrame]:
    with spinner() as progress:
        progress.add_task(f"reading {len(paths)} input(s)", total=None)
        frame, report = read_ais(paths, skip_bad=skip_bad)
        if report.total_bad:
            err.print(f"skipped {report.total_bad} bad line(s)", markup=False)
        port_list = load_ports(ports)
        polygon = load_water(water) if water else None
        progress.add_task(f"finding events ({engine})", total=None)
        found = detect_events(frame, ports=port_list, water=polygon, params=EventParams(), engine=engine)
    return found, frame


@ais_app.command("events")
def events(
    paths: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the event tables.")],
    engine: Annotated[str, typer.Option("--engine", help=f"One of: {', '.join(ENGINES)}.")] = "local",
    ports: PortsOption = None,
    water: WaterOption = None,
    skip_bad: SkipOption = False,
) -> None:
    """Find gaps, port visits, encounters, loitering and dark voyages; write CSV, Parquet, GeoJSON."""
    with reporting():
        if engine not in ENGINES:
            raise InputError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}", field="engine")
        found, _ = _detect(paths, ports, water, skip_bad, engine)
        write_events(found.tables(), out_dir)
        for name, table in found.tables().items():
            out.print(f"{name}={table.height}", markup=False)
        out.print(f"wrote {out_dir}", markup=False)


@ais_app.command("simulate")
def simulate(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for positions.parquet and truth.csv.")],
    days: Annotated[float, typer.Option(help="Length of the scenario in days.")] = 30.0,
    vessels: Annotated[int, typer.Option(help="Fleet size (at least 10).")] = 20,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same scenario.")] = 7,
    start: Annotated[str, typer.Option(help="UTC start, ISO date.")] = "2026-01-01",
    ports: PortsOption = None,
) -> None:
    """Sail a synthetic Caspian fleet with planted dark voyages, encounters and loitering."""
    with reporting():
        try:
            begin = datetime.fromisoformat(start).replace(tzinfo=UTC)
        except ValueError:
            raise InputError(f"--start wants an ISO date, got {start!r}", field="start") from None
        if days <= 0 or vessels < 1:
            raise InputError("--days and --vessels must be positive", field="days")
        scenario = simulate_scenario(
            days=days, vessels=vessels, seed=seed, start=begin, ports=load_ports(ports)
        )
        schema = pl.from_arrow(POSITION_SCHEMA.empty_table()).schema  # type: ignore[union-attr]
        frame = scenario.positions.with_columns(source=pl.lit("simulated"), day=pl.col("timestamp").dt.date())
        frame = frame.select(
            pl.col(c).cast(t) if c in frame.columns else pl.lit(None, t).alias(c) for c, t in schema.items()
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, write in (
            ("positions.parquet", frame.write_parquet),
            ("truth.csv", scenario.truth.write_csv),
        ):
            temp = out_dir / f".{name}.{os.getpid()}.tmp"
            write(temp)
            os.replace(temp, out_dir / name)
        counts = scenario.truth.group_by("kind").len().sort("kind").iter_rows()
        out.print(
            f"positions={frame.height} vessels={frame['mmsi'].n_unique()} "
            + " ".join(f"{k}={n}" for k, n in counts),
            markup=False,
        )
        out.print(f"wrote {out_dir / 'positions.parquet'} and {out_dir / 'truth.csv'}", markup=False)


@ais_app.command("map")
def map_vessel(
    paths: Inputs,
    mmsi: Annotated[int, typer.Option("--mmsi", help="The vessel to draw.")],
    out_file: Annotated[Path, typer.Option("--out", help="HTML file to write.")],
    ports: PortsOption = None,
    water: WaterOption = None,
    skip_bad: SkipOption = False,
) -> None:
    """Write an offline HTML map of one vessel's track and events (coastline from --water)."""
    with reporting():
        found, frame = _detect(paths, ports, water, skip_bad, "local")
        if not frame.filter(pl.col("mmsi") == mmsi).height:
            raise InputError(f"no positions of MMSI {mmsi} in the input", field="mmsi")
        page = render_vessel_map(
            mmsi, prepare_positions(frame.filter(pl.col("mmsi") == mmsi), EventParams()), found,
            ports=load_ports(ports), water=load_water(water) if water else None,
        )  # fmt: skip
        temp = out_file.with_name(f".{out_file.name}.{os.getpid()}.tmp")
        temp.write_text(page, encoding="utf-8")
        os.replace(temp, out_file)
        out.print(f"wrote {out_file}", markup=False)
