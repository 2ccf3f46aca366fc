"""Store fixtures: raw SQL on a store's database, whichever dialect ``store_url`` gave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa

from chokepoint.store import db_url

SQL = Callable[..., list[tuple[Any, ...]]]


def run_sql(db: str, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    """Run one statement on ``db`` in its own transaction; the rows it returned, if any."""
    engine = sa.create_engine(db_url(db), poolclass=sa.NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(statement), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture
def sql() -> SQL:
    """``sql(db, statement, **params)``: raw SQL beside the store, as another program would run it."""
    return run_sql
