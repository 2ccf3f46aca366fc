"""The one table every AIS reader produces and every event kernel reads.

Positions and static reports share one Arrow schema: a row is one decoded message (or
one CSV row). Position columns are null on static-only rows and vice versa. Sentinels
(lat 91, lon 181, sog 102.3, cog 360, heading 511) are nulls here, never numbers.
Parquet output is partitioned by ``day`` (UTC date of ``timestamp``).
"""

from __future__ import annotations

import pyarrow as pa

__all__ = ["POSITION_COLUMNS", "POSITION_SCHEMA", "STATIC_COLUMNS"]

POSITION_SCHEMA = pa.schema(
    [
        pa.field("mmsi", pa.int64(), nullable=False),
        pa.field("timestamp", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
        pa.field("sog", pa.float32()),  # knots
        pa.field("cog", pa.float32()),  # degrees
        pa.field("heading", pa.float32()),  # degrees
        pa.field("nav_status", pa.int8()),  # ITU-R M.1371 navigational status 0-15
        pa.field("msg_type", pa.int8()),  # AIS message type when known (1-27)
        pa.field("source", pa.string()),  # file name, or receiving station from a tag block
        # static and voyage fields (types 5, 24, and CSV columns carrying them)
        pa.field("imo", pa.int64()),
        pa.field("name", pa.string()),
        pa.field("callsign", pa.string()),
        pa.field("ship_type", pa.int16()),
        pa.field("length", pa.float32()),  # metres
        pa.field("width", pa.float32()),  # metres
        pa.field("draught", pa.float32()),  # metres
        pa.field("destination", pa.string()),
        pa.field("day", pa.date32(), nullable=False),  # partition key: UTC date of timestamp
    ]
)

POSITION_COLUMNS = ("mmsi", "timestamp", "lat", "lon", "sog", "cog", "heading", "nav_status")
STATIC_COLUMNS = ("imo", "name", "callsign", "ship_type", "length", "width", "draught", "destination")
