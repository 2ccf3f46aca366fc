"""The parties of order lines against the loaded lists: names by the matcher, addresses by overlap.

Built once from the store's current listed subjects (one pass: :class:`~chokepoint.matching.Matcher`
plus :class:`AddressIndex`). Order books repeat their customers, so each distinct name and address is
screened once and the answer cached. Every finding names the list version it came from.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from chokepoint.matching import DEFAULT_THRESHOLD, Match, Matcher, Query
from chokepoint.model import Entity, ListVersion, is_target
from chokepoint.screening._addresses import AddressHit, AddressIndex
from chokepoint.screening._alerts import Finding
from chokepoint.screening._keys import party_basis, party_key
from chokepoint.screening._orders import ADDRESS_COLUMNS, PARTY_COLUMNS, OrderLine
from chokepoint.store import Decision

__all__ = ["PartyScreen", "version_label"]

#: Candidates scoring below this are not even considered for an escalated decision.
CUTOFF = 0.5
MAX_CACHE = 500_000
#: Listed vessels and aircraft are not trading parties: a buyer named like a ship is not that ship.
CRAFT = frozenset({"Vessel", "Airplane"})


def version_label(version: ListVersion | None, source: str) -> str:
    """``source@version (published DATE)``, the way evidence names a list version."""
    if version is None:
        return source or "unknown list"
    published = f", published {version.published.isoformat()}" if version.published else ""
    return f"{version.source}@{version.version}{published}"


class PartyScreen:
    """Name and address screening with per-text caches, and the evidence digests decisions need."""

    def __init__(
        self,
        matcher: Matcher,
        addresses: AddressIndex,
        versions: Iterable[ListVersion],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        address_min: float = 0.75,
        bases: dict[str, str] | None = None,
    ) -> None:
        self.matcher = matcher
        self.addresses = addresses
        self.versions = {v.source: v for v in versions}
        self.threshold = threshold
        self.address_min = address_min
        self.bases = bases or {}
        """Evidence digest per entity id, for the entities that decisions name."""
        self._names: dict[str, tuple[Match, ...]] = {}
        self._addresses: dict[str, tuple[AddressHit, ...]] = {}

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[Entity],
        versions: Iterable[ListVersion],
        *,
        decided: Collection[str] = (),
        threshold: float = DEFAULT_THRESHOLD,
        address_min: float = 0.75,
    ) -> PartyScreen:
        """Index the listed subjects among ``entities``; digest those named in ``decided``."""
        targets = [e for e in entities if is_target(e)]
        bases = {str(e.id): party_basis(e) for e in targets if e.id in decided}
        return cls(
            Matcher.from_entities(targets),
            AddressIndex(targets),
            versions,
            threshold=threshold,
            address_min=address_min,
            bases=bases,
        )

    def __len__(self) -> int:
        return len(self.matcher)

    def label(self, source: str | None) -> str:
        return version_label(self.versions.get(source or ""), source or "")

    def names(self, name: str) -> tuple[Match, ...]:
        """Candidates for one party name scoring at least :data:`CUTOFF`, best first (cached)."""
        found = self._names.get(name)
        if found is None:
            query = Query.from_row({"name": name})
            found = tuple(self.matcher.match(query, threshold=self.threshold, limit=3, cutoff=CUTOFF))
            if len(self._names) > MAX_CACHE:
                self._names.clear()
            self._names[name] = found
        return found

    def address(self, text: str) -> tuple[AddressHit, ...]:
        """Listed addresses resembling ``text`` (cached)."""
        found = self._addresses.get(text)
        if found is None:
            found = tuple(self.addresses.match(text, minimum=self.address_min))
            if len(self._addresses) > MAX_CACHE:
                self._addresses.clear()
            self._addresses[text] = found
        return found

    def findings(
        self,
        line: OrderLine,
        decisions: Mapping[tuple[str, str, str], Decision],
        name_weight: float,
        address_weight: float,
    ) -> list[Finding]:
        """RF-1 findings of one line: each party name that matches a listed subject (or whose
        candidate an analyst escalated), each address that resembles a listed one."""
        found: list[Finding] = []
        for column in PARTY_COLUMNS if name_weight else ():
            name = getattr(line, column)
            for m in self.names(name) if name else ():
                pair = ("party", party_key(name), m.entity_id)
                decision = decisions.get(pair)
                if m.schema in CRAFT:
                    continue
                if m.match or (decision is not None and decision.decision == "escalated"):
                    ref = f", ref {m.list_ref}" if m.list_ref else ""
                    said = f"{_role(column)} {name!r} matches {m.caption} [{m.entity_id}{ref}, "
                    said += f"{self.label(m.source)}] score {m.score:.2f}"
                    found.append(
                        self._finding(name_weight * m.score, said, pair, m.caption, m.list_ref, m.source)
                    )
        for column in ADDRESS_COLUMNS if address_weight else ():
            address = getattr(line, column)
            for hit in self.address(address) if address else ():
                pair = ("party", party_key(address), hit.entity_id)
                said = f"{_role(column)} {address!r} resembles the listed address {hit.address!r} of "
                said += f"{hit.caption} [{hit.entity_id}, {self.label(hit.source)}] overlap {hit.score:.2f}"
                weight = address_weight * hit.score
                found.append(self._finding(weight, said, pair, hit.caption, hit.list_ref, hit.source))
        return found

    def _finding(
        self,
        weight: float,
        text: str,
        pair: tuple[str, str, str],
        caption: str,
        ref: str | None,
        source: str | None,
    ) -> Finding:
        target: dict[str, Any] = {"entity_id": pair[2], "caption": caption, "list_ref": ref}
        target["list"] = self.label(source)
        basis = self.bases.get(pair[2], "")
        return Finding("RF-1", weight, text.replace(";", ","), "parties", pair, basis, target)


def _role(column: str) -> str:
    return column.replace("_", " ")
