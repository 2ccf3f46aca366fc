"""Manufacturer part numbers: normalised text, then exact, base and family keys.

:func:`normalise_part_number`: NFKC, upper case, Cyrillic/Greek look-alike letters to Latin (А→A,
В→B, С→C, ...), every run of separators to one ``-``. :func:`analyse_part` then strips packaging
suffixes and the package/temperature code by the convention of ``data/part_conventions.yaml`` and
finds the family. Lookup keys drop separators and fold letter O into digit 0; the fold is done only
on keys, after suffixes were read, and on both sides alike, so NE0-M8N finds NEO-M8N.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from chokepoint.goods._conventions import Convention, conventions
from chokepoint.goods._manufacturers import normalise_manufacturer

__all__ = ["PartKey", "analyse_part", "normalise_part_number", "part_key"]

_LOOKALIKES = str.maketrans(
    {
        **dict(zip("АВСЕНІЈКМОРЅТХУҮ", "ABCEHIJKMOPSTXYY", strict=True)),  # Cyrillic
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # Greek
        **dict.fromkeys("‐‑‒–—―−﹣－", "-"),
    }
)
_SEPARATORS = re.compile(r"[\s._,;:()\[\]{}<>\"'`|\\~*=!?-]+")
_OTHER = re.compile(r"[^\w/+#&-]|_")
_DASHES = re.compile(r"-{2,}")
_KEY = re.compile(r"[\W_]+")
_LETTERS = re.compile(r"(?P<base>.*\d)-?(?P<code>[A-Z]+)")
#: ASCII fast path: separators to "-", other punctuation dropped (the same result as the regexes)
_ASCII = str.maketrans(
    {
        **{chr(c): None for c in range(128) if not chr(c).isalnum() and chr(c) not in "/+#&"},
        **{chr(c): "-" for c in range(128) if _SEPARATORS.fullmatch(chr(c))},
    }
)
_ASCII_KEY = str.maketrans({c: None for c in (chr(i) for i in range(128)) if not c.isalnum()} | {"O": "0"})


def _once(text: str) -> str:
    if text.isascii():
        text = text.upper().translate(_ASCII)
    else:
        text = unicodedata.normalize("NFKC", text).upper().translate(_LOOKALIKES)
        text = _OTHER.sub("", _SEPARATORS.sub("-", text))
    return _DASHES.sub("-", text).strip("-") if "-" in text else text


def normalise_part_number(text: str) -> str:
    """Upper case, Latin look-alikes, one ``-`` per separator run; idempotent."""
    once = _once(text)
    return once if once.isascii() else _once(once)


def part_key(text: str) -> str:
    """The lookup key of a normalised part number: letters and digits only, O folded into 0."""
    if text.isascii():
        return text.translate(_ASCII_KEY)
    return _KEY.sub("", text).replace("O", "0")


@dataclass(frozen=True, slots=True)
class PartKey:
    text: str
    """The normalised part number."""
    exact: str
    """Key of the part number without packaging suffixes."""
    base: str
    """Key of the base part (package/temperature code stripped)."""
    family: str
    """Family key, or "" when no family rule fits."""
    base_text: str
    family_text: str
    packaging: str
    """Packaging suffixes removed, as written (``/NOPB``, ``+T``)."""
    code: str
    """Package/temperature/grade code removed (``PGFA``)."""
    code_label: str
    """What the code is, per convention ("TI package/temperature suffix")."""
    family_label: str
    lookalikes: str
    """Look-alike letters that were replaced ("Cyrillic ТМ"), or ""."""


def _packaging(text: str, convention: Convention) -> tuple[str, str]:
    removed: list[str] = []
    changed = True
    while changed and len(removed) < 8:
        changed = False
        for rule in convention.packaging:
            match = rule.pattern.search(text)
            if match and match.start() > 0:
                rest = text[: match.start()].rstrip("-/")
                if len(part_key(rest)) >= 3:
                    removed.insert(0, text[len(rest) :])
                    text, changed = rest, True
                    break
    return text, "".join(removed)


def _ordering(text: str, convention: Convention) -> tuple[str, str, str]:
    base, codes, labels = text, [], []
    for rule in convention.ordering:
        match = rule.pattern.fullmatch(base)
        if match is None:
            continue
        new = rule.pick(match, "base").strip("-/")
        if new and new != base and len(part_key(new)) >= 3:
            end = match.end(1 if rule.template else "base")
            codes.append(base[end:].lstrip("-"))
            labels.append(rule.label)
            base = new
        if rule.final:
            return base, "".join(codes), "; ".join(labels)
    match = _LETTERS.fullmatch(base) if convention.letters else None
    if match and len(match["code"]) <= convention.letters:
        key = part_key(match["base"])
        if len(key) >= 4 and re.search(r"[A-Z]", key):
            codes.append(match["code"])
            labels.append(f"{convention.label} package/temperature suffix".strip())
            base = match["base"]
    return base, "".join(codes), "; ".join(labels)


def _lookalikes(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    chars = [
        c
        for c in dict.fromkeys(folded)
        if c.isalpha() and not c.isascii() and c.translate(_LOOKALIKES).isascii()
    ]
    if not chars:
        return ""
    scripts = sorted({unicodedata.name(c, "OTHER").split()[0].title() for c in chars})
    return f"{'/'.join(scripts)} {''.join(chars)}"


@lru_cache(maxsize=1 << 18)
def analyse_part(part_number: str, manufacturer: str = "") -> PartKey:
    """Read a part number the way its manufacturer's convention builds it."""
    text = normalise_part_number(part_number)
    table = conventions()
    convention = table.choose(text, normalise_manufacturer(manufacturer).convention)
    rest, packaging = _packaging(text, convention)
    base_text, code, code_label = _ordering(rest, convention)
    family_text, family_label = table.family(base_text)
    return PartKey(
        text=text,
        exact=part_key(rest),
        base=part_key(base_text),
        family=part_key(family_text),
        base_text=base_text,
        family_text=family_text,
        packaging=packaging,
        code=code,
        code_label=code_label,
        family_label=family_label,
        lookalikes=_lookalikes(part_number) if not part_number.isascii() else "",
    )
