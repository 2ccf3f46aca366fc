"""API keys as methods of the store: created, listed, revoked, verified; only their digests are kept.

Table ``api_keys`` (``_schema.py``): name, a short public prefix that identifies the key, the SHA-256
digest of the secret, scopes (read, decide, admin), created and revoked times. A secret is
``cp_<prefix>_<43 url-safe characters>`` (256 random bits), shown once when created: a fast digest is
enough for a secret of that entropy (no password hash, which would cost ~100 ms per request).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from chokepoint.errors import InputError, NotFound, StoreError
from chokepoint.store._db import one_line
from chokepoint.store._decisions import AuditEntry
from chokepoint.store._schema import api_keys, audit_log

__all__ = ["SCOPES", "ApiKey", "KeyRing"]

#: What a key may do: read (match, search, look up, screen), decide (record decisions), admin (all).
SCOPES = ("read", "decide", "admin")
_PREFIX_BYTES = 4  # 8 hex digits: identifies a key in lists and logs, not secret


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


@dataclass(frozen=True)
class ApiKey:
    """One API key as listed: never its secret."""

    id: int
    name: str
    prefix: str
    """Public part of the secret (``cp_<prefix>_…``): how lists, logs and ``keys revoke`` name it."""
    scopes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        """Whether this key may act in ``scope`` (``admin`` may do everything)."""
        return self.active and (scope in self.scopes or "admin" in self.scopes)

    def to_dict(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat(timespec="seconds") if value else None

        return {
            "id": self.id, "name": self.name, "prefix": self.prefix, "scopes": list(self.scopes),
            "created_at": iso(self.created_at), "revoked_at": iso(self.revoked_at), "active": self.active,
        }  # fmt: skip


def _key(row: sa.Row[Any]) -> ApiKey:
    created = _aware(row.created_at)
    assert created is not None
    return ApiKey(row.id, row.name, row.prefix, tuple(row.scopes), created, _aware(row.revoked_at))


def check_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """The scopes in :data:`SCOPES` order; InputError naming ``scopes`` for an unknown or empty set."""
    wanted = set(scopes)
    if unknown := sorted(wanted - set(SCOPES)):
        raise InputError(f"unknown scope {unknown[0]!r}: use {', '.join(SCOPES)}", field="scopes")
    if not wanted:
        raise InputError("a key needs at least one scope", field="scopes")
    return tuple(s for s in SCOPES if s in wanted)


class KeyRing:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``."""

    engine: sa.Engine
    display: str

    def create_key(self, name: str, scopes: Iterable[str] = ("read",)) -> tuple[ApiKey, str]:
        """A new key and its secret: the secret is returned only here and stored only as a digest."""
        if not name.strip():
            raise InputError("a key needs a name", field="name")
        chosen = check_scopes(scopes)
        now = datetime.now(UTC)
        for _attempt in range(5):  # a prefix collision (1 in 4 billion per pair) draws again
            prefix = secrets.token_hex(_PREFIX_BYTES)
            secret = f"cp_{prefix}_{secrets.token_urlsafe(32)}"
            values = {"name": name.strip(), "prefix": prefix, "hash": _digest(secret),
                      "scopes": list(chosen), "created_at": now, "revoked_at": None}  # fmt: skip
            try:
                with self.engine.begin() as conn:
                    new_id = conn.execute(sa.insert(api_keys).values(**values)).inserted_primary_key
            except IntegrityError:
                continue
            except (DatabaseError, OperationalError) as exc:
                raise StoreError(
                    f"the store could not be written: {one_line(exc.orig)}", path=self.display
                ) from None
            assert new_id is not None
            return ApiKey(int(new_id[0]), values["name"], prefix, chosen, now), secret
        raise StoreError("could not draw an unused key prefix", path=self.display)

    def list_keys(self, *, include_revoked: bool = True) -> list[ApiKey]:
        """Every key, oldest first (without revoked ones if asked)."""
        q = sa.select(api_keys).order_by(api_keys.c.id)
        if not include_revoked:
            q = q.where(api_keys.c.revoked_at.is_(None))
        with self.engine.connect() as conn:
            return [_key(r) for r in conn.execute(q)]

    def revoke_key(self, prefix: str) -> ApiKey:
        """Revoke the key with this prefix (or whole secret); NotFound when there is none."""
        prefix = _prefix_of(prefix) or prefix.strip()
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(api_keys).where(api_keys.c.prefix == prefix)).first()
            if row is None:
                raise NotFound(f"no API key with prefix {prefix!r}", field="prefix")
            if row.revoked_at is None:
                conn.execute(sa.update(api_keys).where(api_keys.c.id == row.id).values(revoked_at=now))
                row = conn.execute(sa.select(api_keys).where(api_keys.c.id == row.id)).one()
        return _key(row)

    def verify_key(self, secret: str) -> ApiKey | None:
        """The active key this secret belongs to, or None (unknown, wrong or revoked)."""
        prefix = _prefix_of(secret)
        if prefix is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(api_keys).where(api_keys.c.prefix == prefix)).first()
        if row is None or not hmac.compare_digest(row.hash, _digest(secret)) or row.revoked_at is not None:
            return None
        return _key(row)

    def audit_many(self, entries: Sequence[tuple[datetime, str, str, dict[str, Any]]]) -> None:
        """Append ``(at, actor, action, detail)`` entries to the audit log in one transaction.

        For writers that batch (the HTTP API audits every request); decisions write their own entry.
        """
        if not entries:
            return
        rows = [{"at": at, "actor": actor or "unknown", "action": action, "detail": detail}
                for at, actor, action, detail in entries]  # fmt: skip
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(audit_log), rows)
        except (DatabaseError, OperationalError) as exc:
            raise StoreError(
                f"the store could not be written: {one_line(exc.orig)}", path=self.display
            ) from None

    def audit_tail(self, *, limit: int = 100, action: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` audit-log entries (optionally one action's), newest first."""
        q = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if action is not None:
            q = q.where(audit_log.c.action == action)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q))
        return [AuditEntry(r.id, _aware(r.at) or r.at, r.actor, r.action, dict(r.detail)) for r in rows]


def _prefix_of(secret: str) -> str | None:
    parts = secret.strip().split("_")
    if len(parts) < 3 or parts[0] != "cp" or len(parts[1]) != 2 * _PREFIX_BYTES:
        return None
    return parts[1]
