"""Benchmark: read and store every real sanctions list of ../shared/data (issue: < 30 s in all).

Run: ``python benchmarks/bench_list_load.py`` (prints per-list and total seconds).
Each list is read and written to a fresh SQLite store, as ``chokepoint lists load`` does.
``--db postgresql://USER:PASSWORD@HOST/DB`` also writes each list to a fresh schema of that
PostgreSQL database (dropped afterwards) and prints its write and read-back times beside SQLite's.
There is no peer figure: no open tool loads these formats into a store (yente indexes
OpenSanctions' own FtM export into Elasticsearch, which needs a server).
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from chokepoint.lists import read_lists, version_record
from chokepoint.store import Store, db_url

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


@contextlib.contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """The URL of a new empty schema of the PostgreSQL database ``url``, dropped on leaving."""
    engine = sa.create_engine(db_url(url), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    if engine.dialect.name != "postgresql":
        raise SystemExit(f"--db must be a postgresql:// URL, not {url.split(':', 1)[0]}")
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield engine.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def timed_load(db: str, lists: list) -> tuple[float, float]:
    """Seconds to write the lists into a new store at ``db``, and to stream their entities back."""
    with Store(db) as store:
        t0 = time.perf_counter()
        store.load_versions([(version_record(d), d.entities) for d in lists])
        t1 = time.perf_counter()
        assert sum(1 for _ in store.iter_entities()) == sum(len(d.entities) for d in lists)
        return t1 - t0, time.perf_counter() - t1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared sanctions data folder")
    parser.add_argument("--db", help="also write to PostgreSQL: the URL of a database the benchmark may use")
    args = parser.parse_args()
    total_read = 0.0
    totals = {"sqlite": [0.0, 0.0], "postgresql": [0.0, 0.0]}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (label, rel) in enumerate(SETS.items()):
            t0 = time.perf_counter()
            lists = read_lists([args.data / r for r in rel])
            read = time.perf_counter() - t0
            total_read += read
            figures = {"sqlite": timed_load(str(Path(tmp) / f"{n}.db"), lists)}
            if args.db:
                with postgres_schema(args.db) as url:
                    figures["postgresql"] = timed_load(url, lists)
            targets = sum(d.targets for d in lists)
            entities = sum(len(d.entities) for d in lists)
            line = f"{label:45s} targets={targets:>6} entities={entities:>6} read={read:6.2f}s"
            for name, (write, back) in figures.items():
                totals[name][0] += write
                totals[name][1] += back
                line += f" {name}: write={write:5.2f}s read-back={back:5.2f}s"
            print(line)
    sqlite_write = totals["sqlite"][0]
    print(
        f"total read={total_read:.2f}s write={sqlite_write:.2f}s all={total_read + sqlite_write:.2f}s "
        "(SQLite; target < 30 s; peer: none)"
    )
    if args.db:
        write, back = totals["postgresql"]
        print(
            f"PostgreSQL: write={write:.2f}s (SQLite {sqlite_write:.2f}s) "
            f"read-back={back:.2f}s (SQLite {totals['sqlite'][1]:.2f}s) all={total_read + write:.2f}s"
        )


if __name__ == "__main__":
    main()
