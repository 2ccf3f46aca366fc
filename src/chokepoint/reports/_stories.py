"""Stories across ingests: new articles are clustered together with the articles earlier ingests saved in
the store (by their saved MinHash signatures), so a re-publication of a stored story joins that story's
cluster; and the saved claims take part in corroboration, so a claim counts every stored story carrying it.
Reads the store's documents and claims (:func:`stored_history`); :func:`stories` writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from chokepoint.reports._claims import Claim
from chokepoint.reports._cluster import PERMUTATIONS, cluster_signatures, shingles, signature
from chokepoint.reports._ingest import Document
from chokepoint.store import Store

__all__ = ["History", "StoredDocument", "stored_history", "stories"]


@dataclass(frozen=True)
class StoredDocument:
    id: str
    name: str
    cluster: str
    published: date | None
    signature: np.ndarray
    size: int
    """Number of distinct shingles of the text."""


@dataclass
class History:
    """What earlier ingests saved: documents that can be clustered with new ones, and their claims."""

    documents: list[StoredDocument] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    """The store's row id of each of :attr:`claims`."""
    cluster_of: dict[str, str] = field(default_factory=dict)
    """Stored document id → its cluster."""


def stored_history(store: Store, exclude: Iterable[str] = ()) -> History:
    """The documents and claims saved in ``store``, but those of ``exclude`` (about to be saved again).
    Documents saved without a signature (by an older chokepoint) keep their cluster but are not matched."""
    skip = set(exclude)
    saved = [d for d in store.report_documents() if d.id not in skip]
    history = History(cluster_of={d.id: d.cluster or d.id for d in saved})
    names = {d.id: str(d.data.get("name") or d.location) for d in saved}
    for d in saved:
        minhash, size = d.data.get("minhash"), d.data.get("shingles")
        if isinstance(minhash, list) and len(minhash) == PERMUTATIONS and isinstance(size, int):
            sig = np.array(minhash, dtype=np.uint64)
            history.documents.append(
                StoredDocument(d.id, names[d.id], history.cluster_of[d.id], d.published, sig, size)
            )
    for c in store.report_timeline():
        if c.document_id not in names or c.id is None:
            continue
        extra = c.data
        history.claims.append(
            Claim(
                c.document_id,
                names[c.document_id],
                int(extra.get("start", 0)),
                int(extra.get("end", 0)),
                c.sentence,
                str(extra.get("expression", "")),
                date.fromisoformat(c.date),
                c.precision,
                bool(extra.get("relative", False)),
                tuple(c.entities),
                tuple(extra.get("names", ())),
                frozenset(k for k in c.entities if k in set(extra.get("countries", ()))),
                history.cluster_of[c.document_id],
                c.corroboration,
            )
        )
        history.claim_ids.append(c.id)
    return history


def _order(doc: Document) -> tuple[str, str]:
    return (doc.published.isoformat() if doc.published else "9999", doc.name)


def stories(
    documents: Sequence[Document], words: Sequence[Sequence[str]], known: Sequence[StoredDocument] = ()
) -> tuple[dict[str, str], dict[str, float], dict[str, tuple[list[int], int]]]:
    """Cluster id and estimated similarity to the cluster's first article for each new document, and its
    (signature, shingle count) to save. A cluster holding a stored article keeps that article's cluster id
    (its earliest one's); a new story is named after its earliest article."""
    sets = [shingles(w) for w in words]
    rows = [signature(s) for s in sets] + [k.signature for k in known]
    sigs = np.array(rows) if rows else np.empty((0, PERMUTATIONS), np.uint64)
    roots, joined = cluster_signatures(sigs, [len(s) for s in sets] + [k.size for k in known])
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(roots):
        groups[root].append(i)
    n = len(documents)
    cluster_of: dict[str, str] = {}
    similarity: dict[str, float] = {}
    for members in groups.values():
        new = [k for k in members if k < n]
        old = [k - n for k in members if k >= n]
        if not new:
            continue
        if old:
            first = min(old, key=lambda k: (known[k].published or date.max, known[k].name))
            lead, cluster = first + n, known[first].cluster
        else:
            lead = min(new, key=lambda k: _order(documents[k]))
            cluster = "story-" + documents[lead].id.removeprefix("doc-")[:10]
        for k in new:
            pair = (min(k, lead), max(k, lead))
            estimate = joined.get(pair, float(np.mean(sigs[k] == sigs[lead])))
            cluster_of[documents[k].id] = cluster
            similarity[documents[k].id] = 1.0 if k == lead else round(estimate, 3)
    saved = {doc.id: ([int(v) for v in rows[k]], len(sets[k])) for k, doc in enumerate(documents)}
    return cluster_of, similarity, saved
