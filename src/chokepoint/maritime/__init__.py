"""AIS for the Caspian route: read, clean, segment, and find gaps, port visits and encounters.

Readers (:func:`read_ais`) turn NMEA 0183 (``!AIVDM`` with tag blocks, ``$PGHP`` or trailing
timestamps), NOAA MarineCadastre / Danish aisdk / satellite / Suez CSVs, any CSV with a column
mapping, and Parquet into ONE table: a :class:`polars.DataFrame` with exactly the columns and
types of :data:`POSITION_SCHEMA` (sentinels as nulls, UTC timestamps, ``day`` partition key),
plus an :class:`IngestReport` of rows per file and bad lines (the first raises InputError
unless ``skip_bad``). NMEA messages with no time anywhere take ``default_time`` or are counted and
dropped; anonymised vessel ids become MMSIs by :func:`anonymous_mmsi`. :func:`write_positions`
stores a frame as Parquet partitioned by day (``day=YYYY-MM-DD/part-0.parquet``), atomically;
:func:`scan_positions` reads it back.

Events (:func:`detect_events`): one per-vessel kernel cleans (duplicates, speed spikes), segments
(teleports, shared MMSIs, long gaps) and finds gaps, port visits (GFW's state machine),
encounters, loitering and dark voyages between Iranian and Russian Caspian ports; the ``local``
engine runs it with Polars over all vessels, the ``spark`` engine per MMSI with PySpark.
:func:`simulate_scenario` sails a synthetic Caspian fleet with planted events and ground truth;
:func:`write_events` and :func:`render_vessel_map` write the tables and an offline HTML map.
"""

from chokepoint.maritime._csv import ANON_MMSI_BASE, anonymous_mmsi
from chokepoint.maritime._csv_formats import CSV_FORMATS, MAP_FIELDS
from chokepoint.maritime._events import ENGINES, Events, detect_events
from chokepoint.maritime._gaps import find_gaps
from chokepoint.maritime._ingest import read_ais
from chokepoint.maritime._kernel import EVENT_TABLES
from chokepoint.maritime._map import render_vessel_map
from chokepoint.maritime._output import write_events
from chokepoint.maritime._params import EventParams
from chokepoint.maritime._parquet import scan_positions, write_positions
from chokepoint.maritime._ports import DEFAULT_PORTS_PATH, load_ports
from chokepoint.maritime._report import MAX_REASONS, BadLine, IngestReport
from chokepoint.maritime._schema import POSITION_COLUMNS, POSITION_SCHEMA, STATIC_COLUMNS
from chokepoint.maritime._shore import Water, load_water
from chokepoint.maritime._simulate import Scenario, simulate_scenario
from chokepoint.maritime._tracks import prepare as prepare_positions
from chokepoint.maritime._tracks import segments as find_segments

__all__ = [
    "ANON_MMSI_BASE",
    "CSV_FORMATS",
    "DEFAULT_PORTS_PATH",
    "ENGINES",
    "EVENT_TABLES",
    "MAP_FIELDS",
    "MAX_REASONS",
    "POSITION_COLUMNS",
    "POSITION_SCHEMA",
    "STATIC_COLUMNS",
    "BadLine",
    "EventParams",
    "Events",
    "IngestReport",
    "Scenario",
    "Water",
    "anonymous_mmsi",
    "detect_events",
    "find_gaps",
    "find_segments",
    "load_ports",
    "load_water",
    "prepare_positions",
    "read_ais",
    "render_vessel_map",
    "scan_positions",
    "simulate_scenario",
    "write_events",
    "write_positions",
]
