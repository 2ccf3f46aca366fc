"""``chokepoint reports ingest IN… --out DIR``: articles → mentions, clusters, timeline (and the store).

Reads every article first (a bad file stops the run before anything is written), links the names
to the listed subjects of the store, clusters them with the stories already in the store, then writes
``mentions.csv``, ``clusters.csv`` and ``timeline.csv`` into DIR and saves documents, mentions and claims
to the store, all or nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, app, err, out, reporting, spinner
from chokepoint.errors import InputError
from chokepoint.matching import DEFAULT_THRESHOLD
from chokepoint.reports import (
    Linker,
    analyse_documents,
    read_documents,
    save_report,
    stored_history,
    write_report,
)
from chokepoint.store import Store

__all__ = ["ingest", "reports_app"]

reports_app = typer.Typer(
    help="Read articles: who and what they name, links to the lists, re-publications, dated claims.",
    no_args_is_help=True,
)
app.add_typer(reports_app, name="reports")


@reports_app.command("ingest")
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Articles or folders of them: .txt, .md, .html, .pdf.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for mentions.csv, clusters.csv, timeline.csv.")
    ],
    db: DbOption = DEFAULT_DB_VALUE,
    threshold: Annotated[
        float, typer.Option(help="Matcher score needed to link a name.")
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Find the names in articles, link them to the lists, cluster re-publications, date the claims."""
    with reporting():
        if not 0.0 < threshold <= 1.0:
            raise InputError("--threshold must be in (0, 1]", field="threshold")
        with spinner() as progress:
            task = progress.add_task("reading articles", total=None)
            documents = read_documents(paths)
            with Store(db) as store:
                progress.update(task, description="loading list names")
                if not store.versions(current_only=True):
                    err.print(
                        f"warning: no lists loaded in {db}: names are found but not linked", markup=False
                    )
                linker = Linker(store.iter_entities(targets_only=True), threshold=threshold)

                def step(done: int, total: int) -> None:
                    progress.update(task, description=f"linking articles {done}/{total}")

                history = stored_history(store, exclude=[d.id for d in documents])
                report = analyse_documents(documents, linker, progress=step, history=history)
                progress.update(task, description="writing")
                write_report(report, out_dir, before_replace=lambda: save_report(store, report))
        linked = sum(1 for m in report.mentions if m.entity_id)
        out.print(
            f"documents={len(report.documents)} mentions={len(report.mentions)} linked={linked} "
            f"clusters={len(report.cluster_members())} claims={len(report.claims)}",
            markup=False,
        )
        out.print(f"wrote {out_dir}", markup=False)
