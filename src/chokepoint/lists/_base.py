"""What every list reader receives and returns, and the checks they share.

A reader is a module with ``FORMAT`` (its ``--format`` name), ``detect(head) -> bool``
(does this content look like my format?) and ``read(files) -> list[ListData]``.
Readers raise :class:`~chokepoint.errors.ListFormatError` naming file and line, never
anything else, and build every entity before the store sees any of them.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from lxml import etree

from chokepoint.errors import CSVColumnError, ListFormatError
from chokepoint.model import Entity, ListVersion, is_target

__all__ = [
    "ListData",
    "ListFile",
    "Reader",
    "csv_rows",
    "decode_text",
    "parse_xml",
    "version_record",
]


@dataclass(frozen=True)
class ListFile:
    """One input file (or one member of a zip), its raw bytes and where it came from."""

    name: str
    """What error messages call the file: its path, or ``archive.zip!member``."""
    data: bytes
    """The content, already gunzipped or unzipped."""

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def basename(self) -> str:
        return self.name.replace("\\", "/").rsplit("/", 1)[-1].rsplit("!", 1)[-1]


@dataclass
class ListData:
    """The result of reading one list version: metadata plus all its entities."""

    format: str
    source: str
    """Stable source name, e.g. ``us_ofac_sdn``; a load replaces this source's version."""
    files: list[ListFile]
    entities: list[Entity] = field(default_factory=list)
    published: date | None = None
    """Publication date when the file states one."""
    title: str | None = None

    @property
    def sha256(self) -> str:
        """One digest over all files of the set (each file's digest, in name order)."""
        if len(self.files) == 1:
            return self.files[0].sha256
        digest = hashlib.sha256()
        for f in sorted(self.files, key=lambda f: f.basename):
            digest.update(f.sha256.encode("ascii"))
        return digest.hexdigest()

    @property
    def targets(self) -> int:
        return sum(1 for e in self.entities if is_target(e))


class Reader(Protocol):
    FORMAT: str

    def detect(self, head: bytes) -> bool: ...

    def read(self, files: Sequence[ListFile]) -> list[ListData]: ...


def decode_text(file: ListFile, encodings: Sequence[str] = ("utf-8",)) -> str:
    """Decode the file with the first encoding that fits; name the line that fits none."""
    data = file.data
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if not data.strip(b"\x00\x1a \t\r\n"):
        raise ListFormatError("the file is empty", path=file.name)
    error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if error is None:
                error = exc
    assert error is not None
    line = data.count(b"\n", 0, error.start) + 1
    raise ListFormatError(
        f"cannot be decoded as {' or '.join(encodings)} (byte 0x{data[error.start]:02x})",
        path=file.name,
        line=line,
    )


def csv_rows(file: ListFile, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each CSV record; raises with the line on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ListFormatError(f"broken CSV: {exc}", path=file.name, line=reader.line_num) from None
        yield start, row
        start = reader.line_num + 1


def require_columns(file: ListFile, header: Sequence[str], needed: Sequence[str]) -> dict[str, int]:
    """Column index by name; raises :class:`CSVColumnError` listing what is missing."""
    index = {name.strip().lstrip("\ufeff"): i for i, name in enumerate(header)}
    missing = [c for c in needed if c not in index]
    if missing:
        raise CSVColumnError(f"missing column(s): {', '.join(missing)}", path=file.name, line=1)
    return index


def parse_xml(file: ListFile) -> etree._Element:
    """Parse XML safely (no entities, no network); truncation and syntax errors name the line."""
    if not file.data.strip():
        raise ListFormatError("the file is empty", path=file.name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(file.data, parser=parser)
    except etree.XMLSyntaxError as exc:
        msg = exc.msg if hasattr(exc, "msg") else str(exc)
        raise ListFormatError(f"malformed XML: {msg}", path=file.name, line=exc.lineno) from None


def version_record(data: ListData) -> ListVersion:
    """The :class:`ListVersion` that describes ``data`` (no id or load time yet)."""
    return ListVersion(
        source=data.source,
        format=data.format,
        sha256=data.sha256,
        targets=data.targets,
        entities=len(data.entities),
        files=[{"path": f.name, "sha256": f.sha256, "size": len(f.data)} for f in data.files],
        published=data.published,
        title=data.title,
    )
