"""Words of organisation names and what they tell: acronyms, country qualifiers, particles.

An acronym may be the initials of the other name's words or the beginnings of each word in
turn (KIPAS = KImia PArt Sivan); a country or region on one side only is a qualifier of the
same organisation ("Deutsche Bank (Schweiz)"), on both sides two subsidiaries.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from followthemoney.types import registry

from chokepoint.matching._acronyms import foreign_acronym
from chokepoint.matching._translit import to_ascii

if TYPE_CHECKING:
    from chokepoint.matching._form import NameForm

__all__ = ["GLUE", "PLACE_COST", "acronym", "place_word", "worded"]


def acronym(short: NameForm, long: NameForm) -> bool:
    if len(short.tokens) != 1 or not 2 <= len(short.tokens[0]) <= 6 or len(long.tokens) < 2:
        return False
    token = short.tokens[0]
    if token == long.initials:
        return True
    if len(token) >= 4 and len(words := _words(long.original)) >= 3 and _chain(token, words):
        return True
    return foreign_acronym(token, long.original)  # ТМЗ / TMZ: Tutaev Motor Plant (… Моторный Завод)


@lru_cache(maxsize=100_000)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.split(to_ascii(name)) if w and w not in GLUE)


_WORD = re.compile(r"[^a-z0-9]+")
GLUE = frozenset({"and", "of", "the"})
PLACE_COST = 0.2  # the most an unpaired country or region word of an organisation name costs


def _chain(acronym: str, words: tuple[str, ...]) -> bool:
    """The acronym is the beginnings (1-3 letters) of every word in turn, a trailing legal form
    optional: KIPAS = KImia PArt Sivan, MITEC = Modern Industries TEchnique Company."""
    if not acronym:
        return not words or (len(words) == 1 and words[0] in _TRAILING_FORMS)
    if not words:
        return False
    head = words[0]
    return any(
        acronym.startswith(head[:n]) and _chain(acronym[n:], words[1:])
        for n in range(1, min(3, len(head)) + 1)
    )


_TRAILING_FORMS = frozenset({"co", "company", "corp", "corporation", "llc", "ltd", "inc", "jsc", "plc"})


_REGIONS = frozenset({"europe", "asia", "africa", "eurasia", "america", "americas", "mena", "emea", "gulf"})
#: Countries that names write as an abbreviation ("Yamahdi (UK) Limited", "Inc. (USA)").
_ABBREVIATED = frozenset({"uk", "usa", "uae"})


#: Local names of countries that organisation names carry (FtM's country labels are English).
_ENDONYMS = frozenset(
    {"schweiz", "suisse", "deutschland", "osterreich", "rossiya", "rossii", "iran", "turkiye"}
)


@cache
def _countries() -> frozenset[str]:
    """Country names of one word, from FtM's country labels (cheap, unlike its full cleaner)."""
    names = (to_ascii(label) for label in registry.country.names.values())
    return frozenset(n for n in names if " " not in n and len(n) >= 4) | _ENDONYMS


def place_word(token: str) -> bool:
    """A country or world region: "Deutsche Bank (Schweiz)", "Faberlic Europe"."""
    return token in _REGIONS or token in _ABBREVIATED or token in _countries()


def worded(form: NameForm, rest: list[int]) -> bool:
    """Some unpaired token of the name is a word (not a number, not a particle like "the")."""
    wordy = form.wordy
    return any(wordy[i] for i in rest)
