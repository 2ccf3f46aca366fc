"""Mine labelled Iran/Russia name pairs from the EU sanctions annexes (benchmarks/data/iran_russia_lists.csv).

Run: ``python benchmarks/mine_list_pairs.py`` (deterministic: sorted input, seeded sampling).
Reads the OpenSanctions transcriptions of the EU Russia and Iran regimes (../shared/data/sanctions/
eu_oj_opensanctions, consolidated and amendment files). Positives pair names of ONE listed entry
(its Latin name with its Cyrillic or Persian/Arabic-script name, an acronym alias with the full
name); hard negatives pair names of two different entries that share generic words or a surname.
Pairs with a name that also appears in the held-out file are left out (compared normalised, never
printed); see benchmarks/data/iran_russia_lists.md.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EU = HERE.parents[1] / "shared" / "data" / "sanctions" / "eu_oj_opensanctions"
OUT = HERE / "data" / "iran_russia_lists.csv"
HELDOUT = HERE / "data" / "iran_russia_heldout.csv"
DEV = HERE / "data" / "iran_russia_pairs.csv"
RUSSIA = ("32014R0269", "32014R0833", "32024R2642")
IRAN = ("32011R0359", "32012R0267", "32023R1529", "32024R0386")
SEED = 20261122
#: Per group: most rows kept (positives and negatives sampled separately, seeded).
CAPS = {"cyrillic_org": 160, "persian_org": 80, "acronym": 120, "cyrillic_person": 50, "persian_person": 50}
NEGATIVES = {"hard_neg_org": 170, "hard_neg_person": 70}
#: English generic words of organisation names (the mining's own list, not the matcher's).
GENERIC = frozenset(
    "plant factory works industries industry industrial research scientific institute production "
    "association design bureau shipbuilding aviation aircraft aerospace engineering center centre "
    "electronics electronic systems technologies technology trading group machine building instrument "
    "instruments chemical state federal central enterprise corporation concern complex repair motor "
    "radio electromechanical optical mechanical special navigation services development defence "
    "communications organization organisation manufacturing university engines missile".split()
)
_FORMS = frozenset(
    "jsc ao oao pao zao pjsc ojsc cjsc llc ooo ltd co company limited fzc fzco dmcc inc".split()
)
_ARABIC_FORMS = re.compile(
    r"م\.?\s?م\.?\s?ح|م\.?\s?د\.?\s?م\.?\s?س|ش\.?\s?م\.?\s?ح|ش\.?\s?ذ\.?\s?م\.?\s?م|ذ\.?\s?م\.?\s?م"
)
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
_BRACKET = re.compile(r"\(([^()]*)\)")


def norm(name: str) -> str:
    """Casefolded letters and digits, one space between words (Arabic yeh and kaf folded)."""
    text = unicodedata.normalize("NFKC", name).casefold().translate(str.maketrans("يىك", "ییک"))
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def script(name: str) -> str:
    counts = {"latin": 0, "cyrillic": 0, "arabic": 0}
    for char in name:
        if char.isalpha():
            code = ord(char)
            key = "latin" if code < 0x250 else "cyrillic" if 0x400 <= code < 0x530 else "arabic"
            counts[key] += 1 if key != "arabic" or 0x600 <= code < 0x700 or code >= 0xFB50 else 0
    present = [k for k, v in counts.items() if v >= 3]
    return present[0] if len(present) == 1 else "mixed"


@dataclass
class Entry:
    key: str
    kind: str
    primary: str
    names: list[str] = field(default_factory=list)

    def of_script(self, wanted: str) -> list[str]:
        return [n for n in self.names if script(n) == wanted]

    def latin(self) -> str | None:
        return self.primary if script(self.primary) == "latin" else next(iter(self.of_script("latin")), None)


def _cells(cell: str) -> list[str]:
    if not cell.strip():
        return []
    return [v.strip() for v in next(csv.reader([cell], delimiter=";", skipinitialspace=True)) if v.strip()]


def read_entries() -> list[Entry]:
    """One Entry per (file, record) of the Russia and Iran regimes; same-named entries merged."""
    files = [EU / "consolidated" / f"{c}.csv" for c in (*RUSSIA, *IRAN)]
    files += sorted((EU / "amendments").glob("*.csv"))
    entries: list[Entry] = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                celex = row.get("celex") or row.get("amendedCelex", "")
                if celex not in (*RUSSIA, *IRAN) or row["schema"] not in ("Person", "LegalEntity", "Company"):
                    continue
                names = [row["name"]] + [n for col in ("alias", "previousName") for n in _cells(row[col])]
                kind = "person" if row["schema"] == "Person" else "org"
                key = f"{path.stem}#{row['recordId'] or row['name'][:30]}"
                entries.append(
                    Entry(key, kind, row["name"], [n for n in names if "text of image" not in n.lower()])
                )
    return _merge(entries)


def _merge(entries: list[Entry]) -> list[Entry]:
    """Entries sharing a name (normalised) are one listed party (listed under two regimes)."""
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(entries):
        for name in entry.names:
            for variant in (name, _BRACKET.sub("", name)):
                key = (entry.kind, " ".join(sorted(norm(variant).split())))
                if len(key[1]) >= 6:
                    parent[find(i)] = find(seen.setdefault(key, i))
    groups: dict[int, list[Entry]] = defaultdict(list)
    for i, entry in enumerate(entries):
        groups[find(i)].append(entry)
    merged = []
    for members in groups.values():
        files = [m.key.split("#")[0] for m in members]
        if len(set(files)) < len(files):
            continue  # records of one annex sharing a name (a parent's name on each unit): ambiguous
        first = members[0]
        names = list(dict.fromkeys(n for m in members for n in m.names))
        merged.append(Entry("+".join(m.key for m in members), first.kind, first.primary, names))
    return merged


def _words(name: str) -> set[str]:
    return set(norm(_BRACKET.sub(" ", name)).split())


def _acronyms(entry: Entry) -> list[str]:
    """Aliases and bracketed short forms that are one acronym, with a legal form at most."""
    found = []
    for name in entry.names:
        for text in (name, *_BRACKET.findall(name)):
            tokens = [t for t in re.split(r"[\s«»“”‘’'\"]+", text) if t]
            core = [
                t
                for t in tokens
                if norm(t) not in _FORMS and norm(t) not in ("ао", "ооо", "пао", "зао", "оао")
            ]
            if len(core) == 1 and _ACRONYM.match(core[0]) and len(core[0]) >= 3 and len(tokens) <= 3:
                found.append(text.strip(" «»“”‘’'\""))
    return list(dict.fromkeys(found))


def positives(entries: list[Entry], rng: random.Random) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for e in entries:
        latin = e.latin()
        if latin is None:
            continue
        schema = "Person" if e.kind == "person" else "Company"
        shorts = set(_acronyms(e))
        for other, group in (("cyrillic", f"cyrillic_{e.kind}"), ("arabic", f"persian_{e.kind}")):
            names = [n for n in e.of_script(other) if n.strip(" «»“”‘’'\"") not in shorts]
            if not names:
                continue
            # Persian names are few: pair them with a second Latin name of the entry too
            lefts = (
                [latin, *sorted(set(e.of_script("latin")) - {latin})[:1]]
                if group == "persian_org"
                else [latin]
            )
            for left in lefts:
                name = rng.choice(sorted(names))
                if e.kind == "org" and other == "arabic" and _ARABIC_FORMS.search(name):
                    group = "acronym"  # an Arabic-script legal-form acronym (م.د.م.س = DMCC)
                out[group].append((group, schema, left, name, "true", f"{e.key}: Latin name vs {other} name"))
        if e.kind == "org":
            for short in _acronyms(e):
                full = _BRACKET.sub("", latin).strip()
                if norm(short) != norm(full) and len(full.split()) >= 2:
                    out["acronym"].append(
                        ("acronym", schema, short, full, "true", f"{e.key}: acronym vs full name")
                    )
    return out


def _same_words(a: str, b: str) -> bool:
    """One name's distinctive words are all in the other: perhaps one party (a branch, a renaming)."""
    wa, wb = _words(a) - GENERIC - _FORMS, _words(b) - GENERIC - _FORMS
    return wa <= wb | {"al", "el"} or wb <= wa | {"al", "el"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in norm(_BRACKET.sub(" ", name)).split() if w not in _FORMS)


def negatives(entries: list[Entry], rng: random.Random) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    orgs = [e for e in entries if e.kind == "org" and e.latin()]
    people = [e for e in entries if e.kind == "person" and e.latin()]
    for e in orgs:
        others = e.of_script("cyrillic") + e.of_script("arabic")
        mine = _words(e.latin()) & GENERIC
        if not mine:
            continue
        ranked = []
        for f in orgs:
            theirs = _words(f.latin())
            shared = mine & theirs
            if f is not e and shared and not _same_words(e.latin(), f.latin()):
                ranked.append((-len(shared), rng.random(), f))
        if ranked:
            f = min(ranked, key=lambda r: r[:2])[2]
            name = rng.choice(sorted(others)) if others and rng.random() < 0.7 else e.latin()
            note = f"{f.key} vs {e.key}: different entries sharing generic words"
            out["hard_neg_org"].append(("hard_neg_org", "Company", f.latin(), name, "false", note))
        for short in _acronyms(e):
            letter = norm(short)[:1]
            pool = [f for f in orgs if f is not e and _initials(f.latin())[:1] == letter]
            pool = pool or [f for f in orgs if f is not e]
            f = rng.choice(pool)
            note = f"{e.key} vs {f.key}: acronym of another entry"
            out["acronym_neg"].append(
                ("acronym", "Company", short, _BRACKET.sub("", f.latin()).strip(), "false", note)
            )
    surnames: dict[str, list[Entry]] = defaultdict(list)
    for p in people:
        for word in p.latin().split():
            if len(word) > 2 and word.isupper():
                surnames[norm(word)].append(p)
    for p in people:
        others = p.of_script("cyrillic") + p.of_script("arabic")
        kin = {id(q): q for w in _words(p.latin()) for q in surnames.get(w, []) if q is not p}
        # not the same person written in another order or with one more name
        kin = sorted(
            (
                q
                for q in kin.values()
                if not _words(q.latin()) <= _words(p.latin()) and not _words(p.latin()) <= _words(q.latin())
            ),
            key=lambda q: q.key,
        )
        if others and kin:
            q = rng.choice(kin)
            note = f"{q.key} vs {p.key}: different persons sharing a surname"
            out["hard_neg_person"].append(
                ("hard_neg_person", "Person", q.latin(), rng.choice(sorted(others)), "false", note)
            )
    return out


def _excluded() -> tuple[set[str], set[frozenset[str]]]:
    """Normalised names of the held-out file (never shown) and pairs already in the dev set (c)."""
    with HELDOUT.open(encoding="utf-8-sig", newline="") as fh:
        held = {norm(row[col]) for row in csv.DictReader(fh) for col in ("name1", "name2")}
    with DEV.open(encoding="utf-8-sig", newline="") as fh:
        dev = {frozenset((norm(r["name1"]), norm(r["name2"]))) for r in csv.DictReader(fh)}
    return held, dev


def main() -> None:
    rng = random.Random(SEED)
    entries = sorted(read_entries(), key=lambda e: e.key)
    held, dev = _excluded()
    groups = {**positives(entries, rng), **negatives(entries, rng)}
    rows: list[tuple] = []
    seen: set[frozenset[str]] = set()
    for group, cap in {**CAPS, "acronym_neg": CAPS["acronym"] // 2, **NEGATIVES}.items():
        kept = []
        for row in groups.get(group, []):
            pair = frozenset((norm(row[2]), norm(row[3])))
            if norm(row[2]) in held or norm(row[3]) in held or pair in dev or pair in seen or len(pair) < 2:
                continue
            seen.add(pair)
            kept.append(row)
        rows += sorted(rng.sample(kept, min(cap, len(kept))), key=lambda r: r[5])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["case_group", "schema", "name1", "name2", "is_match", "note"])
        writer.writerows(rows)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        counts[row[0]][row[4] == "true"] += 1
    print(f"{len(rows)} pairs from {len(entries)} entries -> {OUT.relative_to(HERE.parent)}")
    for group, (neg, pos) in sorted(counts.items()):
        print(f"  {group:16s} {pos:4d} positive {neg:4d} negative")


if __name__ == "__main__":
    main()
