"""What an input path holds: Parquet, NMEA text or CSV, plain or gzip/bzip2/zip-compressed.

The kind comes from the content, never the file name: Parquet by its magic bytes, NMEA when one of
the first lines starts (after an optional unix time) with ``!``, ``\\`` or ``$``, CSV otherwise.
Compressed files are read into memory (a zip archive must hold exactly one file).
"""

from __future__ import annotations

import bz2
import gzip
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from chokepoint.errors import InputError

__all__ = ["Kind", "Opened", "open_input"]

Kind = Literal["parquet", "nmea", "csv"]
_NMEA_START = re.compile(rb"^\s*(\d{9,13}(\.\d+)?[ ,;\t]+)?[!$\\]")
_SNIFF_LINES = 20


class Opened:
    """An input file: its kind, and its bytes when it had to be decompressed (else None)."""

    def __init__(self, path: Path, kind: Kind, data: bytes | None) -> None:
        self.path, self.kind, self.data = path, kind, data

    @property
    def source(self) -> str | bytes:
        """What Polars should read: the path, or the decompressed bytes."""
        return self.data if self.data is not None else str(self.path)

    def lines(self) -> Iterator[bytes]:
        if self.data is not None:
            yield from self.data.splitlines()
            return
        with self.path.open("rb") as handle:
            yield from handle


def _decompress(path: Path, head: bytes) -> bytes | None:
    try:
        if head.startswith(b"\x1f\x8b"):
            return gzip.decompress(path.read_bytes())
        if head.startswith(b"BZh"):
            return bz2.decompress(path.read_bytes())
        if head.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) != 1:
                    raise InputError(
                        f"zip archive holds {len(members)} files; give it one AIS file", path=path
                    )
                return archive.read(members[0])
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        raise InputError(f"cannot decompress: {exc}", path=path) from None
    return None


def _kind(start: bytes) -> Kind:
    if start.startswith(b"PAR1"):
        return "parquet"
    # lines end at \n (or \r\n): a lone \r inside a quoted CSV cell ("…\r$…") starts no line
    lines = [line for line in start.split(b"\n")[:_SNIFF_LINES] if line.strip()]
    return "nmea" if any(_NMEA_START.match(line) for line in lines) else "csv"


def open_input(path: Path) -> Opened:
    """Look at a file (or ``InputError`` if it is missing, empty or not a file)."""
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", path=path)
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    if not head:
        raise InputError("file is empty", path=path)
    data = _decompress(path, head)
    kind = _kind(data[: 64 * 1024] if data is not None else head)
    return Opened(path, kind, data)
