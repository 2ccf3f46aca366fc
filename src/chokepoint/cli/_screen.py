"""``chokepoint screen …``: the sub-app that screening commands register on."""

from __future__ import annotations

import typer

from chokepoint.cli._app import app

__all__ = ["screen_app"]

screen_app = typer.Typer(help="Screen parties, goods and transactions.", no_args_is_help=True)
app.add_typer(screen_app, name="screen")
