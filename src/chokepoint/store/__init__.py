"""The persistent store: list versions and their FollowTheMoney entities.

SQLite file by default, PostgreSQL (or any SQLAlchemy URL) by URL. Versioned,
atomic loads: :meth:`Store.load_versions` replaces sources' current versions in one
transaction and keeps older versions in the history.
"""

from chokepoint.store._schema import SCHEMA_VERSION
from chokepoint.store._store import Store, db_url

__all__ = ["SCHEMA_VERSION", "Store", "db_url"]
