"""OFAC legacy CSV sets: sdn.csv/add.csv/alt.csv/sdn_comments.csv and the cons_* equivalents.

Files have no header, are cp1252 (or utf-8) text ending with 0x1A, and write empty as
``-0-``. Each file's kind is told by its column count (12 primary, 6 address, 5 alias,
2 comments); a primary file picks up missing siblings from its folder. Supplement rows
without a primary row are counted and skipped; a set without a primary file is an error.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListData, ListFile, csv_rows, decode_text
from chokepoint.lists._ofac_csv_build import build_set
from chokepoint.lists._open import open_path

__all__ = ["FORMAT", "detect", "read"]

FORMAT = "ofac-csv"

KINDS = {12: "primary", 6: "address", 5: "alias", 2: "comments"}
WIDTH = {kind: n for n, kind in KINDS.items()}
SIBLINGS = {
    "sdn": {"primary": "sdn.csv", "address": "add.csv", "alias": "alt.csv", "comments": "sdn_comments.csv"},
    "cons": {
        "primary": "cons_prim.csv",
        "address": "cons_add.csv",
        "alias": "cons_alt.csv",
        "comments": "cons_comments.csv",
    },
}
_BOM = b"\xef\xbb\xbf"
_FIRST = re.compile(rb"^\d+,")
_DIGITS = re.compile(r"[0-9]+")


@dataclass
class _Parsed:
    file: ListFile
    kind: str
    rows: list[tuple[int, list[str]]]


def detect(head: bytes) -> bool:
    """First record: a numeric ent_num, 2/5/6/12 fields, OFAC's ``-0-`` or quoting."""
    head = head.removeprefix(_BOM).lstrip()
    if not _FIRST.match(head):
        return False
    text = head.decode("latin-1")
    try:
        row = next(csv.reader(io.StringIO(text, newline="")))
    except (csv.Error, StopIteration):
        return False
    if len(row) not in KINDS or not row[0].isdigit():
        return False
    first_line = head.split(b"\n", 1)[0]
    if len(row) == 2:
        return first_line.startswith(row[0].encode("ascii") + b',"')
    return b"-0-" in first_line or b',"' in first_line


def family(file: ListFile) -> str:
    """``cons`` for the consolidated (non-SDN) files, else ``sdn``."""
    return "cons" if file.basename.lower().startswith("cons_") else "sdn"


def _parse(file: ListFile) -> _Parsed:
    text = decode_text(file, ("utf-8", "cp1252")).rstrip("\x00\x1a \t\r\n")
    rows: list[tuple[int, list[str]]] = []
    width = 0
    for line, row in csv_rows(file, text):
        if not row or row == [""]:
            continue
        if not width:
            width = len(row)
            if width not in KINDS:
                raise ListFormatError(
                    f"not an OFAC legacy CSV file: {width} fields per record (expected 12, 6, 5 or 2)",
                    path=file.name,
                    line=line,
                )
        elif len(row) != width:
            raise ListFormatError(
                f"expected {width} fields as in the first record, found {len(row)}", path=file.name, line=line
            )
        if not _DIGITS.fullmatch(row[0].strip()):
            raise ListFormatError(f"ent_num {row[0][:20]!r} is not a number", path=file.name, line=line)
        rows.append((line, [_clean(v) for v in row]))
    if not rows:
        raise ListFormatError("the file holds no records", path=file.name)
    return _Parsed(file, KINDS[width], rows)


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def _siblings(primary: _Parsed, fam: str, have: dict[str, _Parsed]) -> list[_Parsed]:
    """Supplement files lying next to the primary file that were not passed explicitly."""
    name = primary.file.name
    if "!" in name:
        return []
    folder = Path(name).parent
    found = []
    for kind, sibling in SIBLINGS[fam].items():
        if kind in have:
            continue
        for candidate in (sibling, sibling.upper()):
            path = folder / candidate
            if path.is_file():
                files = open_path(path)
                parsed = _parse(files[0])
                if parsed.kind != kind:
                    raise ListFormatError(
                        f"expected an OFAC {kind} file ({WIDTH[kind]} fields), found {parsed.kind} records",
                        path=files[0].name,
                    )
                found.append(parsed)
                break
    return found


def read(files: Sequence[ListFile]) -> list[ListData]:
    """One :class:`ListData` per family (SDN, consolidated) among ``files``."""
    sets: dict[str, dict[str, _Parsed]] = {}
    for file in files:
        parsed = _parse(file)
        group = sets.setdefault(family(file), {})
        if parsed.kind in group:
            other = group[parsed.kind].file.basename
            raise ListFormatError(
                f"two OFAC {parsed.kind} files of one list ({other} and {file.basename}); "
                "load one version at a time",
                path=file.name,
            )
        group[parsed.kind] = parsed
    out = []
    for fam, group in sets.items():
        primary = group.get("primary")
        if primary is None:
            supplement = next(iter(group.values()))
            raise ListFormatError(
                f"an OFAC {supplement.kind} file needs its primary file ({SIBLINGS[fam]['primary']}); "
                "load them together",
                path=supplement.file.name,
            )
        for parsed in _siblings(primary, fam, group):
            group[parsed.kind] = parsed
        out.append(
            build_set(
                fam,
                primary.file,
                primary.rows,
                {k: (p.file, p.rows) for k, p in group.items() if k != "primary"},
            )
        )
    return out
