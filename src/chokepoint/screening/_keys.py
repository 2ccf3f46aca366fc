"""Keys and evidence digests that tie an analyst's decision to what screening finds again.

A party query is keyed by its normalised text (ASCII, lower case, letters and digits); an ordered part
by its packaging-free part key (``chokepoint.goods``), a catalogue part by the same key of the
catalogue's part number. ``basis`` digests the evidence a decision was taken on (the listed entity's
record; the catalogue rows of the part): when it changes, a clearance no longer holds.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache

from chokepoint.goods import Component, analyse_part
from chokepoint.matching import to_ascii
from chokepoint.model import Entity

__all__ = ["catalogue_id", "goods_basis", "goods_key", "party_basis", "party_key"]

_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=100_000)
def party_key(text: str) -> str:
    """ "Kimia Part Sivan Co." and "KIMIA PART SIVAN CO" → "kimia part sivan co"."""
    return _NOT_WORD.sub(" ", to_ascii(text)).strip()


def goods_key(part_number: str, manufacturer: str = "") -> str:
    """The ordered part without packaging suffixes, as a lookup key ("TMS320F28335PGFAR" → …PGFA)."""
    return analyse_part(part_number, manufacturer).exact


def catalogue_id(part_number: str, manufacturer: str = "") -> str:
    """The id of a catalogue part in decisions: its part key."""
    return analyse_part(part_number, manufacturer).exact


def _digest(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def party_basis(entity: Entity) -> str:
    """Digest of a listed entity's record: schema and every property value."""
    props = {k: sorted(v) for k, v in entity.to_dict().get("properties", {}).items()}
    return _digest({"schema": entity.schema.name, "properties": props})


def goods_basis(components: Iterable[Component]) -> str:
    """Digest of the catalogue rows of one part: maker, part, type, where found, source."""
    rows = sorted((c.manufacturer, c.part_number, c.component_type, c.found_in, c.source) for c in components)
    return _digest(rows)
