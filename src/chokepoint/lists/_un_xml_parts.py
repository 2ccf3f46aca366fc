"""Sub-records of the UN Security Council XML: names, aliases, dates, places, documents.

Helpers for :mod:`chokepoint.lists._un_xml`; each takes one INDIVIDUAL/ENTITY element and
adds FollowTheMoney properties to the subject. Values FtM cannot clean go to ``notes``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from chokepoint.model import Entity

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"^\d{4}$")
_PLAIN_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9\-/. ]*$")
_TRAILING_NUMBER = re.compile(r"(?:\b[A-Z]{1,3}\s)?[\w/.\-°]*\d[\w/.\-°]*$", re.I)
_NOTE_NUMBER = re.compile(r"(?:number|no\.?|n°)\s*:?\s*([A-Z]{0,3}[ -]?\d[\w/\-]*)", re.I)
_PASSPORT = re.compile(r"passport|passeport|pasaporte", re.I)
_MISSING = {"", "na", "n/a", "none", "unknown"}


def text(node: etree._Element | None) -> str | None:
    """The element's text with whitespace collapsed, or None when empty."""
    if node is None:
        return None
    value = " ".join("".join(node.itertext()).split())
    return value or None


def child(el: etree._Element, path: str) -> str | None:
    return text(el.find(path))


def children(el: etree._Element, path: str) -> Iterator[str]:
    for node in el.iterfind(path):
        value = text(node)
        if value is not None:
            yield value


def iso_date(value: str | None) -> str | None:
    """``2015-04-07-04:00`` → ``2015-04-07``; None for anything that is not a date."""
    if value and _ISO.match(value):
        return value[:10]
    return None


def add_or_note(entity: Entity, prop: str, value: str | None, label: str) -> None:
    """Add ``value`` to ``prop``; if FtM cannot clean it, keep ``label: value`` in notes."""
    if value is None or value.strip().lower() in _MISSING:
        return
    schema_prop = entity.schema.get(prop)
    if schema_prop is not None and schema_prop.type.clean(value, proxy=entity) is not None:
        entity.add(prop, value)
    else:
        entity.add("notes", f"{label}: {value}")


def joined(el: etree._Element, fields: tuple[str, ...]) -> str | None:
    parts = [child(el, f) for f in fields]
    return ", ".join(p for p in parts if p) or None


def add_aliases(entity: Entity, el: etree._Element, tag: str) -> None:
    """``QUALITY`` Good / a.k.a. → alias, Low → weakAlias, f.k.a. → previousName."""
    for alias in el.iterfind(tag):
        name = child(alias, "ALIAS_NAME")
        if name is None:
            continue
        quality = (child(alias, "QUALITY") or "").lower()
        prop = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
        entity.add(prop, name)
        if entity.schema.is_a("Person"):
            entity.add("birthDate", iso_date(child(alias, "DATE_OF_BIRTH")) or child(alias, "DATE_OF_BIRTH"))
            entity.add("birthPlace", joined(alias, ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH")))
        note = child(alias, "NOTE")
        if note:
            entity.add("notes", f"Alias {name}: {note}")


def add_birth_dates(entity: Entity, el: etree._Element) -> None:
    """EXACT / APPROXIMATELY give DATE or YEAR; BETWEEN gives every year FROM_YEAR..TO_YEAR."""
    for dob in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        day, year = iso_date(child(dob, "DATE")), child(dob, "YEAR")
        if day:
            entity.add("birthDate", day)
        elif year and _YEAR.match(year):
            entity.add("birthDate", year)
        low, high = child(dob, "FROM_YEAR"), child(dob, "TO_YEAR")
        if low and high and _YEAR.match(low) and _YEAR.match(high) and 0 <= int(high) - int(low) <= 20:
            entity.add("birthDate", [str(y) for y in range(int(low), int(high) + 1)])
        else:
            entity.add("birthDate", [y for y in (low, high) if y and _YEAR.match(y)])
        note = child(dob, "NOTE")
        if note:
            entity.add("notes", f"Date of birth: {note}")


def add_birth_places(entity: Entity, el: etree._Element) -> None:
    for pob in el.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        entity.add("birthPlace", joined(pob, ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")))
        add_or_note(entity, "birthCountry", child(pob, "COUNTRY"), "Country of birth")
        note = child(pob, "NOTE")
        if note:
            entity.add("notes", f"Place of birth: {note}")


def add_addresses(entity: Entity, el: etree._Element, tag: str) -> None:
    """One-line address (only when more than the country is given), country, and any note."""
    for addr in el.iterfind(tag):
        country = child(addr, "COUNTRY")
        add_or_note(entity, "country", country, "Country")
        line = joined(addr, ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"))
        if line and line != country:
            entity.add("address", line)
        note = child(addr, "NOTE")
        if note:
            entity.add("notes", f"Address {line or '(no address)'}: {note}")


def document_number(raw: str) -> str | None:
    """The identifier in a NUMBER field such as ``French passport number 05AT521433``."""
    value = re.sub(r"\([^)]*\)", " ", raw).split(",")[0].strip()
    if _PLAIN_NUMBER.match(value):
        return value
    match = _TRAILING_NUMBER.search(value)
    return match.group(0).strip() if match else None


def add_documents(entity: Entity, el: etree._Element) -> None:
    """Passports → passportNumber, every other document → idNumber; details into notes."""
    for doc in el.iterfind("INDIVIDUAL_DOCUMENT"):
        kind = child(doc, "TYPE_OF_DOCUMENT") or ""
        kind2 = child(doc, "TYPE_OF_DOCUMENT2")
        raw, note = child(doc, "NUMBER"), child(doc, "NOTE")
        number = document_number(raw) if raw else None
        if number is None:
            for hint in (kind2, note):
                match = _NOTE_NUMBER.search(hint or "")
                if match:
                    number = match.group(1).strip()
                    break
        passport = bool(_PASSPORT.search(kind)) or bool(
            kind2 and _PASSPORT.search(kind2) and "on passport" not in kind2.lower()
        )
        if number:
            entity.add("passportNumber" if passport else "idNumber", number)
        details = [
            d
            for d in (
                kind2 if kind2 and kind2.lower() != kind.lower() else None,
                raw if raw and raw != number else None,
                child(doc, "ISSUING_COUNTRY") or child(doc, "COUNTRY_OF_ISSUE"),
                f"issued {child(doc, 'DATE_OF_ISSUE')}" if child(doc, "DATE_OF_ISSUE") else None,
                child(doc, "CITY_OF_ISSUE"),
                note,
            )
            if d
        ]
        if details or (kind and not number):
            label = " ".join(p for p in (kind or "Document", number) if p)
            entity.add("notes", f"{label}: {'; '.join(details)}" if details else label)
