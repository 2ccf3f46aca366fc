"""Sea routes for the simulator: the shipped Caspian lane graph and shortest paths through it.

``data/caspian_lanes.csv`` lists open-water waypoints and straight legs that stay off the shore;
a node named after a port is that port's approach point. A route from port A to port B is
A's harbour point → A's approach → shortest lane path → B's approach → B's harbour point.
"""

from __future__ import annotations

import csv
import heapq
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from chokepoint.errors import InputError
from chokepoint.maritime._geo import haversine_km_np

__all__ = ["DEFAULT_LANES_PATH", "Lanes", "load_lanes"]

DEFAULT_LANES_PATH = Path(__file__).parent / "data" / "caspian_lanes.csv"


@dataclass(frozen=True)
class Lanes:
    """Waypoints (name → lat, lon) and legs (name → linked names)."""

    nodes: dict[str, tuple[float, float]]
    links: dict[str, tuple[str, ...]]

    def km(self, a: str, b: str) -> float:
        (la, oa), (lb, ob) = self.nodes[a], self.nodes[b]
        return float(haversine_km_np(np.array(la), np.array(oa), np.array(lb), np.array(ob)))

    def path(self, start: str, goal: str) -> list[str]:
        """Shortest chain of nodes from ``start`` to ``goal`` (Dijkstra on leg lengths)."""
        best = {start: 0.0}
        back: dict[str, str] = {}
        queue = [(0.0, start)]
        while queue:
            dist, node = heapq.heappop(queue)
            if node == goal:
                chain = [goal]
                while chain[-1] != start:
                    chain.append(back[chain[-1]])
                return chain[::-1]
            if dist > best.get(node, math.inf):
                continue
            for other in self.links[node]:
                step = dist + self.km(node, other)
                if step < best.get(other, math.inf):
                    best[other], back[other] = step, node
                    heapq.heappush(queue, (step, other))
        raise InputError(f"no sea route from {start} to {goal} in the lane graph")

    def nearest(self, lat: float, lon: float) -> str:
        names = [n for n in self.nodes if n not in self.links or self.links[n]]
        la = np.array([self.nodes[n][0] for n in names])
        lo = np.array([self.nodes[n][1] for n in names])
        return names[int(np.argmin(haversine_km_np(la, lo, np.full_like(la, lat), np.full_like(lo, lon))))]


@lru_cache(maxsize=4)
def load_lanes(path: Path = DEFAULT_LANES_PATH) -> Lanes:
    """Read a lane file (``node,lat,lon,links``, links separated by ``;``; ``#`` lines are comments)."""
    nodes: dict[str, tuple[float, float]] = {}
    links: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as handle:
        rows = ((n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#"))
        next(rows, None)  # header
        for line_no, line in rows:
            try:
                name, lat, lon, linked = next(csv.reader([line]))
                nodes[name] = (float(lat), float(lon))
            except ValueError:
                raise InputError("want node,lat,lon,links", path=path, line=line_no) from None
            links[name] = tuple(n for n in linked.split(";") if n)
    for name, linked in links.items():
        unknown = [n for n in linked if n not in nodes]
        if unknown:
            raise InputError(f"{name} links to unknown node(s) {', '.join(unknown)}", path=path)
    return Lanes(nodes=nodes, links=links)
