"""The screening service: one core behind the HTTP API and the analyst UI.

Holds the matcher over the store's current listed subjects, the entities themselves and the links
between them; answers match, search, entity and neighbour questions; records decisions and applies
standing ones (a decision holds while the listing it was taken on is unchanged). :meth:`refresh`
rebuilds everything when a new list version becomes current, and swaps it in one assignment.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from chokepoint.errors import InputError, NotFound
from chokepoint.matching import DEFAULT_THRESHOLD, Match, Matcher, Query
from chokepoint.model import Entity, ListVersion, is_target
from chokepoint.screening._keys import party_basis, party_key
from chokepoint.store import AuditEntry, Decision, Store

__all__ = ["Screened", "ScreeningService"]

#: Matches are over-fetched by this factor when sources or excluded ids filter them afterwards.
FILTER_MARGIN = 4


@dataclass(frozen=True)
class Screened:
    """One query's answer: matches, standing decisions on them, and the list versions asked."""

    query: Query
    key: str
    """The normalised query name that decisions are keyed on."""
    matches: list[Match]
    decisions: dict[str, Decision]
    """Entity id → the standing decision for this query and that entity."""
    versions: list[ListVersion]


@dataclass
class _State:
    versions: list[ListVersion]
    matcher: Matcher
    entities: dict[str, Entity]
    links: dict[str, list[str]] = field(default_factory=dict)
    """Entity id → ids of the entities (sanctions, ownerships, links …) that name it."""


def _refs(entity: Entity) -> list[str]:
    """The ids this entity's entity-typed properties point to (owner, asset, subject …)."""
    return [
        v
        for p in entity.schema.properties.values()
        if p.type.name == "entity"
        for v in entity.get(p, quiet=True)
    ]


def _build(store: Store) -> _State:
    versions = store.versions(current_only=True)
    entities: dict[str, Entity] = {}
    links: dict[str, list[str]] = defaultdict(list)
    for entity in store.iter_entities():
        entity_id = str(entity.id)
        entities[entity_id] = entity
        if not is_target(entity):
            for other in _refs(entity):
                links[other].append(entity_id)
    matcher = Matcher.from_entities(e for e in entities.values() if is_target(e))
    return _State(versions, matcher, entities, dict(links))


def _version_key(versions: Iterable[ListVersion]) -> tuple[int, ...]:
    return tuple(sorted(v.id for v in versions))


class ScreeningService:
    """Match, search, look up and decide over the store's current lists."""

    def __init__(self, store: Store, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.store = store
        self.threshold = threshold
        self._lock = threading.Lock()
        self._state = _build(store)

    @property
    def versions(self) -> list[ListVersion]:
        return list(self._state.versions)

    def __len__(self) -> int:
        return len(self._state.matcher)

    def refresh(self) -> bool:
        """Rebuild when the store's current list versions changed; True when it did."""
        current = _version_key(self.store.versions(current_only=True))
        if current == _version_key(self._state.versions):
            return False
        with self._lock:
            if current == _version_key(self._state.versions):
                return False
            self._state = _build(self.store)
        return True

    def match(
        self,
        query: Query,
        *,
        limit: int = 5,
        threshold: float | None = None,
        cutoff: float = 0.5,
        sources: Collection[str] | None = None,
        exclude_ids: Collection[str] = (),
    ) -> Screened:
        """The query's candidates scoring at least ``cutoff`` among the chosen sources, best first."""
        if limit < 1:
            raise InputError("limit must be at least 1", field="limit")
        state = self._state
        threshold = self.threshold if threshold is None else threshold
        filtered = sources is not None or bool(exclude_ids)
        fetch = limit * FILTER_MARGIN if filtered else limit
        found = state.matcher.match(query, threshold=threshold, limit=fetch, cutoff=cutoff)
        matches = [
            m for m in found if (sources is None or m.source in sources) and m.entity_id not in exclude_ids
        ][:limit]
        key = party_key(query.names[0]) if query.names else ""
        decisions = self._standing(state, key, matches)
        versions = [v for v in state.versions if sources is None or v.source in sources]
        return Screened(query, key, matches, decisions, versions)

    def search(self, text: str, *, limit: int = 10, sources: Collection[str] | None = None) -> list[Match]:
        """Listed subjects for free text in any script, as typed so far."""
        fetch = limit * FILTER_MARGIN if sources is not None else limit
        found = self._state.matcher.search(text, limit=fetch, threshold=self.threshold)
        return [m for m in found if sources is None or m.source in sources][:limit]

    def entity(self, entity_id: str) -> tuple[Entity, ListVersion]:
        """A current entity and the list version it came from (NotFound when there is none);
        answered from memory, the store only for what the index does not hold."""
        state = self._state
        entity = state.entities.get(entity_id)
        source = entity.context.get("source") if entity is not None else None
        version = next((v for v in state.versions if v.source == source), None)
        if entity is None or version is None:
            return self.store.entity(entity_id)
        return entity, version

    def neighbours(self, entity_id: str) -> list[Entity]:
        """Entities naming this one (sanctions, links, ownerships …) and the entities they link it to."""
        state = self._state
        if entity_id not in state.entities:
            raise NotFound(f"no entity {entity_id!r} in the current lists", field="id")
        found: dict[str, Entity] = {}
        for link_id in state.links.get(entity_id, []):
            found[link_id] = state.entities[link_id]
            others = _refs(state.entities[link_id])
            found.update((o, state.entities[o]) for o in others if o != entity_id and o in state.entities)
        others = _refs(state.entities[entity_id])
        found.update((o, state.entities[o]) for o in others if o in state.entities)
        return list(found.values())

    def decide(self, *, query: Query, entity_id: str, decision: str, reason: str, who: str) -> Decision:
        """Record that this query is (``escalated``) or is not (``cleared``) the listed entity."""
        if not query.names:
            raise InputError("the query has no name", field="query")
        entity = self._state.entities.get(entity_id)
        if entity is None or not is_target(entity):
            raise NotFound(f"no listed entity {entity_id!r} in the current lists", field="entity_id")
        evidence: dict[str, Any] = {"query": query.names[0], "caption": entity.caption}
        return self.store.add_decision(
            kind="party",
            query_key=party_key(query.names[0]),
            target_id=entity_id,
            decision=decision,
            reason=reason,
            who=who,
            basis=party_basis(entity),
            evidence=evidence,
        )

    def audit(self, actor: str, action: str, detail: dict[str, Any]) -> AuditEntry:
        return self.store.audit(actor, action, detail)

    def _standing(self, state: _State, key: str, matches: list[Match]) -> dict[str, Decision]:
        if not key or not matches:
            return {}
        standing = self.store.decisions_for("party", key)
        found: dict[str, Decision] = {}
        for m in matches:
            decision = standing.get(m.entity_id)
            entity = state.entities.get(m.entity_id)
            if decision is not None and entity is not None and decision.basis == party_basis(entity):
                found[m.entity_id] = decision
        return found
