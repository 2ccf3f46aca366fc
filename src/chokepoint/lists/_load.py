"""Read any mix of list files: detect each format, group OFAC CSV sets, parse everything.

Nothing is written here; :func:`read_lists` returns fully built :class:`ListData`
objects (or raises), so the store can then replace versions in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from followthemoney.exc import FollowTheMoneyException

from chokepoint.errors import ListFormatError
from chokepoint.lists import _csl, _ftm, _ofac_csv, _ofac_xml, _un_xml
from chokepoint.lists._base import ListData, ListFile, Reader
from chokepoint.lists._open import open_path
from chokepoint.model import Entity

__all__ = ["FORMATS", "detect_format", "read_lists"]

#: Registered readers, in detection order. A new format is one module plus one line here.
READERS: tuple[Reader, ...] = (_ofac_xml, _un_xml, _ftm, _csl, _ofac_csv)  # type: ignore[assignment]
FORMATS: dict[str, Reader] = {r.FORMAT: r for r in READERS}

HEAD_BYTES = 64 * 1024


def detect_format(file: ListFile) -> str | None:
    """The FORMAT name of the first reader that recognises the content, or None."""
    head = file.data[:HEAD_BYTES]
    for reader in READERS:
        if reader.detect(head):
            return reader.FORMAT
    return None


def read_lists(
    paths: Sequence[str | Path],
    *,
    format: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[ListData]:
    """Read, detect and parse ``paths``; raise :class:`ListFormatError` on the first bad file."""
    if format is not None and format not in FORMATS:
        raise ListFormatError(f"unknown format {format!r}; known: {', '.join(sorted(FORMATS))}")
    groups: dict[str, list[ListFile]] = {}
    for path in paths:
        files = open_path(path)
        archive = len(files) > 1 or files[0].name != str(path)
        recognised = 0
        for file in files:
            fmt = format or detect_format(file)
            if fmt is None:
                if archive:
                    continue
                if not file.data.strip(b"\x00\x1a \t\r\n"):
                    raise ListFormatError("the file is empty", path=file.name)
                raise ListFormatError(
                    "not a recognised list format (OFAC CSV or XML, UN XML, US CSL CSV, "
                    "FtM JSON lines); use --format to force one",
                    path=file.name,
                )
            recognised += 1
            groups.setdefault(fmt, []).append(file)
        if archive and recognised == 0:
            names = ", ".join(f.basename for f in files[:5])
            raise ListFormatError(f"the archive holds no recognised list file ({names})", path=str(path))
    out: list[ListData] = []
    for fmt, files in groups.items():
        if progress is not None:
            progress(fmt)
        for data in FORMATS[fmt].read(files):
            data.entities = _merge_duplicates(data)
            out.append(data)
    return out


def _merge_duplicates(data: ListData) -> list[Entity]:
    """One entity per ID: records a list repeats are merged, as FtM merges them."""
    by_id: dict[str, Entity] = {}
    for entity in data.entities:
        key = str(entity.id)
        seen = by_id.get(key)
        if seen is None:
            by_id[key] = entity
            continue
        try:
            by_id[key] = seen.merge(entity)
        except FollowTheMoneyException as exc:
            names = ", ".join(f.name for f in data.files)
            raise ListFormatError(
                f"two records share the id {key} and cannot be merged: {exc}", path=names
            ) from None
    return list(by_id.values())
