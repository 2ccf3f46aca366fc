"""When an exact gazetteer hit counts and when a matcher link is kept. A list name must be written as a name
(capitalised; a one-word weak alias in capitals), a one-word list name must not be an everyday word
(``data/common_words.txt``, countries, months, reference names), a vessel needs a ship word nearby, and a
matcher link needs every distinctive word of the span in the listed name ("IRGC Aerospace Force" ≠ IRGC) and
more than a one-word alias ("Saha Airlines" ≠ SAHA).
"""

from __future__ import annotations

import re
from functools import cache

from followthemoney.types import registry
from rapidfuzz.distance import Levenshtein

from chokepoint.errors import InputError
from chokepoint.matching import analyze
from chokepoint.reports._dates import MONTHS, WEEKDAYS
from chokepoint.reports._gazetteer import Entry
from chokepoint.reports._refdata import DATA, places, weapons
from chokepoint.reports._spans import CONNECTORS
from chokepoint.reports._text import Token, norm_tokens

__all__ = ["MARITIME", "common_words", "covered", "hit_ok", "reference_ok"]

MARITIME = re.compile(
    r"\b(?:vessels?|ships?|tankers?|freighters?|carriers?|ferry|ferries|barges?|tugs?|sail(?:ed|ing|s)?|"
    r"dock(?:ed|ing)?|moored|berth(?:ed)?|anchor(?:ed|age)|crew|flag(?:ged)?|imo|mmsi|mv|m/v|voyages?|"
    r"transponders?|ais|cargo|hull)\b",
    re.IGNORECASE,
)


@cache
def common_words() -> frozenset[str]:
    """Normalised words and names that a one-word list name may not be."""
    path = DATA / "common_words.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read: {exc}", path=path) from None
    words = {w.lower() for line in lines if not line.startswith("#") for w in line.split()}
    words |= set(MONTHS) | set(WEEKDAYS)
    words |= {norm_tokens(n) for n in registry.country.names.values()}
    words |= {norm_tokens(n) for ref in (*places(), *weapons()) for n in ref.names}
    return frozenset(w for w in words if w)


def _name_like(toks: list[Token]) -> bool:
    return all(t.capitalised or t.norm in CONNECTORS for t in toks)


def hit_ok(entry: Entry, toks: list[Token], first: int, last: int, sentence: str) -> bool:
    """Whether an exact hit of a list name at ``toks[first:last]`` of a sentence counts."""
    words = toks[first:last]
    if not _name_like(words):
        return False
    if entry.kind == "vessel" and not MARITIME.search(sentence):
        has_number = any(t.norm.isdigit() for t in words) and last - first >= 2
        if not has_number:
            return False
    if last - first > 1:
        return True
    word = words[0]
    upper = word.text.isupper() and len(word.text) >= 2
    if entry.weak and not upper:
        return False
    if word.norm in common_words() or len(word.norm) < 3:
        return False
    if first == 0 and not upper:
        return False  # a capitalised first word of a sentence says nothing
    return len(word.norm) >= 4 or upper


def reference_ok(entry: Entry, toks: list[Token], first: int, last: int) -> bool:
    """Places, weapons, makers and parts: written as names (a capital or a digit first); a maker or
    part of two or more words or with a digit in any case ("u-blox", "tms320f28335")."""
    words = toks[first:last]
    if entry.kind == "component" and (len(words) >= 2 or any(t.norm[:1].isdigit() for t in words)):
        return True
    return _name_like(words)


def _close(a: str, b: str, sa: str, sb: str) -> int:
    """2: the same word or sound skeleton; 1: a near spelling; 0: different."""
    if a == b or (sa and sa == sb):
        return 2
    if len(a) >= 3 and (a in b or b in a) and abs(len(a) - len(b)) <= 6:
        return 1  # "hamid" in "hamidreza"
    return int(min(len(a), len(b)) >= 4 and Levenshtein.normalized_similarity(a, b) >= 0.75)


def covered(query: str, listed: str, kind: str) -> bool:
    """Every distinctive word of ``query`` has a counterpart in the listed name ``listed``; for a
    person, one middle name the list leaves out is forgiven ("Mohammad Hossein Bagheri") when the other
    words are the list's own (not "Amir Hossein Alirezaei" for "AMIN, Alireza")."""
    q, c = analyze(query, kind), analyze(listed, kind)
    if len(c.tokens) == 1 < len(q.tokens):
        return False  # a one-word alias ("SAHA") does not name "Saha Airlines"
    missing: list[int] = []
    used: set[int] = set()
    near = False
    for i, (token, skel, weight) in enumerate(zip(q.tokens, q.skeletons, q.weights, strict=True)):
        if weight < 1.0 or token.isdigit():
            continue
        levels = {
            j: _close(token, t, skel, s) for j, (t, s) in enumerate(zip(c.tokens, c.skeletons, strict=True))
        }
        hits = [j for j, level in levels.items() if level]
        if not hits:
            missing.append(i)
        near = near or (bool(hits) and max(levels.values()) < 2)
        used.update(hits)
    if q.numbers != c.numbers and (q.numbers or c.numbers):
        return False
    if not missing:
        return True
    middle = len(missing) == 1 and 0 < missing[0] < len(q.tokens) - 1
    return kind == "person" and middle and len(used) == len(c.tokens) and not near
