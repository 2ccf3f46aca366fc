"""``chokepoint entities show ID``: one entity and the list version it came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, entities_app, out, reporting
from chokepoint.model import entity_to_dict, is_target, list_ref
from chokepoint.store import Store


@entities_app.command("show")
def show(
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="Entity ID, e.g. us-ofac-sdn-12345.")],
    db: DbOption = DEFAULT_DB_VALUE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show an entity with all its properties and where it came from."""
    with reporting(), Store(db) as store:
        entity, version = store.entity(entity_id)
        if as_json:
            typer.echo(json.dumps({"entity": entity_to_dict(entity), "list": version.to_dict()}, indent=2))
            return
        kind = "listed subject" if is_target(entity) else "record"
        out.print(f"[bold]{entity.caption}[/bold]  ({entity.schema.name}, {kind})")
        out.print(f"id {entity.id}   list reference {list_ref(entity) or '-'}", markup=False)
        published = version.published.isoformat() if version.published else "not stated"
        out.print(
            f"from {version.source} version {version.version} (published {published}, loaded "
            f"{version.loaded_at:%Y-%m-%d %H:%M} UTC{'' if version.current else ', not current'})",
            markup=False,
        )
        for f in version.files:
            out.print(f"  file {f['path']}  sha256 {f['sha256']}", markup=False)
        table = Table("property", "values", show_lines=False)
        for prop in sorted(entity.iterprops(), key=lambda p: p.label):
            table.add_row(prop.label, "\n".join(sorted(entity.get(prop))))
        out.print(table)
