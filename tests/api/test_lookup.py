"""/search, /entities, /catalog, /algorithms, /healthz and /readyz on the real UN list."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chokepoint.api import create_app
from chokepoint.api._docs import FEATURES
from chokepoint.store import Store

HEMMAT = "un-sc-ire-067"


def test_search_finds_a_listed_firm_from_part_of_its_name(client, headers) -> None:
    answer = client.get("/search/default", params={"q": "shahid hemm"}, headers=headers["read"])
    body = answer.json()
    assert answer.status_code == 200 and body["results"][0]["id"] == HEMMAT
    assert body["total"]["value"] >= 1 and body["limit"] == 10 and body["offset"] == 0
    assert body["versions"][0]["source"] == "un_sc" and body["facets"] == {}


def test_search_schema_and_paging(client, headers) -> None:
    first = client.get("/search/un_sc", params={"q": "shipping", "limit": 2}, headers=headers["read"]).json()
    second = client.get("/search/un_sc", params={"q": "shipping", "limit": 2, "offset": 2},
                        headers=headers["read"]).json()  # fmt: skip
    assert len(first["results"]) == 2 and {r["id"] for r in first["results"]}.isdisjoint(
        r["id"] for r in second["results"]
    )
    persons = client.get(
        "/search/un_sc", params={"q": "shipping", "schema": "Person"}, headers=headers["read"]
    )
    assert all(r["schema"] == "Person" for r in persons.json()["results"])


def test_empty_search_answers_nothing(client, headers) -> None:
    body = client.get("/search/default", headers=headers["read"]).json()
    assert body["results"] == [] and body["total"] == {"value": 0, "relation": "eq"}


@pytest.mark.parametrize(
    ("params", "field"),
    [({"q": "x", "schema": "Nope"}, "schema"), ({"q": "x" * 501}, "q"), ({"q": "x", "limit": 0}, "limit"),
     ({"q": "x", "offset": -1}, "offset")],
)  # fmt: skip
def test_bad_search_parameters_name_the_field(client, headers, params: dict, field: str) -> None:
    answer = client.get("/search/default", params=params, headers=headers["read"])
    assert (answer.status_code, answer.json()["field"]) == (422, field)


def test_entity_nests_its_sanction_as_yente_does(client, headers) -> None:
    answer = client.get(f"/entities/{HEMMAT}", headers=headers["read"])
    body = answer.json()
    assert answer.status_code == 200 and body["caption"] == "SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)"
    (sanction,) = body["properties"]["sanctions"]
    assert sanction["schema"] == "Sanction" and "entity" not in sanction["properties"]
    assert sanction["properties"]["authority"] == ["United Nations Security Council"]
    assert body["versions"][0]["source"] == "un_sc" and body["last_seen"] is not None
    flat = client.get(f"/entities/{HEMMAT}", params={"nested": False}, headers=headers["read"]).json()
    assert "sanctions" not in flat["properties"]


def test_unknown_entity_is_404_naming_it(client, headers) -> None:
    answer = client.get("/entities/un-sc-nope", headers=headers["read"])
    assert (answer.status_code, answer.json()["field"]) == (404, "entity_id")


def test_catalog_lists_each_source_and_default(client, headers) -> None:
    body = client.get("/catalog", headers=headers["read"]).json()
    by_name = {d["name"]: d for d in body["datasets"]}
    assert set(by_name) == {"un_sc", "default"} and body["current"] == ["un_sc", "default"]
    assert by_name["un_sc"]["thing_count"] == 1003 and by_name["default"]["children"] == ["un_sc"]
    assert by_name["un_sc"]["version"] == body["versions"][0]["version"]


def test_algorithms_document_the_features_with_the_matchers_own_coefficients(client, headers) -> None:
    from chokepoint.matching import _score  # the coefficients the docs must repeat

    body = client.get("/algorithms", headers=headers["read"]).json()
    (algorithm,) = body["algorithms"]
    assert body["default"] == body["best"] == algorithm["name"] == "chokepoint"
    assert set(algorithm["docs"]["features"]) == set(FEATURES)
    coefficients = {name: doc["coefficient"] for name, doc in algorithm["features"].items()}
    assert coefficients == {"name": 1.0, "identifier": _score.ID_SAME, "birth_date": _score.DOB_SAME,
                            "country": _score.COUNTRY_SAME, "gender": _score.GENDER_DIFFERENT}  # fmt: skip


def test_health_and_readiness_need_no_key(client) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz").json()
    assert ready["status"] == "ok" and ready["versions"][0]["source"] == "un_sc"


def test_empty_store_is_not_ready_and_will_not_screen(tmp_path) -> None:
    # an empty list would clear every party: refuse instead
    store = Store(tmp_path / "empty.db")
    _key, secret = store.create_key("k", ["read"])
    with TestClient(create_app(store)) as empty:
        ready = empty.get("/readyz")
        assert ready.status_code == 503 and "no sanctions lists are loaded" in ready.json()["detail"]
        answer = empty.post("/match/default", json={"queries": {}}, headers={"X-API-Key": secret})
        assert answer.status_code == 503
        assert empty.get("/healthz").status_code == 200
