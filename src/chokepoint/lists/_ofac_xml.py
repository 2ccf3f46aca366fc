"""OFAC Sanctions List Service "Enhanced XML" (``SDN_ENHANCED.XML``, ``CONS_ENHANCED.XML``).

Each ``<entity>`` becomes a listed subject (Person, Organization, Company, PublicBody, Vessel,
Airplane) with ID ``make_id(source, UID)`` and ref the OFAC UID, plus one Sanction; relationships
between entities of the file become Ownership / Associate / Family / UnknownLink records.
Anything that is not such a file raises ListFormatError naming file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from lxml import etree

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListData, ListFile, parse_xml
from chokepoint.lists._ofac_xml_features import SanctionInfo, apply_documents, apply_features
from chokepoint.lists._ofac_xml_parts import Ref, X, apply_addresses, apply_names, own_text
from chokepoint.model import Entity, make_entity, make_id

FORMAT = "ofac-xml"

AUTHORITY = "US Treasury OFAC"
DETAIL_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
_MARK = b"sanctionslistservice.ofac.treas.gov/api/publicationpreview/exports/enhanced_xml"
_TITLES = {
    "us_ofac_sdn": "OFAC Specially Designated Nationals (SDN) List, Enhanced XML",
    "us_ofac_cons": "OFAC Consolidated (non-SDN) Sanctions List, Enhanced XML",
}
_SCHEMATA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_COMPANY_TYPES = {"private company", "public company", "state-owned enterprise", "financial institution"}
_COMPANY_FEATURES = {"isin", "equity ticker", "bik (ru)", "issuer name"}
_OWNED_BY = "owned or controlled by"
_OWNS = "owns, controls, or operates"


class _Link(NamedTuple):
    rel_id: str
    subject: str
    kind: str
    other: str
    other_name: str


def detect(head: bytes) -> bool:
    lower = head.lower()
    return b"<sanctionsdata" in lower and _MARK in lower


def _fail(file: ListFile, message: str, el: etree._Element | None = None) -> ListFormatError:
    return ListFormatError(message, path=file.name, line=el.sourceline if el is not None else None)


def _references(x: X, root: etree._Element) -> dict[str, Ref]:
    refs: dict[str, Ref] = {}
    for ref in x.all(root, "referenceValues/referenceValue"):
        ref_id = ref.get("refId")
        if ref_id:
            refs[ref_id] = (x.text(ref, "type") or "", x.text(ref, "value") or "", x.text(ref, "isoCode"))
    return refs


def _source(x: X, root: etree._Element, file: ListFile, entities: list[etree._Element]) -> str:
    """``us_ofac_sdn`` or ``us_ofac_cons``: from the publication filter, the file name, the entries."""
    named = {(t.text or "").strip().lower() for t in x.all(root, "publicationInfo/filters/sanctionsLists/*")}
    if any("consolidated" in n for n in named):
        return "us_ofac_cons"
    if "sdn list" in named:
        return "us_ofac_sdn"
    base = file.basename.upper()
    if "CONS" in base or "SDN" in base:
        return "us_ofac_cons" if "CONS" in base else "us_ofac_sdn"
    on_sdn = all(
        any(own_text(s) == "SDN List" for s in x.all(e, "sanctionsLists/sanctionsList")) for e in entities
    )
    return "us_ofac_sdn" if on_sdn else "us_ofac_cons"


def _published(x: X, root: etree._Element) -> date | None:
    try:
        return date.fromisoformat((x.text(root, "publicationInfo/dataAsOf") or "")[:10])
    except ValueError:
        return None


def _schema(x: X, el: etree._Element, uid: str, assets: set[str]) -> str:
    kind = (x.text(el, "generalInfo/entityType") or "").lower()
    if kind in _SCHEMATA:
        return _SCHEMATA[kind]
    if kind != "entity":
        return "LegalEntity"
    features = [
        ((x.text(f, "type") or "").lower(), (x.text(f, "value") or "").lower())
        for f in x.all(el, "features/feature")
    ]
    kinds = {kind for kind, _ in features}
    target_types = {value for kind, value in features if kind == "target type"}
    if uid in assets or target_types & _COMPANY_TYPES or _COMPANY_FEATURES & kinds:
        return "Company"
    return "PublicBody" if "government entity" in target_types else "Organization"


def _sanction(x: X, el: etree._Element, subject: Entity, source: str, uid: str, info: SanctionInfo) -> Entity:
    sanction = make_entity("Sanction", make_id(source, uid, "sanction"), source=source, ref=uid, target=False)
    sanction.add("entity", subject.id, cleaned=True)  # make_id IDs hold "_", which FtM would drop
    sanction.add("authority", AUTHORITY)
    sanction.add("authorityId", uid)
    sanction.add("country", "us")
    sanction.add("sourceUrl", DETAIL_URL.format(uid))
    for program in x.all(el, "sanctionsPrograms/sanctionsProgram"):
        sanction.add("program", own_text(program))
        subject.add("program", own_text(program), quiet=True)
    for kind in x.all(el, "sanctionsTypes/sanctionsType"):
        sanction.add("provisions", own_text(kind))
    sanction.add("provisions", info.provisions)
    for authority in x.all(el, "legalAuthorities/legalAuthority"):
        sanction.add("summary", own_text(authority))
    lists = x.all(el, "sanctionsLists/sanctionsList")
    names = [n for n in (own_text(s) for s in lists) if n]
    if names:
        sanction.add("description", "Lists: " + "; ".join(names))
    listed = [s.get("datePublished") or "" for s in lists] + info.listing_dates
    listed = [d for d in listed if d[:4].isdigit()]
    if listed:
        sanction.add("listingDate", min(listed)[:10])
    if info.start_dates:
        sanction.add("startDate", min(info.start_dates))
    return sanction


def _subject(
    x: X, el: etree._Element, file: ListFile, uid: str, schema: str, source: str, refs: dict[str, Ref]
) -> Entity:
    entity = make_entity(schema, make_id(source, uid), source=source, ref=uid, target=True)
    if apply_names(x, entity, el) == 0:
        raise _fail(file, f"entity {uid} has no name", el)
    entity.add("notes", x.text(el, "generalInfo/remarks"), quiet=True)
    entity.add("topics", "sanction", quiet=True)
    entity.add("sourceUrl", DETAIL_URL.format(uid), quiet=True)
    apply_addresses(x, entity, el, refs)
    apply_documents(x, entity, el, refs)
    return entity


def _link(source: str, link: _Link, subjects: dict[str, Entity]) -> Entity:
    """The FtM record for one relationship whose both ends are in the file."""
    this, other = subjects[link.subject], subjects[link.other]
    kind = link.kind.lower()
    owner, asset = (other, this) if kind == _OWNED_BY else (this, other)
    if kind in (_OWNED_BY, _OWNS) and asset.schema.is_a("Asset"):
        schema, props = "Ownership", {"owner": owner.id, "asset": asset.id, "role": link.kind}
    elif kind == "associate of" and this.schema.is_a("Person") and other.schema.is_a("Person"):
        schema, props = "Associate", {"person": this.id, "associate": other.id, "relationship": link.kind}
    elif kind == "family member of" and this.schema.is_a("Person") and other.schema.is_a("Person"):
        schema, props = "Family", {"person": this.id, "relative": other.id, "relationship": link.kind}
    else:
        schema, props = "UnknownLink", {"subject": this.id, "object": other.id, "role": link.kind}
    entity = make_entity(
        schema, make_id(source, "rel", link.rel_id), source=source, ref=link.rel_id, target=False
    )
    for prop, value in props.items():
        entity.add(prop, value, cleaned=entity.schema.properties[prop].type.name == "entity")
    return entity


def _read_file(file: ListFile) -> ListData:
    root = parse_xml(file)
    qname = etree.QName(root)
    if qname.localname != "sanctionsData":
        raise _fail(file, f"not OFAC Enhanced XML: the root element is <{qname.localname}>", root)
    x = X(qname.namespace)
    elements = x.all(root, "entities/entity")
    if not elements:
        raise _fail(file, "the file holds no <entities>/<entity> records", root)
    refs = _references(x, root)
    source = _source(x, root, file, elements)
    links: dict[str, _Link] = {}
    assets: set[str] = set()
    seen: set[str] = set()
    for el in elements:
        uid = (el.get("id") or "").strip()
        if not uid:
            raise _fail(file, "entity without an id attribute", el)
        if uid in seen:
            raise _fail(file, f"duplicate entity id {uid}", el)
        seen.add(uid)
        for rel in x.all(el, "relationships/relationship"):
            other_el = x.first(rel, "relatedEntity")
            other = (other_el.get("entityId") or "").strip() if other_el is not None else ""
            kind = x.text(rel, "type") or "Linked To"
            rel_id = rel.get("id") or f"{uid}-{other}-{kind}"
            links.setdefault(rel_id, _Link(rel_id, uid, kind, other, own_text(other_el) or other))
            if kind.lower() == _OWNED_BY:
                assets.add(uid)
            elif kind.lower() == _OWNS:
                assets.add(other)
    subjects: dict[str, Entity] = {}
    out: list[Entity] = []
    for el in elements:
        uid = (el.get("id") or "").strip()
        subject = _subject(x, el, file, uid, _schema(x, el, uid, assets), source, refs)
        info = apply_features(x, subject, el, refs)
        subjects[uid] = subject
        out.append(subject)
        out.append(_sanction(x, el, subject, source, uid, info))
    for link in links.values():
        if link.other in subjects and link.other != link.subject:
            out.append(_link(source, link, subjects))
        else:
            subjects[link.subject].add("notes", f"{link.kind}: {link.other_name}", quiet=True)
    return ListData(
        format=FORMAT,
        source=source,
        files=[file],
        entities=out,
        published=_published(x, root),
        title=_TITLES[source],
    )


def read(files: Sequence[ListFile]) -> list[ListData]:
    return [_read_file(file) for file in files]
