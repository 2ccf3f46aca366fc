"""Nesting for ``GET /entities/{id}``, as yente does it: the entities that name this one (sanctions,
links, ownerships) appear under the reverse property (``sanctions``, ``ownershipOwner`` …), and the
entities they link it to appear inside them; references among those become nested objects.
"""

from __future__ import annotations

from typing import Any

from followthemoney import registry

from chokepoint.api._convert import entity_out
from chokepoint.errors import NotFound
from chokepoint.model import Entity
from chokepoint.screening import ScreeningService

__all__ = ["nested_properties"]


def _flat(entity: Entity) -> dict[str, Any]:
    return entity_out(entity, None)


def _linked(entity: Entity, root: str, others: dict[str, Entity]) -> dict[str, Any]:
    """An adjacent entity: its references to others nested, its reference back to the root left out."""
    properties: dict[str, list[Any]] = {}
    for prop, values in entity.properties.items():
        is_ref = entity.schema.get(prop) is not None and entity.schema.get(prop).type == registry.entity
        kept = [
            _flat(others[v]) if is_ref and v in others else v for v in values if not (is_ref and v == root)
        ]
        if kept:
            properties[prop] = kept
    return entity_out(entity, None, properties=properties)


def nested_properties(service: ScreeningService, entity: Entity) -> dict[str, list[Any]]:
    """The entity's properties with adjacent entities nested (its own properties when it has none)."""
    root = str(entity.id)
    try:
        neighbours = {str(n.id): n for n in service.neighbours(root)}
    except NotFound:  # no longer in a current list: shown as it was, without links
        neighbours = {}
    properties: dict[str, list[Any]] = {}
    placed: set[str] = set()
    for prop, values in entity.properties.items():
        ref = entity.schema.get(prop) is not None and entity.schema.get(prop).type == registry.entity
        properties[prop] = [_linked(neighbours[v], root, neighbours) if ref and v in neighbours else v
                            for v in values]  # fmt: skip
        if ref:
            placed.update(values)
    for other_id, other in neighbours.items():
        if other_id in placed:
            continue
        for prop in other.schema.properties.values():
            if (
                prop.type != registry.entity
                or prop.reverse is None
                or root not in other.get(prop, quiet=True)
            ):
                continue
            properties.setdefault(prop.reverse.name, []).append(_linked(other, root, neighbours))
            placed.add(other_id)
            break
    return properties
