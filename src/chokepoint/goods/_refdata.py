"""Readers for the goods reference files: comment-headed CSV and YAML, failures naming file and line.

The shipped files live in ``chokepoint/goods/data/``; users' catalogues and order books go through
the same CSV reader, so a malformed row in any of them raises :class:`InputError` with path and line.
Lines starting with ``#`` before the header are comments (our files document their fields there).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from chokepoint.errors import CSVColumnError, InputError

__all__ = ["DATA", "csv_records", "load_yaml", "read_text"]

#: Where the reference data shipped with chokepoint lives.
DATA = Path(__file__).resolve().with_name("data")


def read_text(path: str | Path) -> str:
    """The file decoded as UTF-8 (a BOM is dropped); undecodable bytes name their line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path=path, line=line) from None


def _skip_comments(text: str) -> tuple[str, int]:
    """Drop leading ``#`` comment and blank lines; return the rest and how many lines were dropped."""
    pos, skipped = 0, 0
    while pos < len(text) and (text[pos] == "#" or text[pos] in "\r\n"):
        end = text.find("\n", pos)
        if end < 0:
            return "", skipped + 1
        pos, skipped = end + 1, skipped + 1
    return text[pos:], skipped


def csv_records(
    path: str | Path, needed: Sequence[str], *, text: str | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row of a CSV file with a header naming ``needed`` columns.

    Cells are stripped; extra columns are kept; blank lines are skipped. A row with a different
    number of fields than the header, or broken quoting, raises :class:`InputError` at its line.
    """
    body, offset = _skip_comments(read_text(path) if text is None else text)
    reader = csv.reader(io.StringIO(body, newline=""), strict=True)
    header: list[str] | None = None
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"broken CSV: {exc}", path=path, line=offset + reader.line_num) from None
        line, start = offset + start, reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lstrip("\ufeff").lower() for cell in row]
            missing = [c for c in needed if c not in header]
            if missing:
                raise CSVColumnError(f"missing column(s): {', '.join(missing)}", path=path, line=line)
            continue
        if len(row) != len(header):
            raise InputError(
                f"broken CSV row: {len(row)} fields where the header has {len(header)}", path=path, line=line
            )
        yield line, dict(zip(header, (cell.strip() for cell in row), strict=True))
    if header is None:
        raise CSVColumnError(f"no header row; expected columns: {', '.join(needed)}", path=path, line=1)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file safely; a syntax error names its line."""
    try:
        return yaml.safe_load(read_text(path))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"malformed YAML: {exc.problem or exc}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", path=path) from None
