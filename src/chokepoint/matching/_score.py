"""Score a query against a listed target: the name score, then secondary features.

Birth dates, countries, identifiers and gender raise or lower the name score by fixed
amounts; each feature says what it compared. A shared identifier (IMO, passport,
registration number) is strong evidence on its own; a different full birth date or
gender, or a given and family name stated the other way round, is strong evidence against.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chokepoint.matching._analysis import NameForm, analyze
from chokepoint.matching._form import NameScore
from chokepoint.matching._kernel import compare_forms
from chokepoint.matching._query import Query, Target

__all__ = ["Feature", "Scored", "score_target"]

WEAK_ALIAS = 0.9  # a weak alias ("a.k.a. 'X'", low quality) counts for less
DOB_SAME = 0.08
DOB_YEAR = 0.03
DOB_DIFFERENT = -0.25
COUNTRY_SAME = 0.02
COUNTRY_DIFFERENT = -0.08
ID_SAME = 0.35
GENDER_DIFFERENT = -0.2
LISTED_EXTRA = 0.5  # a listed person's name carries words a query leaves out: each costs half
PARTS_SWAPPED = -0.25  # both state given and family name, each one's given name the other's family name
COMPATIBLE = {
    "person": {"person", "entity"},
    "org": {"org", "entity"},
    "entity": {"person", "org", "entity", "vessel"},
    "vessel": {"vessel", "entity"},
}


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    delta: float
    detail: str


@dataclass(frozen=True, slots=True)
class Scored:
    target: Target
    score: float
    name: NameScore
    features: tuple[Feature, ...]

    @property
    def explanation(self) -> str:
        parts = [
            f"name {self.name.score:.2f}: '{self.name.left}' ~ '{self.name.right}' ({self.name.explanation})"
        ]
        parts += [f"{f.name} {f.delta:+.2f}: {f.detail}" for f in self.features]
        return "; ".join(parts)


def _best_name(query: Query, target: Target, names: Sequence[tuple[NameForm, bool]] | None) -> NameScore:
    kind = target.kind if query.kind == "entity" else query.kind
    if names is None:
        names = [(analyze(n, kind), False) for n in target.names]
        names += [(analyze(n, kind), True) for n in target.weak_names]
    best = NameScore(0.0, "", "", "no names")
    forms = [analyze(n, kind) for n in query.names]
    for other, weak in names:
        for form in forms:
            result = compare_forms(form, other, LISTED_EXTRA)
            score = result.score * (WEAK_ALIAS if weak else 1.0)
            if score > best.score or not best.left:  # a 0 keeps its reason ("conflicting: …")
                note = "; weak alias" if weak else ""
                best = NameScore(score, result.left, result.right, result.explanation + note)
                if score >= 1.0:
                    return best
    return best


def _dates(query: Query, target: Target) -> Feature | None:
    if not query.birth_dates or not target.birth_dates:
        return None
    if same := query.birth_dates & target.birth_dates:
        return Feature("birth date", DOB_SAME, f"same ({min(same)})")
    years_q, years_t = query.birth_years, target.birth_years
    if same_year := years_q & years_t:
        return Feature("birth date", DOB_YEAR, f"same year ({min(same_year)})")
    if any(abs(a - b) <= 1 for a in years_q for b in years_t):
        return None
    shown = f"{min(query.birth_dates)} vs {min(target.birth_dates)}"
    return Feature("birth date", DOB_DIFFERENT, f"different ({shown})")


def _swapped(parts: tuple[str, str], other: tuple[str, str]) -> bool:
    """Friedrich (given) Hans (family) and Hans (given) Friedrich (family): two people."""
    return parts[0] != other[0] and parts == other[::-1]


def score_target(
    query: Query, target: Target, names: Sequence[tuple[NameForm, bool]] | None = None
) -> Scored | None:
    """The scored comparison, or None when the kinds cannot be the same party.

    ``names`` limits the name comparison to those (analysed name, weak) pairs, as the index
    hands them over; by default every name of the target is compared.
    """
    if target.kind not in COMPATIBLE[query.kind]:
        return None
    name = _best_name(query, target, names)
    features: list[Feature] = []
    if shared := query.identifiers & target.identifiers:
        features.append(Feature("identifier", ID_SAME, f"same identifier {min(shared)}"))
    if (dates := _dates(query, target)) is not None:
        features.append(dates)
    if query.countries and target.countries:
        if same := query.countries & target.countries:
            features.append(Feature("country", COUNTRY_SAME, f"same ({min(same)})"))
        else:
            shown = f"{'/'.join(sorted(query.countries))} vs {'/'.join(sorted(target.countries))}"
            features.append(Feature("country", COUNTRY_DIFFERENT, f"different ({shown})"))
    if (parts := query.parts) and (other := target.parts) and _swapped(parts, other):
        shown = f"{' '.join(parts)} vs {' '.join(other)}"
        features.append(Feature("name parts", PARTS_SWAPPED, f"given and family name swapped ({shown})"))
    if query.gender and target.gender and query.gender != target.gender:
        features.append(Feature("gender", GENDER_DIFFERENT, f"{query.gender} vs {target.gender}"))
    score = name.score + sum(f.delta for f in features)
    return Scored(target, max(0.0, min(1.0, score)), name, tuple(features))
