"""Candidate retrieval: an in-memory inverted index over listed names.

Keys per name token: the token, its romanisation skeleton, and (for tokens of four or
more letters) its single-letter deletions, so one typo, a different romanisation or a
reordered name still finds the entry. Candidates are ranked by the summed inverse
document frequency of the query tokens they share, and only the best few are scored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from chokepoint.matching._analysis import NameForm, analyze
from chokepoint.matching._query import Query, Target

__all__ = ["NameIndex"]

MIN_DELETE_LEN = 4


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def _keys(form: NameForm) -> Iterable[tuple[int, str]]:
    """(token position, key) pairs for one analysed name."""
    for pos, (token, skel) in enumerate(zip(form.tokens, form.skeletons, strict=True)):
        yield pos, "t" + token
        if len(skel) >= 2:
            yield pos, "k" + skel
        if len(token) >= MIN_DELETE_LEN and not token.isdigit():
            for variant in _deletions(token):
                yield pos, "d" + variant


class NameIndex:
    """Token, skeleton and typo keys → target positions; ranks candidates by IDF overlap."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        postings: dict[str, set[int]] = defaultdict(set)
        for target in targets:
            for name in (*target.names, *target.weak_names):
                for _, key in _keys(analyze(name, target.kind)):
                    postings[key].add(target.index)
        self.postings = {k: tuple(v) for k, v in postings.items()}
        total = max(1, len(targets))
        self.idf = {k: math.log(1 + total / len(v)) for k, v in self.postings.items()}

    def __len__(self) -> int:
        return len(self.targets)

    def _lookup(self, token: str, skel: str) -> list[str]:
        keys = ["t" + token, "d" + token]
        if len(skel) >= 2:
            keys.append("k" + skel)
        if len(token) >= MIN_DELETE_LEN and not token.isdigit():
            keys += ["t" + v for v in _deletions(token)] + ["d" + v for v in _deletions(token)]
        return [k for k in keys if k in self.postings]

    def candidates(self, query: Query, limit: int = 20) -> list[Target]:
        """The ``limit`` targets sharing the most (rare) name tokens with the query."""
        kind = query.kind
        scores: dict[int, float] = defaultdict(float)
        for name in query.names:
            form = analyze(name, kind)
            for token, skel, weight in zip(form.tokens, form.skeletons, form.weights, strict=True):
                best: dict[int, float] = {}
                for key in self._lookup(token, skel):
                    idf = self.idf[key] * (1.0 if key[0] == "t" and key[1:] == token else 0.8)
                    for idx in self.postings[key]:
                        if best.get(idx, 0.0) < idf:
                            best[idx] = idf
                for idx, value in best.items():
                    scores[idx] += value * weight
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:limit]
        return [self.targets[i] for i, _ in ranked]
