"""What ``GET /algorithms`` says: chokepoint's one scoring algorithm and its features, in yente's
AlgorithmResponse shape.

The coefficients are the fixed score effects of ``chokepoint.matching`` (a test keeps them equal).
``/match`` accepts yente's algorithm names too, so integrations that name one keep working; they all
run this algorithm, and the response says so in ``algorithm``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ALGORITHM", "ALGORITHM_NAMES", "FEATURES", "algorithms_response"]

ALGORITHM = "chokepoint"
#: Names ``/match?algorithm=`` accepts: ours, ``best``/``default``, and yente's (all run ours).
ALGORITHM_NAMES = frozenset(
    {ALGORITHM, "best", "default", "logic-v2", "logic-v1", "name-based", "name-qualified", "regression-v1"}
)
_URL = "/algorithms#"

#: feature → (coefficient, description)
FEATURES: dict[str, tuple[float, str]] = {
    "name": (1.0, "Best alignment of the query's names with the entity's names and aliases, after "
                  "transliteration (Persian, Arabic, Cyrillic), legal-form and acronym handling; a weak "
                  "alias counts 0.9."),
    "identifier": (0.35, "A shared identifier (IMO, passport, registration, tax, INN/OGRN, LEI, SWIFT …)."),
    "birth_date": (0.08, "Same birth date (+0.08), same year (+0.03), more than a year apart (-0.25)."),
    "country": (0.02, "A shared country (+0.02), or countries given on both sides that differ (-0.08)."),
    "gender": (-0.2, "Genders given on both sides that differ."),
}  # fmt: skip


def algorithms_response() -> dict[str, Any]:
    features = {
        name: {"description": text, "coefficient": coefficient, "url": f"{_URL}{name}"}
        for name, (coefficient, text) in FEATURES.items()
    }
    description = (
        "Name score (token alignment over transliterated names) moved up or down by fixed amounts for "
        "identifiers, birth dates, countries and gender; every result explains each feature."
    )
    docs = {"name": ALGORITHM, "description": description, "config": {}, "features": features}
    entry = {"name": ALGORITHM, "description": description, "features": features, "docs": docs}
    return {"algorithms": [entry], "default": ALGORITHM, "best": ALGORITHM}
