"""Re-publication clusters: our own NumPy MinHash (128 hashes over CRC32 word 3-shingles, fixed seed) rather
than datasketch: forty lines, no SciPy, the same signatures on every machine and in every run (so articles
stored by an earlier ingest cluster by their saved signature). Up to ``ALL_PAIRS`` texts every pair is
compared, beyond that only pairs sharing an LSH band. One story = estimated Jaccard >= ``JACCARD`` or the
shorter text mostly contained in the longer (``CONTAINMENT``: an excerpt), joined by union-find.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

__all__ = [
    "ALL_PAIRS",
    "CONTAINMENT",
    "JACCARD",
    "PERMUTATIONS",
    "SHINGLE",
    "cluster_signatures",
    "cluster_texts",
    "shingles",
    "signature",
]

SHINGLE = 3
PERMUTATIONS = 128
BANDS = 64  # 2 rows per band: pairs down to J ~ 0.2 become candidates
JACCARD = 0.3
CONTAINMENT = 0.5
ALL_PAIRS = 500  # up to this many texts every pair is compared; beyond, only LSH candidates
_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.default_rng(20241114)
_A = _rng.integers(1, 2**31, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 2**31, PERMUTATIONS, dtype=np.uint64)


def shingles(words: Sequence[str], size: int = SHINGLE) -> set[int]:
    """CRC32 hashes of the word ``size``-grams (the whole text as one shingle when shorter)."""
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)}


def signature(hashes: set[int]) -> np.ndarray:
    """The MinHash signature (``PERMUTATIONS`` values) of a set of 32-bit hashes."""
    if not hashes:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _candidates(sizes: Sequence[int], sigs: np.ndarray) -> set[tuple[int, int]]:
    if (
        len(sizes) <= ALL_PAIRS
    ):  # small corpora: no pair is left to chance (short excerpts have a low Jaccard)
        return {(a, b) for a in range(len(sizes)) for b in range(a + 1, len(sizes)) if sizes[a] and sizes[b]}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    rows = PERMUTATIONS // BANDS
    for i, sig in enumerate(sigs):
        if sizes[i]:
            for band in range(BANDS):
                buckets[(band, sig[band * rows : (band + 1) * rows].tobytes())].append(i)
    return {(a, b) for members in buckets.values() for k, a in enumerate(members) for b in members[k + 1 :]}


def cluster_texts(
    words: Sequence[Sequence[str]], *, jaccard: float = JACCARD, containment: float = CONTAINMENT
) -> tuple[list[int], dict[tuple[int, int], float]]:
    """Cluster index per text (the smallest member index), and the estimated Jaccard of joined pairs."""
    sets = [shingles(w) for w in words]
    sigs = np.array([signature(s) for s in sets]) if sets else np.empty((0, PERMUTATIONS), np.uint64)
    return cluster_signatures(sigs, [len(s) for s in sets], jaccard=jaccard, containment=containment)


def cluster_signatures(
    sigs: np.ndarray, sizes: Sequence[int], *, jaccard: float = JACCARD, containment: float = CONTAINMENT
) -> tuple[list[int], dict[tuple[int, int], float]]:
    """:func:`cluster_texts` from MinHash signatures (one row per text) and shingle-set sizes."""
    parent = list(range(len(sizes)))
    joined: dict[tuple[int, int], float] = {}
    for a, b in sorted(_candidates(sizes, sigs)):
        est = float(np.mean(sigs[a] == sigs[b]))
        smaller = min(sizes[a], sizes[b])
        common = est * (sizes[a] + sizes[b]) / (1 + est)
        if est >= jaccard or (smaller and common / smaller >= containment):
            joined[(a, b)] = est
            ra, rb = _find(parent, a), _find(parent, b)
            parent[max(ra, rb)] = min(ra, rb)
    return [_find(parent, i) for i in range(len(sizes))], joined
