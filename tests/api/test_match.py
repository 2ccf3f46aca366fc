"""``POST /match/{dataset}``: yente's request and response, on the real UN list; every bad request
is a 4xx naming the field at fault."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from chokepoint.api import Limits, create_app

AGHA_JANI = "un-sc-iri-002"  # DAWOOD AGHA-JANI, born 1957-04-23, passport I5824769
HEMMAT = "un-sc-ire-067"  # SHAHID HEMMAT INDUSTRIAL GROUP (SHIG): missiles


def match(client: TestClient, headers: dict[str, str], queries: dict[str, Any], params: str = "") -> Any:
    return client.post(f"/match/default{params}", json={"queries": queries}, headers=headers)


def ids(answer: Any, key: str = "q") -> list[str]:
    return [r["id"] for r in answer.json()["responses"][key]["results"]]


def test_listed_person_is_matched_with_yente_fields_and_explanations(client, headers) -> None:
    query = {"schema": "Person", "properties": {"name": ["Dawood Agha Jani"], "birthDate": ["1957-04-23"],
                                                "passportNumber": ["I5824769"]}}  # fmt: skip
    answer = match(client, headers["read"], {"q": query})
    assert answer.status_code == 200
    body = answer.json()
    top = body["responses"]["q"]["results"][0]
    assert (top["id"], top["caption"], top["schema"], top["match"], top["score"]) == (
        AGHA_JANI, "DAWOOD AGHA-JANI", "Person", True, 1.0,
    )  # fmt: skip
    assert top["datasets"] == ["un_sc"] and top["target"] is True and top["list_ref"] == "IRi.002"
    assert top["properties"]["passportNumber"] == ["I5824769"]
    assert set(top["explanations"]) >= {"name", "identifier", "birth_date"}
    assert top["explanations"]["birth_date"] == {"detail": "same (1957-04-23)", "score": 0.08,
                                                 "query": None, "candidate": None}  # fmt: skip
    assert (
        body["responses"]["q"]["status"] == 200 and body["limit"] == 5 and body["algorithm"] == "chokepoint"
    )
    assert body["responses"]["q"]["total"]["value"] == len(body["responses"]["q"]["results"])


def test_every_answer_names_the_list_versions_used(client, headers) -> None:
    answer = match(
        client, headers["read"], {"q": {"schema": "Company", "properties": {"name": "Shahid Hemmat"}}}
    )
    (version,) = answer.json()["versions"]
    assert (
        version["source"] == "un_sc"
        and version["published"] == "2026-02-27"
        and len(version["version"]) == 12
    )
    assert answer.headers["X-Chokepoint-Lists"] == f"un_sc@{version['version']}"


def test_query_echo_is_cleaned_as_yente_does(client, headers) -> None:
    query = {"id": "mine-1", "schema": "Company",
             "properties": {"name": "Shahid Hemmat Industrial Group", "country": ["Iran"]}}  # fmt: skip
    echoed = match(client, headers["read"], {"q": query}).json()["responses"]["q"]["query"]
    properties = {"name": ["Shahid Hemmat Industrial Group"], "country": ["ir"]}
    assert echoed == {"id": "mine-1", "schema": "Company", "properties": properties}


def test_batch_answers_every_key(client, headers) -> None:
    named = {"firstName": ["Dawood"], "lastName": ["Agha-Jani"]}
    queries = {"person": {"schema": "Person", "properties": named},
               "firm": {"schema": "Organization", "properties": {"name": ["SHAHID HEMMAT INDUSTRIAL GROUP"]}},
               "clean": {"schema": "Company", "properties": {"name": ["Bosch Rexroth AG"]}}}  # fmt: skip
    answer = match(client, headers["read"], queries)
    assert answer.headers["X-Batch-Size"] == "3"
    assert ids(answer, "person")[0] == AGHA_JANI and ids(answer, "firm")[0] == HEMMAT
    assert not any(r["match"] for r in answer.json()["responses"]["clean"]["results"])


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ("", True),
        ("?exclude_entity_ids=un-sc-ire-067", False),
        ("?exclude_schema=Organization", False),
        ("?exclude_schema=Person", True),
        ("?topics=sanction", True),
        ("?topics=crime", False),
        ("?include_dataset=un_sc", True),
        ("?exclude_dataset=un_sc", False),
        ("?changed_since=2020-01-01", True),
        ("?changed_since=2999-01-01T10:00", False),
        ("?algorithm=logic-v2&cutoff=0.9", True),
    ],
)
def test_filters_narrow_the_results(client, headers, params: str, found: bool) -> None:
    query = {"schema": "Organization", "properties": {"name": ["Shahid Hemmat Industrial Group"]}}
    answer = match(client, headers["read"], {"q": query}, params)
    assert answer.status_code == 200, answer.json()
    assert (HEMMAT in ids(answer)) is found


def test_one_list_as_dataset_and_threshold_decides_match(client, headers) -> None:
    query = {"schema": "Organization", "properties": {"name": ["Shahid Hemmat Industries"]}}
    answer = client.post("/match/un_sc?threshold=1.0&limit=1", json={"queries": {"q": query}},
                         headers=headers["read"])  # fmt: skip
    (result,) = answer.json()["responses"]["q"]["results"]
    assert result["id"] == HEMMAT and result["score"] < 1.0 and result["match"] is False


def error(answer: Any) -> tuple[int, str | None]:
    return answer.status_code, answer.json()["field"]


NAME = {"schema": "Person", "properties": {"name": ["Eric Badege"]}}


@pytest.mark.parametrize(
    ("body", "params", "status", "field"),
    [
        ({"queries": {"q": {"schema": "Persn", "properties": {"name": "x"}}}}, "", 422, "queries.q.schema"),
        ({"queries": {"q": {"schema": "Address", "properties": {"full": "x"}}}}, "", 422, "queries.q.schema"),
        ({"queries": {"q": {"properties": {"name": "x"}}}}, "", 422, "queries.q.schema"),
        ({"queries": {"q": {"schema": "Person", "properties": {"colour": "x"}}}}, "", 422,
         "queries.q.properties.colour"),
        ({"queries": {"q": {"schema": "Person", "properties": {"birthDate": "1970"}}}}, "", 422,
         "queries.q.properties.name"),
        ({"queries": {"q": {"schema": "Person", "properties": {"name": "x" * 501}}}}, "", 422,
         "queries.q.properties.name"),
        ({"queries": {"q": {"schema": "Person", "properties": {"name": [{"a": 1}]}}}}, "", 422,
         "queries.q.properties.name"),
        ({"queries": {}}, "", 422, "queries"),
        ({"queries": {f"q{i}": NAME for i in range(101)}}, "", 422, "queries"),
        ({"querys": {"q": NAME}}, "", 422, "queries"),
        ({"queries": {"q": NAME}, "config": {"nm_number_mismatch": 0.4}}, "", 422, "config"),
        ({"queries": {"q": NAME}}, "?limit=0", 422, "limit"),
        ({"queries": {"q": NAME}}, "?limit=101", 422, "limit"),
        ({"queries": {"q": NAME}}, "?threshold=1.5", 422, "threshold"),
        ({"queries": {"q": NAME}}, "?algorithm=magic", 422, "algorithm"),
        ({"queries": {"q": NAME}}, "?changed_since=yesterday", 422, "changed_since"),
        ({"queries": {"q": NAME}}, "?changed_since=2024-13-45", 422, "changed_since"),
        ({"queries": {"q": NAME}}, "?" + "&".join(f"exclude_entity_ids={i}" for i in range(51)), 422,
         "exclude_entity_ids"),
    ],
)  # fmt: skip
def test_bad_requests_name_the_field(
    client, headers, body: Any, params: str, status: int, field: str
) -> None:
    answer = client.post(f"/match/default{params}", json=body, headers=headers["read"])
    assert error(answer) == (status, field), answer.json()
    assert field in answer.json()["detail"]


def test_unknown_dataset_is_404_naming_it(client, headers) -> None:
    answer = client.post("/match/us_ofac_sdn", json={"queries": {"q": NAME}}, headers=headers["read"])
    assert error(answer) == (404, "dataset")
    assert "use one of default, un_sc" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(b"{bad json", "application/json"), (b"plain words", "text/plain"), (b"", None)],
)
def test_malformed_bodies_are_422_naming_the_body(
    client, headers, content: bytes, content_type: str | None
) -> None:
    extra = {"Content-Type": content_type} if content_type else {}
    answer = client.post("/match/default", content=content, headers=headers["read"] | extra)
    assert error(answer) == (422, "body")


def test_body_over_one_megabyte_is_413_naming_the_body(client, headers) -> None:
    big = b'{"queries": {"q": {"schema": "Person", "properties": {"name": "' + b"a" * 1_100_000 + b'"}}}}'
    answer = client.post(
        "/match/default", content=big, headers=headers["read"] | {"Content-Type": "application/json"}
    )
    assert error(answer) == (413, "body")


def test_body_over_the_limit_without_a_length_is_413_too(client, headers) -> None:
    def chunks():
        yield b'{"queries": {"q": {"schema": "Person", "properties": {"name": "'
        for _ in range(20):
            yield b"a" * 100_000
        yield b'"}}}}'

    answer = client.post(
        "/match/default", content=chunks(), headers=headers["read"] | {"Content-Type": "application/json"}
    )
    assert error(answer) == (413, "body")


def test_a_server_can_set_lower_limits(service, headers) -> None:
    with TestClient(create_app(service, limits=Limits(max_batch=2, max_body=2000))) as strict:
        three = {"queries": {f"q{i}": NAME for i in range(3)}}
        assert error(strict.post("/match/default", json=three, headers=headers["read"])) == (422, "queries")
        padded = {"queries": {"q": NAME}, "weights": {f"w{i}": 0.5 for i in range(200)}}
        assert error(strict.post("/match/default", json=padded, headers=headers["read"])) == (413, "body")
        two = {"queries": {f"q{i}": NAME for i in range(2)}}
        assert strict.post("/match/default", json=two, headers=headers["read"]).status_code == 200
