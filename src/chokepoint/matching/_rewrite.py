"""Rewrite one name's tokens in the light of the other before they are aligned.

Splits and joins ("Patr ushev" / "Patrushev", "Ahmad Reza" / احمدرضا) and initials or
acronyms ("JC" / "Jean Claude", "SSJO" / "Self-Sufficiency Jihad Organization") are
brought to the other name's segmentation, so the token alignment can pair them.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from chokepoint.matching._form import NameForm
from chokepoint.matching._skeleton import skeleton, soft_skeleton

__all__ = ["expand_initials", "merge_splits"]


def _with_tokens(form: NameForm, tokens: list[str], weights: list[float]) -> NameForm:
    skels = tuple([skeleton(t) for t in tokens])
    return form.retokenised(tuple(tokens), skels, tuple([soft_skeleton(s) for s in skels]), tuple(weights))


def _near(joined: str, targets: frozenset[str], long_tokens: tuple[str, ...]) -> bool:
    """``joined`` is a token of the other name, or one typing edit from one of its long tokens."""
    if joined in targets:
        return True
    size = len(joined)
    for token in long_tokens:
        # one edit leaves the first or the last letter alone: checked before the distance call
        if (
            size - 1 <= len(token) <= size + 1
            and (token[0] == joined[0] or token[-1] == joined[-1])
            and OSA.distance(token, joined, score_cutoff=1) <= 1
        ):
            return True
    return False


def merge_splits(a: NameForm, b: NameForm) -> NameForm:
    """Join adjacent tokens of ``a`` whose concatenation is (nearly) a token of ``b``."""
    if not a.joins:  # fewer than two tokens, or numbers
        return a
    if a.join_keys.isdisjoint(b.merge_keys) and not a.join_lengths & b.near_lengths:
        return a  # no join is a token or a long skeleton of b, nor has the length of a near token
    targets = b.token_set
    skels = b.long_skels
    merged: list[int] = []
    for i, joined, skel in a.joins:
        if merged and merged[-1] == i - 1:
            continue  # its left token was joined to the one before
        if a.tokens[i] in targets or a.tokens[i + 1] in targets:
            continue
        # skeletons joined: no letter shared across the join ("Ahmad Reza" / "Ahmadreza")
        if skel in skels or _near(joined, targets, b.long_tokens):
            merged.append(i)
    if not merged:
        return a
    tokens, weights = list(a.tokens), list(a.weights)
    for i in reversed(merged):
        tokens[i : i + 2] = [tokens[i] + tokens[i + 1]]
        weights[i : i + 2] = [max(weights[i], weights[i + 1])]
    return _with_tokens(a, tokens, weights)


def expand_initials(a: NameForm, b: NameForm) -> NameForm:
    """A 2-6 letter token of ``a`` that spells the initials of adjacent tokens of ``b``.

    For persons the token becomes its letters (matched as initials); for organisations it
    becomes the words it stands for, so "IRGC SSJO" aligns with the spelled-out name.
    """
    if not a.abbrevs:
        return a
    person = a.kind == "person" or b.kind == "person"
    longest = 3 if person else 6
    for i in a.abbrevs:
        token = a.tokens[i]
        if len(token) > longest or token in b.token_set:
            continue
        j = b.initials.find(token)  # the first run of len(token) tokens of b with those initials
        if j < 0:
            continue
        parts = list(token) if person else list(b.tokens[j : j + len(token)])
        weights = [a.weights[i]] * len(parts) if person else list(b.weights[j : j + len(token)])
        return _with_tokens(
            a,
            list(a.tokens[:i]) + parts + list(a.tokens[i + 1 :]),
            list(a.weights[:i]) + weights + list(a.weights[i + 1 :]),
        )
    return a
