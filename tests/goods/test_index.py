"""Catalogue matching: exact, base-part and family hits, each with a confidence and an explanation."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.goods import CatalogueIndex, load_catalogue


@pytest.fixture(scope="module")
def gur(data_dir: Path) -> CatalogueIndex:
    return CatalogueIndex(load_catalogue(data_dir / "goods" / "uav_components.csv"))


def test_exact_hit_names_the_drone_and_the_gur_pages(gur: CatalogueIndex) -> None:
    hit = gur.match("TMS320F28335PGFA", "Texas Instruments")[0]
    assert (hit.level, hit.confidence, hit.same_maker) == ("exact", 1.0, True)
    assert hit.models == ("Shahed-136 (Geran-2)",)
    assert hit.explanation.startswith(
        "TMS320F28335PGFA is catalogue part TMS320F28335PGFA (Texas Instruments), i.e. TMS320F28335 "
        "with TI package/temperature suffix PGFA, found in Shahed-136 (Geran-2) (GUR components"
    )
    assert "+3 more" in hit.explanation and ";" not in hit.explanation


def test_base_hit_explains_the_stripped_suffix(gur: CatalogueIndex) -> None:
    hit = gur.match("TMS320F28335ZJZA", "TI")[0]
    assert (hit.level, hit.confidence) == ("base", 0.9)
    assert hit.explanation.startswith(
        "TMS320F28335ZJZA is TMS320F28335 (TI package/temperature suffix ZJZA), base of catalogue part "
        "TMS320F28335PGFA (Texas Instruments)"
    )


def test_family_hit_for_a_sibling_package(gur: CatalogueIndex) -> None:
    hit = gur.match("STM32F405VGT6", "STMicroelectronics")[0]
    assert (hit.level, hit.confidence, hit.part_number) == ("family", 0.7, "STM32F405RGT6")
    assert "family STM32F405 (STM32-style product line)" in hit.explanation
    assert hit.models == ("Shahed-131 (Geran-1)", "Shahed-136 (Geran-2)")


def test_packaging_and_lookalikes_are_exact_hits_that_say_so(gur: CatalogueIndex) -> None:
    hit = gur.match("ТМS320F28335РGFA/TR", "")[0]
    assert hit.level == "exact"
    assert "packaging suffix /TR" in hit.explanation
    assert "look-alike Cyrillic ТМР letters read as Latin" in hit.explanation


def test_acquired_maker_counts_as_the_same_maker(gur: CatalogueIndex) -> None:
    hit = gur.match("MAX3221EAE+T", "Maxim Integrated")[0]
    assert (hit.level, hit.same_maker) == ("base", True)
    assert "Maxim Integrated, part of Analog Devices since 2021" in hit.explanation


def test_another_maker_lowers_confidence_and_is_said(gur: CatalogueIndex) -> None:
    hit = gur.match("STM32F405RGT6", "NXP")[0]
    assert (hit.level, hit.confidence, hit.same_maker) == ("exact", 0.7, False)
    assert "the line names NXP Semiconductors" in hit.explanation


def test_catalogue_part_as_the_start_of_a_longer_number(gur: CatalogueIndex) -> None:
    hit = gur.match("BNX023H01L", "Murata")[0]  # Murata orders BNX023 as BNX023H01L
    assert hit.level == "family" and "begins with catalogue part BNX023" in hit.explanation


def test_a_longer_number_does_not_match_across_a_digit(gur: CatalogueIndex) -> None:
    # LM258 (dual op-amp, catalogued) is not LM2587 (a switching regulator)
    assert all(h.part_number != "LM258" for h in gur.match("LM2587S-ADJ", "TI"))
    assert gur.match("LM258DR", "TI")[0].part_number == "LM258"


def test_one_hit_per_catalogue_part_best_first(gur: CatalogueIndex) -> None:
    hits = gur.match("TMS320F28335PGFA", "TI")
    assert [h.part_number for h in hits] == ["TMS320F28335PGFA", "TMS320"]
    assert len(hits[0].components) == 6  # six GUR pages document this DSP


def test_unrelated_and_blank_part_numbers_have_no_hits(gur: CatalogueIndex) -> None:
    assert gur.match("RC0603FR-0710KL", "Yageo") == ()
    assert gur.match("", "TI") == ()
