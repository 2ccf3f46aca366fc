"""The fast path for large order books: Polars reads the CSV, each column becomes codes into its values.

Taken only when the file is plain: one physical line per record, no blank or short rows, nothing
Polars refuses; otherwise :func:`OrderFrame.load` returns None and the exact csv-module reader runs
(and names the line at fault). Distinct values are typed once (countries, dates, HS codes, numbers): a
bad one is reported at the first line holding it, the same answer the csv-module reader gives. Worker
processes only index numpy arrays and lists, never Polars (whose thread pool does not survive a fork).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import polars as pl

from chokepoint.errors import InputError
from chokepoint.screening._orders import TYPED, OrderLine, OrderTyper

__all__ = ["OrderFrame"]

CHUNK = 2000
_DEFAULTS = tuple(OrderLine(0, 0))


def _fields_agree(path: Path, offset: int, width: int) -> bool:
    """Every data line has ``width`` fields: commas outside quoted sections, counted per line."""
    lines = pl.read_csv(
        path, has_header=False, separator="\x1f", quote_char=None, skip_lines=offset + 1,
        new_columns=["line"], infer_schema=False,
    )  # fmt: skip
    commas = lines.select(pl.col("line").str.replace_all('"[^"]*"', "").str.count_matches(",").fill_null(-1))
    return bool((commas.to_series() == width - 1).all())


def _physical_lines(path: Path) -> int:
    """Lines in the file, counting a last line without a newline."""
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


class OrderFrame:
    """An order book as one numpy code array and one list of (typed) values per used column."""

    def __init__(
        self, height: int, first_line: int, columns: list[tuple[int, np.ndarray, list[object]]]
    ) -> None:
        self.height = height
        self.first_line = first_line
        """File line of the first data row."""
        self.columns = columns
        """(OrderLine field position, codes per row, value per code) of each used column."""

    def __len__(self) -> int:
        return self.height

    @classmethod
    def load(cls, typer: OrderTyper) -> OrderFrame | None:
        """The frame of ``typer``'s file, or None when the file is not plain enough for this path."""
        path = Path(typer.path)
        try:
            frame = pl.read_csv(
                path,
                skip_lines=typer.offset,
                infer_schema=False,
                empty_string_is_null=False,
                raise_if_empty=False,
            )
            plain = frame.width == typer.width and not any(frame.null_count().row(0))
            if not plain or _physical_lines(path) != typer.offset + 1 + frame.height:
                return None
            if frame.height and not _fields_agree(path, typer.offset, typer.width):
                return None  # a short row: Polars pads it, the exact reader names its line
        except (pl.exceptions.PolarsError, ValueError, OSError):
            return None
        first_line = typer.offset + 2
        columns: list[tuple[int, np.ndarray, list[object]]] = []
        bad: list[tuple[int, int, str]] = []  # (row, column, name) of each value that cannot be typed
        for index, pos, name, _ in typer.plan:
            series = frame.to_series(index).str.strip_chars()
            values: list[object] = series.unique().to_list()
            codes = series.cast(pl.Enum(values)).to_physical().to_numpy()  # type: ignore[arg-type]
            if name in TYPED:
                typed: list[object] = []
                for code, text in enumerate(values):
                    try:
                        typed.append(typer.parse(name, str(text), 0))
                    except InputError:
                        bad.append((int(np.argmax(codes == code)), index, name))
                        typed.append(None)
                values = typed
            columns.append((pos, codes, values))
        if bad:
            row, index, name = min(bad)
            typer.parse(name, str(frame.to_series(index)[row]).strip(), first_line + row)  # raises
        return cls(frame.height, first_line, columns)

    def lines(self, rows: Sequence[int] | np.ndarray) -> Iterator[OrderLine]:
        """The order lines at 0-based ``rows`` (``row`` and ``line`` filled in), in that order."""
        rows = np.asarray(rows, dtype=np.int64)
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            cells = [(pos, codes[chunk].tolist(), values) for pos, codes, values in self.columns]
            for j, r in enumerate(chunk.tolist()):
                out = list(_DEFAULTS)
                out[0], out[1] = r + 1, self.first_line + r
                for pos, col, values in cells:
                    out[pos] = values[col[j]]
                yield OrderLine._make(out)

    def buckets(self, field: str, parts: int) -> list[np.ndarray]:
        """Row indices split into ``parts``: all rows with the same ``field`` value in one part, parts of
        about equal size (largest values first, each to the smallest part so far)."""
        pos = OrderLine._fields.index(field)
        codes = next((c for p, c, _ in self.columns if p == pos), None)
        if codes is None:
            return [np.arange(i, self.height, parts) for i in range(parts)]
        counts = np.bincount(codes)
        part_of = np.zeros(len(counts), dtype=np.int64)
        sizes = [0] * parts
        for code in np.argsort(-counts, kind="stable").tolist():
            smallest = sizes.index(min(sizes))
            part_of[code] = smallest
            sizes[smallest] += int(counts[code])
        assigned = part_of[codes]
        return [np.flatnonzero(assigned == i) for i in range(parts)]
