"""The package layout of DESIGN.md: public faces with sorted ``__all__``, imports downward only."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "chokepoint"

#: DESIGN.md: cli/api/web → screening/reports/maritime → matching/goods → lists/store → model.
#: The command line is the outermost shell: ``chokepoint serve`` assembles the API and the UI, which
#: are peers that never import each other.
LAYER = {
    "model": 0,
    "lists": 1,
    "store": 1,
    "matching": 2,
    "goods": 2,
    "screening": 3,
    "reports": 3,
    "maritime": 3,
    "cli": 5,
    "api": 4,
    "web": 4,
}
SHARED = {"errors", "settings"}  # modules every package may use
PACKAGES = sorted(p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
    return [n for n in names if n == "chokepoint" or n.startswith("chokepoint.")]


def test_every_package_is_in_the_design() -> None:
    assert set(PACKAGES) <= set(LAYER), set(PACKAGES) - set(LAYER)


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_only_downward_and_only_public_faces(package: str) -> None:
    for path in (SRC / package).rglob("*.py"):
        for name in _imports(path):
            parts = name.split(".")
            if len(parts) == 1 or parts[1] in SHARED or parts[1] == package:
                continue
            other = parts[1]
            where = f"{path.relative_to(SRC)} imports {name}"
            assert other in LAYER, where
            assert LAYER[other] < LAYER[package], f"{where}: upward or sideways import"
            assert not any(p.startswith("_") for p in parts[2:]), f"{where}: private module"


@pytest.mark.parametrize("package", PACKAGES)
def test_public_face_exports_a_sorted_all_that_exists(package: str) -> None:
    module = importlib.import_module(f"chokepoint.{package}")
    assert module.__doc__, f"chokepoint.{package} needs a docstring saying what it owns"
    exported = list(getattr(module, "__all__", []))
    # isort style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions
    order = sorted(exported, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n))
    assert exported == order, f"chokepoint.{package}.__all__ is not sorted"
    for name in exported:
        assert hasattr(module, name), f"chokepoint.{package} lacks {name}"
