"""Given names across languages, typing slips, Slavic j/y, Arabic name chains, initials-only names.

Pairs are read from the labelled dev files (name_bench_cases.csv, iran_russia_pairs.csv) or are
real listed names against spellings other lists and the press use, at the default threshold.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.matching import DEFAULT_THRESHOLD, compare_names
from chokepoint.matching._given import given_groups
from chokepoint.matching._terms import terms

NAME_BENCH = Path("opensanctions_nomenklatura") / "name_bench_cases.csv"


@pytest.fixture(scope="module")
def bench(data_dir: Path) -> dict[tuple[str, str], bool]:
    with (data_dir / "matching" / NAME_BENCH).open(encoding="utf-8") as fh:
        return {(r["name1"], r["name2"]): r["is_match"] == "true" for r in csv.DictReader(fh)}


def _labelled(bench: dict[tuple[str, str], bool], left: str, right: str, label: bool) -> None:
    assert bench[(left, right)] is label, "the pair is not labelled so in the dev file"


@pytest.mark.parametrize(
    ("a", "b"),
    [("iosif", "joseph"), ("yusuf", "joseph"), ("oleksandr", "aleksandr"), ("volodymyr", "vladimir"),
     ("magomed", "mohammad"), ("bibi", "benjamin"), ("hossein", "huseyn"), ("ibragim", "ebrahim")],
)  # fmt: skip
def test_one_given_name_in_several_languages(a: str, b: str) -> None:
    assert given_groups(a) & given_groups(b)


@pytest.mark.parametrize(("a", "b"), [("mohammad", "mahmoud"), ("hassan", "hussein"), ("ivan", "igor")])
def test_different_given_names_stay_apart(a: str, b: str) -> None:
    assert not given_groups(a) & given_groups(b)


def test_given_name_in_another_form_matches_the_listed_person(bench: dict[tuple[str, str], bool]) -> None:
    _labelled(bench, "Bibi Netanyahu", "Benjamin Netanyahu", True)
    result = compare_names("Person", "Bibi Netanyahu", "Benjamin Netanyahu")
    assert result.score >= DEFAULT_THRESHOLD and "same name in another form" in result.explanation
    # Ukrainian and Russian spellings of one Russian given name (OFAC lists Russian forms)
    assert compare_names("Person", "Oleksandr Zakharov", "ZAKHAROV, Aleksandr").score >= DEFAULT_THRESHOLD


def test_given_name_vocabulary_must_map_groups_to_lists(tmp_path: Path) -> None:
    bad = tmp_path / "terms.yml"
    bad.write_text("org_forms: {}\ngeneric: {}\ntitles: []\nacronyms: {}\ngiven_names: [john]\n", "utf-8")
    with pytest.raises(InputError, match="given_names") as caught:
        terms(bad)
    assert str(bad) in str(caught.value)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Angela Merkur", "Angela Merkel"), ("Keir Starkey", "Keir Starmer"), ("Mark Cooney", "Mark Carney")],
)
def test_two_typing_slips_in_one_word_of_a_person_name_are_reviewed(
    bench: dict[tuple[str, str], bool], left: str, right: str
) -> None:
    _labelled(bench, left, right, True)
    result = compare_names("Person", left, right)
    assert result.score >= DEFAULT_THRESHOLD and "two edits" in result.explanation


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("عارف علی زرداری", "آصف علی زرداری"),  # Arabic script: short consonant skeletons, another name
        ("Frank Richter", "Frederik Richter"),  # more than two edits apart
    ],
)
def test_two_edits_are_not_a_slip_in_arabic_script_or_beyond(
    bench: dict[tuple[str, str], bool], left: str, right: str
) -> None:
    _labelled(bench, left, right, False)
    assert compare_names("Person", left, right).score < DEFAULT_THRESHOLD


def test_two_edits_never_join_chinese_characters() -> None:
    # 李斌 romanises to "li bin"; the listed LI, Yi is another person ("bin"/"yi" are two edits)
    assert compare_names("Person", "斌 李", "LI, Yi").score < DEFAULT_THRESHOLD


def test_slavic_j_for_y_and_baltic_endings(bench: dict[tuple[str, str], bool]) -> None:
    _labelled(bench, "Sergejs Lavrovs", "Sergey Viktorovich LAVROV", True)
    result = compare_names("Person", "Sergejs Lavrovs", "Sergey Viktorovich LAVROV")
    assert result.score >= DEFAULT_THRESHOLD and "sergejs~sergey (romanisation" in result.explanation
    assert compare_names("Person", "Jurij Borisov", "Yuriy BORISOV").score >= DEFAULT_THRESHOLD


def test_fathers_names_in_an_arabic_name_chain_are_often_left_out(bench: dict[tuple[str, str], bool]) -> None:
    left, right = "Osama bin Laden", "Usāma bin Muhammad ibn Awad ibn Lādin"
    _labelled(bench, left, right, True)
    assert compare_names("Person", left, right).score >= DEFAULT_THRESHOLD


def test_a_name_of_initials_only_is_no_match(bench: dict[tuple[str, str], bool]) -> None:
    _labelled(bench, "N.N.", "Nursultan Nazarbayev", False)
    result = compare_names("Person", "N.N.", "Nursultan Nazarbayev")
    assert result.score < DEFAULT_THRESHOLD and "only initials" in result.explanation
    assert compare_names("Person", "J. Smith", "John Smith").score >= DEFAULT_THRESHOLD


def test_a_legal_form_written_onto_the_name(bench: dict[tuple[str, str], bool]) -> None:
    _labelled(bench, "SiemensAG", "Siemens AG", True)
    assert compare_names("Company", "SiemensAG", "Siemens AG").score >= DEFAULT_THRESHOLD
    assert compare_names("Company", "SiemensAG", "Siemens Energy AG").score < DEFAULT_THRESHOLD


def test_short_names_are_not_matched_on_their_letters_alone() -> None:
    # "LADY D" and "LADY R" have 5 letters each: too few to call them one name respaced
    assert compare_names("Vessel", "LADY D", "LADY R").score < DEFAULT_THRESHOLD
    assert compare_names("Company", "A. Chan", "Osem").score < DEFAULT_THRESHOLD
