"""OpenSanctions FtM JSON lines: entities, relationship records, targets and clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chokepoint.errors import InputError, ListFormatError
from chokepoint.lists import ListFile, read_lists
from chokepoint.lists import _ftm as ftm
from chokepoint.model import is_target, list_ref


@pytest.fixture(scope="module")
def zala(sanctions_dir: Path):
    (data,) = read_lists([sanctions_dir / "opensanctions_ftm" / "zala" / "entities.ftm.json"])
    return data


def test_zala_sample_has_fourteen_targets_and_keeps_relationships(zala) -> None:
    assert zala.source == "opensanctions_zala" and zala.format == "ftm"
    assert zala.targets == 14 and len(zala.entities) == 91
    schemata = {e.schema.name for e in zala.entities}
    assert {"Sanction", "Ownership", "Directorship", "Family"} <= schemata
    assert not any(is_target(e) for e in zala.entities if e.schema.name == "Ownership")


def test_person_keeps_names_birth_date_and_provenance(zala) -> None:
    person = next(e for e in zala.entities if e.id == "NK-2Tbri3s6GgNtAwsSXh4qpL")
    assert person.caption == "Maria Aleksandrovna Osetrova"
    assert "Мария Александровна Осетрова" in person.get("name")
    assert person.get("birthDate") == ["1988-01-07"]
    assert "ru" in person.get("nationality")
    assert {"us_ofac_sdn", "opensanctions_zala"} <= person.datasets
    assert list_ref(person) == "NK-2Tbri3s6GgNtAwsSXh4qpL"


def test_publication_date_is_the_latest_change(zala) -> None:
    assert zala.published is not None and zala.published.isoformat() == "2026-04-29"


def test_common_dataset_names_the_source(sanctions_dir: Path) -> None:
    (t1,) = read_lists([sanctions_dir / "opensanctions_ftm" / "t1" / "entities.ftm.json"])
    assert t1.source == "eu_fsf" and len(t1.entities) == 7


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "schema": "Dragon", "properties": {}}', "unknown schema"),
        ('{"schema": "Person", "properties": {}}', "no id"),
        ('{"id": "x", "schema": "Person", "properties": {"name": "not a list"}}', "lists of strings"),
        ('["a list"]', "one JSON object"),
    ],
)
def test_malformed_entity_names_file_and_line(line: str, message: str) -> None:
    good = '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}'
    file = ListFile(name="x.ftm.json", data=f"{good}\n{line}\n".encode())
    with pytest.raises(ListFormatError, match=message) as info:
        ftm.read([file])
    assert (info.value.path, info.value.line) == ("x.ftm.json", 2)


def test_duplicate_ids_are_refused() -> None:
    line = '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n'
    with pytest.raises(ListFormatError, match="duplicate entity id a"):
        ftm.read([ListFile(name="d.json", data=(line * 2).encode())])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=400)
    | st.builds(lambda b: b'{"id": "q", "schema": "Person"' + b, st.binary(max_size=80))
)
def test_arbitrary_bytes_end_in_a_clean_error(data: bytes) -> None:
    try:
        ftm.read([ListFile(name="fuzz.json", data=data)])
    except InputError as exc:
        assert exc.path == "fuzz.json"
