"""The record of one loaded list version: what was loaded, from which files, when."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

__all__ = ["ListVersion"]


@dataclass
class ListVersion:
    """One version of one source, as loaded into the store.

    ``version`` is the first 12 hex digits of the sha256 over the version's files, so the
    same file always has the same version and a changed file never shares one.
    """

    source: str
    """Stable source name (``us_ofac_sdn``, ``un_sc``, ...); a load replaces its version."""
    format: str
    """Reader that produced it (``ofac-csv``, ``un-xml``, ...)."""
    sha256: str
    """Digest of the file, or of the per-file digests for a multi-file set."""
    targets: int
    """Listed subjects (persons, organisations, vessels, aircraft), not helper records."""
    entities: int
    """All entities, helper records (sanctions, links, addresses) included."""
    files: list[dict[str, Any]] = field(default_factory=list)
    """Each file of the version: ``{"path", "sha256", "size"}``."""
    published: date | None = None
    """Publication date as the file states it, if it does."""
    title: str | None = None
    loaded_at: datetime | None = None
    current: bool = False
    id: int | None = None

    @property
    def version(self) -> str:
        return self.sha256[:12]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the ``lists show --json`` contract plus the rest of the record."""
        data = asdict(self)
        data["version"] = self.version
        data["published"] = self.published.isoformat() if self.published else None
        data["loaded_at"] = self.loaded_at.isoformat(timespec="seconds") if self.loaded_at else None
        order = ["source", "version", "published", "loaded_at", "targets", "entities", "current"]
        return {k: data[k] for k in order} | {k: v for k, v in data.items() if k not in order}
