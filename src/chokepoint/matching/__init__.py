"""Party matching: name analysis, scoring with explanations, candidate retrieval.

Names are transliterated (Persian, Arabic, Cyrillic), reduced to tokens and romanisation
skeletons, legal forms and generic words are set apart, and two names are compared by
aligning their tokens. :func:`compare_names` scores two names.
"""

from chokepoint.matching._analysis import NameForm, analyze, kind_of
from chokepoint.matching._bench import (
    PAIR_COLUMNS,
    PairCase,
    PairMetrics,
    PairReport,
    evaluate_pairs,
    read_pair_cases,
)
from chokepoint.matching._compare import NameScore
from chokepoint.matching._names import DEFAULT_THRESHOLD, best_name_score, compare_names
from chokepoint.matching._skeleton import skeleton
from chokepoint.matching._translit import script_of, to_ascii

__all__ = [
    "DEFAULT_THRESHOLD",
    "PAIR_COLUMNS",
    "NameForm",
    "NameScore",
    "PairCase",
    "PairMetrics",
    "PairReport",
    "analyze",
    "best_name_score",
    "compare_names",
    "evaluate_pairs",
    "kind_of",
    "read_pair_cases",
    "script_of",
    "skeleton",
    "to_ascii",
]
