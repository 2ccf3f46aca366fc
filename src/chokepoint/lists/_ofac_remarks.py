"""Parse the Remarks column of OFAC legacy CSV rows into FollowTheMoney values.

OFAC packs DOB, POB, nationality, identifiers, vessel and aircraft data, weak aliases
(``a.k.a. 'X'``), ``Linked To: NAME`` and sanction notes into one text, items separated
by ``"; "`` and ending with ``"."``. :func:`parse_remarks` never raises: unknown items are
simply not mapped (the reader keeps the full text in ``notes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Remarks", "parse_dates", "parse_remarks"]

# Item kinds: "names" quoted alias, "date" dates, "text" value as written, "ident" an
# identifier ("VALUE (Country) issued DATE expires DATE"), "lower" lower-cased text,
# "link", "wallet", "provision" (whole item onto the Sanction), "sdate" Sanction date,
# "company" (a hint that the subject is a company).
_ID = ("idNumber",)
_REG = ("registrationNumber",)
_TAX = ("taxNumber",)
_KEYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a.k.a.": ("names", ("weakAlias",)),
    "f.k.a.": ("names", ("previousName",)),
    "n.k.a.": ("names", ("alias",)),
    "Linked To": ("link", ()),
    "DOB": ("date", ("birthDate",)),
    "Organization Established Date": ("date", ("incorporationDate",)),
    "Aircraft Manufacture Date": ("date", ("buildDate",)),
    "Vessel Year of Build": ("date", ("buildDate",)),
    "POB": ("text", ("birthPlace",)),
    "nationality": ("text", ("nationality", "country")),
    "citizen": ("text", ("citizenship", "country")),
    "Gender": ("lower", ("gender",)),
    "ethnicity": ("text", ("ethnicity",)),
    "Nationality of Registration": ("text", ("jurisdiction", "flag", "country")),
    "Vessel Flag": ("text", ("flag",)),
    "Former Vessel Flag": ("text", ("pastFlags",)),
    "Vessel Type": ("text", ("type",)),
    "Other Vessel Type": ("text", ("type",)),
    "Aircraft Model": ("text", ("model",)),
    "Aircraft Tail Number": ("ident", ("registrationNumber",)),
    "Aircraft Manufacturer's Serial Number (MSN)": ("ident", ("serialNumber",)),
    "Aircraft Serial Identification": ("ident", ("serialNumber",)),
    "Organization Type": ("text", ("sector",)),
    "Target Type": ("text", ("classification",)),
    "Email Address": ("text", ("email",)),
    "Email": ("text", ("email",)),
    "Website": ("text", ("website",)),
    "Phone Number": ("text", ("phone",)),
    "Phone No.": ("text", ("phone",)),
    "Phone": ("text", ("phone",)),
    "Telephone No.": ("text", ("phone",)),
    "Telephone": ("text", ("phone",)),
    "Vessel Registration Identification IMO": ("ident", ("imoNumber",)),
    "Vessel Registration Identification": ("ident", ("imoNumber", "registrationNumber")),
    "Identification Number IMO": ("ident", ("imoNumber",)),
    "Company Number IMO": ("ident", ("imoNumber",)),
    "MMSI": ("ident", ("mmsi",)),
    "Passport": ("ident", ("passportNumber", "idNumber")),
    "Diplomatic Passport": ("ident", ("passportNumber", "idNumber")),
    "Passport Booklet": ("ident", ("passportNumber", "idNumber")),
    "SSN": ("ident", ("socialSecurityNumber", "idNumber")),
    "SWIFT/BIC": ("ident", ("swiftBic",)),
    "D-U-N-S Number": ("ident", ("dunsCode",)),
    "Legal Entity Number": ("ident", ("leiCode", "registrationNumber")),
    "Unified Social Credit Code (USCC)": ("ident", ("uscCode", "registrationNumber")),
    "United Social Credit Code Certificate (USCCC)": ("ident", ("uscCode", "registrationNumber")),
    "V.A.T. Number": ("ident", ("vatCode", "taxNumber")),
    "License": ("ident", ("licenseNumber", "registrationNumber")),
    "Trade License No.": ("ident", ("licenseNumber", "registrationNumber")),
    "Digital Currency Address": ("wallet", ()),
    "ISIN": ("company", ()),
    "Equity Ticker": ("company", ()),
    "BIK (RU)": ("company", ()),
    "Additional Sanctions Information": ("provision", ()),
    "Secondary sanctions risk": ("provision", ()),
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions": (
        "provision",
        (),
    ),
    "Executive Order": ("provision", ()),
    "CAATSA Section 235 Information": ("provision", ()),
    "IFCA Determination": ("provision", ()),
    "Listing Date": ("sdate", ("listingDate",)),
    "Effective Date": ("sdate", ("startDate",)),
}
for _key in (
    "National ID No.", "Cedula No.", "Personal ID Card", "D.N.I.", "Identification Number",
    "Kenyan ID No.", "Turkish Identification Number", "Citizen's Card Number", "C.U.R.P.",
    "Numero de Identidad", "Birth Certificate Number", "Residency Number", "Credencial electoral",
    "I.F.E.", "Electoral Registry No.", "Travel Document Number", "Driver's License No.",
    "Tazkira National ID Card", "Refugee ID Card", "National Foreign ID Number", "VisaNumberID",
    "Cartilla de Servicio Militar Nacional", "Immigration No.", "C.U.I.", "Pilot License Number",
):  # fmt: skip
    _KEYS[_key] = ("ident", _ID)
for _key in (
    "Tax ID No.", "NIT #", "RUC #", "R.F.C.", "RFC", "RIF #", "C.U.I.T.", "US FEIN", "RTN", "C.I.F.",
    "Numero Unico de Identificacao Tributaria (NUIT)",
):  # fmt: skip
    _KEYS[_key] = ("ident", _TAX)
for _key in (
    "Registration Number", "Registration ID", "Business Registration Number", "Company Number",
    "UK Company Number", "Commercial Registry Number", "Folio Mercantil No.", "Matricula Mercantil No",
    "Chamber of Commerce Number", "Economic Register Number (CBLS)", "C.R. No.",
    "Certificate of Incorporation Number", "Public Registration Number", "Business Number",
    "Central Registration System Number", "Istanbul Chamber of Comm. No.", "Enterprise Number",
    "Branch Unit Number", "Business Registration Document #", "Registered Charity No.", "LE Number",
    "Dubai Chamber of Commerce Membership No.", "Government Gazette Number", "File Number",
    "Permit Number",
):  # fmt: skip
    _KEYS[_key] = ("ident", _REG)

_KEY_RE = re.compile(
    r"^(?:alt\.\s*)?(?P<key>"
    + "|".join(re.escape(k) for k in sorted(_KEYS, key=len, reverse=True))
    + r")(?=[\s:#(\-]|$)[\s:#\-]*(?P<rest>.*)$",
    re.I | re.S,
)
_KEYS_LOWER = {k.lower(): v for k, v in _KEYS.items()}
_CUT = re.compile(r"\s+(?:issued|expires)\b.*$", re.I | re.S)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun"), 1)}
_MONTHS.update({m: i for i, m in enumerate(("jul", "aug", "sep", "oct", "nov", "dec"), 7)})
_DATE = re.compile(
    r"(?:\b(\d{1,2})\s+)?(?:\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?\b([12]\d{3})\b",
    re.I,
)
_WALLET = re.compile(r"^([A-Za-z0-9]{2,10})\s+(\S+)$")
_RUSSIA = ("russia", "russian federation")


@dataclass
class Remarks:
    """What a remarks text says, ready to add to the subject and its Sanction."""

    props: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    """(candidate property names, value): the reader uses the first the schema has."""
    links: list[str] = field(default_factory=list)
    """Names after ``Linked To:``."""
    wallets: list[tuple[str, str]] = field(default_factory=list)
    """(currency symbol, address) of digital currency addresses."""
    sanction: list[tuple[str, str]] = field(default_factory=list)
    """(Sanction property, value): provisions and listing/effective dates."""
    target_types: set[str] = field(default_factory=set)
    """Lower-cased ``Target Type`` values (``private company``, ``government entity``, ...)."""
    company: bool = False
    """Whether the remarks name securities (ISIN, equity ticker) or a Russian bank code."""


def parse_dates(text: str) -> list[str]:
    """Valid ISO dates (``1968-05-02``, ``1968-05`` or ``1968``) found in OFAC date text."""
    out = []
    for day, month, year in _DATE.findall(text):
        if month:
            mm = _MONTHS[month[:3].lower()]
            try:
                out.append(date(int(year), mm, int(day)).isoformat() if day else f"{year}-{mm:02d}")
            except ValueError:  # 31 Feb and the like: keep what is certain
                out.append(f"{year}-{mm:02d}")
        else:
            out.append(year)
    return out


def _ident(rest: str) -> tuple[str, str | None]:
    """Split ``VALUE (Country) issued ... expires ...`` into value and country."""
    value = _CUT.sub("", rest)
    country = None
    while True:
        m = _PAREN.search(value)
        if m is None or m.start() == 0:
            break
        if country is None:
            country = m.group(1).strip()
        value = value[: m.start()]
    return value.strip(" ,"), country


def _unquote(rest: str) -> str:
    rest = rest.strip()
    if len(rest) >= 2 and rest[0] == "'" and rest[-1] == "'":
        rest = rest[1:-1]
    return rest.strip()


def parse_remarks(text: str) -> Remarks:
    """Split an OFAC remarks text into properties, links, wallets and sanction details."""
    out = Remarks()
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    for item in text.split("; "):
        item = item.strip()
        m = _KEY_RE.match(item)
        if m is None:
            continue
        kind, props = _KEYS_LOWER[m.group("key").lower()]
        rest = m.group("rest").strip()
        if not rest and kind != "provision":
            continue
        if kind == "company":
            out.company = True
        elif kind == "names":
            out.props.append((props, _unquote(rest)))
        elif kind == "link":
            out.links.append(rest)
        elif kind == "date":
            out.props.extend((props, d) for d in parse_dates(rest))
        elif kind == "text":
            out.props.append((props, rest))
            if props == ("classification",):
                out.target_types.add(rest.lower())
        elif kind == "lower":
            out.props.append((props, rest.lower()))
        elif kind == "ident":
            value, country = _ident(rest)
            if not value:
                continue
            out.props.append((props, value))
            key = m.group("key").lower()
            if country is not None and country.lower() in _RUSSIA:
                if key == "tax id no.":
                    out.props.append((("innCode",), value))
                elif key == "registration number":
                    out.props.append((("ogrnCode",), value))
                elif key == "government gazette number":
                    out.props.append((("okpoCode",), value))
        elif kind == "wallet":
            wm = _WALLET.match(rest)
            if wm is not None:
                out.wallets.append((wm.group(1), wm.group(2)))
        elif kind == "provision":
            out.sanction.append(("provisions", item))
        elif kind == "sdate":
            out.sanction.extend((props[0], d) for d in parse_dates(rest))
    return out
