"""OFAC Enhanced XML: the real consolidated list field by field, vessels, links and clean errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.errors import InputError, ListFormatError
from chokepoint.lists import ListData, ListFile, detect_format, read_lists, unpack
from chokepoint.lists import _ofac_xml as ofac_xml
from chokepoint.lists._ofac_xml_parts import span_dates, text_dates
from chokepoint.model import Entity, is_target, list_ref

NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"
CONS = Path("us_ofac_cons") / "2025-01-10" / "CONS_ENHANCED.ZIP"


@pytest.fixture(scope="module")
def cons(sanctions_dir: Path) -> ListData:
    (data,) = read_lists([sanctions_dir / CONS])
    return data


@pytest.fixture(scope="module")
def by_id(cons: ListData) -> dict[str, Entity]:
    return {str(e.id): e for e in cons.entities}


def _sanction_of(cons: ListData, subject: Entity) -> Entity:
    (found,) = [e for e in cons.entities if e.schema.name == "Sanction" and e.get("entity") == [subject.id]]
    return found


def _doc(entities: str, lists: str = "SDN List", refs: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<sanctionsData xmlns="{NS}">
  <publicationInfo><dataAsOf>2025-02-03T00:00:00</dataAsOf>
    <filters><sanctionsLists><sanctionsList refId="1550">{lists}</sanctionsList></sanctionsLists></filters>
  </publicationInfo>
  <referenceValues>
    <referenceValue refId="11171"><type>COUNTRY</type><value>Russia</value>
      <isoCode>RU</isoCode></referenceValue>
    <referenceValue refId="11093"><type>COUNTRY</type><value>Iran</value>
      <isoCode>IR</isoCode></referenceValue>
    {refs}
  </referenceValues>
  <entities>{entities}</entities>
</sanctionsData>""".encode()


def _entity(uid: str, kind: str, name: str, body: str = "") -> str:
    return f"""<entity id="{uid}"><generalInfo><identityId>{uid}0</identityId>
      <entityType>{kind}</entityType></generalInfo>
      <sanctionsLists><sanctionsList datePublished="2023-09-14">SDN List</sanctionsList></sanctionsLists>
      <sanctionsPrograms><sanctionsProgram>IRAN-EO13846</sanctionsProgram></sanctionsPrograms>
      <names><name><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations>
        <translation><isPrimary>true</isPrimary><script>Latin</script>
        <formattedFullName>{name}</formattedFullName></translation></translations></name></names>
      {body}</entity>"""


def _feature(kind: str, value: str, ref: str = "") -> str:
    ref_el = f"<valueRefId>{ref}</valueRefId>" if ref else ""
    return f"<feature><type>{kind}</type><value>{value}</value>{ref_el}<isPrimary>true</isPrimary></feature>"


def _read(data: bytes, name: str = "SDN_ENHANCED.XML") -> ListData:
    (out,) = ofac_xml.read([ListFile(name=name, data=data)])
    return out


# --- the real consolidated list ---------------------------------------------------------------


def test_consolidated_enhanced_file_has_443_targets_and_states_its_date(cons: ListData) -> None:
    assert cons.format == "ofac-xml" and cons.source == "us_ofac_cons"
    assert cons.files[0].name.endswith("CONS_ENHANCED.ZIP!CONS_ENHANCED.XML")
    assert cons.targets == 443
    assert cons.published is not None and cons.published.isoformat() == "2025-01-10"
    assert cons.title and "Consolidated" in cons.title
    assert sum(1 for e in cons.entities if e.schema.name == "Sanction") == 443
    schemata = {e.schema.name for e in cons.entities if is_target(e)}
    assert schemata == {"Person", "Company", "Organization", "PublicBody"}


def test_ids_are_the_ofac_uid_like_the_legacy_csv_ent_num(by_id: dict[str, Entity]) -> None:
    haniya = by_id["us-ofac-cons-9639"]
    assert list_ref(haniya) == "9639" and is_target(haniya)
    assert haniya.get("name") == ["HANIYA, Ismail Abdul Salah"]
    assert haniya.get("alias") == ["HANIYA, Ismail", "HANIYYA, Ismaeel"]
    assert haniya.get("birthDate") == ["1962"] and haniya.get("birthPlace") == ["Shati"]


def test_individual_keeps_birth_date_citizenship_gender_and_passport(by_id: dict[str, Entity]) -> None:
    person = by_id["us-ofac-cons-26182"]
    assert person.schema.name == "Person"
    assert person.get("name") == ["KAYAKIRAN, Evren"]
    assert (person.get("firstName"), person.get("lastName")) == (["Evren"], ["KAYAKIRAN"])
    assert person.get("birthDate") == ["1980-02-08"]
    assert person.get("citizenship") == ["tr"] and person.get("country") == ["tr"]
    assert person.get("gender") == ["male"]
    assert person.get("passportNumber") == ["U00242309"]
    assert person.get("program") == ["FSE-IR"] and person.get("topics") == ["sanction"]
    assert person.get("sourceUrl") == ["https://sanctionssearch.ofac.treas.gov/Details.aspx?id=26182"]


def test_individual_with_middle_name_nickname_nationality_and_addresses(by_id: dict[str, Entity]) -> None:
    person = by_id["us-ofac-cons-50476"]
    assert person.get("name") == ["MARTELLY, Michel Joseph"]
    assert person.get("middleName") == ["Joseph"] and person.get("firstName") == ["Michel"]
    assert person.get("alias") == ["MARTELLY, Michael"]
    assert person.get("weakAlias") == ["Sweet Micky"]  # a low-quality a.k.a.
    assert person.get("nationality") == ["ht"] and person.get("birthPlace") == ["Port-au-Prince, Haiti"]
    assert person.get("birthDate") == ["1961-02-12"]
    assert "Miami, FL, United States" in person.get("address")
    assert set(person.get("country")) == {"us", "ht", "do"}
    assert set(person.get("idNumber")) == {"0032768386", "M634550610520"}


def test_bank_keeps_aliases_cyrillic_name_former_names_and_russian_identifiers(
    by_id: dict[str, Entity],
) -> None:
    bank = by_id["us-ofac-cons-17013"]
    assert bank.schema.name == "Company"
    assert bank.get("name") == ["VTB BANK PUBLIC JOINT STOCK COMPANY"]
    assert {"VTB BANK PJSC", "БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО"} <= set(bank.get("alias"))
    assert "JSC VTB BANK" in bank.get("previousName")
    assert bank.get("weakAlias") == ["JSC VTB BANK NEW DELHI BRANCH"]
    assert "29, Bolshaya Morskaya str., St. Petersburg, 190000, Russia" in bank.get("address")
    assert bank.get("innCode") == ["7702070139"] and bank.get("taxNumber") == ["7702070139"]
    assert bank.get("ogrnCode") == ["1027739609391"] and bank.get("okpoCode") == ["00032520"]
    assert bank.get("leiCode") == ["253400V1H6ART1UQ0N98"] and bank.get("swiftBic") == ["VTBRRUMM"]
    assert bank.get("bikCode") == ["044030707", "044525187"]
    assert bank.get("incorporationDate") == ["1990-10-17"]
    assert "http://www.vtb.ru/" in bank.get("website")
    assert bank.get("program") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]


def test_sanction_carries_programs_provisions_and_first_listing_date(
    cons: ListData, by_id: dict[str, Entity]
) -> None:
    sanction = _sanction_of(cons, by_id["us-ofac-cons-17013"])
    assert not is_target(sanction) and list_ref(sanction) == "17013"
    assert sanction.get("authority") == ["US Treasury OFAC"] and sanction.get("country") == ["us"]
    assert sanction.get("program") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert sanction.get("listingDate") == ["2014-07-29"]
    assert "13662 Sectoral Directive 1" in sanction.get("provisions")
    assert "Secondary sanctions risk: See Section 11 of Executive Order 14024." in sanction.get("provisions")
    assert sanction.get("summary") == ["Executive Order 13662 (Ukraine)", "Executive Order 14024 (Russia)"]


def test_cmic_company_keeps_securities_and_effective_date(cons: ListData, by_id: dict[str, Entity]) -> None:
    unicom = by_id["us-ofac-cons-30924"]
    assert unicom.get("isinCode") == ["US16945R1041", "HK0000049939"]
    assert "CHU US" in unicom.get("ticker") and unicom.get("classification") == ["Public Company"]
    assert unicom.get("notes") == ["Issuer Name: China Unicom (Hong Kong) Limited"]
    sanction = _sanction_of(cons, unicom)
    assert sanction.get("startDate") == ["2021-08-02"] and sanction.get("listingDate") == ["2021-01-08"]


def test_owned_or_controlled_by_becomes_ownership_of_the_company(
    cons: ListData, by_id: dict[str, Entity]
) -> None:
    links = [e for e in cons.entities if e.schema.name == "Ownership"]
    assert len(links) == 282 and not any(is_target(e) for e in links)
    subsidiary = by_id["us-ofac-cons-17017"]
    assert subsidiary.caption == "BM BANK JSC" and subsidiary.schema.name == "Company"
    (link,) = [e for e in links if e.get("asset") == [subsidiary.id]]
    assert link.get("owner") == ["us-ofac-cons-17013"] and link.get("role") == ["Owned or Controlled By"]
    owns = "Owns, controls, or operates"
    (holding,) = [e for e in links if e.get("owner") == ["us-ofac-cons-32087"] and e.get("role") == [owns]]
    assert by_id[holding.get("asset")[0]].caption == "HUAWEI TECHNOLOGIES CO., LTD."


def test_relationship_to_an_entity_outside_the_file_stays_in_notes(by_id: dict[str, Entity]) -> None:
    person = by_id["us-ofac-cons-9647"]
    assert person.get("notes") == ["Acting for or on behalf of: HAMAS"]
    assert person.get("weakAlias") == ["ZAHAR, Mahmoud", "AL-ZAHAR, Mahmoud"]


def test_detect_recognises_the_enhanced_namespace_only(sanctions_dir: Path) -> None:
    (member,) = unpack("c.zip", (sanctions_dir / CONS).read_bytes())
    assert ofac_xml.detect(member.data[:65536]) and detect_format(member) == "ofac-xml"
    assert not ofac_xml.detect(b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x"/>')
    assert not ofac_xml.detect(b"<sanctionsData/>")


# --- synthetic files: what the consolidated list does not hold --------------------------------

VESSEL_REFS = """<referenceValue refId="91264"><type>ID DOCUMENT TYPE</type>
<value>MMSI</value></referenceValue>
<referenceValue refId="1900"><type>VESSEL TYPE</type><value>Crude Oil Tanker</value></referenceValue>"""


def test_vessel_carries_imo_mmsi_call_sign_flag_type_and_tonnage() -> None:
    body = f"""<features>{_feature("Vessel Call Sign", "EPBZ6")}{_feature("Vessel Flag", "Iran", "11093")}
      {_feature("Vessel Type", "Crude Oil Tanker", "1900")}{_feature("Vessel Tonnage", "159,149")}
      {_feature("VGross Registered Tonnage", "81,479")}
      {_feature("Vessel Owner", "NATIONAL IRANIAN TANKER CO")}
      {_feature("Vessel Year of Build", "2002")}</features>
      <identityDocuments>
        <identityDocument><type>Vessel Registration Identification</type>
          <documentNumber>IMO 9187629</documentNumber></identityDocument>
        <identityDocument><type refId="91264">MMSI</type>
          <documentNumber>422026700</documentNumber></identityDocument>
      </identityDocuments>"""
    data = _read(_doc(_entity("9001", "Vessel", "ADRIAN DARYA 1", body), refs=VESSEL_REFS))
    assert data.source == "us_ofac_sdn" and data.published and data.published.isoformat() == "2025-02-03"
    vessel = data.entities[0]
    assert vessel.schema.name == "Vessel" and is_target(vessel) and vessel.id == "us-ofac-sdn-9001"
    assert vessel.get("imoNumber") == ["IMO9187629"] and vessel.get("mmsi") == ["422026700"]
    assert vessel.get("callSign") == ["EPBZ6"] and vessel.get("flag") == ["ir"]
    assert vessel.get("type") == ["Crude Oil Tanker"] and vessel.get("buildDate") == ["2002"]
    assert vessel.get("tonnage") == ["159,149"] and vessel.get("grossRegisteredTonnage") == ["81,479"]
    assert vessel.get("notes") == ["Vessel Owner: NATIONAL IRANIAN TANKER CO"]


def test_aircraft_and_person_links_use_fitting_schemata() -> None:
    rel = """<relationships><relationship id="{rid}"><type>{kind}</type>
      <relatedEntity entityId="{other}">X</relatedEntity></relationship></relationships>"""
    plane = _feature("Aircraft Manufacturer's Serial Number (MSN)", "1023") + _feature(
        "Aircraft Model", "A340"
    )
    entities = (
        _entity("1", "Aircraft", "EP-MMH", f"<features>{plane}</features>")
        + _entity("2", "Individual", "DOE, John", rel.format(rid="70", kind="Associate Of", other="3"))
        + _entity(
            "3", "Individual", "ROE, Jane", rel.format(rid="71", kind="Leader or official of", other="4")
        )
        + _entity(
            "4", "Entity", "MAHAN AIR", rel.format(rid="72", kind="Owns, controls, or operates", other="1")
        )
    )
    data = _read(_doc(entities))
    by_schema = {e.schema.name: e for e in data.entities}
    assert by_schema["Airplane"].get("serialNumber") == ["1023"] and by_schema["Airplane"].get("model") == [
        "A340"
    ]
    assert by_schema["Associate"].get("person") == ["us-ofac-sdn-2"]
    assert by_schema["Associate"].get("associate") == ["us-ofac-sdn-3"]
    assert by_schema["UnknownLink"].get("role") == ["Leader or official of"]
    assert by_schema["UnknownLink"].get("object") == ["us-ofac-sdn-4"]
    assert by_schema["Ownership"].get("owner") == ["us-ofac-sdn-4"]
    assert by_schema["Ownership"].get("asset") == ["us-ofac-sdn-1"]
    assert by_schema["Organization"].caption == "MAHAN AIR" and data.targets == 4


def test_consolidated_filter_or_file_name_decides_the_source() -> None:
    one = _entity("5", "Entity", "ACME")
    assert _read(_doc(one, lists="Consolidated List"), name="x.xml").source == "us_ofac_cons"
    assert _read(_doc(one, lists=""), name="CONS_ENHANCED.XML").source == "us_ofac_cons"
    assert _read(_doc(one, lists=""), name="x.xml").source == "us_ofac_sdn"  # every entry is on the SDN list


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1962-01-01", "1962-12-31", ["1962"]),
        ("1980-02-01", "1980-02-29", ["1980-02"]),
        ("1980-02-08", "1980-02-08", ["1980-02-08"]),
        ("1960-01-01", "1962-12-31", ["1960", "1961", "1962"]),
        ("1960-03-04", "1962-05-06", ["1960-03-04", "1962-05-06"]),
        ("garbage", "1962-12-31", []),
    ],
)
def test_date_spans_reduce_to_the_precision_ofac_means(start: str, end: str, expected: list[str]) -> None:
    assert span_dates(start, end) == expected


def test_text_dates_are_read_when_no_span_is_given() -> None:
    assert text_dates("08 Feb 1980") == ["1980-02-08"] and text_dates("circa 1975") == ["1975"]
    assert text_dates("Feb 1980") == ["1980-02"] and text_dates("sometime") == []


# --- bad input ---------------------------------------------------------------------------------


def test_truncated_xml_names_file_and_line(sanctions_dir: Path) -> None:
    (member,) = unpack("c.zip", (sanctions_dir / CONS).read_bytes())
    cut = ListFile(name="cut.xml", data=member.data[:200_000])
    with pytest.raises(ListFormatError, match="malformed XML") as info:
        ofac_xml.read([cut])
    assert info.value.path == "cut.xml" and info.value.line is not None and info.value.line > 4000


def test_xml_with_another_root_is_refused() -> None:
    with pytest.raises(ListFormatError, match="root element is <CONSOLIDATED_LIST>") as info:
        _read(b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST/>', name="un.xml")
    assert (info.value.path, info.value.line) == ("un.xml", 2)


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ("", "holds no <entities>"),
        (_entity("", "Entity", "ACME"), "without an id"),
        (_entity("7", "Entity", "ACME") + _entity("7", "Entity", "ACME"), "duplicate entity id 7"),
        (
            '<entity id="8"><generalInfo><entityType>Entity</entityType></generalInfo></entity>',
            "8 has no name",
        ),
    ],
)
def test_broken_entities_name_file_and_line(entities: str, message: str) -> None:
    with pytest.raises(ListFormatError, match=message) as info:
        _read(_doc(entities), name="bad.xml")
    assert info.value.path == "bad.xml" and info.value.line is not None


def test_empty_file_is_refused() -> None:
    with pytest.raises(ListFormatError, match="empty"):
        _read(b"  \n", name="empty.xml")


def test_zip_holding_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("README.txt", "not a sanctions list\n")
    with pytest.raises(ListFormatError, match="no recognised list file") as info:
        read_lists([path])
    assert info.value.path == str(path)


def test_truncated_zip_is_refused(tmp_path: Path, sanctions_dir: Path) -> None:
    path = tmp_path / "CONS_ENHANCED.ZIP"
    path.write_bytes((sanctions_dir / CONS).read_bytes()[:50_000])
    with pytest.raises(ListFormatError, match="zip") as info:
        read_lists([path])
    assert info.value.path == str(path)


def test_zip_member_that_is_broken_xml_names_the_member(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("SDN_ENHANCED.XML", _doc(_entity("9", "Entity", "ACME"))[:700])
    path = tmp_path / "SDN_ENHANCED.ZIP"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ListFormatError, match="malformed XML") as info:
        read_lists([path])
    assert info.value.path == f"{path}!SDN_ENHANCED.XML"


# --- arbitrary input ---------------------------------------------------------------------------

SAMPLE = _doc(
    _entity("1", "Individual", "DOE, John", f"<features>{_feature('Birthdate', '1970')}</features>")
    + _entity(
        "2",
        "Vessel",
        "SEA",
        '<relationships><relationship id="3"><type>Linked To</type>'
        '<relatedEntity entityId="1">DOE</relatedEntity></relationship></relationships>',
    ),
    refs=VESSEL_REFS,
)


def _mutate(data: bytes, at: int, cut: int, insert: bytes) -> bytes:
    at %= len(data)
    return data[:at] + insert + data[at + cut :]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=400)
    | st.builds(_mutate, st.just(SAMPLE), st.integers(0, 10**6), st.integers(0, 40), st.binary(max_size=40))
    | st.builds(
        _mutate,
        st.just(SAMPLE),
        st.integers(0, 10**6),
        st.integers(0, 40),
        st.sampled_from([b"", b"<", b">", b'"', b"&amp;", b"</entity>", b"<entity>", b"\x00", b"\xff"]),
    )
)
def test_arbitrary_bytes_end_in_data_or_a_clean_error(data: bytes) -> None:
    try:
        out = ofac_xml.read([ListFile(name="fuzz.xml", data=data)])
    except InputError as exc:
        assert exc.path == "fuzz.xml"
    else:
        assert all(d.format == "ofac-xml" for d in out)
