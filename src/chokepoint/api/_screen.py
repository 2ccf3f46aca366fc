"""chokepoint's own endpoints: ``POST /screen/parties`` (a batch, JSON or CSV, results streamed as
NDJSON or CSV), ``POST /decisions`` (a reviewer clears or escalates a query–entity pair) and
``GET /audit`` (the newest audit-log entries, admin only).

A party has the columns of ``chokepoint screen parties``; a row that cannot be screened (no name, a
name over 500 characters) gets one answer saying why, as on the command line. Decisions are keyed on
the normalised query name: a later identical query gets the decision back with its result.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import ValidationError

from chokepoint.api._auth import require
from chokepoint.api._convert import decision_out, query_from_example
from chokepoint.api._guard import UnsupportedMedia
from chokepoint.api._models import AuditOut, DecisionOut, ErrorResponse
from chokepoint.api._requests import DecisionIn, PartiesIn, PartyIn
from chokepoint.api._system import Reader, Ready, state_of
from chokepoint.api._yente import ERRORS
from chokepoint.errors import InputError
from chokepoint.matching import MAX_NAME
from chokepoint.matching import Query as PartyQuery
from chokepoint.screening import OUTPUT_COLUMNS, ScreeningService, read_parties
from chokepoint.store import ApiKey

__all__ = ["router"]

router = APIRouter(tags=["Screening"])
CSV_TYPES = ("text/csv", "application/csv")
CSV_COLUMNS = (*OUTPUT_COLUMNS, "decision", "lists")
_PARTIES_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {
            "type": "object", "required": ["parties"], "additionalProperties": False,
            "properties": {"parties": {"type": "array", "maxItems": 100,
                                       "items": PartyIn.model_json_schema()}},
        }},
        "text/csv": {"schema": {"type": "string", "description": "A CSV with a full_name or name column."}},
    },
}  # fmt: skip
_STREAMS = {
    200: {"description": "One NDJSON line per party, or CSV rows per (party, candidate)",
          "content": {"application/x-ndjson": {"schema": {"type": "string"}},
                      "text/csv": {"schema": {"type": "string"}}}},
    415: {"model": ErrorResponse, "description": "The body is neither JSON nor CSV"},
}  # fmt: skip


def _rows(content_type: str, raw: bytes) -> list[dict[str, str]]:
    if content_type in CSV_TYPES:
        return [p.values for p in read_parties("body", raw)]
    try:
        parsed = PartiesIn.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        raise RequestValidationError([e | {"loc": ("body", *e["loc"])} for e in exc.errors()]) from None
    return [{k: v for k, v in p.model_dump(by_alias=True).items() if v is not None} for p in parsed.parties]


def _screen(
    service: ScreeningService, rows: list[dict[str, str]], limit: int, threshold: float, lists: list[str],
    audit: dict[str, Any],
) -> Iterator[dict[str, Any]]:  # fmt: skip
    """One answer per party, in input order."""
    for number, values in enumerate(rows, start=1):
        query = PartyQuery.from_row(values)
        answer: dict[str, Any] = {"row": number, "id": values.get("id") or None,
                                  "query_name": (query.names[0] if query.names else "")[:MAX_NAME],
                                  "status": "screened", "matches": [], "lists": lists}  # fmt: skip
        if not query.names:
            answer["status"] = "not screened: no name"
        elif any(len(n) > MAX_NAME for n in query.names):
            answer["status"] = f"not screened: name longer than {MAX_NAME} characters"
        else:
            screened = service.match(query, limit=limit, threshold=threshold)
            answer["key"] = screened.key
            for m in screened.matches:
                decision = screened.decisions.get(m.entity_id)
                answer["matches"].append({
                    "entity_id": m.entity_id, "caption": m.caption, "schema": m.schema,
                    "score": m.score, "match": m.match, "list_ref": m.list_ref, "source": m.source,
                    "explanation": m.explanation, "decision": decision_out(decision) if decision else None,
                })  # fmt: skip
            audit["matches"] += sum(m.match for m in screened.matches)
        yield answer


def _csv_lines(answers: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for answer in answers:
        base = {"row": answer["row"], "query_name": answer["query_name"], "lists": " ".join(answer["lists"])}
        if not answer["matches"]:
            writer.writerow(
                base | {"explanation": "" if answer["status"] == "screened" else answer["status"]}
            )
        for m in answer["matches"]:
            decision = m["decision"]["decision"] if m["decision"] else ""
            writer.writerow(base | m | {"score": f"{m['score']:.4f}", "match": str(m["match"]).lower(),
                                        "list_ref": m["list_ref"] or "", "decision": decision})  # fmt: skip
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@router.post("/screen/parties", openapi_extra={"requestBody": _PARTIES_BODY}, responses=ERRORS | _STREAMS)
async def screen_parties(
    request: Request,
    _key: Reader,
    service: Ready,
    limit: Annotated[int, Query(ge=1, le=100, description="Candidates per party.")] = 5,
    threshold: Annotated[
        float | None, Query(ge=0, le=1, description="Score at which a candidate is a match.")
    ] = None,
    format: Annotated[
        Literal["ndjson", "csv"] | None, Query(description="Answer format (default: by Accept).")
    ] = None,
) -> StreamingResponse:
    """Screen up to 100 parties (JSON ``{"parties": [...]}`` or a CSV body with the columns of
    ``chokepoint screen parties``); answers stream back as each party is screened."""
    state = state_of(request)
    content_type = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if content_type not in (*CSV_TYPES, "application/json"):
        raise UnsupportedMedia(content_type, "application/json or text/csv")
    rows = _rows(content_type, await request.body())
    if not rows:
        raise InputError("no parties given", field="parties")
    if len(rows) > state.limits.max_batch:
        raise InputError(f"at most {state.limits.max_batch} parties per request", field="parties")
    versions = service.versions
    lists = [f"{v.source}@{v.version}" for v in versions]
    audit: dict[str, Any] = {"parties": len(rows), "matches": 0, "lists": lists}
    request.state.audit = audit
    answers = _screen(
        service, rows, limit, service.threshold if threshold is None else threshold, lists, audit
    )
    headers = {"X-Chokepoint-Lists": ",".join(lists)}
    wants_csv = format == "csv" or (format is None and "text/csv" in request.headers.get("accept", ""))
    if wants_csv:
        return StreamingResponse(_csv_lines(answers), media_type="text/csv", headers=headers)
    lines = (json.dumps(jsonable_encoder(a), ensure_ascii=False) + "\n" for a in answers)
    return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)


@router.post("/decisions", status_code=201, response_model=DecisionOut, responses=ERRORS)
async def decide(
    request: Request,
    body: DecisionIn,
    key: Annotated[ApiKey, Depends(require("decide"))],
    service: Ready,
) -> dict[str, Any]:
    """Record a reviewer's verdict: ``cleared`` (a false positive) or ``escalated`` (a true match).
    Later identical queries get it back with their result while the listing is unchanged."""
    query, _properties = query_from_example(body.query.schema_, body.query.properties, "query")
    record = service.decide(
        query=query, entity_id=body.entity_id, decision=body.decision, reason=body.reason,
        who=(body.who or "").strip() or key.name,
    )  # fmt: skip
    request.state.audit = {"decision": record.id}
    return decision_out(record)


@router.get("/audit", tags=["System information"], response_model=list[AuditOut], responses=ERRORS)
async def audit(
    request: Request,
    _key: Annotated[ApiKey, Depends(require("admin"))],
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    action: Annotated[
        str | None, Query(max_length=64, description="Only this action (api.request …).")
    ] = None,
) -> list[dict[str, Any]]:
    """The newest audit-log entries, newest first (admin keys only)."""
    state = state_of(request)
    state.audit.flush()
    return [e.to_dict() for e in state.store.audit_tail(limit=limit, action=action)]
