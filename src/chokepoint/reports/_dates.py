"""Dates in sentences, explicit ("14 March 2023", "March 2023", "in 2022") or relative to the article's date
("earlier this month", "last week", "in October last year", "in December", "on Tuesday"), resolved with a
precision (day, week, month, year; a month or year as its first day, a past week as its Monday, "this week"
as the article date). A bare month, day or weekday is the latest on or before the article date unless the
expression's own clause speaks of the future (:mod:`._tense`: "said on Tuesday it will ..."). English only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from chokepoint.reports._tense import is_future

__all__ = ["PRECISIONS", "DateRef", "find_dates", "month_start"]

PRECISIONS = ("day", "week", "month", "year")
MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_NUMBERS |= {"a": 1, "an": 1, "several": 3, "a few": 3}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<y>(?:19[5-9]|20[0-4])\d)"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_CUE = (
    r"(?:in|since|by|during|until|till|from|of|before|after|between|through|throughout|and|early|mid|late"
    r"|end\s+of|start\s+of|beginning\s+of|spring|summer|autumn|fall|winter)"
)
_N = r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", rf"\b{_YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b"),
        ("mdy", rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b"),
        ("my", rf"\b{_MON},?\s+(?:of\s+)?{_YEAR}\b"),
        ("dm", rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?![\w-])"),
        ("md", rf"\b{_MON}\s+{_DAY}(?![\w,.]?\d)"),
        ("y", rf"\b{_CUE}[\s-]+(?:at\s+least\s+)?{_YEAR}(?![\d-])"),
        ("ago", rf"\b{_N}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ("mrel", rf"\b(?:in\s+)?{_MON}\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b"),
        ("rel", r"\b(?:(?:earlier|later)\s+)?(?P<which>this|last|next)\s+(?P<unit>week|month|year)\b"),
        ("word", r"\b(?P<word>today|yesterday|tomorrow|tonight)\b"),
        (
            "m",
            rf"\b(?P<cue>in|since|by|during|until|till|from|last|next|this|early|mid|late|in\s+early|in\s+mid|in\s+late|end\s+of|the\s+end\s+of)[\s-]+{_MON}(?![\w-])",
        ),
        (
            "wd",
            r"\b(?:on\s+|last\s+|next\s+|this\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        ),
    )
)
_FULL_MONTH = re.compile(r"(?:uary|ch|il|may|une|uly|ust|ber)\.$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    text: str
    date: date
    precision: str
    relative: bool
    """Resolved against the article date rather than stated in full."""


def month_start(day: date) -> date:
    return day.replace(day=1)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_near(month: int, base: date, future: bool, cue: str) -> date:
    """The month ``month`` nearest ``base`` in the direction the wording says."""
    this = date(base.year, month, 1)
    if cue == "this":
        return this
    if cue == "next" or (future and cue not in ("last", "since")):
        later = this if month > base.month or (month == base.month and cue != "next") else None
        return later or date(base.year + 1, month, 1)
    if cue == "last":
        return this if month < base.month else date(base.year - 1, month, 1)
    return this if month <= base.month else date(base.year - 1, month, 1)


def _resolve(kind: str, m: re.Match[str], base: date | None, future: bool) -> tuple[date, str] | None:
    g = m.groupdict()
    mon = MONTHS.get((g.get("mon") or "").lower().rstrip("."), 0)
    if kind == "iso":
        found = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (found, "day") if found else None
    if kind in ("dmy", "mdy"):
        found = _safe(int(g["y"]), mon, int(g["d"]))
        return (found, "day") if found else None
    if kind == "my":
        return date(int(g["y"]), mon, 1), "month"
    if kind == "y":
        return date(int(g["y"]), 1, 1), "year"
    if base is None:
        return None
    if kind == "mrel":  # "in October last year", "July next year"
        return date(base.year + {"last": -1, "this": 0, "next": 1}[g["which"].lower()], mon, 1), "month"
    if kind in ("dm", "md"):
        month = _month_near(mon, base, future, "")
        found = _safe(month.year, mon, int(g["d"]))
        if found is not None and not future and found > base and month.year == base.year:
            found = _safe(base.year - 1, mon, int(g["d"]))  # "on 20 November" written on 14 November
        return (found, "day") if found else None
    if kind == "m":
        cue = g["cue"].split()[-1].lower()
        if cue == "of" or (g["mon"].lower().startswith("may") and not g["mon"][0].isupper()):
            return None
        if cue == "end":
            cue = ""
        return _month_near(mon, base, future, cue), "month"
    if kind == "word":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
        return base + timedelta(days=offset), "day"
    if kind == "wd":
        if not g["wd"][0].isupper():
            return None
        target = WEEKDAYS.index(g["wd"].lower())
        said = m.group(0).split()[0].lower()
        if said == "next" or (future and said != "last"):
            return base + timedelta(days=(target - base.weekday() - 1) % 7 + 1), "day"
        back = (base.weekday() - target) % 7 or (7 if said == "last" else 0)
        return base - timedelta(days=back), "day"
    step = {"last": -1, "next": 1, "this": 0}.get((g.get("which") or "").lower(), 0)
    unit = g["unit"].lower()
    if kind == "ago":
        step = -_NUMBERS.get(g["n"].lower(), 0) if not g["n"].isdigit() else -int(g["n"])
    if unit == "day":
        return base + timedelta(days=step), "day"
    if unit == "week":
        if kind == "rel" and step == 0:
            return base, "week"  # "this week": the part of it the article can speak of
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return monday, "week"
    if unit == "month":
        return _shift_months(base, step), "month"
    return date(base.year + step, 1, 1), "year"


def find_dates(text: str, base: date | None = None, start: int = 0, end: int | None = None) -> list[DateRef]:
    """Date expressions in ``text[start:end]``, resolved against ``base`` (the article date)."""
    end = len(text) if end is None else end
    sentence = text[start:end]
    taken: list[DateRef] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(m.start() < d.end and d.start < m.end() for d in taken):
                continue
            future = is_future(sentence, m.start() - start, m.end() - start)
            resolved = _resolve(kind, m, base, future)
            if resolved is None:
                continue
            relative = kind not in ("iso", "dmy", "mdy", "my", "y")
            stop = m.end() - 1 if m.group(0).endswith(".") and _FULL_MONTH.search(m.group(0)) else m.end()
            taken.append(DateRef(m.start(), stop, text[m.start() : stop], resolved[0], resolved[1], relative))
    return sorted(taken, key=lambda d: d.start)
