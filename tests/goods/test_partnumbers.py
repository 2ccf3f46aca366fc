"""Part numbers: packaging and package/temperature suffixes per maker convention, look-alikes, families.

Every case is a part number documented in ../shared/data/goods/uav_components.csv (or the orderable
code of one), written the way an order line or a distributor writes it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.goods import analyse_part, normalise_part_number


def same_part(a: str, b: str, maker_a: str = "", maker_b: str = "") -> bool:
    return analyse_part(a, maker_a).exact == analyse_part(b, maker_b).exact


@pytest.mark.parametrize(
    ("written", "maker", "base", "code"),
    [
        # TI: package (PGF = LQFP-176) and temperature (A) letters after the device number
        ("TMS320F28335PGFA", "Texas Instruments", "TMS320F28335", "PGFA"),
        ("TMS320F28335ZJZA", "TI", "TMS320F28335", "ZJZA"),
        ("LM5176PWPR", "Texas Instruments", "LM5176", "PWPR"),
        ("DM368ZCED", "Texas Instruments", "DM368", "ZCED"),
        ("TM4C1230C3PMI", "", "TM4C1230C3", "PMI"),
        # ST: STM32 line + pins + flash, then package + temperature
        ("STM32F405RGT6", "STMicroelectronics", "STM32F405RG", "T6"),
        ("STM32F030K6T6", "ST", "STM32F030K6", "T6"),
        ("STM32G071CBT6", "", "STM32G071CB", "T6"),
        ("GD32F103TBU6", "GigaDevice", "GD32F103TB", "U6"),
        # u-blox: product version and firmware groups after the product name
        ("NEO-M8N-0-10", "u-blox", "NEO-M8N", "0-10"),
        ("NEO-M9N-00B", "U-blox", "NEO-M9N", "00B"),
        ("ANN-MB-00-00", "", "ANN-MB", "00-00"),
        # ADI, Maxim, Linear: grade + package + RoHS letters
        ("AD9361BBCZ", "Analog Devices", "AD9361", "BBCZ"),
        ("ADF4351BCPZ", "Analog Devices", "ADF4351", "BCPZ"),
        ("AD9517-4ABCPZ", "Analog Devices", "AD9517-4", "ABCPZ"),
        ("max3378eeud", "Analog Devices", "MAX3378", "EEUD"),
        ("MAX220ESE", "Maxim Integrated Products (Analog Devices)", "MAX220", "ESE"),
        ("LTM8055EY", "Linear Technology", "LTM8055", "EY"),
        # Microchip/Atmel: speed grade, temperature and package after a dash
        ("ATMEGA2560-16AU", "Microchip", "ATMEGA2560", "16AU"),
        ("PIC18F4520T-I/PT", "", "PIC18F4520", "T-I/PT"),
        # NXP: package code
        ("LPC1768FBD100", "NXP", "LPC1768", "FBD100"),
        ("MIMXRT1052DVL6B", "NXP Semiconductors", "MIMXRT1052", "DVL6B"),
        # Xilinx speed grade/package/temperature, Intel FPGA package/speed grade
        ("XC7Z020-1CLG400C", "Xilinx", "XC7Z020", "1CLG400C"),
        ("5CEFA7F23I7N", "Altera Corporation (Intel)", "5CEFA7", "F23I7N"),
        # Spansion, ISSI, Winbond serial flash
        ("S25FL127SABMFI101", "Spansion", "S25FL127S", "ABMFI101"),
        ("IS25LP128-JBLE", "ISSI", "IS25LP128", "JBLE"),
        ("W25Q16JVSSIQ", "Winbond", "W25Q16JV", "SSIQ"),
    ],
)
def test_ordering_code_is_stripped_to_the_base_part(written: str, maker: str, base: str, code: str) -> None:
    key = analyse_part(written, maker)
    assert (key.base_text, key.code) == (base, code)


@pytest.mark.parametrize(
    ("written", "maker", "packaging", "catalogue_part"),
    [
        ("STM32F405RGT6TR", "ST", "TR", "STM32F405RGT6"),
        ("LD1117AS33TR", "STMicroelectronics", "TR", "LD1117AS33"),
        ("LM21212MH/NOPB", "National Semiconductor", "/NOPB", "LM21212MH"),
        ("SN74HCT04NE4", "Texas Instruments", "E4", "SN74HCT04N"),
        ("MAX3221EAE+T", "Maxim", "+T", "MAX3221EAE"),
        ("DS2431P+T&R", "Maxim Integrated", "+T&R", "DS2431P"),
        ("LTC2990CMS#PBF", "Linear Technology", "#PBF", "LTC2990CMS"),
        ("AD9517-4ABCPZ-REEL7", "Analog Devices", "-REEL7", "AD9517-4ABCPZ"),
        ("ADF4351BCPZ-RL7", "ADI", "-RL7", "ADF4351BCPZ"),
        ("LPC2138FBD64,551", "NXP", "-551", "LPC2138FBD64"),
        ("MW7IC2725NBR1", "Freescale", "R1", "MW7IC2725NB"),
        ("AUIRF4905STRL", "Infineon", "TRL", "AUIRF4905S"),
        ("MC74VHC541DTR2G", "ON Semiconductor", "R2G", "MC74VHC541DT"),
        ("SiR180DP-T1-GE3", "Vishay", "-T1-GE3", "SiR180DP"),
        ("SM712.TCT", "Semtech", "-TCT", "SM712"),
        ("URB2409S-6WR3-TR", "MORNSUN", "-TR", "URB2409S-6WR3"),
        ("9001-15481C00A/TR", "Oupiin", "/TR", "9001-15481C00A"),
    ],
)
def test_packaging_suffix_leaves_the_same_part(
    written: str, maker: str, packaging: str, catalogue_part: str
) -> None:
    key = analyse_part(written, maker)
    assert key.packaging == packaging
    assert key.exact == analyse_part(catalogue_part, maker).exact


@pytest.mark.parametrize(
    ("ordered", "maker", "catalogued", "family"),
    [
        ("STM32F405VGT6", "ST", "STM32F405RGT6", "STM32F405"),  # 100-pin sibling of the catalogued part
        ("TMS320F28334PGFA", "TI", "TMS320F28335PGFA", "TMS320F2833"),  # C2000 F2833x
        ("SN74HCT04N", "Texas Instruments", "HCT04", "HCT04"),  # a chip marked HCT04 is a 74HCT04
        ("MC74VHC541DTR2G", "onsemi", "VHC541", "VHC541"),
        ("XC7Z020-1CLG400C", "AMD", "Zynq", "ZYNQ"),
        ("W25Q64JVSSIQ", "Winbond", "25q64fvsig", "W25Q64"),
        ("AD9517-4ABCPZ", "Analog Devices", "AD9517-3", "AD9517"),
        ("IRF4905STRLPBF", "International Rectifier", "AUIRF4905S", "IRF4905"),
    ],
)
def test_siblings_share_a_family(ordered: str, maker: str, catalogued: str, family: str) -> None:
    assert analyse_part(ordered, maker).family_text == family
    assert analyse_part(ordered, maker).family == analyse_part(catalogued, maker).family


def test_family_stops_at_a_digit_boundary() -> None:
    # ATmega64 and ATmega640 are different devices; so are LT1086 and a five-digit LT part
    assert analyse_part("ATMEGA640-16AU").family != analyse_part("ATMEGA64").family


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("ТМS320F28335РGFA", "TMS320F28335PGFA"),  # Cyrillic Т, М, Р
        ("STM32F405RGТ6", "STM32F405RGT6"),  # Cyrillic Т
        ("АD9361ВВСZ", "AD9361BBCZ"),  # Cyrillic А, В, С
        ("МАХ3221", "MAX3221"),  # Cyrillic М, А, Х
        ("НСТ04", "HCT04"),  # Cyrillic Н, С, Т
        ("ΑD9361ΒΒCΖ", "AD9361BBCZ"),  # Greek Α, Β, Ζ
        ("stm32f405rgт6", "STM32F405RGT6"),  # lower case, Cyrillic т
        ("NEО-M9N", "NEO-M9N"),  # Cyrillic О
        ("ＳＴＭ３２Ｆ４０５ＲＧＴ６", "STM32F405RGT6"),  # full-width forms
    ],
)
def test_lookalike_letters_read_as_latin(written: str, latin: str) -> None:
    assert normalise_part_number(written) == latin
    assert same_part(written, latin)


def test_lookalikes_are_named_for_the_explanation() -> None:
    assert analyse_part("ТМS320F28335РGFA").lookalikes == "Cyrillic ТМР"
    assert analyse_part("TMS320F28335PGFA").lookalikes == ""


@pytest.mark.parametrize(
    ("written", "maker", "catalogued"),
    [
        ("NE0-M9N", "u-blox", "NEO-M9N"),  # digit zero typed for letter O
        ("STM32F4O5RGT6", "ST", "STM32F405RGT6"),  # letter O typed for digit zero
        ("TMS32OF28335PGFA", "TI", "TMS320F28335PGFA"),
    ],
)
def test_letter_o_and_digit_zero_meet_in_keys(written: str, maker: str, catalogued: str) -> None:
    assert same_part(written, catalogued, maker, maker)


def test_separators_and_case_do_not_matter() -> None:
    assert same_part("tms320f28335 pgfa", "TMS320F28335PGFA")
    assert same_part("KN(3)C-202", "KN3C-202")
    assert same_part("7.21440.63.0", "7 21440 63 0")
    assert normalise_part_number("  Raspberry   Pi__4 ") == "RASPBERRY-PI-4"


def test_blank_and_junk_part_numbers_give_empty_keys() -> None:
    assert analyse_part("").exact == ""
    assert analyse_part(" -/- ").exact == ""


_TOKEN = st.text(alphabet="ABCDEHKMOPTXZ0123456789", min_size=1, max_size=6)
_SEPARATOR = st.sampled_from([" ", "-", "_", ".", " - ", "__", ", "])
_LOOKALIKE_TEXT = st.text(alphabet="ABCEHKMOPTXabcehkmoptx0123456789 -_.АВСЕНКМОРТХавсенкмортх", max_size=24)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=20))
def test_analysis_never_crashes_and_normalising_is_idempotent(text: str, maker: str) -> None:
    once = normalise_part_number(text)
    assert normalise_part_number(once) == once
    key, again = analyse_part(text, maker), analyse_part(once, maker)
    assert (key.exact, key.base, key.family) == (again.exact, again.base, again.family)


@settings(max_examples=200, deadline=None)
@given(_LOOKALIKE_TEXT)
def test_keys_ignore_case(text: str) -> None:
    upper, lower = analyse_part(text.upper()), analyse_part(text.lower())
    assert (upper.exact, upper.base, upper.family) == (lower.exact, lower.base, lower.family)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKEN, min_size=1, max_size=5), st.data())
def test_keys_ignore_which_separator_is_used(tokens: list[str], data: st.DataObject) -> None:
    mixed = tokens[0] + "".join(data.draw(_SEPARATOR) + t for t in tokens[1:])
    a, b = analyse_part(mixed), analyse_part("-".join(tokens))
    assert (a.exact, a.base, a.family) == (b.exact, b.base, b.family)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_fast_path_agrees_with_the_unicode_path(text: str) -> None:
    # a zero-width space sends the same text through NFKC and the regexes; it is dropped there
    assert normalise_part_number(text) == normalise_part_number(text + "\u200b")
    assert analyse_part(text).exact == analyse_part(text + "\u200b").exact
