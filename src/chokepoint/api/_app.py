"""The app factory: one FastAPI app over one :class:`~chokepoint.screening.ScreeningService`.

``create_app(service_or_db)`` takes a built service (tests, embedding) or a store, whose index it
builds at startup (then freezes out of the garbage collector's full passes). Background tasks reload
the index when a new list version is loaded and flush the request audit. The web UI mounts on the
same app and finds the service in ``app.state.chokepoint.service``.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from chokepoint.api import _screen, _system, _yente
from chokepoint.api._auth import KeyCache
from chokepoint.api._guard import Guard, install_handlers
from chokepoint.api._state import ApiState, AuditBuffer, Limits
from chokepoint.screening import ScreeningService
from chokepoint.store import Store

__all__ = ["create_app"]

log = logging.getLogger("chokepoint.api")

DESCRIPTION = """Screening against the loaded sanctions lists, compatible with OpenSanctions' yente
(`POST /match/{dataset}`, `GET /search/{dataset}`, `GET /entities/{id}`, `/catalog`, `/algorithms`),
plus batch screening (`POST /screen/parties`) and analysts' decisions (`POST /decisions`).
Every answer names the list versions it was screened against. Send an API key
(`chokepoint keys create`) as `Authorization: ApiKey <key>`."""


def _freeze() -> None:
    """Move the index (hundreds of thousands of objects) out of the cyclic collector's reach: a full
    collection over it pauses the process for ~0.4 s, which would set the latency tail."""
    gc.collect()
    gc.freeze()


async def _every(seconds: float, work: str, state: ApiState, *, owned: bool = False) -> None:
    while True:
        await asyncio.sleep(seconds)
        try:
            if work == "reload":
                if await asyncio.to_thread(state.refresh) and owned:
                    _freeze()
                    log.info("lists changed: index rebuilt (%s)", state.service and state.service.versions)
            else:
                await asyncio.to_thread(state.audit.flush)
        except Exception:  # keep polling: the next round retries
            log.exception("background %s failed", work)


def create_app(
    service_or_db: ScreeningService | Store | str | Path,
    *,
    threshold: float | None = None,
    auth: bool = True,
    limits: Limits | None = None,
    reload_interval: float = 5.0,
    audit_interval: float = 1.0,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """The HTTP API. CORS is off unless ``cors_origins`` names origins; ``auth=False`` lets every
    request act as an admin (a single user on loopback only)."""
    if isinstance(service_or_db, ScreeningService):
        service: ScreeningService | None = service_or_db
        store = service_or_db.store
    else:
        service = None
        store = service_or_db if isinstance(service_or_db, Store) else Store(service_or_db)
    state = ApiState(
        store=store,
        threshold=threshold,
        limits=limits or Limits(),
        auth=auth,
        audit=AuditBuffer(store),
        keys=KeyCache(store),
    )
    if service is not None:
        state.attach(service)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if state.service is None:
            kwargs = {} if threshold is None else {"threshold": threshold}
            state.attach(await asyncio.to_thread(ScreeningService, store, **kwargs))
            _freeze()  # this process is a server: the index lives as long as it does
        tasks = [
            asyncio.create_task(_every(reload_interval, "reload", state, owned=service is None)),
            asyncio.create_task(_every(audit_interval, "audit", state)),
        ]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            try:
                await asyncio.to_thread(state.audit.flush)
            except Exception:
                log.exception("the last audit entries could not be written")

    app = FastAPI(title="chokepoint", description=DESCRIPTION, version="1", lifespan=lifespan)
    app.state.chokepoint = state
    install_handlers(app)
    for module in (_system, _yente, _screen):
        app.include_router(module.router)
    app.add_middleware(Guard, state=state)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        )
    return app
