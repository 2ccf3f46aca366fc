"""Compare two analysed names: token alignment over spellings and skeletons, with reasons.

A token pair matches when the tokens are equal, share a romanisation skeleton (Qasem /
Ghassem / قاسم), or differ by a plausible number of typing edits for their length.
Tokens are aligned greedily, best pair first. Unpaired tokens on one side only (a middle
name, a patronymic) cost half their weight; unpaired tokens on both sides are a conflict
(Al-Tikriti vs Al-Dulaimi) and cut the score. Generic words weigh little, numbers must agree.
Compiled with Cython when installed with a C compiler (see ._kernel); ``cython.*`` types and
decorators do nothing in pure Python.
"""

from __future__ import annotations

import re

import cython
from rapidfuzz.distance import OSA

from chokepoint.matching._form import NameForm, NameScore
from chokepoint.matching._orgwords import acronym, worded
from chokepoint.matching._rewrite import expand_initials, merge_splits
from chokepoint.matching._skeleton import skeleton, sounds
from chokepoint.matching._terms import ADJECTIVE_ENDINGS
from chokepoint.matching._translit import ideograph_similarity

__all__ = ["NameScore", "compare_forms", "token_similarity"]

CONFLICT = 0.7  # factor when both names have distinctive words the other lacks
ONE_INEXACT = 0.75  # cap when one inexact distinctive word is all two names share
LONE_ORG = 0.75  # cost of a word only one organisation name has (persons: 0.5, a middle name)
LONE_PERSON = 0.5  # cost of a word only one person name has (a middle name)
NUMBERS_DIFFER = 0.8  # cap when the numbers differ (Trust 2004-1 / 2004-2: review, rank lower)
VESSEL_NUMBERS_DIFFER = 0.7  # vessels: Omskiy-103 and Omskiy-119 are two ships
SAME_GIVEN = 0.85  # one given name in two languages or a short form (Iosif / Joseph, Bibi / Benjamin)
INITIALS_ONLY = 0.7  # cap for a person name of initials only
NEAR = 0.7  # a person's word two typing edits from the other's, the rest of the name agreeing


_VOWELS = frozenset("aeiouy")


@cython.cfunc
def _slavic_h(skel: str) -> str:
    return skel.replace("h", "k")


_YOT = re.compile(r"(?<=[aeiou])j|^j(?=[aeiou])")


@cython.cfunc
def _yot(token: str) -> str:
    return _YOT.sub("y", token)


_ADJECTIVE = re.compile(rf"(?:sk|tsk|ck)(?:{ADJECTIVE_ENDINGS}|y)$")  # -skiy, -skaya, -sky …


@cython.cfunc
def _adjective_of(adjective: str, name: str) -> cython.bint:
    """A Russian adjective (-skiy, -skaya …) made from ``name`` or its English form."""
    if "sk" not in adjective and "ck" not in adjective:
        return False
    stem = _ADJECTIVE.sub("", adjective)
    if stem == adjective or len(stem) < 4 or len(name) < 4:
        return False
    edits = OSA.distance(stem, name[: len(stem)])
    return (edits == 0 or (edits == 1 and len(stem) >= 6)) and len(name) <= len(stem) + 3


@cython.cfunc
def _belarusian(a: str, b: str) -> cython.bint:
    """``a`` ends in Belarusian -au where ``b`` has Russian -ov/-ev (same consonants otherwise)."""
    if len(a) < 5 or not a.endswith("au") or b[-2:] not in ("ov", "ev"):
        return False
    return skeleton(a[:-2]) == skeleton(b[:-2])


@cython.cfunc
def _same_start(a: str, b: str) -> cython.bint:
    return a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS)


@cython.cfunc
@cython.locals(one=cython.ulonglong, ma=cython.ulonglong, mb=cython.ulonglong, x=cython.ulonglong)
@cython.locals(ch=cython.Py_UCS4, na=cython.int, nb=cython.int)
def _letter_gap(a: str, b: str) -> cython.int:
    """A lower bound of the edit distance: letters (folded to 64 classes) one string has and the
    other lacks each need an edit. Checked in C before the exact, costlier distance call."""
    one = 1
    ma = mb = 0
    for ch in a:
        ma |= one << (ord(ch) & 63)
    for ch in b:
        mb |= one << (ord(ch) & 63)
    na = nb = 0
    x = ma & ~mb
    while x:
        x &= x - 1
        na += 1
    x = mb & ~ma
    while x:
        x &= x - 1
        nb += 1
    return na if na > nb else nb


@cython.cfunc
def _vowels_apart(a: str, b: str) -> cython.Py_ssize_t:
    """Edits between two tokens once each sound is spelled one way (gh/q, kh/h, doubled letters)."""
    return OSA.distance(sounds(a), sounds(b))


@cython.cfunc
def _edits_allowed(shortest: cython.Py_ssize_t) -> cython.Py_ssize_t:
    """Typing edits allowed between two tokens, the shorter of ``shortest`` letters."""
    return shortest // 4


@cython.ccall
def token_similarity(
    a: str,
    b: str,
    sa: str,
    sb: str,
    fa: str = "",
    fb: str = "",
    initials: cython.bint = False,
    latin: cython.bint = False,
    arabic: cython.bint = False,
    near: cython.bint = False,
) -> tuple[float, str]:
    """Similarity of two tokens (0..1) and how they matched ("" when they do not).

    ``sa``/``sb`` are the tokens' skeletons, ``fa``/``fb`` their soft skeletons; ``latin``
    says both names are in Latin letters, ``arabic`` that one is in Arabic script, ``near`` that
    two typing edits are a match to review (person names written in Latin or Cyrillic letters)."""
    if a == b:
        return 1.0, "same"
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    la: cython.Py_ssize_t = len(a)
    lb: cython.Py_ssize_t = len(b)
    if la == 1 or lb == 1:
        return (0.8, "initial") if initials and a[0] == b[0] else (0.0, "")
    if sa and sa == sb and (len(sa) >= 2 or a[0] == b[0]):
        far: cython.Py_ssize_t = max(2, la // 3)
        if latin:  # both written in Latin letters: the vowels tell names apart too
            edits: cython.Py_ssize_t = OSA.distance(a, b, score_cutoff=far)
            if edits > far:
                return 0.75, "romanisation"  # vowels far apart (Mohammad/Mahmoud)
            if edits >= 2 and min(la, lb) < 8 and _vowels_apart(a, b) >= 2:  # words with room for one slip
                return 0.9, "romanisation"  # (Bashar / Bushra, Putin / Patino; not Qasem / Ghasem)
        return (0.95 if len(sa) >= 3 else 0.9), "romanisation"
    shortest: cython.Py_ssize_t = la if la < lb else lb
    allowed: cython.Py_ssize_t = _edits_allowed(shortest)
    # a != b: no edit allowed is no match; more letters apart than edits allowed neither
    if (
        allowed
        and -allowed <= la - lb <= allowed
        and (not cython.compiled or _letter_gap(a, b) <= allowed)
        and (edits := OSA.distance(a, b, score_cutoff=allowed)) <= allowed
    ):
        return 1.0 - 0.06 * edits, "spelling"
    if arabic and len(fa) >= 3 and fa == fb:
        return 0.88, "romanisation"  # Arabic script: h and j/g are written loosely
    if (
        latin
        and shortest >= 5
        and len(sa) == len(sb)
        and _slavic_h(sa) == _slavic_h(sb)
        and _same_start(a, b)
    ):
        return 0.85, "romanisation"  # Ukrainian and Belarusian h for Russian g (Serhiy / Sergey)
    if (
        -allowed <= la - lb <= allowed  # j → y keeps the length
        and ("j" in a or "j" in b)
        and OSA.distance(_yot(a), _yot(b), score_cutoff=allowed + 1) <= allowed
    ):
        return 0.9, "romanisation"  # j for y in Slavic and Baltic spellings (Sergejs / Sergey, Jurij)
    if (a[la - 1] == "u" or b[lb - 1] == "u") and (_belarusian(a, b) or _belarusian(b, a)):
        return 0.9, "romanisation"  # Belarusian -au for Russian -ov (Marozau / Morozov)
    if arabic and len(fa) >= 3 and fa.replace("f", "") == fb.replace("f", "") and a[0] == b[0]:
        return 0.85, "romanisation"  # Persian و is v or a vowel (Movahedi / موحدى, Pooyan / پیوان)
    if ("sk" in a or "ck" in a or "sk" in b or "ck" in b) and (_adjective_of(a, b) or _adjective_of(b, a)):
        return 0.85, "adjective"  # a Russian adjective of the name (Muromskiy / Murom, Baltiyskaya / Baltic)
    if (
        near
        and shortest >= 3
        and (a[0] == b[0] or a[la - 1] == b[lb - 1])  # slips rarely hit both ends (Navros is not Lavrov)
        and -2 <= la - lb <= 2
        and (not cython.compiled or _letter_gap(a, b) <= 2)
        and OSA.distance(a, b, score_cutoff=3) == 2
    ):
        return NEAR, "two edits"  # a person's name two typing slips away (Merkur / Merkel): review it
    return 0.0, ""


@cython.cfunc
def _joined_similarity(a: str, b: str) -> cython.double:
    """The names as one string each ("VladimirPutin", "Han Yyu-ro"): equal up to a typo or two."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 6 or not -1 <= len(a) - len(b) <= 1:
        return 0.0
    if cython.compiled and _letter_gap(a, b) > 1:
        return 0.0
    return 0.94 if OSA.distance(a, b, score_cutoff=1) <= 1 else 0.0


_TYPED = frozenset({"latin", "cyrillic"})  # scripts where two edits may be two typing slips


def _initials_only(form: NameForm) -> bool:
    return all(len(t) == 1 for t in form.tokens)


_NOT_WORDS = frozenset({"the", "e", "eh", "ye"})  # glue, and the Persian ezafe (Bonyad-eh Taavon-eh Basij)
_LINEAGE = frozenset({"bin", "ibn", "bint", "ben", "ould"})


@cython.cfunc
def _roles_swapped(q: NameForm, c: NameForm, pairs: list[tuple[int, int]]) -> bool:
    """True when a given name pairs with a father's name ("Salman bin Muhammad" / "Muhammad bin Salman")."""
    if _LINEAGE.isdisjoint(q.token_set) or _LINEAGE.isdisjoint(c.token_set):
        return False
    bq = next((i for i, t in enumerate(q.tokens) if t in _LINEAGE), None)
    bc = next((j for j, t in enumerate(c.tokens) if t in _LINEAGE), None)
    if bq is None or bc is None or bq in (0, len(q.tokens) - 1) or bc in (0, len(c.tokens) - 1):
        return False
    return any((i < bq) != (j < bc) for i, j in pairs if i != bq and j != bc)


@cython.locals(
    person=cython.bint,
    latin=cython.bint,
    arabic=cython.bint,
    near=cython.bint,
    nq=cython.Py_ssize_t,
    nc=cython.Py_ssize_t,
    i=cython.Py_ssize_t,
    j=cython.Py_ssize_t,
    sim=cython.double,
    matched=cython.double,
    paired=cython.double,
    distinct=cython.double,
    wq=cython.double,
    wc=cython.double,
    weight=cython.double,
    least=cython.double,
    lone_q=cython.double,
    lone_c=cython.double,
    lone_cost=cython.double,
    score=cython.double,
    joined=cython.double,
    strong=cython.int,
    conflict=cython.bint,
    exact=cython.bint,
)
def compare_forms(q: NameForm, c: NameForm, listed: cython.double = 1.0) -> NameScore:
    """Score how well name ``c`` matches name ``q`` (symmetric by default).

    ``listed`` scales what a person's words only ``c`` has cost when every word of ``q`` is in ``c``
    as written: a listed name carries names a query leaves out (Boris Johnson / Alexandre Boris de
    Pfeffel Johnson)."""
    if not q.tokens or not c.tokens:  # an empty name
        return NameScore(0.0, q.original, c.original, "nothing to compare")
    person = q.kind == "person" or c.kind == "person"
    if not person and (acronym(q, c) or acronym(c, q)):
        return NameScore(0.9, q.original, c.original, "acronym of the other name")
    latin = q.script == "latin" and c.script == "latin"
    arabic = "arabic" in (q.script, c.script)
    near = person and q.script in _TYPED and c.script in _TYPED
    q, c = merge_splits(q, c), merge_splits(c, q)
    q, c = expand_initials(q, c), expand_initials(c, q)
    qt, qs, qf, qd, qw = q.tokens, q.skeletons, q.softs, q.digits, q.weights
    ct, cs, cf, cd, cw = c.tokens, c.skeletons, c.softs, c.digits, c.weights
    nq, nc = len(qt), len(ct)
    qn, cn = q.generic, c.generic  # canonical generic words ("industries" / "aviation"): orgs only
    qg, cg = q.given, c.given  # given-name groups per token (empty for organisations)
    pairs = []
    for i in range(nq):
        a, sa, fa, da = qt[i], qs[i], qf[i], qd[i]
        for j in range(nc):
            b = ct[j]
            if a == b:  # token_similarity's first two rules, inline
                pairs.append((1.0, i, j, "same"))
            elif not (da or cd[j] or (qn and cn and qn[i] and cn[j])):  # two generic words: two things
                sim, how = token_similarity(a, b, sa, cs[j], fa, cf[j], person, latin, arabic, near)
                if not sim and person and (ga := qg[i]) and not ga.isdisjoint(cg[j]):
                    sim, how = SAME_GIVEN, "same name in another form"
                if sim > 0:
                    pairs.append((sim, i, j, how))
    pairs.sort(reverse=True)
    used_q = bytearray(nq)
    used_c = bytearray(nc)
    matched = paired = distinct = 0.0
    strong = 0  # distinctive word pairs: 2 per identical pair, 1 per inexact one
    notes: list[str] = []
    used_pairs: list[tuple[int, int]] = []
    exact = True  # every pair of words the same
    slips: list[tuple[int, int]] | None = None  # pairs two typing edits apart (rare: made when found)
    for sim, i, j, how in pairs:
        if used_q[i] or used_c[j]:
            continue
        if sim == NEAR and how == "two edits":
            if _crosses(i, j, used_pairs):
                continue  # Pot Pouv / Pol Pot: a near word in another place is not a slip
            if slips is None:
                slips = []
            slips.append((i, j))
        used_q[i] = used_c[j] = 1
        used_pairs.append((i, j))
        wq, wc = qw[i], cw[j]
        weight = wq + wc
        matched += sim * weight
        paired += weight
        least = min(wq, wc)
        distinct += sim * least
        if least >= 1.0:
            strong += 1 if sim < 1.0 else 2
        if how != "same":
            notes.append(f"{qt[i]}~{ct[j]} ({how} {sim:.2f})")
            exact = False
    rest_q = [i for i in range(nq) if not used_q[i]]
    rest_c = [j for j in range(nc) if not used_c[j]]
    lone_q = lone_c = 0.0
    lones_q, lones_c = (q.lone_person, c.lone_person) if person else (q.lone, c.lone)
    for i in rest_q:
        lone_q += lones_q[i]
    for j in rest_c:
        lone_c += lones_c[j]
    if slips is not None and lone_q + lone_c >= 0.5:  # two slips in a word: believed if the rest agrees
        for i, j in slips:
            used_pairs.remove((i, j))
            used_q[i] = used_c[j] = 0
            wq, wc = qw[i], cw[j]
            matched -= NEAR * (wq + wc)
            paired -= wq + wc
            distinct -= NEAR * min(wq, wc)
            strong -= min(wq, wc) >= 1.0
            rest_q.append(i)
            rest_c.append(j)
            lone_q += lones_q[i]
            lone_c += lones_c[j]
            notes.remove(f"{qt[i]}~{ct[j]} (two edits {NEAR:.2f})")
    conflict = (lone_q >= 0.5 and lone_c >= 0.5) or _roles_swapped(q, c, used_pairs)
    if not person and (max(lone_q, lone_c) >= 0.5 or strong <= 2) and worded(q, rest_q) and worded(c, rest_c):
        conflict = True  # Iran Shipping Lines / Iran Broadcasting: a line of business each
    if not person and any(q.places[i] for i in rest_q) and any(c.places[j] for j in rest_c):
        conflict = True  # Bowne Global Solutions (France) / (Germany): two subsidiaries
    if conflict:
        lone_cost = 1.0
    elif person:
        lone_cost = LONE_PERSON
        if not lone_q and exact:
            lone_c *= listed
    else:  # two distinctive words or more on one side only: not the same organisation
        extra = max(sum(qw[i] >= 1.0 for i in rest_q), sum(cw[j] >= 1.0 for j in rest_c))
        lone_cost = 1.0 if extra >= 2 else LONE_ORG
    score = matched / (paired + (lone_q + lone_c) * lone_cost) if paired else 0.0
    joined = _joined_similarity(q.joined, c.joined)
    if nq == nc and joined < 1.0:
        initials = q.has_initial or c.has_initial
        if initials or min(len(q.joined), len(c.joined)) < 8:
            joined = 0.0  # same number of short words or initials: only a re-spacing ("Myongc-hin")
    if not joined and not person and score < 0.8 and q.spelled and q.spelled == c.spelled:
        joined = 0.94  # a legal form written onto the name ("SiemensAG" / "Siemens AG")
    if joined > score + 1e-9:
        score, notes, conflict = joined, [f"same letters, other spacing ({joined:.2f})"], False
        rest_q = rest_c = []
        distinct = 1.0
    if rest_q or rest_c:
        extra = [qt[i] for i in rest_q] + [ct[j] for j in rest_c]
        notes.append(("conflicting: " if conflict else "unmatched: ") + " ".join(extra))
    if conflict:
        score *= CONFLICT
    if q.numbers != c.numbers and (q.numbers or c.numbers):
        vessel = q.kind == "vessel" or c.kind == "vessel"
        score = min(score, VESSEL_NUMBERS_DIFFER if vessel else NUMBERS_DIFFER)
        notes.append("numbers differ")
    leftover = _leftover(q, c, rest_q, rest_c)
    if not person and strong == 1 and score > ONE_INEXACT and leftover:
        score = ONE_INEXACT  # "Torvar Systems" / "Trover": one near word and nothing else is thin
        notes.append("only one inexact distinctive word in common")
    if distinct < 0.5 and score > 0.5 and (leftover or len(used_pairs) < 2):
        score = 0.5  # but generic words only, all paired, are that name (Aerospace Industries Organization)
        notes.append("only generic words in common")
    if q.forms and c.forms and not q.forms & c.forms:
        score -= 0.05
        notes.append(f"legal forms differ ({'/'.join(sorted(q.forms))} vs {'/'.join(sorted(c.forms))})")
    if person and (_initials_only(q) or _initials_only(c)) and score > INITIALS_ONLY:
        score = INITIALS_ONLY  # "N.N." or "A. B." names nobody on its own
        notes.append("only initials on one side")
    if (
        q.ideographic
        and c.ideographic
        and (same := ideograph_similarity(q.original, c.original)) is not None
        and same < score
    ):
        score = same  # 习近平 / 习近朋: one character is another name, whatever the romanisation
        notes.append(f"characters differ ({same:.2f})")
    explanation = "; ".join(notes) if notes else "same name"
    return NameScore(max(0.0, min(1.0, score)), q.original, c.original, explanation)


@cython.cfunc
def _crosses(i: cython.Py_ssize_t, j: cython.Py_ssize_t, used_pairs: list[tuple[int, int]]) -> cython.bint:
    """Pairing token ``i`` with ``j`` inverts the order of a pair made before."""
    return any((k < i) != (m < j) for k, m in used_pairs)


@cython.cfunc
def _leftover(q: NameForm, c: NameForm, rest_q: list[int], rest_c: list[int]) -> cython.bint:
    """Some unpaired token that is a word (not "the", not the Persian ezafe)."""
    return any(q.tokens[i] not in _NOT_WORDS for i in rest_q) or any(
        c.tokens[j] not in _NOT_WORDS for j in rest_c
    )
