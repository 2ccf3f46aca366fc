"""Acronyms made of Russian words, in Cyrillic or Latin letters, and Arabic-script UAE legal forms.

Real EU listings (read at test time from shared/data): ПАО «ТМЗ» and PAO TMZ are Tutaev Motor
Plant (Тутаевский Моторный Завод); ش م ح is a free-zone company (FZC); a name written with a
middle dot between two names is read as both.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chokepoint.matching import DEFAULT_THRESHOLD, analyze, compare_names

EuEntry = Callable[[str, str], tuple[str, list[str]]]  # the eu_entry fixture (conftest.py)


@pytest.mark.parametrize(
    ("celex", "record", "acronym"),
    [
        ("32014R0833", "468", "PAO TMZ"),  # Tutaev Motor Plant: Тутаевский Моторный Завод
        ("32014R0833", "468", "ПАО «ТМЗ»"),
        ("32014R0833", "369", "PAO ROMZ"),  # Rostov Optical and Mechanical Plant: Оптико-Механический
        ("32014R0833", "97", "ПАО «АСЗ»"),  # Amur Shipbuilding Factory: Судостроительный Завод
        # a Russian noun before its genitive modifier: Ulyanovsk Instrument Design Bureau is
        # Ульяновское Конструкторское Бюро Приборостроения (У-КБ-П)
        ("32014R0269", "453", "УКБП"),
        ("32014R0833", "264", "VZRTO"),  # Volgograd Radio-Technical Equipment Plant: Волгоградский Завод …
    ],
)
def test_russian_acronym_matches_the_english_name(
    eu_entry: EuEntry, celex: str, record: str, acronym: str
) -> None:
    latin, names = eu_entry(celex, record)
    assert any(acronym in n for n in names)  # the list itself gives this short form
    result = compare_names("Company", acronym, latin)
    assert result.score >= DEFAULT_THRESHOLD, result.explanation


@pytest.mark.parametrize(
    ("acronym", "celex", "record"),
    [
        ("PAO TMZ", "32014R0833", "97"),  # not Amur Shipbuilding Factory
        ("ПАО «АСЗ»", "32014R0833", "468"),  # not Tutaev Motor Plant
        ("PAO ROMZ", "32014R0833", "468"),  # not Tutaev Motor Plant
        ("ZVRTO", "32014R0833", "264"),  # Volgograd … Plant: the first word (the place) leads in both
        ("PKBU", "32014R0269", "453"),  # nor Ulyanovsk Instrument Design Bureau
    ],
)
def test_russian_acronym_does_not_match_another_plant(
    eu_entry: EuEntry, acronym: str, celex: str, record: str
) -> None:
    latin, _ = eu_entry(celex, record)
    result = compare_names("Company", acronym, latin)
    assert result.score < DEFAULT_THRESHOLD, result.explanation


def test_arabic_script_free_zone_form_is_a_legal_form(eu_entry: EuEntry) -> None:
    latin, names = eu_entry("32014R0833", "501")  # Success Aviation Services FZC
    arabic = next(n for n in names if "ش م ح" in n)
    assert analyze(arabic, "org").forms == analyze(latin, "org").forms == {"fze"}
    result = compare_names("Company", latin, arabic)
    assert result.score >= DEFAULT_THRESHOLD, result.explanation


def test_names_joined_by_a_middle_dot_are_read_apart(eu_entry: EuEntry) -> None:
    latin, names = eu_entry("32014R0833", "414")  # Shahed Aviation Industries
    joined = next(n for n in names if " \u0387 " in n)  # صنایع هوایی شاهد · مرکز تحقیقات صنایع هوایی شاهد
    result = compare_names("Company", latin, joined)
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
    assert "\u0387" not in result.right
