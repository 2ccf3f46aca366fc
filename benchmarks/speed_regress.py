"""Regression dump and timing of name-pair scoring (compare_forms) on real pairs.

Run: ``python benchmarks/speed_regress.py collect`` once (records every compare_forms call made by the
dev pair sets of bench_names.py and by screening ~2,000 rows against UN + OFAC 2021), then
``dump OUT`` (score repr and explanation of each recorded pair, plus the screening matches: must stay
byte-identical across optimisations), ``time`` (µs per compare_forms call, names analysed once) and
``screen`` (CPU ms per screened query). Timings are CPU time, best of a few passes: the machine may be shared.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import random
import time
from pathlib import Path

import pairsets
from chokepoint import matching
from chokepoint.matching import Matcher, Query, _names, _score, analyze, compare_names

PAIRS = Path("/tmp/speed_pairs.pkl")
DATA = pairsets.MATCHING.parent
SCREENING = DATA / "matching" / "opensanctions_yente_screening"
UN = DATA / "sanctions" / "un_sc" / "2026-02-27" / "consolidated.xml"
OFAC = [DATA / "sanctions" / "us_ofac_sdn" / "2021-07-07" / f for f in ("sdn.csv", "add.csv", "alt.csv")]
SEED = 20260227
SIZE = 3000


def _compare_forms():  # type: ignore[no-untyped-def]
    """The active kernel's compare_forms (before the kernel existed: the pure-Python one)."""
    return getattr(matching, "compare_forms", None) or matching._compare.compare_forms


def _dev_cases() -> list:
    rng = random.Random(pairsets.SEED)
    cases = pairsets.jrc(400, random.Random(1)) + pairsets.name_bench() + pairsets.watchman()
    for name, group in (
        ("netransliteration_wikidata/wd_arabic.tsv", "wd_ar"),
        ("netransliteration_wikidata/wd_russian.tsv", "wd_ru"),
        ("google_transliteration/ar2en.tsv", "ar2en"),
    ):
        cases += pairsets.token_pairs(name, group, SIZE, rng)
    return cases + pairsets.jrc(2 * SIZE, rng) + pairsets.iran_russia()


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _screen_rows() -> list[dict[str, str]]:
    """The UN positives and 1,600 sampled global negatives, as in bench_screening.py."""
    rng = random.Random(SEED)
    positives = _read_rows(SCREENING / "positives_un_treated.csv")
    negatives = rng.sample(_read_rows(SCREENING / "negatives_global.csv"), 1600)
    return positives + negatives


def _matcher() -> Matcher:
    """UN SC + OFAC SDN 2021, as bench_screening.py builds it."""
    from chokepoint.lists import read_lists

    lists = read_lists([UN]) + read_lists(OFAC)
    return Matcher.from_entities(e for data in lists for e in data.entities)


def collect() -> None:
    """Record (name, kind) of both sides of every compare_forms call."""
    calls: list[tuple[str, str, str, str]] = []
    original = _compare_forms()

    def recording(q, c):  # type: ignore[no-untyped-def]
        calls.append((q.original, q.kind, c.original, c.kind))
        return original(q, c)

    _names.compare_forms = _score.compare_forms = recording
    cases = _dev_cases()
    for case in cases:
        compare_names(case.schema, case.name1, case.name2)
    dev = len(calls)
    rows = _screen_rows()
    matcher = _matcher()
    for row in rows:
        matcher.match(Query.from_row(row), limit=10)
    print(
        f"recorded {dev} dev calls ({len(cases)} cases), "
        f"{len(calls) - dev} screening calls ({len(rows)} rows)"
    )
    PAIRS.write_bytes(pickle.dumps({"calls": calls, "dev": dev}))


def dump(out: Path, screen: bool) -> None:
    data = pickle.loads(PAIRS.read_bytes())
    lines = []
    for qn, qk, cn, ck in data["calls"]:
        result = _compare_forms()(analyze(qn, qk), analyze(cn, ck))
        lines.append(f"{qn!r}\t{cn!r}\t{qk}/{ck}\t{result.score!r}\t{result.explanation}")
    for case in _dev_cases():
        result = compare_names(case.schema, case.name1, case.name2)
        lines.append(
            f"N\t{case.name1!r}\t{case.name2!r}\t{result.score!r}\t{result.left!r}\t{result.explanation}"
        )
    if screen:
        matcher = _matcher()
        for row in _screen_rows():
            for m in matcher.match(Query.from_row(row), limit=10):
                lines.append(f"S\t{row['full_name']!r}\t{m.entity_id}\t{m.score!r}\t{m.explanation}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"kernel={getattr(matching, 'KERNEL', 'python')} wrote {len(lines)} lines to {out}")


def timing(repeat: int) -> None:
    data = pickle.loads(PAIRS.read_bytes())
    calls = data["calls"]
    pairs = [(analyze(qn, qk), analyze(cn, ck)) for qn, qk, cn, ck in calls]
    compare = _compare_forms()
    for label, part in (("dev", pairs[: data["dev"]]), ("screening", pairs[data["dev"] :]), ("all", pairs)):
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()  # CPU time: the machine may be shared
            for q, c in part:
                compare(q, c)
            best = min(best, time.process_time() - started)
        print(
            f"kernel={getattr(matching, 'KERNEL', 'python')} {label:9s} {len(part):7d} calls "
            f"{best * 1e6 / len(part):6.2f} µs/call (CPU time, best of {repeat})"
        )


def screening(repeat: int) -> None:
    """CPU ms per screened query (Matcher.match, limit 10) over the recorded rows, best of ``repeat``."""
    rows = _screen_rows()
    matcher = _matcher()
    queries = [Query.from_row(row) for row in rows]
    for query in queries:  # analyse the queries once: the timed passes are warm, as in a long run
        matcher.match(query, limit=10)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for query in queries:
            matcher.match(query, limit=10)
        best = min(best, time.process_time() - started)
    kernel = getattr(matching, "KERNEL", "python")
    per_query = best * 1e3 / len(queries)
    print(f"kernel={kernel} screening {len(queries)} queries {per_query:.3f} ms/query (CPU time)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["collect", "dump", "time", "screen"])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--screen", action="store_true", help="dump: also the screening matches")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.what == "collect":
        collect()
    elif args.what == "dump":
        dump(args.out, args.screen)
    elif args.what == "screen":
        screening(args.repeat)
    else:
        timing(args.repeat)


if __name__ == "__main__":
    main()
