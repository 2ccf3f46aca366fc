"""``chokepoint decisions add|list``: analysts clear or escalate what screening found (thin).

A decision names a pair: a party (``--query`` name or address, ``--entity`` listed entity id) or an
ordered part (``--query`` part number, ``--entity`` catalogue part). It is stored with a digest of the
evidence it was taken on, so a cleared pair alerts again once the listing or catalogue entry changes;
every decision is written to the audit log with it.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, app, out, reporting
from chokepoint.cli._screen_transactions import actor
from chokepoint.errors import InputError
from chokepoint.goods import load_catalogues
from chokepoint.screening import catalogue_id, goods_basis, goods_key, party_basis, party_key
from chokepoint.store import Store

decisions_app = typer.Typer(
    help="Clear or escalate alerts, and see the decisions taken.", no_args_is_help=True
)
app.add_typer(decisions_app, name="decisions")


class Kind(StrEnum):
    party = "party"
    goods = "goods"


class Verdict(StrEnum):
    cleared = "cleared"
    escalated = "escalated"


def _party(store: Store, query: str, entity_id: str) -> tuple[str, str, str, dict[str, Any]]:
    entity, version = store.entity(entity_id)
    evidence = {"query": query, "caption": entity.caption, "list": f"{version.source}@{version.version}"}
    return party_key(query), str(entity.id), party_basis(entity), evidence


def _goods(query: str, maker: str, part: str, catalogues: list[Path]) -> tuple[str, str, str, dict[str, Any]]:
    found = [
        c
        for c in load_catalogues(catalogues)
        if catalogue_id(c.part_number, c.manufacturer)
        in {catalogue_id(part, c.manufacturer), catalogue_id(part)}
    ]
    if not found:
        raise InputError(f"no catalogue part {part!r} in the catalogues", field="entity")
    target = catalogue_id(found[0].part_number, found[0].manufacturer)
    found = [c for c in found if catalogue_id(c.part_number, c.manufacturer) == target]
    evidence = {"query": query, "manufacturer": maker, "catalogue_part": found[0].part_number}
    return goods_key(query, maker), target, goods_basis(found), evidence


@decisions_app.command("add")
def add(
    kind: Annotated[Kind, typer.Option("--kind", help="party (a name or address) or goods (a part).")],
    query: Annotated[str, typer.Option("--query", help="The party name or address, or the part number.")],
    entity: Annotated[str, typer.Option("--entity", help="Listed entity id, or catalogue part number.")],
    decision: Annotated[Verdict, typer.Option("--decision", help="cleared or escalated.")],
    reason: Annotated[str, typer.Option("--reason", help="Why: the audit log keeps it.")],
    who: Annotated[str | None, typer.Option("--who", help="Who decides (default: the login name).")] = None,
    manufacturer: Annotated[
        str, typer.Option("--manufacturer", help="goods: the ordered part's maker.")
    ] = "",
    catalogue: Annotated[
        list[Path] | None, typer.Option("--catalogue", help="goods: a catalogue CSV besides the bundled one.")
    ] = None,
    db: DbOption = DEFAULT_DB_VALUE,
) -> None:
    """Clear or escalate one party–entity or part–catalogue pair; recorded in the audit log."""
    with reporting(), Store(db) as store:
        if kind is Kind.party:
            key, target, basis, evidence = _party(store, query, entity)
        else:
            key, target, basis, evidence = _goods(query, manufacturer, entity, list(catalogue or []))
        if not key:
            raise InputError("the query has no letters or digits", field="query")
        record = store.add_decision(
            kind=kind.value, query_key=key, target_id=target, decision=decision.value, reason=reason,
            who=actor(who), basis=basis, evidence=evidence,
        )  # fmt: skip
        out.print(
            f"decision {record.id}: {record.decision} {record.kind} {record.query_key!r} ~ "
            f"{record.target_id} by {record.who} (basis {record.basis[:12]})",
            markup=False,
        )


@decisions_app.command("list")
def list_decisions(
    db: DbOption = DEFAULT_DB_VALUE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Every decision taken, oldest first (a later decision on the same pair overrides)."""
    with reporting(), Store(db) as store:
        records = store.decisions()
        if as_json:
            out.print_json(json.dumps([d.to_dict() for d in records]))
            return
        table = Table(title=f"{len(records)} decisions")
        for column in ("id", "kind", "query", "entity / part", "decision", "who", "when", "reason"):
            table.add_column(column)
        for d in records:
            when = d.decided_at.isoformat(timespec="minutes")
            table.add_row(str(d.id), d.kind, d.query_key, d.target_id, d.decision, d.who, when, d.reason)
        out.print(table)
