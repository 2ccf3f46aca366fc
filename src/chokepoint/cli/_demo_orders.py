"""The transaction step of ``chokepoint demo``: screen the sample order book, write the report.

Screens examples/orders_demo.csv (written by the chokepoint developers: a distributor's order book,
mostly clean, some lines risky in each way the red flags describe) against the store the demo just
loaded, writes ``demo_report.html`` and ``demo_alerts.csv`` into the current folder and queues the
alerts for review in the store (``chokepoint serve`` shows them).
"""

from __future__ import annotations

from pathlib import Path

from chokepoint.cli._app import out
from chokepoint.cli._screen_transactions import actor, save_run, screen_book, write_outputs
from chokepoint.errors import ConfigError
from chokepoint.store import Store

__all__ = ["ORDERS", "REPORT", "screen_demo_orders"]

ORDERS = "orders_demo.csv"
REPORT = "demo_report.html"
ALERTS = "demo_alerts.csv"


def screen_demo_orders(store: Store, examples: Path) -> None:
    """Screen the sample order book found beside the sample list; print a short summary."""
    book = examples / ORDERS
    if not book.is_file():
        raise ConfigError(f"the demo order book {ORDERS} is not installed with chokepoint")
    out.print(f"\n[bold]Screening the sample order book[/bold] {book.name} (parties, goods and red flags)")
    run = screen_book(store, book, catalogues=[], workers=1)
    report, alerts = Path.cwd() / REPORT, Path.cwd() / ALERTS
    write_outputs(run, alerts, report=report)
    store.audit(
        actor(None),
        "screen.transactions",
        run.summary() | {"outputs": {"csv": str(alerts), "report": str(report)}},
    )
    _, saved = save_run(store, run, actor(None))
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(run.by_rule().items()))
    out.print(
        f"screened {run.lines} order lines: {len(run.alerts)} alerts ({counts}); the other "
        f"{run.lines - len(run.alerts)} lines are clean.",
        markup=False,
    )
    out.print(
        f"Report for a compliance officer: {report} (open it in a browser, or print it); alerts: {alerts}",
        markup=False,
    )
    queued = f"{saved} alerts are" if saved else "the alerts are already"
    how = "chokepoint serve --ais demo_ais, then open http://127.0.0.1:8000/"
    out.print(f"{queued} in the review queue: {how}", markup=False)
