"""OFAC legacy CSV sets: real SDN and consolidated files field by field, set assembly, clean errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.errors import InputError, ListFormatError
from chokepoint.lists import ListData, ListFile, detect_format, open_path, read_lists
from chokepoint.lists import _ofac_csv as ofac_csv
from chokepoint.model import Entity, is_target, list_ref

SDN_2021 = Path("us_ofac_sdn") / "2021-07-07"
SDN_2024 = Path("us_ofac_sdn") / "2024-05-03" / "sdn.csv"
ADD_2026 = Path("us_ofac_sdn") / "2026-06-02" / "add.csv"
ALT_2026 = Path("us_ofac_sdn") / "2026-06-02" / "alt.csv"
COMMENTS_2025 = Path("us_ofac_sdn") / "2025-12-24" / "sdn_comments.csv"
CONS = Path("us_ofac_cons") / "2025-12"
NOWHERE = "/nonexistent-ofac-folder"


def _load(sanctions_dir: Path, *paths: Path) -> ListData:
    files = [f for p in paths for f in open_path(sanctions_dir / p)]
    (data,) = ofac_csv.read(files)
    return data


def _by_id(data: ListData) -> dict[str, Entity]:
    return {str(e.id): e for e in data.entities}


def _related(data: ListData, schema: str, prop: str, subject: Entity) -> list[Entity]:
    return [e for e in data.entities if e.schema.name == schema and e.get(prop) == [subject.id]]


@pytest.fixture(scope="module")
def sdn2024(sanctions_dir: Path) -> ListData:
    return _load(sanctions_dir, SDN_2024)


@pytest.fixture(scope="module")
def sdn2024_mixed(sanctions_dir: Path) -> ListData:
    return _load(sanctions_dir, SDN_2024, ADD_2026, ALT_2026, COMMENTS_2025)


@pytest.fixture(scope="module")
def sdn2021(sanctions_dir: Path) -> ListData:
    return _load(sanctions_dir, SDN_2021 / "sdn.csv")


@pytest.fixture(scope="module")
def cons(sanctions_dir: Path) -> ListData:
    return _load(sanctions_dir, CONS / "cons_prim.csv")


def _head(sanctions_dir: Path, lines: int, path: Path = SDN_2024) -> list[bytes]:
    data = (sanctions_dir / path).read_bytes()
    return data.split(b"\r\n")[:lines]


def _read_bytes(data: bytes, name: str = f"{NOWHERE}/sdn.csv") -> list[ListData]:
    return ofac_csv.read([ListFile(name=name, data=data)])


# --- real files: counts and set assembly ------------------------------------------------------


@pytest.mark.slow
def test_sdn_2024_primary_alone_has_14965_targets(sdn2024: ListData) -> None:
    assert sdn2024.targets == 14965
    assert sdn2024.source == "us_ofac_sdn"
    assert sdn2024.format == "ofac-csv"
    assert sdn2024.published is None
    assert [f.basename for f in sdn2024.files] == ["sdn.csv"]
    sanctions = [e for e in sdn2024.entities if e.schema.name == "Sanction"]
    assert len(sanctions) == 14965
    assert not any(is_target(e) for e in sanctions)


@pytest.mark.slow
def test_sdn_2021_primary_picks_up_its_sibling_files(sdn2021: ListData) -> None:
    assert sdn2021.targets == 8976
    assert sorted(f.basename for f in sdn2021.files) == ["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"]
    # a complete and consistent set: nothing skipped
    assert sdn2021.title == "US OFAC Specially Designated Nationals (SDN) list"


def test_consolidated_set_has_442_targets_under_its_own_source(cons: ListData) -> None:
    assert cons.targets == 442
    assert cons.source == "us_ofac_cons"
    assert sorted(f.basename for f in cons.files) == [
        "cons_add.csv",
        "cons_alt.csv",
        "cons_comments.csv",
        "cons_prim.csv",
    ]


@pytest.mark.slow
def test_newer_supplements_with_older_primary_skip_orphan_rows(sdn2024_mixed: ListData) -> None:
    assert sdn2024_mixed.targets == 14965
    assert [f.basename for f in sdn2024_mixed.files] == ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"]
    title = sdn2024_mixed.title or ""
    assert "2,727 alias" in title
    assert "5,598 address" in title
    assert "6 comments" in title


@pytest.mark.slow
def test_explicit_supplement_wins_over_sibling(sanctions_dir: Path) -> None:
    data = _load(sanctions_dir, SDN_2021 / "sdn.csv", ALT_2026)
    names = {f.name for f in data.files}
    assert str(sanctions_dir / ALT_2026) in names
    assert str(sanctions_dir / SDN_2021 / "alt.csv") not in names
    assert str(sanctions_dir / SDN_2021 / "add.csv") in names  # the other siblings still come


def test_detect_format_claims_every_real_ofac_csv_file(sanctions_dir: Path) -> None:
    paths = [*(sanctions_dir / SDN_2021).glob("*.csv"), *(sanctions_dir / CONS).glob("*.csv")]
    paths += [sanctions_dir / p for p in (SDN_2024, ADD_2026, ALT_2026, COMMENTS_2025)]
    assert len(paths) == 12
    for path in paths:
        (file,) = open_path(path)
        assert detect_format(file) == "ofac-csv", path


def test_detect_rejects_other_formats(sanctions_dir: Path) -> None:
    (csl,) = open_path(sanctions_dir / "us_trade_csl" / "2022" / "consolidated.csv.gz")
    ftm = (sanctions_dir / "opensanctions_ftm" / "t1" / "entities.ftm.json").read_bytes()
    un = (sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml").read_bytes()
    for head in (csl.data, ftm, un, b"id,name\r\n1,x\r\n", b"1,2,3\r\n", b"12,plain text\r\n", b""):
        assert not ofac_csv.detect(head[:65536])


def test_read_lists_groups_the_files_of_a_folder(sanctions_dir: Path) -> None:
    (data,) = read_lists(sorted((sanctions_dir / CONS).glob("cons_*.csv")))
    assert data.source == "us_ofac_cons"
    assert data.targets == 442
    assert len(data.files) == 4


# --- real entities, field by field --------------------------------------------------------------


@pytest.mark.slow
def test_qods_aviation_industries_with_programs_ids_and_aliases(sdn2024_mixed: ListData) -> None:
    qods = _by_id(sdn2024_mixed)["us-ofac-sdn-16418"]
    assert qods.schema.name == "Organization"
    assert list_ref(qods) == "16418"
    assert qods.get("name") == ["QODS AVIATION INDUSTRIES"]
    assert qods.get("alias") == [
        "QODS RESEARCH CENTER",
        "GHODS AVIATION INDUSTRIES",
        "LIGHT AIRPLANES DESIGN AND MANUFACTURING INDUSTRIES",
    ]
    assert qods.get("program") == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO", "RUSSIA-EO14024"]
    assert qods.get("programId") == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO", "RUSSIA-EO14024"]
    assert qods.get("idNumber") == ["14005441856"]
    assert qods.get("registrationNumber") == ["483250"]
    assert qods.get("country") == ["ir"]
    assert "Unit (or Suite) 207, Saleh Blvd, Tehran, Iran" in qods.get("address")
    assert qods.get("topics") == ["sanction"]
    assert qods.get("sourceUrl") == ["https://sanctionssearch.ofac.treas.gov/Details.aspx?id=16418"]
    (sanction,) = _related(sdn2024_mixed, "Sanction", "entity", qods)
    assert sanction.get("authority") == ["US Treasury OFAC"]
    assert sanction.get("program") == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO", "RUSSIA-EO14024"]
    assert sanction.get("provisions") == ["Additional Sanctions Information - Subject to Secondary Sanctions"]
    # Linked To: MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS
    (link,) = _related(sdn2024_mixed, "UnknownLink", "subject", qods)
    modafl = _by_id(sdn2024_mixed)[link.get("object")[0]]
    assert modafl.get("name") == ["MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS"]
    assert link.get("role") == ["Linked To"]


@pytest.mark.slow
def test_person_takes_birth_date_nationality_and_ids_from_remarks(sdn2024: ListData) -> None:
    person = _by_id(sdn2024)["us-ofac-sdn-40416"]
    assert person.schema.name == "Person"
    assert person.get("name") == ["DAMAVANDIAN, Ghassem"]
    assert person.get("lastName") == ["DAMAVANDIAN"]
    assert person.get("firstName") == ["Ghassem"]
    assert person.get("birthDate") == ["1968-05-02"]
    assert person.get("nationality") == ["ir"]
    assert person.get("gender") == ["male"]
    assert person.get("passportNumber") == ["G9336_77"]
    assert person.get("idNumber") == ["0052944492"]
    assert person.get("program") == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO"]


@pytest.mark.slow
def test_linked_to_becomes_unknown_link_to_the_named_primary_record(sdn2024: ListData) -> None:
    by_id = _by_id(sdn2024)
    (link,) = _related(sdn2024, "UnknownLink", "subject", by_id["us-ofac-sdn-40416"])
    assert link.get("object") == ["us-ofac-sdn-16418"]
    assert not is_target(link)
    links = [e for e in sdn2024.entities if e.schema.name == "UnknownLink"]
    assert len(links) > 6000
    assert all(e.get("subject") and e.get("object") for e in links)


@pytest.mark.slow
def test_vessel_carries_imo_number_from_remarks_and_vessel_columns(sdn2024: ListData) -> None:
    vessel = _by_id(sdn2024)["us-ofac-sdn-15036"]
    assert vessel.schema.name == "Vessel"
    assert vessel.get("name") == ["ARTAVIL"]
    assert vessel.get("imoNumber") == ["IMO9187629"]
    assert vessel.get("mmsi") == ["572469210"]
    assert vessel.get("callSign") == ["T2EU4"]
    assert vessel.get("type") == ["Crude/Oil Products Tanker"]
    assert vessel.get("tonnage") == ["99144"]
    assert vessel.get("grossRegisteredTonnage") == ["56068"]
    assert vessel.get("flag") == ["ir"]
    assert vessel.get("pastFlags") == ["mt", "tv", "tz"]
    assert vessel.get("previousName") == ["ALPHA"]
    assert vessel.get("program") == ["IRAN"]


@pytest.mark.slow
def test_vessel_owner_column_is_kept_in_notes(sdn2024: ListData) -> None:
    tug = _by_id(sdn2024)["us-ofac-sdn-4238"]
    assert tug.get("name") == ["MAR AZUL"]
    assert "Vessel owner: Samir de Navegacion S.A." in tug.get("notes")
    assert tug.get("flag") == ["cu"]


@pytest.mark.slow
def test_aircraft_is_an_airplane_with_model_and_serial(sdn2024: ListData) -> None:
    plane = _by_id(sdn2024)["us-ofac-sdn-15431"]
    assert plane.schema.name == "Airplane"
    assert plane.get("name") == ["EP-GOM"]
    assert plane.get("model") == ["IL76-TD"]
    assert plane.get("serialNumber") == ["1023409321"]
    assert plane.get("buildDate") == ["1992"]


@pytest.mark.slow
def test_quoted_aka_in_remarks_is_weak_and_alt_file_aka_is_strong(sdn2024_mixed: ListData) -> None:
    bank = _by_id(sdn2024_mixed)["us-ofac-sdn-306"]
    assert bank.get("name") == ["BANCO NACIONAL DE CUBA"]
    assert bank.get("weakAlias") == ["BNC"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.get("address")


@pytest.mark.slow
def test_comments_file_continues_truncated_remarks(sdn2021: ListData) -> None:
    by_id = _by_id(sdn2021)
    person = by_id["us-ofac-sdn-12300"]
    assert person.get("name") == ["CIFUENTES VILLA, Jorge Milton"]
    (notes,) = person.get("notes")
    assert len(notes) > 1000
    assert "Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA" in notes
    objects = {link.get("object")[0] for link in _related(sdn2021, "UnknownLink", "subject", person)}
    assert {"us-ofac-sdn-12396", "us-ofac-sdn-12397", "us-ofac-sdn-12904"} <= objects
    # the weak alias split by the 1,000-character cut is whole again
    hacker = by_id["us-ofac-sdn-28263"]
    assert hacker.get("weakAlias") == ["tianyinyin0404", "snowsjohn"]
    (lazarus,) = _related(sdn2021, "UnknownLink", "subject", hacker)
    assert lazarus.get("object") == ["us-ofac-sdn-27307"]
    wallets = _related(sdn2021, "CryptoWallet", "holder", hacker)
    assert "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak" in {w.get("publicKey")[0] for w in wallets}


@pytest.mark.slow
def test_address_file_rows_become_address_and_country(sdn2021: ListData) -> None:
    qods = _by_id(sdn2021)["us-ofac-sdn-16418"]
    assert qods.get("address") == [
        "P.O. Box 15875-1834, Km 5 Karaj Special Road, Tehran, Iran",
        "Unit (or Suite) 207, Saleh Blvd, Tehran, Iran",
        "Unit 207, Tarajit Maydane Taymori (or Teimori) Square, Basiri Building, Tarasht, Tehran, Iran",
    ]
    assert qods.get("alias") == ["QODS RESEARCH CENTER", "GHODS AVIATION INDUSTRIES"]
    assert qods.get("program") == ["NPWMD", "IFSR"]


def test_consolidated_person_and_russian_bank(cons: ListData) -> None:
    by_id = _by_id(cons)
    haniya = by_id["us-ofac-cons-9639"]
    assert haniya.get("name") == ["HANIYA, Ismail Abdul Salah"]
    assert haniya.get("lastName") == ["HANIYA"]
    assert haniya.get("firstName") == ["Ismail Abdul Salah"]
    assert haniya.get("birthDate") == ["1962"]
    assert haniya.get("birthPlace") == ["Shati"]
    assert haniya.get("alias") == ["HANIYA, Ismail", "HANIYYA, Ismaeel"]
    assert haniya.get("program") == ["NS-PLC"]
    bank = by_id["us-ofac-cons-17016"]
    assert bank.schema.name == "Company"  # Target Type Financial Institution
    assert bank.get("name") == ["GAZPROMBANK JOINT STOCK COMPANY"]
    assert bank.get("swiftBic") == ["GAZPRUMM"]
    assert bank.get("incorporationDate") == ["1990-07-31"]
    # these three come from cons_comments.csv, after the 1,000-character cut
    assert bank.get("innCode") == ["7744001497"]
    assert bank.get("ogrnCode") == ["1027700167110"]
    assert bank.get("leiCode") == ["253400WSS48YWMBUA688"]
    assert bank.get("previousName") == [
        "GAZPROMBANK OPEN JOINT STOCK COMPANY",
        "JOINT STOCK BANK OF THE GAS INDUSTRY GAZPROMBANK",
    ]
    (sanction,) = _related(cons, "Sanction", "entity", bank)
    assert sanction.get("listingDate") == ["2022-02-24"]
    assert sanction.get("programId") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]


# --- bad input ----------------------------------------------------------------------------------


def test_supplements_without_primary_file_are_refused(sanctions_dir: Path) -> None:
    files = open_path(sanctions_dir / ADD_2026) + open_path(sanctions_dir / ALT_2026)
    with pytest.raises(ListFormatError) as err:
        ofac_csv.read(files)
    assert err.value.path == str(sanctions_dir / ADD_2026)
    assert "an OFAC address file needs its primary file (sdn.csv); load them together" in str(err.value)
    cons_files = open_path(sanctions_dir / CONS / "cons_alt.csv")
    with pytest.raises(ListFormatError, match=r"primary file \(cons_prim.csv\)"):
        ofac_csv.read(cons_files)


def test_file_truncated_mid_quote_names_file_and_line(sanctions_dir: Path) -> None:
    lines = _head(sanctions_dir, 20)
    data = b"\r\n".join(lines[:19]) + b"\r\n" + lines[19][: lines[19].index(b'"') + 5]
    with pytest.raises(ListFormatError) as err:
        _read_bytes(data)
    assert err.value.path == f"{NOWHERE}/sdn.csv"
    assert err.value.line == 20
    assert "broken CSV" in err.value.message


def test_wrong_column_count_in_the_middle_names_the_line(sanctions_dir: Path) -> None:
    lines = _head(sanctions_dir, 30)
    lines[14] = lines[14].rsplit(b",", 1)[0]  # drop the Remarks field of record 15
    with pytest.raises(ListFormatError) as err:
        _read_bytes(b"\r\n".join(lines))
    assert err.value.line == 15
    assert "expected 12 fields as in the first record, found 11" in err.value.message


def test_undecodable_byte_names_the_line(sanctions_dir: Path) -> None:
    lines = _head(sanctions_dir, 10)
    lines[6] = lines[6].replace(b"-0- ", b"-0- \x81", 1)  # 0x81 is neither UTF-8 nor cp1252
    with pytest.raises(ListFormatError) as err:
        _read_bytes(b"\r\n".join(lines))
    assert err.value.line == 7
    assert "cannot be decoded" in err.value.message


def test_cp1252_text_is_decoded(sanctions_dir: Path) -> None:
    data = b'1,"M\xdcLLER, J\xf6rg","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\r\n'
    data += b"\x1a"
    (out,) = _read_bytes(data)
    (person,) = [e for e in out.entities if is_target(e)]
    assert person.get("name") == ["MÜLLER, Jörg"]
    assert person.get("birthDate") == ["1970"]


@pytest.mark.parametrize("data", [b"", b"\x1a", b"\r\n\r\n\x1a"])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(ListFormatError, match="empty") as err:
        _read_bytes(data)
    assert err.value.path == f"{NOWHERE}/sdn.csv"


def test_first_record_of_unknown_width_is_refused() -> None:
    with pytest.raises(ListFormatError, match="3 fields per record") as err:
        _read_bytes(b'1,"A","B"\r\n')
    assert err.value.line == 1


def test_non_numeric_ent_num_and_duplicates_name_the_line(sanctions_dir: Path) -> None:
    lines = _head(sanctions_dir, 5)
    bad = [*lines[:3], b"X" + lines[3]]
    with pytest.raises(ListFormatError, match="not a number") as err:
        _read_bytes(b"\r\n".join(bad))
    assert err.value.line == 4
    with pytest.raises(ListFormatError, match="appears twice") as err:
        _read_bytes(b"\r\n".join([*lines[:3], lines[0]]))
    assert err.value.line == 4


def test_two_primary_files_of_one_list_are_refused(sanctions_dir: Path) -> None:
    head = b"\r\n".join(_head(sanctions_dir, 3))
    files = [ListFile(f"{NOWHERE}/a/sdn.csv", head), ListFile(f"{NOWHERE}/b/sdn.csv", head)]
    with pytest.raises(ListFormatError, match="two OFAC primary files"):
        ofac_csv.read(files)


def test_sibling_of_the_wrong_kind_is_refused(sanctions_dir: Path, tmp_path: Path) -> None:
    shutil.copy(sanctions_dir / CONS / "cons_prim.csv", tmp_path / "cons_prim.csv")
    shutil.copy(sanctions_dir / CONS / "cons_alt.csv", tmp_path / "cons_add.csv")  # 5 fields, not 6
    with pytest.raises(ListFormatError, match="expected an OFAC address file") as err:
        ofac_csv.read(open_path(tmp_path / "cons_prim.csv"))
    assert err.value.path == str(tmp_path / "cons_add.csv")


def test_zip_members_do_not_look_for_siblings(sanctions_dir: Path) -> None:
    data = (sanctions_dir / CONS / "cons_prim.csv").read_bytes()
    (out,) = ofac_csv.read([ListFile(f"{sanctions_dir / CONS}/x.zip!cons_prim.csv", data)])
    assert [f.basename for f in out.files] == ["cons_prim.csv"]
    assert out.targets == 442


# --- never another exception --------------------------------------------------------------------

_REAL_HEAD = (
    b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    b'306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"a.k.a. \'BNC\'."\r\n'
    b'15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude/Oil Products Tanker","99,144","56,068","Iran",'
    b"-0- ,\"Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; "
    b'Linked To: BANCO NACIONAL DE CUBA."\r\n'
    b'40416,"DAMAVANDIAN, Ghassem","individual","NPWMD] [IFSR",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    b'"DOB 02 May 1968; nationality Iran; Gender Male; Passport G9336_77 (Iran) expires 27 Oct 2019."\r\n\x1a'
)


def _survives(data: bytes, name: str) -> None:
    try:
        out = ofac_csv.read([ListFile(name=name, data=data)])
    except InputError:
        return
    assert all(isinstance(d, ListData) for d in out)


def test_real_head_reads() -> None:
    (out,) = _read_bytes(_REAL_HEAD)
    assert out.targets == 4
    assert ofac_csv.detect(_REAL_HEAD)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), name=st.sampled_from(["sdn.csv", "cons_add.csv", "alt.csv"]))
def test_arbitrary_bytes_raise_only_input_errors(data: bytes, name: str) -> None:
    _survives(data, f"{NOWHERE}/{name}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(min_value=0, max_value=len(_REAL_HEAD)),
    pos=st.integers(min_value=0, max_value=len(_REAL_HEAD) - 1),
    byte=st.integers(min_value=0, max_value=255),
)
def test_mutated_real_heads_raise_only_input_errors(cut: int, pos: int, byte: int) -> None:
    mutated = bytearray(_REAL_HEAD)
    mutated[pos] = byte
    _survives(bytes(mutated[:cut]), f"{NOWHERE}/sdn.csv")
