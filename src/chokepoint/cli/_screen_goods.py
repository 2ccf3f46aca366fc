"""``chokepoint screen goods IN.csv --out OUT.csv``: order lines against the CHPL and drone catalogues.

Thin: loads the catalogues (bundled plus ``--catalogue`` files), screens with
:class:`chokepoint.goods.GoodsScreener`, writes OUT atomically and an ``OUT.meta.json`` sidecar that
records the CHPL edition and each catalogue's sha256 (what the answer was screened against).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from chokepoint.cli._app import atomic_output, out, reporting, spinner
from chokepoint.cli._screen import screen_app
from chokepoint.errors import InputError
from chokepoint.goods import (
    BUNDLED_CATALOGUE,
    CHPL_SOURCE,
    DEFAULT_THRESHOLD,
    CatalogueIndex,
    GoodsLine,
    GoodsScreener,
    load_catalogues,
    read_goods_lines,
    screen_goods,
    write_goods_results,
)


def _counted(lines: Iterable[GoodsLine], tick: Callable[[int], object]) -> Iterator[GoodsLine]:
    for n, line in enumerate(lines, start=1):
        if n % 10_000 == 0:
            tick(n)
        yield line


def _describe(path: Path, components: int) -> dict[str, object]:
    return {
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "components": components,
    }


@screen_app.command("goods")
def goods(
    infile: Annotated[
        Path,
        typer.Argument(metavar="IN.csv", help="Order lines: part_number,manufacturer,description,hs_code."),
    ],
    out_path: Annotated[Path, typer.Option("--out", help="Output CSV: row,flagged,risk,reasons.")],
    catalogue: Annotated[
        list[Path] | None,
        typer.Option(
            "--catalogue", help="A catalogue CSV of components found in weapons, added to the bundled one."
        ),
    ] = None,
    no_bundled: Annotated[
        bool, typer.Option("--no-bundled", help="Leave out the bundled catalogue.")
    ] = False,
    threshold: Annotated[
        float, typer.Option(help="Flag lines whose risk is at least this.")
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Screen every order line for CHPL goods and parts documented in Shahed/Geran drones."""
    with reporting():
        if not 0.0 < threshold <= 1.0:
            raise InputError("--threshold must be in (0, 1]", field="threshold")
        if not infile.is_file():
            raise InputError("no such file", path=infile)
        extra = list(catalogue or [])
        components = load_catalogues(extra, bundled=not no_bundled)
        screener = GoodsScreener(CatalogueIndex(components), threshold=threshold)
        with spinner() as bar:  # fmt: skip
            task = bar.add_task("screening", total=None)
            lines = _counted(
                read_goods_lines(infile), lambda n: bar.update(task, description=f"screened {n:,}")
            )
            rows, flagged = write_goods_results(out_path, screen_goods(lines, screener))
        sources = [] if no_bundled else [BUNDLED_CATALOGUE]
        counts = [sum(c.path == str(p) for c in components) for p in sources + extra]
        meta = {
            "input": str(infile),
            "rows": rows,
            "flagged": flagged,
            "threshold": threshold,
            "chpl": CHPL_SOURCE,
            "catalogues": [_describe(p, n) for p, n in zip(sources + extra, counts, strict=True)],
        }
        with atomic_output(out_path.with_name(out_path.name + ".meta.json")) as handle:
            json.dump(meta, handle, indent=2)
        share = f" ({flagged / rows:.1%})" if rows else ""
        out.print(
            f"screened {rows} lines against {len(components)} catalogued components and the CHPL: "
            f"{flagged} flagged{share} at threshold {threshold} → {out_path}",
            markup=False,
        )
