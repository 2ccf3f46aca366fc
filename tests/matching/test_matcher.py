"""Candidate retrieval and entity scoring against the real UN list and the demo sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.lists import read_lists
from chokepoint.matching import Matcher, Query


@pytest.fixture(scope="module")
def matcher(sanctions_dir: Path) -> Matcher:
    demo = Path(__file__).resolve().parents[2] / "examples" / "drone_story.ftm.json"
    un = sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml"
    return Matcher.from_entities(e for d in read_lists([un, demo]) for e in d.entities)


def test_typo_reordered_name_finds_un_entry_with_birth_date(matcher: Matcher) -> None:
    # UN QDi.017 THARWAT SALAH SHIHATA, born 1960-06-29, Egyptian
    query = Query.from_row({"full_name": "SHIHATA, Tharwat Salah", "date_of_birth": "1960-06-29",
                            "nationality": "Egypt"})  # fmt: skip
    [best, *_] = matcher.match(query)
    assert best.list_ref == "QDi.017" and best.match
    assert "birth date +0.08" in best.explanation and "country +0.02" in best.explanation


def test_persian_query_finds_demo_entry(matcher: Matcher) -> None:
    [best, *_] = matcher.match(Query.from_row({"full_name": "قاسم دماوندیان", "schema": "Person"}))
    assert best.caption == "Qasem Damavandian" and best.match


def test_press_spelling_finds_the_organisation(matcher: Matcher) -> None:
    [best, *_] = matcher.match(Query.from_row({"name": "Quds Aviation Industry", "schema": "Company"}))
    assert best.entity_id == "cp-qods-aviation-industries"


def test_different_birth_year_lowers_the_score(matcher: Matcher) -> None:
    base = {"full_name": "THARWAT SALAH SHIHATA", "schema": "Person"}
    same = matcher.match(Query.from_row(base))[0].score
    other = matcher.match(Query.from_row(base | {"date_of_birth": "1990-01-01"}))[0].score
    assert other < same


def test_person_query_never_returns_vessels(matcher: Matcher) -> None:
    results = matcher.match(Query.from_row({"full_name": "Port Olya 3", "schema": "Person"}), cutoff=0.0)
    assert all(r.schema != "Vessel" for r in results)
    vessels = matcher.match(Query.from_row({"name": "PORT OLYA-3", "schema": "Vessel"}))
    assert vessels[0].caption == "Port Olya-3" and vessels[0].score > vessels[1].score


def test_unrelated_name_gets_no_match(matcher: Matcher) -> None:
    results = matcher.match(Query.from_row({"full_name": "Patricia Lucas Wheeler", "schema": "Person"}))
    assert not any(r.match for r in results)
