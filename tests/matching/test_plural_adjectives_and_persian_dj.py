"""Small analysis rules, on real EU listings read at test time (the OpenSanctions transcription in
shared/data): a Russian adjective in the plural or another case is still its generic word
(Оптические = optical), and a d and a j that meet only because Persian script leaves the vowel
out are two consonants (سنندج is Sanandaj, not "Sanaj"); a final English dge is Russian дж; an English
possessive ("Iran’s") is the name it follows.
"""

from __future__ import annotations

from collections.abc import Callable

from chokepoint.matching import DEFAULT_THRESHOLD, analyze, compare_names
from chokepoint.matching._skeleton import skeleton

EuEntry = Callable[[str, str], tuple[str, list[str]]]  # the eu_entry fixture (conftest.py)


def in_script(names: list[str], low: str, high: str) -> str:
    return next(n for n in names if any(low <= c <= high for c in n))


def test_a_plural_russian_adjective_is_its_generic_word(eu_entry: EuEntry) -> None:
    latin, aliases = eu_entry("32014R0833", "729")  # Infratest Optical Technologies
    cyrillic = in_script(aliases, "\u0400", "\u04ff")
    assert "Оптические" in cyrillic
    assert analyze(cyrillic, "org").tokens == analyze(latin, "org").tokens
    assert compare_names("Company", latin, cyrillic).score >= DEFAULT_THRESHOLD


def test_every_case_of_one_adjective_gives_one_word() -> None:
    singular = analyze("Оптический завод", "org").tokens
    for form in ("Оптические заводы", "Оптическим заводом", "Оптического завода"):
        assert analyze(form, "org").tokens[0] == singular[0], form


def test_d_and_j_of_a_vowelless_persian_word_stay_two_consonants(eu_entry: EuEntry) -> None:
    latin, aliases = eu_entry("32011R0359", "40")  # Sanandaj Central Prison
    persian = in_script(aliases, "\u0600", "\u06ff")
    assert "سنندج" in persian
    assert compare_names("Company", latin, persian).score >= DEFAULT_THRESHOLD


def test_dj_at_the_start_or_after_a_vowel_is_still_one_sound() -> None:
    assert skeleton("djamel") == skeleton("jamel")
    assert skeleton("madjid") == skeleton("majid")
    assert skeleton("sndj") != skeleton("snj")  # after a consonant: d + j


def test_a_final_english_dge_is_the_russian_dzh(eu_entry: EuEntry) -> None:
    latin, aliases = eu_entry("32014R0269", "441")  # PV Bridge / ООО ПВ Бридж
    cyrillic = in_script(aliases, "\u0400", "\u04ff")
    assert compare_names("Company", latin, cyrillic).score >= DEFAULT_THRESHOLD
    assert skeleton("bridges") != skeleton("bridzh")  # only a word's final dge


def test_an_english_possessive_is_the_name_itself(eu_entry: EuEntry) -> None:
    _, aliases = eu_entry("32011R0359", "18")  # Iranian Special Police Forces
    possessive = next(a for a in aliases if "’s " in a)  # Iran’s Counter-Terror Special Forces
    assert analyze(possessive, "org").tokens[0] == "iran"
    assert analyze("O'Sullivan", "person").tokens == ("osullivan",)  # an apostrophe in a name stays glued


def test_russian_state_institution_forms_are_legal_forms(eu_entry: EuEntry) -> None:
    latin, aliases = eu_entry("32014R0833", "224")  # Central Aerohydrodynamic Institute
    cyrillic = in_script(aliases, "\u0400", "\u04ff")
    assert "ФАУ" in cyrillic and "Федеральное Автономное Учреждение" in cyrillic
    form = analyze(cyrillic, "org")
    assert form.forms == {"ue"} and "fau" not in form.tokens and "federal" not in form.tokens
    assert compare_names("Company", latin, cyrillic).score >= DEFAULT_THRESHOLD


def test_instrument_engineering_is_the_russian_instrument_making(eu_entry: EuEntry) -> None:
    latin, aliases = eu_entry("32014R0833", "316")  # Ramensky Instrument-Engineering Plant
    cyrillic = in_script(aliases, "\u0400", "\u04ff")
    assert analyze(latin, "org").tokens[1:] == analyze(cyrillic, "org").tokens[1:] == ("instruments", "plant")
    assert compare_names("Company", latin, cyrillic).score >= DEFAULT_THRESHOLD
