"""Given names that are one name in several languages, and their short forms.

Iosif, Joseph and Yusuf; Oleksandr and Aleksandr; Bibi and Benjamin. Two words of person
names match as one given name when the vocabulary (data/terms.yml, ``given_names``) puts them
in one group. rigour's person-name symbols would add Wikidata given-name items, but loading
them takes 9-15 s on first use and added no correct match on our dev pairs, so they are not used.
"""

from __future__ import annotations

from functools import cache

from chokepoint.matching._terms import terms

__all__ = ["NO_GROUPS", "generic_words", "given_groups"]

NO_GROUPS: frozenset[str] = frozenset()


@cache
def generic_words() -> frozenset[str]:
    """The canonical generic words of organisation names ("industries", "plant", "state")."""
    return frozenset(terms().generic.values())


def given_groups(word: str) -> frozenset[str]:
    """The given-name groups a word of a person's name belongs to (empty for most words)."""
    return terms().given.get(word, NO_GROUPS)
