"""The ``chokepoint`` command: thin Typer commands over the packages below it."""

from chokepoint.cli import (  # noqa: F401  (register commands)
    _ais,
    _ais_events,
    _bench,
    _decisions,
    _demo,
    _entities,
    _keys,
    _lists,
    _reports,
    _screen_goods,
    _screen_parties,
    _screen_transactions,
    _serve,
)
from chokepoint.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
