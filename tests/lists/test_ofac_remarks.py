"""OFAC remarks parsing: real remark texts from the SDN files, item by item."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.lists._ofac_remarks import Remarks, parse_dates, parse_remarks


def _props(remarks: Remarks) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for props, value in remarks.props:
        out.setdefault(props[0], []).append(value)
    return out


def test_person_remarks_give_birth_date_nationality_gender_passport_and_link() -> None:
    # DAMAVANDIAN, Ghassem (ent_num 40416) in the SDN file of 2024-05-03
    text = (
        "DOB 02 May 1968; nationality Iran; Additional Sanctions Information - Subject to Secondary "
        "Sanctions; Gender Male; Passport G9336_77 (Iran) expires 27 Oct 2019; National ID No. "
        "0052944492 (Iran); Linked To: QODS AVIATION INDUSTRIES."
    )
    parsed = parse_remarks(text)
    props = _props(parsed)
    assert props["birthDate"] == ["1968-05-02"]
    assert props["nationality"] == ["Iran"]
    assert props["gender"] == ["male"]
    assert props["passportNumber"] == ["G9336_77"]
    assert props["idNumber"] == ["0052944492"]
    assert parsed.links == ["QODS AVIATION INDUSTRIES"]
    assert parsed.sanction == [
        ("provisions", "Additional Sanctions Information - Subject to Secondary Sanctions")
    ]


def test_vessel_remarks_give_imo_mmsi_past_flags_and_former_names() -> None:
    # ARTAVIL (ent_num 15036)
    text = (
        "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; Vessel Registration Identification "
        "IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY."
    )
    parsed = parse_remarks(text)
    props = _props(parsed)
    assert props["imoNumber"] == ["9187629"]
    assert props["mmsi"] == ["572469210"]
    assert props["pastFlags"] == ["Malta", "Tuvalu"]
    assert props["previousName"] == ["ALPHA"]
    assert parsed.links == ["NATIONAL IRANIAN TANKER COMPANY"]


def test_quoted_aka_is_a_weak_alias_keeping_inner_apostrophes_and_dots() -> None:
    parsed = parse_remarks("a.k.a. 'BNC'; a.k.a. 'DOCTOR M.R.O.'; a.k.a. 'ABU-'UMAR'.")
    assert _props(parsed)["weakAlias"] == ["BNC", "DOCTOR M.R.O.", "ABU-'UMAR"]


def test_russian_tax_and_registration_numbers_also_become_inn_and_ogrn() -> None:
    text = (
        "Tax ID No. 7744001497 (Russia); Legal Entity Number 253400WSS48YWMBUA688; "
        "Registration Number 1027700167110 (Russia); Government Gazette Number 09804148 (Russia)."
    )
    props = _props(parse_remarks(text))
    assert props["taxNumber"] == ["7744001497"]
    assert props["innCode"] == ["7744001497"]
    assert props["leiCode"] == ["253400WSS48YWMBUA688"]
    assert props["registrationNumber"] == ["1027700167110", "09804148"]
    assert props["ogrnCode"] == ["1027700167110"]
    assert props["okpoCode"] == ["09804148"]


def test_identifier_value_drops_country_and_issue_dates() -> None:
    props = _props(
        parse_remarks(
            "Passport E590976 (Tunisia) issued 19 Jun 1987 expires 18 Jun 1992; "
            "Registration Number HRA 738077 (Stuttgart) (Germany); alt. Cedula No. 6067015 (Colombia)."
        )
    )
    assert props["passportNumber"] == ["E590976"]
    assert props["registrationNumber"] == ["HRA 738077"]
    assert props["idNumber"] == ["6067015"]


def test_contact_and_organisation_items() -> None:
    text = (
        "Website www.mebank.ir; Email Address 1044064266@qq.com; Phone Number 982188526300; "
        "Organization Established Date 17 Dec 2016; Organization Type: Activities of holding companies; "
        "Target Type Private Company; SWIFT/BIC GAZPRUMM; Nationality of Registration Korea, North."
    )
    parsed = parse_remarks(text)
    props = _props(parsed)
    assert props["website"] == ["www.mebank.ir"]
    assert props["email"] == ["1044064266@qq.com"]
    assert props["phone"] == ["982188526300"]
    assert props["incorporationDate"] == ["2016-12-17"]
    assert props["sector"] == ["Activities of holding companies"]
    assert props["swiftBic"] == ["GAZPRUMM"]
    assert props["jurisdiction"] == ["Korea, North"]
    assert parsed.target_types == {"private company"}


def test_aircraft_items_and_digital_currency_addresses() -> None:
    text = (
        "Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; "
        "Aircraft Manufacturer's Serial Number (MSN) 1023409321; "
        "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h."
    )
    parsed = parse_remarks(text)
    props = _props(parsed)
    assert props["buildDate"] == ["1992"]
    assert props["model"] == ["IL76-TD"]
    assert props["serialNumber"] == ["1023409321"]
    assert parsed.wallets == [("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")]


def test_directive_listing_and_effective_dates_go_to_the_sanction() -> None:
    parsed = parse_remarks(
        "Listing Date (EO 14024 Directive 2): 24 Feb 2022; "
        "Effective Date (EO 14024 Directive 2): 26 Mar 2022."
    )
    assert parsed.sanction == [("listingDate", "2022-02-24"), ("startDate", "2022-03-26")]


def test_free_text_items_are_not_mapped() -> None:
    parsed = parse_remarks("Scientific Studies and Research Center Employee; ICTY indictee.")
    assert parsed == Remarks()


def test_dates_in_ofac_forms() -> None:
    assert parse_dates("10 Dec 1948") == ["1948-12-10"]
    assert parse_dates("Dec 1948") == ["1948-12"]
    assert parse_dates("circa 1951") == ["1951"]
    assert parse_dates("1958 to 1960") == ["1958", "1960"]
    assert parse_dates("01 Jan 1960 to 31 Dec 1962") == ["1960-01-01", "1962-12-31"]
    assert parse_dates("31 Feb 1970") == ["1970-02"]
    assert parse_dates("unknown") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parse_remarks_never_raises(text: str) -> None:
    parsed = parse_remarks(text)
    assert all(isinstance(v, str) for _props, v in parsed.props)
