"""Turn the parsed rows of one OFAC legacy CSV set into FollowTheMoney entities.

Subjects (Person/Organization/Company/PublicBody/Vessel/Airplane) get a Sanction each; ``alt`` rows add
aliases, ``add`` rows addresses, comment rows continue truncated remarks, and ``Linked
To: NAME`` remarks become UnknownLinks when NAME is a primary name of the same set.
"""

from __future__ import annotations

from collections import defaultdict

from followthemoney.exc import FollowTheMoneyException

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListData, ListFile
from chokepoint.lists._ofac_remarks import Remarks, parse_remarks
from chokepoint.model import Entity, make_entity, make_id

__all__ = ["build_set"]

Rows = list[tuple[int, list[str]]]

SOURCES = {"sdn": "us_ofac_sdn", "cons": "us_ofac_cons"}
TITLES = {
    "sdn": "US OFAC Specially Designated Nationals (SDN) list",
    "cons": "US OFAC Consolidated (non-SDN) sanctions list",
}
SCHEMATA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
#: As the Enhanced XML reader: these OFAC target types make an entity a Company.
COMPANY_TYPES = {"private company", "public company", "state-owned enterprise", "financial institution"}
VESSEL_PROPS = ("callSign", "type", "tonnage", "grossRegisteredTonnage", "flag")
ALIAS_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}
AUTHORITY = "US Treasury OFAC"
#: parse_dates() yields valid ISO dates, so these skip FtM's (slow) date cleaning.
DATE_PROPS = frozenset({"birthDate", "incorporationDate", "buildDate", "listingDate", "startDate"})
DETAILS_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
#: OFAC cut remarks at this many characters and continue them in the comments file.
REMARKS_CUT = 1000


def _norm(name: str) -> str:
    return " ".join(name.upper().rstrip(".").split())


# Entity references are added with cleaned=True: FtM's entity-ID check rejects the "_"
# in make_id() IDs and would drop them silently. Constant strings skip cleaning for speed.


def _first_prop(entity: Entity, props: tuple[str, ...]) -> str | None:
    have = entity.schema.properties
    for prop in props:
        if prop in have:
            return prop
    return None


def _schema(kind: str, parsed: Remarks) -> str:
    if kind in SCHEMATA:
        return SCHEMATA[kind]
    if kind:
        return "LegalEntity"
    if parsed.company or parsed.target_types & COMPANY_TYPES:
        return "Company"
    return "PublicBody" if "government entity" in parsed.target_types else "Organization"


def _subject(source: str, row: list[str], remarks: str, parsed: Remarks) -> tuple[Entity, Entity]:
    ref, name, programs, title = row[0], row[1], row[3], row[4]
    schema = _schema(row[2].lower(), parsed)
    entity = make_entity(schema, make_id(source, ref), source=source, ref=ref)
    entity.add("name", name)
    url = DETAILS_URL.format(ref)
    entity.add("topics", "sanction", cleaned=True)
    entity.add("sourceUrl", url, cleaned=True)
    codes = [p.strip(" []") for p in programs.split("] [") if p.strip(" []")]
    entity.add("program", codes, cleaned=True)
    entity.add("programId", codes, cleaned=True)
    if schema == "Person":
        last, sep, first = name.partition(", ")
        if sep:
            entity.add("lastName", last.strip())
            entity.add("firstName", first.strip())
        if title:
            entity.add("position", [t.strip() for t in title.split("; ") if t.strip()])
    elif title:
        entity.add("notes", f"Title: {title}")
    if schema == "Vessel":
        for prop, value in zip(VESSEL_PROPS, row[5:10], strict=True):
            if value:
                entity.add(prop, value.replace(",", "") if "onnage" in prop else value)
    if remarks:
        entity.add("notes", remarks)
    sanction = make_entity("Sanction", make_id(source, ref, "sanction"), source=source, ref=ref)
    sanction.add("entity", entity.id, cleaned=True)
    sanction.add("authority", AUTHORITY, cleaned=True)
    sanction.add("authorityId", ref, cleaned=True)
    sanction.add("country", "us", cleaned=True)
    sanction.add("program", codes, cleaned=True)
    sanction.add("programId", codes, cleaned=True)
    sanction.add("sourceUrl", url, cleaned=True)
    return entity, sanction


def build_set(
    fam: str, primary: ListFile, rows: Rows, supplements: dict[str, tuple[ListFile, Rows]]
) -> ListData:
    """One :class:`ListData` for the set; raises :class:`ListFormatError` naming file and line."""
    source = SOURCES[fam]
    lines: dict[str, int] = {}
    for line, row in rows:
        if row[0] in lines:
            first = lines[row[0]]
            msg = f"ent_num {row[0]} appears twice (first on line {first})"
            raise ListFormatError(msg, path=primary.name, line=line)
        lines[row[0]] = line
    skipped: dict[str, int] = defaultdict(int)
    comments: dict[str, list[str]] = defaultdict(list)
    stale = 0
    if "comments" in supplements:
        for _line, row in supplements["comments"][1]:
            if row[0] in lines:
                comments[row[0]].append(row[1])
            else:
                skipped["comments"] += 1
    names: dict[str, set[str]] = defaultdict(set)
    for _line, row in rows:
        names[_norm(row[1])].add(row[0])

    subjects: dict[str, Entity] = {}
    extra: list[Entity] = []
    linked: list[tuple[str, list[str]]] = []
    for line, row in rows:
        ref, remarks = row[0], row[11]
        if ref in comments:
            if remarks and (len(remarks) >= REMARKS_CUT or not remarks.endswith(".")):
                remarks += "".join(comments[ref])
            else:
                stale += len(comments[ref])
        if not row[1]:
            raise ListFormatError("record has no name", path=primary.name, line=line)
        parsed = parse_remarks(remarks)
        try:
            entity, sanction = _subject(source, row, remarks, parsed)
            for props, value in parsed.props:
                prop = _first_prop(entity, props)
                if prop is not None:
                    entity.add(prop, value, cleaned=prop in DATE_PROPS)
            for prop, value in parsed.sanction:
                sanction.add(prop, value, cleaned=prop in DATE_PROPS)
            for currency, address in parsed.wallets:
                wallet = make_entity(
                    "CryptoWallet", make_id(source, ref, "wallet", currency, address), source=source, ref=ref
                )
                wallet.add("publicKey", address)
                wallet.add("currencySymbol", currency)
                wallet.add("holder", entity.id, cleaned=True)
                wallet.add("topics", "sanction", cleaned=True)
                extra.append(wallet)
        except (ValueError, TypeError, FollowTheMoneyException) as exc:
            raise ListFormatError(f"cannot build entity {ref}: {exc}", path=primary.name, line=line) from None
        subjects[ref] = entity
        extra.append(sanction)
        if parsed.links:
            linked.append((ref, parsed.links))
        if row[10]:
            _owner(source, entity, row[10], names)

    if "alias" in supplements:
        for _line, row in supplements["alias"][1]:
            entity = subjects.get(row[0])
            if entity is None:
                skipped["alias"] += 1
                continue
            entity.add(ALIAS_PROPS.get(row[2].lower(), "alias"), row[3])
            if row[4]:
                entity.add("notes", f"{row[3]}: {row[4]}")
    if "address" in supplements:
        for _line, row in supplements["address"][1]:
            entity = subjects.get(row[0])
            if entity is None:
                skipped["address"] += 1
                continue
            text = ", ".join(p for p in row[2:5] if p)
            if row[2] or row[3]:
                entity.add("address", text, quiet=True)
            entity.add("country", row[4], quiet=True)
            if row[5]:
                entity.add("notes", f"{text}: {row[5]}")

    links = _links(source, linked, names, subjects)
    files = [primary] + [f for f, _rows in supplements.values()]
    return ListData(
        format="ofac-csv",
        source=source,
        files=files,
        entities=[*subjects.values(), *extra, *links],
        published=None,
        title=_title(fam, skipped, stale),
    )


def _owner(source: str, entity: Entity, owner: str, names: dict[str, set[str]]) -> None:
    refs = names.get(_norm(owner), set())
    if len(refs) == 1:
        entity.add("owner", make_id(source, next(iter(refs))), cleaned=True)
    entity.add("notes", f"Vessel owner: {owner}")


def _links(
    source: str, linked: list[tuple[str, list[str]]], names: dict[str, set[str]], subjects: dict[str, Entity]
) -> list[Entity]:
    out = []
    seen: set[tuple[str, str]] = set()
    for ref, targets in linked:
        for target in targets:
            refs = names.get(_norm(target), set())
            if len(refs) != 1:
                continue  # unknown or ambiguous: the remarks text stays in notes
            other = next(iter(refs))
            if other == ref or (ref, other) in seen:
                continue
            seen.add((ref, other))
            link = make_entity("UnknownLink", make_id(source, ref, "linked", other), source=source, ref=ref)
            link.add("subject", subjects[ref].id, cleaned=True)
            link.add("object", subjects[other].id, cleaned=True)
            link.add("role", "Linked To", cleaned=True)
            out.append(link)
    return out


def _title(fam: str, skipped: dict[str, int], stale: int) -> str:
    notes = []
    if skipped:
        counts = ", ".join(f"{n:,} {kind}" for kind, n in skipped.items())
        notes.append(f"skipped {counts} rows without a primary record")
    if stale:
        notes.append(f"ignored {stale:,} comment rows that do not continue their remarks")
    return f"{TITLES[fam]} ({'; '.join(notes)})" if notes else TITLES[fam]
