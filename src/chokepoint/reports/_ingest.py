"""Read articles: .txt/.md as written (UTF-8), .html via trafilatura, .pdf via pypdf; folders recursively.
Bad input raises :class:`InputError` naming the file (and line for undecodable bytes): missing path, file of
another type, folder without articles, NUL bytes, empty file, HTML/PDF without text. Mention offsets refer to
:attr:`Document.text` (the file itself for text and markdown; title plus main text for HTML and PDF).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chokepoint.errors import InputError
from chokepoint.reports._meta import complete_date, from_body, language_of, parse_date, read_header
from chokepoint.reports._text import mask_markdown

__all__ = ["EXTENSIONS", "Document", "discover", "read_document"]

#: File extensions read, and the reader used for each.
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
EXTENSIONS |= {".pdf": "pdf"}
MIN_WORDS = 5
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    id: str
    """``doc-`` plus a digest of the file's absolute path: ingesting the file again replaces it."""
    name: str
    """The path as shown in outputs: relative to the folder it was found in, or as given."""
    location: str
    """Absolute path."""
    format: str
    text: str
    body_start: int
    """Where the article starts in :attr:`text` (after ``Key: value`` header lines)."""
    title: str
    publisher: str
    published: date | None
    language: str
    dateline: tuple[int, int] | None = None
    lead_start: int = 0
    """Where the prose starts (after the title and the date and byline lines under it)."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def discover(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """(file, display name) for every article under ``paths``, in a stable order."""
    found: list[tuple[Path, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith(".")
            )
            if not files:
                raise InputError(f"no articles ({', '.join(sorted(EXTENSIONS))}) in this folder", path=path)
            found += [(p, p.relative_to(path).as_posix()) for p in files]
        elif path.is_file():
            if path.suffix.lower() not in EXTENSIONS:
                raise InputError(
                    f"unsupported file type {path.suffix or '(none)'!r}: expected "
                    f"{', '.join(sorted(EXTENSIONS))}",
                    path=path,
                )
            found.append((path, path.name))
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def _decode(data: bytes, path: Path, encoding: str = "utf-8") -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            "binary data (NUL byte): not a text file", path=path, line=data.count(b"\n", 0, nul) + 1
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not {encoding} text (byte 0x{data[exc.start]:02x})", path=path, line=line
        ) from None
    except LookupError:
        raise InputError(f"unknown character set {encoding!r}", path=path) from None


def _html(data: bytes, path: Path) -> tuple[str, dict[str, str]]:
    import trafilatura

    declared = _CHARSET.search(data[:4096])
    markup = _decode(data, path, declared.group(1).decode().lower() if declared else "utf-8")
    extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    result = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = str(result.get("text") or "").strip()
    body = re.sub(r"\n+", "\n\n", body)  # one paragraph per line: make each a sentence boundary
    if len(body.split()) < MIN_WORDS:  # a menu or a cookie banner is not an article
        raise InputError("no article text found in this HTML page", path=path)
    meta = {k: str(v) for k in ("title", "sitename", "date") if (v := result.get(k))}
    title = meta.get("title", "")
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    return text, meta


def _pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputError(f"unreadable PDF: {exc}", path=path) from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError("no text layer in this PDF (scanned pages are not read)", path=path)
    return text + "\n"


def read_document(path: Path, name: str) -> Document:
    """Read and describe one article."""
    kind = EXTENSIONS[path.suffix.lower()]
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    if not data.strip():
        raise InputError("empty file", path=path)
    meta: dict[str, str] = {}
    if kind == "html":
        text, meta = _html(data, path)
    elif kind == "pdf":
        text = _pdf(path)
    else:
        text = _decode(data, path)
        if not text.strip():
            raise InputError("empty file", path=path)
    header = read_header(text, markdown=kind == "markdown")
    if kind == "markdown":  # markup blanked out after the header is read: offsets stay the file's
        text = text[: header.body_start] + mask_markdown(text[header.body_start :])
        header.fields = {k: v for k, v in header.fields.items() if k in header.given}
        header.dateline = None
        from_body(text, header)
    fields = header.fields
    if not text[header.body_start :].strip():
        raise InputError("no article text after the header lines", path=path)
    # an HTML page's own metadata (site name, publication time) beats a dateline it reprints
    when = meta.get("date") or fields.get("date") or ""
    publisher = meta.get("sitename") or fields.get("publisher") or ""
    published = parse_date(when) if when else None
    if published is None and header.partial:  # "WASHINGTON, Sept 8 (Reuters) -": the year from elsewhere
        published = complete_date(header.partial, path.name, text[header.body_start :])
    location = str(path.resolve())
    return Document(
        id="doc-" + hashlib.sha256(location.encode("utf-8")).hexdigest()[:16],
        name=name,
        location=location,
        format=kind,
        text=text,
        body_start=header.body_start,
        title=(meta.get("title") or fields.get("title") or "").strip(),
        publisher=publisher.strip(),
        published=published,
        language=(fields.get("language") or language_of(text[header.body_start :]))[:16],
        dateline=header.dateline,
        lead_start=max(header.lead, header.body_start),
    )
