"""Catalogues of components documented in weapons, and the transshipment jurisdictions.

A catalogue is a CSV with ``manufacturer,part_number,component_type,manufacturer_country,found_in,
source`` (the shape of ../shared/data/goods/uav_components.csv); chokepoint ships a small one written
from public reporting (``data/drone_components.csv``) and users bring their own. Malformed rows raise
:class:`InputError` naming file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.goods._refdata import DATA, csv_records

__all__ = [
    "BUNDLED_CATALOGUE",
    "CATALOGUE_COLUMNS",
    "JURISDICTION_COLUMNS",
    "Component",
    "Jurisdiction",
    "bundled_catalogue",
    "load_catalogue",
    "load_catalogues",
    "load_jurisdictions",
]

#: The catalogue that ships with chokepoint (a few dozen parts documented by public reporting).
BUNDLED_CATALOGUE = DATA / "drone_components.csv"
CATALOGUE_COLUMNS = (
    "manufacturer",
    "part_number",
    "component_type",
    "manufacturer_country",
    "found_in",
    "source",
)
JURISDICTION_COLUMNS = ("country_iso2", "country", "why", "source")

_GUR = re.compile(r"\bGUR\b[^;]*?\bcomponents? (\d+(?:, ?\d+)*)")


@dataclass(frozen=True, slots=True)
class Component:
    manufacturer: str
    part_number: str
    component_type: str
    manufacturer_country: str
    found_in: str
    """The weapon the part was documented in ("Shahed-136 (Geran-2)")."""
    source: str
    path: str = ""
    line: int = 0

    @property
    def refs(self) -> tuple[str, ...]:
        """Short references to where it is documented: "GUR 4847", or the source's first clause."""
        match = _GUR.search(self.source)
        if match:
            return tuple(f"GUR {n.strip()}" for n in match.group(1).split(","))
        first = self.source.split(";")[0].strip()
        return (first[:60].rstrip() + ("…" if len(first) > 60 else ""),) if first else ()


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    country_iso2: str
    country: str
    why: str
    source: str


def load_catalogue(path: str | Path) -> list[Component]:
    """Read one catalogue; rows may lack a part number but must name a maker and a weapon."""
    components = []
    for line, row in csv_records(path, CATALOGUE_COLUMNS):
        if not row["manufacturer"] and not row["part_number"]:
            raise InputError("row names neither a manufacturer nor a part number", path=path, line=line)
        if not row["found_in"]:
            raise InputError("found_in is blank: which weapon was the part found in?", path=path, line=line)
        country = row["manufacturer_country"].upper()
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise InputError(
                f"manufacturer_country {row['manufacturer_country']!r} is not a 2-letter ISO code",
                path=path,
                line=line,
            )
        components.append(
            Component(
                row["manufacturer"],
                row["part_number"],
                row["component_type"],
                country,
                row["found_in"],
                row["source"],
                str(path),
                line,
            )
        )
    return components


@cache
def bundled_catalogue() -> tuple[Component, ...]:
    return tuple(load_catalogue(BUNDLED_CATALOGUE))


def load_catalogues(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> list[Component]:
    """The bundled catalogue (unless ``bundled=False``) followed by each file in ``paths``."""
    components = list(bundled_catalogue()) if bundled else []
    for path in paths:
        components.extend(load_catalogue(path))
    return components


def load_jurisdictions(path: str | Path | None = None) -> dict[str, Jurisdiction]:
    """Transshipment jurisdictions by ISO code: the bundled list, or the file at ``path``."""
    path = DATA / "transshipment.csv" if path is None else path
    table: dict[str, Jurisdiction] = {}
    for line, row in csv_records(path, JURISDICTION_COLUMNS):
        code = row["country_iso2"].upper()
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise InputError(
                f"country_iso2 {row['country_iso2']!r} is not a 2-letter ISO code", path=path, line=line
            )
        if code in table:
            raise InputError(f"country_iso2 {code} is listed twice", path=path, line=line)
        table[code] = Jurisdiction(code, row["country"], row["why"], row["source"])
    return table
