"""The alert queue's filters as they travel in URLs: status, rule, risk (score range), days, page.

Parsed from the query string by hand so that a bad value answers 422 naming its field in the
analyst's words; :meth:`Filters.query` writes them back for links (next page, next alert).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from chokepoint.errors import InputError
from chokepoint.store import ALERT_STATUSES

__all__ = ["PAGE", "Filters"]

PAGE = 50
_RULE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


def _score(params: Mapping[str, str], name: str) -> float | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"must be a number from 0 to 1, not {text!r}", field=name) from None
    if not 0.0 <= value <= 1.0:
        raise InputError(f"must be a number from 0 to 1, not {text!r}", field=name)
    return value


def _date(params: Mapping[str, str], name: str) -> date | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"must be a date as YYYY-MM-DD, not {text!r}", field=name) from None


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    rule: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    since: date | None = None
    until: date | None = None
    page: int = 1

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> Filters:
        status = params.get("status", "").strip() or None
        if status is not None and status not in ALERT_STATUSES:
            raise InputError(f"must be one of {', '.join(ALERT_STATUSES)}, not {status!r}", field="status")
        rule = params.get("rule", "").strip() or None
        if rule is not None and (len(rule) > 32 or not set(rule) <= _RULE_CHARS):
            raise InputError(f"must be a rule id such as RF-1, not {rule!r}", field="rule")
        page_text = params.get("page", "").strip() or "1"
        if not page_text.isdigit() or int(page_text) < 1:
            raise InputError(f"must be a page number from 1, not {page_text!r}", field="page")
        found = cls(
            status,
            rule,
            _score(params, "min_score"),
            _score(params, "max_score"),
            _date(params, "since"),
            _date(params, "until"),
            int(page_text),
        )
        if found.min_score is not None and found.max_score is not None and found.min_score > found.max_score:
            raise InputError("the lowest risk is above the highest", field="min_score")
        if found.since and found.until and found.since > found.until:
            raise InputError("the first day is after the last", field="since")
        return found

    def store_args(self) -> dict[str, Any]:
        """The keyword arguments of ``Store.alerts`` / ``Store.alert_ids`` (without paging)."""
        return {k: v for k, v in asdict(self).items() if k != "page"}

    def query(self, **changes: Any) -> str:
        """The filters as a query string, with ``changes`` applied (``page=2``), empty values left out."""
        values = asdict(replace(self, **changes))
        if values["page"] == 1:
            values.pop("page")
        return urlencode({k: str(v) for k, v in values.items() if v is not None})

    @property
    def active(self) -> bool:
        return any(v is not None for k, v in asdict(self).items() if k != "page")
