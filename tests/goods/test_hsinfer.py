"""HS code guesses from descriptions: the first hint in data/hs_hints.yaml that fits wins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import chokepoint.goods
from chokepoint.goods import infer_hs

HINTS = yaml.safe_load((Path(chokepoint.goods.__file__).parent / "data" / "hs_hints.yaml").read_text())
#: every word the hints use, plus a few that appear around them in real descriptions
WORDS = sorted({w for h in HINTS for w in re.findall(r"[a-zа-яё]{2,}", h["re"])} | {"10", "uf", "-", "/"})


def first_hint(text: str) -> str | None:
    """The plain reading of the hints file: try every hint in order."""
    lowered = text.casefold()
    return next((h["hs"] for h in HINTS if re.search(h["re"], lowered)), None)


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("32-bit microcontroller ARM Cortex-M4", "854231"),
        ("Микроконтроллер STM32", "854231"),
        ("GPS/GLONASS ceramic antenna", "852910"),  # the antenna, not the receiver
        ("GNSS receiver module", "852691"),
        ("RS-232 line transceiver", "854239"),  # an interface IC, not radio equipment
        ("Mesh network modem", "851762"),
        ("Hex inverter", "854239"),  # a logic IC, not a power inverter
        ("DC/DC converter 24 V to 5 V", "850440"),
        ("LED 0603 red", "854141"),  # not a diode on the CHPL
        ("Светодиод красный", "854141"),
        ("USB flash drive 32 GB", "852351"),  # not a memory chip
        ("Socket cap screw M3x8", "7318"),  # not a socket
        ("PCB transformer 2x12 V", "850431"),  # not a printed circuit board
        ("Tantalum capacitor 10 uF", "853221"),
        ("capacitor 10 uF", "8532"),  # kind not stated: the heading
        ("Thick film chip resistor 10 kΩ", "853321"),
        ("Two-stroke petrol engine", "8407"),
        ("", None),
        ("assorted goods", None),
    ],
)
def test_descriptions_point_to_their_hs_code(description: str, code: str | None) -> None:
    guess = infer_hs(description)
    assert (guess.code if guess else None) == code


def test_guess_names_the_words_that_gave_it() -> None:
    guess = infer_hs("Low-dropout voltage regulator with inhibit")
    assert guess is not None and (guess.code, guess.keyword) == ("854239", "low-dropout")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))
def test_fast_lookup_gives_the_plain_answer(text: str) -> None:
    guess = infer_hs(text)
    assert (guess.code if guess else None) == first_hint(text)
