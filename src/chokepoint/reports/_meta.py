"""What an article says about itself: title, publisher, publication date and language (py3langid), from
``Key: value`` header lines or markdown front matter, else from the body: first line as title, a wire
dateline ("TEHRAN, Nov. 14, 2023 (Caspian Wire) —"), a "Published …" line, a short line near the top with a
full date ("By X, Outlet · Dec. 9, 2022", "2023-01-06"), a "By X, Outlet" byline. A dateline without a year
("Sept 8") takes it from the file name, else from the latest full date in the text (:func:`complete_date`).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date

import dateparser
import py3langid

from chokepoint.reports._dates import find_dates

__all__ = ["Header", "complete_date", "from_body", "language_of", "parse_date", "read_header"]

_KEYS = {
    "title": "title",
    "headline": "title",
    "publisher": "publisher",
    "source": "publisher",
    "site": "publisher",
    "outlet": "publisher",
    "agency": "publisher",
    "date": "date",
    "published": "date",
    "publication date": "date",
    "dateline": "date",
    "language": "language",
    "lang": "language",
    "url": "url",
    "link": "url",
    "by": "author",
    "author": "author",
    "byline": "author",
}
_FIELD = re.compile(r"^[ \t]*(?P<key>[A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PLACE_ONLY = re.compile(r"\s*(?P<place>[A-Z][A-Z .'’-]{2,40})\s+[—–-]{1,2}\s")  # "WASHINGTON - "
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z .'’-]{1,40}),\s+(?P<date>[^()\n—–]{3,40}?)\s*"
    r"(?:\((?P<agency>[^)\n]{2,60})\))?\s*[—–-]{1,2}\s",
)
_AGENCY_ONLY = re.compile(
    r"\s*(?P<place>[A-Z][A-Z .'’-]{2,40}?)\s*\((?P<agency>[^)\n]{2,60})\)\s*[—–-]{1,2}\s"
)
_PUBLISHED = re.compile(
    r"^(?:published|posted|updated|first published)(?:\s+on)?[:\s]+(?P<date>[^\n|]{6,60}?)\s*(?:\||$)",
    re.IGNORECASE | re.MULTILINE,
)
_BY = re.compile(
    r"^\s*by\s+(?P<who>[^\n,·|]{2,60}?)(?:,\s*(?P<outlet>[^\n·|—–]{2,60}?))?\s*(?:[·|—–][^\n]*)?$",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class Header:
    fields: dict[str, str]
    body_start: int
    """Offset where the article text (title line included) starts, after any ``Key: value`` lines."""
    dateline: tuple[int, int] | None = None
    """Offsets of a wire dateline ("TEHRAN, Nov. 14, 2023 (Caspian Wire) —"), if any."""
    given: frozenset[str] = frozenset()
    """The fields the ``Key: value`` lines gave (the rest were read from the body)."""
    partial: str = ""
    """A dateline's date without a year ("Sept 8"), for :func:`complete_date`."""
    lead: int = 0
    """Where the prose starts, after the title line and any short lines under it (dates, bylines)."""


def parse_date(text: str) -> date | None:
    """A calendar date from free text, only when it names a year (dateparser, day first)."""
    if not _YEAR.search(text):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(
            text.strip(), languages=None, settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
        )
    return found.date() if found is not None else None


def _full_day(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``."""
    return next((ref.date for ref in find_dates(text) if ref.precision == "day"), None)


def complete_date(partial: str, name: str, text: str) -> date | None:
    """The date of a dateline written without its year ("Sept 8"): the year of a date in the file name
    (``2022-09-08-….txt``), else the first year that puts it on or after the latest full date in the text."""
    named = _NAME_DATE.search(name)
    stated = [r.date for r in find_dates(text) if r.precision in ("day", "month")]
    latest = max(stated, default=None)
    years = [int(named.group(1))] if named else [latest.year, latest.year + 1] if latest else []
    for year in years:
        found = [r.date for r in find_dates(partial, date(year, 12, 31)) if r.precision == "day"]
        if found and (named or latest is None or found[0] >= latest):
            return found[0]
    return None


def read_header(text: str, *, markdown: bool = False) -> Header:
    """Metadata lines at the top of a plain-text or markdown article."""
    fields: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    fenced = markdown and bool(lines) and lines[0].strip() == "---"
    index, pos = (1, len(lines[0])) if fenced else (0, 0)
    while index < len(lines):
        line = lines[index]
        if fenced and line.strip() == "---":
            pos += len(line)
            break
        match = _FIELD.match(line.rstrip("\r\n"))
        key = _KEYS.get(match.group("key").strip().lower()) if match else None
        if key is not None and match is not None:
            fields.setdefault(key, match.group("value").strip().strip('"'))
        elif line.strip() and not fenced:
            break  # the article itself starts here
        pos += len(line)
        index += 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    header = Header(fields, pos, given=frozenset(fields))
    from_body(text, header)
    return header


def from_body(text: str, header: Header) -> None:
    """Fill title, publisher and date from the first lines of the body when no field gave them
    (``text`` may be the markdown with its markup blanked out)."""
    fields = header.fields
    body = text[header.body_start :]
    first_line = body.split("\n", 1)[0].strip().lstrip("#").strip()
    if "title" not in fields and first_line:
        fields["title"] = first_line
    header.lead = header.body_start + _prose_start(body)
    head = body[:800]
    starts = [0, *(m.end() for m in re.finditer(r"\n\s*\n", head))][:5]
    lead = header.lead - header.body_start  # the first line of prose, whether a blank line precedes it or not
    for line_start in sorted({*starts, lead} if lead < len(head) else set(starts)):
        match = (
            _DATELINE.match(head, line_start)
            or _AGENCY_ONLY.match(head, line_start)
            or _PLACE_ONLY.match(head, line_start)
        )
        if match is None or ("date" in match.groupdict() and not re.search(r"\d", match.group("date"))):
            continue
        header.dateline = (header.body_start + match.start("place"), header.body_start + match.end())
        if "date" in match.groupdict() and parse_date(match.group("date")):
            fields.setdefault("date", match.group("date"))
        elif "date" in match.groupdict():
            header.partial = match.group("date")
        if match.groupdict().get("agency"):
            fields.setdefault("publisher", match.group("agency").strip())
        break
    if "date" not in fields and (match := _PUBLISHED.search(head)):
        found = _full_day(match.group("date"))
        fields["date"] = found.isoformat() if found else match.group("date")
    if "date" not in fields:  # a short line near the top with a date ("March 3, 2023", "By X · Dec. 9, 2022")
        for line in head.splitlines()[1:8]:
            line = line.strip().strip("*_").strip()
            if not 6 <= len(line) <= 100 or re.search(r"[.!?]$", line) or not _YEAR.search(line):
                continue
            found = _full_day(line) or (parse_date(line) if len(line) <= 40 else None)
            if found is not None:
                fields["date"] = found.isoformat()
                break
    if "publisher" not in fields and (match := _BY.search(head)) and match.group("outlet"):
        fields["publisher"] = match.group("outlet").strip()


def _prose_start(body: str) -> int:
    """Offset in ``body`` of its first line of prose: a long line or one ending a sentence, the first
    line (the title) excepted unless it is prose itself."""
    pos = 0
    for n, line in enumerate(body.splitlines(keepends=True)):
        words = line.strip()
        if words and (len(words) > 100 or n > 12 or re.search(r"[.!?][\"'”’)]?$", words)):
            return pos
        pos += len(line)
    return 0


def language_of(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid)."""
    return str(py3langid.classify(text[:5000])[0]) if text.strip() else ""
