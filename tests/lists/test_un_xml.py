"""UN Security Council consolidated XML: persons, organisations, sanctions, links and clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.errors import InputError, ListFormatError
from chokepoint.lists import ListData, ListFile, read_lists
from chokepoint.lists import _un_xml as un
from chokepoint.model import Entity, is_target, list_ref

REAL = Path("un_sc") / "2026-02-27" / "consolidated.xml"


@pytest.fixture(scope="module")
def real_bytes(sanctions_dir: Path) -> bytes:
    return (sanctions_dir / REAL).read_bytes()


@pytest.fixture(scope="module")
def unsc(real_bytes: bytes) -> ListData:
    (data,) = un.read([ListFile(name="consolidated.xml", data=real_bytes)])
    return data


@pytest.fixture(scope="module")
def by_id(unsc: ListData) -> dict[str, Entity]:
    return {str(e.id): e for e in unsc.entities}


def sanction_of(unsc: ListData, subject: Entity) -> Entity:
    (sanction,) = [e for e in unsc.entities if e.schema.name == "Sanction" and subject.id in e.get("entity")]
    return sanction


def _xml(body: str, root: str = "CONSOLIDATED_LIST") -> bytes:
    return (
        f'<?xml version="1.0"?>\n<{root} dateGenerated="2026-01-02T00:00:00Z">\n{body}\n</{root}>\n'.encode()
    )


def test_real_list_has_730_persons_and_273_organisations(unsc: ListData) -> None:
    assert (unsc.format, unsc.source, unsc.title) == (
        "un-xml",
        "un_sc",
        "UN Security Council Consolidated List",
    )
    assert unsc.targets == 1003
    schemata = [e.schema.name for e in unsc.entities if is_target(e)]
    assert schemata.count("Person") == 730 and schemata.count("Organization") == 273
    assert sum(e.schema.name == "Sanction" for e in unsc.entities) == 1003
    assert not any(is_target(e) for e in unsc.entities if e.schema.name in ("Sanction", "UnknownLink"))


def test_published_is_the_date_generated(unsc: ListData) -> None:
    assert unsc.published is not None and unsc.published.isoformat() == "2026-02-27"


def test_qods_aeronautics_industries_is_an_iran_regime_organisation(unsc: ListData, by_id) -> None:
    qods = by_id["un-sc-ire-055"]
    assert qods.schema.name == "Organization" and list_ref(qods) == "IRe.055" and is_target(qods)
    assert qods.get("name") == ["QODS AERONAUTICS INDUSTRIES"]
    assert qods.get("alias") == [] and qods.get("weakAlias") == []  # the file lists no aka for it
    assert qods.get("program") == ["Iran"] and qods.get("topics") == ["sanction"]
    assert qods.get("createdAt") == ["2007-03-24"]
    assert "Produces unmanned aerial vehicles (UAVs)" in qods.get("notes")[0]
    sanction = sanction_of(unsc, qods)
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("program") == ["Iran"] and sanction.get("unscId") == ["IRe.055"]
    assert sanction.get("listingDate") == ["2007-03-24"]
    assert sanction.get("reason")[0].startswith("Produces unmanned aerial vehicles")


def test_person_names_aliases_by_quality_and_birth_details(by_id) -> None:
    person = by_id["un-sc-qdi-001"]
    assert person.get("name") == ["MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE"]
    assert person.get("firstName") == ["MOHAMMED"] and person.get("secondName") == ["SALAHALDIN"]
    assert person.get("middleName") == ["ABD EL HALIM", "ZIDANE"]
    assert person.get("alias") == [
        "محمد صلاح الدين عبدالحليم زيدان",
        "Sayf-Al Adl",
        "Muhamad Ibrahim Makkawi",
    ]
    assert person.get("weakAlias") == ["Ibrahim al-Madani", "Saif Al-'Adil", "Seif al Adel"]
    assert person.get("birthDate") == ["1963-04-11", "1960-04-11"]
    assert person.get("birthPlace") == ["Monufia Governate, Egypt"] and person.get("birthCountry") == ["eg"]
    assert person.get("nationality") == ["eg"] and person.get("modifiedAt") == ["2022-11-08"]
    assert any(n.startswith("Alias Sayf-Al Adl: DOB: 11 Apr. 1963") for n in person.get("notes"))


def test_person_documents_become_passport_and_id_numbers(by_id) -> None:
    person = by_id["un-sc-lyi-026"]
    assert person.get("name") == ["Abd Al-Rahman SALIM IBRAHIM AL-MILAD"]
    assert person.get("passportNumber") == ["G52FYPRL"] and person.get("idNumber") == ["2519910"]
    assert person.get("nationality") == ["ly"] and person.get("birthDate") == ["1986-07-27"]
    assert person.get("birthPlace") == ["Tripoli, Libya"]
    assert person.get("title") == ["Navy Major"]
    assert person.get("position") == ["Commander of the Coast Guard in Zawiya"]
    assert person.get("address") == ["Zawiya, Libya"] and person.get("country") == ["ly"]
    note = "Passport G52FYPRL: Libya; issued 2014-05-08; Date of expiration: 7 May 2022"
    assert note in person.get("notes")


def test_passport_number_is_cut_out_of_prose(by_id) -> None:
    numbers = {n for e in by_id.values() if e.schema.name == "Person" for n in e.get("passportNumber")}
    assert {"05AT521433", "563210184", "D00000898"} <= numbers
    assert not any(" number " in n for n in numbers)


def test_between_birth_dates_give_every_year(by_id) -> None:
    assert by_id["un-sc-tai-023"].get("birthDate") == [str(y) for y in range(1963, 1969)]


def test_shipping_company_carries_imo_number_from_comments(by_id) -> None:
    company = by_id["un-sc-kpe-066"]
    assert company.schema.name == "Organization"
    assert company.get("imoNumber") == ["IMO5434358"]
    assert company.get("address") == [
        "Puksong 2-dong, Pyongchon-guyok, Pyongyang, Democratic People's Republic of Korea"
    ]
    assert company.get("country") == ["kp"]


def test_references_in_comments_become_links(unsc: ListData) -> None:
    links = {
        (e.get("subject")[0], e.get("object")[0]) for e in unsc.entities if e.schema.name == "UnknownLink"
    }
    assert ("un-sc-cde-001", "un-sc-cdi-015") in links
    assert all(s != o for s, o in links)


def test_detect_recognises_the_head_only(real_bytes: bytes) -> None:
    assert un.detect(real_bytes[:65536])
    assert not un.detect(b'<?xml version="1.0"?><sdnList></sdnList>')
    assert not un.detect(b"_id,source,entity_number\n")


def test_read_lists_detects_the_format(sanctions_dir: Path) -> None:
    (data,) = read_lists([sanctions_dir / REAL])
    assert data.format == "un-xml" and data.targets == 1003


def test_truncated_file_names_file_and_line(real_bytes: bytes) -> None:
    cut = real_bytes[: len(real_bytes) // 2]
    with pytest.raises(ListFormatError, match="malformed XML") as info:
        un.read([ListFile(name="cut.xml", data=cut)])
    assert info.value.path == "cut.xml" and info.value.line is not None and info.value.line > 1000


def test_other_root_element_is_refused() -> None:
    with pytest.raises(ListFormatError, match="root element is <sdnList>") as info:
        un.read([ListFile(name="sdn.xml", data=_xml("<x/>", root="sdnList"))])
    assert (info.value.path, info.value.line) == ("sdn.xml", 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (b"\x00\xff\xfe garbage \x89PNG", "malformed XML"),
        (b"_id,source,entity_number\n1,a,b\n", "malformed XML"),
        (_xml("<INDIVIDUALS/><ENTITIES/>"), "no INDIVIDUAL or ENTITY"),
    ],
)
def test_bad_files_raise_list_format_error(data: bytes, message: str) -> None:
    with pytest.raises(ListFormatError, match=message) as info:
        un.read([ListFile(name="bad.xml", data=data)])
    assert info.value.path == "bad.xml"


def test_entry_without_reference_names_its_line() -> None:
    body = "<ENTITIES>\n<ENTITY>\n<FIRST_NAME>ACME</FIRST_NAME>\n</ENTITY>\n</ENTITIES>"
    with pytest.raises(ListFormatError, match="without REFERENCE_NUMBER") as info:
        un.read([ListFile(name="e.xml", data=_xml(body))])
    assert info.value.line == 4


def test_duplicate_reference_is_refused() -> None:
    entry = "<ENTITY><FIRST_NAME>ACME</FIRST_NAME><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER></ENTITY>"
    with pytest.raises(ListFormatError, match=r"duplicate REFERENCE_NUMBER XXe\.001") as info:
        un.read([ListFile(name="d.xml", data=_xml(f"<ENTITIES>\n{entry}\n{entry}\n</ENTITIES>"))])
    assert info.value.line == 5


def test_minimal_entity_reads() -> None:
    entry = (
        "<ENTITY><FIRST_NAME> ACME  CORP </FIRST_NAME><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER></ENTITY>"
    )
    (data,) = un.read([ListFile(name="m.xml", data=_xml(f"<ENTITIES>{entry}</ENTITIES>"))])
    assert data.targets == 1 and data.entities[0].get("name") == ["ACME CORP"]
    assert data.published is not None and data.published.isoformat() == "2026-01-02"


def _mutate(real: bytes, cut: int, noise: bytes) -> bytes:
    head = real[:4000]
    pos = cut % len(head)
    return head[:pos] + noise + head[pos:]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=400)
    | st.builds(lambda b: _xml(b.decode("latin-1")), st.binary(max_size=120))
    | st.builds(lambda c, n: (c, n), st.integers(min_value=0), st.binary(max_size=40))
)
def test_arbitrary_bytes_end_in_a_clean_error(real_bytes: bytes, data) -> None:
    if isinstance(data, tuple):
        data = _mutate(real_bytes, *data)
    try:
        result = un.read([ListFile(name="fuzz.xml", data=data)])
    except InputError as exc:
        assert exc.path == "fuzz.xml"
    else:
        assert all(isinstance(r, ListData) for r in result)
