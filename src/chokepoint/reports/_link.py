"""Mentions of one sentence: exact gazetteer hits (filtered by :mod:`._rules`), then candidate spans not
covered by a hit sent to the :class:`~chokepoint.matching.Matcher` (whole span first, then its parts);
overlaps settled linked-first, then longest (:mod:`._candidates`, which also links surnames and initials
article-wide).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from chokepoint.goods import normalise_manufacturer
from chokepoint.matching import DEFAULT_THRESHOLD, Matcher, Query, analyze, kind_of
from chokepoint.model import Entity
from chokepoint.reports._candidates import Candidate, and_parts, settle, uncovered
from chokepoint.reports._gazetteer import KIND_OF_SCHEMA, Entry, Gazetteer
from chokepoint.reports._rules import MARITIME, common_words, covered, hit_ok, reference_ok
from chokepoint.reports._spans import ORG_WORDS, Span, find_spans
from chokepoint.reports._text import Token

__all__ = ["Linker"]

_POSSESSIVE = re.compile(r"['’]s\b")
SCORE_WEAK = 0.9
SCORE_DERIVED = 0.95
PLACE_ONLY_SCORE = 0.85  # a span whose only distinctive words are places needs this much


def _best(entries: list[Entry]) -> tuple[Entry, tuple[str, ...]]:
    ranked = sorted(entries, key=lambda e: (e.weak, e.derived, e.entity_id or ""))
    ids = tuple(dict.fromkeys(e.entity_id for e in ranked if e.entity_id))
    return ranked[0], ids[1:]


class Linker:
    """Gazetteer plus matcher over the listed subjects it was built from."""

    def __init__(self, entities: Iterable[Entity] = (), *, threshold: float = DEFAULT_THRESHOLD) -> None:
        subjects = list(entities)
        self.gazetteer = Gazetteer()
        self.gazetteer.add_references()
        self.size = self.gazetteer.add_entities(subjects)
        self.matcher = Matcher.from_entities(subjects) if subjects else None
        self.threshold = threshold

    def sentence(self, text: str, toks: list[Token]) -> list[Candidate]:
        """Mentions in one sentence (token indices relative to ``toks``)."""
        sentence = text[toks[0].start : toks[-1].end] if toks else ""
        found: list[Candidate] = []
        for hit in self.gazetteer.find(toks):
            listed = [
                e for e in hit.entries if e.entity_id and hit_ok(e, toks, hit.first, hit.last, sentence)
            ]
            refs = [e for e in hit.entries if e.ref and reference_ok(e, toks, hit.first, hit.last)]
            if not listed and not refs:
                continue
            ref = refs[0] if refs else None
            if listed:
                entity, others = _best(listed)
                score = SCORE_WEAK if entity.weak else SCORE_DERIVED if entity.derived else 1.0
                if entity.kind == "person" and entity.derived and not entity.weak:
                    score = 1.0  # "Abdollah Mehrabi" for "MEHRABI, Abdollah" is the same name
                found.append(
                    Candidate(hit.first, hit.last, entity.kind, "gazetteer", entity, ref, score, "", others)
                )
            elif ref is not None:
                found.append(Candidate(hit.first, hit.last, ref.kind, "gazetteer", None, ref, 1.0))
        for group in find_spans(text, toks):
            found.extend(self._spans(text, toks, group, found))
        return settle(found)

    def _spans(
        self, text: str, toks: list[Token], group: list[Span], hits: list[Candidate]
    ) -> list[Candidate]:
        out: list[Candidate] = []
        part_named = False
        for span in group:
            if span is not group[0] and any(c.first <= span.first and span.last <= c.last for c in hits):
                part_named = True  # "Odesa and Kharkiv", "Assembly of Geran-2": the parts are the names
            if any(c.first <= span.first and span.last <= c.last for c in hits + out if c.entity):
                continue
            # "Ships of Safe Seas Ship Management": the listed name inside is the mention, unless the whole
            # is a listed name too ("Ministry of Defence and Armed Forces Logistics")
            inner = any(span.first <= c.first and c.last <= span.last for c in hits if c.entity)
            if any(span.first < c.last and c.first < span.last for c in out):
                continue
            linked = self._match(text, toks, span)
            if linked is not None and (not inner or (linked.score or 0.0) >= SCORE_DERIVED):
                out.append(linked)
        whole = group[0]
        if out or not (whole.size >= 2 or whole.title):
            return out
        parts = and_parts(toks, whole)
        if part_named:  # "Analog Devices and Linear Technology": the other part may still be a name
            parts = [p for p in parts if not any(c.first <= p.first and p.last <= c.last for c in hits)]
            parts = parts or uncovered(toks, whole, hits)
            if not parts:
                return out
        if whole.first == 0 and whole.size >= 4 and toks[1].norm == "of" and len(group) > 1:
            parts = [p for p in group[1:] if p.first >= 2 and p.last == whole.last][:1]  # "Drones of the X"
        for span in parts or [whole]:
            maker = normalise_manufacturer(text[toks[span.first].start : toks[span.last - 1].end])
            if maker.known and span.size >= 2:  # "Linear Technology": a maker the goods package knows
                entry = Entry(maker.name, "component", ref=f"maker:{maker.name}")
                out.append(Candidate(span.first, span.last, "component", "span", None, entry, 1.0))
                continue
            words = {t.norm for t in toks[span.first : span.last]}
            sentence = text[toks[0].start : toks[-1].end]
            kind = "person" if span.title else "organisation" if words & ORG_WORDS else "other"
            if toks[span.last - 1].norm.isdigit() and MARITIME.search(sentence):
                kind = "vessel"  # "Port Olya-3 sailed": a ship's name with its number
            out.append(Candidate(span.first, span.last, kind, "span", title=span.title))
        return out

    def _match(self, text: str, toks: list[Token], span: Span) -> Candidate | None:
        words = toks[span.first : span.last]
        acronym = span.size == 1 and _known_acronym(words[0])  # "IRGC", "MODAFL": the matcher expands them
        if self.matcher is None or (span.size < 2 and not acronym):
            return None
        name = _POSSESSIVE.sub("", text[words[0].start : words[-1].end])
        common = common_words()
        distinctive = [t for t in words if t.norm not in common and t.norm not in ORG_WORDS]
        if not distinctive and span.size < 3:
            return None
        words_lower = {t.norm for t in words}
        schema = (
            "Person"
            if span.title
            else "Organization"
            if words_lower & ORG_WORDS or acronym
            else "LegalEntity"
        )
        results = self.matcher.match(Query(schema=schema, names=(name,)), threshold=self.threshold, limit=5)
        top = [r for r in results if r.match and r.score >= results[0].score - 1e-9]
        top = [
            r
            for r in top
            if covered(
                name, r.scored.name.right, kind_of(r.schema) if schema == "LegalEntity" else kind_of(schema)
            )
        ]
        if not top or (not distinctive and top[0].score < PLACE_ONLY_SCORE):
            return None
        if len({r.source for r in top}) < len(top):
            return None  # two entries of one list fit equally well: not ours to choose
        # the same score on several lists: usually one party listed by each; take the closest spelling
        top.sort(key=lambda r: -fuzz.ratio(name.lower(), r.scored.name.right.lower()))
        best = top[0]
        entry = Entry(
            best.caption,
            KIND_OF_SCHEMA.get(best.schema, "other"),
            best.entity_id,
            None,
            best.list_ref,
            best.source,
        )
        others = tuple(r.entity_id for r in top[1:])
        return Candidate(
            span.first, span.last, entry.kind, "matcher", entry, None, best.score, span.title, others
        )


def _known_acronym(tok: Token) -> bool:
    return tok.text.isupper() and len(tok.text) >= 3 and len(analyze(tok.text, "organisation").tokens) >= 2
