"""Manufacturer names compare through short forms, legal forms, acquisitions and bracketed owners."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chokepoint.goods import normalise_manufacturer, same_manufacturer


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Linear Technology Corporation (Analog Devices)", "Analog Devices"),
        ("Maxim Integrated Products (Analog Devices)", "Analog Devices"),
        ("Hittite", "Analog Devices"),
        ("ADI", "Analog Devices"),
        ("Altera Corporation (Intel)", "Intel"),
        ("Atmel (Microchip Technology)", "Microchip Technology"),
        ("Microsemi", "Microchip Technology"),
        ("Micrel Inc. (Microchip Technology Inc.)", "Microchip Technology"),
        ("Freescale Semiconductor", "NXP Semiconductors"),
        ("Cypress", "Infineon Technologies"),
        ("International Rectifier (Infineon Technologies)", "Infineon Technologies"),
        ("Spansion (Cypress Semiconductor, Infineon Technologies)", "Infineon Technologies"),
        ("Intersil", "Renesas Electronics"),
        ("Adesto Technologies (Dialog Semiconductor - Renesas Electronics)", "Renesas Electronics"),
        ("Fairchild Semiconductor (ON Semiconductor)", "onsemi"),
        ("ON Semiconductor (ONSEMI)", "onsemi"),
        ("National Semiconductor (Texas Instruments)", "Texas Instruments"),
        ("TI", "Texas Instruments"),
        ("Texas Instruments Incorporated", "Texas Instruments"),
        ("ST", "STMicroelectronics"),
        ("STMicroelectronics N.V.", "STMicroelectronics"),
        ("U-blox", "u-blox"),
        ("u-blox AG", "u-blox"),
        ("Xilinx Inc. (AMD)", "AMD"),
        ("Gennum Corporation (Semtech Corporation)", "Semtech"),
        ("IXYS", "Littelfuse"),
        ("Tallysman Wireless Inc. (Calian Group Ltd.)", "Calian Group"),
        ("Oje Parvaz Mado Nafar (MADO)", "MADO"),
    ],
)
def test_aliases_and_acquisitions_resolve_to_the_current_owner(written: str, canonical: str) -> None:
    assert normalise_manufacturer(written).name == canonical


def test_acquired_maker_says_since_when() -> None:
    assert (
        normalise_manufacturer("Linear Technology").via
        == "Linear Technology, part of Analog Devices since 2017"
    )


def test_every_maker_with_part_numbers_in_the_gur_catalogue_is_known(data_dir: Path) -> None:
    with (data_dir / "goods" / "uav_components.csv").open(encoding="utf-8") as handle:
        makers = {r["manufacturer"] for r in csv.DictReader(handle) if r["part_number"].strip()}
    unknown = sorted(m for m in makers if not normalise_manufacturer(m).known)
    assert unknown == ["Brushless fan"]  # a part description that the scrape put in the maker column


def test_unknown_makers_compare_on_their_cleaned_name() -> None:
    a, b = (
        normalise_manufacturer("Aura Semiconductor Co., Ltd."),
        normalise_manufacturer("AURA SEMICONDUCTOR"),
    )
    assert a.name == "Aura Semiconductor" and not a.known
    assert same_manufacturer(a, b) is True


def test_different_and_blank_makers() -> None:
    ti, st = normalise_manufacturer("TI"), normalise_manufacturer("ST")
    assert same_manufacturer(ti, st) is False
    assert same_manufacturer(ti, normalise_manufacturer("  ")) is None
