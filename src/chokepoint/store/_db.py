"""Opening a database by path or URL: SQLite for a path, any SQLAlchemy URL otherwise.

``postgresql://`` and ``postgres://`` URLs are driven by psycopg 3. Messages name the database
with any password masked, and carry the driver's message on one line (psycopg's span several).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from chokepoint.errors import InputError

__all__ = ["CONNECT_TIMEOUT", "create_engine", "db_url", "masked", "one_line"]

#: URL schemes that name PostgreSQL without a driver; chokepoint drives them with psycopg 3.
_BARE_POSTGRES = ("postgresql://", "postgres://")

#: Seconds to wait for a PostgreSQL server before saying it cannot be reached (the URL's
#: ``?connect_timeout=`` wins), rather than the minutes of the system's TCP timeout.
CONNECT_TIMEOUT = 10


def db_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL: paths become ``sqlite:///`` URLs and
    ``postgresql://`` (or ``postgres://``) URLs use the psycopg driver."""
    text = str(db)
    for scheme in _BARE_POSTGRES:
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text.removeprefix(scheme)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def masked(db: str | Path) -> str:
    """How messages name the database: the path, or the URL with any password shown as ``***``."""
    text = str(db)
    if "://" not in text:
        return text
    try:
        url = sa.make_url(text)
    except (sa.exc.ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text)
    if "password" in url.query:
        url = url.update_query_dict({"password": "***"})
    return url.render_as_string(hide_password=True)


def one_line(exc: BaseException) -> str:
    """An exception's message on one line, runs of whitespace (newlines, tabs) made one space."""
    return " ".join(str(exc).split())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # WAL stays set in the file
        # "locked" means another connection is turning the same new file to WAL at this moment
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str, display: str) -> sa.Engine:
    """An engine for ``url`` (not yet connected); InputError naming ``display`` when it cannot be."""
    if url.startswith("sqlite:///"):
        parent = Path(url.removeprefix("sqlite:///")).parent
        if not parent.is_dir():
            raise InputError("the folder for the database does not exist", path=display)
    try:
        parsed = sa.make_url(url)
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT
        engine = sa.create_engine(parsed, connect_args=connect_args)
    except (sa.exc.ArgumentError, ValueError, ImportError) as exc:
        raise InputError(f"not a usable database URL: {one_line(exc)}", path=display) from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine
