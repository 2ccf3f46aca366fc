"""The Spark engine: the same Polars kernel, run on groups of whole vessels by ``applyInArrow``.

Needs the optional extra ``chokepoint[spark]`` (PySpark ≥ 4, Java 17). Positions go to Spark as
Parquet (paths as given, or a frame written to a temporary folder); grouped by MMSI (in buckets
of MMSIs) they are prepared and annotated once (cached), then each per-vessel table is one more
``applyInArrow``. Encounters run in three steps grouped by vessel, by time bin and by vessel pair.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa

from chokepoint.errors import ConfigError
from chokepoint.maritime._clean import located
from chokepoint.maritime._encounters import close_pairs, encounter_runs, grid_positions
from chokepoint.maritime._kernel import VESSEL_TABLES, annotated_positions, vessel_table
from chokepoint.maritime._params import EventParams

__all__ = ["run_spark", "spark_session"]

_BUCKETS = 64
_DDL = {pl.Int64: "bigint", pl.Int32: "int", pl.Int8: "tinyint", pl.UInt32: "bigint", pl.Float64: "double"}


def spark_session(cores: int = 2, memory: str = "4g") -> Any:
    """A local Spark session in UTC with Arrow on (created once per process)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError(
            "--engine spark needs PySpark: pip install 'chokepoint[spark]'", field="engine"
        ) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("chokepoint-ais")
        .config("spark.driver.memory", memory)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", str(cores * 2))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


def _ddl(schema: pl.Schema) -> str:
    parts = []
    for name, dtype in schema.items():
        if isinstance(dtype, pl.Datetime):
            kind = "timestamp"
        elif dtype == pl.Boolean:
            kind = "boolean"
        elif dtype == pl.String:
            kind = "string"
        else:
            kind = _DDL.get(dtype.base_type(), "double")  # type: ignore[call-overload]
        parts.append(f"`{name}` {kind}")
    return ", ".join(parts)


def _arrow(func: Callable[[pl.DataFrame], pl.DataFrame], sort: tuple[str, ...], table: pa.Table) -> pa.Table:
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    frame = frame.drop("_bucket", strict=False)
    if sort:
        frame = frame.sort(sort)
    out = (
        func(frame)
        .with_columns(pl.col(pl.UInt32).cast(pl.Int64))
        .to_arrow(compat_level=pl.CompatLevel.oldest())
    )
    fields = [pa.field(f.name, pa.string()) if pa.types.is_large_string(f.type) else f for f in out.schema]
    return out.cast(pa.schema(fields))


def _udf(
    func: Callable[[pl.DataFrame], pl.DataFrame], sort: tuple[str, ...]
) -> Callable[[pa.Table], pa.Table]:
    def run(table: pa.Table) -> pa.Table:  # type hints tell Spark this is an Arrow table UDF
        return _arrow(func, sort, table)

    return run


def _apply(
    sdf: Any,
    key: str,
    func: Callable[[pl.DataFrame], pl.DataFrame],
    sample: pl.DataFrame,
    sort: tuple[str, ...] = (),
) -> Any:
    """``func`` on every group of rows sharing ``key`` (the output schema is ``func(sample)``'s).

    Groups are buckets of keys (``key`` modulo ``_BUCKETS``): every row of one MMSI (time bin,
    vessel pair) lands in one call, and the vectorised kernel handles many of them per call,
    which saves Spark's per-group Python overhead."""
    from pyspark.sql import functions as F

    schema = func(sample).with_columns(pl.col(pl.UInt32).cast(pl.Int64)).schema
    bucketed = sdf.withColumn("_bucket", F.pmod(F.col(key), F.lit(_BUCKETS)))
    return bucketed.groupBy("_bucket").applyInArrow(_udf(func, sort), _ddl(schema))


def _collect(sdf: Any, empty: pl.DataFrame) -> pl.DataFrame:
    frame = pl.from_arrow(sdf.toArrow())
    assert isinstance(frame, pl.DataFrame)
    return frame.cast(dict(empty.schema)) if frame.height else empty  # type: ignore[arg-type]


def run_spark(
    positions: pl.DataFrame | pl.LazyFrame | Sequence[str | Path],
    ports: pl.DataFrame | None,
    params: EventParams,
    *,
    session: Any = None,
    tables: Sequence[str] = (*VESSEL_TABLES, "encounters"),
) -> dict[str, pl.DataFrame]:
    """The event tables (all by default), computed per vessel by Spark (local[2] unless a session
    is given)."""
    spark = session or spark_session()
    with tempfile.TemporaryDirectory(prefix="chokepoint-spark-") as tmp:
        if isinstance(positions, pl.DataFrame | pl.LazyFrame):
            path = Path(tmp) / "positions.parquet"
            located(positions).sink_parquet(path)
            paths = [str(path)]
        else:
            paths = [str(p) for p in positions]
        sample = located(pl.scan_parquet(paths[0]).head(0)).collect()
        names = set(pl.scan_parquet(paths[0]).collect_schema().names())
        raw = spark.read.parquet(*paths).select(*[c for c in sample.columns if c in names])
        prepare = partial(annotated_positions, ports=ports, params=params)
        annotated = _apply(raw, "mmsi", prepare, sample).cache()
        empty = prepare(sample)
        order = ("mmsi", "track", "timestamp")
        out: dict[str, pl.DataFrame] = {}
        for name in (t for t in VESSEL_TABLES if t in tables):
            func = partial(vessel_table, name, ports=ports, params=params)
            out[name] = _collect(_apply(annotated, "mmsi", func, empty, order), func(empty))
        if "encounters" not in tables:
            annotated.unpersist()
            return out
        grid_f = partial(grid_positions, params=params)
        pairs_f = partial(close_pairs, params=params)
        runs_f = partial(encounter_runs, params=params)
        grid = _apply(annotated, "mmsi", grid_f, empty, order)
        pairs = _apply(grid, "bin", pairs_f, grid_f(empty))
        runs = _apply(pairs, "mmsi_a", runs_f, pairs_f(grid_f(empty)))
        out["encounters"] = _collect(runs, runs_f(pairs_f(grid_f(empty))))
        annotated.unpersist()
    return out
