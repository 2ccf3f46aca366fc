"""``chokepoint ais …``: the AIS sub-app and ``ais ingest`` over :mod:`chokepoint.maritime`.

Other AIS commands (``ais events``, ``ais simulate``) live in their own modules and register on
:data:`ais_app` imported from here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from chokepoint.cli._app import app, out, reporting, spinner
from chokepoint.errors import InputError
from chokepoint.maritime import IngestReport, read_ais, write_positions

__all__ = ["SHOWN_BAD_LINES", "ais_app", "describe", "parse_mapping"]

SHOWN_BAD_LINES = 20
"""Bad lines listed after an ingest; the counts per file are always complete."""

ais_app = typer.Typer(
    help="AIS for the Caspian route: ingest NMEA/CSV/Parquet, find dark gaps, port calls and meetings.",
    no_args_is_help=True,
)
app.add_typer(ais_app, name="ais")


def parse_mapping(text: str | None) -> dict[str, str] | None:
    """``mmsi=ID,timestamp=Time,lat=Y,lon=X`` → ``{"mmsi": "ID", ...}``."""
    if not text:
        return None
    mapping: dict[str, str] = {}
    for part in text.split(","):
        ours, sep, theirs = part.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise InputError(f"--map wants FIELD=COLUMN pairs separated by commas, got {part!r}", field="map")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"--default-time wants an ISO date-time, got {text!r}", field="default-time"
        ) from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def describe(report: IngestReport) -> list[str]:
    """One script-readable line per file, then one per kept bad-line reason."""
    lines = []
    for path, rows in report.rows.items():
        bad, untimed = report.bad_counts.get(path, 0), report.untimed.get(path, 0)
        other = report.ignored.get(path, 0)
        lines.append(f"read file={path} rows={rows} bad={bad} untimed={untimed} other={other}")
        lines.extend(f"  note: {note}" for note in report.notes.get(path, []))
    lines.extend(f"bad {b}" for b in report.bad_lines[:SHOWN_BAD_LINES])
    if report.total_bad > SHOWN_BAD_LINES:
        lines.append(f"bad … and {report.total_bad - SHOWN_BAD_LINES} more bad lines")
    lines.append(f"total rows={report.total_rows} bad={report.total_bad}")
    return lines


@ais_app.command("ingest")
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="AIS files (NMEA, CSV or Parquet; plain, .gz, .bz2 or .zip; the kind is read from the "
            "content) or folders written by --out."
        ),
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for Parquet partitioned by day.")],
    mapping: Annotated[
        str | None,
        typer.Option("--map", help="CSV columns for an unknown layout: mmsi=ID,timestamp=Time,lat=Y,lon=X"),
    ] = None,
    time_format: Annotated[
        str | None, typer.Option("--time-format", help="strftime format of the --map timestamp column.")
    ] = None,
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad", help="Skip undecodable lines and report them instead of stopping.")
    ] = False,
    default_time: Annotated[
        str | None,
        typer.Option(
            "--default-time",
            help="UTC time for NMEA messages that carry none (else they are counted and dropped).",
        ),
    ] = None,
) -> None:
    """Read AIS files into one position table and write it as Parquet partitioned by day."""
    with reporting():
        with spinner() as progress:
            progress.add_task(f"reading {len(paths)} input(s)", total=None)
            frame, report = read_ais(
                paths,
                mapping=parse_mapping(mapping),
                time_format=time_format,
                skip_bad=skip_bad,
                default_time=_parse_time(default_time),
            )
            written = write_positions(frame, out_dir)
        for line in describe(report):
            out.print(line, markup=False)
        out.print(f"wrote {len(written)} day partition(s) to {out_dir}", markup=False)
