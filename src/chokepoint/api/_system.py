"""Health and readiness, and the dependency that hands endpoints a ready service.

``/healthz`` answers 200 while the process serves. ``/readyz`` answers 200 only when the index is
built and the store has a current list (an empty store would clear every party), else 503 saying
why; screening endpoints answer the same 503 until then.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from chokepoint.api._auth import require
from chokepoint.api._convert import version_out
from chokepoint.api._models import ErrorResponse, StatusResponse
from chokepoint.api._state import ApiState
from chokepoint.screening import ScreeningService
from chokepoint.store import ApiKey

__all__ = ["NOT_READY", "Reader", "Ready", "ready", "router", "state_of"]

router = APIRouter(tags=["System information"])
NOT_READY = {503: {"model": ErrorResponse, "description": "Not ready: no list loaded, or the store is away"}}


def state_of(request: Request) -> ApiState:
    return request.app.state.chokepoint


async def ready(request: Request) -> ScreeningService:
    """The service, or 503 when the server is not ready."""
    state = state_of(request)
    if state.problem is not None or state.service is None:
        raise HTTPException(503, f"not ready: {state.problem}")
    return state.service


#: Endpoint parameters: the request's API key (read scope), and the ready service.
Reader = Annotated[ApiKey, Depends(require("read"))]
Ready = Annotated[ScreeningService, Depends(ready)]


@router.get("/healthz", response_model=StatusResponse)
async def healthz() -> StatusResponse:
    """The process is up."""
    return StatusResponse(status="ok")


@router.get("/readyz", response_model=StatusResponse, responses=NOT_READY)
async def readyz(request: Request) -> JSONResponse | StatusResponse:
    """Ready to screen: the index is built over the current lists (named in ``versions``)."""
    state = state_of(request)
    if state.problem is not None or state.service is None:
        return JSONResponse(
            {"detail": f"not ready: {state.problem}", "field": None, "line": None, "errors": []}, 503
        )
    versions = [version_out(v) for v in state.service.versions]
    return StatusResponse.model_validate({"status": "ok", "versions": versions})
