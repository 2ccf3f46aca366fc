"""Which scoring kernel runs: the Cython-compiled one or the pure-Python modules.

The install (hatch_build.py) compiles ``_compare.py`` and ``_rewrite.py`` into ``_compare_c``
and ``_rewrite_c``, each carrying the SHA-256 of the source it was built from. The compiled
modules are used only when every hash matches the ``.py`` file beside it: an edited source
is never shadowed by an old binary (rebuild with ``pip install -e .``). Otherwise, or without
a compiler at install time, the pure-Python modules run, with the same results. The
environment variable ``CHOKEPOINT_KERNEL=python`` asks for the pure-Python kernel.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from pathlib import Path
from types import ModuleType

from chokepoint.matching import _compare, _rewrite

__all__ = ["COMPILED", "KERNEL", "KERNEL_NOTE", "SOURCES", "compare_forms", "source_hash"]

#: The compiled modules, in build order: each imports the ones before it (see :func:`_wire`).
SOURCES = ("_rewrite", "_compare")
_HERE = Path(__file__).resolve().parent
_log = logging.getLogger(__name__)


def source_hash(name: str) -> str:
    """SHA-256 of the module source ``name``.py of this package (what a build embeds)."""
    return hashlib.sha256((_HERE / f"{name}.py").read_bytes()).hexdigest()


def _load() -> tuple[dict[str, ModuleType], str]:
    """The compiled modules wired to each other, or ({}, why not)."""
    if os.environ.get("CHOKEPOINT_KERNEL") == "python":
        return {}, "CHOKEPOINT_KERNEL=python"
    modules: dict[str, ModuleType] = {}
    for name in SOURCES:
        try:
            module = importlib.import_module(f"chokepoint.matching.{name}_c")
        except ImportError:
            return {}, "not compiled (no C compiler at install, or installed without it)"
        if getattr(module, "__kernel_source__", None) != source_hash(name):
            return {}, f"{name}.py changed since it was compiled: run `pip install -e .` again"
        modules[name] = module
    _wire(modules)
    return modules, "compiled with Cython from the current sources"


def _wire(modules: dict[str, ModuleType]) -> None:
    """Point the compiled modules at each other instead of the pure-Python twins they import."""
    modules["_compare"].merge_splits = modules["_rewrite"].merge_splits
    modules["_compare"].expand_initials = modules["_rewrite"].expand_initials


COMPILED, KERNEL_NOTE = _load()
#: ``"compiled"`` or ``"python"``: which kernel scores name pairs in this process.
KERNEL = "compiled" if COMPILED else "python"
if not COMPILED:
    _log.info("matching kernel: pure Python (%s)", KERNEL_NOTE)

compare_forms = COMPILED["_compare"].compare_forms if COMPILED else _compare.compare_forms
merge_splits = COMPILED["_rewrite"].merge_splits if COMPILED else _rewrite.merge_splits
