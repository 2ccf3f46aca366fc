"""Learned words of organisation names that Russian and English share, reduced to one key.

Russian borrows its learned vocabulary from the same Greek and Latin words English does, with
its own endings and with kh for the Greek chi: mekhanicheskiy / mechanical, opticheskie /
optical, tekhnologicheskiy / technological, elektronika / electronics, organizatsiya /
organization. Both spellings become one key (mechanic, optic, technologic, electronic,
organization), once per name when it is analysed; other words are left as they are.
"""

from __future__ import annotations

import re

__all__ = ["cognate"]

# Russian (transliterated): -icheskiy in every gender and case, -ika/-iki (electronics), -tsiya
_RUSSIAN = (
    (
        re.compile(r"^([a-z]{3,})iches(?:kiy|kaya|koe|kie|kikh|kogo|koy|kim|kimi|kuyu|kii|kij|ky|kyy)$"),
        r"\1ic",
    ),
    (re.compile(r"^([a-z]{4,})ik(?:a|i|u|oy)$"), r"\1ic"),
    (re.compile(r"^([a-z]{4,})tsi(?:ya|i|yu|y|ey)$"), r"\1tion"),
)
# English: -ical and -ics become -ic (mechanical, electronics), -ations -ation
_ENGLISH = (
    (re.compile(r"^([a-z]{3,})ic(?:al|s)$"), r"\1ic"),
    (re.compile(r"^([a-z]{4,})tions$"), r"\1tion"),
)


def cognate(word: str) -> str:
    """The shared key of a learned word in its Russian or English spelling (else the word)."""
    if len(word) < 7:
        return word
    for pattern, repl in _RUSSIAN:
        if pattern.match(word):
            # the Greek chi: kh in Russian, ch in English (mekhanicheskiy / mechanical)
            return pattern.sub(repl, word).replace("kh", "ch")
    for pattern, repl in _ENGLISH:
        if pattern.match(word):
            return pattern.sub(repl, word)
    return word
