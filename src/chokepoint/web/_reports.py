"""The reports page (``/reports``): ingested articles by story, and the dated claims timeline.

Documents come grouped by re-publication cluster (one story, several outlets), largest first, each
with the listed entities it names; the timeline lists dated claims with their precision, the entities
named and in how many independent stories each appears. Fill it with ``chokepoint reports ingest``.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chokepoint.errors import NotFound
from chokepoint.web._app import Ui
from chokepoint.web._reading import reports_overview

__all__ = ["register"]


def _captions(ui: Ui, ids: set[str]) -> dict[str, str]:
    """Captions of the entity ids the reports name (reference keys such as ``place:Amirabad`` as given)."""
    found = {}
    for entity_id in ids:
        try:
            found[entity_id] = ui.service.entity(entity_id)[0].caption
        except NotFound:
            continue
    return found


def register(router: APIRouter, ui: Ui) -> None:
    @router.get("/reports.json")
    def reports_json() -> JSONResponse:
        return JSONResponse(reports_overview(ui.service.store))

    @router.get("/reports", response_class=HTMLResponse)
    def reports(request: Request) -> HTMLResponse:
        overview = reports_overview(ui.service.store)
        named = {e for ids in overview["linked"].values() for e in ids}
        named |= {e for claim in overview["timeline"] for e in claim["entities"]}
        return ui.page(
            request, "reports.html", nav="reports", overview=overview, captions=_captions(ui, named)
        )
