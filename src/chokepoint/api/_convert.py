"""Between the wire and the core: FtM query examples → :class:`~chokepoint.matching.Query`, and
entities, matches, decisions and list versions → the JSON-ready dicts of ``_models.py``.

A query example is read as FollowTheMoney reads an entity (values cleaned by property type, country
names to codes), then reduced exactly as listed entities are (``Target.from_entity``), so both sides
of a comparison are cleaned by the same code. Bad schema or property names are InputErrors naming
the request field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, get_args

from followthemoney import model, registry
from followthemoney.entity import ValueEntity

from chokepoint.api._requests import QuerySchema
from chokepoint.errors import InputError
from chokepoint.matching import MAX_NAME, Match, Query
from chokepoint.model import Entity, ListVersion, is_target, list_ref
from chokepoint.store import Decision

__all__ = [
    "decision_out",
    "entity_out",
    "explanations",
    "query_from_example",
    "scored_out",
    "version_out",
]

#: Schemata a query may have: what the lists hold, and their common parents.
QUERY_SCHEMATA = frozenset(get_args(QuerySchema))
MAX_VALUES = 100  # values per property


def query_from_example(
    schema_name: str, properties: Mapping[str, str | Sequence[Any]], field: str
) -> tuple[Query, dict[str, list[str]]]:
    """The query and its cleaned properties (what yente echoes back); ``field`` prefixes error fields."""
    schema = model.get(schema_name)
    if schema is None or schema.name not in QUERY_SCHEMATA:
        shown = ", ".join(sorted(QUERY_SCHEMATA))
        raise InputError(f"schema must be one of {shown}, not {schema_name!r}", field=f"{field}.schema")
    entity = ValueEntity(schema, {"id": "query"})
    for name, values in properties.items():
        prop = schema.get(name)
        where = f"{field}.properties.{name}"
        if prop is None:
            raise InputError(f"{schema.name} has no property {name!r}", field=where)
        items = [values] if isinstance(values, str) else list(values)
        if len(items) > MAX_VALUES:
            raise InputError(f"at most {MAX_VALUES} values per property", field=where)
        if prop.type == registry.entity:  # references to other query entities: nothing to compare
            continue
        for value in items:
            if value is None or value == "":
                continue
            text = str(value).strip()
            if prop.type == registry.name and len(text) > MAX_NAME:
                raise InputError(f"a name is longer than {MAX_NAME} characters", field=where)
            entity.add(prop, text, quiet=True, fuzzy=True)
    query = Query.from_entity(entity)
    if not query.names:
        raise InputError(
            "a query needs a name (name, alias, or firstName and lastName)", field=f"{field}.properties.name"
        )
    return query, {k: list(v) for k, v in entity.to_dict()["properties"].items()}


def version_out(version: ListVersion) -> dict[str, Any]:
    return {
        "source": version.source,
        "version": version.version,
        "published": version.published,
        "loaded_at": version.loaded_at,
        "targets": version.targets,
        "title": version.title,
    }


def entity_out(
    entity: Entity, version: ListVersion | None, *, properties: dict[str, list[Any]] | None = None
) -> dict[str, Any]:
    """yente's EntityResponse for one entity (``properties`` replaces its own, e.g. nested)."""
    return {
        "id": str(entity.id),
        "caption": entity.caption,
        "schema": entity.schema.name,
        "properties": properties
        if properties is not None
        else {k: list(v) for k, v in entity.properties.items()},
        "datasets": sorted(entity.datasets),
        "referents": sorted(entity.referents),
        "target": is_target(entity),
        "first_seen": None,
        "last_seen": version.loaded_at if version is not None else None,
        "last_change": None,
        "list_ref": list_ref(entity),
        "versions": [version_out(version)] if version is not None else [],
    }


def explanations(match: Match) -> dict[str, dict[str, Any]]:
    """yente's ``explanations``: the name comparison, then each secondary feature with its effect."""
    name = match.scored.name
    found: dict[str, dict[str, Any]] = {
        "name": {"score": round(name.score, 4), "detail": name.explanation, "query": name.left or None,
                 "candidate": name.right or None},
    }  # fmt: skip
    for feature in match.scored.features:
        found[feature.name.replace(" ", "_")] = {"score": round(feature.delta, 4), "detail": feature.detail}
    return found


def decision_out(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "query_key": decision.query_key,
        "entity_id": decision.target_id,
        "decision": decision.decision,
        "reason": decision.reason,
        "who": decision.who,
        "decided_at": decision.decided_at,
    }


def scored_out(
    match: Match, entity: Entity, version: ListVersion | None, decision: Decision | None
) -> dict[str, Any]:
    """yente's ScoredEntityResponse, with the standing decision on the pair if there is one."""
    data = entity_out(entity, version)
    data["versions"] = []  # the response names them once
    data["score"] = match.score
    data["match"] = match.match
    data["explanations"] = explanations(match)
    data["decision"] = decision_out(decision) if decision is not None else None
    return data
