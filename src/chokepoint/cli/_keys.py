"""``chokepoint keys create|list|revoke``: API keys of the HTTP API (thin commands over the store).

``create`` prints the secret alone on stdout (``KEY=$(chokepoint keys create bank)``) and what it is
on stderr; the store keeps only its SHA-256 digest, so a lost secret means a new key.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, app, err, out, reporting
from chokepoint.store import SCOPES, Store

keys_app = typer.Typer(help="API keys of the HTTP API: create, list, revoke.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

Scope = StrEnum("Scope", {s: s for s in SCOPES})  # type: ignore[misc]


@keys_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Who or what uses the key (shown in the audit log).")],
    scope: Annotated[
        list[Scope] | None,
        typer.Option("--scope", help="read (match, search, screen), decide (decisions), admin (all)."),
    ] = None,
    db: DbOption = DEFAULT_DB_VALUE,
) -> None:
    """Create a key; its secret is printed once, on stdout."""
    with reporting(), Store(db) as store:
        key, secret = store.create_key(name, [s.value for s in scope or [Scope("read")]])
        err.print(f"key {key.prefix} for {key.name!r}, scopes {', '.join(key.scopes)}; keep the secret:")
        typer.echo(secret)


@keys_app.command("list")
def list_keys(
    db: DbOption = DEFAULT_DB_VALUE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Every key (never its secret), revoked ones included."""
    with reporting(), Store(db) as store:
        keys = store.list_keys()
        if as_json:
            out.print_json(json.dumps([k.to_dict() for k in keys]))
            return
        table = Table(title=f"{len(keys)} API keys")
        for column in ("prefix", "name", "scopes", "created", "revoked"):
            table.add_column(column)
        for k in keys:
            revoked = k.revoked_at.isoformat(timespec="minutes") if k.revoked_at else ""
            table.add_row(
                k.prefix, k.name, ",".join(k.scopes), k.created_at.isoformat(timespec="minutes"), revoked
            )
        out.print(table)


@keys_app.command("revoke")
def revoke(
    prefix: Annotated[str, typer.Argument(help="The key's prefix (from keys list) or its whole secret.")],
    db: DbOption = DEFAULT_DB_VALUE,
) -> None:
    """Revoke a key: servers refuse it within 10 seconds."""
    with reporting(), Store(db) as store:
        key = store.revoke_key(prefix)
        out.print(f"revoked key {key.prefix} ({key.name})", markup=False)
