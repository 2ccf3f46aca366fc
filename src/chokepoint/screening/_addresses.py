"""Addresses of listed parties, and how much an order's address resembles one (red flag RF-1).

Addresses are cut into tokens (ASCII, lower case, common abbreviations spelt out); words of country
names are dropped, and a listed address with fewer than three tokens left ("Tehran, Iran") is too
vague to compare. The score is a token overlap weighted by rarity: the IDF-weighted Dice coefficient
``2 w(A ∩ B) / (w(A) + w(B))`` with ``w(t) = log(1 + N / df(t))`` over the listed addresses.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from followthemoney.types import registry

from chokepoint.matching import to_ascii
from chokepoint.model import Entity, list_ref

__all__ = ["AddressHit", "AddressIndex", "address_tokens"]

_SPLIT = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {
    "st": "street", "str": "street", "ave": "avenue", "av": "avenue", "rd": "road", "blvd": "boulevard",
    "bldg": "building", "fl": "floor", "hwy": "highway", "sq": "square", "apt": "apartment",
    "pob": "box", "pobox": "box", "km": "kilometer",
}  # fmt: skip
_STOP = frozenset("of the and at in near next to opposite c o p no nr number n a de".split())
_COUNTRY_WORDS = frozenset(
    t for name in registry.country.names.values() for t in _SPLIT.split(to_ascii(name)) if t
) | {"uae", "usa", "uk", "prc", "islamic", "special", "administrative", "region"}
#: Tokens present in more listed addresses than this do not retrieve candidates.
MAX_DF = 300


def address_tokens(text: str) -> frozenset[str]:
    """The comparable tokens of an address (country words removed)."""
    tokens = (_ABBREVIATIONS.get(t, t) for t in _SPLIT.split(to_ascii(text)) if t)
    return frozenset(t for t in tokens if t not in _STOP and t not in _COUNTRY_WORDS)


@dataclass(frozen=True, slots=True)
class AddressHit:
    entity_id: str
    caption: str
    source: str
    list_ref: str | None
    address: str
    """The listed address, as the list writes it."""
    score: float


class AddressIndex:
    """The listed parties' addresses, indexed by token."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.records: list[tuple[Entity, str, frozenset[str]]] = []
        for entity in entities:
            for address in entity.get("address", quiet=True):
                tokens = address_tokens(address)
                if len(tokens) >= 3:
                    self.records.append((entity, address, tokens))
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for i, (_, _, tokens) in enumerate(self.records):
            for token in tokens:
                postings[token].append(i)
        self.postings = dict(postings)
        n = len(self.records)
        self.weight = {t: math.log(1.0 + n / len(ids)) for t, ids in self.postings.items()}
        self.unseen = math.log(1.0 + max(n, 1))

    def __len__(self) -> int:
        return len(self.records)

    def _w(self, tokens: Iterable[str]) -> float:
        return sum(self.weight.get(t, self.unseen) for t in tokens)

    def match(self, text: str, *, minimum: float) -> list[AddressHit]:
        """Listed addresses scoring at least ``minimum``, best first, one per entity."""
        query = address_tokens(text)
        if len(query) < 2:
            return []
        candidates = {i for t in query if len(ids := self.postings.get(t, ())) <= MAX_DF for i in ids}
        best: dict[str, AddressHit] = {}
        wq = self._w(query)
        for i in candidates:
            entity, address, tokens = self.records[i]
            shared = query & tokens
            if len(shared) < 2:
                continue
            score = 2.0 * self._w(shared) / (wq + self._w(tokens))
            eid = str(entity.id)
            if score >= minimum and (eid not in best or score > best[eid].score):
                source = str(entity.context.get("source") or "")
                hit = AddressHit(eid, entity.caption, source, list_ref(entity), address, round(score, 3))
                best[eid] = hit
        return sorted(best.values(), key=lambda h: -h.score)
