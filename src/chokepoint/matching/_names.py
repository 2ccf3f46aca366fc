"""Name-level entry points: compare two name strings, or the best of two name sets."""

from __future__ import annotations

from collections.abc import Iterable

from chokepoint.matching._analysis import analyze, kind_of
from chokepoint.matching._form import NameScore
from chokepoint.matching._kernel import compare_forms
from chokepoint.matching._variants import name_variants

__all__ = ["DEFAULT_THRESHOLD", "best_name_score", "compare_names"]

#: Default match threshold for name scores, chosen on the dev name pairs (see README).
DEFAULT_THRESHOLD = 0.8


def compare_names(schema: str, left: str, right: str) -> NameScore:
    """Compare two names of entities of FtM ``schema`` (``Person``, ``Company``, ``Vessel`` …)."""
    return best_name_score(schema, name_variants(left), name_variants(right))


def best_name_score(schema: str, lefts: Iterable[str], rights: Iterable[str]) -> NameScore:
    """The best-scoring pair between two sets of names (aliases included)."""
    kind = kind_of(schema)
    rights = [analyze(r, kind) for r in rights]
    best: NameScore | None = None
    for left in lefts:
        form = analyze(left, kind)
        for right in rights:
            result = compare_forms(form, right)
            if best is None or result.score > best.score:
                best = result
                if best.score >= 1.0:
                    return best
    return best or NameScore(0.0, "", "", "no names")
