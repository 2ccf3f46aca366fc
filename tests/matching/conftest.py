"""Fixtures for matching tests: entries of the EU annexes (OpenSanctions' transcription in shared/data)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

EuEntry = Callable[[str, str], tuple[str, list[str]]]


@pytest.fixture(scope="session")
def eu_entry(sanctions_dir: Path) -> EuEntry:
    """``eu_entry(celex, record)``: (name, aliases) of one non-person record of a consolidated annex."""

    @cache
    def get(celex: str, record: str) -> tuple[str, list[str]]:
        path = sanctions_dir / "eu_oj_opensanctions" / "consolidated" / f"{celex}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            row = next(r for r in csv.DictReader(fh) if r["recordId"] == record and r["schema"] != "Person")
        aliases = next(csv.reader([row["alias"]], delimiter=";", skipinitialspace=True), [])
        return row["name"], [a.strip() for a in aliases]

    return get
