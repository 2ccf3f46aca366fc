"""Compare two analysed names: token alignment over spellings and skeletons, with reasons.

A token pair matches when the tokens are equal, share a romanisation skeleton (Qasem /
Ghassem / قاسم), or differ by a plausible number of typing edits for their length.
Tokens are aligned greedily, best pair first. Unpaired tokens on one side only (a middle
name, a patronymic) cost half their weight; unpaired tokens on both sides are a conflict
(Al-Tikriti vs Al-Dulaimi) and cut the score. Generic words weigh little, numbers must agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from chokepoint.matching._analysis import NameForm
from chokepoint.matching._skeleton import skeleton

__all__ = ["NameScore", "compare_forms", "token_similarity"]

CONFLICT = 0.7  # factor when both names have distinctive words the other lacks
LONE_ORG = 0.75  # cost of a word only one organisation name has (persons: 0.5, a middle name)
NUMBERS_DIFFER = 0.8  # cap when the numbers differ (Omskiy-103 / Omskiy-119: review, rank lower)


@dataclass(frozen=True, slots=True)
class NameScore:
    """A name comparison: the score and why."""

    score: float
    left: str
    right: str
    explanation: str


def _edits_allowed(a: str, b: str) -> int:
    return min(len(a), len(b)) // 4


def token_similarity(a: str, b: str, sa: str, sb: str, *, initials: bool = False) -> tuple[float, str]:
    """Similarity of two tokens (0..1) and how they matched ("" when they do not)."""
    if a == b:
        return 1.0, "same"
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if len(a) == 1 or len(b) == 1:
        return (0.8, "initial") if initials and a[0] == b[0] else (0.0, "")
    if sa and sa == sb and (len(sa) >= 2 or a[0] == b[0]):
        return (0.95 if len(sa) >= 3 else 0.9), "romanisation"
    edits = OSA.distance(a, b)
    if edits <= _edits_allowed(a, b):
        return 1.0 - 0.06 * edits, "spelling"
    return 0.0, ""


def _joined_similarity(a: str, b: str) -> float:
    """The names as one string each ("VladimirPutin", "Han Yyu-ro"): equal up to a typo or two."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    edits = OSA.distance(a, b, score_cutoff=1)
    return 0.94 if edits <= 1 and min(len(a), len(b)) >= 6 else 0.0


def _acronym(short: NameForm, long: NameForm) -> bool:
    if len(short.tokens) != 1 or not 2 <= len(short.tokens[0]) <= 6 or len(long.tokens) < 2:
        return False
    return short.tokens[0] == "".join(t[0] for t in long.tokens)


def _merge_splits(a: NameForm, b: NameForm) -> NameForm:
    """Join adjacent tokens of ``a`` whose concatenation (or initials) is a token of ``b``.

    "Patr ushev" ~ "Patrushev", "Andrang Heta" ~ "Ndrangheta", "J C" ~ "JC".
    """
    if len(a.tokens) < 2:
        return a
    targets = set(b.tokens)
    tokens, skeletons, weights = list(a.tokens), list(a.skeletons), list(a.weights)
    i, changed = 0, False
    while i < len(tokens) - 1:
        if tokens[i] in targets or tokens[i + 1] in targets or tokens[i].isdigit() or tokens[i + 1].isdigit():
            i += 1
            continue
        joined = tokens[i] + tokens[i + 1]
        if any(t == joined or (len(t) > 5 and OSA.distance(t, joined) <= 1) for t in targets):
            tokens[i : i + 2] = [joined]
            skeletons[i : i + 2] = [skeleton(joined)]
            weights[i : i + 2] = [max(weights[i], weights[i + 1])]
            changed = True
        i += 1
    if not changed:
        return a
    return replace(a, tokens=tuple(tokens), skeletons=tuple(skeletons), weights=tuple(weights))


def _expand_initials(a: NameForm, b: NameForm) -> NameForm:
    """A 2-3 letter token of ``a`` that spells initials of adjacent tokens of ``b`` ("JC" / "Jean Claude")."""
    for i, token in enumerate(a.tokens):
        if 2 <= len(token) <= 3 and token.isalpha() and token not in b.tokens:
            for j in range(len(b.tokens) - len(token) + 1):
                if "".join(t[0] for t in b.tokens[j : j + len(token)]) == token:
                    letters = tuple(token)
                    return replace(
                        a,
                        tokens=a.tokens[:i] + letters + a.tokens[i + 1 :],
                        skeletons=a.skeletons[:i] + letters + a.skeletons[i + 1 :],
                        weights=a.weights[:i] + (a.weights[i],) * len(letters) + a.weights[i + 1 :],
                    )
    return a


_LINEAGE = frozenset({"bin", "ibn", "bint", "ben", "ould"})


def _roles_swapped(q: NameForm, c: NameForm, pairs: list[tuple[int, int]]) -> bool:
    """True when a given name pairs with a father's name ("Salman bin Muhammad" / "Muhammad bin Salman")."""
    bq = next((i for i, t in enumerate(q.tokens) if t in _LINEAGE), None)
    bc = next((j for j, t in enumerate(c.tokens) if t in _LINEAGE), None)
    if bq is None or bc is None or bq in (0, len(q.tokens) - 1) or bc in (0, len(c.tokens) - 1):
        return False
    return any((i < bq) != (j < bc) for i, j in pairs if i != bq and j != bc)


def compare_forms(q: NameForm, c: NameForm) -> NameScore:
    """Score how well name ``c`` matches name ``q`` (symmetric)."""
    if q.empty or c.empty:
        return NameScore(0.0, q.original, c.original, "nothing to compare")
    if _acronym(q, c) or _acronym(c, q):
        return NameScore(0.9, q.original, c.original, "acronym of the other name")
    person = q.kind == "person" or c.kind == "person"
    q, c = _merge_splits(q, c), _merge_splits(c, q)
    if person:
        q, c = _expand_initials(q, c), _expand_initials(c, q)
    pairs = []
    for i, (a, sa) in enumerate(zip(q.tokens, q.skeletons, strict=True)):
        for j, (b, sb) in enumerate(zip(c.tokens, c.skeletons, strict=True)):
            sim, how = token_similarity(a, b, sa, sb, initials=person)
            if sim > 0:
                pairs.append((sim, i, j, how))
    pairs.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    matched = paired = distinct = 0.0
    notes: list[str] = []
    used_pairs: list[tuple[int, int]] = []
    for sim, i, j, how in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        used_pairs.append((i, j))
        weight = q.weights[i] + c.weights[j]
        matched += sim * weight
        paired += weight
        distinct += sim * min(q.weights[i], c.weights[j])
        if how != "same":
            notes.append(f"{q.tokens[i]}~{c.tokens[j]} ({how} {sim:.2f})")
    rest_q = [i for i in range(len(q.tokens)) if i not in used_q]
    rest_c = [j for j in range(len(c.tokens)) if j not in used_c]
    lone_q = sum(q.weights[i] for i in rest_q if not q.tokens[i].isdigit())
    lone_c = sum(c.weights[j] for j in rest_c if not c.tokens[j].isdigit())
    conflict = (lone_q >= 0.5 and lone_c >= 0.5) or _roles_swapped(q, c, used_pairs)
    lone_cost = 1.0 if conflict else (LONE_ORG if not person else 0.5)
    score = matched / (paired + (lone_q + lone_c) * lone_cost) if paired else 0.0
    joined = _joined_similarity(q.joined, c.joined)
    if len(q.tokens) == len(c.tokens) and joined < 1.0:
        joined = 0.0  # same number of words: only a pure re-spacing ("Myongc-hin") counts
    if joined > score + 1e-9:
        score, notes, conflict = joined, [f"same letters, other spacing ({joined:.2f})"], False
        rest_q = rest_c = []
        distinct = 1.0
    if rest_q or rest_c:
        extra = [q.tokens[i] for i in rest_q] + [c.tokens[j] for j in rest_c]
        notes.append(("conflicting: " if conflict else "unmatched: ") + " ".join(extra))
    if conflict:
        score *= CONFLICT
    if q.numbers != c.numbers and (q.numbers or c.numbers):
        score = min(score, NUMBERS_DIFFER if q.numbers and c.numbers else 0.7)
        notes.append("numbers differ")
    if distinct < 0.5 and score > 0.5:
        score = 0.5
        notes.append("only generic words in common")
    if q.forms and c.forms and not q.forms & c.forms:
        score -= 0.05
        notes.append(f"legal forms differ ({'/'.join(sorted(q.forms))} vs {'/'.join(sorted(c.forms))})")
    explanation = "; ".join(notes) if notes else "same name"
    return NameScore(max(0.0, min(1.0, score)), q.original, c.original, explanation)
