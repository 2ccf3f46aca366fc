"""Alert review in the UI: the queue filtered and paged, evidence side by side, decisions in the store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from chokepoint.store import Store


def alert_with(client: TestClient, rule: str, words: str) -> int:
    """The id of the first queued alert on ``rule`` whose evidence says ``words``."""
    alerts = client.get("/ui/alerts.json", params={"rule": rule}).json()["alerts"]
    return next(a["id"] for a in alerts if any(words in e["text"] for e in a["data"]["evidence"]))


def test_queue_is_riskiest_first_and_filters_by_rule_risk_and_day(
    client: TestClient, text: Callable[[str], str]
) -> None:
    everything = client.get("/ui/alerts.json").json()
    scores = [a["score"] for a in everything["alerts"]]
    assert everything["total"] == 32 and scores == sorted(scores, reverse=True)
    rf11 = client.get("/ui/alerts.json", params={"rule": "RF-11"}).json()["alerts"]
    assert rf11 and all("RF-11" in a["rules"] for a in rf11) and len(rf11) < 32
    high = client.get("/ui/alerts.json", params={"min_score": "0.99"}).json()["alerts"]
    assert high and all(a["score"] >= 0.99 for a in high)
    day = everything["alerts"][0]["created_at"][:10]
    assert client.get("/ui/alerts.json", params={"since": day, "until": day}).json()["total"] == 32
    assert client.get("/ui/alerts.json", params={"until": "2000-01-01"}).json()["total"] == 0
    page = text(client.get("/ui/alerts", params={"rule": "RF-11"}).text)
    assert f"{len(rf11)} alert" in page and "match the filters" in page


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"min_score": "high"}, "min_score"),
        ({"max_score": "7"}, "max_score"),
        ({"since": "yesterday"}, "since"),
        ({"status": "done"}, "status"),
        ({"rule": "RF-1'; drop"}, "rule"),
        ({"page": "0"}, "page"),
        ({"min_score": "0.9", "max_score": "0.1"}, "min_score"),
    ],
)
def test_bad_filter_is_a_422_naming_the_field(client: TestClient, params: dict[str, str], field: str) -> None:
    page = client.get("/ui/alerts", params=params)
    assert page.status_code == 422 and f"<strong>{field}</strong>" in page.text
    assert client.get("/ui/alerts.json", params=params).json()["field"] == field


def test_party_evidence_is_side_by_side_word_by_word(client: TestClient, text: Callable[[str], str]) -> None:
    alert_id = alert_with(client, "RF-1", "buyer 'Kimia Part Sivan Co.'")
    page = client.get(f"/ui/alerts/{alert_id}")
    words = text(page.text)
    assert "On the order (buyer) Kimia Part Sivan Co." in words
    assert (
        "Kimia Part Sivan Company LLC" in words
        and 'href="/ui/entities/cp-kimia-part-sivan-company-llc"' in page.text
    )
    assert "Which name parts matched how" in words and "kimia kimia same" in words
    data = client.get(f"/ui/alerts/{alert_id}.json").json()
    [party] = data["parties"]
    assert ("sivan", "sivan", "same", 1.0) in [
        (w["query"], w["list"], w["how"], w["score"]) for w in party["words"]
    ]


def test_goods_evidence_names_the_catalogue_part_and_the_drone(
    client: TestClient, text: Callable[[str], str]
) -> None:
    alert_id = alert_with(client, "RF-30", "TMS320F28335PGFAR")
    words = text(client.get(f"/ui/alerts/{alert_id}").text)
    assert "Ordered part TMS320F28335PGFAR" in words and "TMS320F28335PGFA — Texas Instruments" in words
    assert "found in Shahed-136 (Geran-2)" in words and "GUR 674" in words


def test_next_and_previous_follow_the_filtered_queue(client: TestClient) -> None:
    queue = [a["id"] for a in client.get("/ui/alerts.json", params={"rule": "RF-30"}).json()["alerts"]]
    page = client.get(f"/ui/alerts/{queue[1]}", params={"rule": "RF-30"}).text
    assert f'href="/ui/alerts/{queue[2]}?rule=RF-30" rel="next" data-key="j"' in page
    assert f'href="/ui/alerts/{queue[0]}?rule=RF-30" rel="prev" data-key="k"' in page


def test_clearing_an_alert_records_decisions_and_history(
    writable: tuple[TestClient, Store], text: Callable[[str], str]
) -> None:
    client, store = writable
    alert_id = alert_with(client, "RF-1", "buyer 'Kimia Part Sivan Co.'")
    form = {
        "status": "cleared",
        "reason": "same name, other firm: Tehran registry 123",
        "who": "ana",
        "pair": "0",
    }
    answer = client.post(
        f"/ui/alerts/{alert_id}/review", data=form | {"back": "rule=RF-1"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/ui/alerts/{alert_id}?rule=RF-1&saved=cleared#history"
    assert store.alert(alert_id).status == "cleared"
    [decision] = store.decisions()
    assert (decision.kind, decision.query_key, decision.decision) == (
        "party",
        "kimia part sivan co",
        "cleared",
    )
    assert decision.target_id == "cp-kimia-part-sivan-company-llc" and decision.basis
    [entry] = store.audit_log(action="alert.cleared")
    assert entry.actor == "ana" and entry.detail["decisions"] == [decision.id]
    page = text(client.get(answer.headers["location"]).text)
    assert (
        "is now cleared" in page
        and "ana cleared it (was open): “same name, other firm: Tehran registry 123”" in page
    )


def test_escalating_without_pairs_records_only_the_status(writable: tuple[TestClient, Store]) -> None:
    client, store = writable
    alert_id = client.get("/ui/alerts.json").json()["alerts"][0]["id"]
    form = {"status": "escalated", "reason": "end user in Russia", "who": "ben"}
    assert client.post(f"/ui/alerts/{alert_id}/review", data=form, follow_redirects=False).status_code == 303
    assert store.alert(alert_id).status == "escalated" and store.decisions() == []
    assert client.get("/ui/alerts.json", params={"status": "escalated"}).json()["total"] == 1


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"status": "cleared", "reason": "  ", "who": "ana"}, "reason"),
        ({"status": "cleared", "reason": "ok", "who": ""}, "who"),
        ({"status": "ignore", "reason": "ok", "who": "ana"}, "status"),
        ({"status": "cleared", "reason": "ok", "who": "ana", "pair": "first"}, "pair"),
    ],
)
def test_bad_review_is_a_422_naming_the_field_and_writes_nothing(
    writable: tuple[TestClient, Store], form: dict[str, str], field: str
) -> None:
    client, store = writable
    alert_id = client.get("/ui/alerts.json").json()["alerts"][0]["id"]
    before = len(store.audit_log())
    answer = client.post(f"/ui/alerts/{alert_id}/review", data=form)
    assert answer.status_code == 422 and f"<strong>{field}</strong>" in answer.text
    assert store.alert(alert_id).status == "open" and len(store.audit_log()) == before


def test_review_from_another_site_is_refused(writable: tuple[TestClient, Store]) -> None:
    client, store = writable
    form = {"status": "cleared", "reason": "ok", "who": "ana"}
    answer = client.post("/ui/alerts/1/review", data=form, headers={"origin": "https://evil.example"})
    assert answer.status_code == 403 and store.alert(1).status == "open"


def test_unknown_alert_is_a_404(client: TestClient) -> None:
    assert client.get("/ui/alerts/99999").status_code == 404
    assert client.get("/ui/alerts/abc").status_code == 422
    answer = client.post("/ui/alerts/99999/review", data={"status": "cleared", "reason": "x", "who": "y"})
    assert answer.status_code == 404
