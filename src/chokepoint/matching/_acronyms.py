"""Acronyms made in another language: ТМЗ / TMZ for Tutaev Motor Plant (Тутаевский Моторный
Завод), НИИ for a research institute (научно-исследовательский институт), ИРЗ for Izhevsk Radio Plant.

Each word of the long name gives the letters an acronym may take from it: its own first letter
(or first transliterated unit: Ch, Sh, Ya …) and, for a generic or translated word, the initials
of its Russian spellings in data/terms.yml (plant: z for завод). A company word ("компания")
may give its letter or none. The words are walked in turn, or, after the first, in any order: a
Russian noun comes before its genitive modifier (УКБП, Ulyanovsk Instrument Design Bureau). Worked
out once per name (cached), so a comparison only walks it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chokepoint.matching._terms import ADJECTIVE_ENDING, Terms, terms
from chokepoint.matching._translit import to_ascii

__all__ = ["foreign_acronym"]

_WORD = re.compile(r"[^a-z0-9]+")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^]]*\]")  # "(514 ARZ)" restates the name: not words of it
#: Words acronyms leave out: glue in English and Russian (и, по, при, с, в, на).
_SKIP = frozenset({"and", "of", "the", "for", "i", "po", "pri", "s", "v", "na"})
#: "… named after X" (имени, им.): acronyms end before it.
_STOP = frozenset({"named", "imeni", "im"})
#: Cyrillic letters written with two or more Latin letters: their acronym letter is all of them.
_UNITS = ("shch", "zh", "kh", "ts", "ch", "sh", "ya", "yu", "ye", "yo")

Options = tuple[tuple[frozenset[str], bool], ...]


def _canonical(word: str, vocab: Terms) -> tuple[str, ...]:
    """The canonical generic or translated words ``word`` stands for (none for a distinctive word)."""
    if parts := vocab.compounds.get(word):
        return parts
    for table, stems in ((vocab.generic, vocab.generic_stems), (vocab.translated, vocab.translated_stems)):
        if found := table.get(word):
            return (found,)
        if (m := ADJECTIVE_ENDING.fullmatch(word)) and (found := stems.get(m.group(1))):
            return (found,)
    return ()


def _first(word: str) -> set[str]:
    return {word[0]} | {unit for unit in _UNITS if word.startswith(unit)}


def _form_at(words: list[str], i: int, vocab: Terms) -> tuple[int, str]:
    """(words, family) of the legal form starting at ``words[i]``, (0, "") if none."""
    for size in range(min(vocab.max_phrase, len(words) - i), 0, -1):
        if (family := vocab.forms.get(" ".join(words[i : i + size]))) is not None:
            return size, family
    return 0, ""


@lru_cache(maxsize=100_000)
def _options(name: str) -> Options:
    """Per word of ``name`` (legal forms, glue and numbers left out): the letters it may give an
    acronym, and whether it may give none (a company word)."""
    vocab = terms()
    words = [w for w in _WORD.split(to_ascii(_BRACKETED.sub(" ", name))) if w and not w.isdigit()]
    out: list[tuple[frozenset[str], bool]] = []
    i = 0
    while i < len(words):
        size, family = _form_at(words, i, vocab)
        if size:
            if family == "co" and size == 1:  # компания, корпорация: in Russian acronyms, or not
                out.append((frozenset(_first(words[i]) | {"k"}), True))
            i += size
            continue
        word = words[i]
        i += 1
        if word in _STOP:
            break
        if word in _SKIP:
            continue
        parts = _canonical(word, vocab)
        if len(parts) > 1:  # радиозавод: р + з
            out.extend((frozenset(vocab.russian_initials.get(p, ())), False) for p in parts)
            out[len(out) - len(parts)] = (out[len(out) - len(parts)][0] | _first(word), False)
        else:
            extra = vocab.russian_initials.get(parts[0], frozenset()) if parts else frozenset()
            out.append((frozenset(_first(word)) | extra, False))
    return tuple(out)


def _walk(acronym: str, options: Options, k: int) -> bool:
    if k == len(options):
        return not acronym
    letters, optional = options[k]
    if optional and _walk(acronym, options, k + 1):
        return True
    return any(acronym.startswith(x) and _walk(acronym[len(x) :], options, k + 1) for x in letters)


def _walk_reordered(acronym: str, options: Options, left: frozenset[int]) -> bool:
    """As :func:`_walk`, the words in any order: an English modifier comes before its noun, a
    Russian one after it in the genitive (Instrument Design Bureau / Конструкторское Бюро
    Приборостроения)."""
    if not left:
        return not acronym
    for k in left:
        letters, optional = options[k]
        rest = left - {k}
        if optional and _walk_reordered(acronym, options, rest):
            return True
        if any(acronym.startswith(x) and _walk_reordered(acronym[len(x) :], options, rest) for x in letters):
            return True
    return False


def foreign_acronym(acronym: str, name: str) -> bool:
    """``acronym`` (3-6 letters) is made of the initials of every word of ``name`` in turn, each
    in English or in Russian (ТМЗ, TMZ / Tutaev Motor Plant)."""
    if not 3 <= len(acronym) <= 6:
        return False
    options = _options(name)
    if not 2 <= len(options) <= 8:
        return False
    if _walk(acronym, options, 0):
        return True
    # the first word (a place, a name) leads in both languages; the others may come in another order
    first, rest = options[0], frozenset(range(1, len(options)))
    return len(options) <= 6 and any(
        acronym.startswith(x) and _walk_reordered(acronym[len(x) :], options, rest) for x in first[0]
    )
