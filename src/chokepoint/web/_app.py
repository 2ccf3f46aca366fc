"""Mount the UI on a FastAPI app: templates, static files, and one error page for every UI route.

A :class:`ChokepointError` raised under a UI route becomes an HTML page (JSON for the ``.json``
twins) with the error's HTTP status and the field at fault; FastAPI's request validation errors
become 422 naming the field. Routes are plain functions, so store and service calls run in the
thread pool. Nothing here reads the environment: ``chokepoint serve`` passes everything in.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from chokepoint.errors import ChokepointError
from chokepoint.screening import ScreeningService
from chokepoint.web._ais import AisFolder

__all__ = ["PREFIX", "Ui", "mount"]

#: Where the UI lives on the app; ``/`` redirects here unless the app already answers ``/``.
PREFIX = "/ui"
HERE = Path(__file__).parent


ServiceSource = ScreeningService | Callable[[], ScreeningService | None]


class NotReady(Exception):
    """The screening service is still being built (the server answers 503 until it is)."""


@dataclass
class Ui:
    """What every UI route needs: the service (and its store), templates, the AIS folder, the prefix."""

    source: ServiceSource
    templates: Jinja2Templates
    prefix: str
    ais: AisFolder | None
    cache: dict[str, Any] = field(default_factory=dict)
    """Derived data keyed by what it was derived from (e.g. listed vessels per list version)."""

    @property
    def service(self) -> ScreeningService:
        found = self.source if isinstance(self.source, ScreeningService) else self.source()
        if found is None:
            raise NotReady("the index of the lists is being built; try again in a moment")
        return found

    def page(self, request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        return self.templates.TemplateResponse(request, template, context, status_code=status)

    def error(self, request: Request, status: int, message: str, field: str | None = None) -> Response:
        """The error page, or JSON for a ``.json`` twin: ``{"error", "field", "status"}``."""
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": message, "field": field, "status": status}, status_code=status)
        return self.page(request, "error.html", status=status, message=message, field=field, code=status)


def _first_problem(errors: Any) -> tuple[str | None, str]:
    """(field, message) of the first validation error: the parameter's name, as the form names it."""
    for problem in errors:
        loc = [p for p in problem.get("loc", ()) if p not in ("query", "body", "path", "header")]
        return (str(loc[0]) if loc else None), str(problem.get("msg", "invalid"))
    return None, "invalid request"


def _route_class(ui: Ui) -> type[APIRoute]:
    class UiRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            handler = super().get_route_handler()

            async def guarded(request: Request) -> Response:
                try:
                    return await handler(request)
                except ChokepointError as exc:
                    return ui.error(request, exc.http_status, exc.message, exc.field)
                except RequestValidationError as exc:
                    field, message = _first_problem(exc.errors())
                    return ui.error(request, 422, message, field)
                except NotReady as exc:
                    return ui.error(request, 503, str(exc), None)

            return guarded

    return UiRoute


def _templates(prefix: str, ui: Callable[[], Ui]) -> Jinja2Templates:
    def lists(_request: Request) -> dict[str, Any]:
        try:
            return {"service_versions": ui().service.versions}
        except NotReady:
            return {"service_versions": []}

    templates = Jinja2Templates(directory=HERE / "templates", context_processors=[lists])
    env = templates.env
    env.globals["prefix"] = prefix
    env.globals["static"] = lambda name: f"{prefix}/static/{name}"
    env.filters["pct"] = lambda value: f"{float(value):.2f}"
    env.filters["risk"] = lambda value: f"{float(value):.3f}"
    return templates


def mount(
    app: FastAPI,
    service: ServiceSource,
    *,
    ais_dir: Path | None = None,
    prefix: str = PREFIX,
) -> None:
    """Add the UI's pages under ``prefix`` and its static files to ``app``.

    ``service`` is the screening service, or a function returning it (None while it is being built,
    as ``chokepoint serve`` builds it at startup: pages answer 503 until then). ``ais_dir`` is a folder
    written by ``chokepoint ais events`` or ``chokepoint demo`` (event tables, optionally a
    ``positions/`` dataset): the vessel pages read it."""
    from chokepoint.web import _alerts, _entities, _reports, _search, _vessels

    holder: list[Ui] = []
    ais = AisFolder(ais_dir) if ais_dir is not None else None
    ui = Ui(service, _templates(prefix, lambda: holder[0]), prefix, ais)
    holder.append(ui)
    router = APIRouter(prefix=prefix, route_class=_route_class(ui), include_in_schema=False)
    for module in (_search, _entities, _alerts, _vessels, _reports):
        module.register(router, ui)
    app.include_router(router)
    app.mount(f"{prefix}/static", StaticFiles(directory=HERE / "static"), name="chokepoint-ui-static")
    if not any(getattr(route, "path", None) == "/" for route in app.routes):

        def home() -> RedirectResponse:
            return RedirectResponse(f"{prefix}/", status_code=307)

        app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
