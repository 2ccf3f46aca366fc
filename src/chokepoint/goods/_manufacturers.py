"""Manufacturer names: one canonical name per firm, through aliases and acquisitions.

Reads ``data/manufacturers.yaml``. Names compare after case folding, punctuation and legal forms
(Inc., Corp., Co., Ltd., ...) are dropped; a name with a parenthesis, such as "Maxim Integrated
Products (Analog Devices)", is tried whole, then outside, then inside the brackets. Unknown firms
keep their own cleaned name, so two spellings of an unknown firm still compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from chokepoint.errors import InputError
from chokepoint.goods._refdata import DATA, load_yaml

__all__ = ["Manufacturer", "manufacturer_table", "normalise_manufacturer", "same_manufacturer"]

_LEGAL = frozenset(
    "inc incorporated corp corporation co company ltd limited llc gmbh ag sa nv bv plc kk oy ab spa srl "
    "pte pty lp kg sas se oyj the".split()
)
_GENERIC = frozenset(
    "semiconductor semiconductors technology technologies electronics electronic international "
    "products group enterprise enterprises manufacturing microelectronics systems solutions usa".split()
)
_SPLIT = re.compile(r"[()\[\],;]| - ")


@dataclass(frozen=True, slots=True)
class Manufacturer:
    name: str
    """Canonical name: the current owner for a known firm, the cleaned name otherwise."""
    key: str
    """What names compare on."""
    known: bool = False
    """Whether the name is in the manufacturers table."""
    convention: str = ""
    """Part-numbering convention id, if the table gives one."""
    via: str = ""
    """For an acquired firm: "Linear Technology, part of Analog Devices since 2017"."""


def _key(text: str) -> str:
    words = re.sub(r"[^\w]+", " ", text.casefold().replace(".", "").replace("&", " and ")).split()
    return " ".join(w for w in words if w not in _LEGAL)


def _display(text: str) -> str:
    """The name without its trailing legal form: "Aura Semiconductor Co., Ltd." -> "Aura Semiconductor"."""
    words = text.split()
    while len(words) > 1 and not _key(words[-1]):
        words.pop()
    return " ".join(words).rstrip(",;.")


def _core(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _GENERIC) or key


@cache
def manufacturer_table() -> dict[str, Manufacturer]:
    """Every name and alias (full and core form) of the bundled table, to its :class:`Manufacturer`."""
    path = DATA / "manufacturers.yaml"
    table: dict[str, Manufacturer] = {}
    for i, entry in enumerate(load_yaml(path) or (), start=1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise InputError(f"entry {i} has no name", path=path)
        name, convention = str(entry["name"]), str(entry.get("convention") or "")
        owner = Manufacturer(name, _core(_key(name)), True, convention)
        for alias in [name, *map(str, entry.get("aliases") or ())]:
            table.setdefault(_key(alias), owner)
        for bought in entry.get("acquired") or ():
            old = str(bought["name"])
            since = f" since {bought['year']}" if bought.get("year") else ""
            firm = Manufacturer(name, owner.key, True, convention, f"{old}, part of {name}{since}")
            for alias in [old, *map(str, bought.get("aliases") or ())]:
                table.setdefault(_key(alias), firm)
    for key, firm in list(table.items()):
        table.setdefault(_core(key), firm)
    return table


@lru_cache(maxsize=65536)
def normalise_manufacturer(text: str) -> Manufacturer:
    """The :class:`Manufacturer` a name stands for ("" for a blank name)."""
    text = " ".join(text.split())
    if not text:
        return Manufacturer("", "")
    table = manufacturer_table()
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    for candidate in dict.fromkeys([text, *parts]):
        key = _key(candidate)
        found = table.get(key) or table.get(_core(key))
        if found is not None:
            return found
    outer = _display(parts[0] if parts else text)
    return Manufacturer(outer, _core(_key(outer)))


def same_manufacturer(a: Manufacturer, b: Manufacturer) -> bool | None:
    """True or False when both names are given, None when either is blank."""
    if not a.key or not b.key:
        return None
    if a.key == b.key:
        return True
    if a.known and b.known:
        return False
    small, large = sorted((set(a.key.split()), set(b.key.split())), key=len)
    return small <= large
