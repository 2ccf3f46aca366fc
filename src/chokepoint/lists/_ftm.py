"""OpenSanctions FollowTheMoney JSON lines (``entities.ftm.json``).

Each line is one entity as OpenSanctions publishes it (``id, schema, properties,
datasets, referents, target, first_seen, last_seen, last_change``). Relationship and
helper records (Sanction, Ownership, Directorship, Family, Address, ...) are kept as
they are, with ``target`` false unless the file says otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date

from followthemoney import model
from followthemoney.exc import FollowTheMoneyException

from chokepoint.errors import ListFormatError
from chokepoint.lists._base import ListData, ListFile, decode_text
from chokepoint.model import Entity, entity_from_dict

FORMAT = "ftm"

_HEAD = re.compile(rb'^\s*\{.*"schema"\s*:', re.S)


def detect(head: bytes) -> bool:
    first = head.lstrip()[:4096].split(b"\n", 1)[0]
    return bool(_HEAD.match(first)) and b'"id"' in first


def source_name(file: ListFile, entities: Sequence[Entity] = ()) -> str:
    """The one dataset every entity names, else ``opensanctions_<folder>`` for
    ``…/<folder>/entities.ftm.json``, else ``opensanctions_<file stem>``."""
    common = set.intersection(*(set(e.datasets) for e in entities)) if entities else set()
    if len(common) == 1:
        return common.pop()
    parts = file.name.replace("\\", "/").split("/")
    stem = parts[-1].split(".", 1)[0]
    if stem == "entities" and len(parts) > 1 and parts[-2] not in ("", "."):
        stem = parts[-2]
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") or "ftm"
    return f"opensanctions_{slug}"


def _entity(file: ListFile, lineno: int, line: str) -> Entity:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ListFormatError(f"not valid JSON: {exc.msg}", path=file.name, line=lineno) from None
    if not isinstance(data, dict):
        raise ListFormatError("a line must hold one JSON object", path=file.name, line=lineno)
    if not data.get("id") or not isinstance(data.get("id"), str):
        raise ListFormatError("entity has no id", path=file.name, line=lineno)
    schema = data.get("schema")
    if not isinstance(schema, str) or model.get(schema) is None:
        raise ListFormatError(f"unknown schema {schema!r}", path=file.name, line=lineno)
    props = data.get("properties", {})
    if not isinstance(props, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in props.values()
    ):
        raise ListFormatError("properties must map names to lists of strings", path=file.name, line=lineno)
    for key in ("datasets", "referents"):
        if not isinstance(data.get(key, []), list):
            raise ListFormatError(f"{key} must be a list", path=file.name, line=lineno)
    data["target"] = bool(data.get("target", False))
    data.setdefault("list_ref", data["id"])
    try:
        entity = entity_from_dict(data, cleaned=False)
    except (FollowTheMoneyException, TypeError, ValueError) as exc:
        raise ListFormatError(f"invalid entity: {exc}", path=file.name, line=lineno) from None
    return entity


def _published(entities: list[Entity]) -> date | None:
    stamps = [e.last_change for e in entities if e.last_change]
    if not stamps:
        return None
    try:
        return date.fromisoformat(max(stamps)[:10])
    except ValueError:
        return None


def read(files: Sequence[ListFile]) -> list[ListData]:
    out = []
    for file in files:
        text = decode_text(file)
        entities = []
        seen: set[str] = set()
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            entity = _entity(file, lineno, line)
            if entity.id in seen:
                raise ListFormatError(f"duplicate entity id {entity.id}", path=file.name, line=lineno)
            seen.add(str(entity.id))
            entities.append(entity)
        if not entities:
            raise ListFormatError("the file holds no entities", path=file.name)
        source = source_name(file, entities)
        for entity in entities:
            entity.datasets.add(source)
        out.append(
            ListData(
                format=FORMAT,
                source=source,
                files=[file],
                entities=entities,
                published=_published(entities),
                title="OpenSanctions FollowTheMoney entities",
            )
        )
    return out
