"""Inputs of bench_entities.py: OpenSanctions' entity checks and OFAC's search fixtures, as FtM entities.

entity_bench_checks.yml (``checks: [{match, schema, query: {prop: value|[values]}, candidate: …,
label?}]``) is read with PyYAML's safe loader; a malformed check exits naming the file and check.
Entities are built as nomenklatura's contrib/entity_bench builds them: every property added, and when
there is no name, one joined from the name parts. Each entity gets a fresh id (logic-v2 caches by id).
"""

from __future__ import annotations

import csv
import sys
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from followthemoney import ValueEntity, model

from chokepoint.matching import Query, Scored, Target, score_target

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "matching" / "opensanctions_nomenklatura"
CHECKS = DATA / "entity_bench_checks.yml"
OFAC = DATA / "ofac_search_fixtures.csv"
NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "motherName", "lastName")

Props = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Check:
    """One labelled check: does ``query`` describe the same party as ``candidate``?"""

    number: int  # 1-based position in the file
    schema: str
    match: bool
    query: Props
    candidate: Props
    label: str = ""

    def caption(self) -> str:
        def side(props: Props) -> str:
            return ", ".join(f"{k}={'|'.join(v)}" for k, v in props.items())

        return f"#{self.number} {self.schema} [{side(self.query)}] vs [{side(self.candidate)}]"


def _props(raw: Any, where: str) -> Props:
    if not isinstance(raw, Mapping) or not raw:
        sys.exit(f"{CHECKS}: {where}: expected a mapping of properties")
    props: Props = {}
    for key, value in raw.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str | int | float) for v in values):
            sys.exit(f"{CHECKS}: {where}.{key}: expected text or a list of texts")
        props[str(key)] = [str(v) for v in values]
    return props


def read_checks(path: Path = CHECKS) -> list[Check]:
    """The checks of ``path``, in file order."""
    with path.open(encoding="utf-8") as fh:
        document = yaml.safe_load(fh)
    raw = document.get("checks") if isinstance(document, dict) else None
    if not isinstance(raw, list):
        sys.exit(f"{path}: expected a top-level 'checks' list")
    checks = []
    for number, item in enumerate(raw, 1):
        where = f"check {number}"
        if not isinstance(item, dict) or not isinstance(item.get("match"), bool):
            sys.exit(f"{path}: {where}: expected 'match: true|false'")
        if model.get(str(item.get("schema"))) is None:
            sys.exit(f"{path}: {where}: unknown schema {item.get('schema')!r}")
        query, candidate = (
            _props(item.get("query"), f"{where}.query"),
            _props(item.get("candidate"), f"{where}.candidate"),
        )
        checks.append(Check(number, item["schema"], item["match"], query, candidate, item.get("label") or ""))
    return checks


def read_ofac(path: Path = OFAC) -> dict[str, list[tuple[str, float]]]:
    """OFAC search fixtures: query name → [(result name, OFAC score)] in file order."""
    queries: dict[str, list[tuple[str, float]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            queries.setdefault(row["query_name"], []).append((row["result_name"], float(row["ofac_score"])))
    return queries


def make_entity(schema: str, props: Props) -> ValueEntity:
    """An FtM entity with every property (values cleaned by type); a name joined from parts if none."""
    entity = ValueEntity(model.get(schema), {"id": uuid.uuid4().hex})
    for prop, values in props.items():
        for value in values:
            entity.add(prop, value, quiet=True, fuzzy=True)
    if not entity.names:
        joined = " ".join(v for p in NAME_PARTS if (v := entity.first(p, quiet=True)))
        if joined:
            entity.add("name", joined)
    return entity


def query_of(entity: ValueEntity) -> Query:
    """Our query for an FtM entity, reduced as listed entities are (what the /match API does)."""
    return Query.from_entity(entity)


def ours(query: ValueEntity, candidate: ValueEntity) -> Scored | None:
    """Our scored comparison (None when the schemata cannot be the same party)."""
    return score_target(query_of(query), Target.from_entity(0, candidate))
