"""chokepoint's settings: one table of (name, environment variable, default, help).

The CLI and the API read these once and pass values down as keyword arguments;
library code never reads ``os.environ`` itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["DEFAULT_DB", "SETTINGS", "Setting", "env_str"]

#: The store used when neither ``--db`` nor ``CHOKEPOINT_DB`` names one.
DEFAULT_DB = "chokepoint.db"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "CHOKEPOINT_DB", DEFAULT_DB, "Store: a SQLite file path or a SQLAlchemy URL."),
)


def env_str(setting: Setting) -> str:
    """The setting's value from the environment, or its default."""
    return os.environ.get(setting.env) or setting.default
