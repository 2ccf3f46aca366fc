"""The matcher: candidate retrieval plus scoring, over the listed subjects of the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chokepoint.matching._index import NameIndex
from chokepoint.matching._names import DEFAULT_THRESHOLD
from chokepoint.matching._query import Query, Target
from chokepoint.matching._score import Scored, score_target
from chokepoint.model import Entity, is_target, list_ref

__all__ = ["CANDIDATES", "Match", "Matcher"]

#: How many retrieved candidates are scored in full per query.
CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Match:
    """One listed entity a query may be."""

    entity_id: str
    caption: str
    schema: str
    score: float
    match: bool
    list_ref: str | None
    source: str | None
    explanation: str
    scored: Scored


class Matcher:
    """Screens queries against the listed subjects it was built from."""

    def __init__(self, targets: list[Target]) -> None:
        self.index = NameIndex(targets)

    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Matcher:
        targets = [
            Target.from_entity(i, e, list_ref=list_ref(e))
            for i, e in enumerate(e for e in entities if is_target(e))
        ]
        return cls(targets)

    def __len__(self) -> int:
        return len(self.index)

    def match(
        self, query: Query, *, threshold: float | None = None, limit: int = 5, cutoff: float = 0.5
    ) -> list[Match]:
        """Candidates scoring at least ``cutoff``, best first; ``match`` marks those ≥ threshold."""
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        results: list[Scored] = []
        for candidate in self.index.candidates(query, CANDIDATES):
            scored = score_target(query, candidate.target, candidate.names)
            if scored is not None and scored.score >= cutoff:
                results.append(scored)
        results.sort(key=lambda s: s.score, reverse=True)
        return [_match(s, threshold) for s in results[:limit]]

    def search(self, text: str, *, limit: int = 10, threshold: float | None = None) -> list[Match]:
        """Listed subjects for free text in any script, as typed so far (the last word may be
        unfinished), in retrieval order; each scored as a name of unknown kind."""
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        query = Query(schema="LegalEntity", names=(text,))
        found = []
        for candidate in self.index.search(text, limit):
            scored = score_target(query, candidate.target, candidate.names)
            if scored is not None:
                found.append(_match(scored, threshold))
        return found


def _match(s: Scored, threshold: float) -> Match:
    return Match(
        entity_id=s.target.id,
        caption=s.target.caption,
        schema=s.target.schema,
        score=round(s.score, 4),
        match=s.score >= threshold,
        list_ref=s.target.list_ref,
        source=s.target.source,
        explanation=s.explanation,
        scored=s,
    )
