"""The names one written name stands for: "X a.k.a. Y" is two names, "X (Y)" may be three,
"X/Y" (or "X · Y") is three when X and Y are names of four letters or more.

A bracketed part that is a spelling, a translation or an acronym ("JSC VOENTELECOM
(VOYENTELEKOM)", "Design Bureau of Navigation Systems (NAVIS)") is also read alone when it ends
the name, and the name is also read without it. A bracketed country or region ("Bowne Global Solutions
(France)") is a qualifier, not another name: it stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chokepoint.matching._orgwords import place_word
from chokepoint.matching._translit import to_ascii

__all__ = ["name_variants"]

_AKA = re.compile(
    r"[\s,;(]+(?:[afn]\.?\s?k\.?\s?a\.?|also known as|formerly known as)[\s:]+",
    re.IGNORECASE,
)
# "Al-Qa'ida/Islamic Army", not "A/S"; a middle dot between two names ("صنایع هوایی قدس · شرکت …")
_DOTS = "\u00b7\u0387\u2022"  # middle dot, Greek ano teleia (its look-alike), bullet
_SLASH = re.compile(rf"(?<=[^\W\d]{{2}})\s*/\s*(?=[^\W\d]{{2}})|\s+[{_DOTS}]\s+")
_BRACKET = re.compile(r"\s*[(\[]([^()\[\]]+)[)\]]")
_WORD = re.compile(r"[a-z0-9]+")


def _qualifier(text: str) -> bool:
    words = _WORD.findall(to_ascii(text))
    return not words or all(place_word(w) or len(w) == 1 for w in words)


def _balanced(text: str) -> str:
    """Drop brackets left unpaired by the a.k.a. split ("(a.k.a. Bes (devil))")."""
    while text.count("(") > text.count(")") and "(" in text:
        text = text.replace("(", "", 1).strip()
    while text.count(")") > text.count("(") and text.endswith(")"):
        text = text[:-1].strip()
    return text


def _slashed(text: str) -> list[str]:
    """Names written one after the other with a slash, when each has 4 letters or more."""
    pieces = _SLASH.split(text)
    if len(pieces) > 1 and all(len(_WORD.findall(to_ascii(p))) and len(p.strip()) >= 4 for p in pieces):
        return [text, *pieces]
    return [text]


@lru_cache(maxsize=100_000)
def name_variants(name: str) -> tuple[str, ...]:
    """The name itself first, then the other names it holds (none for a plain name)."""
    if (
        "(" not in name
        and "[" not in name
        and "/" not in name
        and not any(d in name for d in _DOTS)
        and not _AKA.search(name)
    ):
        return (name,)
    out = [name]
    parts = [p for part in _AKA.split(name) for p in _slashed(part)]
    for part in (_balanced(p.strip(" ,;")) for p in parts):
        if not part:
            continue
        out.append(part)
        found = list(_BRACKET.finditer(part))
        inner = [m.group(1).strip() for m in found]
        if inner and not all(_qualifier(i) for i in inner):
            out.append(_BRACKET.sub("", part).strip())
            # alone only a bracket that ends the name: one inside it restates the words before it,
            # not the whole ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE" is not the IRGC)
            out.extend(
                i
                for i, m in zip(inner, found, strict=True)
                if not _qualifier(i) and not _WORD.search(to_ascii(part[m.end() :]))
            )
    return tuple(dict.fromkeys(v for v in out if v.strip(" ()[]")))
