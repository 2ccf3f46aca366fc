"""Order books for transaction screening: the columns, and a reader that checks every row.

One CSV row is one order line. Columns (header names are case-insensitive; any column may be missing,
any cell blank, extra columns are ignored; ``#`` lines before the header are comments):

    order_id, date                  the order and its date (YYYY-MM-DD)
    seller, buyer, consignee,       the parties, each screened against the loaded lists
    end_user, intermediary
    buyer_country, consignee_country, ship_to_country, end_use_country, payment_origin_country
                                    countries as ISO codes or English names ("AE", "ARE", "UAE")
    buyer_incorporated              the buyer's incorporation date (YYYY-MM-DD, YYYY-MM or YYYY)
    buyer_address, consignee_address, end_user_address
                                    addresses, compared with the listed parties' addresses
    buyer_email                     the buyer's contact e-mail
    part_number, manufacturer, description, hs_code
                                    the goods, as for ``chokepoint screen goods``
    quantity, value, currency       numbers (``1,200.50`` is read as 1200.5) and a currency code

A file with none of the party or goods columns, a row with the wrong number of fields, a date,
country, HS code or number that cannot be read: :class:`InputError` naming the file and line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, TextIO

from followthemoney.types import registry

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.goods import normalise_hs

__all__ = [
    "COUNTRY_COLUMNS",
    "ORDER_COLUMNS",
    "PARTY_COLUMNS",
    "OrderLine",
    "OrderTyper",
    "RawRow",
    "open_orders",
    "read_orders",
]

PARTY_COLUMNS = ("seller", "buyer", "consignee", "end_user", "intermediary")
GOODS_COLUMNS = ("part_number", "manufacturer", "description", "hs_code")
COUNTRY_COLUMNS = (
    "buyer_country", "consignee_country", "ship_to_country", "end_use_country", "payment_origin_country",
)  # fmt: skip
ADDRESS_COLUMNS = ("buyer_address", "consignee_address", "end_user_address")
ORDER_COLUMNS = (
    "order_id", "date", *PARTY_COLUMNS, *COUNTRY_COLUMNS, "buyer_incorporated", *ADDRESS_COLUMNS,
    "buyer_email", *GOODS_COLUMNS, "quantity", "value", "currency",
)  # fmt: skip
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class OrderLine(NamedTuple):
    """One order line: text as written, except dates, countries (lower-case ISO) and HS digits."""

    row: int
    line: int
    order_id: str = ""
    date: dt.date | None = None
    seller: str = ""
    buyer: str = ""
    consignee: str = ""
    end_user: str = ""
    intermediary: str = ""
    buyer_country: str = ""
    consignee_country: str = ""
    ship_to_country: str = ""
    end_use_country: str = ""
    payment_origin_country: str = ""
    buyer_incorporated: dt.date | None = None
    buyer_address: str = ""
    consignee_address: str = ""
    end_user_address: str = ""
    buyer_email: str = ""
    part_number: str = ""
    manufacturer: str = ""
    description: str = ""
    hs_code: str = ""
    quantity: float | None = None
    value: float | None = None
    currency: str = ""


def _parse(column: str, text: str) -> object:
    """A typed cell: lower-case ISO country, HS digits, number or date; ValueError says what is wrong."""
    if not text:
        return "" if column in COUNTRY_COLUMNS or column == "hs_code" else None
    if column in COUNTRY_COLUMNS:
        code = registry.country.clean(text)
        if code is None:
            raise ValueError(f"{column} {text!r} is not a country (use an ISO code or English name)")
        return code
    if column == "hs_code":
        return normalise_hs(text)
    if column in ("quantity", "value"):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            raise ValueError(f"{column} {text!r} is not a number") from None
    match = _DATE.fullmatch(text)
    try:
        if match is None or (column == "date" and match.group(3) is None):
            raise ValueError
        year, month, day = match.group(1, 2, 3)
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        form = "YYYY-MM-DD" if column == "date" else "YYYY-MM-DD, YYYY-MM or YYYY"
        raise ValueError(f"{column} {text!r} is not a date ({form})") from None


TYPED = frozenset((*COUNTRY_COLUMNS, "hs_code", "quantity", "value", "date", "buyer_incorporated"))
_DEFAULTS = tuple(OrderLine(0, 0))
_MISSING = object()
RawRow = tuple[int, int, list[str]]
"""(row, line, fields) of one data row, before its cells are typed."""


class OrderTyper:
    """Turns raw rows of one file's header into :class:`OrderLine` s; typed cells are cached."""

    def __init__(self, path: str | Path, header: list[str], offset: int = 0) -> None:
        self.path = str(path)
        self.header = header
        self.width = len(header)
        self.offset = offset
        """Lines (comments, blanks) before the header line."""
        fields = OrderLine._fields
        self.plan: list[tuple[int, int, str, dict[str, object] | None]] = [
            (i, fields.index(name), name, {} if name in TYPED else None)
            for i, name in enumerate(header)
            if name in ORDER_COLUMNS
        ]

    def column(self, name: str) -> int | None:
        """Index of a column in the file's rows, or None when the file lacks it."""
        return next((i for i, _, n, _ in self.plan if n == name), None)

    def parse(self, name: str, text: str, line: int) -> object:
        """One typed cell; a bad one raises InputError at ``line``."""
        try:
            return _parse(name, text)
        except ValueError as exc:
            raise InputError(str(exc), path=self.path, line=line, field=name) from None

    def __call__(self, raw: RawRow) -> OrderLine:
        row, line, cells = raw
        values: list[object] = list(_DEFAULTS)
        values[0], values[1] = row, line
        for i, pos, name, cache in self.plan:
            text = cells[i].strip()
            if cache is None:
                values[pos] = text
                continue
            value = cache.get(text, _MISSING)
            if value is _MISSING:
                value = self.parse(name, text, line)
                if len(cache) > 100_000:
                    cache.clear()
                cache[text] = value
            values[pos] = value
        return OrderLine._make(values)

    def rows(self) -> Iterator[RawRow]:
        """The file's data rows, read again from the start (checked as they are read)."""
        with _opened(self.path) as handle:
            for _ in range(self.offset):
                handle.readline()
            reader = csv.reader(handle, strict=True)
            row, end = 0, 0
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    line = self.offset + reader.line_num
                    raise InputError(f"broken CSV: {exc}", path=self.path, line=line) from None
                except UnicodeDecodeError:
                    raise InputError(
                        "not UTF-8 text", path=self.path, line=_bad_utf8_line(self.path)
                    ) from None
                line, end = self.offset + end + 1, reader.line_num
                if line == self.offset + 1 or not any(cells):  # the header, or a blank line
                    continue
                if len(cells) != self.width:
                    raise InputError(
                        f"expected {self.width} fields, found {len(cells)}", path=self.path, line=line
                    )
                row += 1
                yield row, line, cells


def _bad_utf8_line(path: str | Path) -> int | None:
    """The line of the first byte that is not UTF-8 (the text reader decodes ahead, in blocks)."""
    decoder, lines = codecs.getincrementaldecoder("utf-8")(), 1
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as exc:
                return lines + block.count(b"\n", 0, exc.start)
            lines += block.count(b"\n")
    return None


def _opened(path: str | Path) -> TextIO:
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=path) from None


def open_orders(path: str | Path) -> OrderTyper:
    """Read and check the header (comments and blank lines before it are skipped); rows come later."""
    offset = 0
    with _opened(path) as handle:
        try:
            while (text := handle.readline()).startswith("#") or text in ("\n", "\r\n"):
                offset += 1
            header = next(csv.reader([text], strict=True), [])
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text", path=path, line=_bad_utf8_line(path)) from None
        except csv.Error as exc:
            raise InputError(f"broken CSV: {exc}", path=path, line=offset + 1) from None
    if not header:
        raise InputError("the file is empty", path=path, line=offset + 1)
    header = [h.strip().lower().replace(" ", "_") for h in header]
    if not set(header) & {*PARTY_COLUMNS, *GOODS_COLUMNS}:
        raise CSVColumnError(
            "no party column (seller, buyer, consignee, end_user, intermediary) and no goods column "
            f"(part_number, manufacturer, description, hs_code); found: {', '.join(header)}",
            path=path,
            line=offset + 1,
        )
    return OrderTyper(path, header, offset)


def read_orders(path: str | Path) -> Iterator[OrderLine]:
    """The order lines of a CSV file, checked as they are read (see the module docstring)."""
    typer = open_orders(path)
    return map(typer, typer.rows())
