"""Each red flag on a realistic order line that fires it and one that does not; the rule book is data."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.goods import CatalogueIndex, GoodsLine, GoodsScreener, load_catalogues, load_jurisdictions
from chokepoint.screening import OrderLine, RedFlags, load_gecc, load_rules, load_uav_categories

MCU = {"part_number": "MSP430G2553IPW20R", "manufacturer": "Texas Instruments",
       "description": "16-bit ultra-low-power microcontroller", "hs_code": "854231"}  # fmt: skip
RESISTOR = {"part_number": "RC0603FR-0710KL", "manufacturer": "Yageo",
            "description": "Thick film chip resistor 10 kOhm 1% 0603", "hs_code": "853321"}  # fmt: skip
CONNECTOR = {"part_number": "61300411121", "manufacturer": "Wurth Elektronik",
             "description": "Pin header 4 pins", "hs_code": "853669"}  # fmt: skip
ESTABLISHED = {"buyer": "Rheinwerk Automation GmbH", "buyer_country": "de", "ship_to_country": "de",
               "buyer_incorporated": date(1994, 5, 2), "buyer_email": "buy@rheinwerk.example"}  # fmt: skip


@pytest.fixture(scope="module")
def flags() -> RedFlags:
    return RedFlags(load_rules(), load_jurisdictions(), load_gecc(), load_uav_categories())


@pytest.fixture(scope="module")
def goods() -> GoodsScreener:
    return GoodsScreener(CatalogueIndex(load_catalogues()))


def fired(flags: RedFlags, goods: GoodsScreener, **values: object) -> dict[str, list[str]]:
    """Rule id → evidence texts for one order line made of ``values``."""
    line = OrderLine(1, 2, **values)  # type: ignore[arg-type]
    item = GoodsLine(line.part_number, line.manufacturer, line.description, line.hs_code)
    result = goods.screen(item) if any(item) else None
    found: dict[str, list[str]] = {}
    for finding in flags.evaluate(line, result):
        found.setdefault(finding.rule, []).append(finding.text)
    return found


def test_embargoed_end_use_country_fires_and_coalition_one_does_not(flags, goods) -> None:
    risky = fired(
        flags, goods, **ESTABLISHED | RESISTOR | {"end_user": "Ural Avionics", "end_use_country": "ru"}
    )
    assert risky["CP-DEST"] == ["end-use country is Russia (RU), under embargo"]
    assert "CP-DEST" not in fired(flags, goods, **ESTABLISHED | RESISTOR | {"end_use_country": "de"})
    assert "CP-DEST" in fired(flags, goods, **ESTABLISHED | RESISTOR | {"ship_to_country": "ir"})


def test_buyer_incorporated_after_the_invasion_buying_chpl_items_fires(flags, goods) -> None:
    new = ESTABLISHED | {"buyer_incorporated": date(2023, 4, 12)}
    [text] = fired(flags, goods, **new | MCU)["RF-11"]
    assert text.startswith(
        "buyer incorporated 2023-04-12, after 2022-02-24, orders a CHPL tier 1 item (HS 854231)"
    )
    assert "RF-11" not in fired(flags, goods, **new | RESISTOR)  # a new firm buying resistors is not the flag
    assert "RF-11" not in fired(flags, goods, **ESTABLISHED | MCU)  # an old firm buying MCUs neither


def test_company_buyer_with_personal_email_fires(flags, goods) -> None:
    line = (
        ESTABLISHED | RESISTOR | {"buyer": "Nova Horizon Trade LLC", "buyer_email": "novahorizon@gmail.com"}
    )
    assert fired(flags, goods, **line)["RF-14"] == [
        "company buyer 'Nova Horizon Trade LLC' writes from a personal e-mail (gmail.com)"
    ]
    assert "RF-14" in fired(flags, goods, **line | {"buyer_email": "a.b@yahoo.co.uk"})
    assert "RF-14" not in fired(flags, goods, **ESTABLISHED | RESISTOR)  # company domain
    private = {"buyer": "Jan Kowalski", "buyer_email": "jan.kowalski@gmail.com"}
    assert "RF-14" not in fired(flags, goods, **ESTABLISHED | RESISTOR | private)  # a person, not a company


def test_freight_forwarder_consignee_fires(flags, goods) -> None:
    line = (
        ESTABLISHED | MCU | {"consignee": "Trans-Eurasia Freight Forwarding LLC", "consignee_country": "kz"}
    )
    [text] = fired(flags, goods, **line)["RF-19"]
    forwarder = "consignee 'Trans-Eurasia Freight Forwarding LLC' is a freight forwarder or logistics firm"
    assert text == forwarder + " ('freight')"
    own = ESTABLISHED | MCU | {"consignee": "Rheinwerk Automation GmbH Werk 2"}
    assert "RF-19" not in fired(flags, goods, **own)


def test_trading_house_consignee_or_end_user_abroad_fires(flags, goods) -> None:
    trading = ESTABLISHED | MCU | {"consignee": "Al Noor General Trading LLC"}
    assert fired(flags, goods, **trading)["RF-20"] == [
        "consignee 'Al Noor General Trading LLC' is a trading house or mail centre ('general trading')"
    ]
    abroad = ESTABLISHED | MCU | {"end_user": "Kazan Precision Instruments", "end_use_country": "ru"}
    [text] = fired(flags, goods, **abroad)["RF-20"]
    assert "is in Russia (RU), the buyer in Germany (DE)" in text
    home = ESTABLISHED | MCU | {"end_user": "Rheinwerk Automation GmbH", "end_use_country": "de"}
    assert "RF-20" not in fired(flags, goods, **home)
    sister = ESTABLISHED | MCU | {"end_user": "Rheinwerk Service GmbH", "end_use_country": "de"}
    assert "RF-20" not in fired(flags, goods, **sister)  # another firm, but in the buyer's country


def test_chpl_item_to_transshipment_point_fires(flags, goods) -> None:
    uae = ESTABLISHED | MCU | {"buyer_country": "ae", "ship_to_country": "ae"}
    [text] = fired(flags, goods, **uae)["RF-21"]
    assert text.startswith(
        "CHPL tier 1 item (HS 854231) shipped to United Arab Emirates (AE), a transshipment point"
    )
    assert "FIN-2022-Alert003" in text
    assert "RF-21" not in fired(flags, goods, **uae | RESISTOR)  # not a CHPL item
    assert "RF-21" not in fired(flags, goods, **ESTABLISHED | MCU)  # Germany is no transshipment point


def test_payment_from_a_third_country_fires(flags, goods) -> None:
    india = ESTABLISHED | RESISTOR | {"buyer_country": "in", "ship_to_country": "in"}
    assert fired(flags, goods, **india | {"payment_origin_country": "hk"})["RF-27"] == [
        "payment from Hong Kong SAR (HK), a third country to India (IN)"
    ]
    assert "RF-27" not in fired(flags, goods, **india | {"payment_origin_country": "in"})
    parent_pays = ESTABLISHED | RESISTOR | {"ship_to_country": "fr", "payment_origin_country": "fr"}
    assert "RF-27" not in fired(flags, goods, **parent_pays)  # paid from the ship-to country


def test_tier_1_item_outside_the_coalition_fires(flags, goods) -> None:
    turkey = ESTABLISHED | {"buyer_country": "tr", "ship_to_country": "tr"}
    [text] = fired(flags, goods, **turkey | MCU)["RF-29"]
    assert text.endswith("for a ship-to in Türkiye (TR), outside the Global Export Control Coalition")
    assert "RF-29" not in fired(flags, goods, **ESTABLISHED | MCU)  # Germany is in the coalition
    assert "RF-29" not in fired(flags, goods, **turkey | CONNECTOR)  # tier 3.A, not 1 or 2
    assert "RF-29" not in fired(flags, goods, **ESTABLISHED | MCU | {"ship_to_country": "jp"})


def test_drone_part_and_uav_item_kind_fire_rf30(flags, goods) -> None:
    catalogued = ESTABLISHED | {"part_number": "TMS320F28335PGFAR", "manufacturer": "TI", "hs_code": "854231"}
    texts = fired(flags, goods, **catalogued)["RF-30"]
    assert texts[0].startswith("base match 0.90: TMS320F28335PGFAR is TMS320F28335")
    assert "found in Shahed-136 (Geran-2)" in texts[0]
    assert texts[1] == "processors and microcontrollers (HS 854231), an item kind the Iran UAV advisory names"
    gnss = ESTABLISHED | {"part_number": "X1", "description": "GNSS receiver board"}  # HS guessed: 852691
    assert fired(flags, goods, **gnss)["RF-30"] == [
        "navigation (GNSS receivers, gyroscopes, accelerometers, inertial measurement units) (HS 852691), "
        "an item kind the Iran UAV advisory names"
    ]
    engine = ESTABLISHED | {"description": "two-stroke UAV engine, spare cylinder head", "hs_code": "8409.91"}
    assert fired(flags, goods, **engine)["RF-30"][0].startswith("piston engines for aircraft and their parts")
    assert "RF-30" not in fired(flags, goods, **ESTABLISHED | RESISTOR)


def test_every_rf_rule_is_an_item_of_the_red_flag_digest(data_dir: Path) -> None:
    digest = (data_dir / "goods" / "red_flags.md").read_text(encoding="utf-8")
    numbered = {int(n) for n in re.findall(r"^(\d+)\. ", digest, flags=re.M)}
    book = load_rules()
    ids = [r for r in book.rules if r.startswith("RF-")]
    assert len(ids) >= 9 and {int(r[3:]) for r in ids} <= numbered
    assert all(rule.title and rule.source and 0 < rule.weight <= 1 for rule in book.rules.values())


def test_rule_left_out_of_the_book_is_not_checked(tmp_path: Path, goods) -> None:
    text = (Path(load_rules().path)).read_text(encoding="utf-8")
    start = text.index("  - id: RF-14")
    end = text.index("  - id: RF-19")
    path = tmp_path / "rules.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    flags = RedFlags(load_rules(path), load_jurisdictions(), load_gecc(), load_uav_categories())
    line = ESTABLISHED | RESISTOR | {"buyer": "Nova Horizon Trade LLC", "buyer_email": "nova@gmail.com"}
    assert "RF-14" not in fired(flags, goods, **line)


def test_rule_book_with_a_bad_weight_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "alert_threshold: 0.5\nrules:\n  - id: RF-1\n    title: t\n    weight: 2\n    source: s\n"
    )
    with pytest.raises(InputError, match="weight must be a number in") as info:
        load_rules(path)
    assert info.value.line == 3 and str(info.value).startswith(f"{path}:3: ")
