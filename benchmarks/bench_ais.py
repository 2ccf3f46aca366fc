"""AIS gaps + segments: chokepoint (Polars, local) vs plain pandas vs movingpandas vs Spark local[2].

Data: the real NOAA MarineCadastre tracktable files (NY Harbor 7 days + Virginia Beach 3 days,
212,501 fixes) scaled to >= 10 million positions by copying them with shifted MMSIs and times,
written once to Parquet (LZ4, sorted by MMSI and time) and timed from that file: every figure
includes reading it. Run: ``python benchmarks/bench_ais.py [--rows N] [--no-spark]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import polars as pl

from chokepoint.maritime import EventParams, find_gaps, find_segments, prepare_positions, read_ais

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ais" / "noaa_marinecadastre"
FILES = ("nyharbor_2020-12-01_to_07_tracktable.csv", "virginiabeach_2020-06-04_to_06_tracktable.csv")
PARAMS = EventParams()


def build(rows: int, folder: Path) -> Path:
    base, _ = read_ais([DATA / f for f in FILES])
    base = base.select("mmsi", "timestamp", "lat", "lon")
    copies = -(-rows // base.height)
    shifted = [
        base.with_columns(
            mmsi=pl.col("mmsi") + k * 1_000_000_000, timestamp=pl.col("timestamp") + timedelta(days=7 * k)
        )
        for k in range(copies)
    ]
    path = folder / "positions.parquet"
    pl.concat(shifted).sort("mmsi", "timestamp").write_parquet(path, compression="lz4")
    return path


def best(label: str, rows: int, run: Callable[[], object], repeat: int = 5, note: str = "") -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    rate = rows / min(times)
    print(f"{label:<44} rows={rows:>10,} best={min(times):8.3f} s  {rate:>12,.0f} rows/s  {note}{result}")
    return rate


def ours(path: Path) -> str:
    prepared = prepare_positions(pl.scan_parquet(path), PARAMS)
    gaps, segments = find_gaps(prepared, PARAMS), find_segments(prepared).collect()
    return f"gaps={gaps.height} long={int(gaps['long'].sum())} segments={segments.height}"


def plain_pandas(path: Path) -> str:
    import pandas as pd

    df = pd.read_parquet(path, columns=["mmsi", "timestamp", "lat", "lon"])
    df = df.sort_values(["mmsi", "timestamp"], kind="stable")
    new = df["mmsi"].ne(df["mmsi"].shift())
    hours = df["timestamp"].diff().dt.total_seconds() / 3600
    gaps = df[~new & (hours >= PARAMS.short_gap_hours)]
    seg = (new | (hours >= PARAMS.segment_gap_hours)).cumsum()
    segments = df.groupby(seg).agg(
        mmsi=("mmsi", "first"), start=("timestamp", "first"), end=("timestamp", "last")
    )
    return f"gaps={len(gaps)} segments={len(segments)}"


def moving_pandas(path: Path, rows: int) -> str:
    import geopandas as gpd
    import movingpandas as mpd

    df = (
        pl.read_parquet(path, n_rows=rows)
        .with_columns(pl.col("timestamp").dt.replace_time_zone(None))
        .to_pandas()
    )
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    tc = mpd.TrajectoryCollection(gdf, "mmsi", t="timestamp")
    split = mpd.ObservationGapSplitter(tc).split(gap=timedelta(hours=PARAMS.segment_gap_hours))
    return f"segments={len(split)}"


def spark(path: Path, session: object) -> str:
    from chokepoint.maritime._spark import run_spark

    out = run_spark([path], None, PARAMS, session=session, tables=("gaps", "segments"))
    return f"gaps={out['gaps'].height} segments={out['segments'].height}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument(
        "--mp-rows", type=int, default=100_000, help="movingpandas subset (it is too slow for 10M)"
    )
    parser.add_argument("--no-spark", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ais-") as tmp:
        path = build(args.rows, Path(tmp))
        rows = pl.scan_parquet(path).select(pl.len()).collect().item()
        size = path.stat().st_size
        print(f"data: {rows:,} positions, {size:,} bytes of Parquet, from {' + '.join(FILES)}")
        mine = best("chokepoint local (Polars, clean+segment+gaps)", rows, lambda: ours(path))
        best("plain pandas (sort, diff, cumsum, groupby)", rows, lambda: plain_pandas(path))
        mp_rows = min(args.mp_rows, rows)
        best(
            "movingpandas ObservationGapSplitter",
            mp_rows,
            lambda: moving_pandas(path, mp_rows),
            repeat=1,
            note=f"(first {mp_rows:,} rows only: 10M would take hours) ",
        )
        if not args.no_spark:
            from chokepoint.maritime._spark import spark_session

            session = spark_session(cores=2, memory="6g")
            session.sparkContext.setLogLevel("ERROR")
            warm = Path(tmp) / "warm.parquet"
            pl.read_parquet(path, n_rows=100_000).write_parquet(warm)
            spark(warm, session)  # warm-up: JVM, Python workers
            best("Spark local[2] (same kernel, applyInArrow)", rows, lambda: spark(path, session), repeat=1)
            session.stop()
        verdict = "met" if mine >= 10_000_000 else "NOT met"
        print(f"target >= 10,000,000 rows/s on 2 cores: {verdict} ({mine:,.0f} rows/s)")


if __name__ == "__main__":
    main()
