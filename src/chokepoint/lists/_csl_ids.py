"""The ``ids`` column of the trade.gov CSL: ``[COUNTRY, ][ISSUED, ]VALUE, TYPE`` items joined by "; ".

Each TYPE maps to a FtM property of the subject (passport → passportNumber, IMO → imoNumber,
tax → taxNumber, others → idNumber or notes); sanction remarks go to the Sanction's provisions
and digital currency addresses become CryptoWallet entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from followthemoney.property import Property
from followthemoney.util import sanitize_text

from chokepoint.model import Entity, make_entity, make_id

_CODE = re.compile(r"^[A-Z]{2}$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SANCTION_INFO = re.compile(
    r"(?:[:\-]$|directive|sanctions information|secondary sanctions|caatsa|ifca|peesa|"
    r"date \(|prohibited|executive order)",
    re.I,
)

#: (pattern on the lower-cased TYPE, property); first match wins.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), prop)
    for p, prop in (
        (r"^gender$", "gender"),
        (r"passport", "passportNumber"),
        (r"^vessel registration identification$", "imoNumber"),
        (r"^mmsi$", "mmsi"),
        (r"^other vessel call sign$", "callSign"),
        (r"^other vessel flag$", "flag"),
        (r"^former vessel flag$", "pastFlags"),
        (r"^other vessel type$", "type"),
        (r"^swift/bic$", "swiftBic"),
        (r"^website$", "website"),
        (r"^email address$", "email"),
        (r"^phone number$", "phone"),
        (r"^legal entity number$", "leiCode"),
        (r"d-u-n-s", "dunsCode"),
        (r"unified social credit code|^usccc?$", "uscCode"),
        (r"^v\.a\.t\. number$", "vatCode"),
        (r"^(?:ssn|social security)", "socialSecurityNumber"),
        (r"^(?:registration country|nationality of registration)$", "country"),
        (r"^organization established date$", "incorporationDate"),
        (r"^organization type:?$", "sector"),
        (r"^target type$", "classification"),
        (r"^aircraft model$", "model"),
        (r"manufacturer's serial number|^aircraft serial identification$", "serialNumber"),
        (r"^aircraft manufacture date$", "buildDate"),
        (r"^aircraft tail number$", "registrationNumber"),
        (r"^(?:aircraft operator|previous aircraft tail number|aircraft mode s|aircraft construction)", ""),
        (r"^(?:isin|equity ticker|issuer name|micex code|un/locode|chinese commercial code)$", ""),
        (
            r"tax|fiscal|^nit #|^r\.f\.c\.$|^rfc$|^ruc #|^rif #|c\.u\.i\.t|fein|^c\.i\.f\.$|nuit|^rsin$",
            "taxNumber",
        ),
        (
            r"electoral|voter|identi|id card|id no|personal|cedula|curp|c\.u\.r\.p|d\.n\.i|birth cert",
            "idNumber",
        ),
        (
            r"regist|company number|incorporation|chamber of comm|mercantil|enterprise number|c\.r\.|"
            r"business number|branch unit|trade license|gazette|file number",
            "registrationNumber",
        ),
    )
)


def parse_date(value: str) -> str | None:
    """``2017-01-16``, ``16 Jan 2017`` or ``1967`` → ISO (prefix) date, else None."""
    value = value.strip()
    if _ISO.match(value) or re.fullmatch(r"\d{4}", value):
        return value
    for fmt in ("%d %b %Y", "%d %B %Y", "%b %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()[: 7 if fmt == "%b %Y" else 10]
        except ValueError:
            continue
    return None


@lru_cache(maxsize=200_000)
def _cleaned(prop: Property, value: str) -> str | None:
    text = sanitize_text(value)
    return prop.type.clean_text(text, format=prop.format) if text else None


def _put_one(entity: Entity, prop: Property, value: str) -> bool:
    """Add one value, cleaning through a cache (the CSL repeats URLs, dates, codes)."""
    if prop.type.name in ("phone", "entity"):  # their cleaning depends on the entity
        cleaned = prop.type.clean(value, format=prop.format, proxy=entity)
    else:
        cleaned = _cleaned(prop, value)
    if cleaned is None:
        return False
    entity.unsafe_add(prop, cleaned, cleaned=True)
    return True


def put(entity: Entity, prop: str, values: str | Iterable[str | None] | None) -> None:
    """Like ``entity.add(prop, values, quiet=True)``, but faster for repeated values."""
    schema_prop = entity.schema.get(prop)
    if schema_prop is None or values is None:
        return
    for value in [values] if isinstance(values, str) else values:
        if value:
            _put_one(entity, schema_prop, value)


def add_or_note(entity: Entity, prop: str, value: str, label: str) -> None:
    """Add ``value`` to ``prop``; if the schema lacks it or FtM cannot clean it, note ``label: value``."""
    schema_prop = entity.schema.get(prop)
    if schema_prop is None or not _put_one(entity, schema_prop, value):
        put(entity, "notes", f"{label}: {value}")


def _split(item: str) -> tuple[str, str, str | None]:
    """(TYPE, VALUE, COUNTRY) of one ids item."""
    bits = [b.strip() for b in item.split(", ")]
    kind, rest = bits[-1], bits[:-1]
    country = None
    if len(rest) >= 2 and _CODE.match(rest[0]):
        country = rest.pop(0)
    if len(rest) >= 2 and _ISO.match(rest[0]):
        rest.pop(0)
    return kind, ", ".join(rest), country


def _wallet(subject: Entity, key: str, kind: str, address: str) -> Entity:
    currency = kind.rsplit("-", 1)[-1].strip()
    wallet = make_entity(
        "CryptoWallet", make_id("us_trade_csl", key, "wallet", address), source="us_trade_csl"
    )
    put(wallet, "publicKey", address)
    put(wallet, "currency", currency)
    wallet.add("holder", subject.id, cleaned=True)  # make_id IDs hold "_", which FtM refs reject
    return wallet


def apply_ids(subject: Entity, sanction: Entity, key: str, text: str) -> list[Entity]:
    """Spread one row's ``ids`` over subject and sanction; returns CryptoWallet entities."""
    wallets = []
    for item in text.split("; "):
        item = item.strip()
        if not item:
            continue
        kind, value, country = _split(item)
        if not value:
            put(subject, "notes", item)
            continue
        lower = kind.lower()
        if lower.startswith("digital currency address"):
            wallets.append(_wallet(subject, key, kind, value))
            continue
        if lower.startswith(("listing date", "effective date")):
            put(sanction, "listingDate" if lower.startswith("listing") else "startDate", parse_date(value))
        prop = next((p for rx, p in _RULES if rx.search(lower)), None)
        if prop is None and _SANCTION_INFO.search(kind):
            put(sanction, "provisions", f"{kind.rstrip(' -:')}: {value}")
            continue
        prop = "idNumber" if prop is None else prop
        if prop == "imoNumber" and not subject.schema.get("imoNumber"):
            prop = "registrationNumber"
        if prop == "phone" and value.isdigit():  # OFAC drops the "+" of international numbers
            value = f"+{value}"
        if prop in ("incorporationDate", "buildDate"):
            value = parse_date(value) or value
        label = f"{kind} ({country})" if country else kind
        if prop == "idNumber" and subject.schema.get("idNumber") is None:
            prop = "registrationNumber"
        if prop:
            add_or_note(subject, prop, value, label)
        else:
            put(subject, "notes", f"{label}: {value}")
    return wallets
