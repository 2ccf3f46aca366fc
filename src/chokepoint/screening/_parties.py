"""Batch party screening: rows of a CSV → candidate rows with scores and explanations.

Input columns (DESIGN.md): ``full_name`` or ``name``, optionally ``first_name,
middle_name,last_name,gender,date_of_birth,place_of_birth,nationality,country,schema,id``.
A row that cannot be screened (no name, only punctuation, a name over 500 characters)
gets one output row saying why; it never stops the batch.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.matching import MAX_NAME, Matcher, Query, analyze

__all__ = ["OUTPUT_COLUMNS", "PartyRow", "read_parties", "screen_parties"]

OUTPUT_COLUMNS = (
    "row", "query_name", "entity_id", "list_ref", "source", "caption", "score", "match", "explanation",
)  # fmt: skip
SCHEMAS = {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "PublicBody"}


@dataclass(frozen=True)
class PartyRow:
    row: int
    """1-based data row of the input (the header is row 0)."""
    line: int
    values: dict[str, str]


def read_parties(path: str, data: bytes) -> list[PartyRow]:
    """Parse the input CSV; raises InputError naming the file and line of what is wrong."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError("not UTF-8 text", path=path, line=line) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise InputError("the file is empty", path=path) from None
    except csv.Error as exc:
        raise InputError(f"broken CSV: {exc}", path=path, line=1) from None
    if "full_name" not in header and "name" not in header:
        raise CSVColumnError(
            f"needs a full_name or name column (found: {', '.join(header)})", path=path, line=1
        )
    rows: list[PartyRow] = []
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            raise InputError(f"broken CSV: {exc}", path=path, line=reader.line_num) from None
        start, line = line + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            raise InputError(f"expected {len(header)} fields, found {len(fields)}", path=path, line=start)
        values = dict(zip(header, fields, strict=True))
        schema = values.get("schema", "").strip()
        if schema and schema not in SCHEMAS:
            raise InputError(f"unknown schema {schema!r}", path=path, line=start, field="schema")
        rows.append(PartyRow(row=len(rows) + 1, line=start, values=values))


def _problem(query: Query) -> str | None:
    if not query.names:
        return "no name"
    if any(len(n) > MAX_NAME for n in query.names):
        return f"name longer than {MAX_NAME} characters"
    if all(analyze(n, query.kind).empty for n in query.names):
        return "name has no letters or digits"
    return None


def _screen_one(matcher: Matcher, item: PartyRow, threshold: float, limit: int) -> list[dict[str, object]]:
    query = Query.from_row(item.values)
    name = query.names[0] if query.names else ""
    base: dict[str, object] = {"row": item.row, "query_name": name[:MAX_NAME]}
    if (problem := _problem(query)) is not None:
        return [base | {"match": "", "explanation": f"not screened: {problem}"}]
    return [
        base
        | {
            "entity_id": m.entity_id,
            "list_ref": m.list_ref or "",
            "source": m.source or "",
            "caption": m.caption,
            "score": f"{m.score:.4f}",
            "match": "true" if m.match else "false",
            "explanation": m.explanation,
        }
        for m in matcher.match(query, threshold=threshold, limit=limit)
    ]


_WORKER: Matcher | None = None


def _work(args: tuple[list[PartyRow], float, int]) -> list[list[dict[str, object]]]:
    items, threshold, limit = args
    assert _WORKER is not None
    return [_screen_one(_WORKER, item, threshold, limit) for item in items]


def screen_parties(
    rows: Iterable[PartyRow],
    matcher: Matcher,
    *,
    threshold: float,
    limit: int = 5,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, object]]:
    """Output rows (OUTPUT_COLUMNS) for every input row, in input order."""
    items = list(rows)
    if workers <= 1 or len(items) < 200 or os.name != "posix":
        for item in items:
            yield from _screen_one(matcher, item, threshold, limit)
            if progress:
                progress(1)
        return
    global _WORKER
    _WORKER = matcher  # inherited by the forked workers: the index is built once
    size = max(50, len(items) // (workers * 8))
    chunks = [(items[i : i + size], threshold, limit) for i in range(0, len(items), size)]
    import multiprocessing

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for chunk, results in zip(chunks, pool.map(_work, chunks), strict=True):
            for result in results:
                yield from result
            if progress:
                progress(len(chunk[0]))
