"""Rewrite one name's tokens in the light of the other before they are aligned.

Splits and joins ("Patr ushev" / "Patrushev", "Ahmad Reza" / احمدرضا) and initials or
acronyms ("JC" / "Jean Claude", "SSJO" / "Self-Sufficiency Jihad Organization") are
brought to the other name's segmentation, so the token alignment can pair them.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import OSA

from chokepoint.matching._analysis import NameForm
from chokepoint.matching._skeleton import skeleton, soft_skeleton

__all__ = ["expand_initials", "merge_splits"]


def _with_tokens(form: NameForm, tokens: list[str], weights: list[float]) -> NameForm:
    skels = tuple(skeleton(t) for t in tokens)
    return replace(
        form,
        tokens=tuple(tokens),
        skeletons=skels,
        softs=tuple(soft_skeleton(s) for s in skels),
        weights=tuple(weights),
    )


def merge_splits(a: NameForm, b: NameForm) -> NameForm:
    """Join adjacent tokens of ``a`` whose concatenation is (nearly) a token of ``b``."""
    if len(a.tokens) < 2:
        return a
    targets = set(b.tokens)
    skels = {s for s in b.skeletons if len(s) >= 3}
    tokens, weights = list(a.tokens), list(a.weights)
    i, changed = 0, False
    while i < len(tokens) - 1:
        left, right = tokens[i], tokens[i + 1]
        if left in targets or right in targets or left.isdigit() or right.isdigit():
            i += 1
            continue
        joined = left + right
        near = any(t == joined or (len(t) > 5 and OSA.distance(t, joined) <= 1) for t in targets)
        if near or (skeleton(left) + skeleton(right)) in skels:  # no letter shared across the join
            tokens[i : i + 2] = [joined]
            weights[i : i + 2] = [max(weights[i], weights[i + 1])]
            changed = True
        i += 1
    return _with_tokens(a, tokens, weights) if changed else a


def expand_initials(a: NameForm, b: NameForm) -> NameForm:
    """A 2-6 letter token of ``a`` that spells the initials of adjacent tokens of ``b``.

    For persons the token becomes its letters (matched as initials); for organisations it
    becomes the words it stands for, so "IRGC SSJO" aligns with the spelled-out name.
    """
    person = a.kind == "person" or b.kind == "person"
    longest = 3 if person else 6
    for i, token in enumerate(a.tokens):
        if not (2 <= len(token) <= longest and token.isalpha()) or token in b.tokens:
            continue
        for j in range(len(b.tokens) - len(token) + 1):
            run = b.tokens[j : j + len(token)]
            if "".join(t[0] for t in run) != token:
                continue
            parts = list(token) if person else list(run)
            weights = [a.weights[i]] * len(parts) if person else list(b.weights[j : j + len(token)])
            return _with_tokens(
                a,
                list(a.tokens[:i]) + parts + list(a.tokens[i + 1 :]),
                list(a.weights[:i]) + weights + list(a.weights[i + 1 :]),
            )
    return a
