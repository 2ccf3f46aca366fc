"""Positions on disk: Parquet partitioned by day (``day=YYYY-MM-DD/part-0.parquet``, hive style).

:func:`write_positions` writes the whole dataset into a temporary folder beside ``out_dir`` and
renames it into place, so a reader never sees half a dataset; it replaces an earlier dataset but
refuses a folder holding anything else. The ``day`` column lives in the folder names only (as
Spark and Polars expect). :func:`scan_positions` reads such a folder (or one Parquet file) back
in POSITION_SCHEMA types; :func:`read_parquet` is the reader behind ``read_ais`` for Parquet input.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from chokepoint.errors import InputError
from chokepoint.maritime._frame import POLARS_SCHEMA, finalize
from chokepoint.maritime._report import IngestReport
from chokepoint.maritime._schema import POSITION_SCHEMA

__all__ = ["read_parquet", "scan_positions", "write_positions"]

_FILE_SCHEMA = pa.schema([f for f in POSITION_SCHEMA if f.name != "day"])
_REQUIRED = ("mmsi", "timestamp", "lat", "lon")


def _is_dataset(folder: Path) -> bool:
    return all(p.is_dir() and p.name.startswith("day=") for p in folder.iterdir())


def write_positions(frame: pl.DataFrame | pa.Table, out_dir: str | Path) -> list[Path]:
    """Write positions as Parquet partitioned by day; returns the files written, by day."""
    out = Path(out_dir)
    if out.exists() and (not out.is_dir() or not _is_dataset(out)):
        raise InputError(
            "exists and is not a positions dataset (day=... folders); not replacing it", path=out
        )
    df = frame if isinstance(frame, pl.DataFrame) else pl.from_arrow(frame)
    assert isinstance(df, pl.DataFrame)
    df = finalize(df).collect().sort("mmsi", "timestamp", maintain_order=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    written: list[Path] = []
    try:
        for (day,), part in sorted(df.partition_by("day", as_dict=True, include_key=False).items()):
            folder = tmp / f"day={day.isoformat()}"
            folder.mkdir()
            table = part.to_arrow().cast(_FILE_SCHEMA)
            pq.write_table(table, folder / "part-0.parquet", compression="zstd")
            written.append(out / folder.name / "part-0.parquet")
        old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
        if out.exists():
            os.replace(out, old)
        os.replace(tmp, out)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return written


def _as_positions(lf: pl.LazyFrame, path: Path) -> pl.LazyFrame:
    schema = lf.collect_schema()
    missing = [c for c in _REQUIRED if c not in schema]
    if missing:
        raise InputError(f"Parquet input lacks column(s) {', '.join(missing)}", path=path)
    when = schema["timestamp"]
    if not isinstance(when, pl.Datetime):
        raise InputError(f"Parquet column timestamp is {when}, not a date-time", path=path)
    timestamp = pl.col("timestamp").dt.cast_time_unit("us")
    if when.time_zone is None:
        timestamp = timestamp.dt.replace_time_zone("UTC")  # naive times are UTC, as in every AIS file
    else:
        timestamp = timestamp.dt.convert_time_zone("UTC")
    keep = [c for c in POLARS_SCHEMA if c in schema and c not in ("timestamp", "day")]
    return lf.select(*keep, timestamp=timestamp)


def scan_positions(path: str | Path) -> pl.LazyFrame:
    """A day-partitioned dataset (from :func:`write_positions`) or a Parquet file, lazily."""
    where = Path(path)
    if where.is_dir():
        files = sorted(where.glob("day=*/*.parquet"))
        if not files:
            raise InputError("folder holds no day=YYYY-MM-DD/*.parquet files", path=where)
        lf = pl.scan_parquet(files, hive_partitioning=True, hive_schema={"day": pl.Date})
    else:
        lf = pl.scan_parquet(where)
    return finalize(_as_positions(lf, where))


def read_parquet(path: Path, report: IngestReport, *, skip_bad: bool = False) -> pl.DataFrame:
    """Parquet input for ``read_ais``: rows without mmsi or timestamp are bad (row numbers from 1)."""
    try:
        frame = scan_positions(path).with_row_index("__row", offset=1).collect()
    except pl.exceptions.PolarsError as exc:
        raise InputError(f"not a readable Parquet file: {str(exc).splitlines()[0]}", path=path) from None
    broken = frame.filter(pl.col("mmsi").is_null() | pl.col("timestamp").is_null())
    for row in broken["__row"].to_list():
        report.bad(str(path), row, "row without mmsi or timestamp (row number, not line)", skip_bad=skip_bad)
    good = frame.filter(pl.col("mmsi").is_not_null() & pl.col("timestamp").is_not_null()).drop("__row")
    report.rows[str(path)] = report.rows.get(str(path), 0) + good.height
    return good
