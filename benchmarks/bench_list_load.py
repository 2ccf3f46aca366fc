"""Benchmark: read and store every real sanctions list of ../shared/data (issue: < 30 s in all).

Run: ``python benchmarks/bench_list_load.py`` (prints per-list and total seconds).
Each list is read and written to a fresh SQLite store, as ``chokepoint lists load`` does.
There is no peer figure: no open tool loads these formats into a store (yente indexes
OpenSanctions' own FtM export into Elasticsearch, which needs a server).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from chokepoint.lists import read_lists, version_record
from chokepoint.store import Store

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sanctions"

SETS: dict[str, list[str]] = {
    "OFAC SDN 2021-07-07 set": ["us_ofac_sdn/2021-07-07/sdn.csv"],
    "OFAC SDN 2024-05-03 sdn.csv + 2026 add/alt": [
        "us_ofac_sdn/2024-05-03/sdn.csv",
        "us_ofac_sdn/2026-06-02/add.csv",
        "us_ofac_sdn/2026-06-02/alt.csv",
        "us_ofac_sdn/2025-12-24/sdn_comments.csv",
    ],
    "UN SC 2026-02-27": ["un_sc/2026-02-27/consolidated.xml"],
    "OFAC CONS_ENHANCED 2025-01-10": ["us_ofac_cons/2025-01-10/CONS_ENHANCED.ZIP"],
    "OFAC cons_prim 2025-12": ["us_ofac_cons/2025-12/cons_prim.csv"],
    "trade.gov CSL 2022": ["us_trade_csl/2022/consolidated.csv.gz"],
    "OpenSanctions zala": ["opensanctions_ftm/zala/entities.ftm.json"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared sanctions data folder")
    args = parser.parse_args()
    total_read = total_write = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for label, rel in SETS.items():
            store = Store(Path(tmp) / f"{len(label)}-{abs(hash(label))}.db")
            t0 = time.perf_counter()
            lists = read_lists([args.data / r for r in rel])
            t1 = time.perf_counter()
            store.load_versions([(version_record(d), d.entities) for d in lists])
            t2 = time.perf_counter()
            store.close()
            targets = sum(d.targets for d in lists)
            entities = sum(len(d.entities) for d in lists)
            total_read += t1 - t0
            total_write += t2 - t1
            print(
                f"{label:45s} targets={targets:>6} entities={entities:>6} "
                f"read={t1 - t0:6.2f}s write={t2 - t1:6.2f}s"
            )
    print(
        f"total read={total_read:.2f}s write={total_write:.2f}s all={total_read + total_write:.2f}s "
        "(target < 30 s; peer: none)"
    )


if __name__ == "__main__":
    main()
