"""Build hook: compile the name-scoring kernel with Cython when a C compiler is at hand.

The sources stay plain Python (src/chokepoint/matching/_rewrite.py and _compare.py, Cython's
pure-Python mode). Each is compiled to a separately named module (``_rewrite_c``, ``_compare_c``)
that carries the SHA-256 of the source it came from; chokepoint.matching._kernel uses it only
while that hash matches the ``.py`` beside it. A failed compile (no compiler, no headers) or
CHOKEPOINT_PURE_PYTHON=1 leaves a pure-Python install that gives the same results.

Editable installs (``pip install -e .``) put the binaries next to the sources (git-ignored);
wheels carry them. ``python hatch_build.py`` rebuilds them in place after an edit.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # run as a script (`python hatch_build.py`) where hatchling is not installed
    BuildHookInterface = object  # type: ignore[assignment,misc]

#: Compiled in this order; must match chokepoint.matching._kernel.SOURCES.
KERNEL = ("_rewrite", "_compare")
PACKAGE = Path("src") / "chokepoint" / "matching"


def build_kernel(root: Path, work: Path) -> list[Path]:
    """Compile the kernel modules under ``work``; return the extension files. Raises on failure."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension

    extensions = []
    for name in KERNEL:
        source = (root / PACKAGE / f"{name}.py").read_bytes()
        copy = work / f"{name}_c.py"  # the module's own name decides its init function
        stamp = f'\n__kernel_source__ = "{hashlib.sha256(source).hexdigest()}"\n'
        copy.write_bytes(source + stamp.encode())
        extensions.append(Extension(f"chokepoint.matching.{name}_c", [str(copy)]))
    modules = cythonize(
        extensions,
        build_dir=str(work / "c"),
        compiler_directives={"language_level": 3},
        quiet=True,
        force=True,
    )
    command = Distribution({"ext_modules": modules}).get_command_obj("build_ext")
    command.build_lib = str(work / "lib")
    command.build_temp = str(work / "temp")
    command.ensure_finalized()
    command.run()
    return [Path(p) for p in command.get_outputs()]


def stale_binaries(root: Path) -> list[Path]:
    """Compiled kernel modules lying next to the sources (from an earlier editable install)."""
    return [p for name in KERNEL for p in (root / PACKAGE).glob(f"{name}_c.*") if p.suffix in (".so", ".pyd")]


def build_in_place(root: Path) -> list[Path]:
    """Compile and put the binaries next to the sources, replacing older ones."""
    for old in stale_binaries(root):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="chokepoint-kernel-") as work:
        built = build_kernel(root, Path(work))
        placed = [root / PACKAGE / path.name for path in built]
        for path, target in zip(built, placed, strict=True):
            shutil.copy2(path, target)
    return placed


class KernelBuildHook(BuildHookInterface):
    """Compiles the kernel for wheels and editable installs; never fails the install over it."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if os.environ.get("CHOKEPOINT_PURE_PYTHON") == "1":
            self.app.display_info("chokepoint: CHOKEPOINT_PURE_PYTHON=1, matching kernel left pure Python")
            return
        try:
            if version == "editable":
                build_in_place(root)
            else:
                self._work = tempfile.mkdtemp(prefix="chokepoint-kernel-")
                for path in build_kernel(root, Path(self._work)):
                    build_data["force_include"][str(path)] = f"chokepoint/matching/{path.name}"
                build_data["pure_python"] = False
                build_data["infer_tag"] = True
        except (Exception, SystemExit) as exc:  # any failure: install the pure-Python kernel
            self.app.display_warning(
                f"chokepoint: the matching kernel was not compiled ({type(exc).__name__}: {exc}); "
                "the pure-Python kernel will be used (same results, slower)"
            )

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_work", None):
            shutil.rmtree(self._work, ignore_errors=True)


if __name__ == "__main__":
    for built in build_in_place(Path(__file__).resolve().parent):
        print(f"built {built}", file=sys.stderr)
