"""CSV bytes → lazy frames of the needed columns with each row's line number, Polars first.

:func:`scan` is Polars' reader, numeric columns typed as it reads (fast) or, when a numeric cell
holds text (even ``None``), everything as trimmed text so that row checks can name the cell. When
Polars refuses the file (a row with more fields than the header, bytes that are not UTF-8),
:func:`python_frame` reads it with Python's csv module to name the line (``bad`` raises or records
it). Polars numbers rows one line each from the header (line 1); :func:`exact_lines` corrects that
for quoted fields holding line breaks, only for the few rows an error message names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import polars as pl

from chokepoint.errors import InputError
from chokepoint.maritime._frame import NULL_TOKENS

__all__ = ["Source", "exact_lines", "header_of", "python_frame", "sample_column", "scan"]

Source = str | bytes
"""A file path, or the bytes of a file that had to be decompressed first."""


def header_of(source: Source, path: str) -> list[str]:
    try:
        return pl.scan_csv(source, infer_schema=False, n_rows=0).collect_schema().names()
    except pl.exceptions.PolarsError as exc:
        raise InputError(f"not a readable CSV file: {str(exc).splitlines()[0]}", path=path, line=1) from None


def _clean(column: str) -> pl.Expr:
    text = pl.col(column).str.strip_chars()
    return pl.when(text.is_in(NULL_TOKENS)).then(None).otherwise(text).alias(column)


def _strip(column: str) -> pl.Expr:
    text = pl.col(column).str.strip_chars()
    return pl.when(text.str.len_bytes() > 0).then(text).alias(column)


def _finish(lf: pl.LazyFrame, header: Sequence[str], needed: Sequence[str]) -> pl.LazyFrame:
    absent = [pl.lit(None, pl.String).alias(c) for c in needed if c not in header]
    present = [c for c in needed if c in header]
    lf = lf.select(pl.col("__line").cast(pl.Int64), *present, *absent)
    return lf.filter(~pl.all_horizontal(pl.col(c).is_null() for c in needed))  # blank lines


def scan(
    source: Source, header: Sequence[str], needed: Sequence[str], numeric: Sequence[str], *, typed: bool
) -> pl.LazyFrame:
    """``__line`` plus ``needed`` (absent ones as nulls); ``numeric`` as Float64 or as clean text."""
    present = [c for c in needed if c in header]
    if not typed:
        lf = pl.scan_csv(source, infer_schema=False).with_row_index("__line", offset=2)
        return _finish(lf.with_columns(_tidy(present, numeric)), header, needed)
    overrides = dict.fromkeys((c for c in numeric if c in header), pl.Float64)
    lf = pl.scan_csv(source, infer_schema=False, schema_overrides=overrides).with_row_index(
        "__line", offset=2
    )
    return _finish(lf, header, needed)


def _tidy(columns: Sequence[str], numeric: Sequence[str]) -> list[pl.Expr]:
    """Text columns trimmed; in numeric ones :data:`NULL_TOKENS` are nulls too."""
    return [_clean(c) if c in numeric else _strip(c) for c in columns]


@contextmanager
def _text(source: Source) -> Iterator[io.TextIOBase]:
    if isinstance(source, bytes):
        yield io.StringIO(source.decode("utf-8", errors="replace").removeprefix("\ufeff"), newline="")
    else:
        with Path(source).open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            yield handle


def sample_column(source: Source, header: Sequence[str], column: str, rows: int = 1000) -> pl.Series:
    """The first ``rows`` values of one column, read by Python's csv module (never fails)."""
    index = header.index(column)
    with _text(source) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        values = [row[index].strip() or None for row in islice(reader, rows) if len(row) > index]
    return pl.Series(column, values, dtype=pl.String)


def python_frame(
    source: Source,
    path: str,
    header: Sequence[str],
    needed: Sequence[str],
    numeric: Sequence[str],
    *,
    bad: Callable[[int, str], None],
    cause: Exception,
) -> pl.LazyFrame:
    """The slow, exact reader: every row with the header's field count, lines numbered exactly."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    present = [c for c in needed if c in header]
    index = [header.index(c) for c in present]
    columns: dict[str, list[str | int]] = {c: [] for c in ("__line", *present)}
    not_utf8 = set()
    for number, raw_line in enumerate(data.splitlines(), start=1):
        try:
            raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad(number, f"bytes that are not UTF-8 at column {exc.start + 1}")
            not_utf8.add(number)
    problems = len(not_utf8)
    with _text(data) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        start = reader.line_num + 1
        for row in reader:
            if row and len(row) != len(header):
                bad(start, f"{len(row)} fields where the header has {len(header)}")
                problems += 1
            elif row and start not in not_utf8:
                columns["__line"].append(start)
                for c, i in zip(present, index, strict=True):
                    columns[c].append(row[i])
            start = reader.line_num + 1
    if not problems:
        raise InputError(f"not a readable CSV file: {str(cause).splitlines()[0]}", path=path) from None
    schema = {"__line": pl.Int64} | dict.fromkeys(present, pl.String)
    lf = pl.DataFrame(columns, schema=schema).lazy()
    return _finish(lf.with_columns(_tidy(present, numeric)), header, needed)


def exact_lines(source: Source, approximate: Sequence[int]) -> dict[int, int]:
    """Physical line numbers for rows numbered as if every row took one line (header = line 1)."""
    wanted, found = set(approximate), {}
    if not wanted:
        return found
    with _text(source) as handle:
        reader = csv.reader(handle)
        next(reader, None)
        start, row_line = reader.line_num + 1, 2
        for _ in reader:
            if row_line in wanted:
                found[row_line] = start
                if len(found) == len(wanted):
                    break
            start, row_line = reader.line_num + 1, row_line + 1
    return found
