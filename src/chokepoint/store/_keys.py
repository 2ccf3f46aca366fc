"""API keys as methods of the store: created, listed, revoked; only their hashes are kept.

Table ``api_keys`` (``_schema.py``): name, a short public prefix that identifies the key, the hash
of the secret, scopes (read, decide, admin), created and revoked times.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["KeyRing"]


class KeyRing:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``."""

    engine: sa.Engine
    display: str
