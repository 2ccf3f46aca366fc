"""Loader for ``data/dma_codes.csv``: Danish aisdk text values → ITU-R M.1371 numbers.

The file is the project's own (see its header comment); a malformed line raises
:class:`~chokepoint.errors.InputError` naming the line, so a bad edit fails loudly at first use.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from chokepoint.errors import InputError

__all__ = ["DMA_CODES_PATH", "dma_codes"]

DMA_CODES_PATH = Path(__file__).with_name("data") / "dma_codes.csv"
_KINDS = ("nav_status", "ship_type", "cargo")


@cache
def dma_codes(path: Path = DMA_CODES_PATH) -> dict[str, dict[str, int]]:
    """``{"nav_status": {"Moored": 5, ...}, "ship_type": {...}, "cargo": {...}}``."""
    codes: dict[str, dict[str, int]] = {kind: {} for kind in _KINDS}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = ((n, line) for n, line in enumerate(handle, start=1) if not line.startswith("#"))
        numbered = list(lines)
    rows = csv.reader(line for _, line in numbered)
    header = next(rows, None)
    if header != ["kind", "text", "code"]:
        raise InputError("header must be kind,text,code", path=path, line=numbered[0][0] if numbered else 1)
    for (number, _), row in zip(numbered[1:], rows, strict=True):
        if len(row) != 3 or row[0] not in codes or not row[2].isdigit():
            raise InputError(
                f"want kind ({'|'.join(_KINDS)}),text,integer code; got {row}", path=path, line=number
            )
        codes[row[0]][row[1]] = int(row[2])
    return codes
