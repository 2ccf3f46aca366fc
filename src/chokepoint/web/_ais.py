"""A folder of AIS events for the vessel pages: the tables ``chokepoint ais events`` writes, and tracks.

Reads ``NAME.parquet`` (else ``NAME.csv``) for each of the maritime event tables and, when present,
the ``positions/`` dataset (Parquet by day, as ``chokepoint ais ingest`` and ``chokepoint demo``
write it). Tables are read again only when their files change. A missing table is an empty one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from chokepoint.errors import InputError, NotFound
from chokepoint.maritime import EVENT_TABLES, scan_positions

__all__ = ["AisFolder", "VesselEvents"]

#: How each table names the vessel (encounters name two).
_VESSEL_COLUMNS = {"encounters": ("mmsi_a", "mmsi_b")}
_COUNTED = ("dark_voyages", "gaps", "port_visits", "encounters", "loitering")


@dataclass(frozen=True)
class VesselEvents:
    mmsi: int
    track: pl.DataFrame
    """The vessel's fixes (``timestamp, lat, lon``), oldest first; empty without ``positions/``."""
    events: dict[str, pl.DataFrame]
    """Each event table's rows for this vessel, in time order."""

    def counts(self) -> dict[str, int]:
        return {name: self.events[name].height for name in _COUNTED}


def _mtime(path: Path) -> float:
    return path.stat().st_mtime if path.exists() else 0.0


class AisFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, pl.DataFrame]] = {}

    def _source(self, name: str) -> Path | None:
        for suffix in ("parquet", "csv"):
            path = self.folder / f"{name}.{suffix}"
            if path.is_file():
                return path
        return None

    def table(self, name: str) -> pl.DataFrame:
        """One event table (empty when the folder lacks it)."""
        path = self._source(name)
        if path is None:
            return pl.DataFrame()
        stamp = _mtime(path)
        with self._lock:
            cached = self._cache.get(name)
            if cached is not None and cached[0] == stamp:
                return cached[1]
        try:
            df = (
                pl.read_parquet(path)
                if path.suffix == ".parquet"
                else pl.read_csv(path, try_parse_dates=True)
            )
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise InputError(f"cannot read this AIS event table: {exc}", path=path) from None
        with self._lock:
            self._cache[name] = (stamp, df)
        return df

    def _mine(self, name: str, mmsi: int) -> pl.DataFrame:
        df = self.table(name)
        columns = _VESSEL_COLUMNS.get(name, ("mmsi",))
        if df.height == 0 or not all(c in df.columns for c in columns):
            return df.clear() if df.width else df
        mine = df.filter(pl.any_horizontal(pl.col(c) == mmsi for c in columns))
        when = next((c for c in ("start", "dark_start") if c in mine.columns), None)
        return mine.sort(when) if when else mine

    def vessels(self) -> list[dict[str, int]]:
        """Every vessel the tables name, with its count of each event; dark runners first."""
        counts: dict[int, dict[str, int]] = {}
        for name in (*_COUNTED, "segments"):
            df = self.table(name)
            for column in _VESSEL_COLUMNS.get(name, ("mmsi",)):
                if column not in df.columns:
                    continue
                for mmsi, n in df.group_by(column).len().iter_rows():
                    row = counts.setdefault(int(mmsi), dict.fromkeys(_COUNTED, 0))
                    if name != "segments":
                        row[name] += n
        rows = [{"mmsi": m} | c for m, c in counts.items()]
        return sorted(rows, key=lambda r: (-r["dark_voyages"], -r["gaps"], r["mmsi"]))

    def vessel(self, mmsi: int) -> VesselEvents:
        """One vessel's track and events; NotFound when no table names it."""
        events = {name: self._mine(name, mmsi) for name in EVENT_TABLES}
        track = self._track(mmsi)
        if track.height == 0 and not any(df.height for df in events.values()):
            raise NotFound(f"no vessel with MMSI {mmsi} in the AIS folder {self.folder}", field="mmsi")
        for name in EVENT_TABLES:
            if events[name].width == 0:
                events[name] = pl.DataFrame()
        return VesselEvents(mmsi, track, events)

    def _track(self, mmsi: int) -> pl.DataFrame:
        folder = self.folder / "positions"
        if not folder.is_dir():
            return pl.DataFrame(
                schema={"timestamp": pl.Datetime("us", "UTC"), "lat": pl.Float64, "lon": pl.Float64}
            )
        fixes = scan_positions(folder).filter(pl.col("mmsi") == mmsi).select("timestamp", "lat", "lon")
        return fixes.drop_nulls().sort("timestamp").collect()
