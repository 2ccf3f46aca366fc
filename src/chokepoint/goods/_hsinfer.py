"""Guess an HS code from a line's description or a catalogue component type.

Reads ``data/hs_hints.yaml``: an ordered list of (regex, HS code, label); the first hint whose
regex is found in the lower-cased text wins. A guess is a hint, not a customs classification, so
the risk model weighs it below a declared code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from chokepoint.errors import InputError
from chokepoint.goods._refdata import DATA, load_yaml

__all__ = ["HsGuess", "hs_hints", "infer_hs"]


@dataclass(frozen=True, slots=True)
class HsGuess:
    code: str
    """Six-digit subheading, or a four-digit heading when the text cannot tell subheadings apart."""
    label: str
    """What the code covers."""
    keyword: str
    """The words of the text that gave the guess."""


@cache
def hs_hints() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The bundled hints, compiled, in order."""
    path = DATA / "hs_hints.yaml"
    hints = []
    for i, item in enumerate(load_yaml(path) or (), start=1):
        try:
            code, label = str(item["hs"]), str(item["label"])
            pattern = re.compile(item["re"])
        except (KeyError, TypeError, re.error) as exc:
            raise InputError(f"hint {i} is malformed: {exc}", path=path) from None
        if not re.fullmatch(r"\d{4}|\d{6}", code):
            raise InputError(f"hint {i}: hs {code!r} is not 4 or 6 digits", path=path)
        hints.append((pattern, code, label))
    return tuple(hints)


def _split(pattern: str) -> list[str]:
    """Top-level alternatives of a regex."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":  # a character class: skip to its end (a first "]" is a member)
            i = pattern.find(
                "]", i + 2 if pattern.startswith("[]", i) or pattern.startswith("[^]", i) else i + 1
            )
            i = len(pattern) if i < 0 else i
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _closing(pattern: str, i: int) -> int:
    depth = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 1
        elif pattern[i] == "(":
            depth += 1
        elif pattern[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Literal texts one of which any match must contain, or None when that cannot be told.

    A literal that the regex puts after ``\\b`` is returned with a leading space: it must start a
    word. Used only to skip hints cheaply: a hint whose literals are all absent cannot match.
    """
    found: list[str] = []
    for alt in _split(pattern):
        i, word = 0, False
        while alt.startswith(("\\b", "^"), i):
            word = True
            i += 2 if alt[i] == "\\" else 1
        if alt.startswith("(?:", i):
            end = _closing(alt, i)
            inner = required_literals(alt[i + 3 : end]) if end > 0 else None
            if inner is None or alt[end + 1 : end + 2] in ("?", "*", "{"):
                return None
            found += [f" {lit.lstrip()}" if word else lit for lit in inner]
            continue
        literal = ""
        while i < len(alt):
            c, step = alt[i], 1
            if c == "\\" and alt[i + 1 : i + 2] in tuple(".-/+()[]{}?*|^$\\ "):
                c, step = alt[i + 1], 2
            elif c == "\\" or c in ".[](){}?*+|^$":
                break
            if alt[i + step : i + step + 1] in ("?", "*", "{"):
                break
            literal += c
            i += step
        if not literal:
            return None
        found.append(f" {literal}" if word and re.fullmatch(r"[\w ]+", literal) else literal)
    return tuple(found)


@cache
def _prefilter() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Required literals by their first two characters, the hints each literal may start, and the
    hints that are always tried (their literals could not be told)."""
    by_pair: dict[str, set[str]] = {}
    hints_of: dict[str, set[int]] = {}
    always: list[int] = []
    for i, (pattern, _, _) in enumerate(hs_hints()):
        literals = required_literals(pattern.pattern)
        if literals is None or any(len(lit) < 2 for lit in literals):
            always.append(i)
            continue
        for lit in literals:
            by_pair.setdefault(lit[:2], set()).add(lit)
            hints_of.setdefault(lit, set()).add(i)
    return (
        {k: tuple(v) for k, v in by_pair.items()},
        {k: tuple(v) for k, v in hints_of.items()},
        tuple(always),
    )


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def infer_hs(text: str) -> HsGuess | None:
    """The first hint (in file order) found in ``text``, or None."""
    lowered = text.casefold()
    if not lowered.strip():
        return None
    words = " " + _NON_WORD.sub(" ", lowered)
    by_pair, hints_of, always = _prefilter()
    candidates = set(always)
    pairs = {lowered[i : i + 2] for i in range(len(lowered) - 1)}
    pairs.update(" " + word[0] for word in words.split())
    for pair in pairs:
        for lit in by_pair.get(pair, ()):
            if lit in (words if lit[0] == " " else lowered):
                candidates.update(hints_of[lit])
    hints = hs_hints()
    for i in sorted(candidates):
        pattern, code, label = hints[i]
        match = pattern.search(lowered)
        if match:
            return HsGuess(code, label, match.group(0))
    return None
