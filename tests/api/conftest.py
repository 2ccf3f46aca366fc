"""Fixtures for the HTTP API: a store with the real UN list (built once), its screening service, keys
per scope, and a TestClient over the real app. Tests that write (decisions) get a fresh store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chokepoint.api import create_app
from chokepoint.lists import read_lists, version_record
from chokepoint.screening import ScreeningService
from chokepoint.store import Store

UN = Path("un_sc/2026-02-27/consolidated.xml")


def load(db: str | Path, *paths: Path) -> Store:
    store = Store(db)
    store.load_versions([(version_record(d), d.entities) for d in read_lists(list(paths))])
    return store


@pytest.fixture(scope="session")
def un_db(tmp_path_factory: pytest.TempPathFactory, sanctions_dir: Path) -> Path:
    """A store file holding the UN SC list of 2026-02-27 and one key per scope (copy it to write)."""
    path = tmp_path_factory.mktemp("api") / "un.db"
    load(path, sanctions_dir / UN).close()
    return path


@pytest.fixture(scope="session")
def keys(un_db: Path) -> dict[str, str]:
    """Secrets of keys with each scope, and of a revoked key."""
    with Store(un_db) as store:
        made = {scope: store.create_key(f"test-{scope}", [scope])[1] for scope in ("read", "decide", "admin")}
        made["revoked"] = store.create_key("test-revoked", ["admin"])[1]
        store.revoke_key(made["revoked"])
    return made


@pytest.fixture(scope="session")
def service(un_db: Path, keys: dict[str, str]) -> ScreeningService:
    return ScreeningService(Store(un_db))


@pytest.fixture(scope="session")
def client(service: ScreeningService) -> Iterator[TestClient]:
    with TestClient(create_app(service)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def headers(keys: dict[str, str]) -> dict[str, dict[str, str]]:
    """Request headers per scope (read, decide, admin, revoked), as yente clients send them."""
    return {scope: {"Authorization": f"ApiKey {secret}"} for scope, secret in keys.items()}


@pytest.fixture
def store_copy(un_db: Path, keys: dict[str, str], tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the UN store (keys included), taken with SQLite's backup."""
    path = tmp_path / "un.db"
    with sqlite3.connect(un_db) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with Store(path) as store:
        yield store
