"""The compiled scoring kernel gives exactly the pure-Python results, and is never stale."""

from __future__ import annotations

import csv
import os
import random
from pathlib import Path

import pytest

from chokepoint import matching
from chokepoint.matching import _compare, _kernel, _rewrite, analyze, kind_of, read_pair_cases

KINDS = ("person", "org", "vessel", "entity")


def _real_pairs(data_dir: Path) -> list[tuple[str, str, str]]:
    """(kind, left, right) from the labelled dev pairs: name_bench, watchman, a JRC sample."""
    folder = data_dir / "matching"
    cases = read_pair_cases(folder / "opensanctions_nomenklatura" / "name_bench_cases.csv")
    pairs = [(kind_of(c.schema), c.name1, c.name2) for c in cases]
    with (folder / "moov_watchman" / "cross_script_pairs.csv").open(encoding="utf-8") as fh:
        pairs += [("person", row[0], row[1]) for row in csv.reader(fh) if row and not row[0].startswith("#")]
    with (folder / "jrc_names_deezymatch" / "name_pairs.tsv").open(encoding="utf-8") as fh:
        rows = [line.split("\t") for line in fh]
    pairs += [("person", a.strip(), b.strip()) for a, b, _ in random.Random(3).sample(rows, 3000)]
    return pairs


@pytest.fixture(scope="module")
def compiled() -> dict:
    if not _kernel.COMPILED:
        pytest.skip(f"the compiled kernel is not active: {_kernel.KERNEL_NOTE}")
    return _kernel.COMPILED


def test_compiled_kernel_scores_real_pairs_exactly_as_pure_python(compiled: dict, data_dir: Path) -> None:
    fast = compiled["_compare"].compare_forms
    checked = 0
    for kind, left, right in _real_pairs(data_dir):
        # each pair as labelled, and as organisation names (acronyms, places, lines of business)
        for as_kind in dict.fromkeys((kind, "org")):
            q, c = analyze(left, as_kind), analyze(right, as_kind)
            for a, b in ((q, c), (c, q)):
                assert fast(a, b) == _compare.compare_forms(a, b), (as_kind, left, right)
                checked += 1
    assert checked > 8000


def test_compiled_rewrites_equal_pure_python_ones(compiled: dict) -> None:
    pairs = [
        ("person", "Patr ushev Nikolai", "Nikolai Patrushev"),
        ("person", "Ahmad Reza Lashgarian", "احمدرضا لشگریان"),
        ("person", "JC Juncker", "Jean Claude Juncker"),
        ("org", "IRGC SSJO", "Islamic Revolutionary Guard Corps Self-Sufficiency Jihad Organization"),
    ]
    for kind, left, right in pairs:
        q, c = analyze(left, kind), analyze(right, kind)
        for name in ("merge_splits", "expand_initials"):
            assert getattr(compiled["_rewrite"], name)(q, c) == getattr(_rewrite, name)(q, c), (name, left)


def test_compiled_kernel_carries_the_hash_of_its_current_source(compiled: dict) -> None:
    for name, module in compiled.items():
        assert module.__kernel_source__ == _kernel.source_hash(name)
    assert matching.KERNEL == "compiled"
    assert matching.compare_forms is compiled["_compare"].compare_forms


def test_a_binary_built_from_another_source_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CHOKEPOINT_KERNEL", raising=False)
    monkeypatch.setattr(_kernel, "source_hash", lambda name: "0" * 64)
    modules, note = _kernel._load()
    assert modules == {}
    assert "changed since it was compiled" in note or "not compiled" in note


def test_the_pure_python_kernel_can_be_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHOKEPOINT_KERNEL", "python")
    assert _kernel._load() == ({}, "CHOKEPOINT_KERNEL=python")


@pytest.mark.skipif(not os.environ.get("CI"), reason="CI installs with a C compiler; elsewhere it may not")
def test_ci_runs_the_compiled_kernel() -> None:
    assert matching.KERNEL == "compiled", matching.KERNEL_NOTE


def test_kernel_is_named() -> None:
    assert matching.KERNEL in ("compiled", "python")
    assert matching.KERNEL_NOTE
