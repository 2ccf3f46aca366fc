"""Screen order lines (part number, manufacturer, description, HS code) for drone-relevant goods.

For each line: catalogue hits of its part number (``_index``), the CHPL tier of its HS code as
declared, or as guessed from the description or the hit's component type (``_hsinfer``); the
signals combine by ``_risk`` into ``risk`` in [0, 1], with one human-readable reason per signal.
Identical lines are screened once (order books repeat parts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from chokepoint.goods._chpl import TIERS, ChplEntry, chpl_entries, normalise_hs
from chokepoint.goods._hsinfer import HsGuess, infer_hs
from chokepoint.goods._index import CatalogueIndex, PartHit
from chokepoint.goods._risk import DEFAULT_THRESHOLD, catalogue_risk, combine, hs_risk

__all__ = ["GOODS_COLUMNS", "GoodsLine", "GoodsResult", "GoodsScreener", "screen_goods"]

#: Columns of an order book for ``screen goods`` (any cell may be blank).
GOODS_COLUMNS = ("part_number", "manufacturer", "description", "hs_code")


class GoodsLine(NamedTuple):
    part_number: str = ""
    manufacturer: str = ""
    description: str = ""
    hs_code: str = ""


@dataclass(frozen=True, slots=True)
class GoodsResult:
    row: int
    """1-based data row of the input."""
    flagged: bool
    risk: float
    reasons: tuple[str, ...]
    hits: tuple[PartHit, ...] = ()
    hs_code: str = ""
    """The HS code the CHPL check used (declared or guessed), or ""."""
    hs_source: str = ""
    """``declared``, ``description`` or ``catalogue``; "" when no code was known."""
    chpl_tier: str = ""
    """CHPL tier of that code, or "" when it is not on the CHPL."""

    @property
    def reason_text(self) -> str:
        return "; ".join(self.reasons)


_WHERE = {"description": "description", "catalogue": "catalogue's component type"}


def _top(entries: tuple[ChplEntry, ...]) -> ChplEntry | None:
    return min(entries, key=lambda e: TIERS.index(e.tier)) if entries else None


class GoodsScreener:
    """Screens :class:`GoodsLine` s against one catalogue index and the CHPL."""

    def __init__(
        self, index: CatalogueIndex, *, threshold: float = DEFAULT_THRESHOLD, max_reasons: int = 3
    ) -> None:
        self.index = index
        self.threshold = threshold
        self.max_reasons = max_reasons
        self._memo: dict[GoodsLine, GoodsResult] = {}

    def screen(self, line: GoodsLine, row: int = 0) -> GoodsResult:
        result = self._memo.get(line)
        if result is None:
            result = self._screen(line)
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[line] = result
        return dataclasses.replace(result, row=row) if row != result.row else result

    def _screen(self, line: GoodsLine) -> GoodsResult:
        hits = self.index.match(line.part_number, line.manufacturer) if line.part_number.strip() else ()
        reasons = [f"{h.level} match {h.confidence:.2f}: {h.explanation}" for h in hits[: self.max_reasons]]
        part = max((catalogue_risk(h.confidence, len(h.models)) for h in hits), default=0.0)
        hs_weight, code, source, tier = 0.0, normalise_hs(line.hs_code), "", ""
        if code:
            source = "declared"
            top = _top(chpl_entries(code))
            if top is not None:
                tier = top.tier
                hs_weight = hs_risk(tier, "declared" if len(code) >= 6 else "heading")
                reasons.append(
                    f"HS {code} is CHPL tier {tier} ({top.description})"
                    if len(code) >= 6
                    else f"HS heading {code} holds CHPL tier {tier} codes ({top.description}, ...)"
                )
            else:
                guess, where = self._guess(line, hits)
                top = _top(chpl_entries(guess.code)) if guess and len(guess.code) == 6 else None
                if guess and top is not None:
                    hs_weight = hs_risk(top.tier, "contradicted")
                    reasons.append(
                        f"HS {code} is not on the CHPL but the {_WHERE[where]} ({guess.keyword!r}) points to "
                        f"{guess.code}, CHPL tier {top.tier} ({top.description})"
                    )
        else:
            guess, source = self._guess(line, hits)
            if guess is not None:
                code, hs_weight, tier, reason = self._guessed(guess, source)
                if reason:
                    reasons.append(reason)
            else:
                source = ""
        risk = combine((hs_weight, part))
        return GoodsResult(
            0,
            risk >= self.threshold,
            risk,
            tuple(r.replace(";", ",") for r in reasons),
            hits,
            code,
            source,
            tier,
        )

    @staticmethod
    def _guess(line: GoodsLine, hits: tuple[PartHit, ...]) -> tuple[HsGuess | None, str]:
        """An HS guess from the description, else from the best hit's component type."""
        guess = infer_hs(line.description)
        if guess is None and hits:
            return infer_hs(hits[0].components[0].component_type), "catalogue"
        return guess, "description"

    @staticmethod
    def _guessed(guess: HsGuess, source: str) -> tuple[str, float, str, str]:
        top = _top(chpl_entries(guess.code))
        if top is None:
            return guess.code, 0.0, "", ""
        said = f"no HS code given, the {_WHERE[source]} ({guess.keyword!r}) points to"
        if len(guess.code) >= 6:
            reason = f"{said} HS {guess.code}, CHPL tier {top.tier} ({top.description})"
            return guess.code, hs_risk(top.tier, "guessed"), top.tier, reason
        reason = f"{said} HS heading {guess.code} ({guess.label}), which holds CHPL tier {top.tier} codes"
        return guess.code, hs_risk(top.tier, "heading"), "", reason


def screen_goods(lines: Iterable[GoodsLine], screener: GoodsScreener) -> Iterator[GoodsResult]:
    """Screen lines in order; ``row`` counts from 1."""
    for row, line in enumerate(lines, start=1):
        yield screener.screen(line, row)
