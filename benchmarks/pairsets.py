"""Labelled name-pair sets for bench_names.py, read from ../shared/data/matching and benchmarks/data.

Cross-script sets are sampled with a fixed seed. Token sets (Wikidata Arabic/Russian, Google
ar2en) give positives (an English token and its transliteration) and negatives made by pairing
the same token with the transliteration of another token of similar length (±1 character;
wider only where no other token has such a length).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from chokepoint.matching import PairCase, read_pair_cases

__all__ = [
    "MATCHING",
    "SEED",
    "iran_russia",
    "iran_russia_heldout",
    "iran_russia_heldout2",
    "iran_russia_lists",
    "jrc",
    "name_bench",
    "token_pairs",
    "watchman",
]

MATCHING = Path(__file__).resolve().parents[2] / "shared" / "data" / "matching"
HERE = Path(__file__).resolve().parent
SEED = 20260227


def name_bench() -> list[PairCase]:
    """OpenSanctions' labelled name pairs (dev split), with their case_group."""
    return read_pair_cases(MATCHING / "opensanctions_nomenklatura" / "name_bench_cases.csv")


def iran_russia() -> list[PairCase]:
    """Our Iran/Russia supply-chain dev pairs (benchmarks/data/iran_russia_pairs.csv)."""
    return read_pair_cases(HERE / "data" / "iran_russia_pairs.csv")


def iran_russia_lists() -> list[PairCase]:
    """Iran/Russia pairs mined from the EU annexes (benchmarks/data/iran_russia_lists.md): dev."""
    return read_pair_cases(HERE / "data" / "iran_russia_lists.csv")


def iran_russia_heldout() -> list[PairCase]:
    """The held-out Iran/Russia pairs (benchmarks/data/iran_russia_heldout.md): never tune on them."""
    return read_pair_cases(HERE / "data" / "iran_russia_heldout.csv")


def iran_russia_heldout2() -> list[PairCase]:
    """The second held-out set (benchmarks/data/iran_russia_heldout2.md): never tune on it."""
    return read_pair_cases(HERE / "data" / "iran_russia_heldout2.csv")


def watchman() -> list[PairCase]:
    """moov-io/watchman cross-script pairs: all positives (min scores ignored here)."""
    path = MATCHING / "moov_watchman" / "cross_script_pairs.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return [
        PairCase("Person", query, expected, True, "watchman_cross_script", n, {"min_score": minimum})
        for n, (query, expected, minimum, _why) in enumerate(csv.reader(lines), 1)
    ]


def _read_tokens(name: str) -> list[tuple[str, str]]:
    """(latin, other script) token pairs from one of the token files."""
    pairs: list[tuple[str, str]] = []
    for line in (MATCHING / name).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if name.endswith("ar2en.tsv"):
            pairs.append((cells[1], cells[0]))
        else:  # wikidata: english, target characters separated by spaces, count
            pairs.append((cells[0], cells[1].replace(" ", "")))
    return pairs


def token_pairs(name: str, group: str, positives: int, rng: random.Random) -> list[PairCase]:
    """``positives`` sampled token pairs plus as many length-matched random negatives."""
    pairs = _read_tokens(name)
    by_length: dict[int, list[int]] = {}
    for index, (_latin, other) in enumerate(pairs):
        by_length.setdefault(len(other), []).append(index)
    pools: dict[tuple[int, int], list[int]] = {}
    cases: list[PairCase] = []
    for index in rng.sample(range(len(pairs)), positives):
        latin, other = pairs[index]
        cases.append(PairCase("Person", latin, other, True, group))
        cases.append(
            PairCase("Person", latin, _other_token(pairs, by_length, pools, index, rng), False, group)
        )
    return cases


def _other_token(
    pairs: list[tuple[str, str]],
    by_length: dict[int, list[int]],
    pools: dict[tuple[int, int], list[int]],
    index: int,
    rng: random.Random,
) -> str:
    """The transliteration of another token of about the same length (±1, wider if none)."""
    latin, other = pairs[index]
    for spread in range(1, 40):
        key = (len(other), spread)
        if key not in pools:
            pools[key] = [
                i for n in range(key[0] - spread, key[0] + spread + 1) for i in by_length.get(n, [])
            ]
        pool = pools[key]
        for _ in range(50):  # rejection sampling: almost always done at the first draw
            wrong_latin, wrong = pairs[rng.choice(pool)] if pool else (latin, other)
            if wrong != other and wrong_latin != latin:
                return wrong
    raise ValueError(f"no other token near the length of {other!r}")


def jrc(sample: int, rng: random.Random) -> list[PairCase]:
    """A sample of the JRC-Names pairs (labelled TRUE/FALSE, multi-script)."""
    rows = [
        line.split("\t")
        for line in (MATCHING / "jrc_names_deezymatch" / "name_pairs.tsv").open(encoding="utf-8")
    ]
    return [
        PairCase("Person", a.strip(), b.strip(), label.strip() == "TRUE", "jrc_names")
        for a, b, label in rng.sample(rows, sample)
    ]
