"""The goods risk model: how CHPL tiers and catalogue hits make one number in [0, 1].

Each signal gives a probability-like weight; weights combine as independent evidence,
``risk = 1 - (1 - hs) * (1 - catalogue)``, so one strong signal is enough to flag a line and two
weak ones add up without ever passing 1. A line is flagged when ``risk >= threshold``
(:data:`DEFAULT_THRESHOLD`): at the defaults, any catalogue hit of the stated maker, any CHPL tier 1
or 2 code (declared or guessed from the description), or a tier 3/4 code together with a
family-level hit from another maker.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["DEFAULT_THRESHOLD", "HS_WEIGHT", "TIER_RISK", "catalogue_risk", "combine", "hs_risk"]

#: Risk of a line whose HS code is on the CHPL, by tier (tier 1, integrated circuits, is highest).
TIER_RISK = {"1": 0.70, "2": 0.60, "3.A": 0.40, "3.B": 0.35, "4.A": 0.30, "4.B": 0.25}
#: How much the HS code is trusted: declared on the line; guessed (6 digits) from the description or
#: the catalogue's component type; only a 4-digit heading known (its highest CHPL tier counts);
#: declared code off the CHPL while the description points to a CHPL code.
HS_WEIGHT = {"declared": 1.0, "guessed": 0.9, "heading": 0.6, "contradicted": 0.6}
#: Flag lines at or above this risk.
DEFAULT_THRESHOLD = 0.5
#: Documented in one weapon model: x0.9; each further model adds 0.05, up to x1.0.
_ONE_MODEL, _PER_MODEL = 0.9, 0.05


def hs_risk(tier: str, how: str) -> float:
    """Weight of a CHPL tier, trusted as ``how`` (a key of :data:`HS_WEIGHT`)."""
    return TIER_RISK[tier] * HS_WEIGHT[how]


def catalogue_risk(confidence: float, models: int) -> float:
    """Weight of a catalogue hit: its confidence, a little higher the more weapons it was found in."""
    return confidence * min(1.0, _ONE_MODEL + _PER_MODEL * max(0, models - 1))


def combine(weights: Iterable[float]) -> float:
    """Independent evidence: 1 - prod(1 - w), rounded to 3 decimals."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - min(1.0, max(0.0, weight))
    return round(1.0 - remaining, 3)
