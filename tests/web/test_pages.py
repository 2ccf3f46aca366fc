"""The UI's pages over the demo site: search, entities, alerts, vessels; bad ids and bad input answered."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chokepoint.cli import app as cli
from chokepoint.lists import read_lists, version_record
from chokepoint.screening import ScreeningService
from chokepoint.store import Store
from chokepoint.web import mount

QAI = "cp-qods-aviation-industries"
DAMAVANDIAN = "cp-qasem-damavandian"


def test_root_redirects_to_the_ui_and_home_says_what_is_loaded(
    client: TestClient, text: Callable[[str], str]
) -> None:
    answer = client.get("/", follow_redirects=False)
    assert answer.status_code == 307 and answer.headers["location"] == "/ui/"
    home = text(client.get("/ui/").text)
    assert "chokepoint_demo" in home and "un_sc" in home and "2026-02-27" in home
    assert re.search(r"\b32 open alerts", home) and "20 vessels" in home


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Алабуга", "cp-jsc-special-economic-zone-of-industrial-production-type-alabuga"),
        ("قاسم دماوندیان", DAMAVANDIAN),
        ("damav", DAMAVANDIAN),  # as typed so far: the last word unfinished
        ("QODS AERONAUTICS", "un-sc-ire-055"),  # the real UN list is searched too
    ],
)
def test_search_as_typed_finds_across_scripts(client: TestClient, typed: str, found: str) -> None:
    results = client.get("/ui/search.json", params={"q": typed}).json()["results"]
    assert found in [r["id"] for r in results[:3]]
    page = client.get("/ui/search", params={"q": typed})
    assert page.status_code == 200 and f'href="/ui/entities/{found}"' in page.text


def test_search_names_the_name_that_matched(client: TestClient) -> None:
    [first, *_] = client.get("/ui/search.json", params={"q": "قاسم دماوندیان"}).json()["results"]
    assert first["caption"] == "Qasem Damavandian" and first["matched_name"] == "قاسم دماوندیان"
    assert first["script"] == "arabic" and first["url"] == f"/ui/entities/{DAMAVANDIAN}"


def test_overlong_search_is_refused_naming_the_field(client: TestClient) -> None:
    answer = client.get("/ui/search.json", params={"q": "x" * 201})
    assert answer.status_code == 422 and answer.json()["field"] == "q"


def test_entity_page_shows_names_in_every_script_and_each_listing(
    client: TestClient, text: Callable[[str], str]
) -> None:
    page = client.get(f"/ui/entities/{QAI}")
    assert page.status_code == 200
    words = text(page.text)
    assert "صنایع هوایی قدس" in words and "arabic" in words and "Quds Aviation Industries" in words
    for listing in ("US Treasury OFAC", "Council of the EU", "UK FCDO", "2022-11-15", "RUSSIA-EO14024"):
        assert listing in words
    assert re.search(r"chokepoint_demo@[0-9a-f]{12}", words)
    assert "Managing director" in words and f'href="/ui/entities/{DAMAVANDIAN}"' in page.text


def test_un_entity_shows_its_un_listing(client: TestClient) -> None:
    data = client.get("/ui/entities/un-sc-ire-055.json").json()
    [listing] = data["listings"]
    assert listing["authority"] == "United Nations Security Council" and listing["listed"]
    assert listing["list"].startswith("un_sc@") and listing["published"] == "2026-02-27"


def test_vessel_entity_lists_its_identifiers(client: TestClient, text: Callable[[str], str]) -> None:
    data = client.get("/ui/entities/cp-chem.json").json()
    assert {"type": "IMO Number", "value": "IMO9240914"} in data["identifiers"]
    assert {"type": "MMSI", "value": "518998388"} in data["identifiers"]
    assert "The AIS folder holds no events for MMSI 518998388" in text(
        client.get("/ui/entities/cp-chem").text
    )


def test_graph_links_the_two_sides_of_a_directorship_and_expands_from_either(client: TestClient) -> None:
    graph = client.get(f"/ui/entities/{QAI}/graph.json").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert {QAI, DAMAVANDIAN, "cp-sanction-qods-aviation-industries-us"} <= ids
    edge = next(e for e in graph["edges"] if DAMAVANDIAN in (e["source"], e["target"]))
    assert (edge["source"], edge["target"], edge["label"]) == (DAMAVANDIAN, QAI, "Managing director")
    expanded = client.get(f"/ui/entities/{DAMAVANDIAN}/graph.json").json()
    assert QAI in {n["id"] for n in expanded["nodes"]} and expanded["id"] == DAMAVANDIAN


@pytest.mark.parametrize("path", ["/ui/entities/no-such-id", "/ui/entities/no-such-id/graph.json"])
def test_unknown_entity_is_a_404_page(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404 and "no-such-id" in answer.text


def test_unknown_entity_json_twin_answers_json(client: TestClient) -> None:
    answer = client.get("/ui/entities/no-such-id.json")
    assert answer.status_code == 404 and answer.json()["status"] == 404


def test_vessel_page_draws_track_gaps_and_dark_voyages_offline(
    client: TestClient, text: Callable[[str], str]
) -> None:
    vessels = text(client.get("/ui/vessels").text)
    assert "273715749" in vessels
    page = client.get("/ui/vessels/273715749")
    assert page.status_code == 200
    svg = page.text[page.text.index("<svg") : page.text.index("</svg>")]
    assert svg.count('class="track"') >= 1 and svg.count('class="gap long"') >= 1
    assert svg.count('class="dark"') == 7 and 'class="sea"' in svg and "Makhachkala" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing fetched: no tiles
    assert client.get("/ui/vessels.json").json()["vessels"][0]["dark_voyages"] >= 1  # dark runners first
    data = client.get("/ui/vessels/273715749.json").json()
    assert data["positions"] > 1000 and len(data["events"]["dark_voyages"]) == 7


@pytest.mark.parametrize(("path", "status"), [("/ui/vessels/123", 404), ("/ui/vessels/abc", 422)])
def test_bad_vessel_is_answered_naming_the_mmsi(
    client: TestClient, path: str, status: int, text: Callable[[str], str]
) -> None:
    answer = client.get(path)
    assert answer.status_code == status and "mmsi" in text(answer.text)


def test_without_an_ais_folder_vessel_pages_say_how_to_get_one(
    site_service: ScreeningService, text: Callable[[str], str]
) -> None:
    app = FastAPI()
    mount(app, site_service)
    bare = TestClient(app)
    assert "--ais" in text(bare.get("/ui/vessels").text)
    assert bare.get("/ui/vessels/273715749").status_code == 404


def test_mount_leaves_an_existing_root_alone_and_waits_for_the_service(tmp_path: Path) -> None:
    app = FastAPI()

    @app.get("/")
    def root() -> dict[str, str]:
        return {"api": "yes"}

    mount(app, lambda: None)
    client = TestClient(app)
    assert client.get("/").json() == {"api": "yes"}
    waiting = client.get("/ui/search.json", params={"q": "x"})
    assert waiting.status_code == 503 and "being built" in waiting.json()["error"]


def test_reports_page_explains_how_to_add_reports_when_there_are_none(
    text: Callable[[str], str], tmp_path: Path
) -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "drone_story.ftm.json"
    store = Store(tmp_path / "lists-only.db")
    store.load_versions([(version_record(d), d.entities) for d in read_lists([sample])])
    app = FastAPI()
    mount(app, ScreeningService(store))
    page = TestClient(app).get("/ui/reports")
    assert page.status_code == 200 and "chokepoint reports ingest" in text(page.text)


def test_reports_page_shows_stories_timeline_and_who_is_named(
    writable: tuple[TestClient, Store], text: Callable[[str], str], tmp_path: Path
) -> None:
    client, store = writable
    articles = Path(__file__).resolve().parents[2] / "examples" / "reports"
    ingest = [
        "reports",
        "ingest",
        str(articles),
        "--out",
        str(tmp_path / "out"),
        "--db",
        store.url.removeprefix("sqlite:///"),
    ]
    done = CliRunner().invoke(cli, ingest)
    assert done.exit_code == 0, done.output
    overview = client.get("/ui/reports.json").json()
    story = overview["clusters"][0]["documents"]  # the largest story: one article, several outlets
    assert len(story) >= 2 and len({d["publisher"] for d in story}) == len(story)
    assert overview["timeline"] and all(c["date"] and c["sentence"] for c in overview["timeline"])
    page = client.get("/ui/reports").text
    assert "Claims timeline" in text(page) and f'href="/ui/entities/{QAI}"' in page
    assert re.search(r"Named in [1-9]\d* reports?", text(client.get(f"/ui/entities/{QAI}").text))


def test_listed_vessel_seen_in_ais_links_both_ways(
    site_service: ScreeningService, tmp_path: Path, text: Callable[[str], str]
) -> None:
    # the demo's simulated ships are not on the lists: one gap of the listed tanker CHEM, written here
    gap = {"mmsi": 518998388, "track": 0, "start": datetime(2026, 10, 3, 8, tzinfo=UTC),
           "end": datetime(2026, 10, 4, 16, tzinfo=UTC), "hours": 32.0, "long": True,
           "start_lat": 42.9, "start_lon": 47.7, "end_lat": 37.0, "end_lon": 53.2}  # fmt: skip
    pl.DataFrame([gap]).write_parquet(tmp_path / "gaps.parquet")
    client = TestClient(FastAPI())
    mount(client.app, site_service, ais_dir=tmp_path)  # type: ignore[arg-type]
    entity = client.get("/ui/entities/cp-chem").text
    assert 'href="/ui/vessels/518998388"' in entity
    vessel = client.get("/ui/vessels/518998388")
    assert vessel.status_code == 200 and 'href="/ui/entities/cp-chem"' in vessel.text
    assert "1 gaps" in text(vessel.text) and vessel.text.count('class="gap long"') == 1
