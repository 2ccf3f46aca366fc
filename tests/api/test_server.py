"""A real ``chokepoint serve`` process on loopback, over UN + OFAC SDN 2024-05-03: the smoke path over
the wire, and nomenklatura's yente enricher (a client we did not write) finding real listed entities."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from chokepoint.lists import read_lists, version_record
from chokepoint.store import Store


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, sanctions_dir: Path
) -> Iterator[tuple[str, dict[str, str]]]:
    """Base URL of a running server and secrets of a read+decide key and an admin key."""
    db = tmp_path_factory.mktemp("server") / "lists.db"
    paths = [
        sanctions_dir / "un_sc/2026-02-27/consolidated.xml",
        sanctions_dir / "us_ofac_sdn/2024-05-03/sdn.csv",
    ]
    with Store(db) as store:
        store.load_versions([(version_record(d), d.entities) for d in read_lists(paths)])
        keys = {"analyst": store.create_key("analyst", ["read", "decide"])[1],
                "admin": store.create_key("auditor", ["admin"])[1]}  # fmt: skip
    port = free_port()
    command = [sys.executable, "-c", "from chokepoint.cli import main; main()", "serve", "--db", str(db),
               "--port", str(port), "--workers", "1"]  # fmt: skip
    log = db.with_name("serve.log")
    with log.open("wb") as sink:  # a file, not a pipe that nobody reads and that would block the server
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # bounded: the index of ~16k listed subjects builds in seconds
        while True:
            if process.poll() is not None:
                pytest.fail(f"chokepoint serve exited: {log.read_text()}")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chokepoint serve did not become ready")
            time.sleep(0.2)
        yield base, keys
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_real_server_matches_over_loopback(server) -> None:
    base, keys = server
    query = {
        "queries": {"q": {"schema": "Company", "properties": {"name": ["Mahan Air"], "country": ["ir"]}}}
    }
    with httpx.Client(base_url=base, headers={"Authorization": f"ApiKey {keys['analyst']}"}) as client:
        answer = client.post("/match/default", json=query)
        assert answer.status_code == 200
        top = answer.json()["responses"]["q"]["results"][0]
        assert top["caption"] == "MAHAN AIR" and top["datasets"] == ["us_ofac_sdn"] and top["match"] is True
        assert {v["source"] for v in answer.json()["versions"]} == {"un_sc", "us_ofac_sdn"}
        assert client.get("/healthz").json()["status"] == "ok"
        assert httpx.post(f"{base}/match/default", json=query).status_code == 401


def test_real_server_streams_a_batch(server) -> None:
    base, keys = server
    parties = {"parties": [{"full_name": "Shahid Hemmat Industrial Group"}, {"full_name": "Siemens AG"}]}
    with httpx.stream("POST", f"{base}/screen/parties", json=parties,
                      headers={"X-API-Key": keys["analyst"]}) as answer:  # fmt: skip
        assert answer.headers["content-type"] == "application/x-ndjson"
        lines = [json.loads(line) for line in answer.iter_lines() if line]
    assert [line["row"] for line in lines] == [1, 2]
    assert {m["entity_id"] for m in lines[0]["matches"] if m["match"]} >= {
        "un-sc-ire-067",
        "us-ofac-sdn-9349",
    }


def test_requests_reach_the_audit_log(server) -> None:
    base, keys = server
    httpx.get(f"{base}/catalog", headers={"X-API-Key": keys["analyst"]})
    entries = httpx.get(f"{base}/audit", params={"limit": 5}, headers={"X-API-Key": keys["admin"]}).json()
    assert any(e["detail"]["path"] == "/catalog" and e["actor"].startswith("analyst (") for e in entries)


def test_nomenklatura_yente_enricher_finds_listed_entities(server, tmp_path: Path) -> None:
    pytest.importorskip("nomenklatura")
    from followthemoney import Dataset, StatementEntity
    from nomenklatura.cache import Cache
    from nomenklatura.db import Session, get_engine
    from nomenklatura.enrich import make_enricher

    base, keys = server
    dataset = Dataset.make({"name": "screening", "title": "Screening"})
    config = {"type": "nomenklatura.enrich.yente:YenteEnricher", "api": f"{base}/", "dataset": "default",
              "api_key": keys["analyst"], "cache_days": 0}  # fmt: skip
    cases = [
        ("Person", {"name": ["Dawood Agha-Jani"], "birthDate": ["1957-04-23"]}, "un-sc-iri-002"),
        ("Company", {"name": ["Mahan Air"], "country": ["Iran"]}, "us-ofac-sdn-12927"),
        ("Organization", {"name": ["Shahid Hemmat Industrial Group"]}, "un-sc-ire-067"),
    ]
    with Session(get_engine(f"sqlite:///{tmp_path / 'nk.db'}")) as session:
        enricher = make_enricher(dataset, Cache(session, dataset, create=True), config)
        for number, (schema, properties, expected) in enumerate(cases):
            entity = StatementEntity.from_data(
                dataset, {"id": f"q{number}", "schema": schema, "properties": properties}
            )
            found = list(enricher.match(entity))
            assert expected in [f.id for f in found], (properties, [f.caption for f in found])
            match = next(f for f in found if f.id == expected)
            assert match.get("sourceUrl")  # the enricher read our entity and linked back to it
            expanded = list(enricher.expand(entity, match))
            assert "Sanction" in {e.schema.name for e in expanded}  # nested /entities/{id} answer
