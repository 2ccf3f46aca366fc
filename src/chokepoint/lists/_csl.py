"""US Consolidated Screening List CSV (trade.gov CSL: SDN, Entity List, DPL, UVL, MEU, ...).

One listed subject and one Sanction per row: a row is one listing on one sub-list, so the
few ``_id``s that recur (one OFAC record on SDN and SSI, say) give one subject per listing,
keyed ``<_id>-<sub-list acronym>``; ref = ``entity_number`` or ``_id``. Exports without ``_id`` key on
``entity_number`` or a hash of sub-list and name. The ``ids`` cell is parsed by ``_csl_ids``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from followthemoney.exc import FollowTheMoneyException

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListData, ListFile, csv_rows, decode_text, require_columns
from chokepoint.lists._csl_ids import add_or_note, apply_ids, parse_date, put
from chokepoint.model import Entity, make_entity, make_id

FORMAT = "csl"
SOURCE = "us_trade_csl"
TITLE = "US Consolidated Screening List (trade.gov)"

_HEADERS = (b"_id,source,entity_number", b"source,entity_number,type,programs,name")
_SCHEMA = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}
_ACRONYM = re.compile(r"\(([A-Za-z0-9-]+)\)")
_LINKED = re.compile(r"\(Linked To: ((?:[^()]|\([^()]*\))*)\)")
_TOPICS = (  # first match wins; everything else is "sanction"
    ("Unverified List", "export.risk"),
    ("Bureau of Industry and Security", "export.control"),
    ("ITAR Debarred", "debarment"),
)

Row = dict[str, str]


def detect(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return first.startswith(_HEADERS)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _key(row: Row) -> str:
    if row.get("_id"):
        return row["_id"]
    if row.get("entity_number"):
        return row["entity_number"]
    return make_id(SOURCE, row["source"], row["name"]).rsplit("-", 1)[-1]


def _birth_dates(value: str) -> list[str]:
    out: list[str] = []
    for item in _split(value):
        years = re.fullmatch(r"(\d{4}) to (\d{4})", item)
        if years and 0 <= int(years[2]) - int(years[1]) <= 20:
            out += [str(y) for y in range(int(years[1]), int(years[2]) + 1)]
        else:
            out.append(parse_date(item.removeprefix("circa ")) or item)
    return out


def _subject(key: str, row: Row) -> Entity:
    schema = _SCHEMA.get(row.get("type", "").strip().lower(), "LegalEntity")
    ref = row.get("entity_number") or key
    entity = make_entity(schema, make_id(SOURCE, key), source=SOURCE, ref=ref)
    name = " ".join(row["name"].split())
    put(entity, "name", name)
    if schema == "Person" and name.count(", ") == 1:
        last, first = name.split(", ")
        put(entity, "lastName", last)
        put(entity, "firstName", first)
    return entity


def _fill(entity: Entity, row: Row) -> None:
    """Add one row's descriptive columns to its subject."""
    person = entity.schema.is_a("Person")
    put(entity, "alias", _split(row.get("alt_names", "")))
    put(entity, "program", [row["source"], *_split(row.get("programs", ""))])
    topic = next((t for marker, t in _TOPICS if marker in row["source"]), "sanction")
    put(entity, "topics", topic)
    put(entity, "sourceUrl", row.get("source_list_url") or None)
    for address in _split(row.get("addresses", "")):
        country = address.rsplit(", ", 1)[-1]
        if re.fullmatch(r"[A-Z]{2}", country):
            add_or_note(entity, "country", country, "Country")
        if address != country:
            put(entity, "address", address)
    for column, prop, other in (
        ("nationalities", "nationality", "country"),
        ("citizenships", "citizenship", "country"),
    ):
        for value in _split(row.get(column, "")):
            add_or_note(entity, prop if person else other, value, column.title())
    for value in _birth_dates(row.get("dates_of_birth", "")):
        add_or_note(entity, "birthDate", value, "Date of birth")
    for value in _split(row.get("places_of_birth", "")):
        add_or_note(entity, "birthPlace", value, "Place of birth")
    if row.get("title"):
        add_or_note(entity, "position", row["title"], "Title")
    for column, prop in (
        ("call_sign", "callSign"),
        ("vessel_type", "type"),
        ("gross_tonnage", "tonnage"),
        ("gross_registered_tonnage", "grossRegisteredTonnage"),
        ("vessel_flag", "flag"),
        ("vessel_owner", ""),
    ):
        if row.get(column):
            add_or_note(entity, prop, row[column].strip(), column.replace("_", " ").capitalize())
    put(entity, "notes", row.get("remarks") or None)


def _sanction(subject: Entity, key: str, row: Row, number: int) -> Entity:
    sub_list = row["source"]
    sanction_id = make_id(SOURCE, key, sub_list, *([number] if number else []))
    sanction = make_entity("Sanction", sanction_id, source=SOURCE, ref=subject.context.get("list_ref"))
    sanction.add("entity", subject.id, cleaned=True)  # make_id IDs hold "_", which FtM refs reject
    put(sanction, "authority", sub_list.rsplit(" - ", 1)[-1] if " - " in sub_list else sub_list)
    put(sanction, "program", sub_list)
    put(sanction, "programId", _split(row.get("programs", "")))
    put(sanction, "country", "us")
    put(sanction, "startDate", row.get("start_date") or None)
    put(sanction, "listingDate", row.get("start_date") or None)
    put(sanction, "endDate", row.get("end_date") or None)
    put(sanction, "summary", row.get("federal_register_notice") or None)
    for column, label in (
        ("license_requirement", "License requirement"),
        ("license_policy", "License policy"),
        ("standard_order", "Standard order"),
    ):
        if row.get(column, "").strip():
            put(sanction, "provisions", f"{label}: {row[column].strip()}")
    put(sanction, "sourceUrl", row.get("source_list_url") or None)
    put(sanction, "programUrl", row.get("source_information_url") or None)
    return sanction


def _links(subjects: dict[str, Entity], rows: dict[str, list[tuple[int, Row]]]) -> list[Entity]:
    """UnknownLinks for ``(Linked To: NAME)`` remarks whose NAME is exactly one OFAC record."""
    by_name: dict[str, set[str]] = {}
    for key, group in rows.items():
        if group[0][1].get("entity_number"):
            by_name.setdefault(" ".join(group[0][1]["name"].split()).casefold(), set()).add(key)
    links: dict[str, Entity] = {}
    for key, group in rows.items():
        for _, row in group:
            for name in _LINKED.findall(row.get("remarks", "")):
                found = by_name.get(" ".join(name.split()).casefold(), set())
                if len(found) != 1 or key in found:
                    continue
                (other,) = found
                link = make_entity("UnknownLink", make_id(SOURCE, key, "linked", other), source=SOURCE)
                link.add("subject", subjects[key].id, cleaned=True)
                link.add("object", subjects[other].id, cleaned=True)
                put(link, "role", "Linked To")
                links[str(link.id)] = link
    return list(links.values())


def _rows(file: ListFile) -> dict[str, list[tuple[int, Row]]]:
    """Rows grouped by subject key, in file order; checks header and field counts."""
    records = csv_rows(file, decode_text(file))
    header_line = next(records, None)
    if header_line is None:
        raise ListFormatError("the file is empty", path=file.name)
    header = [h.strip().lstrip("\ufeff") for h in header_line[1]]
    alt = "_id" not in header and "entity_number" in header
    require_columns(
        file,
        header,
        ["source", "entity_number", "type", "name"] if alt else ["_id", "source", "type", "name"],
    )
    groups: dict[str, list[tuple[int, Row]]] = {}
    for line, fields in records:
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            raise ListFormatError(
                f"expected {len(header)} fields, found {len(fields)}", path=file.name, line=line
            )
        row = dict(zip(header, fields, strict=True))
        if not row["name"].strip() or not row["source"].strip():
            raise ListFormatError("row without source or name", path=file.name, line=line)
        key = base = _key(row)
        if key in groups:  # the same record listed again, on another sub-list (or twice)
            acronym = _ACRONYM.search(row["source"])
            key = f"{base}-{acronym[1].lower() if acronym else 'x'}"
            n = 1
            while key in groups:
                n += 1
                key = f"{base}-{acronym[1].lower() if acronym else 'x'}-{n}"
        groups[key] = [(line, row)]
    if not groups:
        raise ListFormatError("the file holds no rows", path=file.name)
    return groups


def _read_file(file: ListFile) -> ListData:
    groups = _rows(file)
    subjects: dict[str, Entity] = {}
    entities: list[Entity] = []
    wallets: dict[str, Entity] = {}
    for key, group in groups.items():
        line = group[0][0]
        try:
            typed = next((r for _, r in group if r.get("type", "").strip()), group[0][1])
            subject = subjects[key] = _subject(key, typed)
            entities.append(subject)
            seen: dict[str, int] = {}
            for row_line, row in group:
                line = row_line
                _fill(subject, row)
                number = seen[row["source"]] = seen.get(row["source"], -1) + 1
                sanction = _sanction(subject, key, row, number)
                entities.append(sanction)
                wallets.update((str(w.id), w) for w in apply_ids(subject, sanction, key, row.get("ids", "")))
        except (FollowTheMoneyException, ValueError, TypeError) as exc:
            raise ListFormatError(f"cannot read row: {exc}", path=file.name, line=line) from None
    entities += [*wallets.values(), *_links(subjects, groups)]
    return ListData(format=FORMAT, source=SOURCE, files=[file], entities=entities, title=TITLE)


def read(files: Sequence[ListFile]) -> list[ListData]:
    return [_read_file(file) for file in files]
