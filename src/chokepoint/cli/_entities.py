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
        reports = store.entity_reports(entity_id)
        if as_json:
            shown = {"entity": entity_to_dict(entity), "list": version.to_dict(), "reports": len(reports)}
            typer.echo(json.dumps(shown, indent=2))
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
        stories = len({d.cluster for d in reports})
        out.print(
            f"named in {len(reports)} report{'s' if len(reports) != 1 else ''}"
            + (f" ({stories} stor{'ies' if stories != 1 else 'y'})" if reports else ""),
            markup=False,
        )
        table = Table("property", "values", show_lines=False)
        for prop in sorted(entity.iterprops(), key=lambda p: p.label):
            table.add_row(prop.label, "\n".join(sorted(entity.get(prop))))
        out.print(table)
