"""``chokepoint screen transactions IN.csv --out OUT.csv``: whole order lines → explained alerts (thin).

Builds a :class:`chokepoint.screening.TransactionScreener` from the store (current lists, standing
decisions) and the goods catalogues, screens the book, writes the alerts CSV, optionally JSON and the
printable HTML report (each atomically, after the whole book was read and checked), records the
run in the store's audit log and saves its alerts into the store's review queue (:func:`save_run`).
"""

from __future__ import annotations

import getpass
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, atomic_output, out, reporting, spinner
from chokepoint.cli._screen import screen_app
from chokepoint.errors import InputError
from chokepoint.goods import BUNDLED_CATALOGUE, load_catalogue
from chokepoint.screening import (
    TransactionRun,
    TransactionScreener,
    render_report,
    run_transactions,
    write_alerts_csv,
)
from chokepoint.store import Store

__all__ = ["actor", "catalogue_records", "save_run", "screen_book", "write_outputs"]

#: Books smaller than this are screened in one process (forking costs more than it saves).
SMALL_BOOK = 2_000_000  # bytes


def actor(who: str | None) -> str:
    """Who is acting, for the audit log: ``--who``, else the login name."""
    if who and who.strip():
        return who.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def catalogue_records(extra: list[Path], *, bundled: bool = True) -> list[dict[str, Any]]:
    """Path, sha256 and component count of each catalogue used (checked as it is read)."""
    paths = ([BUNDLED_CATALOGUE] if bundled else []) + extra
    return [
        {
            "path": str(p),
            "sha256": hashlib.sha256(Path(p).read_bytes()).hexdigest(),
            "components": len(load_catalogue(p)),
        }
        for p in paths
    ]


def screen_book(
    store: Store, infile: Path, *, catalogues: list[Path], bundled: bool = True, workers: int = 1
) -> TransactionRun:
    """Screen one order book against the store, with a progress bar on a terminal."""
    if not infile.is_file():
        raise InputError("no such file", path=infile)
    records = catalogue_records(catalogues, bundled=bundled)
    with spinner() as bar:  # fmt: skip
        task = bar.add_task("indexing the lists", total=None)
        screener = TransactionScreener.from_store(
            store, catalogues=[str(p) for p in catalogues], bundled=bundled
        )
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            bar.update(task, description=f"screened {done:,} lines")

        workers = 1 if infile.stat().st_size < SMALL_BOOK else workers
        return run_transactions(
            infile,
            screener,
            versions=store.versions(current_only=True),
            catalogues=records,
            workers=workers,
            progress=tick,
        )


def save_run(store: Store, run: TransactionRun, who: str) -> tuple[str, int]:
    """Save the run's alerts for review: (run id, alerts saved). The id digests the input, the lists
    and the alerts, so the same book screened to the same alerts is queued once (0 saved)."""
    alerts = [a.to_dict() for a in run.alerts]
    payload = [run.sha256, [v.sha256 for v in run.versions], alerts]
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
    run_id = f"tx-{digest[:16]}"
    saved = store.save_alerts(
        run_id,
        alerts,
        kind="transaction",
        list_versions=[v.to_dict() for v in run.versions],
        created_at=run.finished,
        actor=who,
    )
    return run_id, saved


def write_outputs(
    run: TransactionRun, out_path: Path, *, report: Path | None = None, json_path: Path | None = None
) -> None:
    """The alerts CSV, the JSON and the report if asked: all made first, then each written atomically."""
    table = io.StringIO(newline="")
    write_alerts_csv(table, run.alerts)
    texts = [(out_path, table.getvalue())]
    if json_path is not None:
        texts.append((json_path, json.dumps(run.to_json(), indent=1, ensure_ascii=False)))
    if report is not None:
        texts.append((report, render_report(run)))
    for path, text in texts:
        with atomic_output(path) as handle:
            handle.write(text)


@screen_app.command("transactions")
def transactions(
    infile: Annotated[
        Path,
        typer.Argument(metavar="IN.csv", help="Order lines; columns in README, Screening transactions."),
    ],
    out_path: Annotated[Path, typer.Option("--out", help="Alerts CSV: one row per risky order line.")],
    report: Annotated[Path | None, typer.Option("--report", help="Printable HTML report.")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Alerts and run record as JSON.")] = None,
    db: DbOption = DEFAULT_DB_VALUE,
    catalogue: Annotated[
        list[Path] | None,
        typer.Option(
            "--catalogue", help="A catalogue CSV of components found in weapons, added to the bundled one."
        ),
    ] = None,
    no_bundled: Annotated[
        bool, typer.Option("--no-bundled", help="Leave out the bundled catalogue.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Processes for large books (default: all cores).")
    ] = os.cpu_count() or 1,
    who: Annotated[str | None, typer.Option("--who", help="Who runs it, for the audit log.")] = None,
) -> None:
    """Screen every order line: parties against the lists, goods against the CHPL and drone catalogues,
    and the red flags of US export-diversion guidance; explain each alert."""
    with reporting(), Store(db) as store:
        for path in (out_path, report, json_path):
            if path is not None and not path.parent.is_dir():
                raise InputError("the output folder does not exist", path=path)
        run = screen_book(
            store, infile, catalogues=list(catalogue or []), bundled=not no_bundled, workers=workers
        )
        write_outputs(run, out_path, report=report, json_path=json_path)
        outputs = {"csv": str(out_path), "json": str(json_path or ""), "report": str(report or "")}
        store.audit(actor(who), "screen.transactions", run.summary() | {"outputs": outputs})
        run_id, saved = save_run(store, run, actor(who))
        used = ", ".join(f"{v.source}@{v.version}" for v in run.versions)
        cleared = f", {len(run.cleared)} more cleared by decisions" if run.cleared else ""
        share = f" ({len(run.alerts) / run.lines:.1%})" if run.lines else ""
        out.print(
            f"screened {run.lines} order lines against {used}: {len(run.alerts)} alerts{share}{cleared} "
            f"→ {out_path}" + (f", report {report}" if report else ""),
            markup=False,
        )
        queued = f"{saved} alerts queued for review" if saved else "alerts already queued for review"
        out.print(f"{queued} in {store.display} (run {run_id}; chokepoint serve shows them)", markup=False)
