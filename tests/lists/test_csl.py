"""US Consolidated Screening List CSV: subjects per _id, sanctions per row, identifiers and clean errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError, InputError, ListFormatError
from chokepoint.lists import ListData, ListFile, read_lists
from chokepoint.lists import _csl as csl
from chokepoint.lists._open import open_path
from chokepoint.model import Entity, is_target, list_ref

REAL = Path("us_trade_csl") / "2022" / "consolidated.csv.gz"
HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,"
    "end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids"
)
COLUMNS = HEADER.split(",")
SDN = "Specially Designated Nationals (SDN) - Treasury Department"


def _csv(*rows: dict[str, str], header: list[str] = COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header])
    return out.getvalue().encode()


@pytest.fixture(scope="module")
def real_file(sanctions_dir: Path) -> ListFile:
    (file,) = open_path(sanctions_dir / REAL)
    return file


@pytest.fixture(scope="module")
def cslist(real_file: ListFile) -> ListData:
    (data,) = csl.read([real_file])
    return data


@pytest.fixture(scope="module")
def by_id(cslist: ListData) -> dict[str, Entity]:
    return {str(e.id): e for e in cslist.entities}


def sanctions_of(cslist: ListData, subject: Entity) -> list[Entity]:
    return [e for e in cslist.entities if e.schema.name == "Sanction" and subject.id in e.get("entity")]


def test_every_row_is_one_listed_subject_with_one_sanction(cslist: ListData) -> None:
    assert (cslist.format, cslist.source, cslist.published) == ("csl", "us_trade_csl", None)
    sanctions = [e for e in cslist.entities if e.schema.name == "Sanction"]
    assert len(sanctions) == 14160  # one per row
    assert cslist.targets == 14160  # one per row, also where an _id recurs on another sub-list
    programs = [s.get("program")[0] for s in sanctions]
    assert programs.count(SDN) == 10026
    assert programs.count("Entity List (EL) - Bureau of Industry and Security") == 2001
    schemata = [e.schema.name for e in cslist.entities if is_target(e)]
    counts = {s: schemata.count(s) for s in ("Vessel", "Airplane", "LegalEntity")}
    assert counts == {"Vessel": 433, "Airplane": 283, "LegalEntity": 3625}
    ids = [e.id for e in cslist.entities]
    assert len(ids) == len(set(ids))


def test_entity_list_company_keeps_addresses_and_license_terms(cslist: ListData, by_id) -> None:
    aeoi = by_id["us-trade-csl-488020bb89a0eab6afec72ebc7bc80b04ebc22d6"]
    assert aeoi.schema.name == "LegalEntity" and is_target(aeoi)
    assert list_ref(aeoi) == "488020bb89a0eab6afec72ebc7bc80b04ebc22d6"  # no entity_number: the _id
    assert aeoi.get("name") == ["Atomic Energy Organization of Iran (AEOI)"]
    assert aeoi.get("alias") == ["Sazeman-e Energy Atomi", "Sazeman-e Enerji-e Atomi"]
    assert aeoi.get("address") == [
        "P.O. Box 14144-1339, End of North Karegar Avenue, Tehran, IR",
        "P.O. Box 14155-4494, Tehran, IR",
    ]
    assert aeoi.get("country") == ["ir"] and aeoi.get("topics") == ["export.control"]
    (sanction,) = sanctions_of(cslist, aeoi)
    assert sanction.get("authority") == ["Bureau of Industry and Security"]
    assert sanction.get("program") == ["Entity List (EL) - Bureau of Industry and Security"]
    assert sanction.get("startDate") == ["2007-07-12"] and sanction.get("listingDate") == ["2007-07-12"]
    assert sanction.get("summary") == ["72 FR 38008; 77 FR 24590"]
    assert sanction.get("provisions") == [
        "License requirement: For all items subject to the EAR (See §744.2 of the EAR)",
        "License policy: Presumption of denial",
    ]


def test_sdn_individual_has_birth_date_nationalities_and_passport(by_id) -> None:
    person = by_id["us-trade-csl-9935"]
    assert person.schema.name == "Person" and list_ref(person) == "9935"
    assert person.get("name") == ["'ABD AL-RAZZIQ, Abu Sufian al-Salamabi Muhammed Ahmed"]
    assert person.get("lastName") == ["'ABD AL-RAZZIQ"]
    assert person.get("firstName") == ["Abu Sufian al-Salamabi Muhammed Ahmed"]
    assert person.get("birthDate") == ["1962-08-06"] and person.get("nationality") == ["ca", "sd"]
    assert person.get("birthPlace") == ["Al-Bawgah, Sudan", "Albaouga, Sudan"]
    assert person.get("passportNumber") == ["BC166787"]
    assert "DJOLAIBA THE SUDANESE" in person.get("alias") and len(person.get("alias")) == 14
    assert person.get("program") == [SDN, "SDGT"] and person.get("topics") == ["sanction"]


def test_birth_year_ranges_and_circa_become_years(by_id) -> None:
    assert by_id["us-trade-csl-19810"].get("birthDate") == ["1958", "1959", "1960"]
    assert by_id["us-trade-csl-8183"].get("birthDate") == ["1967"]


def test_vessel_carries_imo_mmsi_call_sign_and_flags(cslist: ListData, by_id) -> None:
    amber = by_id["us-trade-csl-15052"]
    assert amber.schema.name == "Vessel" and amber.get("name") == ["AMBER"]
    assert amber.get("imoNumber") == ["IMO9357406"] and amber.get("mmsi") == ["677049700"]
    assert amber.get("callSign") == ["5IM 597"] and amber.get("type") == ["Crude Oil Tanker"]
    assert amber.get("flag") == ["pa"] and amber.get("pastFlags") == ["cy", "tz"]
    assert amber.get("tonnage") == ["317356"] and amber.get("grossRegisteredTonnage") == ["163660"]
    assert amber.get("alias") == ["HARAZ", "FREEDOM"]
    (sanction,) = sanctions_of(cslist, amber)
    assert sanction.get("provisions") == ["Additional Sanctions Information: Subject to Secondary Sanctions"]
    nitc = next(
        e for e in cslist.entities if e.get("name", quiet=True) == ["NATIONAL IRANIAN TANKER COMPANY"]
    )
    links = [e for e in cslist.entities if e.schema.name == "UnknownLink" and amber.id in e.get("subject")]
    assert [(link.get("object"), link.get("role")) for link in links] == [([nitc.id], ["Linked To"])]


def test_aircraft_is_an_airplane_with_model_and_build_date(by_id) -> None:
    plane = by_id["us-trade-csl-15445"]
    assert plane.schema.name == "Airplane" and plane.get("name") == ["EK-30064"]
    assert plane.get("model") == ["A300B4-605R"] and plane.get("buildDate") == ["1988-05-17"]
    assert "Aircraft Operator: MAHAN AIR" in plane.get("notes")


def test_record_on_three_sub_lists_is_three_listings_with_stable_ids(cslist: ListData, by_id) -> None:
    bank = by_id["us-trade-csl-18291"]
    assert bank.schema.name == "Organization" and bank.get("name") == ["BANK BELVEB OJSC"]
    assert bank.get("taxNumber") == ["7750004150"] and bank.get("swiftBic") == ["BELBBY2X"]
    assert bank.get("leiCode") == ["25340038P8SYW80B9W34"] and bank.get("website") == ["http://bveb.by/"]
    assert bank.get("incorporationDate") == ["1991-12-23"]
    assert bank.get("classification") == ["Financial Institution"]
    listings = [bank, by_id["us-trade-csl-18291-ssi"], by_id["us-trade-csl-18291-sdn"]]
    assert {list_ref(e) for e in listings} == {"18291"}
    assert all(e.get("name") == ["BANK BELVEB OJSC"] for e in listings)
    programs = sorted(s.get("program")[0] for e in listings for s in sanctions_of(cslist, e))
    assert programs == [
        "Capta List (CAP) - Treasury Department",
        "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
        SDN,
    ]


def test_digital_currency_addresses_become_wallets(cslist: ListData, by_id) -> None:
    person = by_id["us-trade-csl-29703"]
    assert person.get("email") == ["antonandreyv@gmail.com"] and person.get("phone") == ["+79315403678"]
    assert person.get("gender") == ["male"] and person.get("passportNumber") == ["4005504207"]
    wallets = [e for e in cslist.entities if e.schema.name == "CryptoWallet" and person.id in e.get("holder")]
    assert len(wallets) == 17 and not any(is_target(w) for w in wallets)
    assert ("1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3", "XBT") in {
        (w.get("publicKey")[0], w.get("currency")[0]) for w in wallets
    }


def test_detect_accepts_both_headers_and_a_bom(real_file: ListFile) -> None:
    assert csl.detect(real_file.data[:65536])
    assert csl.detect(b"\xef\xbb\xbf" + HEADER.encode())
    assert csl.detect(b"source,entity_number,type,programs,name,addresses\n")
    assert not csl.detect(b'<?xml version="1.0"?><CONSOLIDATED_LIST/>')
    assert not csl.detect(b"name,source,_id\n")


def test_read_lists_unpacks_and_detects(sanctions_dir: Path) -> None:
    (data,) = read_lists([sanctions_dir / REAL])
    assert data.format == "csl" and data.targets == 14160


def test_export_without_id_column_keys_on_entity_number() -> None:
    header = [c for c in COLUMNS if c != "_id"]
    rows = (
        {
            "source": SDN,
            "entity_number": "123",
            "type": "Individual",
            "name": "DOE, John",
            "nationalities": "IR",
        },
        {"source": "Denied Persons List (DPL) - Bureau of Industry and Security", "name": "ACME LTD"},
    )
    (data,) = csl.read([ListFile(name="alt.csv", data=b"\xef\xbb\xbf" + _csv(*rows, header=header))])
    doe, acme = (e for e in data.entities if is_target(e))
    assert doe.id == "us-trade-csl-123" and doe.get("nationality") == ["ir"]
    assert acme.schema.name == "LegalEntity" and acme.id.startswith("us-trade-csl-")


def test_missing_columns_are_named() -> None:
    header = [c for c in COLUMNS if c not in ("name", "type")]
    with pytest.raises(CSVColumnError, match=r"missing column.*type, name") as info:
        csl.read([ListFile(name="cols.csv", data=_csv(header=header))])
    assert (info.value.path, info.value.line) == ("cols.csv", 1)


def test_header_without_any_id_column_names_id() -> None:
    data = b"source,name,type\nx,y,z\n"
    with pytest.raises(CSVColumnError, match="_id"):
        csl.read([ListFile(name="noid.csv", data=data)])


def test_row_with_wrong_number_of_fields_names_its_line() -> None:
    good = {"_id": "1", "source": SDN, "type": "Entity", "name": "ACME"}
    data = _csv(good, {**good, "_id": "2"}) + b"3,too,few,fields\n"
    with pytest.raises(ListFormatError, match="expected 29 fields, found 4") as info:
        csl.read([ListFile(name="short.csv", data=data)])
    assert (info.value.path, info.value.line) == ("short.csv", 4)


def test_line_numbers_count_quoted_line_breaks() -> None:
    good = {"_id": "1", "source": SDN, "type": "Entity", "name": "ACME", "remarks": "two\nlines"}
    data = _csv(good) + b"2,x\n"
    with pytest.raises(ListFormatError) as info:
        csl.read([ListFile(name="multi.csv", data=data)])
    assert info.value.line == 4


def test_invalid_utf8_names_its_line() -> None:
    data = _csv({"_id": "1", "source": SDN, "type": "Entity", "name": "ACME"}) + b"2,x,\xff\xfe\n"
    with pytest.raises(ListFormatError, match="cannot be decoded") as info:
        csl.read([ListFile(name="bytes.csv", data=data)])
    assert (info.value.path, info.value.line) == ("bytes.csv", 3)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (HEADER.encode() + b"\n", "no rows"),
        (b'_id,source,type,name\n1,"unclosed,x,y\n', "broken CSV|expected 4 fields"),
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "cannot be decoded|missing column"),
    ],
)
def test_bad_files_raise_list_format_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        csl.read([ListFile(name="bad.csv", data=data)])
    assert info.value.path == "bad.csv"


def _mutate(real: bytes, cut: int, noise: bytes) -> bytes:
    head = real[:6000]
    pos = cut % len(head)
    return head[:pos] + noise + head[pos:]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=400)
    | st.builds(lambda b: HEADER.encode() + b"\n" + b, st.binary(max_size=200))
    | st.builds(lambda c, n: (c, n), st.integers(min_value=0), st.binary(max_size=40))
)
def test_arbitrary_bytes_end_in_a_clean_error(real_file: ListFile, data) -> None:
    if isinstance(data, tuple):
        data = _mutate(real_file.data, *data)
    try:
        result = csl.read([ListFile(name="fuzz.csv", data=data)])
    except InputError as exc:
        assert exc.path == "fuzz.csv"
    else:
        assert all(isinstance(r, ListData) for r in result)
