"""Benchmark: transaction screening of 1,000,000 order lines (issue 5 target: >= 20,000 lines/s on 2 cores).

Run: ``python benchmarks/bench_transactions.py [--lines N] [--customers N]``. Lists: OFAC SDN 2021-07-07
(sdn/add/alt/comments), the UN SC list of 2026-02-27 and the demo drone-story sample, loaded into a
temporary store. The order book is generated (seeded): ~20,000 customers (invented brand names) with
addresses, e-mails and incorporation dates, mostly in coalition countries; goods from
examples/orders_clean.csv (everyday parts, not on the CHPL) and, on ~5% of lines, CHPL/catalogue
parts; ~1% of lines are risky in one of the ways the red flags describe (listed party, transshipment,
new buyer, third-country payment, forwarder consignee, embargoed end use). Polars writes the book;
:func:`chokepoint.screening.run_transactions` reads (Polars), checks and screens it (the ``screen
transactions`` path) in 2 and 1 processes; party screening is cached per distinct name and address,
goods per distinct line. No open tool screens whole transactions (yente, Watchman and Aleph match names
only), so there is no peer figure.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

import polars as pl

from chokepoint.lists import read_lists, version_record
from chokepoint.screening import TransactionScreener, run_transactions
from chokepoint.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "sanctions"
SDN = DATA / "us_ofac_sdn" / "2021-07-07"
LISTS = [SDN / f for f in ("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv")] + [
    DATA / "un_sc" / "2026-02-27" / "consolidated.xml",
    ROOT / "examples" / "drone_story.ftm.json",
]
CLEAN = ROOT / "examples" / "orders_clean.csv"
SYLLABLES = (
    "kor ven tal mir bas lun dor fen gar hol jen kas lor mav nor pel quin ros sel tor ulm var wes zen "
    "bri cal dan eli fro gin hal iva jor kel"
).split()
GENERIC = (
    "Electronics Systems Automation Controls Instruments Robotics Sensors Power Engineering Technik "
    "Components Industrial Medical Optics"
).split()
FORMS = {
    "de": "GmbH", "us": "Inc.", "gb": "Ltd", "fr": "SAS", "nl": "B.V.", "it": "S.r.l.", "pl": "Sp. z o.o.",
    "jp": "K.K.", "kr": "Co., Ltd.", "se": "AB", "ca": "Inc.", "in": "Pvt Ltd", "br": "Ltda", "mx": "S.A.",
}  # fmt: skip
HOME = (
    ["de"] * 8 + ["us"] * 8 + ["gb", "fr", "nl", "it", "pl", "jp", "kr", "se", "ca"] * 2 + ["in", "br", "mx"]
)
STREETS = "Main Station Mill Park Church Market Bridge Harbour Garden Lake Industrial Forest".split()
CITIES = "Springfield Riverton Lakeside Hillcrest Fairview Brookfield Westbury Northgate Eastwood".split()
LISTED = ["Kimia Part Sivan Co.", "Success Aviation Services FZC", "I Jet Global DMCC", "JSC SEZ Alabuga",
          "Sahara Thunder", "TSK Vektor", "Safe Seas Ship Management FZE", "Paravar Pars Co."]  # fmt: skip
RISKY_PARTS = [("TMS320F28335PGFAR", "Texas Instruments", "C2000 DSP microcontroller", "8542.31"),
               ("STM32F405RGT6TR", "STMicroelectronics", "ARM Cortex-M4 MCU", ""),
               ("NEO-M8N-0-10", "u-blox", "GNSS receiver module", "8526.91"),
               ("AD9361BBCZ-REEL", "Analog Devices", "RF transceiver", "8542.39"),
               ("SN65HVD230DR", "TI", "CAN transceiver", "8542.39")]  # fmt: skip
COLUMNS = ["order_id", "date", "seller", "buyer", "buyer_country", "buyer_incorporated", "buyer_address",
           "buyer_email", "consignee", "end_user", "end_use_country", "intermediary", "ship_to_country",
           "payment_origin_country", "part_number", "manufacturer", "description", "hs_code", "quantity",
           "value", "currency"]  # fmt: skip


def customers(n: int, rnd: random.Random) -> list[dict[str, str]]:
    """``n`` distinct customers: name, country, address, e-mail, incorporation date."""
    out = []
    for i in range(n):
        country = rnd.choice(HOME)
        brand = "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize()
        name = f"{brand} {rnd.choice(GENERIC)} {FORMS[country]}"
        domain = f"{brand.lower()}{i}.example"
        address = f"{rnd.randint(1, 400)} {rnd.choice(STREETS)} Street, {rnd.choice(CITIES)}"
        out.append(
            {
                "buyer": name, "buyer_country": country.upper(), "buyer_address": address,
                "buyer_email": f"purchasing@{domain}",
                "buyer_incorporated": f"{rnd.randint(1960, 2021)}-01-01",
            }
        )  # fmt: skip
    return out


def risky(line: dict[str, str], rnd: random.Random) -> str:
    """Make a line risky in one way; returns which."""
    kind = rnd.choice(["listed", "transship", "new", "payment", "forwarder", "enduse"])
    part = rnd.choice(RISKY_PARTS)
    line.update(zip(("part_number", "manufacturer", "description", "hs_code"), part, strict=True))
    if kind == "listed":
        line["buyer"] = rnd.choice(LISTED)
    elif kind == "transship":
        line["ship_to_country"] = rnd.choice(["AE", "TR", "KZ", "AM", "HK"])
    elif kind == "new":
        line.update(buyer_incorporated="2023-04-01", ship_to_country="GE", buyer_country="GE")
    elif kind == "payment":
        line.update(payment_origin_country="HK", ship_to_country="IN", buyer_country="IN")
    elif kind == "forwarder":
        line.update(consignee="Eurasia Freight Forwarding LLC", ship_to_country="KG")
    else:
        line.update(end_user="Ural Avionics", end_use_country="RU")
    return kind


GOODS = ("part_number", "manufacturer", "description", "hs_code")


def order_book(n: int, n_customers: int, seed: int = 11) -> tuple[pl.DataFrame, list[str]]:
    """The book and, per row, how it was made risky ("" for a clean line)."""
    rnd = random.Random(seed)
    people = customers(n_customers, rnd)
    goods = list(pl.read_csv(CLEAN, comment_prefix="#", infer_schema=False).fill_null("").iter_rows())
    labels: list[str] = []
    rows = []
    for i in range(n):
        heavy = rnd.random() < 0.5  # half the lines come from a few big customers
        who = people[
            min(int(rnd.paretovariate(1.2)) - 1, n_customers - 1) if heavy else rnd.randrange(n_customers)
        ]
        line = dict.fromkeys(COLUMNS, "") | who
        line |= {
            "order_id": f"SO-{i // 3:07d}",
            "date": f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "seller": "Chokepoint Demo Distribution GmbH",
            "ship_to_country": who["buyer_country"],
            "quantity": str(rnd.choice([10, 100, 250, 1000])),
            "value": str(rnd.randint(5, 5000)),
            "currency": "EUR",
        }
        line.update(zip(GOODS, rnd.choice(goods), strict=True))
        label = ""
        if rnd.random() < 0.01:
            label = risky(line, rnd)
        elif rnd.random() < 0.05:
            line.update(zip(GOODS, rnd.choice(RISKY_PARTS), strict=True))
            label = "chpl-to-home"
        labels.append(label)
        rows.append(line)
    return pl.DataFrame(rows, schema=COLUMNS), labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=20_000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    size = f"{args.lines:,} lines, {args.customers:,} customers"
    print(f"transaction screening benchmark: {size}, {os.cpu_count()} cores, load {load:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "lists.db")
        started = time.perf_counter()
        store.load_versions([(version_record(d), d.entities) for d in read_lists(LISTS)])
        names = ", ".join(f"{v.source}@{v.version}" for v in store.versions())
        print(f"loaded {names} in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        book, labels = order_book(args.lines, args.customers)
        kinds = Counter(labels)
        infile = Path(folder) / "orders.csv"
        book.write_csv(infile)
        distinct = book.select(pl.col("buyer").n_unique()).item()
        print(f"generated and wrote the book with Polars in {time.perf_counter() - started:.1f} s: "
              f"{infile.stat().st_size / 1e6:.0f} MB, {distinct:,} distinct buyers")  # fmt: skip
        versions = store.versions(current_only=True)
        for workers in (2, 1):
            started = time.perf_counter()
            screener = TransactionScreener.from_store(store)
            built = time.perf_counter() - started
            run = run_transactions(infile, screener, versions=versions, workers=workers)
            took = time.perf_counter() - started
            share = len(run.alerts) / run.lines
            print(f"{workers} process(es): {run.lines / took:,.0f} lines/s end to end ({took:.1f} s, of "
                  f"which {built:.1f} s building the screener; target 20,000 on 2 cores), "
                  f"{len(run.alerts):,} alerts ({share:.2%})")  # fmt: skip
        alerted = Counter(labels[a.row - 1] for a in run.alerts)
        caught = ", ".join(f"{k} {alerted[k]:,}/{kinds[k]:,}" for k in sorted(kinds) if k)
        print(f"alerts by rule: {dict(sorted(run.by_rule().items()))}")
        clean = f"{alerted['']:,} of {kinds['']:,} ({alerted[''] / kinds['']:.2%})"
        print(f"alerted per kind of line made: {caught}; clean lines alerted: {clean}")
        print(
            "peer: none. No open tool screens whole transactions (yente, Watchman, Aleph match names only)."
        )
        print(
            f"load average at the end: {os.getloadavg()[0]:.1f} (other work on these cores slows all figures)"
        )


if __name__ == "__main__":
    main()
