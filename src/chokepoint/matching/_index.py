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
    """One query's reach: per index key it used, the names it lists, its value and its token."""

    __slots__ = ("hits", "tokens", "values", "weights")

    def __init__(self) -> None:
        self.hits: list[np.ndarray] = []
        self.values: list[float] = []  # IDF × key factor
        self.tokens: list[int] = []  # which query token used the key
        self.weights: list[float] = []  # that token's weight

    def scores(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        """The names reached and their scores: per query token the best value among its keys
        that reach the name, times the token's weight, summed over tokens."""
        lengths = [len(h) for h in self.hits]
        ids = np.concatenate(self.hits)
        values = np.repeat(np.array(self.values, dtype=np.float32), lengths)
        pair = np.repeat(np.array(self.tokens, dtype=np.int64) * size, lengths) + ids
        order = np.lexsort((-values, pair))  # per (token, name), the best value first
        pair = pair[order]
        first = np.empty(len(pair), dtype=bool)
        first[0] = True
        np.not_equal(pair[1:], pair[:-1], out=first[1:])
        best = order[first]
        contributions = values[best] * np.repeat(np.array(self.weights, dtype=np.float32), lengths)[best]
        names, inverse = np.unique(ids[best], return_inverse=True)
        return names, np.bincount(inverse, weights=contributions)


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
        self.owner = np.fromiter((t for t, _, _ in self.names), dtype=np.int32, count=len(self.names))
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
        tally = _Tally()
        number = 0
        for name in query.names:
            form = analyze(name, query.kind)
            for token, skel, weight in zip(form.tokens, form.skeletons, form.weights, strict=True):
                self._add(tally, self._lookup(token, skel), weight, number)
                number += 1
        return self._select(tally, limit)

    def search(self, text: str, limit: int = 10) -> list[Candidate]:
        """Targets for free text typed so far: whole words as in :meth:`candidates`, and the last
        word also as the beginning of a listed word ("alab" reaches "alabuga")."""
        form = analyze(text, "entity")
        tally = _Tally()
        last = len(form.tokens) - 1
        parts = zip(form.tokens, form.skeletons, form.weights, strict=True)
        for i, (token, skel, weight) in enumerate(parts):
            found = self._lookup(token, skel)
            if i == last and len(token) >= 2 and (words := self._completions(token)):
                exact = [(k, f) for k, f in found if k == "t" + token]
                found = exact + [("t" + word, 0.9) for word in words]
            self._add(tally, found, weight, i)
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

    def _add(self, tally: _Tally, found: list[tuple[str, float]], weight: float, number: int) -> None:
        """Note query token ``number``'s keys (the rarer ones when it has any)."""
        rare = [kf for kf in found if len(self.postings[kf[0]]) <= COMMON] or found[:1]
        for key, factor in rare:
            tally.hits.append(self.postings[key])
            tally.values.append(self.idf[key] * factor)
            tally.tokens.append(number)
            tally.weights.append(weight)

    def _select(self, tally: _Tally, limit: int) -> list[Candidate]:
        """The best-ranked names' targets, best first (name ids break ties): the first ``limit``
        targets to appear, and those tied with the last of them (up to 3 × ``limit``)."""
        if not tally.hits:
            return []
        reached, ranked = tally.scores(len(self.names))
        top = min(len(reached), limit * 20)
        if top < len(reached):
            keep = np.argpartition(-ranked, top - 1)[:top]
            reached, ranked = reached[keep], ranked[keep]
        order = np.lexsort((reached, -ranked))
        reached, ranked = reached[order], ranked[order]
        positive = ranked > 0
        reached, ranked = reached[positive], ranked[positive]
        owners = self.owner[reached].tolist()
        chosen: dict[int, list[tuple[NameForm, bool]]] = {}
        last = 0.0  # the score of the limit-th target: ties with it are kept (up to 3 × limit)
        for owner, score in zip(owners, ranked.tolist(), strict=True):
            if owner in chosen:
                continue
            if len(chosen) >= limit and (score < last - 1e-6 or len(chosen) >= 3 * limit):
                break
            chosen[owner] = []
            if len(chosen) == limit:
                last = score
        names = self.names
        for name_id, owner in zip(reached.tolist(), owners, strict=True):
            if owner in chosen:
                chosen[owner].append(names[name_id][1:])
        return [Candidate(self.targets[t], tuple(names)) for t, names in chosen.items()]
