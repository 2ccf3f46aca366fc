"""The start page and search: free text in any script, as typed, over every listed subject.

``/search.json?q=`` answers the search box on every page as the analyst types (the last word may be
unfinished: "damav", "Алабуга", "قاسم دماوندیان"); ``/search?q=`` is the same as a page, for
browsers without JavaScript and for links. The start page also says what the store holds.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from chokepoint.matching import Match, script_of
from chokepoint.web._app import Ui

__all__ = ["register", "search_rows"]

MAX_QUERY = 200
Text = Annotated[str, Query(max_length=MAX_QUERY)]
Limit = Annotated[int, Query(ge=1, le=50)]


def search_rows(ui: Ui, matches: list[Match]) -> list[dict[str, Any]]:
    """JSON-ready search results: who, which of their names matched, and where they are listed."""
    rows = []
    for m in matches:
        name = m.scored.name.right
        rows.append(
            {
                "id": m.entity_id,
                "caption": m.caption,
                "schema": m.schema,
                "score": m.score,
                "matched_name": name if name and name != m.caption else None,
                "script": script_of(name) if name else None,
                "source": m.source,
                "list_ref": m.list_ref,
                "url": f"{ui.prefix}/entities/{m.entity_id}",
            }
        )
    return rows


def _counts(ui: Ui) -> dict[str, int]:
    store = ui.service.store
    return {status: store.alerts(status=status, limit=1).total for status in ("open", "escalated", "cleared")}


def register(router: APIRouter, ui: Ui) -> None:
    @router.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        vessels = len(ui.ais.vessels()) if ui.ais is not None else None
        return ui.page(
            request,
            "home.html",
            nav="search",
            versions=ui.service.versions,
            alerts=_counts(ui),
            vessels=vessels,
        )

    @router.get("/search.json")
    def search_json(q: Text = "", limit: Limit = 10) -> JSONResponse:
        found = ui.service.search(q, limit=limit) if q.strip() else []
        return JSONResponse({"query": q, "results": search_rows(ui, found)})

    @router.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: Text = "", limit: Limit = 25) -> HTMLResponse:
        found = ui.service.search(q, limit=limit) if q.strip() else []
        return ui.page(request, "search.html", nav="search", q=q, results=search_rows(ui, found))
