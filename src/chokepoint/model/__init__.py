"""The data model: FollowTheMoney entities with list provenance.

Everything above this package speaks in ``Entity`` objects (followthemoney's
``ValueEntity``) made with :func:`make_entity` and identified with :func:`make_id`.
"""

from chokepoint.model._entity import (
    TARGET_SCHEMATA,
    Entity,
    entity_from_dict,
    entity_to_dict,
    is_target,
    list_ref,
    make_entity,
    make_id,
)
from chokepoint.model._version import ListVersion

__all__ = [
    "TARGET_SCHEMATA",
    "Entity",
    "ListVersion",
    "entity_from_dict",
    "entity_to_dict",
    "is_target",
    "list_ref",
    "make_entity",
    "make_id",
]
