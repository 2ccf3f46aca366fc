"""Order books in and screening results out, as CSV.

IN has the columns of :data:`GOODS_COLUMNS` (any cell may be blank; extra columns are ignored);
a missing column, broken quoting or an unreadable HS code raises :class:`InputError` with file and
line. OUT (``row,flagged,risk,reasons``) is written to a temporary file beside it and renamed into
place only when complete, so a failure leaves no half-written OUT.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.goods._chpl import normalise_hs
from chokepoint.goods._refdata import csv_records
from chokepoint.goods._screen import GOODS_COLUMNS, GoodsLine, GoodsResult

__all__ = ["RESULT_COLUMNS", "read_goods_lines", "write_goods_results"]

RESULT_COLUMNS = ("row", "flagged", "risk", "reasons")


def read_goods_lines(path: str | Path) -> Iterator[GoodsLine]:
    """The order lines of a CSV file, validated as they are read."""
    for line, row in csv_records(path, GOODS_COLUMNS):
        try:
            hs_code = normalise_hs(row["hs_code"])
        except ValueError as exc:
            raise InputError(str(exc), path=path, line=line) from None
        yield GoodsLine(row["part_number"], row["manufacturer"], row["description"], hs_code)


def write_goods_results(path: str | Path, results: Iterable[GoodsResult]) -> tuple[int, int]:
    """Write results atomically; returns (lines written, lines flagged)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise InputError("the output folder does not exist", path=target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    written = flagged = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(RESULT_COLUMNS)
            for result in results:
                writer.writerow(
                    (
                        result.row,
                        "true" if result.flagged else "false",
                        f"{result.risk:.3f}",
                        result.reason_text,
                    )
                )
                written += 1
                flagged += result.flagged
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written, flagged
