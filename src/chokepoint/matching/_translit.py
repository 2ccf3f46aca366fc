"""Script detection and transliteration of names to lowercase ASCII.

Persian and Arabic (with پ چ ژ گ ک ی and the zero-width non-joiner) and Cyrillic (Russian,
Ukrainian, Belarusian) use our own tables, tuned for names: long vowels ا و ی become
vowels inside a word and consonants where they start one, خ is ``kh``, х is ``kh``.
Other scripts go through normality's ICU-based ``ascii_text``.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from normality import ascii_text
from rapidfuzz.distance import Levenshtein

__all__ = ["ideograph_similarity", "ideographic", "script_of", "to_ascii"]

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g w".split(),
        strict=True,
    )
)
_CYRILLIC = {k: ("" if v == "-" else v) for k, v in _CYRILLIC.items()}

# Arabic-script consonants; the long vowels and hamza carriers are handled in _arabic().
_ARABIC = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "th", "ج": "j", "چ": "ch", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "ة": "a", "ء": "", "ؤ": "u", "ئ": "i",
}  # fmt: skip
_ALEF = set("اآأإٱ")
_WAW = "و"
_YEH = set("یيېى")  # ى (alef maksura) is how Persian final ی is often typed
_ZWNJ = "\u200c"
_DIGRAPH_HEADS = frozenset("skzcgtd")
# Latin letters with a caron or cedilla are digraphs in English spelling (Ivanović = Ivanovich, تش)
_DIGRAPHS = str.maketrans({"č": "ch", "ć": "ch", "ç": "ch", "š": "sh", "ş": "sh", "ž": "zh"})
_PERSIAN = set("پچژگکی")  # letters only Persian writes: its words have no Arabic article, and ث is s
_HARAKAT = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}  # short vowels, tatweel


def script_of(text: str) -> str:
    """``latin``, ``cyrillic``, ``arabic``, ``other`` or ``mixed`` for the letters of ``text``."""
    if text.isascii():
        return "latin"  # also when it has no letters at all, as below
    seen: set[str] = set()
    for char in text:
        if not char.isalpha():
            continue
        code = ord(char)
        if code < 0x250:
            seen.add("latin")
        elif 0x400 <= code < 0x530:
            seen.add("cyrillic")
        elif 0x600 <= code < 0x700 or 0xFB50 <= code < 0xFF00 or 0x750 <= code < 0x780:
            seen.add("arabic")
        else:
            seen.add("other")
    if not seen:
        return "latin"
    return seen.pop() if len(seen) == 1 else "mixed"


def _arabic_word(word: str) -> str:
    if "-" in word:  # عباس-علی: each part starts a word (Abbas-Ali)
        return "-".join(_arabic_word(part) for part in word.split("-"))
    chars = [c for c in word if c not in _HARAKAT and c != _ZWNJ]
    persian = not _PERSIAN.isdisjoint(chars)
    out: list[str] = []
    skip_yeh = False
    for i, char in enumerate(chars):
        prev = chars[i - 1] if i else ""
        if char in _ALEF:
            # Persian initial ای before a consonant is the vowel i (ایران Iran, ایمن Imen)
            if (
                i == 0
                and persian
                and chars[1:2]
                and chars[1] in _YEH
                and chars[2:3]
                and chars[2] not in _ALEF
            ):
                out.append("i")
                skip_yeh = True
                continue
            out.append("i" if char == "إ" else "a")
        elif char == _WAW:
            # a consonant at the start of a word, after a medial vowel letter or before one
            # (Damavandian, Mousavi); else the vowel u/o (Mahmoud, and initial او as in Omalley)
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            after = chars[i + 2] if i + 2 < len(chars) else ""
            vowel_next = nxt in _ALEF or (nxt in _YEH and after not in _ALEF)  # not Pouya / پویا
            consonant = i == 0 or (prev in _ALEF and i > 1) or prev == _WAW or vowel_next
            if prev == _WAW and out[-1:] == ["v"]:
                consonant = False  # the second of two: a vowel after a consonant و (داوود = Davud)
            out.append("v" if consonant else "u")
        elif char == "ع":
            out.append("a" if i == 0 else "")  # Ali, Abbas, Abdollah: a vowel sound at the start
        elif char in _YEH:
            if i == 1 and skip_yeh:
                continue
            out.append("y" if i == 0 or prev in _ALEF else "i")
        elif char == "ث" and persian:
            out.append("s")  # Kowsari / کوثری
        else:
            letter = _ARABIC.get(char, char)
            if letter == "h" and out and out[-1][-1:] in _DIGRAPH_HEADS:
                letter = "ah"  # صحرا is Sahra, not "Shra": no accidental sh/kh/zh/th
            out.append(letter)
    text = "".join(out)
    if text.startswith("al") and len(text) > 4 and chars[:2] == ["ا", "ل"] and not persian:
        text = "al " + text[2:]
    return text


def _arabic(text: str) -> str:
    return " ".join(_arabic_word(w) for w in text.replace(_ZWNJ, "").split())


@lru_cache(maxsize=200_000)
def to_ascii(text: str) -> str:
    """Lowercase ASCII for any name; letters of unknown scripts go through ICU."""
    text = unicodedata.normalize("NFKC", text).lower()
    if text.isascii():
        return text
    out: list[str] = []
    for word in text.split():
        script = script_of(word)
        if script == "cyrillic":
            out.append("".join(_CYRILLIC.get(c, c) for c in word))
        elif script == "arabic":
            out.append(_arabic(word))
        elif script == "mixed" and all(script_of(c) in ("latin", "cyrillic") for c in word if c.isalpha()):
            out.append("".join(_CYRILLIC.get(c, c) for c in word))  # Latin look-alikes in Cyrillic
        else:
            out.append((ascii_text(word.translate(_DIGRAPHS)) or "").lower())
    result = " ".join(out)
    return result if result.isascii() else (ascii_text(result) or "").lower()


def _ideographic(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code < 0x3100
        or 0x4E00 <= code < 0xA000
        or 0xAC00 <= code < 0xD7B0
        or 0x3400 <= code < 0x4DC0
    )


def ideographic(text: str) -> bool:
    """The letters of ``text`` (one at least) are all Chinese, Japanese or Korean characters."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(map(_ideographic, letters))


def ideograph_similarity(left: str, right: str) -> float | None:
    """For two names written in Chinese, Japanese or Korean characters: the share of characters
    in common (None otherwise). Romanisation loses what one character changes (김정은 / 김종은)."""
    a = [c for c in left if c.isalpha()]
    b = [c for c in right if c.isalpha()]
    if not a or not b or not all(map(_ideographic, a)) or not all(map(_ideographic, b)):
        return None
    return Levenshtein.normalized_similarity(a, b)
