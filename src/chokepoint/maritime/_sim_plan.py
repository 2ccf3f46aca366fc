"""The simulated fleet's plans: who sails where, when AIS goes off, who meets whom, who loiters.

Roles: dark runners shuttle Amirabad ↔ a Russian port (Makhachkala, Astrakhan, Olya), most runs
with AIS off between ~15-35 km out of port and ~15-35 km before arrival; two pairs meet mid-sea and
drift 2.5-3.5 h within 300 m; two vessels drift alone 5-9 h; one decoy goes dark between two
ports that are neither Iranian nor Russian; the rest trade with AIS on. Nothing new starts in the
last 4 days, so no planted event is cut off by the end of the scenario.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from chokepoint.maritime._geo import haversine_km_np
from chokepoint.maritime._routes import Lanes
from chokepoint.maritime._sim_tracks import Samples, berth, drift, polyline_km, under_way

__all__ = ["Sailor", "World", "plan_fleet"]

_EVERY = (np.array([2.0, 10.0, 30.0, 60.0, 180.0]), np.array([0.03, 0.17, 0.3, 0.3, 0.2]))
_RUSSIAN = ("Makhachkala", "Astrakhan", "Olya")
_FLAGS = (422, 273, 436, 423, 434)  # MID of Iran, Russia, Kazakhstan, Azerbaijan, Turkmenistan
Truth = tuple[str, int, int | None, float, float, str | None, str | None]


class World:
    """Ports (berth points) and lanes; routes are polylines between positions."""

    def __init__(self, lanes: Lanes, ports: pl.DataFrame) -> None:
        self.lanes = lanes
        self.berths = {
            r["port"]: (r["port_lat"], r["port_lon"], r["radius_km"] or 3.0)
            for r in ports.iter_rows(named=True)
        }

    def node(self, place: str | tuple[float, float]) -> str:
        if isinstance(place, str):
            return place if place in self.lanes.nodes else self.lanes.nearest(*self.berths[place][:2])
        return self.lanes.nearest(*place)

    def route(
        self, here: tuple[float, float], a: str | tuple[float, float], b: str, end: tuple[float, float]
    ) -> tuple[np.ndarray, np.ndarray]:
        points = [here] + [self.lanes.nodes[n] for n in self.lanes.path(self.node(a), self.node(b))] + [end]
        arr = np.array(points, dtype=float)
        return arr[:, 0], arr[:, 1]

    def open_sea(self, rng: np.random.Generator, count: int) -> list[str]:
        """Lane nodes at least 60 km from every port and 80 km from each other."""
        names = [n for n in self.lanes.nodes if n.startswith("n")]
        rng.shuffle(names)
        chosen: list[str] = []
        for name in names:
            lat, lon = self.lanes.nodes[name]
            far = all(
                haversine_km_np(np.array(lat), np.array(lon), np.array(b[0]), np.array(b[1])) > 60
                for b in self.berths.values()
            )
            apart = all(self.lanes.km(name, other) > 80 for other in chosen)
            if far and apart:
                chosen.append(name)
            if len(chosen) == count:
                break
        return chosen


class Sailor:
    """One vessel's timeline, built leg by leg."""

    def __init__(self, world: World, mmsi: int, port: str, rng: np.random.Generator) -> None:
        self.world, self.mmsi, self.rng = world, mmsi, rng
        self.place: str | tuple[float, float] = port
        self.pos, self.t = self.berth_point(port), 0.0
        self.legs: list[Samples] = []

    def berth_point(self, port: str) -> tuple[float, float]:
        lat, lon, radius = self.world.berths[port]
        off = self.rng.uniform(-0.2, 0.2, 2) * radius / 111.0
        return (lat + off[0], lon + off[1])

    def stay(self, until: float) -> None:
        """At the berth where the last voyage ended (a port's point ± 20 % of its radius)."""
        self.legs.append(berth(self.rng, self.t, max(until, self.t + 60), *self.pos))
        self.t = max(until, self.t + 60)

    def sail(
        self, lat: np.ndarray, lon: np.ndarray, knots: float, dark: tuple[float, float] | None = None
    ) -> tuple[float, float]:
        every = float(self.rng.choice(_EVERY[0], p=_EVERY[1]))
        samples, arrival = under_way(self.rng, self.t, lat, lon, knots, every)
        off = on = 0.0
        if dark is not None:
            speed = knots * 1.852 / 3600.0
            off, on = self.t + dark[0] / speed, self.t + (polyline_km(lat, lon)[-1] - dark[1]) / speed
            keep = (samples["t"] < off) | (samples["t"] > on)
            samples = {k: v[keep] for k, v in samples.items()}
        self.legs.append(samples)
        self.t, self.pos = arrival, (float(lat[-1]), float(lon[-1]))
        return off, on

    def voyage(self, to: str, dark: bool = False) -> tuple[float, float]:
        lat, lon = self.world.route(self.pos, self.place, to, self.berth_point(to))
        window = (float(self.rng.uniform(15, 35)), float(self.rng.uniform(15, 35))) if dark else None
        times = self.sail(lat, lon, float(self.rng.uniform(8.0, 14.0)), window)
        self.place = to
        return times

    def meet(self, at: tuple[float, float], arrive: float, hours: float, knots: float, course: float) -> None:
        """Sail to ``at`` arriving at ``arrive`` (waiting at the berth first), then drift."""
        lat, lon = self.world.route(self.pos, self.place, self.world.node(at), at)
        speed = float(self.rng.uniform(9.0, 13.0))
        self.stay(arrive - polyline_km(lat, lon)[-1] / (speed * 1.852 / 3600.0))
        self.sail(lat, lon, speed)
        self.t = arrive
        self.legs.append(drift(self.rng, arrive, arrive + hours * 3600, *at, knots, course, 60.0))
        self.t = arrive + hours * 3600
        self.pos = (float(self.legs[-1]["lat"][-1]), float(self.legs[-1]["lon"][-1]))
        self.place = self.pos

    def trade(
        self, until: float, choices: list[str], dark_to: tuple[str, ...] = (), p_dark: float = 0.0
    ) -> list[Truth]:
        """Berth and sail between ``choices`` until ``until``; runs to ``dark_to`` go dark with ``p_dark``."""
        truth: list[Truth] = []
        if not isinstance(self.place, str):
            self.place_nearest(choices)
        while self.t < until:
            self.stay(self.t + float(self.rng.uniform(6, 30)) * 3600)
            if self.t >= until:
                break
            to = str(self.rng.choice([c for c in choices if c != self.place]))
            dark = (to in dark_to or self.place in dark_to) and self.rng.random() < p_dark
            origin = str(self.place)
            off, on = self.voyage(to, dark)
            if dark:
                truth.append(("dark_voyage", self.mmsi, None, off, on, origin, to))
        return truth

    def place_nearest(self, choices: list[str]) -> None:
        to = min(choices, key=lambda p: self.world.lanes.km(self.world.node(self.pos), self.world.node(p)))
        self.voyage(to)


def plan_fleet(
    world: World, rng: np.random.Generator, count: int, end: float
) -> tuple[list[Sailor], list[Truth]]:
    """Every vessel's timeline and the planted events."""
    ports = list(world.berths)
    stop = end - 4 * 86400
    mmsis = rng.choice(np.arange(100_000, 999_999), size=count, replace=False)
    flags = [422, 422, 273, 273, 436, 423, 434, 273, 422, 436] + [
        int(rng.choice(_FLAGS)) for _ in range(count)
    ]
    sailors = [
        Sailor(
            world,
            flags[i] * 1_000_000 + int(mmsis[i]),
            str(rng.choice(ports)),
            np.random.default_rng(rng.integers(2**32)),
        )
        for i in range(count)
    ]
    truth: list[Truth] = []
    for runner in sailors[:4]:  # dark runners
        runner.place = "Amirabad" if runner.mmsi // 1_000_000 == 422 else str(rng.choice(_RUSSIAN))
        runner.pos = runner.berth_point(runner.place)
        choices = ["Amirabad", *_RUSSIAN]
        truth += runner.trade(stop, choices, dark_to=("Amirabad",), p_dark=0.7)
    seas = world.open_sea(rng, 4)
    for k, (a, b) in enumerate([(sailors[4], sailors[5]), (sailors[6], sailors[7])]):  # meeting pairs
        node = world.lanes.nodes[seas[k]]
        hours, knots, course = (
            float(rng.uniform(2.5, 3.5)),
            float(rng.uniform(0.3, 1.0)),
            float(rng.uniform(0, 360)),
        )
        bearing = np.radians(rng.uniform(0, 360))
        gap = rng.uniform(0.15, 0.3) / 111.0
        other = (
            node[0] + gap * np.cos(bearing),
            node[1] + gap * np.sin(bearing) / np.cos(np.radians(node[0])),
        )
        reach = max(s.t + world.lanes.km(world.node(s.place), seas[k]) / (8 * 1.852) * 3600 for s in (a, b))
        arrive = reach + float(rng.uniform(6, 20)) * 3600
        a.meet(node, arrive, hours, knots, course)
        b.meet(other, arrive, hours, knots, course)
        truth.append(
            ("encounter", min(a.mmsi, b.mmsi), max(a.mmsi, b.mmsi), arrive, arrive + hours * 3600, None, None)
        )
    for k, loner in enumerate(sailors[8:10]):  # loiterers
        node = world.lanes.nodes[seas[2 + k]]
        arrive, hours = loner.t + float(rng.uniform(1, 3)) * 86400, float(rng.uniform(5, 9))
        loner.meet(node, arrive, hours, float(rng.uniform(0.2, 1.2)), float(rng.uniform(0, 360)))
        truth.append(("loitering", loner.mmsi, None, arrive, arrive + hours * 3600, None, None))
    [p for p in ports if world.berths[p] and p not in ("Amirabad", *_RUSSIAN)]
    for k, sailor in enumerate(sailors[4:]):
        if k == len(sailors) - 5:  # the decoy: dark, but between Kazakhstan and Azerbaijan
            sailor.trade(stop, ["Aktau", "Baku", "Alat"], dark_to=("Aktau", "Baku", "Alat"), p_dark=1.0)
        else:
            sailor.trade(stop, ports)
    for sailor in sailors:
        sailor.stay(end + 3600)
    return sailors, truth
