"""Russian adjectives of names, every gender and case of generic words, Belarusian -au, Persian و.

Each pair is a real listed name against an alias or spelling another list gives
(benchmarks/data/iran_russia_pairs.csv, name_bench_cases.csv), at the default threshold.
"""

from __future__ import annotations

import pytest

from chokepoint.matching import DEFAULT_THRESHOLD, analyze, compare_names


@pytest.mark.parametrize(
    ("schema", "left", "right", "how"),
    [
        ("Company", "JSC Murom Instrument-Making Plant",
         "Акционерное общество “Муромский приборостроительный завод”", "adjective"),
        ("Company", "Baltiyskaya Promishlennaya Kompaniya (JSC Baltic Industrial Company)",
         "АО “Балтийская Промышленная Компания”", ""),
        ("Company", "Joint Stock Company ‘State Transport Leasing Company’",
         "Акционерное общество ‘Государственная Транспортная Лизинговая Компания", ""),
        ("Person", "Vladimir Mikhailovich MOROZOV", "Uladzimir Mikhailavich MAROZAU", "morozov~marozau"),
        ("Person", "Mohammad MOVAHEDI-AZAD", "محمد موحدى آزاد", "movahedi~"),
    ],
)  # fmt: skip
def test_listed_name_matches_its_alias(schema: str, left: str, right: str, how: str) -> None:
    result = compare_names(schema, left, right)
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
    assert how in result.explanation


@pytest.mark.parametrize(
    "spelling", ["gosudarstvennyy", "gosudarstvennaya", "gosudarstvennogo", "gosudarstvennoye"]
)
def test_every_gender_and_case_of_a_generic_russian_adjective_is_generic(spelling: str) -> None:
    assert analyze(f"{spelling} alabuga", "org").tokens == ("state", "alabuga")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Kazanskiy Zavod", "Kazakh Plant"),  # a 5-letter stem must be the other name exactly
        ("L.X.C. Aviation", "LAU Aviation"),  # -au alone is no Belarusian surname ending
    ],
)
def test_near_adjectives_and_endings_are_other_names(left: str, right: str) -> None:
    assert compare_names("Company", left, right).score < DEFAULT_THRESHOLD


def test_a_name_of_generic_words_only_is_that_name_in_any_language() -> None:
    # Iran's Aerospace Industries Organization (AIO, OFAC SDN) under its Persian name
    result = compare_names("Organization", "Aerospace Industries Organization", "سازمان صنایع هوافضا")
    assert result.score >= DEFAULT_THRESHOLD
    # sharing generic words is still not enough when other words are left over
    assert compare_names("Company", "Special Economic Zone", "Special Economic Zone Alabuga").score < 0.8
    assert compare_names("Company", "Saudi Arabian Gas Company", "Saudi Arabian Oil Company").score < 0.8


def test_persian_ezafe_written_as_a_word_is_no_word() -> None:
    # Bonyad Taavon Basij (OFAC SDN) as the EU transcribes it, against its Persian name
    assert compare_names("Organization", "Bonyad-eh Ta'avon-eh Basij", "بنیاد تعاون بسیج").score >= 0.8


def test_two_different_generic_words_are_two_things() -> None:
    # "aviation" and "navigation" are one letter apart but name two lines of business
    result = compare_names(
        "Company", "Iran Aviation Industries Organization", "Iran Navigation Industries Organization"
    )
    assert result.score < DEFAULT_THRESHOLD and "conflicting: aviation navigation" in result.explanation
