"""The tense a date expression is used in: future ("will list them in December", "said on Tuesday it will")
or past/present, decided by the tense marker nearest the expression within its sentence; a marker in
another clause (across a comma, a dash, "that", "and", ...) or after the expression counts as farther
away. No marker at all: past, as in most news copy. English only.
"""

from __future__ import annotations

import re

__all__ = ["is_future"]

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|could|might|(?:expected|plans?|planned|planning|set|due|scheduled|aims?|"
    r"intends?|going|is|are)\s+to|expects?|expecting|upcoming|forthcoming|coming)\b|'ll\b",
    re.IGNORECASE,
)
_NOT_FUTURE = re.compile(r"\b(?:could|would|might)\s+not\b|\b(?:couldn't|wouldn't)\b", re.IGNORECASE)
_IRREGULAR = (
    "was were had did said told began begun sent made took gave came went got saw shot built bought sold "
    "paid led met left brought flew flown held struck found spent ran won lost wrote became fell rose hit "
    "fled chose drove drew grew knew threw understood stood sought thought caught taught fought agreed freed "
    "ago already previously"
)
_PAST = re.compile(rf"\b(?:{'|'.join(_IRREGULAR.split())})\b", re.IGNORECASE)
_PAST_ED = re.compile(r"(?<![\w-])(?<!\bbe )(?<!\bbe\s\s)[a-z]{2,}(?<!e)ed\b")
"""A lowercase -ed word ("shipped", "listed"; not "United", not "will be delivered")."""
_NOT_PAST = frozenset({"hundred", "kindred", "sacred", "naked", "wicked", "unmanned", "armed", "related"})
_CLAUSE = re.compile(r"[,;:()]|\s[—–-]\s|\b(?:that|which|who|but|and|while|after|before|as)\b")
_CLAUSE_PENALTY = 40
_AFTER_PENALTY = 8
"""A marker after the expression counts as a little farther: the verb usually comes first ("listed it in
December and is expected to ...")."""


def _markers(sentence: str) -> list[tuple[int, int, bool]]:
    """(start, end, future) of every tense marker in ``sentence``."""
    found = [(m.start(), m.end(), True) for m in _FUTURE.finditer(sentence)]
    negated = [(m.start(), m.end()) for m in _NOT_FUTURE.finditer(sentence)]
    found = [f for f in found if not any(s <= f[0] < e for s, e in negated)]
    for pattern in (_PAST, _PAST_ED):
        for m in pattern.finditer(sentence):
            if m.group(0).lower() in _NOT_PAST or any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            found.append((m.start(), m.end(), False))
    return found


def _distance(sentence: str, marker: tuple[int, int, bool], start: int, end: int) -> int:
    left, right = (marker[1], start) if marker[1] <= start else (end, marker[0])
    gap = sentence[left:right] if left <= right else ""
    after = _AFTER_PENALTY if marker[0] >= end else 0
    return len(gap) + after + _CLAUSE_PENALTY * len(_CLAUSE.findall(gap))


def is_future(sentence: str, start: int, end: int) -> bool:
    """Whether the expression at ``sentence[start:end]`` speaks of the future."""
    markers = [m for m in _markers(sentence) if m[1] <= start or m[0] >= end]
    if not markers:
        return False
    return min(markers, key=lambda m: _distance(sentence, m, start, end))[2]
