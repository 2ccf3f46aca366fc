"""Labelled name pairs: read them, score them, count precision, recall and F1.

Reads a CSV with ``schema,name1,name2,is_match`` (other columns, such as ``case_group``, are
kept), scores each pair with :func:`compare_names` and counts outcomes at a threshold, overall
and per ``case_group``. A bad row raises :class:`InputError` naming the file and line.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from followthemoney import model

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.matching._names import DEFAULT_THRESHOLD, compare_names

__all__ = ["PAIR_COLUMNS", "PairCase", "PairMetrics", "PairReport", "evaluate_pairs", "read_pair_cases"]

PAIR_COLUMNS = ("schema", "name1", "name2", "is_match")
_TRUE = {"true", "1", "yes", "t", "y"}
_FALSE = {"false", "0", "no", "f", "n"}


@dataclass(frozen=True, slots=True)
class PairCase:
    """One labelled pair; ``row`` keeps every input column, ``line`` is its line in the file."""

    schema: str
    name1: str
    name2: str
    is_match: bool
    group: str = ""
    line: int = 0
    row: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class PairMetrics:
    """Outcome counts at one threshold, and the figures derived from them."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    @classmethod
    def count(cls, labels: Iterable[bool], predictions: Iterable[bool]) -> PairMetrics:
        tp = fp = tn = fn = 0
        for label, predicted in zip(labels, predictions, strict=True):
            if predicted:
                tp, fp = (tp + 1, fp) if label else (tp, fp + 1)
            else:
                fn, tn = (fn + 1, tn) if label else (fn, tn + 1)
        return cls(tp, fp, tn, fn)

    @property
    def pairs(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """The contract line of ``chokepoint bench names``."""
        return f"precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f} pairs={self.pairs}"


@dataclass(frozen=True, slots=True)
class PairReport:
    """Scores and outcomes of a run over labelled pairs."""

    threshold: float
    cases: list[PairCase]
    scores: list[float]
    explanations: list[str]
    seconds: float

    @property
    def predictions(self) -> list[bool]:
        return [s >= self.threshold for s in self.scores]

    @property
    def metrics(self) -> PairMetrics:
        return PairMetrics.count((c.is_match for c in self.cases), self.predictions)

    @property
    def by_group(self) -> dict[str, PairMetrics]:
        """Metrics per ``case_group`` (sorted by group); empty when the input has no groups."""
        groups = sorted({c.group for c in self.cases if c.group})
        predicted = self.predictions
        return {
            g: PairMetrics.count(
                (c.is_match for c in self.cases if c.group == g),
                (p for c, p in zip(self.cases, predicted, strict=True) if c.group == g),
            )
            for g in groups
        }

    @property
    def micros_per_pair(self) -> float:
        return self.seconds * 1e6 / len(self.cases) if self.cases else 0.0


def _case(path: Path, line: int, row: dict[str, str | None]) -> PairCase:
    if None in row.values() or None in row:
        raise InputError("wrong number of fields", path=path, line=line)
    values = {k: (v or "").strip() for k, v in row.items() if k is not None}
    schema = values["schema"]
    if model.get(schema) is None:
        raise InputError(f"unknown schema {schema!r}", path=path, line=line)
    for column in ("name1", "name2"):
        if not values[column]:
            raise InputError(f"{column} is empty", path=path, line=line)
    label = values["is_match"].lower()
    if label not in _TRUE | _FALSE:
        raise InputError(f"is_match must be true/false/1/0, not {values['is_match']!r}", path=path, line=line)
    return PairCase(
        schema, values["name1"], values["name2"], label in _TRUE, values.get("case_group", ""), line, values
    )


def read_pair_cases(path: str | Path) -> list[PairCase]:
    """Read a labelled pair CSV; raises :class:`InputError` on the first bad row."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in PAIR_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CSVColumnError(f"missing column(s): {', '.join(missing)}", path=path, line=1)
            return [_case(path, reader.line_num, row) for row in reader]
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", path=path) from None
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file ({exc})", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=path) from None


def evaluate_pairs(
    cases: Sequence[PairCase],
    threshold: float | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> PairReport:
    """Score every pair with :func:`compare_names`; ``progress`` is called with pairs done."""
    scores: list[float] = []
    explanations: list[str] = []
    started = time.perf_counter()
    for done, case in enumerate(cases, 1):
        result = compare_names(case.schema, case.name1, case.name2)
        scores.append(result.score)
        explanations.append(result.explanation)
        if progress is not None and (done % 64 == 0 or done == len(cases)):
            progress(done)
    seconds = time.perf_counter() - started
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    return PairReport(limit, list(cases), scores, explanations, seconds)
