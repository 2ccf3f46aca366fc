"""``chokepoint lists load|show``: thin commands over :mod:`chokepoint.lists` and the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, lists_app, out, reporting, spinner
from chokepoint.lists import FORMATS, read_lists, version_record
from chokepoint.model import ListVersion
from chokepoint.store import Store

__all__ = ["describe", "load_into"]


def describe(version: ListVersion, changed: bool) -> str:
    """One script-readable line per loaded version."""
    files = ",".join(Path(f["path"].split("!")[-1]).name for f in version.files)
    published = version.published.isoformat() if version.published else "-"
    state = "loaded" if changed else "unchanged"
    return (
        f"{state} source={version.source} version={version.version} published={published} "
        f"targets={version.targets} entities={version.entities} files={files}"
    )


def load_into(
    store: Store, paths: list[Path], *, format: str | None = None, force: bool = False
) -> list[tuple[ListVersion, bool]]:
    """Read every path, then make all new versions current in one transaction."""
    with spinner() as progress:
        task = progress.add_task(f"reading {len(paths)} file(s)", total=None)
        lists = read_lists(
            paths, format=format, progress=lambda fmt: progress.update(task, description=f"parsing {fmt}")
        )
        progress.update(task, description=f"writing {sum(len(d.entities) for d in lists):,} entities")
        return store.load_versions([(version_record(d), d.entities) for d in lists], force=force)


@lists_app.command("load")
def load(
    paths: Annotated[list[Path], typer.Argument(help="List files: OFAC CSV/XML, UN XML, CSL CSV, FtM JSON.")],
    db: DbOption = DEFAULT_DB_VALUE,
    format: Annotated[
        str | None,
        typer.Option("--format", help=f"Force a format: {', '.join(sorted(FORMATS))}."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Load even if this version is already current.")
    ] = False,
) -> None:
    """Load sanctions-list files; each replaces its source's current version atomically."""
    with reporting(), Store(db) as store:
        for version, changed in load_into(store, paths, format=format, force=force):
            out.print(describe(version, changed), markup=False)


@lists_app.command("show")
def show(
    db: DbOption = DEFAULT_DB_VALUE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    current: Annotated[
        bool, typer.Option("--current", help="Only the current version of each source.")
    ] = False,
) -> None:
    """List the loaded list versions (newest first per source), with their files and counts."""
    with reporting(), Store(db) as store:
        versions = store.versions(current_only=current)
        if as_json:
            typer.echo(json.dumps([v.to_dict() for v in versions], indent=2))
            return
        if not versions:
            out.print("no lists loaded yet: chokepoint lists load PATH…")
            return
        table = Table("source", "version", "published", "loaded at (UTC)", "targets", "entities", "current")
        for v in versions:
            table.add_row(
                v.source,
                v.version,
                v.published.isoformat() if v.published else "-",
                v.loaded_at.strftime("%Y-%m-%d %H:%M:%S") if v.loaded_at else "-",
                f"{v.targets:,}",
                f"{v.entities:,}",
                "yes" if v.current else "",
            )
        out.print(table)
