"""API keys and scopes, CORS, and the audit entry every request leaves."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from chokepoint.api import create_app
from chokepoint.screening import ScreeningService
from chokepoint.store import Store

QUERY = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Eric Badege"]}}}}


@pytest.mark.parametrize(
    "path", ["/match/default", "/search/default?q=x", "/entities/un-sc-cdi-001", "/catalog", "/algorithms"]
)
def test_every_data_endpoint_is_401_without_a_key(client, path: str) -> None:
    answer = client.post(path, json=QUERY) if path.startswith("/match") else client.get(path)
    assert answer.status_code == 401 and answer.json()["field"] == "Authorization"
    assert answer.headers["WWW-Authenticate"] == "ApiKey"


@pytest.mark.parametrize(
    "header",
    [
        {"Authorization": "ApiKey cp_00000000_wrong"},
        {"X-API-Key": "not-a-key"},
        {"Authorization": "Basic abc"},
    ],
)
def test_unknown_keys_are_401(client, header: dict[str, str]) -> None:
    assert client.post("/match/default", json=QUERY, headers=header).status_code == 401


def test_revoked_key_is_401(client, headers) -> None:
    answer = client.post("/match/default", json=QUERY, headers=headers["revoked"])
    assert answer.status_code == 401 and "revoked" in answer.json()["detail"]


def test_key_works_in_every_header_form(client, keys) -> None:
    for header in ({"Authorization": f"ApiKey {keys['read']}"}, {"Authorization": f"Bearer {keys['read']}"},
                   {"X-API-Key": keys["read"]}):  # fmt: skip
        assert client.post("/match/default", json=QUERY, headers=header).status_code == 200


@pytest.mark.parametrize(
    ("scope", "method", "path", "status"),
    [
        ("decide", "post", "/match/default", 403),
        ("read", "post", "/decisions", 403),
        ("read", "get", "/audit", 403),
        ("decide", "get", "/audit", 403),
        ("admin", "post", "/match/default", 200),
        ("admin", "get", "/audit", 200),
    ],
)
def test_scopes(client, headers, scope: str, method: str, path: str, status: int) -> None:
    body = QUERY if path == "/match/default" else {}
    answer = client.request(method, path, json=body, headers=headers[scope])
    assert answer.status_code == status, answer.json()
    if status == 403:
        assert answer.json()["field"] == "scopes"


def test_revocation_reaches_a_running_server_once_its_cache_expires(store_copy: Store) -> None:
    key, secret = store_copy.create_key("soon-gone", ["read"])
    app = create_app(ScreeningService(store_copy))
    app.state.chokepoint.keys.ttl = 0.0  # no caching: the store is asked every time
    with TestClient(app) as test_client:
        assert test_client.get("/catalog", headers={"X-API-Key": secret}).status_code == 200
        store_copy.revoke_key(key.prefix)
        assert test_client.get("/catalog", headers={"X-API-Key": secret}).status_code == 401


def test_cors_is_off_by_default_and_on_for_named_origins(service, keys) -> None:
    preflight = {"Origin": "https://ui.example", "Access-Control-Request-Method": "POST"}
    with TestClient(create_app(service)) as closed:
        answer = closed.options("/match/default", headers=preflight)
        assert "access-control-allow-origin" not in answer.headers
    with TestClient(create_app(service, cors_origins=["https://ui.example"])) as opened:
        answer = opened.options("/match/default", headers=preflight)
        assert answer.headers["access-control-allow-origin"] == "https://ui.example"


def test_every_request_is_audited_with_who_what_and_lists(store_copy: Store, keys) -> None:
    before = len(store_copy.audit_log())
    with TestClient(create_app(ScreeningService(store_copy))) as test_client:
        test_client.post("/match/default", json=QUERY, headers={"X-API-Key": keys["read"]})
        test_client.post("/match/default", json=QUERY)
        test_client.get("/healthz")
    entries = store_copy.audit_log()[before:]
    assert [(e.detail["path"], e.detail["status"]) for e in entries] == [("/match/default", 200),
                                                                       ("/match/default", 401)]  # fmt: skip
    good, refused = entries
    assert good.actor.startswith("test-read (") and refused.actor == "anonymous"
    assert good.detail["matches"] == {"q": ["un-sc-cdi-001"]} and good.detail["lists"][0].startswith("un_sc@")


def test_audit_endpoint_shows_the_newest_entries_to_admins(client, headers) -> None:
    client.post("/match/default", json=QUERY, headers=headers["read"])
    entries = client.get(
        "/audit", params={"limit": 2, "action": "api.request"}, headers=headers["admin"]
    ).json()
    assert len(entries) == 2 and entries[0]["id"] > entries[1]["id"]
    # the newest is the match just made: the /audit request itself is logged once it has answered
    assert entries[0]["detail"]["path"] == "/match/default" and entries[0]["actor"].startswith("test-read (")
