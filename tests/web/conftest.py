"""The demo site the UI tests look at: what an analyst has after ``chokepoint demo`` and loading the UN list.

Built once per session by the real commands (``chokepoint demo`` writes the store with the sample list
and the demo's queued alerts, and ``demo_ais/``; ``chokepoint lists load`` adds the real UN list of
2026-02-27). Tests that write get their own copy of the store (:func:`copy_store`).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chokepoint.cli import app as cli
from chokepoint.screening import ScreeningService
from chokepoint.store import Store
from chokepoint.web import mount

_BLOCK = re.compile(
    r"</?(?:p|div|td|th|tr|li|ol|ul|h[1-6]|br|table|caption|section|article|nav|header|footer)\b[^>]*>"
)


def page_text(html: str) -> str:
    """What a reader sees: block elements apart, inline markup gone, runs of white space made one."""
    return " ".join(re.sub(r"<[^>]+>", "", _BLOCK.sub(" ", html)).split())


@pytest.fixture(scope="session")
def text() -> Callable[[str], str]:
    """:func:`page_text`, for the tests."""
    return page_text


@dataclass(frozen=True)
class DemoSite:
    folder: Path
    db: Path
    ais: Path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory, sanctions_dir: Path) -> DemoSite:
    folder = tmp_path_factory.mktemp("site")
    db = folder / "demo.db"
    runner = CliRunner()
    with contextlib.chdir(folder):  # the demo writes its report and demo_ais/ into the current folder
        done = runner.invoke(cli, ["demo", "--db", str(db)], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    un = sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml"
    loaded = runner.invoke(cli, ["lists", "load", str(un), "--db", str(db)], catch_exceptions=False)
    assert loaded.exit_code == 0, loaded.output
    return DemoSite(folder, db, folder / "demo_ais")


def copy_store(site: DemoSite, target: Path) -> Path:
    """A private copy of the demo store (SQLite's backup: consistent even with a WAL beside it)."""
    source, copy = sqlite3.connect(site.db), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return target


@pytest.fixture(scope="session")
def site_copy(demo_site: DemoSite) -> Callable[[Path], Path]:
    """``site_copy(path)``: a private copy of the demo store at ``path``, for tests that write."""
    return lambda target: copy_store(demo_site, target)


@pytest.fixture(scope="session")
def site_service(demo_site: DemoSite) -> Iterator[ScreeningService]:
    """A service over the shared demo store: only for tests that do not write."""
    with Store(demo_site.db) as store:
        yield ScreeningService(store)


def ui_client(service: ScreeningService, ais: Path | None) -> TestClient:
    app = FastAPI()
    mount(app, service, ais_dir=ais)
    return TestClient(app)


@pytest.fixture(scope="session")
def client(site_service: ScreeningService, demo_site: DemoSite) -> TestClient:
    """The UI over the shared demo store and demo_ais/, read-only."""
    return ui_client(site_service, demo_site.ais)


@pytest.fixture
def writable(demo_site: DemoSite, tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    """The UI over a private copy of the demo store, and that store."""
    with Store(copy_store(demo_site, tmp_path / "copy.db")) as store:
        yield ui_client(ScreeningService(store), demo_site.ais), store
