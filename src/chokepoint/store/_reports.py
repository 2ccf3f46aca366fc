"""Ingested reports as methods of the store: documents, their mentions and dated claims.

Tables ``documents``, ``mentions`` and ``claims`` (``_schema.py``); a document's FtM ``Document``
entity and each mention's FtM ``Mention`` entity are kept in their ``data`` columns.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["ReportShelf"]


class ReportShelf:
    """Mixed into :class:`~chokepoint.store.Store`: needs ``self.engine`` and ``self.display``."""

    engine: sa.Engine
    display: str
