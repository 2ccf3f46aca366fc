"""Screening: parties, goods and whole transactions → alerts with reasons; red-flag rules; decisions.

:func:`screen_parties` runs a :class:`~chokepoint.matching.Matcher` over the rows of a party CSV and
yields one output row per (input row, candidate) with the score and the explanation of every feature.
:class:`TransactionScreener` screens order lines (:func:`read_orders`): every party against the loaded
lists (names and addresses), the goods against the CHPL and drone catalogues, and the red flags of
``data/red_flags.yaml``; each risky line becomes an :class:`Alert` with a score, the RF numbers that
fired and their evidence, minus what analysts' standing decisions cleared (:func:`party_key`,
:func:`goods_key` and the ``*_basis`` digests tie a decision to what screening finds again).
:func:`run_transactions` screens a whole order book; :func:`render_report` makes the printable report.
:class:`ScreeningService` is the one core behind the HTTP API and the UI: match, search, entity,
neighbours and decisions over the store's current lists.
"""

from chokepoint.screening._addresses import AddressHit, AddressIndex, address_tokens
from chokepoint.screening._alerts import ALERT_COLUMNS, Alert, Finding, score_findings
from chokepoint.screening._keys import catalogue_id, goods_basis, goods_key, party_basis, party_key
from chokepoint.screening._orders import (
    COUNTRY_COLUMNS,
    ORDER_COLUMNS,
    PARTY_COLUMNS,
    OrderLine,
    open_orders,
    read_orders,
)
from chokepoint.screening._parties import OUTPUT_COLUMNS, PartyRow, read_parties, screen_parties
from chokepoint.screening._redflags import RedFlags
from chokepoint.screening._report import render_report
from chokepoint.screening._rules import (
    Rule,
    RuleBook,
    UavCategory,
    load_gecc,
    load_rules,
    load_uav_categories,
)
from chokepoint.screening._run import TransactionRun, run_transactions, write_alerts_csv
from chokepoint.screening._service import Screened, ScreeningService
from chokepoint.screening._transactions import TransactionScreener, screen_order_file, screen_transactions
from chokepoint.screening._txparties import PartyScreen

__all__ = [
    "ALERT_COLUMNS",
    "COUNTRY_COLUMNS",
    "ORDER_COLUMNS",
    "OUTPUT_COLUMNS",
    "PARTY_COLUMNS",
    "AddressHit",
    "AddressIndex",
    "Alert",
    "Finding",
    "OrderLine",
    "PartyRow",
    "PartyScreen",
    "RedFlags",
    "Rule",
    "RuleBook",
    "Screened",
    "ScreeningService",
    "TransactionRun",
    "TransactionScreener",
    "UavCategory",
    "address_tokens",
    "catalogue_id",
    "goods_basis",
    "goods_key",
    "load_gecc",
    "load_rules",
    "load_uav_categories",
    "open_orders",
    "party_basis",
    "party_key",
    "read_orders",
    "read_parties",
    "render_report",
    "run_transactions",
    "score_findings",
    "screen_order_file",
    "screen_parties",
    "screen_transactions",
    "write_alerts_csv",
]
