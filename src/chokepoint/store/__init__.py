"""The persistent store: list versions and their FollowTheMoney entities, decisions, the audit log.

SQLite file by default, PostgreSQL (or any SQLAlchemy URL) by URL. Versioned,
atomic loads: :meth:`Store.load_versions` replaces sources' current versions in one
transaction and keeps older versions in the history. Analysts' decisions on alerts and an
append-only audit log live beside them (:class:`Decision`, :class:`AuditEntry`).
"""

from chokepoint.store._decisions import DECISIONS, KINDS, AuditEntry, Decision
from chokepoint.store._schema import SCHEMA_VERSION
from chokepoint.store._store import Store, db_url

__all__ = ["DECISIONS", "KINDS", "SCHEMA_VERSION", "AuditEntry", "Decision", "Store", "db_url"]
