"""API keys on requests: ``Authorization: ApiKey <key>`` (what yente's clients send), ``Authorization:
Bearer <key>`` or ``X-API-Key: <key>``; 401 without a valid key, 403 when it lacks the scope.

Verified keys are cached for :data:`KEY_TTL` seconds per process (a revoked key stops working within
that time), so a request costs one dictionary lookup, not a database read.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from chokepoint.store import ApiKey, Store

__all__ = ["KEY_TTL", "AuthError", "KeyCache", "require"]

KEY_TTL = 10.0
_SCHEMES = ("apikey", "bearer", "token")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key (chokepoint keys create).")
_bearer = HTTPBearer(auto_error=False, description="An API key as a bearer token; `ApiKey <key>` works too.")
LOCAL = ApiKey(0, "local", "local", ("admin",), datetime(1970, 1, 1, tzinfo=UTC))


class AuthError(Exception):
    """401 (no or bad key) or 403 (key without the scope), rendered by the error handlers."""

    def __init__(self, status: int, message: str, field: str) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


class KeyCache:
    """Secret digest → (key or None, expiry); bounded, per process."""

    def __init__(self, store: Store, *, ttl: float = KEY_TTL, size: int = 10_000) -> None:
        self.store, self.ttl, self.size = store, ttl, size
        self._cache: dict[str, tuple[ApiKey | None, float]] = {}
        self._lock = threading.Lock()

    def verify(self, secret: str) -> ApiKey | None:
        digest = hashlib.sha256(secret.encode("utf-8", "surrogateescape")).hexdigest()
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is not None and hit[1] > now:
            return hit[0]
        key = self.store.verify_key(secret)
        with self._lock:
            if len(self._cache) >= self.size:
                self._cache = {}
            self._cache[digest] = (key, now + self.ttl)
        return key


def _secret(request: Request) -> str | None:
    if value := request.headers.get("x-api-key"):
        return value.strip()
    scheme, _, token = (request.headers.get("authorization") or "").strip().partition(" ")
    if scheme.lower() in _SCHEMES and token.strip():
        return token.strip()
    return None


def require(scope: str) -> Callable[..., Awaitable[ApiKey]]:
    """A FastAPI dependency: the request's key, which must allow ``scope``."""

    async def check(
        request: Request,
        _header_key: Annotated[str | None, Security(_header)],
        _bearer_key: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    ) -> ApiKey:
        state = request.app.state.chokepoint
        if not state.auth:
            key: ApiKey | None = LOCAL
        elif (secret := _secret(request)) is None:
            raise AuthError(401, "an API key is needed: header Authorization: ApiKey <key>", "Authorization")
        else:
            key = state.keys.verify(secret)
            if key is None:
                raise AuthError(401, "the API key is unknown or revoked", "Authorization")
        request.state.actor = f"{key.name} ({key.prefix})"
        if not key.allows(scope):
            raise AuthError(403, f"this API key lacks the {scope!r} scope", "scopes")
        return key

    return check
