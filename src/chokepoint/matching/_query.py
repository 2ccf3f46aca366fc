"""What is screened: a :class:`Query` (from a CSV row or an entity) and a :class:`Target`.

Both reduce a party to the same parts: schema kind, names, birth dates, countries,
identifiers and gender, cleaned once with FollowTheMoney's types so comparisons are
plain set and string operations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from followthemoney.types import registry

from chokepoint.matching._analysis import kind_of
from chokepoint.matching._translit import to_ascii
from chokepoint.matching._variants import name_variants
from chokepoint.model import Entity

__all__ = ["MAX_NAME", "Query", "Target", "clean_identifier"]

MAX_NAME = 500  # characters; longer "names" are refused per row
NAME_PROPS = ("name", "alias", "previousName")
WEAK_PROPS = ("weakAlias",)
ID_PROPS = (
    "imoNumber", "mmsi", "passportNumber", "idNumber", "registrationNumber", "taxNumber", "innCode",
    "ogrnCode", "swiftBic", "leiCode", "vatCode", "okpoCode", "callSign",
)  # fmt: skip
COUNTRY_PROPS = (
    "nationality",
    "citizenship",
    "country",
    "jurisdiction",
    "birthCountry",
    "flag",
    "mainCountry",
)
_ID_CLEAN = re.compile(r"[^A-Z0-9]")
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def clean_identifier(value: str) -> str | None:
    """Upper-case alphanumerics only ("IMO 9240914" → "IMO9240914" → also "9240914")."""
    text = _ID_CLEAN.sub("", value.upper())
    if text.startswith("IMO") and text[3:].isdigit():
        text = text[3:]
    return text if len(text) >= 4 else None


def name_parts(first: str, last: str) -> tuple[str, str] | None:
    """(given name, family name) as plain lowercase words, when both are given."""
    given, family = (_NOT_LETTERS.sub(" ", to_ascii(p)).strip() for p in (first, last))
    return (given, family) if given and family else None


def _variants(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for n in names if n for v in name_variants(n)))


def _dates(values: list[str]) -> frozenset[str]:
    return frozenset(d for v in values if (d := registry.date.clean(v)))


def _countries(values: list[str]) -> frozenset[str]:
    return frozenset(c for v in values if (c := registry.country.clean(v)))


class _Party:
    """What queries and targets derive alike, once each (scoring reads them per candidate)."""

    schema: str
    birth_dates: frozenset[str]
    parts: tuple[str, str] | None

    @cached_property
    def kind(self) -> str:
        return kind_of(self.schema)

    @cached_property
    def birth_years(self) -> frozenset[int]:
        return frozenset(int(d[:4]) for d in self.birth_dates if d[:4].isdigit())


@dataclass(frozen=True)
class Query(_Party):
    """A party to screen."""

    schema: str
    names: tuple[str, ...]
    birth_dates: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()
    gender: str | None = None
    key: str | None = None
    parts: tuple[str, str] | None = None
    """(given name, family name) when the party states both (firstName and lastName)."""

    @classmethod
    def from_row(cls, row: Mapping[str, str | None]) -> Query:
        """A query from a ``screen parties`` CSV row (full_name or name, first/middle/last …)."""

        def get(key: str) -> str:
            return (row.get(key) or "").strip()

        parts = " ".join(p for p in (get("first_name"), get("middle_name"), get("last_name")) if p)
        written = (get("full_name") or get("name"), parts)
        names = _variants(list(written))
        schema = get("schema") or (
            "Person" if parts or get("date_of_birth") or get("gender") else "LegalEntity"
        )
        countries = [get("nationality"), get("country")]
        gender = registry.gender.clean(get("gender")) if get("gender") else None
        ids = [get(k) for k in ("id_number", "passport_number", "imo", "registration_number") if get(k)]
        return cls(
            schema=schema,
            names=names,
            birth_dates=_dates([get("date_of_birth")]),
            countries=_countries([c for c in countries if c]),
            identifiers=frozenset(i for v in ids if (i := clean_identifier(v))),
            gender=gender,
            key=get("id") or None,
            parts=name_parts(get("first_name"), get("last_name")),
        )

    @classmethod
    def from_entity(cls, entity: Entity) -> Query:
        """A query for an FtM entity, reduced as listed entities are (what ``/match`` screens)."""
        reduced = Target.from_entity(0, entity)
        return cls(
            schema=entity.schema.name,
            names=tuple(dict.fromkeys(reduced.names + reduced.weak_names)),
            birth_dates=reduced.birth_dates,
            countries=reduced.countries,
            identifiers=reduced.identifiers,
            gender=reduced.gender,
            parts=reduced.parts,
        )


@dataclass(frozen=True)
class Target(_Party):
    """A listed entity, reduced for matching."""

    index: int
    id: str
    schema: str
    caption: str
    names: tuple[str, ...]
    weak_names: tuple[str, ...] = ()
    birth_dates: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()
    gender: str | None = None
    list_ref: str | None = None
    source: str | None = None
    datasets: tuple[str, ...] = field(default_factory=tuple)
    parts: tuple[str, str] | None = None

    @classmethod
    def from_entity(cls, index: int, entity: Entity, *, list_ref: str | None = None) -> Target:
        names = [n for p in NAME_PROPS for n in entity.get(p, quiet=True)]
        parts = None
        if entity.schema.is_a("Person"):
            first, last = entity.get("firstName", quiet=True), entity.get("lastName", quiet=True)
            middle = [v for p in ("middleName", "fatherName") for v in entity.get(p, quiet=True)[:1]]
            names += [" ".join((f, *middle, la)) for f in first[:3] for la in last[:3]]
            parts = name_parts(first[0], last[0]) if first and last else None
        return cls(
            index=index,
            id=str(entity.id),
            schema=entity.schema.name,
            caption=entity.caption,
            names=_variants(names),
            weak_names=_variants(entity.get("weakAlias", quiet=True)),
            birth_dates=frozenset(entity.get("birthDate", quiet=True)),
            countries=frozenset(c for p in COUNTRY_PROPS for c in entity.get(p, quiet=True)),
            identifiers=frozenset(
                i for p in ID_PROPS for v in entity.get(p, quiet=True) if (i := clean_identifier(v))
            ),
            gender=(entity.get("gender", quiet=True) or [None])[0],
            list_ref=list_ref,
            source=entity.context.get("source") or (sorted(entity.datasets)[0] if entity.datasets else None),
            datasets=tuple(sorted(entity.datasets)),
            parts=parts,
        )
