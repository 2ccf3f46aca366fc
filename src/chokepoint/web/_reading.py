"""Ingested reports as the pages need them: documents, re-publication clusters, the claims timeline.

Reads the store's report tables (``Store.report_documents``, ``report_mentions``, ``entity_reports``,
``report_timeline``, filled by ``chokepoint reports ingest``). A cluster is one story published by
several outlets; a claim's corroboration is the number of independent clusters that carry it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from chokepoint.store import Store

__all__ = ["reports_naming", "reports_overview"]


def _document(doc: Any) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title or doc.location,
        "publisher": doc.publisher,
        "published": doc.published.isoformat() if doc.published else None,
        "language": doc.language,
        "cluster": doc.cluster,
        "location": doc.location,
    }


def reports_naming(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """The documents naming an entity, each with the sentences that name it."""
    sentences: dict[str, list[str]] = defaultdict(list)
    for mention in store.report_mentions(entity_id=entity_id):
        if mention.sentence not in sentences[mention.document_id]:
            sentences[mention.document_id].append(mention.sentence)
    return [
        _document(d) | {"sentences": sentences.get(d.id, [])[:3]} for d in store.entity_reports(entity_id)
    ]


def reports_overview(store: Store) -> dict[str, Any]:
    """Every document by cluster (largest story first), and the timeline of dated claims."""
    documents = [_document(d) for d in store.report_documents()]
    by_id = {d["id"]: d for d in documents}
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in documents:
        clusters[doc["cluster"] or doc["id"]].append(doc)
    stories = sorted(
        clusters.items(), key=lambda kv: (-len(kv[1]), min(d["published"] or "9" for d in kv[1]))
    )
    counts: dict[str, int] = defaultdict(int)
    named: dict[str, list[str]] = defaultdict(list)
    for mention in store.report_mentions():
        if mention.entity_id:
            counts[mention.document_id] += 1
            if mention.entity_id not in named[mention.document_id]:
                named[mention.document_id].append(mention.entity_id)
    timeline = [
        {
            "date": c.date,
            "precision": c.precision,
            "sentence": c.sentence,
            "entities": c.entities,
            "corroboration": c.corroboration,
            "document": by_id.get(c.document_id, {"id": c.document_id, "title": c.document_id}),
        }
        for c in store.report_timeline()
    ]
    return {
        "documents": len(documents),
        "clusters": [{"id": key, "documents": docs} for key, docs in stories],
        "linked": {doc_id: named[doc_id] for doc_id in by_id},
        "mentions": dict(counts),
        "timeline": timeline,
    }
