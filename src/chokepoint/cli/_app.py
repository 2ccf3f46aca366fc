"""The ``chokepoint`` Typer application, its shared options and its one error handler."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from chokepoint.errors import ChokepointError, InputError
from chokepoint.settings import DEFAULT_DB
from chokepoint.store import Store

__all__ = [
    "DbOption",
    "app",
    "atomic_output",
    "entities_app",
    "err",
    "lists_app",
    "open_store",
    "out",
    "reporting",
    "spinner",
]

app = typer.Typer(
    name="chokepoint",
    help="Screen parties, goods and transactions against the sanctions lists behind the "
    "Iran-Russia drone supply chain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
lists_app = typer.Typer(
    help="Load published sanctions lists and see which versions are loaded.", no_args_is_help=True
)
entities_app = typer.Typer(help="Look at loaded entities.", no_args_is_help=True)
app.add_typer(lists_app, name="lists")
app.add_typer(entities_app, name="entities")

out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:  # a pipe or a file: do not squeeze tables into 80 columns
    out = Console(highlight=False, soft_wrap=True, width=200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="CHOKEPOINT_DB",
        help="Store: a SQLite file path or a SQLAlchemy URL (postgresql://…).",
        show_default=True,
    ),
]
DEFAULT_DB_VALUE = DEFAULT_DB


@contextmanager
def reporting() -> Iterator[None]:
    """Turn a :class:`ChokepointError` into one ``error: FILE[:LINE]: …`` line and its exit code."""
    try:
        yield
    except ChokepointError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def open_store(db: str) -> Store:
    return Store(db)


@contextmanager
def atomic_output(path: Path, *, newline: str = "") -> Iterator[TextIO]:
    """Write ``path`` through a temporary file beside it; on error nothing is left behind."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError("the output folder does not exist", path=path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def spinner() -> Progress:
    """The spinner every long command shows on stderr (silent when stderr is not a terminal)."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
