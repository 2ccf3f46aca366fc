"""Match an order line's part number against catalogues: exact, base-part and family hits.

The catalogue is indexed once by its exact, base and family keys (see ``_partnumbers``) plus a
prefix table, so a line costs a few dictionary lookups, never a scan. Confidence per level is in
:data:`LEVEL_CONFIDENCE`; a stated maker that differs from the catalogue's multiplies it by
:data:`OTHER_MAKER`. Every hit carries a one-line explanation (no ``;`` inside).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from chokepoint.goods._catalogue import Component
from chokepoint.goods._manufacturers import Manufacturer, normalise_manufacturer, same_manufacturer
from chokepoint.goods._partnumbers import PartKey, analyse_part

__all__ = ["LEVEL_CONFIDENCE", "OTHER_MAKER", "CatalogueIndex", "PartHit"]

#: Confidence that the ordered part is the catalogued one, by how the keys met.
LEVEL_CONFIDENCE = {"exact": 1.0, "base": 0.9, "family": 0.7}
#: Multiplier when the line names a different manufacturer (second source, or a relabelled part).
OTHER_MAKER = 0.7
#: Shortest catalogue key that may match as the beginning of a longer part number.
MIN_PREFIX = 5
_RANK = {"exact": 0, "base": 1, "family": 2, "prefix": 2}


@dataclass(frozen=True, slots=True)
class PartHit:
    level: str
    """``exact``, ``base`` or ``family``."""
    confidence: float
    part_number: str
    """The catalogue's part number, as the catalogue writes it."""
    manufacturer: str
    """The catalogue's manufacturer, canonical."""
    same_maker: bool | None
    components: tuple[Component, ...]
    explanation: str

    @property
    def models(self) -> tuple[str, ...]:
        """The weapons the part was documented in."""
        return tuple(sorted({c.found_in for c in self.components}))


def _refs(components: Iterable[Component], limit: int = 3) -> str:
    refs = list(dict.fromkeys(r for c in components for r in c.refs))
    gur = [r.removeprefix("GUR ") for r in refs if r.startswith("GUR ")]
    other = [r for r in refs if not r.startswith("GUR ")]
    parts = [f"GUR component{'s' if len(gur) > 1 else ''} {', '.join(gur[:limit])}"] if gur else []
    if len(gur) > limit:
        parts[0] += f" +{len(gur) - limit} more"
    return ", ".join(parts + other[:1]).replace(";", ",")


def _explain(how: str, query: str, q: PartKey, c: Component, cm: Manufacturer) -> str:
    part = f"catalogue part {c.part_number} ({cm.name or 'maker not stated'})"
    if how == "exact":
        notes = [f"packaging suffix {q.packaging}"] if q.packaging else []
        notes += [f"look-alike {q.lookalikes} letters read as Latin"] if q.lookalikes else []
        text = f"{query} is {part}" + (f" ({', '.join(notes)})" if notes else "")
        text += f", i.e. {q.base_text} with {q.code_label} {q.code}," if q.code else ""
    elif how == "base" and analyse_part(c.part_number, c.manufacturer).text == q.base_text:
        text = f"{query} is {part} with {q.code_label or 'suffix'} {q.code or q.packaging}"
    elif how == "base":
        decoded = f" ({q.code_label} {q.code})" if q.code else ""
        text = f"{query} is {q.base_text}{decoded}, base of {part}"
    elif how == "family":
        text = f"{query} is in family {q.family_text} ({q.family_label}) with {part}"
    else:
        text = f"{query} begins with {part}"
    if q.lookalikes and how != "exact":
        text += f" (look-alike {q.lookalikes} letters read as Latin)"
    return text


class CatalogueIndex:
    """Components by exact, base, family and prefix key."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.components: tuple[Component, ...] = tuple(components)
        self._keys: dict[str, defaultdict[str, list[int]]] = {
            k: defaultdict(list) for k in ("exact", "base", "family", "prefix")
        }
        for i, component in enumerate(self.components):
            if not component.part_number.strip():
                continue
            key = analyse_part(component.part_number, component.manufacturer)
            if not key.exact:
                continue
            self._keys["exact"][key.exact].append(i)
            self._keys["base"][key.base].append(i)
            if key.family:
                self._keys["family"][key.family].append(i)
            for k in {key.exact, key.base}:
                if len(k) >= MIN_PREFIX and not k.isdigit() and not k.isalpha():
                    self._keys["prefix"][k].append(i)
        #: prefix keys by their first MIN_PREFIX characters: one lookup finds the few to try
        self._by_head: dict[str, list[str]] = defaultdict(list)
        for k in self._keys["prefix"]:
            self._by_head[k[:MIN_PREFIX]].append(k)
        self._memo: dict[tuple[str, str], tuple[PartHit, ...]] = {}

    def __len__(self) -> int:
        return len(self.components)

    def _candidates(self, q: PartKey) -> dict[int, str]:
        found: dict[int, str] = {}

        def add(ids: Iterable[int], how: str) -> None:
            for i in ids:
                if i not in found or _RANK[how] < _RANK[found[i]]:
                    found[i] = how

        keys = self._keys
        add(keys["exact"].get(q.exact, ()), "exact")
        add(keys["base"].get(q.base, ()), "base")
        add(keys["exact"].get(q.base, ()), "base")
        if q.family:
            add(keys["family"].get(q.family, ()), "family")
        exact = q.exact
        for k in self._by_head.get(exact[:MIN_PREFIX], ()):
            n = len(k)
            if n < len(exact) and exact.startswith(k) and not (k[-1].isdigit() and exact[n].isdigit()):
                add(keys["prefix"][k], "prefix")
        return found

    def match(self, part_number: str, manufacturer: str = "") -> tuple[PartHit, ...]:
        """Catalogue hits for one part number, best first (one hit per catalogue part and maker)."""
        memo_key = (part_number, manufacturer)
        if memo_key in self._memo:
            return self._memo[memo_key]
        q = analyse_part(part_number, manufacturer)
        hits: tuple[PartHit, ...] = ()
        if q.exact:
            found = self._candidates(q)
            if found:
                hits = self._hits(part_number.strip(), q, normalise_manufacturer(manufacturer), found)
        if len(self._memo) > 200_000:
            self._memo.clear()
        self._memo[memo_key] = hits
        return hits

    def _hits(self, query: str, q: PartKey, qm: Manufacturer, found: dict[int, str]) -> tuple[PartHit, ...]:
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i in found:
            c = self.components[i]
            cm = normalise_manufacturer(c.manufacturer)
            groups[(analyse_part(c.part_number, c.manufacturer).exact, cm.key)].append(i)
        hits = []
        for ids in groups.values():
            ids.sort(key=lambda i: _RANK[found[i]])
            first = self.components[ids[0]]
            how = found[ids[0]]
            level = "family" if how == "prefix" else how
            cm = normalise_manufacturer(first.manufacturer)
            same = same_manufacturer(qm, cm)
            confidence = LEVEL_CONFIDENCE[level] * (OTHER_MAKER if same is False else 1.0)
            components = tuple(self.components[i] for i in ids)
            text = _explain(how, query, q, first, cm)
            models = sorted({c.found_in for c in components})
            text += f" found in {', '.join(models)}"
            refs = _refs(components)
            text += f" ({refs})" if refs else ""
            if same is False:
                text += f", but the line names {qm.name} (second source or relabelled?)"
            elif same and (qm.via or cm.via):
                text += f" ({qm.via or cm.via})"
            hits.append(
                PartHit(
                    level,
                    round(confidence, 3),
                    first.part_number,
                    cm.name,
                    same,
                    components,
                    text.replace(";", ","),
                )
            )
        hits.sort(key=lambda h: (-h.confidence, _RANK[h.level], h.part_number))
        return tuple(hits)
