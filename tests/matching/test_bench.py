"""Labelled pair reading and the precision/recall/F1 arithmetic behind ``bench names``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.matching import DEFAULT_THRESHOLD, PairCase, PairMetrics, evaluate_pairs, read_pair_cases


def test_real_name_bench_cases_read_with_groups_and_lines(data_dir: Path) -> None:
    cases = read_pair_cases(data_dir / "matching" / "opensanctions_nomenklatura" / "name_bench_cases.csv")
    assert len(cases) == 579
    assert sum(c.is_match for c in cases) == 298  # SOURCES.md: 298 true / 281 false
    first = cases[0]
    assert (first.schema, first.name1, first.name2, first.is_match) == (
        "Person",
        "Angelo Mercaz",
        "Angela Merkel",
        False,
    )
    assert first.group == "nk_checks" and first.line == 2 and first.row and first.row["quality"] == "MEDIUM"


def test_our_iran_russia_dev_pairs_read() -> None:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "iran_russia_pairs.csv"
    cases = read_pair_cases(path)
    assert len(cases) >= 300
    assert {c.schema for c in cases} <= {"Person", "Company", "Organization", "Vessel"}
    assert {"persian_person", "cyrillic_org", "hard_neg_org", "vessel"} <= {c.group for c in cases}


def test_quoted_names_with_commas_and_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text('\ufeffschema,name1,name2,is_match\nPerson,"DAMAVANDIAN, Ghassem",قاسم دماوندیان,TRUE\n')
    (case,) = read_pair_cases(path)
    assert case.name1 == "DAMAVANDIAN, Ghassem" and case.name2 == "قاسم دماوندیان" and case.is_match
    assert case.group == ""


def test_missing_columns_raise_a_column_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("schema,left,right,is_match\n")
    with pytest.raises(CSVColumnError) as caught:
        read_pair_cases(path)
    assert str(caught.value) == f"{path}:1: missing column(s): name1, name2"


def test_bad_label_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("schema,name1,name2,is_match\nPerson,A B,A B,true\nPerson,A B,A C,\n")
    with pytest.raises(InputError) as caught:
        read_pair_cases(path)
    assert caught.value.line == 3


def test_metrics_count_outcomes() -> None:
    metrics = PairMetrics.count([True, True, False, False, True], [True, False, True, False, True])
    assert (metrics.tp, metrics.fn, metrics.fp, metrics.tn) == (2, 1, 1, 1)
    assert metrics.summary() == "precision=0.667 recall=0.667 f1=0.667 pairs=5"
    assert PairMetrics().summary() == "precision=0.000 recall=0.000 f1=0.000 pairs=0"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans()), max_size=60))
def test_metrics_stay_in_range_and_add_up(outcomes: list[tuple[bool, bool]]) -> None:
    metrics = PairMetrics.count([a for a, _ in outcomes], [b for _, b in outcomes])
    assert metrics.pairs == len(outcomes)
    for value in (metrics.precision, metrics.recall, metrics.f1):
        assert 0.0 <= value <= 1.0
    assert min(metrics.precision, metrics.recall) <= metrics.f1 + 1e-9
    assert metrics.f1 <= max(metrics.precision, metrics.recall) + 1e-9


def test_evaluate_pairs_scores_in_order_and_groups() -> None:
    cases = [
        PairCase("Person", "Ghassem Damavandian", "DAMAVANDIAN, Ghassem", True, "order"),
        PairCase("Company", "JSC SEZ Alabuga", "JSC SEZ Titanium Valley", False, "orgs"),
    ]
    done: list[int] = []
    report = evaluate_pairs(cases, progress=done.append)
    assert report.threshold == DEFAULT_THRESHOLD and done == [2]
    assert len(report.scores) == len(report.explanations) == 2
    assert all(0.0 <= s <= 1.0 for s in report.scores)
    assert set(report.by_group) == {"order", "orgs"}
    assert report.metrics.pairs == 2 and report.micros_per_pair > 0
