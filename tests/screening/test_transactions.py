"""Transaction screening on real lists: parties, addresses, goods and flags combine into explained alerts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from chokepoint.screening import (
    Alert,
    Finding,
    OrderLine,
    TransactionScreener,
    run_transactions,
    score_findings,
    screen_order_file,
)
from chokepoint.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DSP = {"part_number": "TMS320F28335PGFAR", "manufacturer": "Texas Instruments",
       "description": "C2000 digital signal controller", "hs_code": "854231"}  # fmt: skip
RESISTOR = {"part_number": "RC0603FR-0710KL", "manufacturer": "Yageo",
            "description": "Thick film chip resistor 10 kOhm", "hs_code": "853321"}  # fmt: skip
HOME = {"buyer": "Rheinwerk Automation GmbH", "buyer_country": "de", "ship_to_country": "de",
        "buyer_incorporated": date(1994, 5, 2), "buyer_email": "einkauf@rheinwerk-automation.de"}  # fmt: skip


@pytest.fixture(scope="module")
def store(lists_store: Path) -> Store:
    return Store(lists_store)


@pytest.fixture(scope="module")
def screener(store: Store) -> TransactionScreener:
    return TransactionScreener.from_store(store)


def screen(screener: TransactionScreener, **values: object) -> Alert | None:
    return screener.screen(OrderLine(1, 2, order_id="SO-1", **values))  # type: ignore[arg-type]


def version_of(store: Store, source: str) -> str:
    return next(v.version for v in store.versions(current_only=True) if v.source == source)


def test_listed_buyer_alert_names_entity_and_list_version(
    screener: TransactionScreener, store: Store
) -> None:
    alert = screen(
        screener,
        **HOME | DSP | {"buyer": "Kimia Part Sivan Co.", "buyer_country": "ir", "ship_to_country": "ae"},
    )
    assert alert is not None and alert.score > 0.95
    assert alert.flags == ("RF-1", "RF-21", "RF-29", "RF-30")
    row = alert.csv_row()
    version = version_of(store, "chokepoint_demo")
    kimia = "Kimia Part Sivan Company LLC [cp-kimia-part-sivan-company-llc, ref CP-0015"
    said = f"RF-1: buyer 'Kimia Part Sivan Co.' matches {kimia}, chokepoint_demo@{version}"
    assert row["parties"] == said + ", published 2026-11-22] score 1.00"
    assert "catalogue part TMS320F28335PGFA (Texas Instruments) found in Shahed-136 (Geran-2)" in row["goods"]
    [party] = [e for e in alert.to_dict()["evidence"] if e["rule"] == "RF-1"]
    assert party["target_id"] == "cp-kimia-part-sivan-company-llc" and party["list"].startswith(
        f"chokepoint_demo@{version}"
    )


def test_address_like_a_listed_address_fires_rf1(screener: TransactionScreener, store: Store) -> None:
    # the UN list gives SPECIAL INDUSTRIES GROUP "Pasdaran Avenue, PO Box 19585/777, Tehran"
    alert = screen(
        screener, **HOME | RESISTOR | {"buyer_address": "Pasdaran Ave., P.O. Box 19585-777, Tehran"}
    )
    assert alert is not None and alert.flags == ("RF-1",)
    texts = alert.texts("parties")
    assert any(
        "SPECIAL INDUSTRIES GROUP (SIG) [un-sc-ire-073, un_sc@" + version_of(store, "un_sc") in t
        for t in texts
    )
    assert screen(screener, **HOME | RESISTOR | {"buyer_address": "Valiasr Street 12, Tehran"}) is None


def test_buyer_named_like_a_listed_vessel_is_not_that_vessel(screener: TransactionScreener) -> None:
    # the demo list has the tanker CHEM; a chemicals trader of that name is not it
    assert screen(screener, **HOME | RESISTOR | {"buyer": "Chem Trading GmbH"}) is None


def test_chpl_item_to_an_established_coalition_customer_is_no_alert(screener: TransactionScreener) -> None:
    assert screen(screener, **HOME | DSP) is None  # RF-30 alone: 0.35 catalogue hit, below 0.5
    assert screen(screener, **HOME | RESISTOR) is None


def test_score_is_one_minus_product_over_each_rules_strongest_finding() -> None:
    findings = [Finding("RF-21", 0.45, "a"), Finding("RF-29", 0.3, "b"), Finding("RF-30", 0.35, "c"),
                Finding("RF-30", 0.15, "d"), Finding("", 0.0, "context")]  # fmt: skip
    assert score_findings(findings) == round(1 - 0.55 * 0.7 * 0.65, 3) == 0.75
    assert score_findings([Finding("RF-1", 0.95, "x")]) == 0.95


def test_clean_order_book_gives_under_one_percent_alerts(screener: TransactionScreener, store: Store) -> None:
    run = run_transactions(
        EXAMPLES / "orders_clean.csv", screener, versions=store.versions(current_only=True)
    )
    assert run.lines > 250 and len(run.alerts) / run.lines < 0.01


def test_demo_book_alerts_every_risky_line_and_no_clean_one(
    screener: TransactionScreener, store: Store
) -> None:
    run = run_transactions(EXAMPLES / "orders_demo.csv", screener, versions=store.versions(current_only=True))
    assert run.lines == 308 and len(run.alerts) == 32
    counts = run.by_rule()
    assert counts["RF-1"] == 8 and counts["CP-DEST"] == 7 and counts["RF-11"] == 4 and counts["RF-27"] == 3
    summary = json.loads(json.dumps(run.summary()))
    assert {v["source"] for v in summary["lists"]} == {"chokepoint_demo", "un_sc"}


def test_two_processes_give_the_same_alerts_as_one(tmp_path: Path, screener: TransactionScreener) -> None:
    text = (EXAMPLES / "orders_demo.csv").read_text(encoding="utf-8").splitlines()
    header = next(t for t in text if not t.startswith("#"))
    body = [t for t in text if not t.startswith("#")][1:]
    book = tmp_path / "big.csv"
    book.write_text("\n".join([header] + body * 16) + "\n", encoding="utf-8")
    one, n1 = screen_order_file(book, screener, workers=1)
    two, n2 = screen_order_file(book, screener, workers=2)
    assert n1 == n2 == 308 * 16 and len(one) == 32 * 16
    assert [a.csv_row() for a in one] == [a.csv_row() for a in two]
    assert [a.line for a in one] == [a.line for a in two]


def test_quoted_newline_keeps_line_numbers_exact(tmp_path: Path, screener: TransactionScreener) -> None:
    book = tmp_path / "orders.csv"
    book.write_text(
        "# one comment line\n"
        "order_id,buyer,ship_to_country,part_number,manufacturer,description,hs_code\n"
        'SO-1,Rheinwerk Automation GmbH,DE,RC0603FR-0710KL,Yageo,"resistor,\nthick film",853321\n'
        "SO-2,Kimia Part Sivan Co.,AE,TMS320F28335PGFAR,TI,DSP,854231\n",
        encoding="utf-8",
    )
    [alert], lines = screen_order_file(book, screener)
    assert lines == 2 and (alert.row, alert.line, alert.order_id) == (2, 5, "SO-2")
