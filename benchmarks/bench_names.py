"""Benchmark: name-pair precision, recall, F1 and µs/pair, ours vs logic-v2, in one run.

Run: ``python benchmarks/bench_names.py`` (about 1-2 minutes; ``--small`` for a quick look).
Sets: (a) OpenSanctions name_bench_cases (dev), by case_group; (b) cross-script and
transliteration pairs, sampled with a fixed seed; (c) our Iran/Russia supply-chain dev pairs;
(d) held-out Iran/Russia pairs written by a team member who never saw the matcher (not tuned on);
(e) Iran/Russia pairs mined from the EU annexes by benchmarks/mine_list_pairs.py (dev);
(f) a second held-out set, from the UN, OFAC, UK and US screening lists (never tuned on).
Ours at chokepoint.matching.DEFAULT_THRESHOLD, logic-v2 at 0.7 (yente's default).
µs/pair: "ours" is cold (each pair's names analysed as it is scored, as ``chokepoint bench names``
does); "bulk" is scoring alone, both names analysed beforehand as screening does (the best of
three passes of :func:`compare_forms`, compiled or pure-Python kernel as printed).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

import pairsets
import peer_logic_v2 as peer
from chokepoint.matching import (
    DEFAULT_THRESHOLD,
    KERNEL,
    PairCase,
    PairMetrics,
    analyze,
    compare_forms,
    evaluate_pairs,
    kind_of,
)

HEADER = (
    f"{'dataset':34s} {'pairs':>5} {'pos':>5} | {'ours P':>6} {'R':>5} {'F1':>5} {'FP':>4} "
    f"| {'lv2 P':>6} {'R':>5} {'F1':>5} {'FP':>4} "
    f"| {'ours µs/pair':>12} {'bulk µs/pair':>12} {'lv2 µs/pair':>11}"
)


def bulk_seconds(cases: Sequence[PairCase], passes: int = 3) -> float:
    """Seconds to score every pair with both names analysed beforehand (best of ``passes``)."""
    forms = [(analyze(c.name1, kind_of(c.schema)), analyze(c.name2, kind_of(c.schema))) for c in cases]
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for left, right in forms:
            compare_forms(left, right)
        best = min(best, time.perf_counter() - started)
    return best


class Run:
    """Both matchers' scores of one set of pairs, with the time each took."""

    def __init__(self, cases: Sequence[PairCase]) -> None:
        self.cases = list(cases)
        report = evaluate_pairs(self.cases, DEFAULT_THRESHOLD)
        self.ours, self.ours_seconds = report.scores, report.seconds
        self.bulk_seconds = bulk_seconds(self.cases)
        started = time.perf_counter()
        self.peer = peer.score_pairs([(c.schema, c.name1, c.name2) for c in self.cases])
        self.peer_seconds = time.perf_counter() - started

    def subset(self, group: str) -> Run:
        picked = [i for i, c in enumerate(self.cases) if c.group == group]
        part = object.__new__(Run)
        part.cases = [self.cases[i] for i in picked]
        part.ours, part.peer = [self.ours[i] for i in picked], [self.peer[i] for i in picked]
        share = len(picked) / len(self.cases)
        part.ours_seconds, part.peer_seconds = self.ours_seconds * share, self.peer_seconds * share
        part.bulk_seconds = self.bulk_seconds * share
        return part

    def metrics(self) -> tuple[PairMetrics, PairMetrics]:
        labels = [c.is_match for c in self.cases]
        return (
            PairMetrics.count(labels, [s >= DEFAULT_THRESHOLD for s in self.ours]),
            PairMetrics.count(labels, [s >= peer.THRESHOLD for s in self.peer]),
        )

    def row(self, label: str, timed: bool = True) -> str:
        """P/R/F1 and false positives (FP) of both matchers, and their µs per pair."""
        ours, theirs = self.metrics()
        n = len(self.cases)
        speed = (
            f"{self.ours_seconds * 1e6 / n:12.1f} {self.bulk_seconds * 1e6 / n:12.1f} "
            f"{self.peer_seconds * 1e6 / n:11.1f}"
            if timed
            else ""
        )
        figures = " | ".join(
            f"{m.precision:6.3f} {m.recall:5.3f} {m.f1:5.3f} {m.fp:4d}" for m in (ours, theirs)
        )
        return f"{label:34s} {n:5d} {ours.tp + ours.fn:5d} | {figures} | {speed}"


def merge(runs: Sequence[Run]) -> Run:
    whole = object.__new__(Run)
    whole.cases = [c for r in runs for c in r.cases]
    whole.ours = [s for r in runs for s in r.ours]
    whole.peer = [s for r in runs for s in r.peer]
    whole.ours_seconds = sum(r.ours_seconds for r in runs)
    whole.peer_seconds = sum(r.peer_seconds for r in runs)
    whole.bulk_seconds = sum(r.bulk_seconds for r in runs)
    return whole


def warm_up() -> None:
    """Load both matchers' tables before timing (logic-v2 takes seconds on its first call).

    Uses 400 JRC pairs drawn with another seed (Latin, Cyrillic, Arabic, Persian, ... names).
    """
    cases = pairsets.jrc(400, random.Random(1))
    evaluate_pairs(cases)
    peer.score_pairs([(c.schema, c.name1, c.name2) for c in cases])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="samples of 200 instead of 3,000 per token set")
    args = parser.parse_args()
    peer.require()
    rng = random.Random(pairsets.SEED)
    size = 200 if args.small else 3000
    print(
        f"ours: chokepoint.matching threshold {DEFAULT_THRESHOLD}, {KERNEL} kernel; "
        f"peer: {peer.peer_version()} threshold {peer.THRESHOLD}; seed {pairsets.SEED}; "
        f"token sets: {size} positives + {size} negatives each"
    )
    warm_up()
    bench = Run(pairsets.name_bench())
    cross = {
        "watchman cross_script (pos only)": Run(pairsets.watchman()),
        "wikidata arabic tokens": Run(
            pairsets.token_pairs("netransliteration_wikidata/wd_arabic.tsv", "wd_ar", size, rng)
        ),
        "wikidata russian tokens": Run(
            pairsets.token_pairs("netransliteration_wikidata/wd_russian.tsv", "wd_ru", size, rng)
        ),
        "google ar2en tokens": Run(
            pairsets.token_pairs("google_transliteration/ar2en.tsv", "ar2en", size, rng)
        ),
        "jrc names sample": Run(pairsets.jrc(2 * size, rng)),
    }
    iran = Run(pairsets.iran_russia())
    mined = Run(pairsets.iran_russia_lists())
    heldout = Run(pairsets.iran_russia_heldout())
    heldout2 = Run(pairsets.iran_russia_heldout2())
    print(HEADER)
    print("-" * len(HEADER))
    print(bench.row("(a) name_bench_cases: all"))
    for group in sorted({c.group for c in bench.cases}):
        print(bench.subset(group).row(f"    {group}", timed=False))
    print(merge(list(cross.values())).row("(b) cross-script: all"))
    for label, run in cross.items():
        print(run.row(f"    {label}"))
    print(iran.row("(c) iran_russia_pairs: all"))
    for group in sorted({c.group for c in iran.cases}):
        print(iran.subset(group).row(f"    {group}", timed=False))
    print(mined.row("(e) iran_russia list-mined (dev)"))
    for group in sorted({c.group for c in mined.cases}):
        print(mined.subset(group).row(f"    {group}", timed=False))
    print(merge([bench, *cross.values(), iran, mined]).row("all dev sets"))
    for label, held in (("(d) iran_russia held-out", heldout), ("(f) iran_russia held-out 2", heldout2)):
        print(held.row(f"{label}: all"))
        for group in sorted({c.group for c in held.cases}):
            print(held.subset(group).row(f"    {group}", timed=False))
    wm = cross["watchman cross_script (pos only)"]
    minimum = [float((c.row or {})["min_score"]) for c in wm.cases]
    ours_ok = sum(s >= m for s, m in zip(wm.ours, minimum, strict=True))
    peer_ok = sum(s >= m for s, m in zip(wm.peer, minimum, strict=True))
    print(f"watchman pairs scoring >= their min score: ours {ours_ok}/{len(minimum)}, logic-v2 {peer_ok}")


if __name__ == "__main__":
    main()
