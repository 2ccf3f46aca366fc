"""Standing decisions in transaction screening: clearances suppress until the evidence changes,
escalations always alert and are marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from chokepoint.goods import load_catalogues
from chokepoint.screening import (
    OrderLine,
    TransactionScreener,
    catalogue_id,
    goods_basis,
    goods_key,
    party_basis,
    party_key,
    run_transactions,
)
from chokepoint.store import Store

KIMIA = "cp-kimia-part-sivan-company-llc"
RESISTOR = {"part_number": "RC0603FR-0710KL", "manufacturer": "Yageo", "hs_code": "853321"}
HOME = {"buyer_country": "de", "ship_to_country": "de", "buyer_incorporated": date(1999, 1, 1)}


def line(**values: object) -> OrderLine:
    return OrderLine(1, 2, order_id="SO-1", **values)  # type: ignore[arg-type]


def clear(
    store: Store, query: str, entity: str, *, decision: str = "cleared", basis: str | None = None
) -> int:
    record = store.add_decision(
        kind="party", query_key=party_key(query), target_id=entity, decision=decision,
        reason="checked the trade register: another firm", who="a.analyst",
        basis=basis if basis is not None else party_basis(store.entity(entity)[0]),
    )  # fmt: skip
    return record.id


def test_cleared_party_is_not_alerted_again(demo_store: Store) -> None:
    kimia = line(buyer="Kimia Part Sivan Co.", **HOME, **RESISTOR)
    assert TransactionScreener.from_store(demo_store).screen(kimia).alerted  # type: ignore[union-attr]
    number = clear(demo_store, "KIMIA PART SIVAN CO", KIMIA)  # same normalised query
    alert = TransactionScreener.from_store(demo_store).screen(kimia)
    assert alert is not None and not alert.alerted and alert.flags == ()
    assert alert.decisions == (
        f"cleared by decision {number} (a.analyst, {date.today().isoformat()}: checked the trade register: "
        f"another firm): 'kimia part sivan co' ~ {KIMIA}",
    )
    assert [f.rule for f in alert.suppressed] == ["RF-1"]


def test_cleared_party_on_a_line_risky_otherwise_still_alerts_without_it(demo_store: Store) -> None:
    clear(demo_store, "Kimia Part Sivan Co.", KIMIA)
    dsp = {"part_number": "TMS320F28335PGFAR", "manufacturer": "TI", "hs_code": "854231"}
    alert = TransactionScreener.from_store(demo_store).screen(
        line(buyer="Kimia Part Sivan Co.", buyer_country="ae", ship_to_country="ae", **dsp)
    )
    assert alert is not None and alert.alerted and "RF-1" not in alert.flags and "RF-21" in alert.flags
    assert alert.decisions[0].startswith("cleared by decision 1")


def test_clearance_lapses_when_the_listing_changed(demo_store: Store) -> None:
    number = clear(demo_store, "Kimia Part Sivan Co.", KIMIA, basis="digest-of-an-older-listing")
    alert = TransactionScreener.from_store(demo_store).screen(
        line(buyer="Kimia Part Sivan Co.", **HOME, **RESISTOR)
    )
    assert alert is not None and alert.alerted and alert.flags == ("RF-1",)
    assert alert.decisions[0].startswith(f"no longer cleared, the listing changed since decision {number}")


def test_escalated_pair_always_alerts_and_is_marked(demo_store: Store) -> None:
    # "Vektor" scores 0.73 against TSK Vektor OOO: a candidate, below the match threshold
    vektor = line(buyer="Vektor", **HOME, **RESISTOR)
    assert TransactionScreener.from_store(demo_store).screen(vektor) is None
    clear(demo_store, "Vektor", "cp-tsk-vektor-ooo", decision="escalated")
    alert = TransactionScreener.from_store(demo_store).screen(vektor)
    assert alert is not None and alert.alerted and alert.escalated and alert.flags == ("RF-1",)
    assert alert.decisions[0].startswith("ESCALATED by decision 1 (a.analyst")
    assert "TSK Vektor OOO [cp-tsk-vektor-ooo" in alert.texts("parties")[0]


def test_cleared_catalogue_pair_drops_the_drone_part_evidence(demo_store: Store) -> None:
    dsp = {"part_number": "TMS320F28335PGFAR", "manufacturer": "Texas Instruments", "hs_code": "854231"}
    turkey = line(buyer="Bosphorus Teknoloji A.S.", buyer_country="tr", ship_to_country="tr", **dsp)
    before = TransactionScreener.from_store(demo_store).screen(turkey)
    assert before is not None and any("catalogue part TMS320F28335PGFA" in t for t in before.texts("goods"))
    parts = [c for c in load_catalogues() if c.part_number == "TMS320F28335PGFA"]
    demo_store.add_decision(
        kind="goods", query_key=goods_key(dsp["part_number"], dsp["manufacturer"]),
        target_id=catalogue_id("TMS320F28335PGFA", "Texas Instruments"), decision="cleared",
        reason="end-user certificate on file", who="a.analyst", basis=goods_basis(parts),
    )  # fmt: skip
    after = TransactionScreener.from_store(demo_store).screen(turkey)
    assert after is not None and after.alerted  # the route still makes it an alert
    assert not any("catalogue part" in t for t in after.texts("goods"))
    assert after.decisions[0].startswith("cleared by decision 1") and after.score < before.score


def test_run_counts_lines_cleared_by_decisions(tmp_path: Path, demo_store: Store) -> None:
    book = tmp_path / "orders.csv"
    book.write_text(
        "order_id,buyer,buyer_country,ship_to_country,part_number,manufacturer,hs_code\n"
        "SO-1,Kimia Part Sivan Co.,DE,DE,RC0603FR-0710KL,Yageo,853321\n"
        "SO-2,I Jet Global DMCC,DE,DE,RC0603FR-0710KL,Yageo,853321\n",
        encoding="utf-8",
    )
    clear(demo_store, "Kimia Part Sivan Co.", KIMIA)
    run = run_transactions(book, TransactionScreener.from_store(demo_store), versions=demo_store.versions())
    assert [a.order_id for a in run.alerts] == ["SO-2"] and [a.order_id for a in run.cleared] == ["SO-1"]
    assert run.summary()["cleared_by_decisions"] == 1
