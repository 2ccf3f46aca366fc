"""The reports step of ``chokepoint demo``: read the sample articles and link what they name to the demo list.

Ingests examples/reports (short wire-style articles written by the chokepoint developers from public facts)
against the listed subjects the demo just loaded, saves documents, mentions and claims into the demo store
(clustered with what an earlier demo saved there) and prints a short summary: documents, linked names,
stories and three rows of the dated-claims timeline.
"""

from __future__ import annotations

from pathlib import Path

from chokepoint.cli._app import out
from chokepoint.errors import ConfigError
from chokepoint.reports import Claim, Linker, analyse_documents, read_documents, save_report, stored_history
from chokepoint.store import Store

__all__ = ["ARTICLES", "reports_demo"]

ARTICLES = "reports"
TIMELINE_ROWS = 3


def _pick(claims: list[Claim]) -> list[Claim]:
    """One row per claim group, best corroborated first, then those naming the most; shown by date."""
    seen: set[int] = set()
    best: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (-c.corroboration, -len(c.keys), c.date, c.document)):
        if claim.group not in seen and claim.keys:
            seen.add(claim.group)
            best.append(claim)
    return sorted(best[:TIMELINE_ROWS], key=lambda c: c.date)


def reports_demo(store: Store, examples: Path) -> None:
    """Ingest the sample articles found beside the sample list into ``store``; print a summary."""
    folder = examples / ARTICLES
    if not folder.is_dir():
        raise ConfigError(f"the demo articles folder {ARTICLES}/ is not installed with chokepoint")
    out.print("\n[bold]The reporting[/bold]: what do the sample articles name, and when did it happen?")
    documents = read_documents([folder])
    linker = Linker(store.iter_entities(targets_only=True))
    history = stored_history(store, exclude=[d.id for d in documents])
    report = analyse_documents(documents, linker, history=history)
    save_report(store, report)
    linked = [m for m in report.mentions if m.entity_id]
    stories = report.cluster_members()
    republished = sum(len(members) - 1 for members in stories.values())
    out.print(
        f"{len(documents)} articles read: {len(report.mentions)} names found, {len(linked)} linked to "
        f"{len({m.entity_id for m in linked})} listed subjects; {len(stories)} stories "
        f"({republished} re-publications); {len(report.claims)} dated claims. A few of them:",
        markup=False,
    )
    for claim in _pick(report.claims):
        when = claim.date.isoformat()[: {"year": 4, "month": 7}.get(claim.precision, 10)]
        names = ", ".join(claim.names[:3])
        sentence = " ".join(claim.sentence.split())
        sentence = sentence if len(sentence) <= 90 else sentence[:89] + "…"
        out.print(f"  {when:10}  {names} — {claim.corroboration} stories: {sentence}", markup=False)
    out.print(
        "Next: [bold]chokepoint reports ingest[/bold] FOLDER --out DIR for mentions.csv, clusters.csv "
        "and timeline.csv."
    )
