"""Order books in: documented columns, missing ones tolerated, bad input named by file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.screening import ORDER_COLUMNS, TransactionScreener, party_key, read_orders, screen_order_file
from chokepoint.store import Store

HEADER = "order_id,date,buyer,buyer_country,buyer_incorporated,ship_to_country,part_number,hs_code,quantity\n"
GOOD = 'SO-1,2025-03-01,Rheinwerk Automation GmbH,Germany,1994-05,DE,RC0603FR-0710KL,8533.21,"1,000"\n'


@pytest.fixture(scope="module")
def screener(lists_store: Path) -> TransactionScreener:
    return TransactionScreener.from_store(Store(lists_store))


def write(tmp_path: Path, text: str, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def both_fail(path: Path, screener: TransactionScreener) -> str:
    """The csv-module reader and the Polars path give the same one-line error."""
    with pytest.raises(InputError) as first:
        list(read_orders(path))
    with pytest.raises(InputError) as second:
        screen_order_file(path, screener)
    assert str(first.value) == str(second.value)
    return str(first.value)


def test_cells_are_typed_and_missing_columns_tolerated(tmp_path: Path) -> None:
    [line] = read_orders(write(tmp_path, "# comment\n" + HEADER + GOOD))
    assert (line.row, line.line, line.order_id, line.date) == (1, 3, "SO-1", date(2025, 3, 1))
    assert (line.buyer_country, line.ship_to_country, line.buyer_incorporated) == (
        "de",
        "de",
        date(1994, 5, 1),
    )
    assert (line.hs_code, line.quantity, line.consignee, line.value) == ("853321", 1000.0, "", None)


def test_file_without_party_or_goods_columns_is_refused_at_its_header(tmp_path: Path) -> None:
    path = write(tmp_path, "# exported 2025-03-01\norder_id,date,value\nSO-1,2025-03-01,10\n")
    with pytest.raises(CSVColumnError) as info:
        list(read_orders(path))
    assert str(info.value).startswith(f"{path}:2: no party column")


def test_row_with_missing_fields_names_its_line(tmp_path: Path, screener: TransactionScreener) -> None:
    path = write(tmp_path, HEADER + GOOD + "SO-2,2025-03-02,Pennine Controls Ltd,GB\n" + GOOD)
    assert both_fail(path, screener) == f"{path}:3: expected 9 fields, found 4"


def test_row_with_extra_fields_names_its_line(tmp_path: Path, screener: TransactionScreener) -> None:
    path = write(tmp_path, HEADER + GOOD * 3 + GOOD.rstrip("\n") + ",surplus\n")
    assert both_fail(path, screener) == f"{path}:5: expected 9 fields, found 10"


def test_bad_date_names_its_line(tmp_path: Path, screener: TransactionScreener) -> None:
    bad = GOOD.replace("2025-03-01", "03/01/2025")
    path = write(tmp_path, HEADER + GOOD + GOOD + bad)
    message = both_fail(path, screener)
    assert message == f"{path}:4: date '03/01/2025' is not a date (YYYY-MM-DD)"


def test_earliest_bad_cell_is_reported(tmp_path: Path, screener: TransactionScreener) -> None:
    path = write(tmp_path, HEADER + GOOD + GOOD.replace("Germany", "Narnia") + GOOD.replace("8533.21", "85X"))
    assert both_fail(path, screener) == (
        f"{path}:3: buyer_country 'Narnia' is not a country (use an ISO code or English name)"
    )


def test_bad_hs_code_and_number_name_their_lines(tmp_path: Path, screener: TransactionScreener) -> None:
    path = write(tmp_path, HEADER + GOOD.replace("8533.21", "resistor"))
    assert both_fail(path, screener).startswith(f"{path}:2: hs_code 'resistor' is not an HS code")
    path = write(tmp_path, HEADER + GOOD.replace('"1,000"', "many"))
    assert both_fail(path, screener) == f"{path}:2: quantity 'many' is not a number"


def test_broken_quoting_and_non_utf8_name_their_lines(tmp_path: Path, screener: TransactionScreener) -> None:
    path = write(tmp_path, HEADER + GOOD + 'SO-2,"2025-03-01,x\n')
    with pytest.raises(InputError, match=r"broken CSV") as info:
        screen_order_file(path, screener)
    assert str(info.value).startswith(f"{path}:3")
    raw = tmp_path / "latin1.csv"
    raw.write_bytes((HEADER + GOOD).encode() + "SO-3,2025-03-01,Müller GmbH,DE,,DE,X,,1\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8 text") as info:
        screen_order_file(raw, screener)
    assert info.value.line == 3


def test_empty_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the file is empty"):
        list(read_orders(write(tmp_path, "")))


def test_documented_columns_include_the_issue_fields() -> None:
    for column in ("order_id", "seller", "end_user", "intermediary", "payment_origin_country", "buyer_email",
                   "buyer_incorporated", "consignee_address", "hs_code", "value", "currency"):  # fmt: skip
        assert column in ORDER_COLUMNS


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_party_key_is_idempotent_and_plain(text: str) -> None:
    key = party_key(text)
    assert party_key(key) == key
    assert all(c.isascii() and (c.isalnum() or c == " ") for c in key) and key == key.strip()


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_dates_round_trip(tmp_path_factory: pytest.TempPathFactory, day: date) -> None:
    path = tmp_path_factory.mktemp("d") / "o.csv"
    path.write_text(f"date,buyer\n{day.isoformat()},X\n", encoding="utf-8")
    [line] = read_orders(path)
    assert line.date == day
