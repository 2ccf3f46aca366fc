"""AIS ingest speed: ``read_ais`` on scaled real files, next to bare readers measured in the same run.

CSV: NOAA MarineCadastre AIS_2022_01_03 (17 columns) and the NY Harbor tracktable file (5 columns),
each repeated ``--scale`` times into a temporary file. Peers: Polars ``read_csv`` with inferred
types and pandas ``read_csv`` + ``to_datetime``, neither validating anything. NMEA: the tag-blocked
global file repeated; peer: pyais' own FileReaderStream decoding every message. Also
``write_positions`` (day-partitioned Parquet). Run: ``python benchmarks/bench_ais_ingest.py``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import polars as pl
from pyais.stream import FileReaderStream

from chokepoint.maritime import read_ais, write_positions

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ais"
NOAA = DATA / "noaa_marinecadastre" / "AIS_2022_01_03_first99999rows.csv"
TRACK = DATA / "noaa_marinecadastre" / "nyharbor_2020-12-01_to_07_tracktable.csv"
NMEA = DATA / "nmea" / "global_2021-11-01_tagblock.nm4"


def repeat(source: Path, times: int, folder: Path, header: bool = True) -> Path:
    data = source.read_bytes()
    head, body = data.split(b"\n", 1) if header else (b"", data)
    target = folder / f"{source.stem}_x{times}{source.suffix}"
    with target.open("wb") as out:
        if header:
            out.write(head + b"\n")
        for _ in range(times):
            out.write(body if body.endswith(b"\n") else body + b"\n")
    return target


def best(fn: Callable[[], int], runs: int) -> tuple[float, float, int]:
    """Best wall and CPU (all threads) seconds of ``runs`` calls, and the rows the call returned."""
    walls, cpus, rows = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        rows = fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), rows


def show(label: str, wall: float, cpu: float, rows: int) -> None:
    print(
        f"{label:<44} {rows:>10,} rows {wall:6.2f} s {rows / wall / 1e6:6.2f} M rows/s"
        f"   cpu {cpu:6.2f} s {rows / cpu / 1e6:6.2f} M rows/cpu-s"
    )


def pandas_csv(path: Path, time_column: str) -> int:
    frame = pd.read_csv(path, low_memory=False)
    frame[time_column] = pd.to_datetime(frame[time_column], format="%Y-%m-%dT%H:%M:%S", utc=True)
    return len(frame)


def nmea_peer(path: Path) -> int:
    count = 0
    for message in FileReaderStream(str(path)):
        try:
            message.decode()
            count += 1
        except Exception:  # the peer skips what it cannot decode, as we count it
            pass
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="copies of each CSV (10 → ~1M and ~1.7M rows)")
    parser.add_argument("--nmea-scale", type=int, default=20, help="copies of the 1,000-line NMEA file")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"polars {pl.__version__}, {pl.thread_pool_size()} threads; pandas {pd.__version__}")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} (other work on the machine slows wall time, not CPU time)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for source in (NOAA, TRACK):
            path = repeat(source, args.scale, folder)
            print(f"\n{path.name} ({path.stat().st_size / 1e6:.0f} MB)")
            show(
                "chokepoint read_ais (validated, UTC, schema)",
                *best(lambda p=path: read_ais(p)[0].height, args.runs),
            )
            show(
                "peer: polars read_csv (inferred, no checks)",
                *best(lambda p=path: pl.read_csv(p).height, args.runs),
            )
            show(
                "peer: pandas read_csv + to_datetime",
                *best(lambda p=path: pandas_csv(p, "BaseDateTime"), args.runs),
            )
        frame, _ = read_ais(repeat(TRACK, args.scale, folder))
        out = folder / "positions"
        show(
            "chokepoint write_positions (Parquet by day)",
            *best(lambda: len(write_positions(frame, out)) and frame.height, args.runs),
        )
        path = repeat(NMEA, args.nmea_scale, folder, header=False)
        print(f"\n{path.name} ({args.nmea_scale * 1000:,} lines)")
        show("chokepoint read_ais (NMEA, tag blocks)", *best(lambda: read_ais(path)[0].height, args.runs))
        show("peer: pyais FileReaderStream decode", *best(lambda: nmea_peer(path), args.runs))


if __name__ == "__main__":
    main()
