"""FollowTheMoney entities as chokepoint uses them.

Every entity is a ``followthemoney`` ``ValueEntity``. Two pieces of provenance ride in
its serialised context, as OpenSanctions does with ``target``: ``list_ref`` (the
reference the publisher gave the record: OFAC ent_num, UN REFERENCE_NUMBER, ...) and
``target`` (whether it is a listed subject rather than a helper record).
"""

from __future__ import annotations

import re
from typing import Any

from followthemoney import model
from followthemoney.entity import ValueEntity
from followthemoney.util import make_entity_id
from normality import slugify

__all__ = [
    "TARGET_SCHEMATA",
    "Entity",
    "entity_from_dict",
    "entity_to_dict",
    "is_target",
    "list_ref",
    "make_entity",
    "make_id",
]

Entity = ValueEntity

#: Schemata of listed subjects: what ``lists show`` counts as targets.
TARGET_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}
)

_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9.-]{0,80}$")


def make_id(source: str, *parts: Any) -> str:
    """A stable, readable entity ID: ``<source>-<ref>``; hashed when the ref is long or odd.

    The same source and publisher reference always give the same ID, so a reload of a
    list keeps the IDs that decisions and alerts point to. IDs use only letters, digits,
    ``.`` and ``-`` (``us_ofac_sdn`` becomes ``us-ofac-sdn-…``): FollowTheMoney drops
    entity references holding anything else.
    """
    clean = [str(p) for p in parts if p is not None and str(p) != ""]
    if not clean:
        raise ValueError("make_id needs at least one non-empty part")
    prefix = slugify(source, sep="-") or "x"
    slug = slugify("-".join(clean), sep="-") or ""
    if slug and _SLUG_OK.match(slug) and len(clean) == 1:
        return f"{prefix}-{slug}"
    digest = make_entity_id(source, *clean)
    return f"{prefix}-{digest}"


def make_entity(
    schema: str,
    entity_id: str,
    *,
    source: str,
    ref: str | None = None,
    target: bool | None = None,
) -> Entity:
    """An empty entity of ``schema`` with ID, dataset, list reference and target flag."""
    schema_obj = model.get(schema)
    if schema_obj is None:
        raise ValueError(f"unknown FollowTheMoney schema: {schema}")
    entity = ValueEntity(schema_obj, {"id": entity_id})
    entity.datasets.add(source)
    if ref is not None:
        entity.context["list_ref"] = ref
    if target is None:
        target = schema in TARGET_SCHEMATA
    entity.context["target"] = bool(target)
    return entity


def list_ref(entity: Entity) -> str | None:
    """The publisher's reference for this record, if the list gave one."""
    ref = entity.context.get("list_ref")
    if isinstance(ref, list):  # merged contexts become lists
        ref = ref[0] if ref else None
    return str(ref) if ref is not None else None


def is_target(entity: Entity) -> bool:
    """Whether the entity is a listed subject (person, organisation, vessel, ...)."""
    flag = entity.context.get("target")
    if isinstance(flag, list):
        flag = any(flag)
    return bool(flag)


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """JSON-ready dict in the OpenSanctions FtM shape, with ``caption`` filled in."""
    data = entity.to_dict()
    data["caption"] = entity.caption
    data["datasets"] = sorted(entity.datasets)
    data["referents"] = sorted(entity.referents)
    return data


def entity_from_dict(data: dict[str, Any], *, cleaned: bool = True) -> Entity:
    """Rebuild an entity from :func:`entity_to_dict` output (or an OpenSanctions line)."""
    return ValueEntity.from_dict(dict(data), cleaned=cleaned)
