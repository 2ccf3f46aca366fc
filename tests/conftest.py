"""Shared fixtures: where the real data lives, and a fresh store per test."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SANCTIONS = DATA / "sanctions"


def pytest_report_header() -> str:
    return f"shared data: {DATA} ({'found' if DATA.exists() else 'MISSING'})"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.exists():
        pytest.fail(f"the shared test data is missing: {DATA}")
    return DATA


@pytest.fixture(scope="session")
def sanctions_dir(data_dir: Path) -> Path:
    return data_dir / "sanctions"
