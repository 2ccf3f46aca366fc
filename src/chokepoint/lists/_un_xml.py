"""UN Security Council Consolidated List XML (scsanctions.un.org ``consolidated.xml``).

Root ``CONSOLIDATED_LIST`` (``dateGenerated`` = published); each ``INDIVIDUAL`` becomes a
Person and each ``ENTITY`` an Organization (the list names shipping companies, not ships),
with one Sanction each. Reference = REFERENCE_NUMBER (``QDi.001``), ID ``un-sc-qdi-001``;
references to other entries in COMMENTS1 become UnknownLinks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from followthemoney.exc import FollowTheMoneyException
from lxml import etree

from chokepoint.errors import ListFormatError
from chokepoint.lists import _un_xml_parts as parts
from chokepoint.lists._base import ListData, ListFile, parse_xml
from chokepoint.model import Entity, make_entity, make_id

FORMAT = "un-xml"
SOURCE = "un_sc"
TITLE = "UN Security Council Consolidated List"
AUTHORITY = "United Nations Security Council"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"

_NAME_FIELDS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_REF = re.compile(r"\b[A-Z]{2}[ie]\.\d{3}\b")
_IMO = re.compile(r"\bIMO\s*(?:number|no\.?)?\s*:?\s*(\d{7})\b", re.I)


def detect(head: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in head


def _published(root: etree._Element) -> date | None:
    stamp = parts.iso_date(root.get("dateGenerated"))
    try:
        return date.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


def _subject(el: etree._Element, schema: str, ref: str) -> Entity:
    entity = make_entity(schema, make_id(SOURCE, ref), source=SOURCE, ref=ref)
    names = [parts.child(el, f) for f in _NAME_FIELDS]
    entity.add("name", " ".join(n for n in names if n))
    entity.add("alias", parts.child(el, "NAME_ORIGINAL_SCRIPT"))
    entity.add("program", parts.child(el, "UN_LIST_TYPE"))
    entity.add("topics", "sanction")
    entity.add("createdAt", parts.iso_date(parts.child(el, "LISTED_ON")))
    updates = [d for d in map(parts.iso_date, parts.children(el, "LAST_DAY_UPDATED/VALUE")) if d]
    entity.add("modifiedAt", max(updates, default=None))
    comments = parts.child(el, "COMMENTS1")
    entity.add("notes", comments)
    if schema == "Person":
        first, second, third, fourth = names
        entity.add("firstName", first)
        entity.add("secondName", second)
        entity.add("middleName", [third, fourth])
        entity.add("title", list(parts.children(el, "TITLE/VALUE")))
        entity.add("position", list(parts.children(el, "DESIGNATION/VALUE")))
        entity.add("gender", parts.child(el, "GENDER"))
        for nationality in parts.children(el, "NATIONALITY/VALUE"):
            parts.add_or_note(entity, "nationality", nationality, "Nationality")
        parts.add_aliases(entity, el, "INDIVIDUAL_ALIAS")
        parts.add_addresses(entity, el, "INDIVIDUAL_ADDRESS")
        parts.add_birth_dates(entity, el)
        parts.add_birth_places(entity, el)
        parts.add_documents(entity, el)
    else:
        parts.add_aliases(entity, el, "ENTITY_ALIAS")
        parts.add_addresses(entity, el, "ENTITY_ADDRESS")
        entity.add("imoNumber", _IMO.findall(comments or ""))
    return entity


def _sanction(el: etree._Element, subject: Entity, ref: str) -> Entity:
    sanction = make_entity("Sanction", make_id(SOURCE, ref, "sanction"), source=SOURCE, ref=ref, target=False)
    sanction.add("entity", subject.id, cleaned=True)  # make_id IDs hold "_"
    sanction.add("authority", AUTHORITY)
    sanction.add("program", parts.child(el, "UN_LIST_TYPE"))
    sanction.add("unscId", ref)
    sanction.add("listingDate", parts.iso_date(parts.child(el, "LISTED_ON")))
    sanction.add("reason", parts.child(el, "COMMENTS1"))
    sanction.add("sourceUrl", SOURCE_URL)
    return sanction


def _links(el: etree._Element, ref: str, ids: dict[str, str]) -> list[Entity]:
    """UnknownLinks to the other entries whose reference numbers the comments name."""
    out = []
    for other in dict.fromkeys(_REF.findall(parts.child(el, "COMMENTS1") or "")):
        if other == ref or other not in ids:
            continue
        link = make_entity("UnknownLink", make_id(SOURCE, ref, "link", other), source=SOURCE, ref=ref)
        link.add("subject", ids[ref], cleaned=True)
        link.add("object", ids[other], cleaned=True)
        link.add("role", "named in the listing comments")
        out.append(link)
    return out


def _records(file: ListFile, root: etree._Element) -> list[tuple[etree._Element, str, str]]:
    """(element, schema, reference) for every entry; refuses missing or repeated references."""
    found = [(el, "Person") for el in root.iterfind("INDIVIDUALS/INDIVIDUAL")]
    found += [(el, "Organization") for el in root.iterfind("ENTITIES/ENTITY")]
    if not found:
        raise ListFormatError("the list holds no INDIVIDUAL or ENTITY", path=file.name, line=root.sourceline)
    out, seen = [], set()
    for el, schema in found:
        ref = parts.child(el, "REFERENCE_NUMBER")
        if ref is None:
            raise ListFormatError("entry without REFERENCE_NUMBER", path=file.name, line=el.sourceline)
        if ref in seen:
            raise ListFormatError(f"duplicate REFERENCE_NUMBER {ref}", path=file.name, line=el.sourceline)
        if not any(parts.child(el, f) for f in _NAME_FIELDS):
            raise ListFormatError(f"entry {ref} has no name", path=file.name, line=el.sourceline)
        seen.add(ref)
        out.append((el, schema, ref))
    return out


def _read_file(file: ListFile) -> ListData:
    try:
        root = parse_xml(file)
    except (ValueError, etree.LxmlError) as exc:  # e.g. an encoding lxml does not know
        raise ListFormatError(f"malformed XML: {exc}", path=file.name) from None
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError(
            f"not a UN consolidated list: the root element is <{root.tag}>",
            path=file.name,
            line=root.sourceline,
        )
    records = _records(file, root)
    ids = {ref: make_id(SOURCE, ref) for _, _, ref in records}
    entities: list[Entity] = []
    for el, schema, ref in records:
        try:
            subject = _subject(el, schema, ref)
            entities += [subject, _sanction(el, subject, ref), *_links(el, ref, ids)]
        except (FollowTheMoneyException, ValueError, TypeError) as exc:
            raise ListFormatError(
                f"cannot read entry {ref}: {exc}", path=file.name, line=el.sourceline
            ) from None
    return ListData(
        format=FORMAT,
        source=SOURCE,
        files=[file],
        entities=entities,
        published=_published(root),
        title=TITLE,
    )


def read(files: Sequence[ListFile]) -> list[ListData]:
    return [_read_file(file) for file in files]
