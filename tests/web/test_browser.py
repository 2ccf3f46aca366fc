"""The UI in a real browser against a real server: ``chokepoint serve`` on loopback, Debian's Chromium.

The server runs as a subprocess over a copy of the demo site's store (demo sample, real UN list, the
demo's queued alerts) with ``--ais demo_ais``. Screenshots go to ``$CHOKEPOINT_ARTIFACTS`` (default:
a pytest temporary folder). Without /usr/bin/chromium (or the playwright package) the tests skip,
except under CI (env ``CI``), where they fail: CI must never skip them silently.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chokepoint.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 90.0  # seconds for the server to answer /readyz (an upper bound, not a measurement)


def _need_browser() -> None:
    needs = (
        ("/usr/bin/chromium (apt-get install chromium)", CHROMIUM.exists()),
        (
            "the playwright package (pip install -e '.[test]')",
            importlib.util.find_spec("playwright") is not None,
        ),
    )
    missing = [what for what, ok in needs if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: missing {', '.join(missing)}")
        pytest.skip(f"missing {', '.join(missing)}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("CHOKEPOINT_ARTIFACTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(
    demo_site: Any, site_copy: Callable[[Path], Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """(base URL, store path) of ``chokepoint serve`` running over a copy of the demo store."""
    _need_browser()
    db = site_copy(tmp_path_factory.mktemp("served") / "served.db")
    port = _free_port()
    serve = ["serve", "--db", str(db), "--port", str(port), "--ais", str(demo_site.ais)]
    command = [sys.executable, "-c", "from chokepoint.cli import main; main()", *serve]
    log = (db.parent / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"chokepoint serve exited {process.returncode}: {(db.parent / 'serve.log').read_text()}"
                )
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"chokepoint serve did not get ready: {(db.parent / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield base, db
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(server: tuple[str, Path]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, artifacts: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A laptop-sized page; JavaScript errors fail the test; a screenshot is kept on the way out."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    opened.screenshot(path=str(artifacts / f"{request.node.name}-last.png"), full_page=True)
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_search_as_you_type_opens_the_entity_and_the_graph_expands(
    server: tuple[str, Path], page: Any, artifacts: Path
) -> None:
    base, _ = server
    page.goto(f"{base}/")
    assert page.url == f"{base}/ui/"
    page.locator("#q").press_sequentially("Алабуга", delay=40)
    option = page.get_by_role("option").filter(has_text="JSC Special Economic Zone")
    option.wait_for()
    page.screenshot(path=str(artifacts / "search-as-you-type.png"))
    while page.locator("#q").get_attribute("aria-activedescendant") != option.get_attribute("id"):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ui/entities/cp-jsc-special-economic-zone-of-industrial-production-type-alabuga")
    assert "АО ОЭЗ ППТ «Алабуга»" in page.locator("table.names").inner_text()
    graph = page.locator("#graph[data-ready=true]")
    graph.wait_for()
    before = int(graph.get_attribute("data-nodes"))
    sahara = page.locator('#graph g.node[data-id="cp-sahara-thunder"]')
    sahara.focus()
    page.keyboard.press("Enter")  # expand by keyboard
    page.wait_for_function(f"document.getElementById('graph').dataset.nodes > {before}")
    assert "added around Sahara Thunder" in page.locator("#graph-status").inner_text()
    assert page.locator('#graph g.node[data-id="cp-chem"]').count() == 1  # Sahara Thunder's tanker
    graph.screenshot(path=str(artifacts / "entity-graph-expanded.png"))


def test_search_in_persian_script_finds_the_person(server: tuple[str, Path], page: Any) -> None:
    base, _ = server
    page.goto(f"{base}/ui/")
    page.locator("#q").press_sequentially("قاسم دماوندیان", delay=30)
    page.get_by_role("option").filter(has_text="Qasem Damavandian").first.click()
    page.wait_for_url("**/ui/entities/cp-qasem-damavandian")
    assert "Managing director" in page.locator("main").inner_text()


def test_review_an_alert_by_keyboard_and_see_it_recorded(
    server: tuple[str, Path], page: Any, artifacts: Path
) -> None:
    base, db = server
    page.goto(f"{base}/ui/alerts?rule=RF-1")
    page.keyboard.press("j")
    page.keyboard.press("o")
    page.wait_for_url("**/ui/alerts/*?rule=RF-1")
    alert_id = int(page.url.split("/ui/alerts/")[1].split("?")[0])
    assert page.get_by_text("Which name parts matched how").count() >= 1
    page.screenshot(path=str(artifacts / "alert-evidence.png"), full_page=True)
    page.keyboard.press("c")  # clear: chooses the decision and puts the cursor in the reason
    assert page.locator("input[name=status][value=cleared]").is_checked()
    page.keyboard.type("Different firm: registry extract checked")
    page.locator("#who").fill("a.analyst")
    page.locator("#reason").press("Control+Enter")
    page.wait_for_url("**saved=cleared**")
    history = page.locator("#history").inner_text()
    assert "a.analyst cleared it" in history and "Different firm: registry extract checked" in history
    page.locator("#history").screenshot(path=str(artifacts / "alert-history.png"))
    with Store(db) as store:
        [entry] = [e for e in store.audit_log(action="alert.cleared") if e.detail["alert"] == alert_id]
        assert (
            entry.actor == "a.analyst"
            and entry.detail["reason"] == "Different firm: registry extract checked"
        )
        assert store.alert(alert_id).status == "cleared"
        assert {d.id for d in store.decisions()} == set(entry.detail["decisions"]) != set()


def test_vessel_page_shows_the_dark_runs_on_the_caspian(
    server: tuple[str, Path], page: Any, artifacts: Path
) -> None:
    base, _ = server
    page.goto(f"{base}/ui/vessels")
    page.locator("table.wide tbody tr a").first.click()
    page.wait_for_url("**/ui/vessels/*")
    chart = page.locator("svg.map")
    assert chart.locator("line.dark").count() >= 1 and chart.locator("path.track").count() >= 1
    assert chart.locator("path.sea").count() == 1 and page.locator("#dark tbody tr").count() >= 1
    box = chart.bounding_box()
    assert box is not None and box["height"] <= 800  # the whole sea on a laptop screen
    page.screenshot(path=str(artifacts / "vessel-page.png"))
