"""AIS CSV files → POSITION_SCHEMA, validated row by row in Polars expressions.

A row is bad when its MMSI is not an integer that fits AIS's 30 bits, its time is empty or does
not fit the format, a coordinate is not a number or outside ±90/±180 (91/181 are the "not
available" sentinels and become nulls), or another numeric column holds text. Bad rows raise
InputError at their line, or are counted and skipped with ``skip_bad``. Anonymised vessel ids
(``id``) become MMSIs through :func:`anonymous_mmsi`: a stable hash into 10¹⁰-2·10¹⁰, above
anything AIS can carry (2³⁰).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import polars as pl

from chokepoint.errors import InputError
from chokepoint.maritime._csv_formats import CsvFormat, detect, mapped_format
from chokepoint.maritime._csv_shape import misshapen_lines
from chokepoint.maritime._csv_text import Source, exact_lines, header_of, python_frame, sample_column, scan
from chokepoint.maritime._frame import finalize
from chokepoint.maritime._report import MAX_REASONS, IngestReport
from chokepoint.maritime._time import guess_time_format, parse_time

__all__ = ["ANON_MMSI_BASE", "MMSI_LIMIT", "anonymous_mmsi", "read_csv"]

MMSI_LIMIT = 2**30
"""AIS sends the MMSI in 30 bits: every MMSI read from a file is below this."""
ANON_MMSI_BASE = 10_000_000_000
"""Anonymised ids map into [ANON_MMSI_BASE, 2 * ANON_MMSI_BASE), far above MMSI_LIMIT."""

_NUMERIC = ("sog", "cog", "heading", "nav_status", "msg_type", "ship_type", "length", "width", "draught")
_RANGE = {"lat": 90, "lon": 180}


def anonymous_mmsi(vessel_id: str) -> int:
    """The stable stand-in MMSI of an anonymised vessel id (blake2b of the id text)."""
    digest = hashlib.blake2b(vessel_id.encode("utf-8"), digest_size=8).digest()
    return ANON_MMSI_BASE + int.from_bytes(digest, "big") % ANON_MMSI_BASE


def _says(column: str, problem: str) -> pl.Expr:
    return pl.concat_str([pl.lit(f"column {column}: '"), pl.col(column), pl.lit(f"' {problem}")])


def _checks(fmt: CsvFormat, time_format: str, timestamp: pl.Expr) -> list[tuple[pl.Expr, pl.Expr]]:
    """One (row is bad, why) pair of expressions per rule."""
    cols = fmt.columns
    key = cols.get("mmsi") or cols["id"]
    time = cols["timestamp"]
    checks = [
        (pl.col(key).is_null(), pl.lit(f"column {key} (vessel id) is empty")),
        (pl.col(time).is_null(), pl.lit(f"column {time} (time) is empty")),
        (timestamp.is_null(), _says(time, f"is not a time in format {time_format}")),
    ]
    if "mmsi" in cols:
        mmsi = pl.col(key).cast(pl.Float64, strict=False)
        ok = (mmsi == mmsi.floor()) & (mmsi >= 0) & (mmsi < MMSI_LIMIT)
        checks.insert(1, (~ok.fill_null(False), _says(key, "is not an MMSI (an integer below 2^30)")))
    numeric = [cols[f] for f in ("lat", "lon", *_NUMERIC) if f in cols and f not in fmt.derive()]
    for column in dict.fromkeys([*numeric, *fmt.numeric]):
        value = pl.col(column).cast(pl.Float64, strict=False)
        checks.append((pl.col(column).is_not_null() & value.is_null(), _says(column, "is not a number")))
    for field, limit in _RANGE.items():
        value = pl.col(cols[field]).cast(pl.Float64, strict=False)
        wrong = (value.abs() > limit) & (value != limit + 1)
        checks.append((wrong, _says(cols[field], f"is outside ±{limit} degrees")))
    return [(bad.fill_null(False), why) for bad, why in checks]


def _numeric_columns(fmt: CsvFormat) -> list[str]:
    fields = ("mmsi", "lat", "lon", *_NUMERIC)
    return [c for f, c in fmt.columns.items() if f in fields] + list(fmt.numeric)


def _fields(fmt: CsvFormat, timestamp: pl.Expr) -> dict[str, pl.Expr]:
    fields: dict[str, pl.Expr] = {}
    for field, column in fmt.columns.items():
        if field in ("lat", "lon", "imo", *_NUMERIC):
            fields[field] = pl.col(column).cast(pl.Float64, strict=False)
        elif field == "mmsi":
            fields[field] = pl.col(column).cast(pl.Float64, strict=False).cast(pl.Int64, strict=False)
        else:
            fields[field] = pl.col(column)
    fields.update(fmt.derive())
    fields["timestamp"] = timestamp
    return fields


def _time_format(fmt: CsvFormat, source: Source, header: list[str], path: str, given: str | None) -> str:
    found = fmt.time_format or given
    if found:
        return found
    column = fmt.columns["timestamp"]
    sample = sample_column(source, header, column)
    guess = guess_time_format(sample)
    if guess is None:
        first = sample.drop_nulls().head(1).to_list()
        raise InputError(
            f"cannot tell the time format of column {column} (first value {first[0] if first else None!r}); "
            "give it with --time-format (strftime, e.g. %Y-%m-%d %H:%M:%S, or unix)",
            path=path,
            line=2,
        )
    return guess


def _report_bad(
    bad: pl.DataFrame, source: Source, path: str, exact: bool, report: IngestReport, skip_bad: bool
) -> None:
    room = max(MAX_REASONS - len(report.bad_lines), 1 if not skip_bad else 0)
    named = bad.head(room)
    lines = named["__line"].to_list()
    fixed = dict(zip(lines, lines, strict=True)) if exact else exact_lines(source, lines)
    for line, reason in named.iter_rows():
        hint = "" if skip_bad else " (--skip-bad skips and reports such rows)"
        report.bad(path, fixed.get(line, line), reason + hint, skip_bad=skip_bad)
    report.bad_counts[path] = report.bad_counts.get(path, 0) + bad.height - named.height


def read_csv(
    source: Source,
    path: str,
    report: IngestReport,
    *,
    mapping: Mapping[str, str] | None = None,
    time_format: str | None = None,
    skip_bad: bool = False,
) -> pl.DataFrame:
    """Read one AIS CSV (``source``: its path, or its bytes when it was compressed) into positions."""
    header = header_of(source, path)
    fmt = mapped_format(path, header, mapping, time_format) if mapping else detect(path, header)
    report.note(path, f"format {fmt.name}")
    needed = fmt.needs()
    chosen = _time_format(fmt, source, header, path, time_format)
    time_text = pl.col(fmt.columns["timestamp"]).str.strip_chars()
    parsed = fmt.derive().get("timestamp", parse_time(time_text, chosen))
    timestamp = pl.col("__timestamp")  # parsed once, then checked and kept
    keep = fmt.keep() if fmt.keep else pl.lit(True)
    checks = _checks(fmt, chosen, timestamp)
    bad = keep & pl.any_horizontal(b for b, _ in checks)
    why = pl.coalesce(pl.when(b).then(w) for b, w in checks)  # built for the few bad rows only
    fields = _fields(fmt, timestamp)
    name = path.replace("\\", "/").rsplit("/", 1)[-1]

    def queries(lf: pl.LazyFrame) -> list[pl.LazyFrame]:
        rows = lf.with_columns(__timestamp=parsed).with_columns(__bad=bad, __keep=keep)
        good = rows.filter(~pl.col("__bad") & pl.col("__keep")).select(**fields, source=pl.lit(name))
        return [
            good if "id" in fmt.columns else finalize(good),
            rows.filter("__bad").select("__line", why.alias("__reason")),  # reasons for bad rows only
            rows.select(ignored=(~pl.col("__keep")).sum()),
        ]

    found, exact, cause = None, False, None
    numeric = _numeric_columns(fmt)
    for typed in (True, False):  # numbers typed as read; else all as text, so that checks name the cell
        try:
            *found, misshapen = pl.collect_all(
                [
                    *queries(scan(source, header, needed, numeric, typed=typed)),
                    misshapen_lines(source, len(header)),
                ]
            )
        except pl.exceptions.PolarsError as exc:
            found, cause = None, exc
            continue
        if misshapen.item():  # Polars skips what it need not parse: let the Python reader name the lines
            found, cause = None, ValueError("lines with more or fewer fields than the header")
        break
    if found is None:

        def bad_line(line: int, reason: str) -> None:
            report.bad(path, line, reason, skip_bad=skip_bad)

        lf = python_frame(source, path, header, needed, numeric, bad=bad_line, cause=cause or ValueError())
        found, exact = pl.collect_all(queries(lf)), True
    result, broken, ignored = found
    if broken.height:
        _report_bad(broken.sort("__line"), source, path, exact, report, skip_bad)
    if ignored.item():
        report.ignored[path] = report.ignored.get(path, 0) + ignored.item()
    if "id" in fmt.columns:
        ids = {i: anonymous_mmsi(i) for i in result["id"].unique().to_list()}
        result = finalize(result.with_columns(mmsi=pl.col("id").replace_strict(ids, return_dtype=pl.Int64)))
        result = result.collect()
        report.note(path, f"vessel ids of column {fmt.columns['id']} hashed to MMSIs >= {ANON_MMSI_BASE:,}")
    report.rows[path] = report.rows.get(path, 0) + result.height
    return result
