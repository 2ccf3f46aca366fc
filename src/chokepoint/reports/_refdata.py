"""Reference gazetteers shipped with chokepoint: places (``data/places.csv``) and weapon systems
(``data/weapons.csv``), each a comment-headed CSV of ``name,aliases,kind,…``.

Loaded once and cached; a malformed file raises :class:`InputError` naming file and line, so a bad
edit fails at the first ingest rather than silently dropping names.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chokepoint.errors import InputError

__all__ = ["DATA", "PLACE_KINDS", "WEAPON_KINDS", "Reference", "load_reference", "places", "weapons"]

DATA = Path(__file__).resolve().with_name("data")
PLACE_KINDS = frozenset({"port", "city", "site", "region", "sea", "country"})
WEAPON_KINDS = frozenset(
    {
        "one-way attack drone",
        "reconnaissance drone",
        "combat drone",
        "loitering munition",
        "missile",
        "family",
    }
)


@dataclass(frozen=True, slots=True)
class Reference:
    """One place or weapon system and the names it goes by."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    """A place kind (port, city, …) or a weapon kind (one-way attack drone, …)."""
    country: str
    """ISO alpha-2 (``origin`` for weapons); blank when none."""
    note: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def load_reference(
    path: str | Path, kinds: frozenset[str], country_field: str = "country"
) -> list[Reference]:
    """Read one reference CSV; every row needs a name and one of ``kinds``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read as UTF-8 text: {exc}", path=path) from None
    lines = text.splitlines(keepends=True)
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    reader = csv.DictReader(io.StringIO("".join(lines[skip:])), strict=True)
    needed = {"name", "aliases", "kind", country_field, "note"}
    if reader.fieldnames is None or not needed <= set(reader.fieldnames):
        missing = sorted(needed - set(reader.fieldnames or ()))
        raise InputError(f"missing column(s): {', '.join(missing)}", path=path, line=skip + 1)
    out: list[Reference] = []
    try:
        for row in reader:
            line = skip + reader.line_num
            if None in row or any(v is None for v in row.values()):
                raise InputError("wrong number of fields", path=path, line=line)
            name, kind = row["name"].strip(), row["kind"].strip()
            if not name:
                raise InputError("name is blank", path=path, line=line)
            if kind not in kinds:
                raise InputError(
                    f"kind {kind!r} is not one of {', '.join(sorted(kinds))}", path=path, line=line
                )
            aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
            out.append(
                Reference(name, aliases, kind, row[country_field].strip().upper(), row["note"].strip())
            )
    except csv.Error as exc:
        raise InputError(f"broken CSV: {exc}", path=path, line=skip + reader.line_num) from None
    return out


@cache
def places() -> tuple[Reference, ...]:
    return tuple(load_reference(DATA / "places.csv", PLACE_KINDS))


@cache
def weapons() -> tuple[Reference, ...]:
    return tuple(load_reference(DATA / "weapons.csv", WEAPON_KINDS, "origin"))
