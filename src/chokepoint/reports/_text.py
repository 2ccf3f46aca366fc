"""Text primitives for reports: word tokens with character offsets, sentences, markdown masking. Offsets
always point into the document text. Tokens are normalised like gazetteer keys (lowercase ASCII via
:func:`chokepoint.matching.to_ascii`, letters apart from digits): "Shahed-136" = "Shahed 136" = "SHAHED136".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chokepoint.matching import to_ascii

__all__ = ["Token", "mask_markdown", "norm_tokens", "sentences", "tokens"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_PARTS = re.compile(r"[a-z]+|[0-9]+")
_POSSESSIVE = re.compile(r"['’]s?$")

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen brig maj col lt capt cmdr adm sgt rev st jr sr co corp inc ltd llc jsc no nos "
    "vol fig approx est dept govt jan feb mar apr jun jul aug sep sept oct nov dec mt ft u s k e v vs etc "
    "al sen rep gov pres".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    """The word as written (possessive 's dropped)."""
    norm: str
    """Lowercase ASCII; may hold several parts separated by spaces ("shahed 136" for "Shahed136")."""

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


@lru_cache(maxsize=100_000)
def _norm(word: str) -> str:
    ascii_word = to_ascii(word.replace("'", "").replace("’", ""))
    return " ".join(_PARTS.findall(ascii_word))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    out: list[Token] = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = match.group(0)
        cut = _POSSESSIVE.search(word) if len(word) > 2 else None
        if cut is not None and word[cut.start() - 1 : cut.start()].isalpha():
            word = word[: cut.start()]
        norm = _norm(word)
        if norm:
            out.append(Token(match.start(), match.start() + len(word), word, norm))
    return out


def norm_tokens(text: str) -> str:
    """A phrase as the space-joined normalised token sequence the gazetteer matches on."""
    return " ".join(t.norm for t in tokens(text))


_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[-*#>•])")


def sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text`` from ``start`` on, stripped of blank edges.

    A full stop after a known abbreviation ("Brig. Gen.", "Co.") or a single capital (an initial), or
    before a lowercase word, does not end a sentence; a blank line and a list item always do (a single
    line break does not: wire copy is often wrapped at a fixed width)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start):
        if match.group(0).startswith("."):
            before = re.search(r"(\w+)$", text[begin : match.start()])
            word = before.group(1) if before else ""
            if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
            if re.match(r"\s+[a-z]", text[match.end() : match.end() + 8]):
                continue  # "4 a.m. on Tuesday", "the U.N. agency": a sentence does not start in lowercase
        _add(text, begin, match.end(), spans)
        begin = match.end()
    _add(text, begin, len(text), spans)
    return spans


def _add(text: str, begin: int, end: int, spans: list[tuple[int, int]]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append((begin, end))


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s|[*_`]{1,3}|^\s*(?:---+|\*\*\*+)\s*$", re.MULTILINE)


def mask_markdown(text: str) -> str:
    """Markdown with its markup blanked out by spaces: same length, so offsets stay valid."""

    def link(match: re.Match[str]) -> str:
        inner = match.group(1)
        head = match.group(0).index("[") + 1
        return " " * head + inner + " " * (len(match.group(0)) - head - len(inner))

    text = _MD_LINK.sub(link, text)
    return _MD_MARK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
