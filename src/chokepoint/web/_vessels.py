"""Vessel pages: the AIS folder's vessels (``/vessels``), one vessel's map and events (``/vessels/ID``).

The map is inline SVG over the bundled Caspian outline and port list: no tiles, no network. The track
comes from ``positions/`` when the folder has it; gaps, dark voyages, port visits, encounters and
loitering come from the event tables. A vessel whose MMSI a listed Vessel entity carries links to it.
"""

from __future__ import annotations

from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chokepoint.errors import NotFound
from chokepoint.maritime import load_ports
from chokepoint.model import Entity
from chokepoint.web._ais import AisFolder, VesselEvents
from chokepoint.web._app import Ui
from chokepoint.web._chart import vessel_map

__all__ = ["register"]

Mmsi = Annotated[int, Path(ge=0, le=999_999_999)]
_TIME = "%Y-%m-%d %H:%M"


def _folder(ui: Ui) -> AisFolder:
    if ui.ais is None:
        raise NotFound(
            "no AIS folder was given: start the server with --ais DIR (chokepoint demo writes demo_ais)"
        )
    return ui.ais


def _listed(ui: Ui) -> dict[int, Entity]:
    """Listed vessels by MMSI (read from the service's current lists, once per list version)."""
    key = tuple(v.id for v in ui.service.versions)
    cached: tuple[tuple[int | None, ...], dict[int, Entity]] | None = ui.cache.get("vessels_by_mmsi")
    if cached is not None and cached[0] == key:
        return cached[1]
    found: dict[int, Entity] = {}
    for entity in ui.service.store.iter_entities(targets_only=True):
        if entity.schema.name == "Vessel":
            for value in entity.get("mmsi", quiet=True):
                if value.isdigit():
                    found[int(value)] = entity
    ui.cache["vessels_by_mmsi"] = (key, found)
    return found


def _rows(df: pl.DataFrame) -> list[dict[str, Any]]:
    """Rows for the tables: times as text to the minute, numbers rounded."""
    if df.width == 0:
        return []
    shown = df.with_columns(pl.col(pl.Datetime).dt.strftime(_TIME), pl.col(pl.Float64).round(2))
    return shown.to_dicts()


def _vessel(ui: Ui, mmsi: int) -> tuple[VesselEvents, Entity | None]:
    return _folder(ui).vessel(mmsi), _listed(ui).get(mmsi)


def register(router: APIRouter, ui: Ui) -> None:
    @router.get("/vessels.json")
    def vessels_json() -> JSONResponse:
        listed = _listed(ui)
        rows = [
            r | {"listed": listed[r["mmsi"]].id if r["mmsi"] in listed else None}
            for r in _folder(ui).vessels()
        ]
        return JSONResponse({"folder": str(_folder(ui).folder), "vessels": rows})

    @router.get("/vessels", response_class=HTMLResponse)
    def vessels(request: Request) -> HTMLResponse:
        listed = _listed(ui) if ui.ais is not None else {}
        rows = [r | {"listed": listed.get(r["mmsi"])} for r in _folder(ui).vessels()] if ui.ais else []
        return ui.page(request, "vessels.html", nav="vessels", rows=rows, folder=ui.ais and ui.ais.folder)

    @router.get("/vessels/{mmsi}.json")
    def vessel_json(mmsi: Mmsi) -> JSONResponse:
        found, entity = _vessel(ui, mmsi)
        events = {name: _rows(df) for name, df in found.events.items()}
        listed = {"id": entity.id, "caption": entity.caption} if entity is not None else None
        return JSONResponse(
            {"mmsi": mmsi, "positions": found.track.height, "listed": listed, "events": events}
        )

    @router.get("/vessels/{mmsi}", response_class=HTMLResponse)
    def vessel_page(request: Request, mmsi: Mmsi) -> HTMLResponse:
        found, entity = _vessel(ui, mmsi)
        drawn = vessel_map(found.track, found.events, load_ports(None), mmsi)
        tables = {name: _rows(df) for name, df in found.events.items() if name != "segments"}
        span = (
            (found.track["timestamp"].min(), found.track["timestamp"].max())
            if found.track.height
            else (None, None)
        )
        return ui.page(
            request,
            "vessel.html",
            nav="vessels",
            mmsi=mmsi,
            found=found,
            entity=entity,
            map=drawn,
            tables=tables,
            counts=found.counts(),
            span=span,
        )
