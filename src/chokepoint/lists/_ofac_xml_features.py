"""Features and identity documents of OFAC Enhanced XML entities, as FtM properties.

:func:`apply_features` adds subject features (birth date, nationality, website, vessel
flag, ...) and collects sanction-scope ones (directives, secondary-sanctions risk, listing
and effective dates) into :class:`SanctionInfo`; :func:`apply_documents` maps ID documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from chokepoint.lists._ofac_xml_parts import Ref, X, country_code, feature_dates, put
from chokepoint.model import Entity

#: feature type (lower case) -> (property, kind); kind: "text", "date" or "country".
_FEATURES: dict[str, tuple[str, str]] = {
    "birthdate": ("birthDate", "date"),
    "place of birth": ("birthPlace", "text"),
    "nationality country": ("nationality", "country"),
    "citizenship country": ("citizenship", "country"),
    "nationality of registration": ("jurisdiction", "country"),
    "residency country": ("country", "country"),
    "gender": ("gender", "text"),
    "title": ("title", "text"),
    "website": ("website", "text"),
    "email address": ("email", "text"),
    "phone number": ("phone", "text"),
    "swift/bic": ("swiftBic", "text"),
    "bik (ru)": ("bikCode", "text"),
    "isin": ("isinCode", "text"),
    "equity ticker": ("ticker", "text"),
    "organization established date": ("incorporationDate", "date"),
    "organization type:": ("sector", "text"),
    "target type": ("classification", "text"),
    "location": ("address", "text"),
    "vessel call sign": ("callSign", "text"),
    "other vessel call sign": ("callSign", "text"),
    "vessel flag": ("flag", "country"),
    "other vessel flag": ("flag", "country"),
    "former vessel flag": ("pastFlags", "country"),
    "vessel type": ("type", "text"),
    "other vessel type": ("type", "text"),
    "vessel tonnage": ("tonnage", "text"),
    "vgross registered tonnage": ("grossRegisteredTonnage", "text"),
    "vessel year of build": ("buildDate", "date"),
    "aircraft model": ("model", "text"),
    "aircraft manufacture date": ("buildDate", "date"),
    "aircraft manufacturer's serial number (msn)": ("serialNumber", "text"),
    "aircraft construction number (also called l/n or s/n or f/n)": ("serialNumber", "text"),
    "aircraft tail number": ("registrationNumber", "text"),
}
#: On a vessel, "Nationality of Registration" is its flag.
_VESSEL_OVERRIDES = {"nationality of registration": ("flag", "country")}
_SANCTION_PREFIXES = (
    "secondary sanctions risk",
    "additional sanctions information",
    "caatsa",
    "executive order",
    "ifca",
    "peesa",
    "transactions prohibited",
    "purchase/sales for divestment",
    "effective date",
    "listing date",
)


@dataclass
class SanctionInfo:
    """What the features say about the sanction rather than the subject."""

    provisions: list[str] = field(default_factory=list)
    listing_dates: list[str] = field(default_factory=list)
    start_dates: list[str] = field(default_factory=list)


def _label(kind: str, value: str) -> str:
    return f"{kind} {value}" if kind.endswith((":", "-")) else f"{kind}: {value}"


def apply_features(x: X, entity: Entity, el: etree._Element, refs: dict[str, Ref]) -> SanctionInfo:
    info = SanctionInfo()
    vessel = entity.schema.is_a("Vessel")
    for feature in x.all(el, "features/feature"):
        kind = x.text(feature, "type") or ""
        key = kind.lower()
        ref = refs.get(x.text(feature, "valueRefId") or "")
        value = x.text(feature, "value") or (ref[1] if ref else None)
        if not value:
            continue
        prop, how = (_VESSEL_OVERRIDES.get(key) if vessel else None) or _FEATURES.get(key, ("", ""))
        if prop:
            if how == "date":
                for day in feature_dates(x, feature):
                    put(entity, prop, day, kind)
            elif how == "country":
                put(entity, prop, (ref[2] if ref and ref[2] else None) or value, kind)
            else:
                put(entity, prop, value, kind)
        elif key.startswith(_SANCTION_PREFIXES):
            if key.startswith("listing date"):
                info.listing_dates.extend(feature_dates(x, feature))
            elif key.startswith("effective date"):
                info.start_dates.extend(feature_dates(x, feature))
            info.provisions.append(_label(kind, value))
        elif ref is not None:
            info.provisions.append(_label(kind, value))
        else:
            entity.add("notes", _label(kind, value), quiet=True)
    return info


# --- identity documents -----------------------------------------------------------------------

_DOCUMENTS = {
    "tax id no.": "taxNumber",
    "v.a.t. number": "vatCode",
    "legal entity number": "leiCode",
    "unified social credit code (uscc)": "uscCode",
    "united social credit code certificate (usccc)": "uscCode",
    "license": "licenseNumber",
    "vessel registration identification": "imoNumber",
    "mmsi": "mmsi",
    "aircraft serial identification": "serialNumber",
    "swift/bic": "swiftBic",
    "registration id": "registrationNumber",
    "registration number": "registrationNumber",
    "business registration number": "registrationNumber",
    "public registration number": "registrationNumber",
    "company number": "registrationNumber",
    "uk company number": "registrationNumber",
    "c.r. no.": "registrationNumber",
    "commercial registry number": "registrationNumber",
    "certificate of incorporation number": "registrationNumber",
    "business registration document #": "registrationNumber",
    "chamber of commerce number": "registrationNumber",
    "government gazette number": "registrationNumber",
}
_OGRN = re.compile(r"^\d{13}$|^\d{15}$")


def apply_documents(x: X, entity: Entity, el: etree._Element, refs: dict[str, Ref]) -> None:
    for doc in x.all(el, "identityDocuments/identityDocument"):
        kind = x.text(doc, "type") or "ID"
        number = x.text(doc, "documentNumber")
        if not number:
            continue
        key = kind.lower()
        prop = _DOCUMENTS.get(key) or ("passportNumber" if "passport" in key else "idNumber")
        put(entity, prop, number, kind, fallback="idNumber")
        if country_code(refs, x.first(doc, "issuingCountry")) == "RU":
            if key == "tax id no.":
                put(entity, "innCode", number, kind)
            elif key == "government gazette number":
                put(entity, "okpoCode", number, kind)
            elif prop == "registrationNumber" and _OGRN.match(number):
                put(entity, "ogrnCode", number, kind)
