"""Alert review: the queue (``/alerts``), one alert with its evidence (``/alerts/{id}``), the review form.

A review clears, escalates or reopens the alert with a reason through the store
(``Store.set_alert_status``): the chosen pairs become decisions in the decisions table, the status
change an audit-log entry, the same ones the HTTP API writes. Forms from another origin are refused.
Keyboard (``review.js``): j / k next and previous, c clear, e escalate, o open the alert under focus.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from chokepoint.errors import InputError
from chokepoint.store import ALERT_STATUSES, StoredAlert
from chokepoint.web._app import Ui
from chokepoint.web._evidence import alert_evidence
from chokepoint.web._queue import PAGE, Filters

__all__ = ["register"]

MAX_REASON = 2000
WHO_COOKIE = "chokepoint_who"


def _neighbours(ui: Ui, alert_id: int, filters: Filters) -> tuple[int | None, int | None, int, int]:
    """(previous id, next id, position from 1, queue length) of the alert in the filtered queue."""
    ids = ui.service.store.alert_ids(**filters.store_args())
    if alert_id not in ids:
        return None, None, 0, len(ids)
    at = ids.index(alert_id)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None), at + 1, len(ids)


def _detail(ui: Ui, alert: StoredAlert) -> dict[str, Any]:
    evidence = alert_evidence(ui.service, alert)
    history = [e.to_dict() for e in ui.service.store.alert_history(alert.id)]
    return {"alert": alert, "evidence": evidence, "history": history}


def _same_origin(request: Request) -> bool:
    """A form posted by a page of this server (browsers send Origin with every POST)."""
    origin = request.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == request.headers.get("host")


def register(router: APIRouter, ui: Ui) -> None:
    @router.get("/alerts.json")
    def alerts_json(request: Request) -> JSONResponse:
        filters = Filters.parse(request.query_params)
        page = ui.service.store.alerts(**filters.store_args(), offset=(filters.page - 1) * PAGE, limit=PAGE)
        return JSONResponse(
            {
                "total": page.total,
                "page": filters.page,
                "per_page": PAGE,
                "alerts": [a.to_dict() for a in page.alerts],
            }
        )

    @router.get("/alerts", response_class=HTMLResponse)
    def queue(request: Request) -> HTMLResponse:
        filters = Filters.parse(request.query_params)
        page = ui.service.store.alerts(**filters.store_args(), offset=(filters.page - 1) * PAGE, limit=PAGE)
        pages = max(1, -(-page.total // PAGE))
        return ui.page(
            request,
            "alerts.html",
            nav="alerts",
            page=page,
            filters=filters,
            pages=pages,
            rules=ui.service.store.alert_rules(),
            statuses=ALERT_STATUSES,
        )

    @router.get("/alerts/{alert_id}.json")
    def alert_json(alert_id: int) -> JSONResponse:
        detail = _detail(ui, ui.service.store.alert(alert_id))
        evidence = detail["evidence"]
        pairs = [p | {"standing": p["standing"].to_dict() if p["standing"] else None} for p in evidence.pairs]
        goods = [g | {"components": [asdict(c) for c in g["components"]]} for g in evidence.goods]
        return JSONResponse(
            detail["alert"].to_dict()
            | {"parties": evidence.parties, "goods": goods, "flags": evidence.flags, "pairs": pairs}
            | {"history": detail["history"]},
            media_type="application/json",
        )

    @router.get("/alerts/{alert_id}", response_class=HTMLResponse)
    def alert_page(request: Request, alert_id: int) -> HTMLResponse:
        filters = Filters.parse(request.query_params)
        detail = _detail(ui, ui.service.store.alert(alert_id))
        before, after, position, total = _neighbours(ui, alert_id, filters)
        saved = request.query_params.get("saved")
        return ui.page(
            request,
            "alert.html",
            nav="alerts",
            filters=filters,
            before=before,
            after=after,
            position=position,
            total=total,
            saved=saved if saved in ALERT_STATUSES else None,
            who=request.cookies.get(WHO_COOKIE, ""),
            **detail,
        )

    @router.post("/alerts/{alert_id}/review")
    def review(
        request: Request,
        alert_id: int,
        status: Annotated[str, Form()] = "",
        reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
        who: Annotated[str, Form(max_length=255)] = "",
        pair: Annotated[list[int] | None, Form()] = None,
        back: Annotated[str, Form(max_length=2000)] = "",
    ) -> Response:
        if not _same_origin(request):
            return ui.error(request, 403, "this form was sent from another site", None)
        if status not in ALERT_STATUSES:
            raise InputError(f"choose one of {', '.join(ALERT_STATUSES)}", field="status")
        alert = ui.service.store.alert(alert_id)
        chosen = list(pair or []) if status != "open" else []
        decisions = alert_evidence(ui.service, alert).decisions(chosen)
        ui.service.store.set_alert_status(alert_id, status, reason=reason, who=who, decisions=decisions)
        filters = Filters.parse(dict(parse_qsl(back.lstrip("?"))))
        query = filters.query()
        target = f"{ui.prefix}/alerts/{alert_id}?{query + '&' if query else ''}saved={status}#history"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(WHO_COOKIE, who.strip(), samesite="strict", httponly=True)
        return response
