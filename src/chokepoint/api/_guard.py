"""Errors to HTTP in one place, the body-size limit and the request audit, as one ASGI middleware.

Every error answer is JSON ``{"detail": "...", "field": "...", "line": ..., "errors": [...]}``:
:class:`~chokepoint.errors.ChokepointError` by its ``http_status``, request validation as 422 naming
each field (``queries.q1.schema``, ``limit``), bodies over the limit as 413 naming ``body``.
Each request (health checks and the OpenAPI document aside) leaves one audit entry: who, what, the
status, the time taken and what the endpoint added (``request.state.audit``).
"""

from __future__ import annotations

import re
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chokepoint.api._auth import AuthError
from chokepoint.api._state import ApiState
from chokepoint.errors import ChokepointError

__all__ = ["BodyTooLarge", "Guard", "UnsupportedMedia", "error_response", "install_handlers"]

_WHERE = ("body", "query", "path", "header")
_UNION_TAG = re.compile(r"^(str|int|float|bool|none|(list|nullable|union|dict)\[.*\]|function-.*)$")
_UNPARSED = "There was an error parsing the body"
UNAUDITED = frozenset({"/healthz", "/readyz", "/openapi.json", "/docs", "/redoc", "/favicon.ico"})


class BodyTooLarge(HTTPException):
    """Raised while the body is read (FastAPI passes HTTPExceptions through its body parsing)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"field body: the request body is over the limit of {limit} bytes")
        self.field = "body"


class UnsupportedMedia(HTTPException):
    def __init__(self, content_type: str, allowed: str) -> None:
        super().__init__(415, f"field Content-Type: send {allowed}, not {content_type!r}")
        self.field = "Content-Type"


def error_response(
    status: int, detail: str, *, field: str | None = None, line: int | None = None,
    errors: list[dict[str, str]] | None = None, headers: dict[str, str] | None = None,
) -> JSONResponse:  # fmt: skip
    body: dict[str, Any] = {"detail": detail, "field": field, "line": line, "errors": errors or []}
    return JSONResponse(body, status_code=status, headers=headers)


def _field(loc: tuple[Any, ...]) -> str:
    """A pydantic location as a dotted field without union tags: ``queries.q.properties.name.0``."""
    parts = [str(p) for p in loc[1:] if not _UNION_TAG.match(str(p))] if loc and loc[0] in _WHERE else []
    if loc and loc[0] == "body" and len(loc) == 2 and isinstance(loc[1], int):
        parts = []  # a JSON syntax error at a character position
    return ".".join(parts) or (str(loc[0]) if loc else "request")


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ChokepointError)
    async def chokepoint_error(_request: Request, exc: ChokepointError) -> JSONResponse:
        return error_response(exc.http_status, str(exc), field=exc.field, line=exc.line)

    @app.exception_handler(AuthError)
    async def auth_error(_request: Request, exc: AuthError) -> JSONResponse:
        headers = {"WWW-Authenticate": "ApiKey"} if exc.status == 401 else None
        return error_response(exc.status, exc.message, field=exc.field, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        found: dict[str, str] = {}
        for error in exc.errors():  # a union reports once per member: keep the first per field
            found.setdefault(_field(tuple(error.get("loc", ()))), str(error.get("msg", "")))
        errors = [{"field": f, "message": m} for f, m in found.items()]
        first = errors[0] if errors else {"field": "request", "message": "invalid request"}
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        detail = f"field {first['field']}: {first['message']}{more}"
        return error_response(422, detail, field=first["field"], errors=errors)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == _UNPARSED:  # FastAPI's word for a body that is not UTF-8
            return error_response(422, "field body: not JSON in UTF-8", field="body")
        return error_response(
            exc.status_code, str(exc.detail), field=getattr(exc, "field", None), headers=exc.headers
        )


class Guard:
    """ASGI middleware: refuses bodies over ``state.limits.max_body``; audits every request."""

    def __init__(self, app: ASGIApp, state: ApiState) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        limit = self.state.limits.max_body
        status = 500
        received = 0

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        async def receiving() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            length = dict(scope["headers"]).get(b"content-length", b"0")
            if not length.isdigit() or int(length) > limit:
                exc = BodyTooLarge(limit)
                await error_response(413, exc.detail, field="body")(scope, receive, sending)
            else:
                await self.app(scope, receiving, sending)
        finally:
            self._audit(scope, status, started)

    def _audit(self, scope: Scope, status: int, started: float) -> None:
        path = scope.get("path", "")
        if path in UNAUDITED:
            return
        state = scope.get("state") or {}
        detail: dict[str, Any] = {
            "method": scope.get("method"),
            "path": path,
            "status": status,
            "ms": round((time.perf_counter() - started) * 1000, 2),
        }
        if query := scope.get("query_string", b""):
            detail["query"] = query.decode("latin-1")[:500]
        detail.update(state.get("audit") or {})
        self.state.audit.add(state.get("actor") or "anonymous", "api.request", detail)
