"""What an entity page shows: names by script, list memberships, identifiers, addresses, relations.

Built from the entity, the list version it came from and its neighbours in the screening service
(the Sanction, Ownership, Directorship, UnknownLink … entities that name it, and who is on their
other side). :func:`entity_graph` is the same neighbourhood as nodes and edges for the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chokepoint.errors import NotFound
from chokepoint.matching import script_of
from chokepoint.model import Entity, ListVersion, is_target, list_ref
from chokepoint.screening import ScreeningService

__all__ = ["EntityView", "entity_graph", "entity_view"]

NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation")
HIDDEN = frozenset(
    {
        *NAME_PROPS,
        "notes",
        "topics",
        "program",
        "address",
        "programId",
        "firstName",
        "lastName",
        "middleName",
        "secondName",
        "fatherName",
        "title",
        "position",
    }
)
SANCTION_DATES = ("listingDate", "startDate", "endDate")


@dataclass
class EntityView:
    entity: Entity
    version: ListVersion
    names: list[dict[str, str]] = field(default_factory=list)
    listings: list[dict[str, Any]] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def listed(self) -> bool:
        return is_target(self.entity)

    @property
    def mmsis(self) -> list[int]:
        return [int(v) for v in self.entity.get("mmsi", quiet=True) if v.isdigit()]

    def to_dict(self) -> dict[str, Any]:
        e = self.entity
        return {
            "id": e.id,
            "caption": e.caption,
            "schema": e.schema.name,
            "target": is_target(e),
            "list_ref": list_ref(e),
            "version": self.version.to_dict(),
            "names": self.names,
            "listings": [{k: v for k, v in item.items() if k != "version"} for item in self.listings],
            "identifiers": [{"type": t, "value": v} for t, v in self.identifiers],
            "addresses": self.addresses,
            "details": [{"property": p, "value": v} for p, v in self.details],
            "relations": [{k: v for k, v in r.items() if k != "other"} for r in self.relations],
            "notes": self.notes,
        }


def _values(entity: Entity, prop: str) -> list[str]:
    return list(entity.get(prop, quiet=True)) if prop in entity.schema.properties else []


def _names(entity: Entity) -> list[dict[str, str]]:
    rows = []
    for prop in NAME_PROPS:
        for name in _values(entity, prop):
            label = entity.schema.properties[prop].label
            rows.append({"name": name, "kind": label, "script": script_of(name) or "other"})
    order = {"latin": 0, "cyrillic": 1, "arabic": 2}
    return sorted(rows, key=lambda r: order.get(r["script"], 3))


def _version_of(versions: list[ListVersion], source: str | None) -> ListVersion | None:
    return next((v for v in versions if v.source == source), None)


def _listing(sanction: Entity, versions: list[ListVersion]) -> dict[str, Any]:
    source = sanction.context.get("source")
    version = _version_of(versions, source if isinstance(source, str) else None)
    dates = {d: _values(sanction, d) for d in SANCTION_DATES}
    return {
        "authority": ", ".join(_values(sanction, "authority")) or (version.source if version else ""),
        "programmes": _values(sanction, "program"),
        "programme_ids": _values(sanction, "programId") + _values(sanction, "unscId"),
        "listed": min(dates["listingDate"] or dates["startDate"] or [""]),
        "ends": min(dates["endDate"] or [""]),
        "provisions": _values(sanction, "provisions") + _values(sanction, "reason"),
        "list_ref": list_ref(sanction),
        "list": f"{version.source}@{version.version}" if version else source,
        "published": version.published.isoformat() if version and version.published else None,
        "version": version,
    }


def _own_listing(entity: Entity, version: ListVersion) -> dict[str, Any]:
    """The entity's own list entry, for lists without Sanction records (OFAC's programmes, CSL)."""
    created = _values(entity, "createdAt")
    return {
        "authority": version.title or version.source,
        "programmes": _values(entity, "program"),
        "programme_ids": _values(entity, "programId"),
        "listed": min(created) if created else "",
        "ends": "",
        "provisions": [],
        "list_ref": list_ref(entity),
        "list": f"{version.source}@{version.version}",
        "published": version.published.isoformat() if version.published else None,
        "version": version,
    }


def _edge_ends(link: Entity) -> tuple[list[str], list[str]]:
    schema = link.schema
    if not schema.edge or not schema.edge_source or not schema.edge_target:
        return [], []
    return _values(link, schema.edge_source), _values(link, schema.edge_target)


def _relations(entity: Entity, neighbours: list[Entity]) -> list[dict[str, Any]]:
    """One row per link entity naming this one: what kind, which way, the role, who is on the other side."""
    by_id = {str(n.id): n for n in neighbours}
    rows = []
    for link in neighbours:
        sources, targets = _edge_ends(link)
        if entity.id not in sources + targets:
            continue
        outgoing = entity.id in sources
        for other_id in targets if outgoing else sources:
            other = by_id.get(other_id)
            if other is None:
                continue
            verb = link.schema.edge_label or link.schema.label
            rows.append(
                {
                    "relation": link.schema.label,
                    "verb": verb if outgoing else f"{verb} (by)",
                    "role": ", ".join(_values(link, "role") + _values(link, "relationship")),
                    "since": min(_values(link, "startDate") or [""]),
                    "until": min(_values(link, "endDate") or [""]),
                    "other_id": other_id,
                    "other_caption": other.caption,
                    "other_schema": other.schema.label,
                    "other": other,
                }
            )
    for prop in entity.schema.properties.values():
        if prop.type.name == "entity" and prop.name not in ("addressEntity",):
            for other_id in _values(entity, prop.name):
                if (other := by_id.get(other_id)) is not None and not other.schema.edge:
                    row = {"relation": prop.label, "verb": prop.label, "role": "", "since": "", "until": ""}
                    row |= {"other_id": other_id, "other_caption": other.caption}
                    rows.append(row | {"other_schema": other.schema.label, "other": other})
    return rows


def entity_view(service: ScreeningService, entity_id: str) -> EntityView:
    """Everything the entity page shows (NotFound for an unknown id)."""
    entity, version = service.entity(entity_id)
    try:
        neighbours = service.neighbours(entity_id)
    except NotFound:  # only in an older list version: no links to show
        neighbours = []
    view = EntityView(entity, version, names=_names(entity), notes=_values(entity, "notes"))
    sanctions = [n for n in neighbours if n.schema.name == "Sanction" and entity.id in _values(n, "entity")]
    view.listings = [_listing(s, service.versions) for s in sanctions] or [_own_listing(entity, version)]
    for prop in sorted(entity.schema.properties.values(), key=lambda p: p.label):
        values = _values(entity, prop.name)
        if not values or prop.name in HIDDEN or prop.type.name == "entity":
            continue
        shown = [str(prop.type.caption(v) or v) for v in values]
        if prop.type.name == "identifier":
            view.identifiers.extend((prop.label, v) for v in shown)
        else:
            view.details.append((prop.label, "; ".join(shown)))
    addresses = {str(n.id): n for n in neighbours if n.schema.name == "Address"}
    view.addresses = _values(entity, "address") + [
        addresses[a].caption for a in _values(entity, "addressEntity") if a in addresses
    ]
    view.relations = _relations(entity, neighbours)
    return view


def _node(entity: Entity, prefix: str) -> dict[str, Any]:
    kind = "listed" if is_target(entity) else "sanction" if entity.schema.name == "Sanction" else "other"
    label = entity.caption
    if entity.schema.name == "Sanction":
        label = ", ".join(_values(entity, "authority")) or label
    return {
        "id": entity.id,
        "label": label,
        "schema": entity.schema.label,
        "kind": kind,
        "url": f"{prefix}/entities/{entity.id}",
    }


def _refers(entity: Entity, other_id: str) -> str | None:
    """The label of the first property by which ``entity`` names ``other_id``, if any."""
    for prop in entity.schema.properties.values():
        if prop.type.name == "entity" and other_id in _values(entity, prop.name):
            return prop.label
    return None


def entity_graph(service: ScreeningService, entity_id: str, prefix: str) -> dict[str, Any]:
    """The entity and its neighbours as ``{"id", "nodes", "edges"}``: a link entity (ownership,
    directorship, family …) becomes a labelled edge between its two sides; a sanction, an address or
    another record naming the entity becomes a node with an edge to it."""
    entity, _ = service.entity(entity_id)
    neighbours = {str(n.id): n for n in service.neighbours(entity_id)}
    nodes = {str(entity.id): _node(entity, prefix)}
    edges: list[dict[str, Any]] = []

    def edge(key: str, source: str, target: str, label: str, schema: str) -> None:
        for end in (source, target):
            if end not in nodes:
                nodes[end] = _node(neighbours[end], prefix)
        edges.append({"id": key, "source": source, "target": target, "label": label, "schema": schema})

    for n in neighbours.values():
        sources, targets = _edge_ends(n)
        if sources or targets:
            label = ", ".join(_values(n, "role")) or n.schema.edge_label or n.schema.label
            for s in sources:
                for t in targets:
                    if entity.id in (s, t) and {s, t} - {entity.id} <= neighbours.keys():
                        edge(f"{n.id}:{s}:{t}", s, t, label, n.schema.label)
        elif (how := _refers(n, str(entity.id))) is not None:
            label = ", ".join(_values(n, "program")[:1]) if n.schema.name == "Sanction" else how
            edge(str(n.id), str(n.id), str(entity.id), label or n.schema.label, n.schema.label)
        elif (how := _refers(entity, str(n.id))) is not None:
            edge(f"{entity.id}:{n.id}", str(entity.id), str(n.id), how, n.schema.label)
    return {"id": entity.id, "nodes": list(nodes.values()), "edges": edges}
