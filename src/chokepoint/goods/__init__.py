"""Goods: HS codes and the Common High Priority List, manufacturer part numbers, drone-component catalogues.

Owns the CHPL (50 HS-6 codes in tiers, shipped as ``data/chpl.csv``), manufacturer names with
aliases and acquisitions, part-number normalisation (look-alike letters, packaging and
package/temperature suffixes per manufacturer convention, families), catalogues of components
documented in weapons (a small bundled one; users load theirs), transshipment jurisdictions, and
goods screening: :class:`GoodsScreener` turns order lines into a risk in [0, 1] with reasons.
"""

from chokepoint.goods._catalogue import (
    BUNDLED_CATALOGUE,
    CATALOGUE_COLUMNS,
    JURISDICTION_COLUMNS,
    Component,
    Jurisdiction,
    bundled_catalogue,
    load_catalogue,
    load_catalogues,
    load_jurisdictions,
)
from chokepoint.goods._chpl import (
    CHPL_SOURCE,
    TIERS,
    ChplEntry,
    chpl_entries,
    chpl_table,
    load_chpl,
    normalise_hs,
)
from chokepoint.goods._hsinfer import HsGuess, infer_hs
from chokepoint.goods._index import LEVEL_CONFIDENCE, OTHER_MAKER, CatalogueIndex, PartHit
from chokepoint.goods._io import RESULT_COLUMNS, read_goods_lines, write_goods_results
from chokepoint.goods._manufacturers import Manufacturer, normalise_manufacturer, same_manufacturer
from chokepoint.goods._partnumbers import PartKey, analyse_part, normalise_part_number, part_key
from chokepoint.goods._risk import DEFAULT_THRESHOLD, HS_WEIGHT, TIER_RISK, catalogue_risk, combine, hs_risk
from chokepoint.goods._screen import GOODS_COLUMNS, GoodsLine, GoodsResult, GoodsScreener, screen_goods

__all__ = [
    "BUNDLED_CATALOGUE",
    "CATALOGUE_COLUMNS",
    "CHPL_SOURCE",
    "DEFAULT_THRESHOLD",
    "GOODS_COLUMNS",
    "HS_WEIGHT",
    "JURISDICTION_COLUMNS",
    "LEVEL_CONFIDENCE",
    "OTHER_MAKER",
    "RESULT_COLUMNS",
    "TIERS",
    "TIER_RISK",
    "CatalogueIndex",
    "ChplEntry",
    "Component",
    "GoodsLine",
    "GoodsResult",
    "GoodsScreener",
    "HsGuess",
    "Jurisdiction",
    "Manufacturer",
    "PartHit",
    "PartKey",
    "analyse_part",
    "bundled_catalogue",
    "catalogue_risk",
    "chpl_entries",
    "chpl_table",
    "combine",
    "hs_risk",
    "infer_hs",
    "load_catalogue",
    "load_catalogues",
    "load_chpl",
    "load_jurisdictions",
    "normalise_hs",
    "normalise_manufacturer",
    "normalise_part_number",
    "part_key",
    "read_goods_lines",
    "same_manufacturer",
    "screen_goods",
    "write_goods_results",
]
