"""Goods screening: risk from CHPL tiers and catalogue hits, and the done-when of issue 5.

Done when: of the GUR catalogue rows that have a part number, >= 98% are flagged when written with
a packaging suffix or a look-alike letter; the clean order book (examples/orders_clean.csv) gives
< 1% flagged lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.goods import (
    CatalogueIndex,
    Component,
    GoodsLine,
    GoodsScreener,
    bundled_catalogue,
    load_catalogue,
    normalise_manufacturer,
    normalise_part_number,
    read_goods_lines,
    screen_goods,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CYRILLIC = dict(zip("ABCEHKMOPTX", "АВСЕНКМОРТХ", strict=True))


@pytest.fixture(scope="module")
def gur_rows(data_dir: Path) -> list[Component]:
    return [c for c in load_catalogue(data_dir / "goods" / "uav_components.csv") if c.part_number.strip()]


@pytest.fixture(scope="module")
def gur(data_dir: Path) -> GoodsScreener:
    return GoodsScreener(CatalogueIndex(load_catalogue(data_dir / "goods" / "uav_components.csv")))


@pytest.fixture(scope="module")
def bundled() -> GoodsScreener:
    return GoodsScreener(CatalogueIndex(bundled_catalogue()))


def packaging_variants(part: str, maker: str) -> list[str]:
    """How distributors write the part with packing/lead-free marks, by the maker's convention."""
    text, convention = normalise_part_number(part), normalise_manufacturer(maker).convention
    by_convention = {
        "ti": [part + ("DR" if part[-1].isdigit() else "R"), part + "/NOPB"],
        "st": [part + "TR"],
        "microchip": [part + "-AU" if text.startswith("AT") else part + "-I/SO"],
        "nxp": [part + ",518"],
        "infineon": [part + "PBF", part + "TRPBF"],
        "onsemi": [part + "G", part + "R2G"],
        "ublox": [part + "-0-10"],
        "vishay": [part + "-T1-GE3"],
        "semtech": [part + ".TCT"],
    }
    if convention == "adi":
        if text.startswith(("MAX", "DS")):
            return [part + "+T", part + "+"]
        return [part + "#PBF", part + "#TRPBF"] if text.startswith("LT") else [part + "-REEL7", part + "-RL7"]
    return by_convention.get(convention, [part + "-TR", part + "/TR"])


def lookalike(part: str) -> str | None:
    """The part with its first Latin letter that has a Cyrillic twin written in Cyrillic."""
    for i, ch in enumerate(part):
        if ch.upper() in CYRILLIC:
            return part[:i] + CYRILLIC[ch.upper()] + part[i + 1 :]
    return None


def flag_rate(screener: GoodsScreener, lines: list[GoodsLine]) -> float:
    return sum(screener.screen(line).flagged for line in lines) / len(lines)


@pytest.mark.parametrize("with_maker", [True, False])
def test_done_when_catalogue_parts_written_with_suffixes_or_lookalikes_are_flagged(
    gur: GoodsScreener, gur_rows: list[Component], with_maker: bool
) -> None:
    suffixed, disguised, both = [], [], []
    for c in gur_rows:
        maker = c.manufacturer if with_maker else ""
        variants = packaging_variants(c.part_number, c.manufacturer)
        suffixed += [GoodsLine(v, maker) for v in variants]
        disguised += [GoodsLine(v, maker) for v in [lookalike(c.part_number)] if v]
        both += [GoodsLine(v, maker) for v in map(lookalike, variants) if v]
    assert len(suffixed) >= len(gur_rows) and len(disguised) >= 0.9 * len(gur_rows)
    assert flag_rate(gur, suffixed) >= 0.98
    assert flag_rate(gur, disguised) >= 0.98
    assert flag_rate(gur, both) >= 0.98


def test_done_when_clean_order_book_is_not_flagged(gur: GoodsScreener, bundled: GoodsScreener) -> None:
    lines = list(read_goods_lines(EXAMPLES / "orders_clean.csv"))
    assert len(lines) >= 250
    for screener in (gur, bundled):
        flagged = [r for r in screen_goods(lines, screener) if r.flagged]
        assert len(flagged) / len(lines) < 0.01, [r.reasons for r in flagged]


def test_catalogue_hit_and_chpl_tier_both_count(gur: GoodsScreener) -> None:
    result = gur.screen(GoodsLine("TMS320F28335PGFA", "Texas Instruments", "DSP", "8542.31"))
    assert result.flagged and result.risk == 0.97  # 1 - (1 - 0.70) * (1 - 0.90)
    assert result.chpl_tier == "1" and result.hs_source == "declared"
    assert result.reasons[-1] == (
        "HS 854231 is CHPL tier 1 (Processors and controllers (microcontrollers, microprocessors, DSPs))"
    )


@pytest.mark.parametrize(
    ("hs_code", "risk", "flagged"),
    [("854231", 0.7, True), ("852691", 0.6, True), ("854110", 0.4, False), ("848210", 0.35, False),
     ("903020", 0.3, False), ("845710", 0.25, False), ("853321", 0.0, False)],
)  # fmt: skip
def test_chpl_tier_alone_sets_the_risk(
    bundled: GoodsScreener, hs_code: str, risk: float, flagged: bool
) -> None:
    result = bundled.screen(GoodsLine("", "", "", hs_code))
    assert (result.risk, result.flagged) == (risk, flagged)


def test_missing_hs_code_is_guessed_from_the_description(bundled: GoodsScreener) -> None:
    result = bundled.screen(GoodsLine("", "", "GPS receiver module, 72 channels", ""))
    assert (result.hs_code, result.hs_source, result.chpl_tier, result.risk) == (
        "852691",
        "description",
        "2",
        0.54,
    )
    assert result.reasons == (
        "no HS code given, the description ('gps') points to HS 852691, "
        "CHPL tier 2 (Radio navigation receivers (GNSS/GPS))",
    )


def test_missing_hs_code_is_guessed_from_the_catalogue_component_type(gur: GoodsScreener) -> None:
    result = gur.screen(GoodsLine("NEO-M9N-00B", "u-blox", "", ""))
    assert (result.hs_code, result.hs_source) == ("852691", "catalogue")
    assert result.risk == 0.913  # 1 - (1 - 0.9 x 0.60 guessed tier 2) * (1 - 0.9 base x 0.9 one model)


def test_heading_only_guess_weighs_less(bundled: GoodsScreener) -> None:
    result = bundled.screen(GoodsLine("", "", "capacitor 10 uF", ""))
    assert (result.hs_code, result.risk, result.flagged) == ("8532", 0.36, False)


def test_declared_code_off_the_chpl_against_a_chpl_description_is_noted(bundled: GoodsScreener) -> None:
    result = bundled.screen(GoodsLine("", "", "32-bit microcontroller", "8533.21"))
    assert (result.risk, result.flagged) == (0.42, False)
    assert (
        "HS 853321 is not on the CHPL but the description ('microcontroller') points to 854231"
        in result.reasons[0]
    )


def test_catalogue_type_exposes_a_misdeclared_code(gur: GoodsScreener) -> None:
    result = gur.screen(GoodsLine("TMS320F28335PGFA", "Texas Instruments", "", "8533.21"))
    assert result.reasons[-1].startswith("HS 853321 is not on the CHPL but the catalogue's component type (")
    assert "points to 854231, CHPL tier 1" in result.reasons[-1]


def test_other_makers_family_hit_alone_is_not_flagged_but_with_a_chpl_code_is(gur: GoodsScreener) -> None:
    # Murata's BNX023 EMI filter is catalogued; a BNX023 variant sold under another maker's name
    alone = gur.screen(GoodsLine("BNX023H01L", "TDK", "", ""))
    assert alone.hits[0].confidence == 0.49  # family 0.7 x other maker 0.7
    assert (alone.risk, alone.flagged) == (0.466, False)  # x 0.95: found in two drone models
    declared = gur.screen(GoodsLine("BNX023H01L", "TDK", "", "8548.00"))
    assert (declared.risk, declared.flagged) == (0.786, True)  # 1 - (1 - 0.6 tier 2) * (1 - 0.4655)


def test_an_ic_is_tier_1_even_when_only_the_catalogue_says_what_it_is(gur: GoodsScreener) -> None:
    result = gur.screen(GoodsLine("LD1117S33CTR", "onsemi", "", ""))
    assert result.hits[0].part_number == "LD1117" and result.hits[0].same_maker is False
    assert (result.hs_code, result.hs_source, result.chpl_tier) == ("854239", "catalogue", "1")
    assert result.flagged


def test_threshold_decides_flagged(gur: GoodsScreener) -> None:
    strict = GoodsScreener(gur.index, threshold=0.95)
    line = GoodsLine("TMS320F28335ZJZA", "TI", "", "")
    assert gur.screen(line).flagged and not strict.screen(line).flagged


def test_rows_count_from_one_and_repeated_lines_are_consistent(bundled: GoodsScreener) -> None:
    lines = [
        GoodsLine("STM32F405RGT6", "ST"),
        GoodsLine("RC0603FR-0710KL", "Yageo"),
        GoodsLine("STM32F405RGT6", "ST"),
    ]
    results = list(screen_goods(lines, bundled))
    assert [r.row for r in results] == [1, 2, 3]
    assert results[0].risk == results[2].risk and results[0].reasons == results[2].reasons
