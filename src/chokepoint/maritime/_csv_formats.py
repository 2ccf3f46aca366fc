"""The AIS CSV layouts we recognise by their header, and ``--map`` layouts for any other CSV.

A :class:`CsvFormat` names which column holds which POSITION_SCHEMA field (``columns``), how its
times are written, which fields are computed from several columns (``derive``, expressions over
the trimmed text columns) and which rows are not vessel reports (``keep``). ``detect`` tries
:data:`CSV_FORMATS` in order; the first whose ``signature`` columns are all in the header wins.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import polars as pl

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.maritime._codes import dma_codes
from chokepoint.maritime._time import parse_time

__all__ = ["CSV_FORMATS", "MAP_FIELDS", "CsvFormat", "detect", "mapped_format"]

MAP_FIELDS = ("id", "mmsi", "timestamp", "lat", "lon", "sog", "cog", "heading", "nav_status", "msg_type")
MAP_FIELDS += ("imo", "name", "callsign", "ship_type", "length", "width", "draught", "destination")
"""Fields ``--map`` accepts: POSITION_SCHEMA's, plus ``id`` for anonymised vessel ids (hashed)."""


@dataclass(frozen=True)
class CsvFormat:
    name: str
    columns: Mapping[str, str]
    """Schema field (or ``id``) → CSV column holding it as is."""
    time_format: str | None = None
    """strftime format of the timestamp column (``unix`` for epoch numbers); None = guess."""
    signature: tuple[str, ...] = ()
    """Columns that identify the layout (default: every column in ``columns``)."""
    numeric: tuple[str, ...] = ()
    """Further columns that must hold numbers (inputs of ``derive``)."""
    uses: tuple[str, ...] = ()
    """Further text columns read by ``derive`` or ``keep``."""
    derive: Callable[[], dict[str, pl.Expr]] = field(default=dict)
    """Fields computed from several columns; expressions over the trimmed text columns."""
    keep: Callable[[], pl.Expr] | None = None
    """Rows that are vessel reports; the others are counted as ignored."""

    def needs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.columns.values(), *self.signature, *self.numeric, *self.uses)))

    def matches(self, header: Sequence[str]) -> bool:
        return set(self.signature or self.columns.values()) <= set(header)


def _number(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Float64, strict=False)


def _marinecadastre() -> dict[str, pl.Expr]:
    # 2020 files wrote COG as a signed 12-bit number: -60.6 is 349.0 and -49.6 the "360" sentinel.
    cog = _number("COG")
    return {
        "cog": pl.when(cog < 0).then((cog + 409.6).round(1)).otherwise(cog),
        "imo": pl.col("IMO").str.strip_prefix("IMO").cast(pl.Int64, strict=False),
    }


def _dma() -> dict[str, pl.Expr]:
    codes = dma_codes()
    ship = pl.col("Ship type").replace_strict(codes["ship_type"], default=None, return_dtype=pl.Int64)
    cargo = pl.col("Cargo type").replace_strict(codes["cargo"], default=0, return_dtype=pl.Int64)
    hazard_types = ship.is_in([20, 40, 60, 70, 80])
    return {
        "nav_status": pl.col("Navigational status").replace_strict(
            codes["nav_status"], default=None, return_dtype=pl.Int64
        ),
        "ship_type": pl.when(hazard_types).then(ship + cargo).otherwise(ship),
        "imo": pl.col("IMO").cast(pl.Int64, strict=False),
    }


def _satellite() -> dict[str, pl.Expr]:
    millis = _number("Millisecond").fill_null(0).cast(pl.Int64)
    time = parse_time(pl.col("Time").str.strip_chars(), "%Y%m%d_%H%M%S") + pl.duration(milliseconds=millis)
    bow, stern = _number("Dimension_to_Bow"), _number("Dimension_to_stern")
    port, starboard = _number("Dimension_to_port"), _number("Dimension_to_starboard")
    return {
        "timestamp": time,
        "length": bow + stern,
        "width": port + starboard,
        "draught": _number("Draught") / 10,  # decimetres, as in AIS message 5
        "imo": pl.col("IMO").cast(pl.Int64, strict=False),
    }


_STORED_TYPES = [1.0, 2.0, 3.0, 5.0, 18.0, 19.0, 24.0, 27.0]
_SATELLITE_COLUMNS = {"mmsi": "MMSI", "msg_type": "Message_ID", "timestamp": "Time", "lat": "Latitude"}
_SATELLITE_COLUMNS |= {"lon": "Longitude", "sog": "SOG", "cog": "COG", "heading": "Heading"}
_SATELLITE_COLUMNS |= {"nav_status": "Navigational_status", "name": "Vessel_Name", "callsign": "Call_sign"}
_SATELLITE_COLUMNS |= {"ship_type": "Ship_Type", "destination": "Destination"}
_SATELLITE_NUMERIC = ("Millisecond", "Draught", "Dimension_to_Bow", "Dimension_to_stern")
_SATELLITE_NUMERIC += ("Dimension_to_port", "Dimension_to_starboard")
_NOAA_COLUMNS = {"mmsi": "MMSI", "timestamp": "BaseDateTime", "lat": "LAT", "lon": "LON", "sog": "SOG"}
_NOAA_COLUMNS |= {"cog": "COG", "heading": "Heading", "name": "VesselName", "callsign": "CallSign"}
_NOAA_COLUMNS |= {"ship_type": "VesselType", "nav_status": "Status", "length": "Length", "width": "Width"}
_NOAA_COLUMNS |= {"draught": "Draft"}
_DMA_COLUMNS = {"mmsi": "MMSI", "timestamp": "# Timestamp", "lat": "Latitude", "lon": "Longitude"}
_DMA_COLUMNS |= {"sog": "SOG", "cog": "COG", "heading": "Heading", "name": "Name", "callsign": "Callsign"}
_DMA_COLUMNS |= {"length": "Length", "width": "Width", "draught": "Draught", "destination": "Destination"}

CSV_FORMATS: tuple[CsvFormat, ...] = (
    CsvFormat(
        "dma-aisdk",
        _DMA_COLUMNS,
        "%d/%m/%Y %H:%M:%S",
        signature=("# Timestamp", "Type of mobile", "MMSI", "Latitude", "Longitude", "Navigational status"),
        uses=("Ship type", "Cargo type", "IMO"),
        derive=_dma,
        keep=lambda: ~pl.col("Type of mobile").is_in(["Base Station", "AtoN"]).fill_null(False),
    ),
    CsvFormat(
        "noaa-marinecadastre",
        _NOAA_COLUMNS,
        "%Y-%m-%dT%H:%M:%S",
        signature=("MMSI", "BaseDateTime", "LAT", "LON", "SOG", "COG", "Heading", "IMO"),
        uses=("IMO",),
        derive=_marinecadastre,
    ),
    CsvFormat(
        "noaa-track",  # tracktable conversions: MMSI,BaseDateTime,LAT,LON[,TrajectoryID]
        {"mmsi": "MMSI", "timestamp": "BaseDateTime", "lat": "LAT", "lon": "LON"},
        "%Y-%m-%dT%H:%M:%S",
    ),
    CsvFormat(
        "satellite-decoded",
        _SATELLITE_COLUMNS,
        "%Y%m%d_%H%M%S",
        signature=("MMSI", "Message_ID", "Time", "Millisecond", "Latitude", "Longitude"),
        numeric=_SATELLITE_NUMERIC,
        uses=("IMO",),
        derive=_satellite,
        keep=lambda: _number("Message_ID").is_in(_STORED_TYPES).fill_null(False),
    ),
    CsvFormat(
        "suez-boat-positions",  # movingpandas-examples boat-positions.csv: anonymised integer ids
        {"id": "ID", "timestamp": "ais_pos_timestamp", "lat": "latitude", "lon": "longitude"},
        "%d/%m/%Y %H:%M",
    ),
)


def _positions_format(header: Sequence[str]) -> CsvFormat | None:
    """A CSV that already uses our column names (``mmsi,timestamp,lat,lon,...``)."""
    if not {"mmsi", "timestamp", "lat", "lon"} <= set(header):
        return None
    return CsvFormat("positions", {f: f for f in MAP_FIELDS if f in header and f != "id"})


def detect(path: str, header: Sequence[str]) -> CsvFormat:
    """The layout of a CSV from its header, or :class:`CSVColumnError` at line 1."""
    found = next((fmt for fmt in CSV_FORMATS if fmt.matches(header)), None) or _positions_format(header)
    if found is None:
        raise CSVColumnError(
            f"unknown AIS CSV header (columns: {', '.join(header)}); name the columns with "
            "--map mmsi=COLUMN,timestamp=COLUMN,lat=COLUMN,lon=COLUMN (id=COLUMN for anonymised "
            "vessel ids) and, if needed, --time-format FORMAT",
            path=path,
            line=1,
        )
    return found


def mapped_format(
    path: str, header: Sequence[str], mapping: Mapping[str, str], time_format: str | None
) -> CsvFormat:
    """A layout from ``--map`` (field=column pairs), checked against the header."""
    unknown = sorted(set(mapping) - set(MAP_FIELDS))
    if unknown:
        raise InputError(
            f"--map: unknown field(s) {', '.join(unknown)}; fields are {', '.join(MAP_FIELDS)}", field="map"
        )
    missing = [f for f in ("timestamp", "lat", "lon") if f not in mapping]
    if missing or ("mmsi" in mapping) == ("id" in mapping):
        raise InputError("--map needs timestamp, lat, lon and one of mmsi or id", field="map")
    absent = [c for c in mapping.values() if c not in header]
    if absent:
        raise CSVColumnError(
            f"--map names column(s) {', '.join(absent)} not in the header (columns: {', '.join(header)})",
            path=path,
            line=1,
        )
    return CsvFormat("mapped", dict(mapping), time_format)
