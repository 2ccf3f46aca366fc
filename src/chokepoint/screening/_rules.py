"""The red-flag rule book and its reference lists, read from ``screening/data/``.

``red_flags.yaml`` (rule id, title, weight, source, params), ``gecc.csv`` (the Global Export Control
Coalition) and ``uav_categories.yaml`` (item kinds the Iran UAV advisory names) are written by the
chokepoint developers from public guidance; each file's header says where. A malformed file raises
:class:`InputError` naming the file and line. The bundled files are read once.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from chokepoint.errors import InputError

__all__ = ["DATA", "Rule", "RuleBook", "UavCategory", "load_gecc", "load_rules", "load_uav_categories"]

DATA = Path(__file__).resolve().with_name("data")


@dataclass(frozen=True)
class Rule:
    id: str
    """``RF-<n>`` (the red-flag digest's numbering) or ``CP-<name>`` (chokepoint's own)."""
    title: str
    weight: float
    """Added to a line's score as independent evidence: ``1 - prod(1 - w)``."""
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleBook:
    alert_threshold: float
    rules: dict[str, Rule]
    path: str

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]


@dataclass(frozen=True)
class UavCategory:
    category: str
    hs: tuple[str, ...]
    pattern: re.Pattern[str]


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping under the key ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def _yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(f"broken YAML: {exc.problem}", path=path, line=line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot be read: {exc}", path=path) from None


def load_rules(path: str | Path | None = None) -> RuleBook:
    """The rule book: the bundled ``red_flags.yaml`` or the file at ``path``."""
    if path is None:
        return _bundled_rules()
    path = Path(path)
    data = _yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise InputError("expected a mapping with alert_threshold and a list of rules", path=path, line=1)
    rules: dict[str, Rule] = {}
    for item in data["rules"]:
        line = item.get("__line__") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not all(k in item for k in ("id", "title", "weight", "source")):
            raise InputError("a rule needs id, title, weight and source", path=path, line=line)
        weight = item["weight"]
        if not isinstance(weight, int | float) or not 0.0 <= weight <= 1.0:
            raise InputError(f"rule {item['id']}: weight must be a number in [0, 1]", path=path, line=line)
        if item["id"] in rules:
            raise InputError(f"rule {item['id']} is defined twice", path=path, line=line)
        params = {k: v for k, v in (item.get("params") or {}).items() if k != "__line__"}
        rules[item["id"]] = Rule(item["id"], item["title"], float(weight), str(item["source"]), params)
    threshold = data.get("alert_threshold", 0.5)
    if not isinstance(threshold, int | float) or not 0.0 < threshold <= 1.0:
        raise InputError("alert_threshold must be a number in (0, 1]", path=path, line=data["__line__"])
    return RuleBook(float(threshold), rules, str(path))


@cache
def _bundled_rules() -> RuleBook:
    return load_rules(DATA / "red_flags.yaml")


@cache
def load_uav_categories() -> tuple[UavCategory, ...]:
    """The bundled item categories of the Iran UAV advisory (RF-30)."""
    path = DATA / "uav_categories.yaml"
    data = _yaml(path)
    categories = []
    for item in data:
        try:
            pattern = re.compile(item["re"])
            categories.append(UavCategory(item["category"], tuple(str(c) for c in item["hs"]), pattern))
        except (KeyError, TypeError, re.error) as exc:
            raise InputError(f"bad category: {exc}", path=path, line=item.get("__line__")) from None
    return tuple(categories)


@cache
def load_gecc() -> dict[str, str]:
    """Members of the Global Export Control Coalition: lower-case ISO code → country name."""
    path = DATA / "gecc.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, text) for n, text in enumerate(lines, start=1) if text and not text.startswith("#")]
    members: dict[str, str] = {}
    for (n, _), row in zip(body[1:], csv.reader(io.StringIO("\n".join(t for _, t in body[1:]))), strict=True):
        if len(row) != 3 or not re.fullmatch(r"[A-Z]{2}", row[0]):
            raise InputError("expected country_iso2,country,source with a 2-letter code", path=path, line=n)
        members[row[0].lower()] = row[1]
    return members
