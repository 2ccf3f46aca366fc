"""A :class:`Report` as rows for the store, with FtM ``Document`` and ``Mention`` entities in ``data``.

The Document entity carries title, publisher, publication date, language and file name (its ``data`` also
keeps the MinHash signature, so later ingests can cluster against it); each Mention entity points at its
document and, when linked, at the listed entity (``resolved``), so the reports can be exported to the
FollowTheMoney tools (Aleph, yente) unchanged. :func:`save_report` saves it all in one transaction.
"""

from __future__ import annotations

from chokepoint.model import entity_to_dict, make_entity
from chokepoint.reports._pipeline import Report
from chokepoint.store import ReportClaim, ReportDocument, ReportMention, Store

__all__ = ["DATASET", "report_records", "save_report"]

#: The dataset name of the FtM entities made from reports.
DATASET = "reports"
_MIME = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html", "pdf": "application/pdf"}
_SCHEMA = {"person": "Person", "organisation": "Organization", "vessel": "Vessel"}


def report_records(report: Report) -> tuple[list[ReportDocument], list[ReportMention], list[ReportClaim]]:
    """Rows for :meth:`chokepoint.store.Store.save_reports`."""
    docs: list[ReportDocument] = []
    for doc in report.documents:
        entity = make_entity("Document", doc.id, source=DATASET, target=False)
        entity.add("title", doc.title or None)
        entity.add("publisher", doc.publisher or None)
        entity.add("publishedAt", doc.published.isoformat() if doc.published else None)
        entity.add("language", doc.language or None)
        entity.add("fileName", doc.name)
        entity.add("mimeType", _MIME[doc.format])
        extra = {"name": doc.name, "format": doc.format, "similarity": report.similarity.get(doc.id)}
        if doc.id in report.signatures:
            extra["minhash"], extra["shingles"] = report.signatures[doc.id]
        docs.append(
            ReportDocument(
                doc.id,
                doc.location,
                doc.title or None,
                doc.publisher or None,
                doc.published,
                doc.language or None,
                report.cluster_of.get(doc.id),
                doc.sha256,
                {"entity": entity_to_dict(entity), **extra},
            )
        )
    found: list[ReportMention] = []
    for n, m in enumerate(report.mentions, start=1):
        entity = make_entity("Mention", f"{m.document_id}-m{n}", source=DATASET, target=False)
        entity.add("document", m.document_id)
        entity.add("name", m.text)
        entity.add("resolved", m.entity_id)
        entity.add("detectedSchema", _SCHEMA.get(m.kind))
        extra = {
            "ref": m.ref,
            "via": m.via,
            "caption": m.caption,
            "source": m.source,
            "list_ref": m.list_ref,
            "title": m.title,
            "alternatives": list(m.alternatives),
        }
        found.append(
            ReportMention(
                m.document_id,
                m.start,
                m.end,
                m.text,
                m.sentence,
                m.kind,
                m.entity_id,
                m.score,
                {"entity": entity_to_dict(entity), **extra},
            )
        )
    dated = [
        ReportClaim(
            c.document_id,
            c.date.isoformat(),
            c.precision,
            c.sentence,
            list(c.keys),
            c.corroboration,
            {
                "expression": c.expression,
                "names": list(c.names),
                "countries": sorted(c.countries),
                "cluster": c.cluster,
                "group": c.group,
                "relative": c.relative,
                "start": c.start,
                "end": c.end,
            },
        )
        for c in report.claims
    ]
    return docs, found, dated


def save_report(store: Store, report: Report) -> int:
    """Save the report's documents, mentions and claims, and the new corroboration of claims saved before."""
    return store.save_reports(*report_records(report), recount=report.recount)
