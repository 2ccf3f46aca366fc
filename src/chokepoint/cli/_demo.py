"""``chokepoint demo``: the main job on the bundled sample, no network and no server.

Loads the drone-story sample list (examples/drone_story.ftm.json, written by the
chokepoint developers from public facts) into the store and shows what was loaded; then
screens the sample order book against it (``_demo_orders``: demo_report.html in the current folder),
finds dark Caspian runs in simulated AIS (``_demo_ais``) and reads the sample articles (``_demo_reports``).
"""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

import chokepoint
from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, app, out, reporting
from chokepoint.cli._demo_ais import ais_demo
from chokepoint.cli._demo_orders import screen_demo_orders
from chokepoint.cli._demo_reports import reports_demo
from chokepoint.cli._lists import describe, load_into
from chokepoint.errors import ConfigError
from chokepoint.store import Store

SAMPLE = "drone_story.ftm.json"


def sample_path() -> Path:
    """The bundled sample: inside the installed package, else in the source checkout."""
    package = Path(chokepoint.__file__).resolve().parent
    for folder in (package / "examples", package.parents[1] / "examples"):
        if (folder / SAMPLE).is_file():
            return folder / SAMPLE
    raise ConfigError(f"the demo sample {SAMPLE} is not installed with chokepoint")


@app.command("demo")
def demo(db: DbOption = DEFAULT_DB_VALUE) -> None:
    """Load the bundled Iran-Russia drone-story sample list, show what it holds, screen the sample
    order book against it (demo_report.html here), find dark Caspian runs in simulated AIS
    (demo_ais/ here), then read the sample articles and link what they name."""
    with reporting(), Store(db) as store:
        path = sample_path()
        out.print(f"[bold]chokepoint demo[/bold]: loading the sample list {path.name} into {db}")
        results = load_into(store, [path])
        for version, changed in results:
            out.print(describe(version, changed), markup=False)
        source = results[0][0].source
        table = Table(title=f"{source}: listed subjects")
        for name, width in (
            ("listed subject", 44),
            ("type", 12),
            ("ref", 8),
            ("programmes", 36),
            ("also known as / IMO", 44),
        ):
            table.add_column(name, max_width=width)
        targets = sorted(
            store.iter_entities(source=source, targets_only=True), key=lambda e: (e.schema.name, e.caption)
        )
        for entity in targets:
            aliases = entity.get("alias", quiet=True) + entity.get("weakAlias", quiet=True)
            ids = entity.get("imoNumber", quiet=True)
            table.add_row(
                entity.caption,
                entity.schema.label,
                str(entity.context.get("list_ref") or "-"),
                "; ".join(entity.get("program", quiet=True)[:2]),
                "; ".join((ids + aliases)[:3]),
            )
        out.print(table)
        out.print(
            f"{len(targets)} listed subjects loaded. Next: [bold]chokepoint lists load[/bold] the real "
            "OFAC, UN, CSL or OpenSanctions files (see README), then "
            "[bold]chokepoint entities show ID[/bold]."
        )
        screen_demo_orders(store, path.parent)
        out.print("\n[bold]The Caspian route[/bold]: which ships made dark Iran → Russia runs this month?")
        ais_demo(Path("demo_ais"))
        reports_demo(store, path.parent)
