"""One ingest: files → documents → mentions → re-publication clusters → dated claims (with the stories and
claims of earlier ingests when their :class:`History` is given).

Every file is read (and every bad one refused) before any linking starts, so a run either reads the
whole input or stops at the first bad file. Results are plain dataclasses; :mod:`._write` turns them
into the three CSV files and :mod:`._records` into rows for the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chokepoint.reports._candidates import Candidate, coreference
from chokepoint.reports._claims import Claim, claims_of, corroborate
from chokepoint.reports._dates import MONTHS, WEEKDAYS
from chokepoint.reports._ingest import Document, discover, read_document
from chokepoint.reports._link import Linker
from chokepoint.reports._stories import History, stories
from chokepoint.reports._text import sentences, tokens

__all__ = ["Mention", "Report", "analyse_documents", "ingest_reports", "read_documents"]


@dataclass(frozen=True, slots=True)
class Mention:
    document_id: str
    document: str
    start: int
    end: int
    text: str
    sentence: str
    kind: str
    """person, organisation, place, vessel, weapon system, component or other."""
    entity_id: str | None
    caption: str | None
    list_ref: str | None
    source: str | None
    """The list the entity is on (store source name)."""
    score: float | None
    ref: str | None
    """Reference gazetteer entry: ``place:…``, ``weapon:…``, ``maker:…``, ``part:…``."""
    via: str
    title: str = ""
    alternatives: tuple[str, ...] = ()
    """Other listed entities with exactly the same name."""


@dataclass
class Report:
    documents: list[Document]
    mentions: list[Mention]
    cluster_of: dict[str, str]
    """Document id → cluster id (the id of the cluster's earliest document)."""
    similarity: dict[str, float]
    """Document id → estimated Jaccard similarity to the cluster's first document (1.0 for it)."""
    claims: list[Claim]
    signatures: dict[str, tuple[list[int], int]] = field(default_factory=dict)
    """Document id → MinHash signature and shingle count, saved so later ingests can cluster against it."""
    recount: dict[int, int] = field(default_factory=dict)
    """Stored claim row id → its corroboration now that this ingest's stories count too (changed ones)."""

    def cluster_members(self) -> dict[str, list[Document]]:
        members: dict[str, list[Document]] = {}
        for doc in self.documents:
            members.setdefault(self.cluster_of[doc.id], []).append(doc)
        return members


def _mentions(doc: Document, linker: Linker) -> tuple[list[tuple[int, int]], list[list[Mention]]]:
    spans = sentences(doc.text, doc.body_start)
    # the title and the lines under it are not part of the first sentence, nor is a dateline part of a name
    for cut in (doc.lead_start, doc.dateline[1] if doc.dateline else 0):
        spans = [part for s, e in spans for part in (((s, cut), (cut, e)) if s < cut < e else ((s, e),))]
    found: list[list[Candidate]] = [linker.sentence(doc.text, tokens(doc.text, s, e)) for s, e in spans]
    coreference(doc.text, spans, found)
    out: list[list[Mention]] = []
    for (s, e), cands in zip(spans, found, strict=True):
        toks = tokens(doc.text, s, e)
        row: list[Mention] = []
        for c in cands:
            start, end = toks[c.first].start, toks[c.last - 1].end
            entity = c.entity
            row.append(
                Mention(
                    doc.id,
                    doc.name,
                    start,
                    end,
                    doc.text[start:end],
                    doc.text[s:e],
                    c.kind,
                    entity.entity_id if entity else None,
                    entity.label if entity else None,
                    entity.list_ref if entity else None,
                    entity.source if entity else None,
                    round(c.score, 4) if c.score is not None else None,
                    c.ref.ref if c.ref else None,
                    c.via,
                    c.title,
                    c.alternatives,
                )
            )
        out.append(row)
    return spans, out


def _inside(mention: Mention, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= mention.start < span[1]


def _named(
    doc: Document, spans: list[tuple[int, int]], per_sentence: list[list[Mention]]
) -> list[list[tuple[str, str, bool]]]:
    """(key, label, is_country) of what each sentence names: its mentions (``name:…`` when unlinked), then
    lone capitalised names no mention covers (first in a sentence only when in capitals, written mid-sentence
    elsewhere in the article, or a singular word before "said": "Zelenskiy said"), months, weekdays and the
    dateline aside."""
    sentence_tokens = [tokens(doc.text, s, e) for s, e in spans]
    proper = {t.norm for toks in sentence_tokens for t in toks[1:] if t.text[:1].isupper()}
    out: list[list[tuple[str, str, bool]]] = []
    for toks, row in zip(sentence_tokens, per_sentence, strict=True):
        row = [m for m in row if not _inside(m, doc.dateline)]
        named = [
            (
                m.entity_id or m.ref or "name:" + " ".join(t.norm for t in tokens(m.text)),
                m.caption or (m.ref.split(":", 1)[1] if m.ref else m.text),
                m.kind == "place" and bool(m.ref) and m.ref in _COUNTRY_REFS,
            )
            for m in row
        ]
        for i, t in enumerate(toks):
            if not t.text[:1].isupper() or len(t.norm) < 2 or t.norm in _NOT_NAMES:
                continue
            said = i + 1 < len(toks) and toks[i + 1].norm in _SAID and not t.norm.endswith("s")
            first_ok = t.text.isupper() or t.norm in proper or (said and t.norm not in _PRONOUNS)
            if (i == 0 and not first_ok) or _inside_any(t.start, row, doc):
                continue
            named.append(("", t.text, False))  # names the claim, too weak to say two claims are one
        out.append(named)
    return out


def _inside_any(offset: int, row: list[Mention], doc: Document) -> bool:
    return any(m.start <= offset < m.end for m in row) or (
        doc.dateline is not None and doc.dateline[0] <= offset < doc.dateline[1]
    )


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Every article under ``paths``, read; the first bad file raises :class:`InputError`."""
    return [read_document(path, name) for path, name in discover(paths)]


def ingest_reports(
    paths: Iterable[str | Path],
    linker: Linker,
    *,
    progress: Callable[[int, int], None] | None = None,
    history: History | None = None,
) -> Report:
    """Read, link, cluster and date every article under ``paths``."""
    return analyse_documents(read_documents(paths), linker, progress=progress, history=history)


def analyse_documents(
    documents: list[Document],
    linker: Linker,
    *,
    progress: Callable[[int, int], None] | None = None,
    history: History | None = None,
) -> Report:
    """Link, cluster and date articles already read; ``progress(done, total)`` after each one. With the
    ``history`` of earlier ingests, the new articles join stored stories and claims count stored stories."""
    mentions: list[Mention] = []
    drafts: list[Claim] = []
    words: list[list[str]] = []
    for i, doc in enumerate(documents):
        spans, per_sentence = _mentions(doc, linker)
        mentions += [m for row in per_sentence for m in row]
        named = _named(doc, spans, per_sentence)
        prose = [s >= doc.lead_start for s, _ in spans]  # no claims from the title and the lines under it
        named = [n if ok else [] for n, ok in zip(named, prose, strict=True)]
        drafts += claims_of(doc.id, doc.name, doc.text, spans, named, doc.published, doc.dateline)
        words.append([part for t in tokens(doc.text, doc.body_start) for part in t.norm.split()])
        if progress is not None:
            progress(i + 1, len(documents))
    known = history or History()
    cluster_of, similarity, signatures = stories(documents, words, known.documents)
    every = corroborate(drafts + known.claims, {**known.cluster_of, **cluster_of})
    recount = {
        claim_id: after.corroboration
        for claim_id, before, after in zip(known.claim_ids, known.claims, every[len(drafts) :], strict=True)
        if after.corroboration != before.corroboration
    }
    return Report(documents, mentions, cluster_of, similarity, every[: len(drafts)], signatures, recount)


def _country_refs() -> frozenset[str]:
    from chokepoint.reports._refdata import places

    return frozenset(f"place:{p.name}" for p in places() if p.kind == "country")


_COUNTRY_REFS = _country_refs()
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"i"}
_SAID = frozenset("said says told added announced warned denied confirmed claimed wrote stated".split())
_PRONOUNS = frozenset("he she it they we you this that who which one officials".split())
