"""The name vocabulary (data/terms.yml): legal forms, generic words, titles.

Loaded once and checked as it loads: a malformed file raises InputError with its path.
Every spelling is reduced with :func:`to_ascii` so lookups work on transliterated tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from chokepoint.errors import InputError
from chokepoint.matching._translit import to_ascii

__all__ = ["Terms", "terms"]

#: Gender and case endings of transliterated Russian adjectives (-yy, -aya, -ogo …).
ADJECTIVE_ENDINGS = (
    "yy|iy|ij|ii|aya|aia|oye|oe|oy|ogo|ykh|ikh|uyu|yye|yi|ym|om|oi"
    "|ie|iye|im|imi|ymi|ey|ee|eye|omu|emu|ego|em|yaya|yuyu"  # plurals, soft stems, other cases
)
#: A transliterated Russian adjective: a stem of 5 letters or more and its ending.
ADJECTIVE_ENDING = re.compile(rf"([a-z]{{5,}}?)({ADJECTIVE_ENDINGS})")
PATH = Path(__file__).with_name("data") / "terms.yml"


@dataclass(frozen=True)
class Terms:
    forms: dict[str, str]
    """Spelling (one or more words) → legal-form family."""
    generic: dict[str, str]
    """Generic organisation word → its canonical English word."""
    generic_stems: dict[str, str]
    """Stem of a Russian adjective among the generic words → its canonical English word, so every
    gender and case of it is generic too (gosudarstvennyy, gosudarstvennaya → state)."""
    translated: dict[str, str]
    """Word of what an organisation does or holds → its English word (full weight, unlike generic)."""
    translated_stems: dict[str, str]
    """Stem of a Russian adjective among the translated words → its English word."""
    russian_initials: dict[str, frozenset[str]]
    """Canonical generic or translated word → the letters its Russian spellings give an acronym
    (plant: z for завод; research: n, ni for научно-исследовательский)."""
    titles: frozenset[str]
    """Titles and ranks, single words or phrases."""
    acronyms: dict[str, tuple[str, ...]]
    """Acronym → the words it stands for."""
    compounds: dict[str, tuple[str, ...]]
    """One word → the generic words it stands for (радиозавод → radio plant)."""
    compound_stems: dict[str, tuple[str, ...]]
    """Stem of a Russian adjective among the compounds → its generic words (every gender and case)."""
    max_phrase: int
    """Longest phrase (in words) among forms and titles."""
    given: dict[str, frozenset[str]]
    """Given-name spelling → the groups it belongs to (one name across languages)."""


def _phrases(data: object, path: Path, key: str) -> dict[str, list[str]]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v)
        for k, v in data.items()
    ):
        raise InputError(f"{key} must map names to lists of strings", path=path)
    return data


def _vocabulary(data: dict, path: Path, key: str, default: object = None) -> dict[str, str]:
    """Spelling (in ASCII) → canonical English word, for the ``generic`` and ``translated`` sections."""
    return {
        " ".join(to_ascii(s).split()): canon
        for canon, spellings in _phrases(data.get(key, default), path, key).items()
        for s in [canon, *spellings]
    }


_CYRILLIC_WORD = re.compile(r"[а-яёіїєґў]+")


def _russian_initials(data: dict) -> dict[str, frozenset[str]]:
    """The acronym letters (transliterated) of each canonical word's Cyrillic one-word spellings."""
    out: dict[str, set[str]] = {}
    for key in ("generic", "translated"):
        for canon, spellings in (data.get(key) or {}).items():
            for spelling in spellings:
                parts = _CYRILLIC_WORD.findall(spelling.lower())
                if parts and " " not in spelling.strip():
                    out.setdefault(canon, set()).add("".join(to_ascii(p[0]) for p in parts))
    return {k: frozenset(v) for k, v in out.items()}


def _stems(words: dict[str, str]) -> dict[str, str]:
    return {m.group(1): canon for word, canon in words.items() if (m := ADJECTIVE_ENDING.fullmatch(word))}


@cache
def terms(path: Path = PATH) -> Terms:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the name vocabulary: {exc}", path=path) from None
    if not isinstance(data, dict):
        raise InputError("the name vocabulary must be a mapping", path=path)
    forms = {
        " ".join(to_ascii(s).replace(".", "").split()): family
        for family, spellings in _phrases(data.get("org_forms"), path, "org_forms").items()
        for s in [family, *spellings]
    }
    generic = _vocabulary(data, path, "generic")
    translated = _vocabulary(data, path, "translated", {})  # optional, like compounds
    titles_raw = data.get("titles")
    if not isinstance(titles_raw, list) or not all(isinstance(t, str) for t in titles_raw):
        raise InputError("titles must be a list of strings", path=path)
    titles = frozenset(" ".join(to_ascii(t).split()) for t in titles_raw)
    raw = data.get("acronyms")
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise InputError("acronyms must map acronyms to their expansion", path=path)
    acronyms = {to_ascii(k): tuple(to_ascii(v).split()) for k, v in raw.items()}
    stems = _stems(generic)
    compounds = {
        to_ascii(s): tuple(canon.split())
        for canon, spellings in _phrases(data.get("compounds", {}), path, "compounds").items()
        for s in spellings
    }
    if unknown := sorted({w for words in compounds.values() for w in words} - set(generic) - set(translated)):
        raise InputError(f"compounds must be made of generic words: {', '.join(unknown)}", path=path)
    compound_stems = {m.group(1): v for k, v in compounds.items() if (m := ADJECTIVE_ENDING.fullmatch(k))}
    longest = max((len(p.split()) for p in [*forms, *titles]), default=1)
    given: dict[str, set[str]] = {}
    for group, spellings in _phrases(data.get("given_names"), path, "given_names").items():
        for spelling in spellings:
            given.setdefault(to_ascii(spelling), set()).add(group)
    return Terms(
        forms=forms,
        generic=generic,
        generic_stems=stems,
        translated=translated,
        translated_stems=_stems(translated),
        russian_initials=_russian_initials(data),
        titles=titles,
        acronyms=acronyms,
        compounds=compounds,
        compound_stems=compound_stems,
        max_phrase=longest,
        given={k: frozenset(v) for k, v in given.items()},
    )
