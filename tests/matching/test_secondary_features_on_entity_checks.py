"""Birth dates, identifiers, countries and gender on OpenSanctions' labelled entity checks.

The checks (matching/opensanctions_nomenklatura/entity_bench_checks.yml, dev split) carry names
only, so each test takes the real names of checks and adds the secondary properties it is about to
both sides. Both sides are FtM entities reduced as the /match API reduces them; the assertions are
relations (lower, higher, explained) and labels, never our own scores copied back.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from followthemoney import ValueEntity, model

from chokepoint.matching import DEFAULT_THRESHOLD, Query, Scored, Target, score_target

Props = dict[str, Any]
#: An identifier property of each schema in the checks, and one number written two ways.
ID_PROP = {
    "Person": ("passportNumber", "AB 123456", "ab123456"),
    "Company": ("registrationNumber", "1027700132195", "1027700132195"),
    "Organization": ("registrationNumber", "UK-0042-77", "uk004277"),
    "LegalEntity": ("registrationNumber", "HRB 86891", "HRB86891"),
    "Vessel": ("imoNumber", "IMO 9240914", "9240914"),
}


@pytest.fixture(scope="module")
def checks(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / "matching" / "opensanctions_nomenklatura" / "entity_bench_checks.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["checks"]


def entity(schema: str, props: Props) -> ValueEntity:
    """Every property added as yente would read it; a name joined from the parts when there is none."""
    made = ValueEntity(model.get(schema), {"id": uuid.uuid4().hex})
    for prop, values in props.items():
        for value in values if isinstance(values, list) else [values]:
            made.add(prop, value, quiet=True, fuzzy=True)
    if not made.names:
        parts = ("firstName", "middleName", "fatherName", "lastName")
        made.add("name", " ".join(v for p in parts if (v := made.first(p, quiet=True))))
    return made


def score(check: dict[str, Any], query: Props | None = None, candidate: Props | None = None) -> Scored:
    """The check scored with extra properties on either side."""
    schema = check["schema"]
    asked = Query.from_entity(entity(schema, check["query"] | (query or {})))
    scored = score_target(
        asked, Target.from_entity(1, entity(schema, check["candidate"] | (candidate or {})))
    )
    assert scored is not None
    return scored


def find(checks: list[dict[str, Any]], query_name: str, candidate_name: str) -> dict[str, Any]:
    [found] = [
        c
        for c in checks
        if c["query"].get("name") == query_name and c["candidate"].get("name") == candidate_name
    ]
    return found


def persons(checks: list[dict[str, Any]], match: bool | None = None) -> list[dict[str, Any]]:
    return [c for c in checks if c["schema"] == "Person" and match in (None, c["match"])]


def feature(scored: Scored, name: str) -> tuple[float, str]:
    [(delta, detail)] = [(f.delta, f.detail) for f in scored.features if f.name == name]
    return delta, detail


def test_the_checks_are_real_and_labelled(checks: list[dict[str, Any]]) -> None:
    assert len(checks) == 159
    assert {c["match"] for c in checks} == {True, False}
    assert len(persons(checks, True)) > 40 and len(persons(checks, False)) > 30


def test_a_different_birth_date_lowers_every_person_check(checks: list[dict[str, Any]]) -> None:
    for check in persons(checks):
        base = score(check)
        other = score(check, {"birthDate": "1961-03-14"}, {"birthDate": "1975-09-02"})
        assert other.score < base.score or base.score == 0.0, check
        delta, detail = feature(other, "birth date")
        assert delta < 0 and "1961-03-14" in detail and "1975-09-02" in detail


def test_no_person_non_match_survives_a_birth_date_disagreement(checks: list[dict[str, Any]]) -> None:
    # Olaf Schulze is not Olaf Scholz: the names alike, the birth dates 14 years apart
    for check in persons(checks, False):
        assert (
            score(check, {"birthDate": "1961-03-14"}, {"birthDate": "1975-09-02"}).score < DEFAULT_THRESHOLD
        )
    schulze = find(checks, "Olaf Schulze", "Olaf Scholz")
    assert score(schulze, {"birthDate": "1961"}, {"birthDate": "1958-06-14"}).score < score(schulze).score


def test_the_same_birth_date_raises_and_a_year_raises_less(checks: list[dict[str, Any]]) -> None:
    for check in persons(checks, True):
        base = score(check).score
        year = score(check, {"birthDate": "1958"}, {"birthDate": "1958-06-14"})
        day = score(check, {"birthDate": "1958-06-14"}, {"birthDate": "1958-06-14"})
        assert base <= year.score <= day.score
        if day.score < 1.0:
            assert base < year.score < day.score
        assert feature(year, "birth date")[1].startswith("same year")
        assert feature(day, "birth date")[1].startswith("same")


def test_neighbouring_birth_years_do_not_count_against(checks: list[dict[str, Any]]) -> None:
    # dates of birth are often a year off between lists (estimated ages, calendar conversions)
    scholze = find(checks, "Olaf Scholze", "Olaf Scholz")
    assert score(scholze, {"birthDate": "1957"}, {"birthDate": "1958-06-14"}).score >= score(scholze).score


def test_a_shared_identifier_raises_every_check(checks: list[dict[str, Any]]) -> None:
    for check in checks:
        prop, written, listed = ID_PROP[check["schema"]]
        base = score(check).score
        shared = score(check, {prop: written}, {prop: listed})
        assert shared.score > base or shared.score == 1.0, check
        assert feature(shared, "identifier")[1].endswith(listed.upper())


def test_a_shared_identifier_lifts_the_true_matches_names_score_lowest(checks: list[dict[str, Any]]) -> None:
    # Shi Jinping / Xi Jinping, Barry / Barack Obama, 3%ers / Three Percenters ...
    lowest = sorted((c for c in checks if c["match"]), key=lambda c: score(c).score)[:10]
    for check in lowest:
        prop, written, listed = ID_PROP[check["schema"]]
        assert score(check, {prop: written}, {prop: listed}).score > score(check).score


def test_different_identifiers_do_not_raise(checks: list[dict[str, Any]]) -> None:
    for check in persons(checks):
        other = score(check, {"passportNumber": "AB123456"}, {"passportNumber": "XY987654"})
        assert other.score <= score(check).score
        assert not [f for f in other.features if f.name == "identifier"]


def test_countries_agree_up_and_disagree_down(checks: list[dict[str, Any]]) -> None:
    companies = [c for c in checks if c["schema"] == "Company"]
    for check in companies:
        base = score(check).score
        same = score(check, {"country": "Germany"}, {"jurisdiction": "de"})
        other = score(check, {"country": "Germany"}, {"country": "Russia"})
        assert same.score >= base >= other.score
        assert other.score < base or base == 0.0
        delta, detail = feature(same, "country")
        assert delta > 0 and "de" in detail
        delta, detail = feature(other, "country")
        assert delta < 0 and "de" in detail and "ru" in detail


def test_a_different_gender_lowers_and_the_same_changes_nothing(checks: list[dict[str, Any]]) -> None:
    for check in persons(checks):
        base = score(check).score
        assert score(check, {"gender": "female"}, {"gender": "female"}).score == base
        other = score(check, {"gender": "female"}, {"gender": "male"})
        assert other.score < base or base == 0.0
        assert feature(other, "gender")[0] < 0


def test_every_feature_is_in_the_explanation(checks: list[dict[str, Any]]) -> None:
    check = find(checks, "Sergi Lavrov", "Sergei Lavrov")
    scored = score(
        check,
        {"birthDate": "1950-03-21", "nationality": "Russia", "passportNumber": "100200300", "gender": "m"},
        {"birthDate": "1950-03-21", "citizenship": "ru", "passportNumber": "100200300", "gender": "female"},
    )
    assert {f.name for f in scored.features} == {"identifier", "birth date", "country", "gender"}
    explained = scored.explanation
    assert explained.startswith("name ") and "'Sergi Lavrov' ~ 'Sergei Lavrov'" in explained
    for part in ("identifier", "birth date", "country", "gender"):
        assert f"; {part} " in explained
    assert "100200300" in explained and "1950-03-21" in explained and "male vs female" in explained


def test_name_parts_alone_are_read_as_a_name(checks: list[dict[str, Any]]) -> None:
    [hans] = [
        c for c in checks if c["match"] and c["query"] == {"firstName": "Hans", "lastName": "Friedrich"}
    ]
    assert score(hans).score >= DEFAULT_THRESHOLD
    assert score(hans, {"birthDate": "1970"}, {"birthDate": "1980-01-01"}).score < DEFAULT_THRESHOLD


def test_a_vessel_is_never_a_person(checks: list[dict[str, Any]]) -> None:
    vessel = find(checks, "Hellenic Spirit", "MV Hellenic Spirit")
    query = Query(schema="Person", names=("Hellenic Spirit",))
    assert score_target(query, Target.from_entity(0, entity("Vessel", vessel["candidate"]))) is None
