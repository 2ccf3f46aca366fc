"""Two typing slips in a word, Latin-letter skeletons, and names of unknown kind written as persons'.

Pairs are read at test time from OpenSanctions' labelled name pairs (name_bench_cases.csv, dev
split) and OFAC's search fixtures (query, result, OFAC's score); assertions are labels at the
default threshold and orderings, never our own scores copied back.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chokepoint.matching import DEFAULT_THRESHOLD, Query, analyze, compare_names, score_target
from chokepoint.matching._query import Target

NOMENKLATURA = Path("matching") / "opensanctions_nomenklatura"


@pytest.fixture(scope="module")
def bench(data_dir: Path) -> dict[tuple[str, str], bool]:
    with (data_dir / NOMENKLATURA / "name_bench_cases.csv").open(encoding="utf-8") as fh:
        return {(r["name1"], r["name2"]): r["is_match"] == "true" for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def ofac(data_dir: Path) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = {}
    with (data_dir / NOMENKLATURA / "ofac_search_fixtures.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            found.setdefault(row["query_name"], {})[row["result_name"]] = float(row["ofac_score"])
    return found


def labelled(bench: dict[tuple[str, str], bool], left: str, right: str) -> bool:
    return bench[(left, right)]


def entity_score(query: str, result: str) -> float:
    """Both names of unknown kind (LegalEntity), as OFAC's type-blind search compares them."""
    listed = Target(index=0, id="x", schema="LegalEntity", caption=result, names=(result,))
    scored = score_target(Query(schema="LegalEntity", names=(query,)), listed)
    assert scored is not None
    return scored.score


@pytest.mark.parametrize(
    ("left", "right"),
    [("Sergej Viktorovich Navros", "Sergey Viktorovich LAVROV"), ("Pol Pot", "Pot Pouv")],
)
def test_slips_at_both_ends_or_out_of_place_are_not_slips(
    bench: dict[tuple[str, str], bool], left: str, right: str
) -> None:
    # Navros / Lavrov differ at the first and the last letter; Pouv stands where Pot stands
    assert labelled(bench, left, right) is False
    assert compare_names("Person", left, right).score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("left", "right"),
    [("Angela Merkur", "Angela Merkel"), ("Keir Starkey", "Keir Starmer"), ("John Doe", "Juan Doe"),
     ("Niels Oscar Rost", "Niels Oscar TROOST")],
)  # fmt: skip
def test_two_slips_in_one_word_still_match_when_the_rest_agrees(
    bench: dict[tuple[str, str], bool], left: str, right: str
) -> None:
    assert labelled(bench, left, right) is True
    assert compare_names("Person", left, right).score >= DEFAULT_THRESHOLD


def test_two_slips_are_not_believed_when_other_words_disagree(ofac: dict[str, dict[str, float]]) -> None:
    # Putin / Polin: two letters apart, and Polin's patronymic is unpaired
    putin = ofac["VLADIMIR PUTIN"]
    polin = next(r for r in putin if r.startswith("POLIN"))
    assert compare_names("Person", "VLADIMIR PUTIN", polin).score < DEFAULT_THRESHOLD
    assert "two edits" not in compare_names("Person", "VLADIMIR PUTIN", polin).explanation


def test_latin_skeletons_far_apart_in_short_words_score_below_a_romanisation(
    ofac: dict[str, dict[str, float]],
) -> None:
    # Bashar / Bushra share b-sh-r, but in Latin letters the vowels tell them apart; Qasem / Ghasem
    # differ in how one letter (ق) is written
    bashar = ofac["ASSAD BASHAR"]
    bushra = next(r for r in bashar if "Bushra" in r)
    same = next(r for r in bashar if r.startswith("AL-ASSAD, Bashar"))
    assert bashar[same] > bashar[bushra]
    assert entity_score("ASSAD BASHAR", same) > entity_score("ASSAD BASHAR", bushra)
    vowels = compare_names("Person", "Bashar", "Bushra").score
    assert vowels < compare_names("Person", "Qasem", "Ghasem").score


@pytest.mark.parametrize(
    ("left", "right"),
    [("Muhammad bin Salman", "Mohammed bin Salman"), ("Friedrich Lindenberg", "Friedrich Lyndenburg"),
     ("NURISTANI, Abdul Aziz", "Abdul Aziz Nooristani")],
)  # fmt: skip
def test_latin_romanisations_still_match(bench: dict[tuple[str, str], bool], left: str, right: str) -> None:
    assert labelled(bench, left, right) is True
    assert compare_names("Person", left, right).score >= DEFAULT_THRESHOLD


def test_a_name_of_unknown_kind_written_family_comma_given_is_a_persons() -> None:
    assert analyze("PUTIN, Vladimir", "entity").kind == "person"
    assert analyze("ESCOBAR HENAO, Pablo", "entity").kind == "person"
    for org in ("Tactical Missile Corporation, RKB Globus", "Bowne Global Solutions (France), S.A.R.L."):
        assert analyze(org, "entity").kind == "entity"
    assert analyze("USAMA BIN LADEN NETWORK", "entity").kind == "entity"


def test_ofac_ranks_a_surname_query_as_we_do(ofac: dict[str, dict[str, float]]) -> None:
    # PUTIN: the listed Putins first, Patino (two letters apart, other words unpaired) below them
    results = ofac["PUTIN"]
    ours = {name: entity_score("PUTIN", name) for name in results if results[name] >= 0}
    best = [n for n in results if results[n] == max(results.values())]
    assert all(ours[n] == max(ours.values()) or ours[n] >= DEFAULT_THRESHOLD for n in best)
    patino = next(n for n in results if n.startswith("PATINO"))
    assert all(ours[patino] < ours[n] for n in best)
