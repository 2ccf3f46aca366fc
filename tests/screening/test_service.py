"""The screening service: the core the API and the UI share (demo sample + real UN list)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chokepoint.errors import InputError, NotFound
from chokepoint.lists import read_lists, version_record
from chokepoint.matching import Query
from chokepoint.screening import ScreeningService
from chokepoint.store import Store


@pytest.fixture(scope="module")
def service(lists_store: Path, tmp_path_factory: pytest.TempPathFactory) -> ScreeningService:
    path = tmp_path_factory.mktemp("service") / "lists.db"
    shutil.copy(lists_store, path)
    return ScreeningService(Store(path))


def _person(name: str) -> Query:
    return Query(schema="Person", names=(name,))


def test_press_spelling_matches_the_listed_person(service: ScreeningService) -> None:
    found = service.match(_person("Ghassem Damavandian"))
    assert found.matches[0].entity_id == "cp-qasem-damavandian" and found.matches[0].match
    assert found.key == "ghassem damavandian"
    assert {v.source for v in found.versions} == {"chokepoint_demo", "un_sc"}


def test_sources_filter_keeps_other_lists_out(service: ScreeningService) -> None:
    found = service.match(_person("Ghassem Damavandian"), sources={"un_sc"})
    assert all(m.source == "un_sc" for m in found.matches)
    assert [v.source for v in found.versions] == ["un_sc"]


def test_excluded_ids_are_not_returned(service: ScreeningService) -> None:
    found = service.match(_person("Ghassem Damavandian"), exclude_ids={"cp-qasem-damavandian"})
    assert "cp-qasem-damavandian" not in {m.entity_id for m in found.matches}


def test_limit_below_one_is_refused_naming_the_field(service: ScreeningService) -> None:
    with pytest.raises(InputError) as info:
        service.match(_person("Ghassem Damavandian"), limit=0)
    assert info.value.field == "limit"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("قاسم دماوندیان", "cp-qasem-damavandian"),
        ("Qods Aviation", "cp-qods-aviation-industries"),
        ("Алабуга", "cp-jsc-special-economic-zone-of-industrial-production-type-alabuga"),
        ("damav", "cp-qasem-damavandian"),
    ],
)
def test_search_finds_listed_subjects_across_scripts_and_as_typed(
    service: ScreeningService, typed: str, expected: str
) -> None:
    assert expected in [m.entity_id for m in service.search(typed, limit=5)]


def test_neighbours_are_the_links_and_the_other_side(service: ScreeningService) -> None:
    found = {e.id: e.schema.name for e in service.neighbours("cp-abdollah-mehrabi")}
    assert found["cp-directorship-mehrabi-ssjo"] == "Directorship"
    assert found["cp-irgc-aerospace-force-self-sufficiency-jihad-organization"] == "Organization"
    assert found["cp-oje-parvaz-mado-nafar-company"] == "Company"
    assert "Sanction" in found.values()


def test_neighbours_of_an_unknown_id_is_not_found(service: ScreeningService) -> None:
    with pytest.raises(NotFound):
        service.neighbours("no-such-entity")


def test_decision_comes_back_with_later_identical_queries(tmp_path: Path, lists_store: Path) -> None:
    shutil.copy(lists_store, tmp_path / "s.db")
    service = ScreeningService(Store(tmp_path / "s.db"))
    query = _person("Reza Khaki")
    [first, *_] = service.match(query).matches
    decision = service.decide(
        query=query, entity_id=first.entity_id, decision="escalated", reason="same DOB", who="a.analyst"
    )
    again = service.match(_person("REZA  KHAKI"))
    assert again.decisions[first.entity_id] == decision
    assert service.store.audit_log(action="decision.escalated")[0].detail["target_id"] == first.entity_id


def test_decision_on_an_entity_not_listed_is_refused(service: ScreeningService) -> None:
    with pytest.raises(NotFound):
        service.decide(query=_person("x y"), entity_id="nope", decision="cleared", reason="r", who="w")


def test_refresh_rebuilds_only_when_a_new_version_is_current(tmp_path: Path, sanctions_dir: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "examples" / "drone_story.ftm.json"
    store = Store(tmp_path / "r.db")
    store.load_versions([(version_record(d), d.entities) for d in read_lists([demo])])
    service = ScreeningService(store)
    assert not service.refresh()
    gaston = Query(schema="Person", names=("Gaston Iyamuremye",))
    assert not any(m.match for m in service.match(gaston).matches)
    un = sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml"
    store.load_versions([(version_record(d), d.entities) for d in read_lists([un])])
    assert service.refresh()
    assert {v.source for v in service.versions} == {"chokepoint_demo", "un_sc"}
    [best, *_] = service.match(gaston).matches
    assert best.match and best.list_ref == "CDi.003"


def test_entity_comes_with_the_list_version_it_was_loaded_from(service: ScreeningService) -> None:
    entity, version = service.entity("cp-qasem-damavandian")
    assert entity.caption == "Qasem Damavandian" and version.source == "chokepoint_demo" and version.current
    with pytest.raises(NotFound):
        service.entity("no-such-entity")
