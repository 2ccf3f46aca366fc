"""The last step of every reader: raw decoded values → a frame in exactly POSITION_SCHEMA.

Readers hand over columns named after the schema fields holding the numbers as sent (sentinels
included); here sentinels and impossible values become nulls (lat 91, lon 181, sog 102.3, cog 360,
heading 511, type-27 speed 63, dimensions 0, IMO without a valid check digit), text is trimmed of
AIS padding (``@``, spaces; empty → null), and ``day`` is derived from the UTC timestamp.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._schema import POSITION_SCHEMA

__all__ = ["NULL_TOKENS", "POLARS_SCHEMA", "empty_positions", "finalize", "valid_imo"]

NULL_TOKENS = ["", "None", "none", "NULL", "null", "NaN", "nan", "NA", "N/A", "n/a", "Unknown", "-"]
"""Cell values that mean "no value" in the numeric and time columns of published AIS CSVs."""

POLARS_SCHEMA: pl.Schema = pl.from_arrow(POSITION_SCHEMA.empty_table()).schema  # type: ignore[union-attr]
"""POSITION_SCHEMA as Polars types (Int64 mmsi, Datetime(us, UTC) timestamp, ..., Date day)."""

_TEXT = ("name", "callsign", "destination")


def _num(name: str, have: list[str]) -> pl.Expr:
    return pl.col(name).cast(pl.Float64, strict=False) if name in have else pl.lit(None, pl.Float64)


def _keep(value: pl.Expr, ok: pl.Expr) -> pl.Expr:
    return pl.when(ok).then(value).otherwise(None)


def valid_imo(imo: pl.Expr) -> pl.Expr:
    """True where ``imo`` is a 7-digit IMO number whose last digit is its check digit."""
    digit = [(imo // 10 ** (6 - k)) % 10 for k in range(7)]
    check = sum(d * (7 - k) for k, d in enumerate(digit[:6])) % 10
    return imo.is_between(1_000_000, 9_999_999) & (check == digit[6])


def _text(name: str, have: list[str]) -> pl.Expr:
    if name not in have:
        return pl.lit(None, pl.String)
    text = pl.col(name).cast(pl.String).str.strip_chars(" @")  # AIS pads text with @ and spaces
    return pl.when(text.str.len_bytes() > 0).then(text)


def finalize(frame: pl.LazyFrame | pl.DataFrame) -> pl.LazyFrame:
    """Sentinels → nulls, types and column order of POSITION_SCHEMA, ``day`` from ``timestamp``."""
    lf = frame.lazy()
    have = lf.collect_schema().names()
    lat, lon = _num("lat", have), _num("lon", have)
    located = lat.is_between(-90, 90) & lon.is_between(-180, 180)
    msg_type = pl.col("msg_type").cast(pl.Int64, strict=False) if "msg_type" in have else pl.lit(None)
    sog, cog, heading = _num("sog", have), _num("cog", have), _num("heading", have)
    sog_ok = sog.is_between(0, 102.2) & ~((msg_type == 27) & (sog == 63)).fill_null(False)
    imo = pl.col("imo").cast(pl.Int64, strict=False) if "imo" in have else pl.lit(None, pl.Int64)
    nav = _num("nav_status", have)
    ship_type = _num("ship_type", have)
    exprs = {
        "mmsi": pl.col("mmsi"),
        "timestamp": pl.col("timestamp"),
        "lat": _keep(lat, located),
        "lon": _keep(lon, located),
        "sog": _keep(sog, sog_ok),
        "cog": _keep(cog, (cog >= 0) & (cog < 360)),
        "heading": _keep(heading, heading.is_between(0, 359)),
        "nav_status": _keep(nav, nav.is_between(0, 15)),
        "msg_type": _keep(msg_type, msg_type.is_between(1, 27)),
        "imo": _keep(imo, valid_imo(imo)),
        "ship_type": _keep(ship_type, ship_type.is_between(1, 255)),
    }
    for name in ("length", "width", "draught"):
        value = _num(name, have)
        exprs[name] = _keep(value, value > 0)
    for name in _TEXT:
        exprs[name] = _text(name, have)
    exprs["source"] = pl.col("source") if "source" in have else pl.lit(None, pl.String)
    columns = [exprs[name].cast(dtype).alias(name) for name, dtype in POLARS_SCHEMA.items() if name != "day"]
    return lf.select(columns).with_columns(day=pl.col("timestamp").dt.date())


def empty_positions() -> pl.DataFrame:
    return pl.DataFrame(schema=POLARS_SCHEMA)
