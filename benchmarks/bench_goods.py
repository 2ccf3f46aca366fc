"""Benchmark: goods screening of 1,000,000 order lines (issue 5 target: >= 20,000 lines/s on 2 cores).

Run: ``python benchmarks/bench_goods.py [--lines N]``. The order book is made from the GUR catalogue
(../shared/data/goods/uav_components.csv: parts written with packaging suffixes, Cyrillic look-alike
letters, lower case, other makers' names) and from real everyday parts (examples/orders_clean.csv and
the E96 resistor series). Polars reads and writes the CSV; the screening is
:class:`chokepoint.goods.GoodsScreener`, in one process and in two (fork). No open tool screens goods
(yente, Watchman and Aleph match names only), so there is no peer figure; as a reference the same
run times a naive exact-string lookup of part numbers and says how many catalogue lines it catches.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import polars as pl

from chokepoint.goods import (
    CatalogueIndex,
    GoodsLine,
    GoodsScreener,
    analyse_part,
    infer_hs,
    load_catalogues,
    normalise_manufacturer,
    normalise_part_number,
    read_goods_lines,
)

ROOT = Path(__file__).resolve().parents[1]
GUR = ROOT.parent / "shared" / "data" / "goods" / "uav_components.csv"
CLEAN = ROOT / "examples" / "orders_clean.csv"
CYRILLIC = dict(zip("ABCEHKMOPTX", "АВСЕНКМОРТХ", strict=True))
SUFFIXES = ["-TR", "/TR", "TR", "+T", "+", "#PBF", "-REEL7", "/NOPB", "R", "DR", "PBF", "G", "-0-10", "-I/SO"]
MAKER_ALIASES = {"Texas Instruments": "TI", "STMicroelectronics": "ST", "Analog Devices": "ADI"}
E96 = [100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130, 133, 137, 140, 143, 147, 150, 154, 158,
       162, 165, 169, 174, 178, 182, 187, 191, 196, 200, 205, 210, 215, 221, 226, 232, 237, 243, 249, 255,
       261, 267, 274, 280, 287, 294, 301, 309, 316, 324, 332, 340, 348, 357, 365, 374, 383, 392, 402, 412,
       422, 432, 442, 453, 464, 475, 487, 499, 511, 523, 536, 549, 562, 576, 590, 604, 619, 634, 649, 665,
       681, 698, 715, 732, 750, 768, 787, 806, 825, 845, 866, 887, 909, 931, 953, 976]  # fmt: skip

_SCREENER: GoodsScreener | None = None
_COLUMNS: list[list[str]] = []


def resistors() -> list[GoodsLine]:
    """E96 1% thick-film chip resistors, 10 ohm to 1 Mohm, as Yageo and Vishay number them."""
    lines = []
    for decade, unit in ((1, "R"), (10, "R"), (1, "K"), (10, "K"), (100, "K")):
        for value in E96:
            digits = f"{value * decade / 100:g}".replace(".", unit) if decade < 100 else f"{value}{unit}"
            code = digits if unit in digits else digits + unit
            for size in ("0402", "0603", "0805", "1206"):
                text = f"Thick film chip resistor {code} 1% {size}"
                lines.append(GoodsLine(f"RC{size}FR-07{code}L", "Yageo", text, "8533.21"))
                lines.append(GoodsLine(f"CRCW{size}{code:0<4}FKEA", "Vishay", text, ""))
    return lines


def disguise(part: str, rnd: random.Random) -> str:
    """One way an order line writes a catalogued part."""
    kind = rnd.randrange(5)
    if kind == 0:
        return part
    if kind == 1:
        return part + rnd.choice(SUFFIXES)
    if kind == 2:
        return "".join(CYRILLIC.get(c, c) if rnd.random() < 0.3 else c for c in part)
    if kind == 3:
        return part.lower()
    return " ".join(part[i : i + 4] for i in range(0, len(part), 4))


def packaging_variants(part: str, maker: str) -> list[str]:
    """The part with its maker's packing/lead-free marks (the rule of tests/goods/test_screen.py)."""
    text, convention = normalise_part_number(part), normalise_manufacturer(maker).convention
    if convention == "adi":
        if text.startswith(("MAX", "DS")):
            return [part + "+T", part + "+"]
        return [part + "#PBF", part + "#TRPBF"] if text.startswith("LT") else [part + "-REEL7", part + "-RL7"]
    return {
        "ti": [part + ("DR" if part[-1].isdigit() else "R"), part + "/NOPB"],
        "st": [part + "TR"],
        "microchip": [part + "-AU" if text.startswith("AT") else part + "-I/SO"],
        "nxp": [part + ",518"],
        "infineon": [part + "PBF", part + "TRPBF"],
        "onsemi": [part + "G", part + "R2G"],
        "ublox": [part + "-0-10"],
        "vishay": [part + "-T1-GE3"],
        "semtech": [part + ".TCT"],
    }.get(convention, [part + "-TR", part + "/TR"])


def lookalike(part: str) -> str | None:
    """The part with its first letter that has a Cyrillic twin written in Cyrillic."""
    for i, ch in enumerate(part):
        if ch.upper() in CYRILLIC:
            return part[:i] + CYRILLIC[ch.upper()] + part[i + 1 :]
    return None


def done_when(screener: GoodsScreener) -> None:
    """Issue 5: GUR rows with a part number, written with a packaging suffix or a look-alike letter."""
    rows = [c for c in load_catalogues([GUR], bundled=False) if c.part_number]
    for with_maker in (True, False):
        rates = []
        for kind in ("packaging suffix", "look-alike letter", "both"):
            lines = []
            for c in rows:
                suffixed = packaging_variants(c.part_number, c.manufacturer)
                variants = {
                    "packaging suffix": suffixed,
                    "look-alike letter": [lookalike(c.part_number)],
                    "both": [lookalike(v) for v in suffixed],
                }[kind]
                lines += [GoodsLine(v, c.manufacturer if with_maker else "") for v in variants if v]
            flagged = sum(screener.screen(line).flagged for line in lines)
            rates.append(f"{kind} {flagged}/{len(lines)} = {flagged / len(lines):.1%}")
        maker = "given" if with_maker else "blank"
        print(f"done-when, {len(rows)} GUR parts, maker {maker}: {', '.join(rates)}")
    clean = list(read_goods_lines(CLEAN))
    flagged = sum(screener.screen(line).flagged for line in clean)
    print(f"done-when, clean order book {CLEAN.name}: {flagged} of {len(clean)} lines flagged")


def order_book(n: int, seed: int = 5) -> tuple[pl.DataFrame, list[bool]]:
    """``n`` order lines, about 8% taken from the drone catalogue; returns the frame and which are."""
    rnd = random.Random(seed)
    catalogue = [c for c in load_catalogues([GUR], bundled=False) if c.part_number]
    clean = list(read_goods_lines(CLEAN)) + resistors()
    rows: list[tuple[str, str, str, str]] = []
    from_catalogue: list[bool] = []
    for _ in range(n):
        if rnd.random() < 0.08:
            c = rnd.choice(catalogue)
            maker = rnd.choice([c.manufacturer, MAKER_ALIASES.get(c.manufacturer, c.manufacturer), ""])
            rows.append((disguise(c.part_number, rnd), maker, rnd.choice([c.component_type, ""]), ""))
            from_catalogue.append(True)
        else:
            rows.append(tuple(rnd.choice(clean)))  # type: ignore[arg-type]
            from_catalogue.append(False)
    frame = pl.DataFrame(rows, schema=["part_number", "manufacturer", "description", "hs_code"], orient="row")
    return frame, from_catalogue


def _screen_range(bounds: tuple[int, int]) -> tuple[list[bool], list[float], list[str]]:
    assert _SCREENER is not None
    parts, makers, texts, codes = _COLUMNS
    flags, risks, reasons = [], [], []
    for i in range(*bounds):
        result = _SCREENER.screen(GoodsLine(parts[i], makers[i], texts[i], codes[i]))
        flags.append(result.flagged)
        risks.append(result.risk)
        reasons.append(result.reason_text)
    return flags, risks, reasons


def _fresh() -> None:
    """A new screener with empty caches (catalogue index rebuilt, part/maker/HS caches cleared)."""
    global _SCREENER
    for cached in (analyse_part, infer_hs, normalise_manufacturer):
        cached.cache_clear()
    _SCREENER = GoodsScreener(CatalogueIndex(load_catalogues([GUR])))


def main() -> None:
    global _SCREENER, _COLUMNS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000, help="order lines to screen")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"goods screening benchmark: {args.lines:,} order lines, {os.cpu_count()} cores, load {load:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        book, from_catalogue = order_book(args.lines)
        infile, outfile = Path(folder) / "orders.csv", Path(folder) / "screened.csv"
        book.write_csv(infile)
        started = time.perf_counter()
        frame = pl.read_csv(infile, infer_schema=False).fill_null("")
        _COLUMNS = [frame[c].to_list() for c in ("part_number", "manufacturer", "description", "hs_code")]
        parts_column = _COLUMNS[0]
        read_s = time.perf_counter() - started
        distinct = len(set(zip(*_COLUMNS, strict=True)))
        print(f"read {len(frame):,} lines with Polars in {read_s:.2f} s ({distinct:,} distinct lines)")

        every = _COLUMNS
        unique = [list(c) for c in zip(*dict.fromkeys(zip(*every, strict=True)), strict=True)]
        for label, columns in (("cold: each line new", unique), ("whole order book", every)):
            _COLUMNS = columns
            n = len(columns[0])
            _fresh()
            started = time.perf_counter()
            with ProcessPoolExecutor(2, mp_context=mp.get_context("fork")) as pool:
                parts = list(pool.map(_screen_range, [(0, n // 2), (n // 2, n)]))
            two_s = time.perf_counter() - started
            _fresh()
            started = time.perf_counter()
            flags, risks, reasons = _screen_range((0, n))
            one_s = time.perf_counter() - started
            assert flags == parts[0][0] + parts[1][0]
            print(f"{label} ({n:,} lines), empty caches: 2 processes {n / two_s:,.0f} lines/s, "
                  f"1 process {n / one_s:,.0f} lines/s (target 20,000 on 2 cores)")  # fmt: skip

        started = time.perf_counter()
        result = pl.DataFrame(
            {"row": range(1, len(frame) + 1), "flagged": flags, "risk": risks, "reasons": reasons}
        ).with_columns(pl.col("flagged").cast(pl.String).str.to_lowercase(), pl.col("risk").round(3))
        result.write_csv(outfile.with_suffix(".tmp"))
        os.replace(outfile.with_suffix(".tmp"), outfile)
        write_s = time.perf_counter() - started
        print(f"wrote the results with Polars in {write_s:.2f} s")
        total_s = read_s + one_s + write_s
        print(f"end to end, 1 process (read + screen + write): {len(frame) / total_s:,.0f} lines/s")

        hit = sum(f for f, c in zip(flags, from_catalogue, strict=True) if c)
        caught = sum(from_catalogue)
        false = sum(f for f, c in zip(flags, from_catalogue, strict=True) if not c)
        clean = len(flags) - caught
        print(f"flagged: {hit:,} of {caught:,} catalogue lines ({hit / caught:.1%}), "
              f"{false:,} of {clean:,} clean lines ({false / clean:.2%})")  # fmt: skip

        assert _SCREENER is not None
        print(f"catalogue: {len(_SCREENER.index):,} components (bundled + GUR)")
        done_when(_SCREENER)
        naive = {c.part_number.upper(): c for c in _SCREENER.index.components if c.part_number}
        started = time.perf_counter()
        found = [p.upper() in naive for p in parts_column]
        naive_s = time.perf_counter() - started
        naive_hit = sum(f for f, c in zip(found, from_catalogue, strict=True) if c)
        print(f"reference, naive exact part-number lookup: {len(frame) / naive_s:,.0f} lines/s, "
              f"catches {naive_hit:,} of {caught:,} catalogue lines ({naive_hit / caught:.1%})")  # fmt: skip
        print("peer: none. No open tool screens goods (yente, Watchman and Aleph match names only).")
        print(
            f"load average at the end: {os.getloadavg()[0]:.1f} (other work on these cores slows all figures)"
        )


if __name__ == "__main__":
    main()
