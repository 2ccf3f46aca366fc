"""Screening: parties (and, later, goods and whole transactions) → alerts with reasons.

:func:`screen_parties` runs a :class:`~chokepoint.matching.Matcher` over the rows of a
party CSV, on several processes for large files, and yields one output row per
(input row, candidate) with the score and the explanation of every feature.
"""

from chokepoint.screening._parties import OUTPUT_COLUMNS, PartyRow, read_parties, screen_parties

__all__ = ["OUTPUT_COLUMNS", "PartyRow", "read_parties", "screen_parties"]
