"""read_ais: AIS files of any supported kind → one POSITION_SCHEMA frame and an IngestReport.

Each path is a file (kind from its content, see ``_open``) or a folder written by
:func:`write_positions`. Rows come back sorted by (mmsi, timestamp), file order kept for ties.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

import polars as pl

from chokepoint.maritime._csv import read_csv
from chokepoint.maritime._frame import empty_positions
from chokepoint.maritime._nmea import read_nmea
from chokepoint.maritime._open import open_input
from chokepoint.maritime._parquet import read_parquet, scan_positions
from chokepoint.maritime._report import IngestReport

__all__ = ["read_ais"]


def _paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _read_one(
    path: Path,
    report: IngestReport,
    *,
    mapping: Mapping[str, str] | None,
    time_format: str | None,
    skip_bad: bool,
    default_time: datetime | None,
) -> pl.DataFrame:
    name = str(path)
    if path.is_dir():
        frame = scan_positions(path).collect()
        report.rows[name] = report.rows.get(name, 0) + frame.height
        return frame
    opened = open_input(path)
    if opened.kind == "parquet":
        return read_parquet(path, report, skip_bad=skip_bad)
    if opened.kind == "nmea":
        return read_nmea(name, opened.lines(), report, skip_bad=skip_bad, default_time=default_time)
    return read_csv(opened.source, name, report, mapping=mapping, time_format=time_format, skip_bad=skip_bad)


def read_ais(
    paths: str | Path | Iterable[str | Path],
    *,
    mapping: Mapping[str, str] | None = None,
    time_format: str | None = None,
    skip_bad: bool = False,
    default_time: datetime | None = None,
) -> tuple[pl.DataFrame, IngestReport]:
    """Read AIS files (NMEA, CSV, Parquet; plain or gzip/bzip2/zip) into one position table.

    ``mapping`` (field → column, e.g. ``{"mmsi": "ID", "timestamp": "Time", "lat": "Y", "lon":
    "X"}``) and ``time_format`` describe CSVs whose header we do not know. With ``skip_bad`` bad
    lines are counted and listed in the report instead of raising :class:`InputError` at the first.
    ``default_time`` is the time of NMEA messages that carry none (else they are counted, dropped).
    """
    report = IngestReport()
    frames = [
        _read_one(
            path,
            report,
            mapping=mapping,
            time_format=time_format,
            skip_bad=skip_bad,
            default_time=default_time,
        )
        for path in _paths(paths)
    ]
    frames = [f for f in frames if f.height]
    if not frames:
        return empty_positions(), report
    frame = pl.concat(frames, how="vertical") if len(frames) > 1 else frames[0]
    return frame if _sorted(frame) else frame.sort("mmsi", "timestamp", maintain_order=True), report


def _sorted(frame: pl.DataFrame) -> bool:
    """Already in (mmsi, timestamp) order? Many files are (tracktable exports, our own Parquet)."""
    step = pl.col("mmsi").diff()
    ordered = (step > 0) | ((step == 0) & (pl.col("timestamp").diff() >= pl.duration()))
    return bool(frame.select(ordered.fill_null(True).all()).item())
