"""Response models: yente's shapes (``yente/data/common.py``) plus chokepoint's additions.

Field names and types follow yente 5.5 so its clients and its own pydantic models accept our answers;
what chokepoint adds (``versions``, ``decision``, ``list_ref``, ``source``) is extra fields yente's
models ignore. Every response names the list versions that answered it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from chokepoint.api._requests import EntityExample

__all__ = [
    "AlgorithmResponse",
    "AuditOut",
    "CatalogResponse",
    "DecisionOut",
    "EntityMatchResponse",
    "EntityResponse",
    "ErrorResponse",
    "SearchResponse",
    "StatusResponse",
    "VersionOut",
]


class FieldError(BaseModel):
    field: str
    message: str


class ErrorResponse(BaseModel):
    detail: str = Field(examples=["field queries.q1.schema: unknown schema 'Persn'"])
    field: str | None = Field(None, description="The request field at fault (dotted path), if one is.")
    line: int | None = Field(None, description="The line of a CSV body at fault, if one is.")
    errors: list[FieldError] = []


class VersionOut(BaseModel):
    """One list version that answered: source, version (sha256 prefix), publication and load time."""

    source: str
    version: str
    published: date | None = None
    loaded_at: datetime | None = None
    targets: int
    title: str | None = None


class StatusResponse(BaseModel):
    status: str = "ok"
    versions: list[VersionOut] = []
    detail: str | None = None


class FeatureResult(BaseModel):
    detail: str | None
    score: float
    query: str | None = None
    candidate: str | None = None


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str | EntityResponse]]
    datasets: list[str] = []
    referents: list[str] = []
    target: bool = False
    first_seen: datetime | None = None
    last_seen: datetime | None = Field(None, description="When the list version holding it was loaded.")
    last_change: datetime | None = None
    list_ref: str | None = Field(None, description="The publisher's reference (OFAC ent_num, UN ref …).")
    versions: list[VersionOut] = []


class DecisionOut(BaseModel):
    id: int
    query_key: str
    entity_id: str
    decision: Literal["cleared", "escalated"]
    reason: str
    who: str
    decided_at: datetime


class ScoredEntityResponse(EntityResponse):
    score: float
    match: bool = Field(description="Whether the score is at or above the match threshold.")
    explanations: dict[str, FeatureResult]
    decision: DecisionOut | None = Field(None, description="The standing analyst decision on this pair.")


class TotalSpec(BaseModel):
    value: int
    relation: str = "eq"


class EntityMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    limit: int
    algorithm: str
    versions: list[VersionOut]


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[EntityResponse]
    facets: dict[str, Any] = {}
    versions: list[VersionOut]


class DatasetOut(BaseModel):
    name: str
    title: str
    summary: str | None = None
    updated_at: datetime | None = None
    last_export: datetime | None = None
    entity_count: int | None = None
    thing_count: int | None = None
    version: str | None = None
    children: list[str] = []
    load: bool = True
    index_version: str | None = None
    index_current: bool = True


class CatalogResponse(BaseModel):
    datasets: list[DatasetOut]
    current: list[str]
    outdated: list[str] = []
    index_stale: bool = False
    versions: list[VersionOut]


class FeatureDoc(BaseModel):
    description: str | None
    coefficient: float
    url: str


class AlgorithmDocs(BaseModel):
    name: str
    description: str | None = None
    config: dict[str, Any] = {}
    features: dict[str, FeatureDoc]


class Algorithm(BaseModel):
    name: str
    description: str | None = None
    features: dict[str, FeatureDoc]
    docs: AlgorithmDocs


class AlgorithmResponse(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str


class AuditOut(BaseModel):
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]
