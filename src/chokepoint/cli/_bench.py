"""``chokepoint bench names``: score labelled name pairs and print precision, recall and F1.

A thin command over :func:`chokepoint.matching.evaluate_pairs`. The last line printed is the
contract ``precision=P recall=R f1=F pairs=N``; ``--scores-out`` writes every input column plus
``score,match,explanation`` (to a temporary file first, then renamed into place).
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from chokepoint.cli._app import app, err, out, reporting
from chokepoint.errors import InputError
from chokepoint.matching import DEFAULT_THRESHOLD, KERNEL, PairReport, evaluate_pairs, read_pair_cases

__all__ = ["bench_app", "write_scores"]

bench_app = typer.Typer(help="Measure matching quality and speed on labelled data.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


def write_scores(report: PairReport, path: Path) -> None:
    """Input columns plus score, match and explanation; nothing half-written on failure."""
    columns = list(dict.fromkeys(k for c in report.cases for k in (c.row or {})))
    fields = columns + [f for f in ("score", "match", "explanation") if f not in columns]
    folder = path.resolve().parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", path=path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
            writer.writeheader()
            for case, score, match, why in zip(
                report.cases, report.scores, report.predictions, report.explanations, strict=True
            ):
                row = dict(case.row or {})
                row.update(score=f"{score:.4f}", match="true" if match else "false", explanation=why)
                writer.writerow(row)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@bench_app.command("names")
def names(
    cases: Annotated[Path, typer.Argument(help="CSV: schema,name1,name2,is_match (case_group optional).")],
    scores_out: Annotated[
        Path | None, typer.Option("--scores-out", help="Write every pair with its score and explanation.")
    ] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", help="Score at or above which a pair counts as a match.")
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Score labelled name pairs; the last line is precision, recall, F1 and the pair count."""
    with reporting():
        if not 0.0 <= threshold <= 1.0:
            raise InputError(f"threshold must be between 0 and 1, not {threshold}", field="--threshold")
        pairs = read_pair_cases(cases)
        with Progress(
            TextColumn("scoring pairs"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as progress:
            task = progress.add_task("pairs", total=len(pairs))
            report = evaluate_pairs(
                pairs, threshold, progress=lambda done: progress.update(task, completed=done)
            )
        if scores_out is not None:
            write_scores(report, scores_out)
        for group, metrics in report.by_group.items():
            out.print(f"case_group={group} {metrics.summary()}", markup=False)
        out.print(
            f"threshold={report.threshold:.3f} us_per_pair={report.micros_per_pair:.1f} kernel={KERNEL}",
            markup=False,
        )
        out.print(report.metrics.summary(), markup=False)
