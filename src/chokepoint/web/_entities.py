"""Entity pages: ``/entities/{id}`` with its JSON twin and ``/entities/{id}/graph.json``.

The page shows names in every script, list memberships with programme, listing date and list version,
identifiers, addresses, relations as a table and as a graph one can expand (``graph.js`` asks
``graph.json`` for each node opened), the reports that name the entity, and a vessel's AIS events.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chokepoint.errors import NotFound
from chokepoint.web._app import Ui
from chokepoint.web._entity import EntityView, entity_graph, entity_view
from chokepoint.web._reading import reports_naming

__all__ = ["register"]


def _vessel_events(ui: Ui, view: EntityView) -> list[dict[str, Any]]:
    """For a vessel: its counts of each AIS event, per MMSI the AIS folder knows."""
    found = []
    for mmsi in view.mmsis if ui.ais is not None else []:
        try:
            events = ui.ais.vessel(mmsi)  # type: ignore[union-attr]
        except NotFound:
            continue
        found.append({"mmsi": mmsi, "url": f"{ui.prefix}/vessels/{mmsi}"} | events.counts())
    return found


def register(router: APIRouter, ui: Ui) -> None:
    @router.get("/entities/{entity_id}.json")
    def entity_json(entity_id: str) -> JSONResponse:
        view = entity_view(ui.service, entity_id)
        data = view.to_dict() | {"vessel_events": _vessel_events(ui, view)}
        data["reports"] = reports_naming(ui.service.store, entity_id)
        return JSONResponse(data)

    @router.get("/entities/{entity_id}/graph.json")
    def graph_json(entity_id: str) -> JSONResponse:
        return JSONResponse(entity_graph(ui.service, entity_id, ui.prefix))

    @router.get("/entities/{entity_id}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        view = entity_view(ui.service, entity_id)
        return ui.page(
            request,
            "entity.html",
            nav="search",
            view=view,
            e=view.entity,
            vessel_events=_vessel_events(ui, view),
            reports=reports_naming(ui.service.store, entity_id),
        )
