"""Name analysis: one name string → a :class:`NameForm` ready for fast comparison.

Steps: transliterate to ASCII (:mod:`._translit`), drop bracketed text, undo "LAST, First",
canonicalise legal forms with rigour and our families (JSC = AO = PAO …), remove titles
from person names, split digits from letters (vessel numbers), canonicalise generic words
across languages, and compute each token's skeleton. Results are cached per (name, kind).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rigour.names import replace_org_types_compare

from chokepoint.matching._cognates import cognate
from chokepoint.matching._form import NameForm
from chokepoint.matching._skeleton import skeleton, soft_skeleton
from chokepoint.matching._terms import ADJECTIVE_ENDING, Terms, terms
from chokepoint.matching._translit import script_of, to_ascii

__all__ = ["GENERIC_WEIGHT", "KINDS", "NameForm", "analyze", "kind_of"]

#: Weight of a generic word ("industries", "company", "al") relative to a distinctive one.
GENERIC_WEIGHT = 0.2

KINDS = {
    "Person": "person",
    "Organization": "org",
    "Company": "org",
    "PublicBody": "org",
    "LegalEntity": "entity",
    "Vessel": "vessel",
    "Airplane": "vessel",
}
_LEET = re.compile(r"(?<=[a-z])[013579](?=[a-z])")
_LEET_MAP = {"0": "o", "1": "i", "3": "e", "5": "s", "7": "t", "9": "g"}
_PATRONYMIC = re.compile(r"(ovich|evich|ovych|ievich|ovna|evna|ivna|ichna|vich|ogly|oglu|qizi|kyzy)$")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
} | {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "1st": "1", "2nd": "2"}
_TENS = {w: i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())}
_TENS["fourty"] = 4
_ROMAN = {r: str(i) for i, r in enumerate("_ i ii iii iv v vi vii viii ix x xi xii xiii xiv xv".split()) if i}
_ROMAN |= {"xx": "20", "xxx": "30"}
_LINEAGE = frozenset({"bin", "ibn", "bint", "ben", "ould"})
# e, eh, ye: the Persian ezafe written as a word ("Bonyad-eh Taavon-eh Basij")
_PARTICLES = frozenset("al el bin ibn bint abu ben van von der de la du e eh ye".split())
_POSSESSIVE = re.compile(r"(?<=[a-z]{3})'s\b")  # English possessive: "Iran's Counter-Terror Forces" is Iran
_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")
_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


def _numbers(words: list[str], *, roman: bool = False) -> list[str]:
    """Number words as digits: "forty four" and "forty-four" → "44", "first"/"1st" → "1";
    Roman numerals after the first word too when ``roman`` ("Fund VIII" → "8")."""
    out: list[str] = []
    for pos, word in enumerate(words):
        if roman and pos > 0 and word in _ROMAN:
            out.append(_ROMAN[word])
        elif word in _TENS:
            out.append(str(_TENS[word] * 10))
        elif word in _NUMBER_WORDS:
            digit = _NUMBER_WORDS[word]
            if out and out[-1].endswith("0") and out[-1][:-1].isdigit() and len(digit) == 1:
                out[-1] = out[-1][:-1] + digit
            else:
                out.append(digit)
        elif word in ("st", "nd", "rd", "th") and out and out[-1].isdigit():
            continue
        else:
            out.append(word)
    return out


def _bracketed_acronym(text: str) -> str:
    """Drop brackets that restate the name: its acronym ("Qods Aviation Industries (QAI)") or a
    short form sharing a word with it ("… «Altai» (AO FNPTs «Altai»)"); keep others ("(France)")."""
    match = _BRACKETS.search(text)
    if match is None:
        return text
    inside = [w for w in _SPLIT.split(match.group(0)) if w]
    outside = [w for w in _SPLIT.split(text[: match.start()] + " " + text[match.end() :]) if w]
    inner = "".join(inside)
    acronym = len(outside) >= 2 and inner and inner == "".join(w[0] for w in outside)[: len(inner)]
    restated = any(len(w) > 3 and w in outside for w in inside)
    if acronym or restated:
        return text[: match.start()] + " " + text[match.end() :]
    return text.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ")


def _drop_own_acronym(words: list[str]) -> list[str]:
    """Drop a word that is the initials of the name's other words ("AIG - Armament Industries Group")."""
    if len(words) < 3:
        return words
    for i, word in enumerate(words):
        rest = words[:i] + words[i + 1 :]
        if 2 <= len(word) <= 6 and word == "".join(w[0] for w in rest):
            return rest
    return words


def kind_of(schema: str) -> str:
    """``person``, ``org``, ``entity`` (unknown kind) or ``vessel`` for an FtM schema name."""
    return KINDS.get(schema, "entity")


def _strip_phrases(words: list[str], phrases: dict[str, str] | frozenset[str]) -> tuple[list[str], set[str]]:
    """Remove every phrase of ``phrases`` from ``words``; return the rest and what was found."""
    found: set[str] = set()
    longest = terms().max_phrase
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if phrase in phrases:
                found.add(phrases[phrase] if isinstance(phrases, dict) else phrase)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out, found


def _pair_phrases(words: list[str], vocab: Terms) -> list[str]:
    """Two-word generic phrases (Persian فن آوران → "fn auran") become one word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in vocab.generic or pair in vocab.translated:
            out.append(pair)
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def _compound(word: str, vocab: Terms) -> tuple[str, ...]:
    """The generic words one word stands for (радиозавод → radio plant), or the word itself."""
    found = vocab.compounds.get(word)
    if found is None and (m := ADJECTIVE_ENDING.fullmatch(word)):
        found = vocab.compound_stems.get(m.group(1))
    return found or (word,)


@cache
def _rigour_acronyms() -> re.Pattern[str] | None:
    """Our acronyms that rigour would read as another legal form (НПО is not an NGO)."""
    vocab = terms()
    keys = [k for k in vocab.acronyms if replace_org_types_compare(k) != k]
    return re.compile(rf"\b(?:{'|'.join(keys)})\b") if keys else None


def _expand_before_rigour(text: str) -> str:
    pattern = _rigour_acronyms()
    if pattern is None:
        return text
    return pattern.sub(lambda m: " ".join(terms().acronyms[m.group(0)]), text)


def _generic(word: str, vocab: Terms) -> str | None:
    """The canonical generic word for ``word``, any gender or case of a Russian adjective included."""
    found = vocab.generic.get(word)
    if found is None and (m := ADJECTIVE_ENDING.fullmatch(word)):
        found = vocab.generic_stems.get(m.group(1))
    return found


def _translated(word: str, vocab: Terms) -> str | None:
    """The English word for a word of what an organisation does (нефть → oil), any adjective form."""
    found = vocab.translated.get(word)
    if found is None and (m := ADJECTIVE_ENDING.fullmatch(word)):
        found = vocab.translated_stems.get(m.group(1))
    return found


@lru_cache(maxsize=500_000)
def analyze(name: str, kind: str = "entity") -> NameForm:
    """Analyse ``name`` as a name of ``kind`` (see :func:`kind_of`); a name of unknown kind written
    as lists write a person's ("PUTIN, Vladimir") is analysed as a person's name."""
    form = _analyze(name, kind)
    if kind == "entity" and _person_written(form):
        return _analyze(name, "person")
    return form


def _person_written(form: NameForm) -> bool:
    """FAMILY, Given: one comma, one to three words after it, no legal form, generic word or number."""
    if form.original.count(",") != 1 or form.forms or form.numbers or any(form.generic):
        return False
    family, given = form.original.split(",")
    return 1 <= len(_SPLIT.split(to_ascii(given).strip())) <= 3 and bool(family.strip())


def _analyze(name: str, kind: str) -> NameForm:
    vocab = terms()
    text = to_ascii(name[:1000])
    text = _bracketed_acronym(text)
    if kind == "person" and text.count(",") == 1:
        last, first = text.split(",")
        text = f"{first} {last}"
    if kind != "person":
        text = replace_org_types_compare(_expand_before_rigour(text))
    text = _POSSESSIVE.sub("", text).replace(".", "").replace("'", "").replace("`", "")
    text = _LEET.sub(lambda m: _LEET_MAP[m.group(0)], text)
    # Roman numerals are Latin letters: in a Cyrillic or Arabic-script name "i" is и, "v" is و
    script = script_of(name)
    roman = kind != "person" and script in ("latin", "mixed")
    words = _numbers([w for w in _SPLIT.split(text) if w], roman=roman)
    forms: set[str] = set()
    if kind == "person":
        words, _ = _strip_phrases(words, vocab.titles)
    else:
        rest, forms = _strip_phrases(words, vocab.forms)
        words = rest or words  # a name that is only a legal form keeps its words
    if kind != "person":
        words = _drop_own_acronym(words)
        words = [w for word in words for w in vocab.acronyms.get(word, (word,))]
        words = [w for word in words for w in _compound(word, vocab)]
        words = _pair_phrases(words, vocab)
    tokens: list[str] = []
    weights: list[float] = []
    for pos, word in enumerate(words):
        generic = _generic(word, vocab) if kind != "person" else None
        translated = _translated(word, vocab) if kind != "person" and generic is None else None
        if kind != "person" and generic is None and translated is None:
            word = cognate(word)
        tokens.append(generic or translated or word)
        if generic or word in _PARTICLES:
            weights.append(GENERIC_WEIGHT)
        elif kind == "person" and len(words) >= 3 and len(word) > 6 and _PATRONYMIC.search(word):
            weights.append(0.5)  # a patronymic: often left out by whoever writes the name
        elif kind == "person" and 0 < pos < len(words) - 1 and words[pos - 1] in _LINEAGE:
            weights.append(0.5)  # a father's name in a chain (Usama bin Muhammad ibn Awad ibn Ladin)
        else:
            weights.append(1.0)
    skeletons = tuple(skeleton(t) for t in tokens)
    return NameForm(
        original=name,
        kind=kind,
        script=script,
        tokens=tuple(tokens),
        skeletons=skeletons,
        softs=tuple(soft_skeleton(s) for s in skeletons),
        weights=tuple(weights),
        numbers=frozenset(t for t in tokens if t.isdigit()),
        forms=frozenset(forms),
    )
