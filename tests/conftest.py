"""Shared fixtures: where the real data lives, and a fresh store per test.

``store_url`` runs a test once on SQLite and once on PostgreSQL. The PostgreSQL server is named by
``CHOKEPOINT_TEST_PG`` (the URL of a database the tests may use; each test gets a fresh schema
of it); when that is unset its tests are skipped, except under CI (env ``CI``), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from chokepoint.store import db_url

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


#: The PostgreSQL database the tests may use, e.g. postgresql://chokepoint:chokepoint@127.0.0.1/chokepoint_test
PG_ENV = "CHOKEPOINT_TEST_PG"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"postgresql: needs the PostgreSQL server named by {PG_ENV}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[sa.Engine]:
    """An autocommit engine on ``CHOKEPOINT_TEST_PG``: skip without it, fail without it under CI."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: under CI the PostgreSQL tests must run (see .ci/run)")
        pytest.skip(f"{PG_ENV} is not set (the URL of a PostgreSQL database the tests may use)")
    engine = sa.create_engine(db_url(url), isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.DBAPIError as exc:
        pytest.fail(f"{PG_ENV}: cannot connect to PostgreSQL: {' '.join(str(exc.orig).split())}")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: sa.Engine) -> Iterator[str]:
    """A PostgreSQL URL whose ``search_path`` is a new empty schema, dropped after the test."""
    schema = f"cp_test_{uuid.uuid4().hex[:16]}"
    with postgres_server.connect() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = postgres_server.url
    options = " ".join(filter(None, [url.query.get("options"), f"-csearch_path={schema}"]))
    yield url.update_query_dict({"options": options, "application_name": schema}).render_as_string(
        hide_password=False
    )
    with postgres_server.connect() as conn:
        # connections a failed test left open would block the drop
        conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = :name AND pid <> pg_backend_pid()"
            ),
            {"name": schema},
        )
        conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ``--db`` value for a new, empty store: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_url")
