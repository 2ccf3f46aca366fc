"""Every command of the CLI is documented in README.md (as datasette's test_docs does)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from chokepoint.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix: str = "") -> list[str]:
    names: list[str] = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        names += _commands(command, f"{full} ") if hasattr(command, "commands") else [full]
    return names


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(typer.main.get_command(app))
    assert "lists load" in commands and "screen parties" in commands
    missing = [c for c in commands if f"chokepoint {c}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"
