"""An alert's evidence side by side: the order's party against the list entry, word by word; the
ordered part against the catalogue entry and the drone it was found in; the red flags.

Reads the stored alert (``Alert.to_dict()``: each finding's rule, weight, text and, for decidable
findings, the pair and its evidence digest), asks the screening service to score the party name
against the listed entity again (so the words can be aligned), and looks catalogue parts up in the
bundled drone-component catalogue. Each decidable finding becomes a pair the review can decide on.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any

from chokepoint.errors import NotFound
from chokepoint.goods import Component, bundled_catalogue, normalise_manufacturer, same_manufacturer
from chokepoint.matching import Match, NameForm, Query, analyze, kind_of
from chokepoint.screening import ScreeningService, party_basis
from chokepoint.store import PairDecision, StoredAlert

__all__ = ["Evidence", "alert_evidence", "align_names"]

_QUOTED = re.compile(
    r"^(?P<role>[a-z -]+?) (?P<name>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\") (?P<verb>matches|resembles) "
)
_PAIR_NOTE = re.compile(r"(\S+)~(\S+) \((\w+) ([0-9.]+)\)")
_LONE_NOTE = re.compile(r"(unmatched|conflicting): ([^;]+)")


@dataclass
class Evidence:
    parties: list[dict[str, Any]] = field(default_factory=list)
    goods: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    """Decidable pairs: index, kind, query key, target id, label, basis, the standing decision."""

    def decisions(self, chosen: list[int]) -> list[PairDecision]:
        """The pair decisions a review records for the chosen pair indexes."""
        by_index = {p["index"]: p for p in self.pairs}
        return [
            PairDecision(p["kind"], p["query_key"], p["target_id"], p["basis"], {"label": p["label"]})
            for i in chosen
            if (p := by_index.get(i)) is not None
        ]


def _as_written(form: NameForm) -> dict[str, str]:
    """Token → the word as written, for names not in Latin letters whose words map one to one."""
    words = form.original.split()
    if form.script == "latin" or len(words) != len(form.tokens):
        return {}
    return dict(zip(form.tokens, words, strict=True))


def align_names(left: str, right: str, explanation: str, kind: str) -> list[dict[str, Any]]:
    """Word by word: which words of the two names were paired, how (same, spelling, romanisation,
    initial), and which stand alone; from the matcher's explanation of the comparison. Words of a
    name in another script keep the word as written (``written``) beside its romanisation."""
    q, c = analyze(left, kind), analyze(right, kind)
    paired = {a: (b, how, float(s)) for a, b, how, s in _PAIR_NOTE.findall(explanation)}
    lone = {w for how, words in _LONE_NOTE.findall(explanation) for w in words.split()}
    rows: list[dict[str, Any]] = []
    free = list(c.tokens)
    for word in q.tokens:
        if word in paired and paired[word][0] in free:
            other, how, score = paired[word]
            free.remove(other)
            rows.append({"query": word, "list": other, "how": how, "score": score})
        elif word in free and word not in lone:
            free.remove(word)
            rows.append({"query": word, "list": word, "how": "same", "score": 1.0})
        else:
            rows.append({"query": word, "list": "", "how": "only in the query", "score": 0.0})
    rows += [{"query": "", "list": w, "how": "only in the list entry", "score": 0.0} for w in free]
    written_q, written_c = _as_written(q), _as_written(c)
    for row in rows:
        row["query_written"] = written_q.get(row["query"])
        row["list_written"] = written_c.get(row["list"])
    forms = sorted(q.forms | c.forms)
    if forms:
        how = "legal form, differs"
        if not (q.forms and c.forms):
            how = "legal form, one side only"
        elif q.forms & c.forms:
            how = "legal form, same"
        rows.append({"query": " ".join(sorted(q.forms)), "list": " ".join(sorted(c.forms)), "how": how,
                     "score": None, "query_written": None, "list_written": None})  # fmt: skip
    return rows


def _rescore(service: ScreeningService, name: str, entity_id: str) -> Match | None:
    found = service.match(Query.from_row({"name": name}), limit=20, cutoff=0.0).matches
    return next((m for m in found if m.entity_id == entity_id), None)


def _party(service: ScreeningService, item: dict[str, Any]) -> dict[str, Any]:
    quoted = _QUOTED.match(item.get("text", ""))
    query = ast.literal_eval(quoted.group("name")) if quoted else item.get("query_key", "")
    row = dict(item) | {"query": query, "role": quoted.group("role") if quoted else "party"}
    row["address"] = bool(quoted and quoted.group("verb") == "resembles")
    entity_id = item.get("entity_id") or item.get("target_id", "")
    try:
        entity, _ = service.entity(entity_id)
    except NotFound:
        return row | {"listed": None}
    row["listed"] = {
        "caption": entity.caption,
        "schema": entity.schema.label,
        "programmes": entity.get("program", quiet=True)[:4],
        "url_id": entity.id,
    }
    match = None if row["address"] else _rescore(service, query, entity_id)
    if match is not None:
        name = match.scored.name
        row["name"] = {
            "left": name.left,
            "right": name.right,
            "score": name.score,
            "explanation": name.explanation,
        }
        row["words"] = align_names(name.left, name.right, name.explanation, kind_of(entity.schema.name))
        row["features"] = [
            {"name": f.name, "delta": f.delta, "detail": f.detail} for f in match.scored.features
        ]
        row["score_now"] = match.score
    row["basis_now"] = party_basis(entity)
    return row


def _goods(item: dict[str, Any]) -> dict[str, Any]:
    part, maker = item.get("catalogue_part", ""), item.get("manufacturer", "")
    wanted = normalise_manufacturer(maker)
    found: list[Component] = [
        c
        for c in bundled_catalogue()
        if c.part_number == part
        and same_manufacturer(normalise_manufacturer(c.manufacturer), wanted) is not False
    ]
    return dict(item) | {"components": found, "drones": sorted({c.found_in for c in found})}


def alert_evidence(service: ScreeningService, alert: StoredAlert) -> Evidence:
    """The alert's findings grouped for the page, and the pairs a review can decide."""
    evidence = Evidence()
    for item in alert.data.get("evidence", []):
        if item.get("decision_kind") == "party" or item.get("entity_id"):
            row = _party(service, item)
            evidence.parties.append(row)
        elif item.get("catalogue_part"):
            row = _goods(item)
            evidence.goods.append(row)
        else:
            evidence.flags.append(dict(item))
            continue
        if item.get("decision_kind") in ("party", "goods"):
            kind = item["decision_kind"]
            same = [
                p
                for p in evidence.pairs
                if (p["kind"], p["query_key"], p["target_id"]) == (kind, item["query_key"], item["target_id"])
            ]
            if same:
                row["pair"] = same[0]["index"]
                continue
            index = len(evidence.pairs)
            row["pair"] = index
            label = f"{row.get('query') or item['query_key']} ~ {item.get('caption') or item['target_id']}"
            basis = item.get("basis") or row.get("basis_now", "")
            standing = service.store.decisions_for(kind, item["query_key"]).get(item["target_id"])
            evidence.pairs.append(
                {
                    "index": index,
                    "kind": kind,
                    "query_key": item["query_key"],
                    "target_id": item["target_id"],
                    "label": label,
                    "basis": basis,
                    "standing": standing,
                }
            )
    return evidence
