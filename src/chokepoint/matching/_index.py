"""Candidate retrieval: an in-memory inverted index over every listed name.

Keys per name token: the token, its romanisation skeleton, and (for tokens of four or
more letters) its single-letter deletions, so one typo, a different romanisation or a
reordered name still finds the entry. Names are ranked by the summed inverse document
frequency of the query tokens they share; only the best names are then scored in full,
which is what keeps a query near a millisecond.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from chokepoint.matching._analysis import NameForm, analyze
from chokepoint.matching._query import Query, Target

__all__ = ["Candidate", "NameIndex"]

MIN_DELETE_LEN = 4
COMMON = 2000  # keys on more names than this (e.g. "mohammad") only count with rarer ones


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def _keys(form: NameForm) -> Iterable[str]:
    for token, skel in zip(form.tokens, form.skeletons, strict=True):
        yield "t" + token
        if len(skel) >= 2:
            yield "k" + skel
        if len(token) >= MIN_DELETE_LEN and not token.isdigit():
            for variant in _deletions(token):
                yield "d" + variant


class _Tally:
    """One query's retrieval scores per listed name, and the names its tokens reached."""

    __slots__ = ("best", "scores", "touched")

    def __init__(self, size: int) -> None:
        self.scores = np.zeros(size, dtype=np.float32)
        self.best = np.zeros(size, dtype=np.float32)  # per token, reset after each
        self.touched: list[np.ndarray] = []


@dataclass(frozen=True, slots=True)
class Candidate:
    """A target with those of its names that the query reached."""

    target: Target
    names: tuple[tuple[NameForm, bool], ...]
    """(analysed name, is a weak alias) pairs."""


class NameIndex:
    """Token, skeleton and typo keys → listed names; ranks names by IDF overlap."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.names: list[tuple[int, NameForm, bool]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        for target in targets:
            for weak, names in ((False, target.names), (True, target.weak_names)):
                for name in names:
                    form = analyze(name, target.kind)
                    if form.empty:
                        continue
                    name_id = len(self.names)
                    self.names.append((target.index, form, weak))
                    for key in _keys(form):
                        postings[key].add(name_id)
        self.postings = {k: np.fromiter(v, dtype=np.int32, count=len(v)) for k, v in postings.items()}
        total = max(1, len(self.names))
        self.idf = {k: math.log(1 + total / len(v)) for k, v in self.postings.items()}
        self._words: list[str] | None = None

    def __len__(self) -> int:
        return len(self.targets)

    def _lookup(self, token: str, skel: str) -> list[tuple[str, float]]:
        keys = [("t" + token, 1.0), ("d" + token, 0.8)]
        if len(skel) >= 2:
            keys.append(("k" + skel, 0.9))
        if len(token) >= MIN_DELETE_LEN and not token.isdigit():
            for variant in _deletions(token):
                keys += [("t" + variant, 0.8), ("d" + variant, 0.8)]
        return [(k, f) for k, f in keys if k in self.postings]

    def candidates(self, query: Query, limit: int = 10) -> list[Candidate]:
        """Up to ``limit`` targets whose names share the most (rare) tokens with the query."""
        tally = _Tally(len(self.names))
        for name in query.names:
            form = analyze(name, query.kind)
            for token, skel, weight in zip(form.tokens, form.skeletons, form.weights, strict=True):
                self._add(tally, self._lookup(token, skel), weight)
        return self._select(tally, limit)

    def search(self, text: str, limit: int = 10) -> list[Candidate]:
        """Targets for free text typed so far: whole words as in :meth:`candidates`, and the last
        word also as the beginning of a listed word ("alab" reaches "alabuga")."""
        form = analyze(text, "entity")
        tally = _Tally(len(self.names))
        last = len(form.tokens) - 1
        parts = zip(form.tokens, form.skeletons, form.weights, strict=True)
        for i, (token, skel, weight) in enumerate(parts):
            found = self._lookup(token, skel)
            if i == last and len(token) >= 2 and (words := self._completions(token)):
                exact = [(k, f) for k, f in found if k == "t" + token]
                found = exact + [("t" + word, 0.9) for word in words]
            self._add(tally, found, weight)
        return self._select(tally, limit)

    def _completions(self, prefix: str, most: int = 50) -> list[str]:
        if self._words is None:
            self._words = sorted(k[1:] for k in self.postings if k.startswith("t"))
        start = bisect.bisect_left(self._words, prefix)
        found: list[str] = []
        for word in self._words[start : start + most]:
            if not word.startswith(prefix):
                break
            if word != prefix:
                found.append(word)
        return found

    def _add(self, tally: _Tally, found: list[tuple[str, float]], weight: float) -> None:
        """Add one query token: each name it reaches gets the best IDF among the token's keys."""
        rare = [kf for kf in found if len(self.postings[kf[0]]) <= COMMON] or found[:1]
        if not rare:
            return
        best = tally.best
        hits_all = []
        for key, factor in rare:
            hits = self.postings[key]  # unique name ids: plain fancy indexing is safe
            best[hits] = np.maximum(best[hits], self.idf[key] * factor)
            hits_all.append(hits)
        hits = np.unique(np.concatenate(hits_all)) if len(hits_all) > 1 else hits_all[0]
        tally.scores[hits] += best[hits] * weight
        best[hits] = 0.0
        tally.touched.append(hits)

    def _select(self, tally: _Tally, limit: int) -> list[Candidate]:
        """The best-ranked names' targets, best first (name ids break ties)."""
        if not tally.touched:
            return []
        reached = np.unique(np.concatenate(tally.touched))
        ranked = tally.scores[reached]
        top = min(len(reached), limit * 20)
        if top < len(reached):
            keep = np.argpartition(-ranked, top - 1)[:top]
            reached, ranked = reached[keep], ranked[keep]
        order = np.lexsort((reached, -ranked))
        chosen: dict[int, list[tuple[NameForm, bool]]] = {}
        last = 0.0  # the score of the limit-th target: ties with it are kept (up to 3 × limit)
        names = self.names
        for name_id, score in zip(reached[order].tolist(), ranked[order].tolist(), strict=True):
            if score <= 0:
                break
            target, form, weak = names[name_id]
            if target not in chosen:
                full = len(chosen) >= limit
                if full and (score < last - 1e-6 or len(chosen) >= 3 * limit):
                    continue
                chosen[target] = []
                if len(chosen) == limit:
                    last = score
            chosen[target].append((form, weak))
        return [Candidate(self.targets[t], tuple(names)) for t, names in chosen.items()]
