"""The peer: OpenSanctions' logic-v2 matcher (nomenklatura, the scorer behind yente).

Imported by the benchmarks only; nomenklatura is the ``bench`` extra, never a runtime
dependency (``pip install -e '.[bench]'``). Pairs are scored the way nomenklatura's own
contrib/name_bench does it: two FtM entities of the case's schema with one ``name`` each,
fresh ids per entity (logic-v2 caches name analysis by entity id), threshold 0.7 (yente's).
Screening uses a candidate retrieval written here (``PeerScreener``), since yente's is
Elasticsearch: rapidfuzz ``token_set_ratio`` over ASCII-folded names and aliases.
"""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version

from followthemoney import ValueEntity, model, registry
from normality import ascii_text

try:
    from nomenklatura.matching import LogicV2
except ImportError:  # pragma: no cover - the benchmark says how to install it
    LogicV2 = None

__all__ = ["RETRIEVAL", "THRESHOLD", "PeerScreener", "peer_version", "require", "score_pairs"]

THRESHOLD = 0.7  # yente's default match threshold for logic-v2
RETRIEVAL = "rapidfuzz token_set_ratio over ASCII-folded names/aliases, top 40 names -> <=20 entities"
_QUERY_PROPS = {
    "first_name": "firstName",
    "middle_name": "middleName",
    "last_name": "lastName",
    "gender": "gender",
    "date_of_birth": "birthDate",
    "place_of_birth": "birthPlace",
    "nationality": "nationality",
    "country": "country",
}
_WORDS = re.compile(r"[^\w]+")


def require() -> None:
    """Exit with an install hint when nomenklatura is missing."""
    if LogicV2 is None:
        sys.exit("the peer needs nomenklatura: pip install -e '.[bench]'")


def peer_version() -> str:
    try:
        return f"nomenklatura {version('nomenklatura')} logic-v2"
    except PackageNotFoundError:
        return "nomenklatura (not installed)"


def _entity(schema: str, names: Iterable[str], props: dict[str, str] | None = None) -> ValueEntity:
    entity = ValueEntity(model.get(schema) or model.get("LegalEntity"), {"id": uuid.uuid4().hex})
    for name in names:
        entity.add("name", name, quiet=True)
    for prop, value in (props or {}).items():
        if value and entity.schema.get(prop) is not None:
            entity.add(prop, value, quiet=True)
    return entity


def score_pairs(pairs: Sequence[tuple[str, str, str]]) -> list[float]:
    """logic-v2 scores of ``(schema, name1, name2)`` pairs."""
    config = LogicV2.default_config()
    return [float(LogicV2.compare(_entity(s, [a]), _entity(s, [b]), config).score) for s, a, b in pairs]


def _fold(text: str) -> str:
    return " ".join(_WORDS.split((ascii_text(text) or "").lower())).strip()


class PeerScreener:
    """logic-v2 over a candidate retrieval: rapidfuzz over every name and alias of the lists."""

    def __init__(self, entities: Iterable[ValueEntity], *, names: int = 40, candidates: int = 20) -> None:
        from rapidfuzz import fuzz, process

        self._extract, self._scorer = process.extract, fuzz.token_set_ratio
        self.entities = list(entities)
        self.choices: list[str] = []
        self.owner: list[int] = []
        for index, entity in enumerate(self.entities):
            for name in set(entity.get_type_values(registry.name)):
                if folded := _fold(name):
                    self.choices.append(folded)
                    self.owner.append(index)
        self.names, self.candidates = names, candidates
        self.config = LogicV2.default_config()

    def query_entity(self, row: dict[str, str]) -> ValueEntity:
        name = row.get("full_name") or row.get("name") or ""
        props = {prop: row.get(col, "") for col, prop in _QUERY_PROPS.items()}
        return _entity(row.get("schema") or "Person", [name], props)

    def retrieve(self, query: ValueEntity) -> list[ValueEntity]:
        found: dict[int, None] = {}
        for name in query.names:
            hits = self._extract(_fold(name), self.choices, scorer=self._scorer, limit=self.names)
            for _choice, _score, position in hits:
                found.setdefault(self.owner[position])
        return [self.entities[i] for i in list(found)[: self.candidates]]

    def screen(self, row: dict[str, str]) -> list[tuple[str, float]]:
        """``(entity_id, score)`` of every retrieved candidate, best first."""
        query = self.query_entity(row)
        scored = [(c.id, float(LogicV2.compare(query, c, self.config).score)) for c in self.retrieve(query)]
        return sorted(scored, key=lambda pair: -pair[1])
