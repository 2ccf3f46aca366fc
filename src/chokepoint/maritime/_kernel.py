"""The per-vessel kernel: every event table from one vessel's (or many vessels') positions.

Each function takes Polars frames and returns one; the local engine calls them once on all
vessels, the Spark engine once per MMSI (or per time bin / vessel pair for encounters). Rows of
a vessel must be together and ordered by (track, timestamp) — ``prepare`` leaves them so.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._annotate import annotate
from chokepoint.maritime._dark import find_dark_voyages
from chokepoint.maritime._encounters import find_encounters
from chokepoint.maritime._gaps import find_gaps
from chokepoint.maritime._loiter import find_loitering
from chokepoint.maritime._params import EventParams
from chokepoint.maritime._tracks import prepare, segments
from chokepoint.maritime._visits import find_port_visits

__all__ = ["EVENT_TABLES", "VESSEL_TABLES", "annotated_positions", "run_local", "vessel_table"]

EVENT_TABLES = ("gaps", "port_visits", "encounters", "loitering", "dark_voyages", "segments")
"""What ``ais events`` writes; the first five are the contract of DESIGN.md."""
VESSEL_TABLES = ("gaps", "port_visits", "loitering", "dark_voyages", "segments")
"""Tables that one vessel's positions decide on their own (encounters need two)."""


def vessel_table(
    name: str, annotated: pl.DataFrame, ports: pl.DataFrame | None, params: EventParams
) -> pl.DataFrame:
    """One per-vessel event table from annotated positions."""
    if name == "gaps":
        return find_gaps(annotated, params)
    if name == "port_visits":
        return find_port_visits(annotated, params)
    if name == "loitering":
        return find_loitering(annotated, params)
    if name == "segments":
        return segments(annotated).collect()
    if name == "dark_voyages":
        return find_dark_voyages(
            find_gaps(annotated, params), find_port_visits(annotated, params), ports, params
        )
    raise ValueError(f"not a per-vessel table: {name}")


def annotated_positions(
    positions: pl.DataFrame | pl.LazyFrame, ports: pl.DataFrame | None, params: EventParams
) -> pl.DataFrame:
    """Clean, segment and annotate: the input of every event finder."""
    return annotate(prepare(positions, params), ports, params)


def run_local(
    positions: pl.DataFrame | pl.LazyFrame, ports: pl.DataFrame | None, params: EventParams
) -> dict[str, pl.DataFrame]:
    """Every event table, computed by Polars over all vessels at once."""
    annotated = annotated_positions(positions, ports, params)
    gaps = find_gaps(annotated, params)
    visits = find_port_visits(annotated, params)
    return {
        "gaps": gaps,
        "port_visits": visits,
        "encounters": find_encounters(annotated, params),
        "loitering": find_loitering(annotated, params),
        "dark_voyages": find_dark_voyages(gaps, visits, ports, params),
        "segments": segments(annotated).collect(),
    }
