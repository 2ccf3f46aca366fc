"""Benchmark: party screening against the UN list + OFAC SDN 2021-07-07, ours vs logic-v2, one run.

Run: ``python benchmarks/bench_screening.py`` (about 3-4 minutes; ``--negatives``/``--peer-*`` resize).
Positives: opensanctions_yente_screening/positives_un_treated.csv (typos, reordering, noise); the
row-aligned positives_un_untreated.csv names the listed person, keyed to the UN entity having that
exact normalised name or alias. A positive is found when that entity is a match (score ≥ threshold).
Negatives: seeded samples of negatives_global.csv and negatives_us.csv; a false alert is any match.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

import peer_logic_v2 as peer
from chokepoint.lists import read_lists
from chokepoint.matching import DEFAULT_THRESHOLD, KERNEL, Matcher, Query
from chokepoint.model import Entity, is_target

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SCREENING = DATA / "matching" / "opensanctions_yente_screening"
UN = DATA / "sanctions" / "un_sc" / "2026-02-27" / "consolidated.xml"
OFAC = [DATA / "sanctions" / "us_ofac_sdn" / "2021-07-07" / f for f in ("sdn.csv", "add.csv", "alt.csv")]
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
SEED = 20260227

Screen = Callable[[dict[str, str]], set[str]]  # a query row -> ids of the entities it matches


def norm(name: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", name).casefold()))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def keyed_positives(un_entities: Iterable[Entity]) -> tuple[list[tuple[dict[str, str], set[str]]], int]:
    """(treated row, acceptable UN entity ids) for every row whose untreated name is on the UN list."""
    by_name: dict[str, set[str]] = {}
    for entity in un_entities:
        for prop in NAME_PROPS:
            for value in entity.get(prop, quiet=True):
                by_name.setdefault(norm(value), set()).add(entity.id)
    treated = read_rows(SCREENING / "positives_un_treated.csv")
    untreated = read_rows(SCREENING / "positives_un_untreated.csv")
    assert len(treated) == len(untreated), "the positives files are not row-aligned"
    keyed = [(t, by_name.get(norm(u["full_name"]), set())) for t, u in zip(treated, untreated, strict=True)]
    keyed = [(t, ids) for t, ids in keyed if ids]
    return keyed, len(treated)


class Tally:
    """Recall on keyed positives, false alerts per negatives file, and time per query."""

    def __init__(self, label: str, screen: Screen) -> None:
        self.label, self.screen = label, screen
        self.seconds, self.queries, self.parts = 0.0, 0, []

    def _timed(self, rows: Iterable[dict[str, str]]) -> list[set[str]]:
        started = time.perf_counter()
        results = [self.screen(row) for row in rows]
        self.seconds += time.perf_counter() - started
        self.queries += len(results)
        return results

    def positives(self, keyed: list[tuple[dict[str, str], set[str]]]) -> None:
        hits = self._timed(row for row, _ in keyed)
        found = sum(bool(hit & ids) for hit, (_, ids) in zip(hits, keyed, strict=True))
        self.parts.append(f"recall={found / len(keyed):.4f} ({found}/{len(keyed)})")

    def negatives(self, name: str, rows: list[dict[str, str]]) -> None:
        alerts = sum(bool(hit) for hit in self._timed(rows))
        self.parts.append(f"false_alerts[{name}]={alerts / len(rows):.3%} ({alerts}/{len(rows)})")

    def line(self) -> str:
        per_query = self.seconds * 1000 / self.queries
        return (
            f"{self.label:9s} "
            + " ".join(self.parts)
            + f" ms_per_query={per_query:.2f} queries={self.queries}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--negatives", type=int, default=5000, help="negatives sampled from each file (ours)")
    parser.add_argument("--peer-negatives", type=int, default=1000, help="negatives per file for logic-v2")
    parser.add_argument("--peer-positives", type=int, default=478, help="keyed positives for logic-v2")
    args = parser.parse_args()
    peer.require()
    rng = random.Random(SEED)

    started = time.perf_counter()
    lists = read_lists([UN]) + read_lists(OFAC)
    targets = [e for data in lists for e in data.entities if is_target(e)]
    un_targets = [e for e in lists[0].entities if is_target(e)]
    read_seconds = time.perf_counter() - started
    positives, total = keyed_positives(un_targets)
    negatives = {
        name: rng.sample(read_rows(SCREENING / name), args.negatives)
        for name in ("negatives_global.csv", "negatives_us.csv")
    }
    print(
        f"lists: UN SC 2026-02-27 + OFAC SDN 2021-07-07: {len(targets)} targets (read {read_seconds:.1f}s); "
        f"positives keyed {len(positives)}/{total} (by exact normalised UN name/alias; "
        f"{sum(len(ids) > 1 for _, ids in positives)} rows with 2 candidate UN entities, either accepted)"
    )
    print(f"seed {SEED}; negatives per file: ours {args.negatives}, logic-v2 {args.peer_negatives}")

    started = time.perf_counter()
    matcher = Matcher.from_entities(e for data in lists for e in data.entities)
    print(
        f"ours: chokepoint.matching Matcher ({KERNEL} kernel), threshold {DEFAULT_THRESHOLD}, built in "
        f"{time.perf_counter() - started:.1f}s"
    )

    def ours(row: dict[str, str]) -> set[str]:
        return {m.entity_id for m in matcher.match(Query.from_row(row), limit=10) if m.match}

    started = time.perf_counter()
    screener = peer.PeerScreener(targets)
    print(
        f"peer: {peer.peer_version()}, threshold {peer.THRESHOLD}, retrieval: {peer.RETRIEVAL}; "
        f"built in {time.perf_counter() - started:.1f}s"
    )

    def theirs(row: dict[str, str]) -> set[str]:
        return {entity_id for entity_id, score in screener.screen(row) if score >= peer.THRESHOLD}

    peer.score_pairs([("Person", "Warm Up", "Warm Upp")])  # logic-v2 loads its tables on first use
    for row in read_rows(SCREENING / "positives_us_congress_untreated.csv")[:200]:
        ours(row)  # ours loads its transliterators and vocabulary on first use (rows not measured)
    # as `chokepoint screen parties` and `serve` do once the lists are loaded: the loaded objects
    # leave the cyclic garbage collector's generations, so its passes stop re-walking them
    gc.collect()
    gc.freeze()
    ours_tally, peer_tally = Tally("ours", ours), Tally("logic-v2", theirs)
    peer_positives = positives[: args.peer_positives]
    # each matcher's rows in one run (ours first): interleaved, each would pay for the other's garbage
    ours_tally.positives(positives)
    for name, rows in negatives.items():
        ours_tally.negatives(name.removeprefix("negatives_").removesuffix(".csv"), rows)
    peer_tally.positives(peer_positives)
    for name, rows in negatives.items():
        peer_tally.negatives(
            name.removeprefix("negatives_").removesuffix(".csv"), rows[: args.peer_negatives]
        )
    retrieved = sum(
        bool({c.id for c in screener.retrieve(screener.query_entity(row))} & ids)
        for row, ids in peer_positives
    )
    print(ours_tally.line())
    print(peer_tally.line())
    print(
        f"logic-v2's retrieval had the right entity among its candidates: {retrieved}/{len(peer_positives)}"
    )


if __name__ == "__main__":
    main()
