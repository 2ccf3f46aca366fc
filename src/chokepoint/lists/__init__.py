"""Readers for published sanctions lists, into FollowTheMoney entities.

Formats: OFAC legacy CSV sets (SDN and consolidated), OFAC Enhanced XML, UN Security
Council consolidated XML, the US Consolidated Screening List CSV and OpenSanctions
FtM JSON lines. The format is detected from the content; :func:`read_lists` returns
parsed :class:`ListData` (entities plus version metadata) without touching the store.
"""

from chokepoint.lists._base import ListData, ListFile, version_record
from chokepoint.lists._load import FORMATS, detect_format, read_lists
from chokepoint.lists._open import open_path, unpack

__all__ = [
    "FORMATS",
    "ListData",
    "ListFile",
    "detect_format",
    "open_path",
    "read_lists",
    "unpack",
    "version_record",
]
