"""Candidate name spans in a sentence: runs of capitalised words joined by spaces, hyphens or "&", holding
the connectors of organisation names ("Islamic Republic of Iran Shipping Lines") and possibly ending in
lowercase organisation words ("Alabuga special economic zone"), with leading determiners, months and
demonyms dropped and a leading title ("Brig. Gen.", "managing director") set apart, making a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chokepoint.reports._text import ABBREVIATIONS, Token

__all__ = ["Span", "find_spans"]

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
CONNECTORS = frozenset("of and for the de al el bin ibn bint van von der".split())
ORG_WORDS = frozenset(
    "company companies industries industry group corporation corp organization organisation center centre "
    "institute plant factory zone special economic aviation aerospace shipping lines services trading "
    "ministry agency bureau authority force forces corps llc ltd jsc ooo fze".split()
)
TITLES = frozenset(
    "brigadier general gen brig major maj colonel col lieutenant lt captain capt commander cmdr admiral adm "
    "rear vice sergeant sardar mr mrs ms dr prof professor president minister deputy director managing chief "
    "executive ceo head chairman chairwoman engineer eng sheikh ayatollah hojatoleslam senator secretary "
    "spokesman spokeswoman defence defense foreign ambassador governor founder owner".split()
)
_SKIP_FIRST = frozenset(
    "the a an this that these those in on at by for from to with as after before during since until while "
    "according but and or if when where which who whose its their his her our last earlier later next "
    "meanwhile however also both several some many most all other another new former "
    "they he she it we i you there here then now yet still "
    "iranian russian chinese american british european ukrainian emirati turkish indian belarusian western "
    "us u s eu uk un usa iran's russia's "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@dataclass(frozen=True, slots=True)
class Span:
    first: int
    """Index of the first token of the name (after any title)."""
    last: int
    """Index one past the last token."""
    title: str
    """The title before the name, as written ("Brigadier General"), or ""."""

    @property
    def size(self) -> int:
        return self.last - self.first


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if gap in (" ", "-", " - ", " & ", "&", "\u2011", "\u00a0"):
        return True
    if gap in (". ", "."):  # "Brig. Gen.", "U.S.", initials
        return left.norm in ABBREVIATIONS or len(left.text) == 1
    if gap in ("'s ", "’s "):  # "the IRGC's Aerospace Force": an acronym's unit
        return left.text.isupper() and len(left.text) >= 3 and right.capitalised
    return False


def _runs(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if not toks[i].capitalised or toks[i].text.isdigit():
            i += 1
            continue
        j = i + 1
        end = i + 1
        while j < len(toks) and _joined(text, toks[j - 1], toks[j]):
            word = toks[j]
            if word.capitalised or word.norm in ORG_WORDS:
                end = j + 1
            elif word.norm not in CONNECTORS:
                break
            j += 1
        runs.append((i, end))
        i = max(end, i + 1)
    return runs


def _trim(toks: list[Token], first: int, last: int) -> tuple[int, int, int]:
    """Drop leading determiners (returns where a title would start), titles, trailing connectors."""
    while first < last and toks[first].norm in _SKIP_FIRST and toks[first].norm not in TITLES:
        first += 1
    title_start = first
    while first < last and toks[first].norm in TITLES:
        first += 1
    while last > first and (
        toks[last - 1].norm in CONNECTORS
        or not (toks[last - 1].capitalised or toks[last - 1].norm in ORG_WORDS)
    ):
        last -= 1
    tail = last
    while tail > first and not toks[tail - 1].capitalised:
        tail -= 1
    if last - tail == 1 and sum(t.capitalised for t in toks[first:tail]) == 1:
        last = tail  # "a Tehran company", "the Alabuga plant": a place and a common noun
    lead = toks[first].text if first < last else ""
    if first < last and not (toks[first].capitalised and (lead[:1].isalpha() or _ORDINAL.fullmatch(lead))):
        first = last  # a name starts with a capital letter or an ordinal ("924th State Center")
    return title_start, first, last


def _title_before(text: str, toks: list[Token], first: int) -> int:
    """Index where lowercase title words right before ``first`` start ("managing director X")."""
    start = first
    while start > 0 and toks[start - 1].norm in TITLES and _joined(text, toks[start - 1], toks[start]):
        start -= 1
    return start


def find_spans(text: str, toks: list[Token]) -> list[list[Span]]:
    """Candidate spans among the tokens of one sentence (offsets index ``toks``), one group per run:
    the whole run first, then its parts split at "and", "of" or "for" (to try when the whole fails)."""
    groups: list[list[Span]] = []
    for run_first, run_last in _runs(text, toks):
        spans: list[Span] = []
        groups.append(spans)
        title_start, first, last = _trim(toks, run_first, run_last)
        if last <= first:
            continue
        if title_start == first:
            title_start = _title_before(text, toks, first)
        title = text[toks[title_start].start : toks[first - 1].end] if first > title_start else ""
        spans.append(Span(first, last, title))
        if last - first < 3:
            continue
        for k in range(first + 1, last - 1):
            if toks[k].norm in ("and", "of", "for"):
                for part_first, part_last, part_title in ((first, k, title), (k + 1, last, "")):
                    _, a, b = _trim(toks, part_first, part_last)
                    if b > a:
                        spans.append(Span(a, b, part_title if a == first else ""))
    return [g for g in groups if g]
