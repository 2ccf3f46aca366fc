"""An analysed name (:class:`NameForm`), the per-name data its comparisons need, and their result.

:func:`._analysis.analyze` makes the form; everything that depends on one name only (the
letters joined, which tokens are numbers, places or initials, join and acronym candidates)
is derived once when the form is made, so that scoring a pair in bulk does no per-name work.
:class:`NameScore` is what :func:`._compare.compare_forms` returns, compiled or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from chokepoint.matching._given import NO_GROUPS, generic_words, given_groups
from chokepoint.matching._orgwords import GLUE, PLACE_COST, place_word
from chokepoint.matching._translit import ideographic, to_ascii

__all__ = ["NameForm", "NameScore"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DERIVED = {"init": False, "repr": False, "compare": False}


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name reduced to comparable parts."""

    original: str
    kind: str
    script: str
    tokens: tuple[str, ...]
    """Transliterated, lowercase tokens without legal forms and titles; numbers apart."""
    skeletons: tuple[str, ...]
    softs: tuple[str, ...]
    """Per token: :func:`soft_skeleton` of its skeleton."""
    weights: tuple[float, ...]
    """Per token: 1.0 distinctive, GENERIC_WEIGHT for generic words and particles."""
    numbers: frozenset[str]
    forms: frozenset[str]
    """Legal-form families found (``jsc``, ``llc`` …)."""

    # Derived in __post_init__ (and by retokenised).
    joined: str = field(**_DERIVED)
    """The tokens that are not numbers, as one string ("VladimirPutin")."""
    digits: tuple[bool, ...] = field(**_DERIVED)
    """Per token: a number."""
    lone: tuple[float, ...] = field(**_DERIVED)
    """Per token: its cost when unpaired in an organisation name (a country or region costs
    at most 0.2); 0.0 for numbers."""
    lone_person: tuple[float, ...] = field(**_DERIVED)
    """Per token: its cost when unpaired in a person's name (its weight); 0.0 for numbers."""
    places: tuple[bool, ...] = field(**_DERIVED)
    """Per token: a country or world region."""
    wordy: tuple[bool, ...] = field(**_DERIVED)
    """Per token: a word (not a number, not "and"/"of"/"the")."""
    token_set: frozenset[str] = field(**_DERIVED)
    initials: str = field(**_DERIVED)
    """The first letter of every token, in order."""
    has_initial: bool = field(**_DERIVED)
    """Some token is a single letter."""
    long_skels: frozenset[str] = field(**_DERIVED)
    """Skeletons of three or more letters."""
    long_tokens: tuple[str, ...] = field(**_DERIVED)
    """Tokens of more than five letters (those a join may nearly equal)."""
    joins: tuple[tuple[int, str, str], ...] = field(**_DERIVED)
    """Adjacent tokens, neither a number: (index of the first, both joined, skeletons joined)."""
    join_keys: frozenset[str] = field(**_DERIVED)
    """The joined tokens and joined skeletons of :attr:`joins`."""
    join_lengths: int = field(**_DERIVED)
    """Bit n set when a joined token of :attr:`joins` has n letters."""
    merge_keys: frozenset[str] = field(**_DERIVED)
    """What a join of the other name's tokens must be to merge: a token or long skeleton of this one."""
    near_lengths: int = field(**_DERIVED)
    """Bit n set when a joined token of n letters may be one edit from a long token of this name."""
    abbrevs: tuple[int, ...] = field(**_DERIVED)
    """Indices of alphabetic tokens of 2-6 letters (initials or acronyms of the other name)."""
    ideographic: bool = field(**_DERIVED)
    """Written in Chinese, Japanese or Korean characters only."""
    spelled: str = field(**_DERIVED)
    """The original's letters and digits in ASCII without spaces or punctuation ("" if under 6)."""
    generic: tuple[bool, ...] = field(**_DERIVED)
    """Per token: a canonical generic word of an organisation name ("industries", "plant")."""
    given: tuple[frozenset[str], ...] = field(**_DERIVED)
    """Per token: the given-name groups it belongs to (Iosif: joseph); none in other names."""

    def __post_init__(self) -> None:
        self._derive(None)

    def retokenised(
        self,
        tokens: tuple[str, ...],
        skeletons: tuple[str, ...],
        softs: tuple[str, ...],
        weights: tuple[float, ...],
    ) -> NameForm:
        """This name with its tokens rewritten in the light of another name (joined, expanded):
        the per-token data is derived anew, what depends on the written name alone is kept."""
        new = object.__new__(NameForm)
        put = object.__setattr__
        put(new, "original", self.original)
        put(new, "kind", self.kind)
        put(new, "script", self.script)
        put(new, "tokens", tokens)
        put(new, "skeletons", skeletons)
        put(new, "softs", softs)
        put(new, "weights", weights)
        put(new, "numbers", self.numbers)
        put(new, "forms", self.forms)
        new._derive(self)
        return new

    def _derive(self, written: NameForm | None) -> None:
        """Set the derived fields; ``written`` is a form of the same written name to copy the
        written name's own (``ideographic``, ``spelled``) from."""
        tokens, weights, skels = self.tokens, self.weights, self.skeletons
        person = self.kind == "person"
        digits = [token.isdigit() for token in tokens]
        places = [place_word(token) for token in tokens]
        parts = list(zip(digits, places, weights, strict=True))
        lone = [0.0 if d else min(w, PLACE_COST) if p else w for d, p, w in parts]
        lone_person = [0.0 if d else w for d, w in zip(digits, weights, strict=True)]
        wordy = [not d and t not in GLUE for d, t in zip(digits, tokens, strict=True)]
        joins = tuple(
            (k, tokens[k] + tokens[k + 1], skels[k] + skels[k + 1])
            for k in range(len(tokens) - 1)
            if not digits[k] and not digits[k + 1]
        )
        long_skels = frozenset([s for s in skels if len(s) >= 3])
        long_tokens = tuple([t for t in tokens if len(t) > 5])
        if written is None:
            spelled = _NOT_ALNUM.sub("", to_ascii(self.original))
            ideographic_ = not self.original.isascii() and ideographic(self.original)
        else:
            spelled, ideographic_ = written.spelled, written.ideographic
        generic = generic_words()
        put = object.__setattr__
        put(self, "joined", "".join([t for t, d in zip(tokens, digits, strict=True) if not d]))
        put(self, "digits", tuple(digits))
        put(self, "lone", tuple(lone))
        put(self, "lone_person", tuple(lone_person))
        put(self, "places", tuple(places))
        put(self, "wordy", tuple(wordy))
        put(self, "token_set", frozenset(tokens))
        put(self, "initials", "".join([t[0] for t in tokens]))
        put(self, "has_initial", any(len(t) == 1 for t in tokens))
        put(self, "long_skels", long_skels)
        put(self, "long_tokens", long_tokens)
        put(self, "joins", joins)
        put(self, "join_keys", frozenset([key for _, joined, skel in joins for key in (joined, skel)]))
        put(self, "join_lengths", sum({1 << len(joined) for _, joined, _ in joins}))
        put(self, "merge_keys", frozenset(tokens) | long_skels)
        near = {1 << n for t in long_tokens for n in (len(t) - 1, len(t), len(t) + 1)}
        put(self, "near_lengths", sum(near))
        put(self, "abbrevs", tuple([k for k, t in enumerate(tokens) if 2 <= len(t) <= 6 and t.isalpha()]))
        put(self, "ideographic", ideographic_)
        put(self, "spelled", spelled if len(spelled) >= 6 else "")
        put(self, "generic", tuple([t in generic for t in tokens]) if not person else ())
        put(self, "given", tuple([given_groups(t) if person else NO_GROUPS for t in tokens]))

    @property
    def empty(self) -> bool:
        return not self.tokens


class NameScore(NamedTuple):
    """A name comparison: the score and why (a named tuple: made for every pair scored, it must be cheap)."""

    score: float
    left: str
    right: str
    explanation: str
