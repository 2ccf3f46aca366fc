"""Party matching: name analysis, scoring with explanations, candidate retrieval.

Names are transliterated (Persian, Arabic, Cyrillic), reduced to tokens and romanisation
skeletons, legal forms and generic words are set apart, and two names are compared by
aligning their tokens. :func:`compare_names` scores two names; a :class:`Matcher` built from
the listed entities retrieves candidates for a :class:`Query` and scores them with
secondary features (birth date, country, identifiers, gender), each explained.
:data:`KERNEL` says whether pairs are scored by the Cython-compiled kernel or pure Python.
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
from chokepoint.matching._form import NameScore
from chokepoint.matching._index import NameIndex
from chokepoint.matching._kernel import KERNEL, KERNEL_NOTE, compare_forms
from chokepoint.matching._matcher import CANDIDATES, Match, Matcher
from chokepoint.matching._names import DEFAULT_THRESHOLD, best_name_score, compare_names
from chokepoint.matching._query import MAX_NAME, Query, Target
from chokepoint.matching._score import Feature, Scored, score_target
from chokepoint.matching._skeleton import skeleton
from chokepoint.matching._translit import script_of, to_ascii

__all__ = [
    "CANDIDATES",
    "DEFAULT_THRESHOLD",
    "KERNEL",
    "KERNEL_NOTE",
    "MAX_NAME",
    "PAIR_COLUMNS",
    "Feature",
    "Match",
    "Matcher",
    "NameForm",
    "NameIndex",
    "NameScore",
    "PairCase",
    "PairMetrics",
    "PairReport",
    "Query",
    "Scored",
    "Target",
    "analyze",
    "best_name_score",
    "compare_forms",
    "compare_names",
    "evaluate_pairs",
    "kind_of",
    "read_pair_cases",
    "score_target",
    "script_of",
    "skeleton",
    "to_ascii",
]
