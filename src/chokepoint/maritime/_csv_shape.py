"""Does every CSV line hold as many fields as the header? One Polars pass over the raw lines.

Polars reads only the columns it is asked for and so never notices a line with a field too many
(an unquoted comma in a ship name shifts every later column) or too few (a truncated last line).
This lazy query counts the commas of each quote-free, non-blank line after the header; lines with
a quote are left to the CSV parser. It answers yes/no only: the slow reader then names the lines.
"""

from __future__ import annotations

import polars as pl

__all__ = ["misshapen_lines"]


def misshapen_lines(source: str | bytes, fields: int) -> pl.LazyFrame:
    """One row, one column ``misshapen``: how many lines have other than ``fields`` fields."""
    line = pl.col("line").str.strip_suffix("\r")
    wrong = line.str.count_matches(",", literal=True) != fields - 1
    checked = ~line.str.contains('"', literal=True) & (line.str.len_bytes() > 0)
    lines = pl.scan_lines(source, row_index_name="__n").filter(pl.col("__n") > 0)  # not the header
    return lines.select(misshapen=(wrong & checked).sum())
