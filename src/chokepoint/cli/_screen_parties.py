"""``chokepoint screen parties IN.csv --out OUT.csv``: batch party screening (thin command)."""

from __future__ import annotations

import csv
import gc
import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, atomic_output, err, out, reporting
from chokepoint.cli._screen import screen_app
from chokepoint.cli._screen_transactions import actor
from chokepoint.errors import InputError
from chokepoint.matching import DEFAULT_THRESHOLD, Matcher
from chokepoint.screening import OUTPUT_COLUMNS, read_parties, screen_parties
from chokepoint.store import Store


@screen_app.command("parties")
def parties(
    infile: Annotated[Path, typer.Argument(metavar="IN.csv", help="Parties: full_name or name, and more.")],
    out_path: Annotated[Path, typer.Option("--out", help="Output CSV: one row per (input row, candidate).")],
    db: DbOption = DEFAULT_DB_VALUE,
    threshold: Annotated[
        float, typer.Option(help="Score at which a candidate is a match.")
    ] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Candidates per input row.")] = 5,
    workers: Annotated[int, typer.Option(help="Processes (default: all cores).")] = os.cpu_count() or 1,
    who: Annotated[str | None, typer.Option("--who", help="Who runs it, for the audit log.")] = None,
) -> None:
    """Screen every party of IN.csv against the loaded lists; explain each candidate."""
    with reporting(), Store(db) as store:
        if not 0.0 < threshold <= 1.0:
            raise InputError("--threshold must be in (0, 1]", field="threshold")
        if not infile.is_file():
            raise InputError("no such file", path=infile)
        rows = read_parties(str(infile), infile.read_bytes())
        versions = store.versions(current_only=True)
        if not versions:
            raise InputError("no lists are loaded in this store: chokepoint lists load PATH…", path=db)
        columns = [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
        with Progress(
            TextColumn("{task.description}"), *columns, console=err, disable=not err.is_terminal
        ) as bar:
            task = bar.add_task("indexing the lists", total=None)
            matcher = Matcher.from_entities(store.iter_entities(targets_only=True))
            # the index is hundreds of thousands of long-lived objects: out of the cyclic collector's
            # reach, full collections stop rescanning it and forked workers do not copy its pages
            gc.collect()
            gc.freeze()
            bar.update(task, description="screening", total=len(rows), completed=0)
            matches = 0
            with atomic_output(out_path) as handle:
                writer = csv.DictWriter(handle, fieldnames=OUTPUT_COLUMNS)
                writer.writeheader()
                results = screen_parties(
                    rows, matcher, threshold=threshold, limit=limit, workers=workers,
                    progress=lambda n: bar.advance(task, n),
                )  # fmt: skip
                for result in results:
                    matches += result.get("match") == "true"
                    writer.writerow(result)
        meta = {
            "input": str(infile),
            "rows": len(rows),
            "threshold": threshold,
            "matches": matches,
            "lists": [v.to_dict() for v in versions],
        }
        with atomic_output(out_path.with_name(out_path.name + ".meta.json")) as handle:
            json.dump(meta, handle, indent=2)
        store.audit(actor(who), "screen.parties", meta | {"output": str(out_path)})
        used = ", ".join(f"{v.source}@{v.version}" for v in versions)
        out.print(
            f"screened {len(rows)} rows against {len(matcher)} listed subjects ({used}): "
            f"{matches} matches at threshold {threshold} → {out_path}",
            markup=False,
        )
