"""Mention candidates of a sentence and how they are settled: a :class:`Candidate` (token range, what it
links to), the parts of a run of names ("Kompozitor Rakhmanin and Omskiy-103"), overlaps settled
linked-first, and coreference across the article: a person linked by full name lends the link to the lone
surname ("Mehrabi said"), a listed organisation to its initials ("Islamic Republic of Iran Shipping Lines"
… "IRISL").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chokepoint.reports._gazetteer import Entry
from chokepoint.reports._rules import common_words
from chokepoint.reports._spans import CONNECTORS, ORG_WORDS, Span
from chokepoint.reports._text import Token, tokens

__all__ = ["Candidate", "and_parts", "coreference", "settle", "uncovered"]


@dataclass(slots=True)
class Candidate:
    """A mention before it is written out: token range within the sentence, and what it links to."""

    first: int
    last: int
    kind: str
    via: str
    """``gazetteer``, ``matcher``, ``coreference`` or ``span`` (an unlinked name)."""
    entity: Entry | None = None
    ref: Entry | None = None
    score: float | None = None
    title: str = ""
    alternatives: tuple[str, ...] = field(default_factory=tuple)

    @property
    def linked(self) -> bool:
        return self.entity is not None or self.ref is not None


def and_parts(toks: list[Token], whole: Span) -> list[Span]:
    """ "Kompozitor Rakhmanin and Omskiy-103": two names of two words or more each side of one "and"
    (not "Light Airplanes Design and Manufacturing Industries": a firm's name ends in a firm word)."""
    cuts = [k for k in range(whole.first + 2, whole.last - 1) if toks[k].norm == "and"]
    if len(cuts) != 1 or whole.last - cuts[0] - 1 < 2 or toks[whole.last - 1].norm in ORG_WORDS:
        return []
    first = cuts[0] + 1
    while first < whole.last and toks[first].norm in CONNECTORS:  # "and the Omskiy 119"
        first += 1
    return [Span(whole.first, cuts[0], whole.title), Span(first, whole.last, "")]


def uncovered(toks: list[Token], whole: Span, hits: list[Candidate]) -> list[Span]:
    """ "Saha Airlines and Mahan Air and of Iran": the stretches of two words or more that no hit covers."""
    out: list[Span] = []
    i = whole.first
    while i < whole.last:
        j = i
        while j < whole.last and not any(c.first <= j < c.last for c in hits):
            j += 1
        first, last = i, j
        while first < last and toks[first].norm in CONNECTORS:
            first += 1
        while last > first and toks[last - 1].norm in CONNECTORS:
            last -= 1
        if last - first >= 2 and toks[first].capitalised:
            out.append(Span(first, last, ""))
        i = j + 1
    return out


def settle(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping mentions: list links first, then longer ("Kyiv Ledger" over the place "Kyiv"),
    then reference links, then better scored."""
    ranked = sorted(
        found,
        key=lambda c: (c.entity is not None, c.last - c.first, c.linked, c.score or 0.0),
        reverse=True,
    )
    kept: list[Candidate] = []
    for cand in ranked:
        if all(cand.last <= k.first or k.last <= cand.first for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.first)


def coreference(text: str, sentences: list[tuple[int, int]], found: list[list[Candidate]]) -> None:
    """Add lone surnames of persons linked by full name and the initials of linked organisations written in
    capitals ("Islamic Republic of Iran Shipping Lines" → "IRISL"), in place (``found`` is per sentence)."""
    short: dict[str, Candidate] = {}
    sentence_tokens = [tokens(text, s, e) for s, e in sentences]
    for toks, cands in zip(sentence_tokens, found, strict=True):
        for c in cands:
            if c.entity is None or c.last - c.first < 2:
                continue
            if c.kind == "person":
                surname = toks[c.last - 1].norm
                if len(surname) >= 4 and surname not in common_words():
                    short.setdefault(surname, c)
            elif c.kind == "organisation" and c.last - c.first >= 3:
                words = [t.norm for t in toks[c.first : c.last] if t.norm not in CONNECTORS]
                short.setdefault("".join(w[0] for w in words), c)
    if not short:
        return
    for toks, cands in zip(sentence_tokens, found, strict=True):
        for i, tok in enumerate(toks):
            origin = short.get(tok.norm)
            if origin is None or not tok.capitalised or any(c.first <= i < c.last for c in cands):
                continue
            if origin.kind != "person" and not (tok.text.isupper() and len(tok.text) >= 3):
                continue
            kind = origin.kind
            cands.append(Candidate(i, i + 1, kind, "coreference", origin.entity, None, origin.score))
        cands.sort(key=lambda c: c.first)
