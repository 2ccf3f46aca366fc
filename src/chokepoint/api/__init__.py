"""The HTTP API: yente-compatible screening over the loaded lists, batch screening, decisions.

:func:`create_app` builds the FastAPI app over one :class:`~chokepoint.screening.ScreeningService`:
``POST /match/{dataset}``, ``GET /search/{dataset}``, ``GET /entities/{id}``, ``GET /catalog`` and
``GET /algorithms`` as OpenSanctions' yente answers them; ``POST /screen/parties`` (JSON or CSV,
streamed), ``POST /decisions``, ``GET /audit``; ``/healthz`` and ``/readyz``. API keys with scopes
(read, decide, admin), request :class:`Limits`, an audit entry per request; every answer names the
list versions it was screened against.
"""

from chokepoint.api._app import create_app
from chokepoint.api._auth import KEY_TTL
from chokepoint.api._docs import ALGORITHM
from chokepoint.api._state import ApiState, Limits

__all__ = ["ALGORITHM", "KEY_TTL", "ApiState", "Limits", "create_app"]
