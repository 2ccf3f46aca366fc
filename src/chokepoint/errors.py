"""The one exception family of chokepoint.

Every error that crosses a package boundary is one of these::

    ChokepointError                 exit 1, HTTP 500
    ├── InputError                  exit 2, HTTP 422: bad file or request (path, line, field)
    │   ├── ListFormatError         a sanctions-list file that is not what it claims to be
    │   └── CSVColumnError          a CSV file without the columns a reader needs
    ├── NotFound                    exit 2, HTTP 404: no such entity, version, ...
    ├── StoreError                  exit 1, HTTP 500: the store cannot be opened or written
    └── ConfigError                 exit 2, HTTP 500: a setting has a value that cannot work

``str(err)`` renders ``FILE[:LINE]: what is wrong`` so that the command line prints
``error: `` plus that and exits with ``err.exit_code`` (see DESIGN.md, "Bad input").
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CSVColumnError",
    "ChokepointError",
    "ConfigError",
    "InputError",
    "ListFormatError",
    "NotFound",
    "StoreError",
]


class ChokepointError(Exception):
    """Base class: a message plus, where known, the file, line and field at fault."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field

    def where(self) -> str | None:
        """``FILE[:LINE]`` or ``field FIELD``, whichever is known."""
        if self.path is not None:
            return f"{self.path}:{self.line}" if self.line is not None else self.path
        if self.field is not None:
            return f"field {self.field}"
        return None

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(ChokepointError):
    """The input (a file, a row, a request field) is wrong; nothing was written."""

    exit_code = 2
    http_status = 422


class ListFormatError(InputError):
    """A sanctions-list file is truncated, malformed or not of the expected format."""


class CSVColumnError(InputError):
    """A CSV file lacks the columns its reader needs."""


class NotFound(ChokepointError):
    """The thing asked for (entity, list version, ...) does not exist."""

    exit_code = 2
    http_status = 404


class StoreError(ChokepointError):
    """The store cannot be opened, migrated or written."""


class ConfigError(ChokepointError):
    """A setting has a value that cannot work."""

    exit_code = 2
