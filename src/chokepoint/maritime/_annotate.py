"""Per-fix facts the event finders share: speed, nearest port and its entry/exit distances.

Reads prepared positions (``_tracks.prepare``) and a port list (``_ports.load_ports``).
``speed_kn`` is the reported SOG, or else the implied speed of the step into the fix (the step out
of it for a track's first fix). ``port_km`` is null when no port is within reach of the fix.
"""

from __future__ import annotations

import polars as pl

from chokepoint.maritime._geo import KM_PER_NM
from chokepoint.maritime._params import EventParams
from chokepoint.maritime._ports import nearest_port, port_bounds

__all__ = ["annotate", "reach_km"]


def reach_km(ports: pl.DataFrame | None, params: EventParams) -> float:
    """How far from a port a fix must be looked at: the widest exit distance or the port exclusion."""
    if ports is None or not ports.height:
        return params.away_from_port_km
    widest = port_bounds(ports, params)["exit_km"].max()
    return max(float(widest), params.away_from_port_km)  # type: ignore[arg-type]


def annotate(prepared: pl.DataFrame, ports: pl.DataFrame | None, params: EventParams) -> pl.DataFrame:
    """Add ``new_track``, ``speed_kn``, ``port_id``, ``port_km``, ``entry_km``, ``exit_km``."""
    new_track = (
        (pl.col("mmsi") != pl.col("mmsi").shift(1)) | (pl.col("track") != pl.col("track").shift(1))
    ).fill_null(True)
    implied = pl.when(pl.col("step_s") > 0).then(pl.col("step_km") / KM_PER_NM / (pl.col("step_s") / 3600))
    lf = prepared.lazy().with_columns(new_track=new_track, _implied=implied)
    nxt = pl.when(~pl.col("new_track").shift(-1).fill_null(True)).then(pl.col("_implied").shift(-1))
    lf = lf.with_columns(
        speed_kn=pl.coalesce(
            pl.col("sog"), pl.when(pl.col("new_track")).then(nxt).otherwise(pl.col("_implied"))
        )
    ).drop("_implied")
    if ports is None or not ports.height:
        return lf.with_columns(
            port_id=pl.lit(None, pl.Int32),
            port_km=pl.lit(None, pl.Float64),
            entry_km=pl.lit(None, pl.Float64),
            exit_km=pl.lit(None, pl.Float64),
        ).collect()
    bounds = port_bounds(ports, params).select("port_id", "entry_km", "exit_km")
    near = nearest_port(lf, ports, reach_km(ports, params))
    return near.join(bounds.lazy(), on="port_id", how="left", maintain_order="left").collect()
