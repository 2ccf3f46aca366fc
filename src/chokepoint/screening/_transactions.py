"""Transaction screening: each order line's parties, goods and red flags → an explained alert.

:class:`TransactionScreener` holds what a line is screened against: the parties screen (the store's
current lists), the goods screener (CHPL and drone catalogues), the red-flag rules, and the analysts'
standing decisions. A cleared pair (same query, same entity or catalogue part, same evidence digest)
no longer counts; an escalated pair always makes an alert. :func:`screen_transactions` runs it over an
order book; :func:`screen_order_file` reads and screens a file, on several processes for large books.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice, zip_longest
from pathlib import Path
from typing import TypeVar

import numpy as np

from chokepoint.errors import InputError
from chokepoint.goods import (
    CatalogueIndex,
    GoodsLine,
    GoodsScreener,
    load_catalogues,
    load_jurisdictions,
)
from chokepoint.screening._alerts import Alert, Finding, score_findings
from chokepoint.screening._frame import OrderFrame
from chokepoint.screening._orders import OrderLine, open_orders
from chokepoint.screening._redflags import RedFlags, chpl_text
from chokepoint.screening._rules import RuleBook, load_gecc, load_rules, load_uav_categories
from chokepoint.screening._txparties import PartyScreen
from chokepoint.store import Decision, Store

__all__ = ["TransactionScreener", "screen_order_file", "screen_transactions"]

Pair = tuple[str, str, str]
T = TypeVar("T")
CHUNK = 2000


class TransactionScreener:
    """Screens :class:`OrderLine` s; returns an :class:`Alert` for risky (or cleared-away) lines."""

    def __init__(
        self,
        parties: PartyScreen,
        goods: GoodsScreener,
        flags: RedFlags,
        *,
        decisions: Mapping[Pair, Decision] | None = None,
    ) -> None:
        self.parties = parties
        self.goods = goods
        self.flags = flags
        self.rules: RuleBook = flags.rules
        self.threshold = self.rules.alert_threshold
        self.decisions = dict(decisions or {})
        rf1 = self.rules.rules.get("RF-1")
        self.name_weight = rf1.weight if rf1 else 0.0
        self.address_weight = float(rf1.params.get("address_weight", 0.7)) if rf1 else 0.0

    @classmethod
    def from_store(
        cls,
        store: Store,
        *,
        catalogues: Iterable[str] = (),
        bundled: bool = True,
        rules: RuleBook | None = None,
    ) -> TransactionScreener:
        """Everything from the store's current lists and decisions, the bundled reference data and
        the catalogue files given (added to the bundled catalogue unless ``bundled=False``)."""
        versions = store.versions(current_only=True)
        if not versions:
            raise InputError(
                "no lists are loaded in this store: chokepoint lists load PATH…", path=store.display
            )
        rules = rules or load_rules()
        decisions = store.current_decisions()
        rf1 = rules.rules.get("RF-1")
        parties = PartyScreen.from_entities(
            store.iter_entities(targets_only=True),
            versions,
            decided={target for kind, _, target in decisions if kind == "party"},
            address_min=float(rf1.params.get("address_min", 0.75)) if rf1 else 2.0,
        )
        goods = GoodsScreener(CatalogueIndex(load_catalogues(list(catalogues), bundled=bundled)))
        flags = RedFlags(rules, load_jurisdictions(), load_gecc(), load_uav_categories())
        return cls(parties, goods, flags, decisions=decisions)

    def screen(self, line: OrderLine) -> Alert | None:
        """The alert for one line, or None when the line is not risky."""
        goods = None
        if line.part_number or line.description or line.hs_code:
            item = GoodsLine(line.part_number, line.manufacturer, line.description, line.hs_code)
            goods = self.goods.screen(item)
        findings = self.parties.findings(line, self.decisions, self.name_weight, self.address_weight)
        findings += self.flags.evaluate(line, goods)
        if not any(f.weight for f in findings):
            return None
        kept, cleared, notes, escalated = self._decide(findings)
        score = score_findings(kept)
        alerted = score >= self.threshold or escalated
        if not alerted and not (cleared and score_findings(kept + cleared) >= self.threshold):
            return None
        if goods is not None and goods.chpl_tier:
            kept.append(Finding("", 0.0, chpl_text(goods, full=True), "goods"))
        return Alert(
            line.row,
            line.line,
            line.order_id,
            score,
            tuple(kept),
            tuple(notes),
            escalated,
            tuple(cleared),
            alerted,
        )

    def _decide(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding], list[str], bool]:
        kept: list[Finding] = []
        cleared: list[Finding] = []
        notes: list[str] = []
        escalated = False
        for f in findings:
            d = self.decisions.get(f.pair) if f.pair is not None else None
            if d is None:
                kept.append(f)
                continue
            said = f"decision {d.id} ({d.who}, {d.decided_at.date().isoformat()}: {d.reason})"
            what = f"{f.pair[1]!r} ~ {f.pair[2]}"  # type: ignore[index]
            if d.decision == "escalated":
                escalated = True
                kept.append(f)
                notes.append(f"ESCALATED by {said}: {what}".replace(";", ","))
            elif d.basis == f.basis:
                cleared.append(f)
                notes.append(f"cleared by {said}: {what}".replace(";", ","))
            else:
                kept.append(f)
                changed = "listing" if d.kind == "party" else "catalogue entry"
                notes.append(
                    f"no longer cleared, the {changed} changed since {said}: {what}".replace(";", ",")
                )
        return kept, cleared, list(dict.fromkeys(notes)), escalated


def screen_transactions(
    lines: Iterable[OrderLine],
    screener: TransactionScreener,
    *,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Alert]:
    """Alerts (and cleared-away lines, ``alerted=False``) in input order, in this process."""
    for chunk in _chunks(lines, CHUNK):
        for line in chunk:
            if (alert := screener.screen(line)) is not None:
                yield alert
        if progress:
            progress(len(chunk))


_WORKER: tuple[TransactionScreener, OrderFrame, list[np.ndarray]] | None = None
Result = tuple[list[Alert], int]


def _work(task: tuple[int, int, int]) -> Result:
    """Screen rows ``start:stop`` of bucket ``b`` in a forked worker."""
    assert _WORKER is not None
    screener, frame, buckets = _WORKER
    b, start, stop = task
    rows = buckets[b][start:stop]
    return [a for line in frame.lines(rows) if (a := screener.screen(line)) is not None], len(rows)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def screen_order_file(
    path: str | Path,
    screener: TransactionScreener,
    *,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[Alert], int]:
    """(alerts by row, lines screened) of an order book; bad input raises InputError (file, line).

    A plain file is read by Polars (:class:`OrderFrame`) and, with ``workers`` > 1, its rows are split
    among forked processes by buyer, so that each distinct buyer is screened against the lists by one
    process only. Other files go through the exact csv-module reader in this process."""
    typer = open_orders(path)
    frame = OrderFrame.load(typer)
    if frame is None or workers <= 1 or os.name != "posix" or len(frame) < CHUNK * workers:
        lines = frame.lines(range(len(frame))) if frame is not None else map(typer, typer.rows())
        counted = 0

        def counting() -> Iterator[OrderLine]:
            nonlocal counted
            for line in lines:
                counted += 1
                yield line

        return list(screen_transactions(counting(), screener, progress=progress)), counted
    global _WORKER
    buckets = frame.buckets("buyer", workers)
    _WORKER = (screener, frame, buckets)  # inherited by the forked workers: nothing is pickled but results
    tasks = [
        [(b, s, min(s + CHUNK, len(rows))) for s in range(0, len(rows), CHUNK)]
        for b, rows in enumerate(buckets)
    ]
    # one single-process pool per bucket, so that a buyer's rows always reach the same cache
    pools = [ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) for _ in range(workers)]
    results: list[Alert] = []
    total = 0
    try:
        futures: deque[Future[Result]] = deque(
            pools[task[0]].submit(_work, task) for task in _interleave(tasks)
        )
        while futures:
            alerts, n = futures.popleft().result()
            results.extend(alerts)
            total += n
            if progress:
                progress(n)
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)
    results.sort(key=lambda a: a.row)
    return results, total


def _interleave(lists: list[list[T]]) -> Iterator[T]:
    """First items of every list, then the second items, ... (so progress advances evenly)."""
    for group in zip_longest(*lists):
        yield from (item for item in group if item is not None)
