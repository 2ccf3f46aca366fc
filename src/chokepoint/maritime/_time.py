"""Text timestamps → UTC: a strftime format (or ``unix``) and a guess when none is given.

Times without a zone are taken as UTC (every published AIS CSV we know writes UTC). ``unix`` means
seconds since 1970, or milliseconds when the numbers are that large. The guess tries the formats
below in order and takes the first that reads every value of a sample: day-first before
month-first, so pass ``time_format`` for US-style ``mm/dd/yyyy`` files whose days never pass 12;
whole seconds before fractions (Polars parses fixed formats several times faster).
"""

from __future__ import annotations

import polars as pl

__all__ = ["TIME_FORMATS", "guess_time_format", "parse_time"]

TIME_FORMATS = (
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%d %H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%Y%m%d_%H%M%S",
    "%Y%m%d%H%M%S",
    "unix",
)
"""Formats tried, in order, when a CSV's time format is not known."""

_SAMPLE = 1000


def parse_time(text: pl.Expr, time_format: str) -> pl.Expr:
    """``text`` (strings) → ``Datetime("us", "UTC")``; null where a value does not fit the format."""
    if time_format == "unix":
        seconds = text.cast(pl.Float64, strict=False)
        seconds = pl.when(seconds.abs() > 1e11).then(seconds / 1000).otherwise(seconds)
        return (seconds * 1_000_000).round().cast(pl.Int64).cast(pl.Datetime("us", "UTC"))
    parsed = text.str.to_datetime(time_format, strict=False, time_unit="us", cache=False)
    if "%z" in time_format or "%#z" in time_format or "%:z" in time_format:
        return parsed.dt.convert_time_zone("UTC")
    return parsed.dt.replace_time_zone("UTC")


def guess_time_format(values: pl.Series) -> str | None:
    """The first of :data:`TIME_FORMATS` that reads every non-empty value of a sample, or None."""
    sample = values.drop_nulls().str.strip_chars()
    sample = sample.filter(sample.str.len_bytes() > 0).head(_SAMPLE)
    if sample.is_empty():
        return None
    for time_format in TIME_FORMATS:
        if time_format == "unix" and not sample.str.contains(r"^\d{9,13}(\.\d+)?$").all():
            continue
        parsed = sample.to_frame("t").select(parse_time(pl.col("t"), time_format)).to_series()
        if parsed.null_count() == 0:
            return time_format
    return None
