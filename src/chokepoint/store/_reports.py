"""Ingested reports as methods of the store: documents, their mentions and dated claims.

Tables ``documents``, ``mentions`` and ``claims`` (``_schema.py``); a document's FtM ``Document``
entity and each mention's FtM ``Mention`` entity are kept in their ``data`` columns. Saving a batch is
one transaction, and a document saved again (same id) replaces the old one with its mentions and claims;
the same transaction can update the corroboration of claims saved before (a later ingest counts them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DatabaseError, OperationalError

from chokepoint.errors import StoreError
from chokepoint.store._schema import claims, documents, mentions

__all__ = ["ReportClaim", "ReportDocument", "ReportMention", "ReportShelf"]


@dataclass(frozen=True)
class ReportDocument:
    id: str
    location: str
    title: str | None
    publisher: str | None
    published: date | None
    language: str | None
    cluster: str | None
    """Re-publication cluster (one story) the document was put in when it was ingested."""
    text_sha256: str
    data: dict[str, Any] = field(default_factory=dict)
    """The FtM ``Document`` entity and extras."""
    ingested_at: datetime | None = None


@dataclass(frozen=True)
class ReportMention:
    document_id: str
    start: int
    end: int
    text: str
    sentence: str
    kind: str
    entity_id: str | None
    score: float | None
    data: dict[str, Any] = field(default_factory=dict)
    """The FtM ``Mention`` entity and extras (reference, how it was linked)."""


@dataclass(frozen=True)
class ReportClaim:
    document_id: str
    date: str
    """ISO date (a month or year is given as its first day)."""
    precision: str
    sentence: str
    entities: list[str]
    """Entity ids and reference keys (``place:Amirabad``) named in the sentence."""
    corroboration: int
    data: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    """The row id, once saved (given by :meth:`ReportShelf.report_timeline`)."""


def _document(row: sa.Row[Any]) -> ReportDocument:
    values = row._asdict()
    at = values.get("ingested_at")
    values["ingested_at"] = at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at
    values["data"] = dict(values["data"] or {})
    return ReportDocument(**values)


class ReportShelf:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``."""

    engine: sa.Engine
    display: str

    def save_reports(
        self,
        docs: Sequence[ReportDocument],
        found: Sequence[ReportMention] = (),
        dated: Sequence[ReportClaim] = (),
        *,
        recount: Mapping[int, int] | None = None,
    ) -> int:
        """Save documents with their mentions and claims in one transaction, replacing any document
        saved before under the same id (and its mentions and claims), and set the corroboration of saved
        claims by row id (``recount``). Returns the number of documents saved."""
        ids = [d.id for d in docs]
        now = datetime.now(UTC)
        with self._report_writing() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for table in (claims, mentions):
                    conn.execute(sa.delete(table).where(table.c.document_id.in_(chunk)))
                conn.execute(sa.delete(documents).where(documents.c.id.in_(chunk)))
            if docs:
                conn.execute(sa.insert(documents), [{**asdict(d), "ingested_at": now} for d in docs])
            if found:
                rows = [asdict(m) for m in found]
                for row in rows:
                    row["start_offset"], row["end_offset"] = row.pop("start"), row.pop("end")
                conn.execute(sa.insert(mentions), rows)
            if dated:
                rows = [asdict(c) for c in dated]
                for row in rows:
                    row.pop("id")
                conn.execute(sa.insert(claims), rows)
            for claim_id, count in (recount or {}).items():
                conn.execute(sa.update(claims).where(claims.c.id == claim_id).values(corroboration=count))
        return len(docs)

    def report_documents(self) -> list[ReportDocument]:
        """Every saved document, by location."""
        with self.engine.connect() as conn:
            return [_document(r) for r in conn.execute(sa.select(documents).order_by(documents.c.location))]

    def report_mentions(
        self, *, entity_id: str | None = None, document_id: str | None = None
    ) -> list[ReportMention]:
        """Saved mentions, in document and text order (optionally of one entity or one document)."""
        q = sa.select(mentions).order_by(mentions.c.document_id, mentions.c.start_offset)
        if entity_id is not None:
            q = q.where(mentions.c.entity_id == entity_id)
        if document_id is not None:
            q = q.where(mentions.c.document_id == document_id)
        with self.engine.connect() as conn:
            return [
                ReportMention(
                    r.document_id,
                    r.start_offset,
                    r.end_offset,
                    r.text,
                    r.sentence,
                    r.kind,
                    r.entity_id,
                    r.score,
                    dict(r.data or {}),
                )
                for r in conn.execute(q)
            ]

    def entity_reports(self, entity_id: str) -> list[ReportDocument]:
        """The saved documents that name an entity ("named in N reports")."""
        named = sa.select(mentions.c.document_id).where(mentions.c.entity_id == entity_id).distinct()
        q = (
            sa.select(documents)
            .where(documents.c.id.in_(named))
            .order_by(documents.c.published, documents.c.id)
        )
        with self.engine.connect() as conn:
            return [_document(r) for r in conn.execute(q)]

    def report_timeline(self, *, entity_id: str | None = None) -> list[ReportClaim]:
        """Saved claims by date (optionally only those naming ``entity_id``)."""
        q = sa.select(claims).order_by(claims.c.date, claims.c.document_id, claims.c.id)
        with self.engine.connect() as conn:
            rows = [
                ReportClaim(
                    r.document_id,
                    r.date,
                    r.precision,
                    r.sentence,
                    list(r.entities),
                    r.corroboration,
                    dict(r.data or {}),
                    r.id,
                )
                for r in conn.execute(q)
            ]
        return [c for c in rows if entity_id is None or entity_id in c.entities]

    @contextmanager
    def _report_writing(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except (DatabaseError, OperationalError) as exc:
            raise StoreError(f"the store could not be written: {exc.orig}", path=self.display) from None
