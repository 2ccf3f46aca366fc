"""Open input paths into :class:`ListFile` objects: plain, gzipped or zipped.

A zip becomes one ListFile per member (named ``archive.zip!member``); a gzip file is
decompressed whole. Damaged archives raise :class:`ListFormatError` naming the file.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from pathlib import Path

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListFile

__all__ = ["open_path"]

MAX_MEMBER_BYTES = 2 * 1024**3


def _gunzip(name: str, data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise ListFormatError(f"damaged gzip file: {exc}", path=name) from None


def _unzip(name: str, data: bytes) -> list[ListFile]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            if not members:
                raise ListFormatError("the zip archive is empty", path=name)
            out = []
            for info in members:
                if info.file_size > MAX_MEMBER_BYTES:
                    raise ListFormatError(f"zip member {info.filename} is too large", path=name)
                out.append(ListFile(name=f"{name}!{info.filename}", data=archive.read(info)))
            return out
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ListFormatError(f"damaged zip archive: {exc}", path=name) from None


def open_path(path: str | Path) -> list[ListFile]:
    """Read ``path`` and unpack it; raises :class:`ListFormatError` for missing or damaged files."""
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise ListFormatError("no such file", path=name)
    if p.is_dir():
        raise ListFormatError("is a folder: name the list files in it", path=name)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ListFormatError(f"cannot read: {exc.strerror}", path=name) from None
    return unpack(name, data)


def unpack(name: str, data: bytes) -> list[ListFile]:
    """Unpack in-memory ``data`` that came from ``name`` (also used by tests and the API)."""
    if data.startswith(b"\x1f\x8b"):
        return [ListFile(name=name, data=_gunzip(name, data))]
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _unzip(name, data)
    return [ListFile(name=name, data=data)]
