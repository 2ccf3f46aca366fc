"""A running app picks up a newly loaded list version by itself, and an empty store becomes ready once
a list is loaded."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from chokepoint.api import create_app
from chokepoint.lists import read_lists, version_record
from chokepoint.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALABUGA = {"queries": {"q": {"schema": "Company", "properties": {"name": ["LLC Alabuga Machinery"]}}}}


def load(store: Store, path: Path) -> None:
    store.load_versions([(version_record(d), d.entities) for d in read_lists([path])])


def wait_for(check, seconds: float = 20.0) -> bool:
    """Poll ``check`` until true; bounded, so a broken reload fails the test instead of hanging it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_new_list_version_is_served_without_a_restart(store_copy: Store, keys) -> None:
    headers = {"X-API-Key": keys["read"]}
    with TestClient(create_app(store_copy, reload_interval=0.2)) as client:
        before = client.post("/match/default", json=ALABUGA, headers=headers).json()
        assert [v["source"] for v in before["versions"]] == ["un_sc"]
        assert not any(r["match"] for r in before["responses"]["q"]["results"])
        load(store_copy, EXAMPLES / "drone_story.ftm.json")

        def reloaded() -> bool:
            return len(client.get("/readyz").json()["versions"]) == 2

        assert wait_for(reloaded)
        after = client.post("/match/default", json=ALABUGA, headers=headers).json()
        assert sorted(v["source"] for v in after["versions"]) == ["chokepoint_demo", "un_sc"]
        assert after["responses"]["q"]["results"][0]["caption"] == "LLC Alabuga Machinery"


def test_empty_store_becomes_ready_when_a_list_is_loaded(tmp_path: Path, sanctions_dir: Path) -> None:
    store = Store(tmp_path / "s.db")
    with TestClient(create_app(store, reload_interval=0.2)) as client:
        assert client.get("/readyz").status_code == 503
        load(store, sanctions_dir / "un_sc/2026-02-27/consolidated.xml")
        assert wait_for(lambda: client.get("/readyz").status_code == 200)
