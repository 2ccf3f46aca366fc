"""The Common High Priority List: 50 HS-6 codes in tiers 1 (highest) to 4.B, and HS code parsing.

Reads ``data/chpl.csv`` (written by chokepoint from the BIS CHPL page of 2024-02-23). HS codes in
order lines come as ``8542.31``, ``854231``, ``8542.31.0000`` or ``HS 8542``: :func:`normalise_hs`
keeps the digits; a 4-digit heading matches every CHPL code under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.goods._refdata import DATA, csv_records

__all__ = ["CHPL_SOURCE", "TIERS", "ChplEntry", "chpl_entries", "chpl_table", "load_chpl", "normalise_hs"]

#: Where the bundled CHPL comes from, as printed in reports.
CHPL_SOURCE = "BIS Common High Priority List, 2024-02-23"
#: The CHPL tiers, highest priority first.
TIERS = ("1", "2", "3.A", "3.B", "4.A", "4.B")

_HS = re.compile(r"(?:HS)?(\d{4,10})")


@dataclass(frozen=True, slots=True)
class ChplEntry:
    hs6: str
    """Six-digit HS subheading."""
    tier: str
    """One of :data:`TIERS`."""
    description: str
    """A short label of what the code covers."""


def load_chpl(path: str | Path) -> dict[str, ChplEntry]:
    """Read a CHPL file (``hs6,tier,description``); malformed rows raise with their line."""
    table: dict[str, ChplEntry] = {}
    for line, row in csv_records(path, ("hs6", "tier", "description")):
        hs6, tier = row["hs6"], row["tier"].upper()
        if not re.fullmatch(r"\d{6}", hs6):
            raise InputError(f"hs6 {hs6!r} is not a 6-digit HS code", path=path, line=line)
        if tier not in TIERS:
            raise InputError(f"tier {row['tier']!r} is not one of {', '.join(TIERS)}", path=path, line=line)
        if hs6 in table:
            raise InputError(f"hs6 {hs6} is listed twice", path=path, line=line)
        table[hs6] = ChplEntry(hs6, tier, row["description"])
    return table


@cache
def chpl_table() -> dict[str, ChplEntry]:
    """The bundled CHPL, by six-digit code (read once)."""
    return load_chpl(DATA / "chpl.csv")


def normalise_hs(text: str) -> str:
    """The digits of an HS code (4 to 10 of them), or ``""`` for a blank; ValueError otherwise."""
    compact = re.sub(r"[\s.\-/]", "", text).upper()
    if not compact:
        return ""
    match = _HS.fullmatch(compact)
    if match is None:
        raise ValueError(f"hs_code {text!r} is not an HS code (4 to 10 digits, e.g. 8542.31)")
    return match.group(1)


def chpl_entries(code: str) -> tuple[ChplEntry, ...]:
    """CHPL entries for a normalised code: the one 6-digit entry, or all under a 4-digit heading."""
    table = chpl_table()
    if len(code) >= 6:
        entry = table.get(code[:6])
        return (entry,) if entry else ()
    if len(code) == 4:
        return tuple(e for e in table.values() if e.hs6.startswith(code))
    return ()
