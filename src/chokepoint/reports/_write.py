"""The three CSV files of an ingest, written all or nothing: ``mentions.csv`` (one row per mention),
``clusters.csv`` (one row per article and its story), ``timeline.csv`` (one row per dated claim, by date).
Each goes to a temporary file in the output folder and is moved into place only when all three and the
caller's ``before_replace`` (saving to the store) have succeeded.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.reports._pipeline import Report

__all__ = ["CLAIM_COLUMNS", "CLUSTER_COLUMNS", "MENTION_COLUMNS", "report_tables", "write_report"]

MENTION_COLUMNS = (
    "document",
    "start",
    "end",
    "text",
    "kind",
    "entity_id",
    "caption",
    "list_ref",
    "source",
    "score",
    "ref",
    "via",
    "title",
    "alternatives",
    "document_id",
    "sentence",
)
CLUSTER_COLUMNS = (
    "cluster",
    "document",
    "title",
    "publisher",
    "published",
    "language",
    "size",
    "similarity",
    "document_id",
)
CLAIM_COLUMNS = (
    "date",
    "precision",
    "expression",
    "entities",
    "entity_ids",
    "document",
    "published",
    "cluster",
    "corroboration",
    "claim",
    "relative",
    "sentence",
    "document_id",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "; ".join(str(v) for v in value)
    return str(value)


def report_tables(report: Report) -> dict[str, tuple[tuple[str, ...], list[list[str]]]]:
    """File name → (header, rows) for the three outputs."""
    mentions = [
        [
            _cell(v)
            for v in (
                m.document,
                m.start,
                m.end,
                m.text,
                m.kind,
                m.entity_id,
                m.caption,
                m.list_ref,
                m.source,
                m.score,
                m.ref,
                m.via,
                m.title,
                m.alternatives,
                m.document_id,
                " ".join(m.sentence.split()),
            )
        ]
        for m in report.mentions
    ]
    published = {d.id: d.published.isoformat() if d.published else "" for d in report.documents}
    clusters = []
    for cluster, members in sorted(report.cluster_members().items(), key=lambda kv: kv[1][0].name):
        for d in members:
            clusters.append(
                [
                    _cell(v)
                    for v in (
                        cluster,
                        d.name,
                        d.title,
                        d.publisher,
                        published[d.id],
                        d.language,
                        len(members),
                        report.similarity.get(d.id),
                        d.id,
                    )
                ]
            )
    claims = [
        [
            _cell(v)
            for v in (
                c.date.isoformat(),
                c.precision,
                c.expression,
                c.names,
                c.keys,
                c.document,
                published.get(c.document_id),
                c.cluster,
                c.corroboration,
                c.group,
                c.relative,
                " ".join(c.sentence.split()),
                c.document_id,
            )
        ]
        for c in sorted(report.claims, key=lambda c: (c.date, c.document, c.start))
    ]
    return {
        "mentions.csv": (MENTION_COLUMNS, mentions),
        "clusters.csv": (CLUSTER_COLUMNS, clusters),
        "timeline.csv": (CLAIM_COLUMNS, claims),
    }


def write_report(
    report: Report, out_dir: str | Path, *, before_replace: Callable[[], None] | None = None
) -> list[Path]:
    """Write the three CSV files into ``out_dir`` (created if its parent exists); all or nothing."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError("--out must be a folder, and this is a file", path=out)
    if not out.parent.is_dir():
        raise InputError("the parent folder of the output folder does not exist", path=out)
    created = not out.exists()
    out.mkdir(exist_ok=True)
    staged: list[tuple[str, Path]] = []
    done = False
    try:
        for name, (header, rows) in report_tables(report).items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out)
            staged.append((tmp, out / name))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(rows)
        if before_replace is not None:
            before_replace()
        for tmp, final in staged:
            os.replace(tmp, final)
        done = True
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        if created and not done and not any(out.iterdir()):
            out.rmdir()
    return [final for _, final in staged]
