"""``POST /screen/parties``: a batch of parties as JSON or CSV, answers streamed as NDJSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

PARTIES = [
    {"id": "c-1", "full_name": "Dawood Agha-Jani", "date_of_birth": "1957-04-23"},
    {"id": "c-2", "name": "Bosch Rexroth AG", "country": "de"},
    {"id": "c-3", "full_name": ""},
]


def lines(answer) -> list[dict]:
    return [json.loads(line) for line in answer.text.splitlines()]


def test_json_batch_streams_one_ndjson_line_per_party_in_order(client, headers) -> None:
    answer = client.post("/screen/parties", json={"parties": PARTIES}, headers=headers["read"])
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/x-ndjson"
    first, second, third = lines(answer)
    assert (first["row"], first["id"], first["matches"][0]["entity_id"]) == (1, "c-1", "un-sc-iri-002")
    assert first["matches"][0]["match"] is True and first["lists"][0].startswith("un_sc@")
    assert not any(m["match"] for m in second["matches"])
    assert third["status"] == "not screened: no name" and third["matches"] == []
    assert answer.headers["X-Chokepoint-Lists"] == first["lists"][0]


def test_csv_batch_answers_csv_with_the_cli_columns(client, headers) -> None:
    body = "full_name,date_of_birth,nationality\nSHAHID HEMMAT INDUSTRIAL GROUP,,\nEric Badege,1971,cd\n"
    answer = client.post("/screen/parties", content=body, headers=headers["read"] | {
        "Content-Type": "text/csv", "Accept": "text/csv"})  # fmt: skip
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert list(rows[0])[:8] == [
        "row",
        "query_name",
        "entity_id",
        "list_ref",
        "source",
        "caption",
        "score",
        "match",
    ]
    hits = {(r["row"], r["entity_id"]) for r in rows if r["match"] == "true"}
    assert {("1", "un-sc-ire-067"), ("2", "un-sc-cdi-001")} <= hits


def test_format_parameter_overrides_accept(client, headers) -> None:
    answer = client.post("/screen/parties?format=ndjson", json={"parties": PARTIES[:1]},
                         headers=headers["read"] | {"Accept": "text/csv"})  # fmt: skip
    assert lines(answer)[0]["row"] == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field", "line"),
    [
        ({"parties": []}, None, 422, "parties", None),
        ({"parties": [{"full_name": "x"}] * 101}, None, 422, "parties", None),
        ({"parties": [{"full_name": "x", "colour": "red"}]}, None, 422, "parties.0.colour", None),
        ({"parties": [{"full_name": 5}]}, None, 422, "parties.0.full_name", None),
        ({"partys": []}, None, 422, "parties", None),
        ("person,dob\nX,1960\n", "text/csv", 422, None, 1),
        ("full_name,dob\nX,1960,extra\n", "text/csv", 422, None, 2),
        ("full_name\nX\n", "application/xml", 415, "Content-Type", None),
    ],
)
def test_bad_batches_name_the_field_or_line(client, headers, body, content_type, status, field, line) -> None:
    if isinstance(body, dict):
        answer = client.post("/screen/parties", json=body, headers=headers["read"])
    else:
        answer = client.post(
            "/screen/parties", content=body, headers=headers["read"] | {"Content-Type": content_type}
        )
    error = answer.json()
    assert (answer.status_code, error["field"], error["line"]) == (status, field, line), error
    if line is not None:
        assert error["detail"].startswith(f"body:{line}: ")


def test_invalid_csv_bytes_name_the_line(client, headers) -> None:
    body = b"full_name\nAlpha\n" + b"\xff\xfe broken\n"
    answer = client.post(
        "/screen/parties", content=body, headers=headers["read"] | {"Content-Type": "text/csv"}
    )
    assert answer.status_code == 422 and answer.json()["detail"] == "body:3: not UTF-8 text"
