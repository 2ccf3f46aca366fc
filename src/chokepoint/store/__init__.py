"""The persistent store: list versions and their FollowTheMoney entities, decisions, the audit log.

SQLite file by default, PostgreSQL (or any SQLAlchemy URL) by URL. Versioned,
atomic loads: :meth:`Store.load_versions` replaces sources' current versions in one
transaction and keeps older versions in the history. Analysts' decisions on alerts and an
append-only audit log live beside them (:class:`Decision`, :class:`AuditEntry`), and the
hashed API keys of the HTTP API (:class:`ApiKey`, :data:`SCOPES`); the alerts of screening runs
with their review status (:class:`StoredAlert`, reviewed with :class:`PairDecision` s); ingested
reports with their mentions and dated claims (:class:`ReportDocument`, :class:`ReportMention`,
:class:`ReportClaim`).
"""

from chokepoint.store._alert_rows import ALERT_KINDS, ALERT_STATUSES, AlertPage, PairDecision, StoredAlert
from chokepoint.store._db import db_url
from chokepoint.store._decisions import DECISIONS, KINDS, AuditEntry, Decision
from chokepoint.store._keys import SCOPES, ApiKey
from chokepoint.store._reports import ReportClaim, ReportDocument, ReportMention
from chokepoint.store._schema import SCHEMA_VERSION
from chokepoint.store._store import Store

__all__ = [
    "ALERT_KINDS",
    "ALERT_STATUSES",
    "DECISIONS",
    "KINDS",
    "SCHEMA_VERSION",
    "SCOPES",
    "AlertPage",
    "ApiKey",
    "AuditEntry",
    "Decision",
    "PairDecision",
    "ReportClaim",
    "ReportDocument",
    "ReportMention",
    "Store",
    "StoredAlert",
    "db_url",
]
