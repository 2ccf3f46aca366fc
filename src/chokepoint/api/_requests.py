"""Request models: yente's ``EntityMatchQuery`` and ``EntityExample``, the query parameters of
``/match`` and ``/search``, decisions and batches of parties.

Limits live in the models where JSON Schema can say them (100 queries, 50 excluded ids, name
lengths), so the OpenAPI document states them and FastAPI answers 422 naming the field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DecisionIn",
    "EntityExample",
    "EntityMatchQuery",
    "MatchParams",
    "PartiesIn",
    "PartyIn",
    "QuerySchema",
    "SearchParams",
]


Scalar = str | int | float | bool | None


#: Schemata a query may have: what the lists hold, and their common parents.
QuerySchema = Literal[
    "Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane"
]


class EntityExample(BaseModel):
    """A query entity, FollowTheMoney style: ``{"schema": "Person", "properties": {"name": [...]}}``."""

    model_config = ConfigDict(populate_by_name=True)
    id: str | None = Field(None, max_length=200, examples=["my-entity-id"])
    schema_: QuerySchema = Field(alias="schema", examples=["Person"])
    properties: dict[str, str | list[Scalar]] = Field(examples=[{"name": ["Hamid Reza Lashgarian"]}])


class MatchParams(BaseModel):
    """Query parameters of ``/match/{dataset}``, yente's names (one model: validated in one pass)."""

    limit: int = Field(5, ge=1, le=100, description="Results per query.")
    threshold: float | None = Field(None, ge=0, le=1, description="Score at which a result is a match.")
    cutoff: float = Field(0.5, ge=0, le=1, description="Results scoring below this are left out.")
    algorithm: str = Field(
        "best", max_length=64, description="best, chokepoint or a yente name (all run ours)."
    )
    include_dataset: list[str] = Field([], description="Only these list sources.")
    exclude_dataset: list[str] = Field([], description="Not these list sources.")
    exclude_schema: list[str] = Field([], description="Leave out results of these schemata.")
    topics: list[str] = Field([], description="Only results with one of these topics.")
    changed_since: datetime | None = Field(None, description="Only entities of lists loaded since then.")
    exclude_entity_ids: list[str] = Field([], max_length=50, description="Leave out these entities.")


class SearchParams(BaseModel):
    """Query parameters of ``/search/{dataset}``."""

    q: str = Field("", max_length=500, description="Text in any script, as typed so far.")
    schema_: str = Field("Thing", alias="schema", max_length=64, description="Only entities of this schema.")
    limit: int = Field(10, ge=1, le=100)
    offset: int = Field(0, ge=0, le=1000)
    include_dataset: list[str] = Field([], description="Only these list sources.")
    exclude_dataset: list[str] = Field([], description="Not these list sources.")
    topics: list[str] = Field([], description="Only results with one of these topics.")


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field({}, description="Accepted for yente compatibility; not used.")
    config: dict[str, Scalar] = Field({}, max_length=0, description="chokepoint's algorithm takes none.")
    queries: dict[str, EntityExample] = Field(min_length=1, max_length=100, description="At most 100.")


class DecisionIn(BaseModel):
    """A reviewer's verdict on one query–entity pair."""

    query: EntityExample
    entity_id: str = Field(min_length=1, max_length=255)
    decision: Literal["cleared", "escalated"] = Field(
        description="cleared: a false positive (not this entity); escalated: a true match."
    )
    reason: str = Field(min_length=1, max_length=2000)
    who: str | None = Field(None, max_length=200, description="The reviewer (default: the key's name).")


class PartyIn(BaseModel):
    """One party, with the columns of ``chokepoint screen parties``."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, max_length=200)
    full_name: str | None = None
    name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    gender: str | None = None
    date_of_birth: str | None = None
    place_of_birth: str | None = None
    nationality: str | None = None
    country: str | None = None
    schema_: str | None = Field(None, alias="schema")
    id_number: str | None = None
    passport_number: str | None = None
    imo: str | None = None
    registration_number: str | None = None


class PartiesIn(BaseModel):
    parties: list[PartyIn]
