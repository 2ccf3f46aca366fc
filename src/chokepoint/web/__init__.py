"""The analyst web UI: search, entity pages with a relationship graph, alert review, vessels, reports.

Server-rendered Jinja2 pages with a little vanilla JavaScript (no build step, nothing from a CDN),
added to the FastAPI app of ``chokepoint serve`` by :func:`mount` under :data:`PREFIX`. Pages read
and write through the same :class:`~chokepoint.screening.ScreeningService` and store as the HTTP
API (decisions and reviews land in the same decisions table and audit log); every page has a JSON
twin (``….json``). Vessel pages read a folder of AIS event tables; the map is drawn offline.
"""

from chokepoint.web._app import PREFIX, mount

__all__ = ["PREFIX", "mount"]
