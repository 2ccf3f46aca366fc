"""The printable HTML report of a transaction screening run, for a compliance officer.

One self-contained page: plain HTML with inline CSS, no JavaScript, nothing fetched from the network.
It shows the summary counts, what the book was screened against (list versions, CHPL edition,
catalogues, the rule book and how scores are made), then each alert, riskiest first, with its evidence
grouped into parties, goods, red flags and decisions; lines cleared by decisions are listed at the end.
"""

from __future__ import annotations

from html import escape

import chokepoint
from chokepoint.goods import CHPL_SOURCE
from chokepoint.screening._alerts import Alert
from chokepoint.screening._run import TransactionRun

__all__ = ["render_report"]


_CSS = """
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111; margin: 2em; }
h1 { font-size: 17pt; margin: 0 0 .2em; } h2 { font-size: 13pt; border-bottom: 2px solid #333;
  margin-top: 1.6em; } h3 { font-size: 11pt; margin: 0; }
table { border-collapse: collapse; margin: .4em 0 1em; } th, td { border: 1px solid #bbb;
  padding: 2px 6px; text-align: left; vertical-align: top; } th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #444; } .alert { border: 1px solid #999; border-left: 6px solid #c62828; padding: .5em .8em;
  margin: .8em 0; page-break-inside: avoid; break-inside: avoid; }
.alert.mid { border-left-color: #ef6c00; } .alert.escalated { border-left-color: #6a1b9a; }
.alert ul { margin: .2em 0 .4em 1.2em; padding: 0; } .alert h4 { margin: .4em 0 0; font-size: 9.5pt;
  text-transform: uppercase; color: #555; } .flag { display: inline-block; border: 1px solid #777;
  border-radius: 3px; padding: 0 4px; margin-right: 3px; font-size: 9pt; } .rule { font-weight: 600; }
code { font-size: 9.5pt; } @media print { body { margin: 0; } h2 { page-break-after: avoid; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(headers: list[str], rows: list[list[object]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{_e(c)}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _alert(alert: Alert, titles: dict[str, str]) -> str:
    level = "escalated" if alert.escalated else ("mid" if alert.score < 0.8 else "")
    flags = "".join(f'<span class=flag title="{_e(titles.get(f, f))}">{_e(f)}</span>' for f in alert.flags)
    parts = [
        f'<section class="alert {level}"><h3>Row {alert.row} (line {alert.line})'
        f"{' · order ' + _e(alert.order_id) if alert.order_id else ''} · score {alert.score:.3f}"
        f"{' · ESCALATED' if alert.escalated else ''}</h3><div>{flags}</div>"
    ]
    for column, title in (("parties", "Parties"), ("goods", "Goods"), ("reasons", "Red flags")):
        items = {(f.rule, f.text): f for f in alert.findings if f.column == column}
        if items:
            lis = "".join(
                f"<li>{'<span class=rule>' + _e(rule) + '</span> ' if rule else ''}{_e(text)}</li>"
                for rule, text in items
            )
            parts.append(f"<h4>{title}</h4><ul>{lis}</ul>")
    if alert.decisions:
        parts.append(
            "<h4>Decisions</h4><ul>" + "".join(f"<li>{_e(d)}</li>" for d in alert.decisions) + "</ul>"
        )
    return "".join(parts) + "</section>"


def render_report(run: TransactionRun, *, max_alerts: int = 2000) -> str:
    """The whole report as one HTML string (at most ``max_alerts`` alerts, riskiest first)."""
    titles = {rid: rule.title for rid, rule in run.rules.rules.items()}
    counts = run.by_rule()
    alerts = sorted(run.alerts, key=lambda a: (-a.score, a.row))
    share = f" ({len(run.alerts) / run.lines:.1%} of lines)" if run.lines else ""
    summary = _table(
        ["lines screened", "alerts", "escalated", "cleared by decisions"],
        [[f"{run.lines:,}", f"{len(run.alerts):,}{share}", run.escalated, len(run.cleared)]],
        {0, 1, 2, 3},
    )
    rules = _table(
        ["rule", "what fires it", "weight", "alerts", "source"],
        [[r.id, r.title, f"{r.weight:.2f}", counts.get(r.id, 0), r.source] for r in run.rules.rules.values()],
        {2, 3},
    )
    lists = _table(
        ["source", "version", "published", "loaded", "listed subjects"],
        [
            [
                v.source,
                v.version,
                v.published or "-",
                v.loaded_at.isoformat(timespec="seconds") if v.loaded_at else "-",
                v.targets,
            ]
            for v in run.versions
        ],
        {4},
    )
    catalogues = _table(
        ["catalogue", "sha256", "components"],
        [[c.get("path", ""), str(c.get("sha256", ""))[:16], c.get("components", "")] for c in run.catalogues],
        {2},
    )
    shown = alerts[:max_alerts]
    more = (
        f"<p class=meta>The {len(shown):,} riskiest of {len(alerts):,} alerts are shown; the CSV has all.</p>"
    )
    cleared = _table(
        ["row", "order", "score without the cleared findings", "decisions"],
        [[a.row, a.order_id, f"{a.score:.3f}", "; ".join(a.decisions)] for a in run.cleared],
        {0},
    )
    finished = run.finished.isoformat(timespec="seconds") if run.finished else "-"
    return "".join(
        [
            "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
            f"<title>chokepoint transaction screening: {_e(run.input)}</title>",
            f"<style>{_CSS}</style></head><body>",
            "<h1>Transaction screening report</h1>",
            f"<p class=meta>Order book <code>{_e(run.input)}</code> "
            f"(sha256 <code>{_e(run.sha256[:16])}</code>) "
            f"screened from {_e(run.started.isoformat(timespec='seconds'))} to {_e(finished)} by "
            f"chokepoint {_e(chokepoint.__version__)}.</p>",
            "<h2>Summary</h2>",
            summary,
            "<h2>Screened against</h2><h3>Sanctions lists (current versions)</h3>",
            lists,
            f"<h3>Goods</h3><p>Common High Priority List: {_e(CHPL_SOURCE)}. Catalogues of components "
            "documented in drones:</p>",
            catalogues,
            "<h3>Red-flag rules</h3>",
            f"<p>A line's score is <code>1 − ∏(1 − w)</code> over the rules that fired (each rule once, with "
            f"its strongest evidence); a line is an alert at score ≥ {run.rules.alert_threshold:.2f} or when "
            "an analyst escalated one of its pairs. Rule book: "
            f"<code>{_e(run.rules.path)}</code>.</p>",
            rules,
            f"<h2>Alerts ({len(alerts):,})</h2>",
            more if len(alerts) > len(shown) else "",
            "".join(_alert(a, titles) for a in shown) or "<p>No alerts.</p>",
            f"<h2>Cleared by decisions ({len(run.cleared)})</h2>" if run.cleared else "",
            cleared if run.cleared else "",
            "</body></html>\n",
        ]
    )
