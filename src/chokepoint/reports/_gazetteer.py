"""The gazetteer: one Aho-Corasick automaton over normalised token sequences of every name worth finding —
list names and aliases from the store (persons also "First Last" via :func:`chokepoint.matching.analyze`,
organisations also without legal form), the shipped places and weapon systems (``data/``), and the goods
catalogue's makers and part numbers — so one pass finds every exact occurrence whatever its punctuation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from chokepoint.goods import analyse_part, bundled_catalogue, normalise_manufacturer
from chokepoint.matching import analyze
from chokepoint.model import Entity, is_target, list_ref
from chokepoint.reports._refdata import places, weapons
from chokepoint.reports._text import Token, norm_tokens

__all__ = ["KIND_OF_SCHEMA", "Entry", "Gazetteer", "Hit"]

#: Mention kind of each FtM schema of a listed subject.
KIND_OF_SCHEMA = {
    "Person": "person",
    "Organization": "organisation",
    "Company": "organisation",
    "PublicBody": "organisation",
    "LegalEntity": "organisation",
    "Vessel": "vessel",
    "Airplane": "other",
}
_LEGAL = frozenset(
    "llc ooo oao zao pao ao jsc pjsc cjsc ojsc ltd limited inc corp corporation co company fze fzc fzco "
    "dmcc gmbh plc sa spa pte pvt private opc tov too ag bv nv".split()
)
_LEGAL_PHRASES = (
    "joint stock company",
    "limited liability company",
    "closed joint stock company",
    "open joint stock company",
    "public joint stock company",
    "aktsionernoe obshchestvo",
    "obshchestvo s ogranichennoi otvetstvennostyu",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer key stands for."""

    label: str
    """The list caption, or the reference name."""
    kind: str
    """Mention kind: person, organisation, place, vessel, weapon system, component, other."""
    entity_id: str | None = None
    ref: str | None = None
    """``place:Amirabad``, ``weapon:Shahed-136``, ``maker:Analog Devices``, ``part:…`` (reference entries)."""
    list_ref: str | None = None
    source: str | None = None
    weak: bool = False
    """A weak alias (a.k.a. 'HESA'): one word only counts when written in capitals."""
    derived: bool = False
    """A key chokepoint made (legal form dropped, "First Last"), not a name the list gives."""


@dataclass(frozen=True, slots=True)
class Hit:
    first: int
    """Index of the first token."""
    last: int
    """Index one past the last token."""
    key: str
    entries: tuple[Entry, ...]


def _strip_legal(words: list[str]) -> list[str]:
    text = " " + " ".join(words) + " "
    for phrase in _LEGAL_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    out = text.split()
    while out and out[-1] in _LEGAL:
        out.pop()
    while out and out[0] in _LEGAL:
        out.pop(0)
    return out


def entity_keys(entity: Entity) -> Iterable[tuple[str, bool, bool]]:
    """(key, weak, derived) for every name of a listed subject."""
    person = entity.schema.is_a("Person")
    strong = [n for p in ("name", "alias", "previousName") for n in entity.get(p, quiet=True)]
    for weak, names in ((False, strong), (True, entity.get("weakAlias", quiet=True))):
        for name in names:
            key = norm_tokens(name)
            if person:
                if "," not in name:
                    yield key, weak, False
                yield " ".join(analyze(name, "person").tokens), weak, "," not in name
            else:
                yield key, weak, False
                yield " ".join(_strip_legal(key.split())), weak, True
    if person:
        for first in entity.get("firstName", quiet=True)[:3]:
            for last in entity.get("lastName", quiet=True)[:3]:
                yield norm_tokens(f"{first} {last}"), False, True


class Gazetteer:
    """Exact-name finder over token sequences."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, key: str, entry: Entry) -> None:
        if key and entry not in self.entries[key]:
            self.entries[key].append(entry)
            self._automaton = None

    def add_entities(self, entities: Iterable[Entity]) -> int:
        """Add every listed subject; returns how many were added."""
        count = 0
        for entity in entities:
            if not is_target(entity):
                continue
            kind = KIND_OF_SCHEMA.get(entity.schema.name, "other")
            source = entity.context.get("source") or (sorted(entity.datasets)[0] if entity.datasets else None)
            for key, weak, derived in entity_keys(entity):
                entry = Entry(
                    entity.caption, kind, str(entity.id), None, list_ref(entity), source, weak, derived
                )
                self.add(key, entry)
            count += 1
        return count

    def add_references(self) -> None:
        """The shipped places and weapon systems, and the bundled catalogue's makers and parts."""
        for ref in places():
            for name in ref.names:
                self.add(norm_tokens(name), Entry(ref.name, "place", ref=f"place:{ref.name}"))
        for ref in weapons():
            for name in ref.names:
                self.add(norm_tokens(name), Entry(ref.name, "weapon system", ref=f"weapon:{ref.name}"))
        for part in bundled_catalogue():
            for written in part.manufacturer.replace(")", "(").split("("):
                if written.strip():
                    maker = normalise_manufacturer(written).name
                    self.add(norm_tokens(written), Entry(maker, "component", ref=f"maker:{maker}"))
            if part.part_number:
                label = f"{part.manufacturer.split('(')[0].strip()} {part.part_number}"
                entry = Entry(label, "component", ref=f"part:{part.part_number}")
                self.add(norm_tokens(part.part_number), entry)
                base = analyse_part(part.part_number, part.manufacturer).base_text
                if len(base) >= 5:
                    self.add(norm_tokens(base), entry)

    @property
    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self.entries:
                automaton.add_word(f" {key} ", key)
            if len(automaton):
                automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def find(self, toks: list[Token]) -> list[Hit]:
        """Every key occurring in the token sequence (overlaps included)."""
        automaton = self.automaton
        if not len(automaton) or not toks:
            return []
        starts: list[int] = []
        parts = [" "]
        pos = 1
        for tok in toks:
            starts.append(pos)
            parts.append(tok.norm + " ")
            pos += len(tok.norm) + 1
        text = "".join(parts)
        index = {p: i for i, p in enumerate(starts)}
        hits: list[Hit] = []
        for end, key in automaton.iter(text):
            begin = end - len(key) - 1  # the leading space of " key "
            first = index.get(begin + 1)
            last = index.get(end + 1, len(toks)) if end + 1 < len(text) else len(toks)
            if first is None:
                continue  # a key that starts inside a multi-part token ("136" of "shahed136")
            if end + 1 < len(text) and (end + 1) not in index:
                continue
            hits.append(Hit(first, last, key, tuple(self.entries[key])))
        return hits
