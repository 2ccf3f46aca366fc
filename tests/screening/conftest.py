"""Fixtures for transaction screening: a store holding the demo sample list and the real UN list."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.lists import read_lists, version_record
from chokepoint.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def demo_list() -> Path:
    return EXAMPLES / "drone_story.ftm.json"


@pytest.fixture(scope="session")
def lists_store(tmp_path_factory: pytest.TempPathFactory, sanctions_dir: Path, demo_list: Path) -> Path:
    """A store file with the drone-story sample and the UN SC list of 2026-02-27 (copy it to write)."""
    path = tmp_path_factory.mktemp("lists") / "lists.db"
    un = sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml"
    with Store(path) as store:
        store.load_versions([(version_record(d), d.entities) for d in read_lists([demo_list, un])])
    return path


@pytest.fixture
def demo_store(tmp_path: Path, demo_list: Path) -> Store:
    """A fresh store with the demo sample list only (decisions get written into it)."""
    store = Store(tmp_path / "demo.db")
    store.load_versions([(version_record(d), d.entities) for d in read_lists([demo_list])])
    return store
