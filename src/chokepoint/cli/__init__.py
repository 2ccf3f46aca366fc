"""The ``chokepoint`` command: thin Typer commands over the packages below it."""

from chokepoint.cli import (  # noqa: F401  (register commands)
    _ais,
    _ais_events,
    _bench,
    _decisions,
    _demo,
    _entities,
    _lists,
    _screen_goods,
    _screen_parties,
    _screen_transactions,
)
from chokepoint.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
