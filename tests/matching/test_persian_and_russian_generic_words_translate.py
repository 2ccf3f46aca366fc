"""Generic and trade words of organisation names translate between Persian, Russian and English.

Real EU listings (the OpenSanctions transcription in shared/data, read at test time): an
entry's Latin name matches its own Cyrillic or Persian name, and does not match the name of
another listed organisation that shares the translated words ("… Optical-Mechanical Plant",
"… Prison", "… Oil & Gas Company").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chokepoint.matching import DEFAULT_THRESHOLD, analyze, compare_names

EuEntry = Callable[[str, str], tuple[str, list[str]]]  # the eu_entry fixture (conftest.py)


def script_name(names: list[str], first: str) -> str:
    """The first name written in the script whose letters include ``first``."""
    return next(n for n in names if any(first <= c <= chr(ord(first) + 0xFF) for c in n))


CYRILLIC, ARABIC = "\u0400", "\u0600"


@pytest.mark.parametrize(
    ("celex", "record", "script"),
    [
        ("32014R0833", "468", CYRILLIC),  # Tutaev Motor Plant / Тутаевский Моторный Завод
        ("32014R0833", "369", CYRILLIC),  # Rostov Optical and Mechanical Plant / Оптико-Механический Завод
        ("32012R0267", "124", ARABIC),  # Gachsaran Oil & Gas Company / نفت و گاز
        ("32012R0267", "147", ARABIC),  # National Iranian Oil Engineering and Construction Company
        ("32011R0359", "41", ARABIC),  # Zahedan Prison / زندان مرکزى زاهدان
    ],
)
def test_latin_name_matches_its_own_cyrillic_or_persian_name(
    eu_entry: EuEntry, celex: str, record: str, script: str
) -> None:
    latin, aliases = eu_entry(celex, record)
    result = compare_names("Company", latin, script_name(aliases, script))
    assert result.score >= DEFAULT_THRESHOLD, result.explanation


@pytest.mark.parametrize(
    ("latin_of", "other_of"),
    [
        (("32014R0833", "369"), ("32014R0269", "138")),  # Rostov / Kazan Optical and Mechanical Plant
        (("32014R0833", "468"), ("32014R0833", "97")),  # Tutaev Motor Plant / Amur Shipbuilding Plant
        (("32012R0267", "124"), ("32012R0267", "121")),  # Gachsaran / South Zagros Oil & Gas
        (("32011R0359", "41"), ("32011R0359", "40")),  # Zahedan Prison / Sanandaj Central Prison
    ],
)
def test_organisations_sharing_translated_words_do_not_match(
    eu_entry: EuEntry, latin_of: tuple[str, str], other_of: tuple[str, str]
) -> None:
    latin, _ = eu_entry(*latin_of)
    other_latin, others = eu_entry(*other_of)
    for other in [other_latin, *others]:
        result = compare_names("Company", latin, other)
        assert result.score < DEFAULT_THRESHOLD, (other, result.explanation)


def test_words_translate_to_one_english_word_in_every_case(eu_entry: EuEntry) -> None:
    _, tutaev = eu_entry("32014R0833", "468")  # … «Тутаевский Моторный Завод» …
    assert {"motor", "plant"} <= set(analyze(script_name(tutaev, CYRILLIC), "org").tokens)
    _, zagros = eu_entry("32012R0267", "121")  # شرکت بهره برداری نفت و گاز زاگرس جنوبی
    assert {"oil", "gas", "south", "manufacturing"} <= set(analyze(zagros[0], "org").tokens)


def test_trade_words_keep_their_weight_and_generic_words_do_not(eu_entry: EuEntry) -> None:
    latin, _ = eu_entry("32012R0267", "121")  # South Zagros Oil & Gas Production Company
    form = analyze(latin, "org")
    weights = dict(zip(form.tokens, form.weights, strict=True))
    assert weights["oil"] == weights["zagros"] == 1.0  # "… Gas Company" is not "… Oil Company"
    assert weights["manufacturing"] < 0.5


def test_russian_learned_words_share_a_key_with_english(eu_entry: EuEntry) -> None:
    latin, names = eu_entry("32014R0833", "350")  # Systems of Biological Synthesis LLC
    russian = analyze(script_name(names, CYRILLIC), "org")  # «Системы Биологического Синтеза»
    assert "biologic" in russian.tokens
    assert "biologic" in analyze(latin, "org").tokens


def test_and_in_cyrillic_or_persian_is_not_a_roman_numeral(eu_entry: EuEntry) -> None:
    _, names = eu_entry("32014R0269", "556")  # … Систем Связи и Управления
    assert not analyze(script_name(names, CYRILLIC), "org").numbers
    _, names = eu_entry("32011R0359", "52")  # شرکت پژوهش و توسعه ناجی
    assert not analyze(script_name(names, ARABIC), "org").numbers
    assert analyze("Fund VIII", "org").numbers == {"8"}  # Latin letters stay numerals
