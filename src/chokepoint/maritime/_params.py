"""Every threshold of the event kernels, named once with its source (mostly Global Fishing Watch).

GFW's published definitions: AIS gaps of 12 h or more (shorter ones from 2 h also reported);
port visits from entry within 3 km of an anchorage point, exit beyond 4 km, stopped below 0.2 kn,
moving above 0.5 kn, in-port gaps of 4 h; encounters within 500 m for 2 h at median speed below
2 kn at least 10 km from port; loitering below 2 kn (here for 4 h, away from ports).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EventParams"]


@dataclass(frozen=True, slots=True)
class EventParams:
    """Thresholds shared by the local (Polars) and Spark engines."""

    max_knots: float = 50.0
    """A step faster than this (beyond ``noise_km``) is impossible: a spike or a teleport."""
    noise_km: float = 0.5
    """Position noise allowed on top of ``max_knots`` (GPS jitter over a few seconds)."""
    link_back: int = 4
    """After a teleport, how many earlier pieces to try when joining a track (MMSI sharing)."""
    segment_gap_hours: float = 12.0
    """A track is cut into segments where consecutive fixes are at least this far apart."""
    gap_hours: float = 12.0
    """A gap of at least this many hours is a long (GFW) gap: ``long`` is true."""
    short_gap_hours: float = 2.0
    """Gaps from this many hours up are reported."""
    before_hours: float = 12.0
    """Window before a gap in which positions are counted (reception quality)."""
    port_entry_km: float = 3.0
    """Entry distance for ports whose list gives no ``radius_km``."""
    port_exit_extra_km: float = 1.0
    """Exit distance = entry distance + this (GFW: 3 km in, 4 km out)."""
    stop_knots: float = 0.2
    """In port and at or below this speed: stopped."""
    move_knots: float = 0.5
    """Stopped until the speed reaches this again."""
    port_gap_hours: float = 4.0
    """A gap of at least this long while in port is a port gap event."""
    visit_split_km: float = 20.0
    """A segment break (``segment_gap_hours``) across more than this ends a visit without an exit."""
    away_from_port_km: float = 10.0
    """Encounters and loitering only count this far from every port point."""
    encounter_km: float = 0.5
    encounter_hours: float = 2.0
    encounter_knots: float = 2.0
    """Median speed of each vessel during the encounter must be below this."""
    bin_minutes: int = 10
    """Encounters compare positions interpolated onto this time grid."""
    interpolate_hours: float = 1.0
    """Positions are interpolated onto the grid only across steps shorter than this."""
    loiter_knots: float = 2.0
    loiter_hours: float = 4.0
    loiter_max_step_hours: float = 2.0
    """A loitering run ends at a step longer than this (the vessel went quiet)."""
    dark_hours: float = 12.0
    """A dark voyage needs a gap at least this long."""
    dark_near_km: float = 50.0
    """The fix before (after) the gap within this of the origin (destination) port counts as there."""
    dark_window_hours: float = 48.0
    """Or: the port visit before (after) the gap ended (started) at most this long before (after) it."""
    origin_countries: tuple[str, ...] = ("IR",)
    destination_countries: tuple[str, ...] = ("RU",)
    """Dark voyages go origin → destination or destination → origin."""
