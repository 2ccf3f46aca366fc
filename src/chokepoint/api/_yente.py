"""yente-compatible endpoints: ``POST /match/{dataset}``, ``GET /search/{dataset}``, ``GET
/entities/{id}``, ``GET /catalog``, ``GET /algorithms`` (parameters and shapes as yente 5.5).

Datasets are the loaded list sources (``un_sc``, ``us_ofac_sdn`` …) plus ``default``, all of them.
Filters the core does not know (schema, topics, changed_since) are applied to an over-fetched
candidate list. ``changed_since`` compares with the load time of the entity's list version: the store
keeps versions, not per-entity change dates, so a reloaded list counts as changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from followthemoney import model

from chokepoint.api._convert import entity_out, query_from_example, scored_out, version_out
from chokepoint.api._docs import ALGORITHM, ALGORITHM_NAMES, algorithms_response
from chokepoint.api._models import (
    AlgorithmResponse,
    CatalogResponse,
    EntityMatchResponse,
    EntityResponse,
    ErrorResponse,
    SearchResponse,
)
from chokepoint.api._nested import nested_properties
from chokepoint.api._requests import EntityMatchQuery, MatchParams, SearchParams
from chokepoint.api._system import NOT_READY, Reader, Ready, state_of
from chokepoint.errors import InputError, NotFound
from chokepoint.model import Entity, ListVersion
from chokepoint.screening import ScreeningService

__all__ = ["router"]

router = APIRouter()
OVERFETCH = 4
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "No API key, or an unknown or revoked one"},
    403: {"model": ErrorResponse, "description": "The API key lacks the scope"},
    404: {"model": ErrorResponse, "description": "No such dataset or entity"},
    413: {"model": ErrorResponse, "description": "The request body is over 1 MB"},
    422: {"model": ErrorResponse, "description": "A field is invalid (named in `field`)"},
} | NOT_READY
DATASET = Path(description="A list source (see /catalog) or `default` for all loaded lists.", max_length=128)


def _scope(
    service: ScreeningService, dataset: str, include: Sequence[str], exclude: Sequence[str]
) -> tuple[set[str] | None, list[ListVersion]]:
    """The sources to screen (None: all) and their versions."""
    current = {v.source: v for v in service.versions}
    if dataset == "default":
        chosen = set(current)
    elif dataset in current:
        chosen = {dataset}
    else:
        names = ", ".join(["default", *sorted(current)])
        raise NotFound(f"no dataset {dataset!r}: use one of {names}", field="dataset")
    if include:
        chosen &= set(include)
    chosen -= set(exclude)
    versions = [v for v in service.versions if v.source in chosen]
    return (None if chosen == set(current) else chosen), versions


def _keep(entity: Entity, version: ListVersion, schemata: Sequence[str], topics: Sequence[str],
          since: datetime | None) -> bool:  # fmt: skip
    if schemata and any(entity.schema.is_a(s) for s in schemata if model.get(s) is not None):
        return False
    if topics and not set(topics) & set(entity.get("topics", quiet=True)):
        return False
    loaded = version.loaded_at
    if since is None or loaded is None:
        return True
    return loaded >= (since if since.tzinfo else since.replace(tzinfo=UTC))


def _lists_header(response: Response, versions: Sequence[ListVersion]) -> None:
    response.headers["X-Chokepoint-Lists"] = ",".join(f"{v.source}@{v.version}" for v in versions)


@router.post("/match/{dataset}", tags=["Matching"], response_model=EntityMatchResponse, responses=ERRORS)
async def match(
    request: Request,
    response: Response,
    body: EntityMatchQuery,
    _key: Reader,
    service: Ready,
    dataset: Annotated[str, DATASET],
    params: Annotated[MatchParams, Query()],
) -> dict[str, Any]:
    """Match entities given by example (FollowTheMoney schema and properties), as yente does; each
    result carries the standing analyst decision on the pair, and the answer names the list versions."""
    state = state_of(request)
    limit, cutoff, exclude_schema, topics = params.limit, params.cutoff, params.exclude_schema, params.topics
    if params.algorithm.lower() not in ALGORITHM_NAMES:
        raise InputError(
            f"unknown algorithm {params.algorithm!r}: use best or {ALGORITHM}", field="algorithm"
        )
    if len(body.queries) > state.limits.max_batch:  # the model allows 100; a server may allow fewer
        raise InputError(f"at most {state.limits.max_batch} queries per request", field="queries")
    sources, versions = _scope(service, dataset, params.include_dataset, params.exclude_dataset)
    threshold = service.threshold if params.threshold is None else params.threshold
    since = params.changed_since
    filtered = bool(exclude_schema or topics or since)
    parsed = {k: query_from_example(q.schema_, q.properties, f"queries.{k}") for k, q in body.queries.items()}
    book = state.book
    responses: dict[str, Any] = {}
    hits: dict[str, list[str]] = {}
    for key, (query, properties) in parsed.items():
        screened = service.match(
            query, limit=limit * OVERFETCH if filtered else limit, threshold=threshold,
            cutoff=min(cutoff, threshold), sources=sources, exclude_ids=params.exclude_entity_ids,
        )  # fmt: skip
        results = []
        for found in screened.matches:
            entity, version = book.get(found.entity_id)
            if filtered and not _keep(entity, version, exclude_schema, topics, since):
                continue
            results.append(scored_out(found, entity, version, screened.decisions.get(found.entity_id)))
            if len(results) >= limit:
                break
        hits[key] = [r["id"] for r in results if r["match"]]
        example = body.queries[key]
        responses[key] = {
            "status": 200,
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "query": {"id": example.id, "schema": query.schema, "properties": properties},
        }
    request.state.audit = {"dataset": dataset, "queries": len(parsed), "matches": hits,
                           "lists": [f"{v.source}@{v.version}" for v in versions]}  # fmt: skip
    response.headers["X-Batch-Size"] = str(len(responses))
    _lists_header(response, versions)
    return {"responses": responses, "limit": limit, "algorithm": ALGORITHM,
            "versions": [version_out(v) for v in versions]}  # fmt: skip


@router.get("/search/{dataset}", tags=["Matching"], response_model=SearchResponse, responses=ERRORS)
async def search(
    request: Request,
    response: Response,
    _key: Reader,
    service: Ready,
    dataset: Annotated[str, DATASET],
    params: Annotated[SearchParams, Query()],
) -> dict[str, Any]:
    """Listed subjects for a piece of text (a name, part of one), best first."""
    q, limit, offset, topics = params.q, params.limit, params.offset, params.topics
    schema_obj = model.get(params.schema_)
    if schema_obj is None:
        raise InputError(f"unknown schema {params.schema_!r}", field="schema")
    sources, versions = _scope(service, dataset, params.include_dataset, params.exclude_dataset)
    found = service.search(q, limit=(limit + offset) * OVERFETCH, sources=sources) if q.strip() else []
    book = state_of(request).book
    results = []
    for hit in found:
        entity, version = book.get(hit.entity_id)
        if entity.schema.is_a(schema_obj) and (not topics or _keep(entity, version, (), topics, None)):
            results.append(entity_out(entity, version) | {"versions": []})
    page = results[offset : offset + limit]
    request.state.audit = {"dataset": dataset, "q": q[:100], "results": len(page)}
    _lists_header(response, versions)
    return {"limit": limit, "offset": offset, "total": {"value": len(results), "relation": "eq"},
            "results": page, "facets": {}, "versions": [version_out(v) for v in versions]}  # fmt: skip


@router.get("/entities/{entity_id}", tags=["Data access"], response_model=EntityResponse, responses=ERRORS)
async def fetch_entity(
    request: Request,
    response: Response,
    _key: Reader,
    service: Ready,
    entity_id: Annotated[str, Path(max_length=255, description="The entity's id (as /match returns it).")],
    nested: Annotated[
        bool, Query(description="Nest adjacent entities (sanctions, links) in the properties.")
    ] = True,
) -> dict[str, Any]:
    """One entity in full, with the list version it comes from (a delisted entity: its last one)."""
    try:
        entity, version = state_of(request).book.get(entity_id)
    except NotFound:
        raise NotFound(f"no entity {entity_id!r} in the store", field="entity_id") from None
    properties = nested_properties(service, entity) if nested else None
    request.state.audit = {"entity_id": entity_id}
    _lists_header(response, [version])
    return entity_out(entity, version, properties=properties)


@router.get("/catalog", tags=["Data access"], response_model=CatalogResponse, responses=ERRORS)
async def catalog(_key: Reader, service: Ready) -> dict[str, Any]:
    """The loaded lists as yente datasets, and ``default`` (all of them)."""
    versions = service.versions
    datasets = [
        {"name": v.source, "title": v.title or v.source, "updated_at": v.loaded_at,
         "last_export": v.loaded_at, "entity_count": v.entities, "thing_count": v.targets,
         "version": v.version, "index_version": v.version,
         "summary": f"{v.format} list, published {v.published or 'undated'}"}
        for v in versions
    ]  # fmt: skip
    combined = "-".join(v.version[:6] for v in versions)
    datasets.append({"name": "default", "title": "All loaded lists", "children": [v.source for v in versions],
                     "load": False, "version": combined, "index_version": combined,
                     "thing_count": sum(v.targets for v in versions)})  # fmt: skip
    return {"datasets": datasets, "current": [d["name"] for d in datasets], "outdated": [],
            "index_stale": False, "versions": [version_out(v) for v in versions]}  # fmt: skip


@router.get("/algorithms", tags=["System information"], response_model=AlgorithmResponse, responses=ERRORS)
async def algorithms(_key: Reader) -> dict[str, Any]:
    """The scoring algorithm behind /match and what each of its features does."""
    return algorithms_response()
