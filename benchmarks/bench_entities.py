"""Benchmark: entity-level checks and OFAC's search ranking, ours vs logic-v2, in one run.

Run: ``python benchmarks/bench_entities.py`` (seconds; ``--errors`` lists every wrong outcome).
(a) OpenSanctions entity_bench checks (dev split): both sides as FtM entities with all their
properties; P/R/F1, false positives and µs per check by schema, ours at DEFAULT_THRESHOLD, logic-v2
at 0.7. (b) OFAC search fixtures: per query, how each matcher orders OFAC's results against OFAC's
own scores (Spearman ρ, share of result pairs ordered alike, top-1 agreement).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import entitychecks as ec
import peer_logic_v2 as peer
from chokepoint.matching import DEFAULT_THRESHOLD, PairMetrics

HEADER = (
    f"{'schema':13s} {'pairs':>5} {'pos':>4} | {'ours P':>6} {'R':>5} {'F1':>5} {'FP':>3} {'FN':>3} "
    f"| {'lv2 P':>6} {'R':>5} {'F1':>5} {'FP':>3} {'FN':>3} | {'ours µs':>8} {'lv2 µs':>8}"
)

OFAC_HEADER = (
    f"{'query':26s} {'n':>2} | {'ours ρ':>6} {'pairs':>5} {'top1':>4} | {'lv2 ρ':>6} {'pairs':>5} {'top1':>4}"
)

#: Names in the scripts of the checks, none of them from the checks: both matchers load their tables
#: (transliteration, name symbols, legal forms) on first use, which is not what a check costs.
WARM_UP = [
    ec.Check(0, schema, True, {"name": [left]}, {"name": [right]})
    for schema, left, right in (
        ("Person", "Warm Up", "Warm Upp"),
        ("Person", "Иван Петров", "Ivan Petrov"),
        ("Person", "毛泽东", "Mao Zedong"),
        ("Person", "محمد علی", "Mohammad Ali"),
        ("Person", "ហ៊ុន សែន", "Hun Sen"),
        ("Company", "AcmeGmbH", "ACME Gesellschaft mit beschränkter Haftung"),
        ("Company", "ООО Ромашка", "OOO Romashka"),
        ("Vessel", "Ocean Star 7", "MV Ocean Star"),
    )
]


@dataclass(frozen=True, slots=True)
class Outcome:
    check: ec.Check
    ours: float
    ours_us: float
    explanation: str
    peer: float
    peer_us: float
    peer_explanation: str


def run_checks(checks: Sequence[ec.Check]) -> list[Outcome]:
    """Score every check with both matchers, timing each comparison on its own (entities built before)."""
    config = peer.LogicV2.default_config()
    outcomes = []
    for check in checks:
        query, candidate = (
            ec.make_entity(check.schema, check.query),
            ec.make_entity(check.schema, check.candidate),
        )
        started = time.perf_counter()
        scored = ec.ours(query, candidate)
        ours_us = (time.perf_counter() - started) * 1e6
        started = time.perf_counter()
        result = peer.LogicV2.compare(query, candidate, config)
        peer_us = (time.perf_counter() - started) * 1e6
        shown = "; ".join(f"{k} {v.score:.2f}: {v.detail}" for k, v in result.explanations.items() if v.score)
        ours, why = (scored.score, scored.explanation) if scored else (0.0, "kinds cannot be the same party")
        outcomes.append(Outcome(check, ours, ours_us, why, float(result.score), peer_us, shown))
    return outcomes


def row(label: str, outcomes: Sequence[Outcome]) -> str:
    labels = [o.check.match for o in outcomes]
    ours = PairMetrics.count(labels, [o.ours >= DEFAULT_THRESHOLD for o in outcomes])
    theirs = PairMetrics.count(labels, [o.peer >= peer.THRESHOLD for o in outcomes])
    figures = " | ".join(
        f"{m.precision:6.3f} {m.recall:5.3f} {m.f1:5.3f} {m.fp:3d} {m.fn:3d}" for m in (ours, theirs)
    )
    n = len(outcomes)
    speed = f"{sum(o.ours_us for o in outcomes) / n:8.1f} {sum(o.peer_us for o in outcomes) / n:8.1f}"
    return f"{label:13s} {n:5d} {sum(labels):4d} | {figures} | {speed}"


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in range(start, end + 1):
            out[order[position]] = (start + end) / 2 + 1
        start = end + 1
    return out


def spearman(reference: Sequence[float], scores: Sequence[float]) -> float | None:
    """Spearman's ρ (Pearson over average ranks): None when OFAC's scores are all equal, 0 when the
    matcher's are (it orders nothing)."""
    a, b = ranks(reference), ranks(scores)
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    spread_a, spread_b = sum((x - mean_a) ** 2 for x in a), sum((y - mean_b) ** 2 for y in b)
    if not spread_a:
        return None
    if not spread_b:
        return 0.0
    return sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b, strict=True)) / math.sqrt(
        spread_a * spread_b
    )


def pair_counts(reference: Sequence[float], scores: Sequence[float]) -> tuple[int, int, int]:
    """(same order, tied by the matcher, opposite order) over result pairs OFAC scores differently."""
    same = tied = opposite = 0
    for i in range(len(reference)):
        for j in range(i + 1, len(reference)):
            if reference[i] == reference[j]:
                continue
            ours = scores[i] - scores[j]
            if abs(ours) < 1e-9:
                tied += 1
            elif (ours > 0) == (reference[i] > reference[j]):
                same += 1
            else:
                opposite += 1
    return same, tied, opposite


def top_agrees(reference: Sequence[float], scores: Sequence[float]) -> bool:
    """The matcher's best result (every one tied best) is among OFAC's best."""
    best = max(scores)
    return all(reference[i] == max(reference) for i, s in enumerate(scores) if s == best)


@dataclass(slots=True)
class Agreement:
    """One matcher's agreement with OFAC's ordering, summed over queries."""

    same: int = 0
    tied: int = 0
    opposite: int = 0
    tops: int = 0
    rhos: list[float] = field(default_factory=list)

    def add(self, reference: Sequence[float], scores: Sequence[float]) -> str:
        """Count one query's results; its table cell."""
        rho = spearman(reference, scores)
        same, tied, opposite = pair_counts(reference, scores)
        top = top_agrees(reference, scores)
        self.same, self.tied, self.opposite = self.same + same, self.tied + tied, self.opposite + opposite
        self.tops += top
        if rho is not None:
            self.rhos.append(rho)
        share = f"{(same + tied / 2) / (same + tied + opposite):5.2f}" if same + tied + opposite else "  n/a"
        return f"{'n/a' if rho is None else f'{rho:.2f}':>6} {share} {'yes' if top else 'no':>4}"

    def summary(self, queries: int) -> str:
        comparable = self.same + self.tied + self.opposite
        return (
            f"result pairs ordered as OFAC {(self.same + self.tied / 2) / comparable:.3f} ({self.same} same, "
            f"{self.tied} tied, {self.opposite} opposite of {comparable}); mean ρ "
            f"{sum(self.rhos) / len(self.rhos):.3f} over {len(self.rhos)} queries; "
            f"top-1 agrees {self.tops}/{queries}"
        )


def run_ofac() -> None:
    queries = ec.read_ofac()
    config = peer.LogicV2.default_config()
    print(
        f"\n(b) OFAC search fixtures: {len(queries)} queries, {sum(map(len, queries.values()))} results, "
        "names compared as LegalEntity (OFAC's search is type-blind); results OFAC scores -1 (not returned) "
        "are left out of the ranking; pairs = share of result pairs ordered as OFAC (a tie counts half)"
    )
    print(OFAC_HEADER)
    ours_total, peer_total = Agreement(), Agreement()
    missed, ranked = [], 0
    for text, results in queries.items():
        query = ec.make_entity("LegalEntity", {"name": [text]})
        reference, ours, theirs = [], [], []
        for name, ofac in results:
            result = ec.make_entity("LegalEntity", {"name": [name]})
            scored = ec.ours(query, result)
            pair = (scored.score if scored else 0.0, float(peer.LogicV2.compare(query, result, config).score))
            if ofac < 0:
                missed.append((text, name, *pair))
            else:
                reference.append(ofac)
                ours.append(pair[0])
                theirs.append(pair[1])
        if reference:
            ranked += 1
            cells = f"{ours_total.add(reference, ours)} | {peer_total.add(reference, theirs)}"
            print(f"{text[:26]:26s} {len(reference):2d} | {cells}")
    print(f"ours:     {ours_total.summary(ranked)}")
    print(f"logic-v2: {peer_total.summary(ranked)}")
    for text, name, ours_score, peer_score in missed:
        print(f"not returned by OFAC: {text!r} ~ {name!r}: ours {ours_score:.2f}, logic-v2 {peer_score:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list every check either matcher gets wrong")
    args = parser.parse_args()
    peer.require()
    checks = ec.read_checks()
    print(
        f"ours: chokepoint.matching threshold {DEFAULT_THRESHOLD}; peer: {peer.peer_version()} threshold "
        f"{peer.THRESHOLD}"
    )
    run_checks(WARM_UP)
    outcomes = run_checks(checks)
    print(
        f"\n(a) entity checks: {ec.CHECKS.name}, {len(checks)} checks; "
        "µs per check (FtM entities built beforehand)"
    )
    print(HEADER)
    print("-" * len(HEADER))
    for schema in sorted({c.schema for c in checks}):
        print(row(schema, [o for o in outcomes if o.check.schema == schema]))
    print(row("all", outcomes))
    if args.errors:
        for label, wrong in (
            ("ours", [o for o in outcomes if (o.ours >= DEFAULT_THRESHOLD) != o.check.match]),
            ("logic-v2", [o for o in outcomes if (o.peer >= peer.THRESHOLD) != o.check.match]),
        ):
            print(f"\n{label} wrong on {len(wrong)} checks:")
            for o in wrong:
                kind = "FP" if o.check.match is False else "FN"
                score, why = (o.ours, o.explanation) if label == "ours" else (o.peer, o.peer_explanation)
                print(f"  {kind} {score:.2f} {o.check.caption()}: {why}")
    run_ofac()


if __name__ == "__main__":
    main()
