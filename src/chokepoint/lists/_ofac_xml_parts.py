"""Shared pieces of the OFAC Enhanced XML reader: lookups, dates, names and addresses.

:class:`X` qualifies ``a/b`` paths with the document namespace; :func:`apply_names` and
:func:`apply_addresses` add an ``<entity>``'s names and addresses to its FtM subject.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from lxml import etree

from chokepoint.model import Entity

Ref = tuple[str, str, str | None]
"""A referenceValue: (type, value, isoCode)."""


class X:
    """Namespace-aware lookups: paths are written ``a/b`` and qualified once."""

    def __init__(self, namespace: str | None) -> None:
        self.prefix = f"{{{namespace}}}" if namespace else ""
        self._paths: dict[str, str] = {}

    def path(self, path: str) -> str:
        found = self._paths.get(path)
        if found is None:
            found = self._paths[path] = "/".join(self.prefix + p for p in path.split("/"))
        return found

    def text(self, el: etree._Element, path: str) -> str | None:
        value = el.findtext(self.path(path))
        value = value.strip() if value else None
        return value or None

    def all(self, el: etree._Element, path: str) -> list[etree._Element]:
        return el.findall(self.path(path))

    def first(self, el: etree._Element, path: str) -> etree._Element | None:
        return el.find(self.path(path))


def own_text(el: etree._Element | None) -> str | None:
    if el is None or not el.text:
        return None
    return el.text.strip() or None


def put(entity: Entity, prop: str, value: str | None, label: str = "", fallback: str | None = None) -> None:
    """Add ``value`` to ``prop``; use ``fallback`` or a ``label: value`` note where the schema lacks it."""
    if not value:
        return
    for name in (prop, fallback):
        if name and entity.schema.get(name) is not None:
            entity.add(name, value, quiet=True)
            return
    entity.add("notes", f"{label}: {value}" if label else value, quiet=True)


# --- dates ------------------------------------------------------------------------------------

_TEXT_DATES = (("%d %b %Y", 10), ("%Y-%m-%d", 10), ("%b %Y", 7), ("%Y", 4))


def span_dates(start: str | None, end: str | None) -> list[str]:
    """Reduce an OFAC date span to FtM dates: a day, ``YYYY-MM``, ``YYYY`` or its years."""
    try:
        a = date.fromisoformat((start or "")[:10])
        b = date.fromisoformat((end or start or "")[:10])
    except ValueError:
        return []
    if b < a:
        a, b = b, a
    if a == b:
        return [a.isoformat()]
    last_day = calendar.monthrange(b.year, b.month)[1]
    if (a.year, a.month, a.day) == (b.year, b.month, 1) and b.day == last_day:
        return [a.isoformat()[:7]]
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        if b.year - a.year <= 20:
            return [str(y) for y in range(a.year, b.year + 1)]
        return [str(a.year), str(b.year)]
    return [a.isoformat(), b.isoformat()]


def text_dates(value: str | None) -> list[str]:
    """Dates written as text ("08 Feb 1980", "Feb 1980", "1980"); "circa" is dropped."""
    value = re.sub(r"(?i)^(circa|approximately|ca\.?)\s+", "", (value or "").strip())
    for fmt, width in _TEXT_DATES:
        try:
            return [datetime.strptime(value, fmt).date().isoformat()[:width]]
        except ValueError:
            continue
    return []


def feature_dates(x: X, feature: etree._Element) -> list[str]:
    period = x.first(feature, "valueDate")
    if period is not None:
        found = span_dates(x.text(period, "fromDateBegin"), x.text(period, "toDateEnd"))
        if found:
            return found
    return text_dates(x.text(feature, "value"))


# --- names and addresses ----------------------------------------------------------------------

_PERSON_PARTS = {
    "last name": "lastName",
    "first name": "firstName",
    "middle name": "middleName",
    "patronymic": "fatherName",
    "matronymic": "motherName",
    "nickname": "weakAlias",
}


def apply_names(x: X, entity: Entity, el: etree._Element) -> int:
    """Add every name; returns how many names were found (0 means the entity is nameless)."""
    names = x.all(el, "names/name")
    has_primary = any(x.text(n, "isPrimary") == "true" for n in names)
    count = 0
    for index, name in enumerate(names):
        primary = x.text(name, "isPrimary") == "true" or (not has_primary and index == 0)
        kind = (x.text(name, "aliasType") or "").upper()
        if primary:
            prop = "name"
        elif x.text(name, "isLowQuality") == "true":
            prop = "weakAlias"
        elif kind.startswith("F.K.A"):
            prop = "previousName"
        else:
            prop = "alias"
        translations = x.all(name, "translations/translation")
        main = next((t for t in translations if x.text(t, "isPrimary") == "true"), None)
        if main is None and translations:
            main = translations[0]
        for tr in translations:
            parts = [(x.text(p, "type") or "", x.text(p, "value")) for p in x.all(tr, "nameParts/namePart")]
            full = x.text(tr, "formattedFullName") or " ".join(v for _, v in parts if v)
            if not full:
                continue
            count += 1
            entity.add(prop if tr is main or prop != "name" else "alias", full, quiet=True)
            if primary and tr is main and entity.schema.is_a("Person"):
                for kind_, value in parts:
                    part_prop = _PERSON_PARTS.get(kind_.lower())
                    if part_prop and value:
                        entity.add(part_prop, value, quiet=True)
    return count


_ADDRESS_ORDER = ("ADDRESS1", "ADDRESS2", "ADDRESS3", "CITY", "STATE/PROVINCE", "POSTAL CODE", "REGION")
_ADDRESS_RANK = {kind: rank for rank, kind in enumerate(_ADDRESS_ORDER)}


def country_code(refs: dict[str, Ref], el: etree._Element | None) -> str | None:
    """The ISO code of a country reference, else its text."""
    if el is None:
        return None
    ref = refs.get(el.get("refId") or "")
    return (ref[2] if ref and ref[2] else None) or own_text(el)


def apply_addresses(x: X, entity: Entity, el: etree._Element, refs: dict[str, Ref]) -> None:
    for address in x.all(el, "addresses/address"):
        country_el = x.first(address, "country")
        put(entity, "country", country_code(refs, country_el))
        country_name = own_text(country_el)
        for tr in x.all(address, "translations/translation"):
            parts = [
                (x.text(p, "type") or "", x.text(p, "value")) for p in x.all(tr, "addressParts/addressPart")
            ]
            parts.sort(key=lambda p: _ADDRESS_RANK.get(p[0].upper(), len(_ADDRESS_RANK)))
            values = [v for _, v in parts if v]
            if values:
                if country_name:
                    values.append(country_name)
                entity.add("address", ", ".join(values), quiet=True)
