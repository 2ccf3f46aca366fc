#!/usr/bin/env python3
"""Build benchmarks/data/iran_russia_heldout2.csv, a fresh held-out set of
labelled name pairs (Iran/Russia supply-chain kinds).

Deterministic, one command:  python3 benchmarks/make_heldout2.py

Reads only the raw lists under /work/shared/data/sanctions (not the EU OJ
files) and, for exclusion only, name1/name2 of iran_russia_pairs.csv,
iran_russia_lists.csv and iran_russia_heldout.csv.  Nothing from those three
files is printed.  See iran_russia_heldout2.md.
"""

import csv
import difflib
import gzip
import hashlib
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sanctions"
HERE = Path(__file__).resolve().parent
OUT_CSV = HERE / "data" / "iran_russia_heldout2.csv"
EXCL_FILES = [
    HERE / "data" / f for f in ("iran_russia_pairs.csv", "iran_russia_lists.csv", "iran_russia_heldout.csv")
]

CSL = DATA / "us_trade_csl/2022/consolidated.csv.gz"
CONS = DATA / "us_ofac_cons/2025-01-10/CONS_ENHANCED.ZIP"
SDN = DATA / "us_ofac_sdn/2024-05-03/sdn.csv"
ALT = DATA / "us_ofac_sdn/2026-06-02/alt.csv"
UN = DATA / "un_sc/2026-02-27/consolidated.xml"
UK = DATA / "uk_fcdo_derived/2026-05"
FTM = [DATA / "opensanctions_ftm/zala/entities.ftm.json", DATA / "opensanctions_ftm/t1/entities.ftm.json"]

# ----------------------------------------------------------------- helpers


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


AR = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
CY = re.compile("[\u0400-\u04ff]")
UKR_BEL = re.compile("[іїєґўІЇЄҐЎ]")


def script(s):
    if AR.search(s):
        return "ar"
    if CY.search(s):
        return "cy"
    if all(ord(c) < 0x250 or not c.isalpha() for c in s):
        return "la"
    return "other"


def h(*parts):
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()


def clean(s):
    return re.sub(r"\s+", " ", (s or "").replace("\u00a0", " ")).strip().strip(";").strip()


def toks(s):
    s = unicodedata.normalize("NFKC", s).upper()
    return [t for t in re.split(r"[^\w]+", s) if t]


LEGAL = set(
    """LLC OOO JSC AO PAO PJSC OAO ZAO CJSC OJSC LTD LIMITED LIABILITY CO COMPANY CORP
CORPORATION INC GMBH FZE FZCO SIRKETI ANONIM PRIVATE PUBLIC JOINT STOCK OPEN CLOSED SA PLC PTE
BV NV AS OBSHCHESTVO AKTSIONERNOE AKTSIONERNOYE OTKRYTOE ZAKRYTOE PUBLICHNOE OGRANICHENNOI
OGRANICHENNOY OTVETSTVENNOSTYU S LLP SRL SARL PVT FZ DMCC L TIC SAN VE TICARET AG KG PJS
INCORPORATED COMPANIES PRIVATELY HELD JOINTSTOCK""".split()
)
GENERIC = set(
    """TRADING TRADE INDUSTRIES INDUSTRIAL INDUSTRY PLANT GROUP ENGINEERING INTERNATIONAL
TECHNOLOGY TECHNOLOGIES ELECTRONICS SHIPPING SERVICES SERVICE HOLDING HOLDINGS IMPORT EXPORT
DIS TICARET SANAYI COMMERCIAL DEVELOPMENT MANUFACTURING RESEARCH INSTITUTE SCIENTIFIC
PRODUCTION ASSOCIATION FACTORY CENTER CENTRE BANK ENERGY OIL GAS PETROCHEMICAL AVIATION
LOGISTICS SYSTEMS SYSTEM DESIGN BUREAU GENERAL GLOBAL FOREIGN MARINE ELECTRONIC EQUIPMENT
INVESTMENT INVESTMENTS MACHINE MACHINERY BUILDING INSTRUMENT CONCERN AEROSPACE
RUSSIA RUSSIAN IRAN IRANIAN FEDERATION STATE NATIONAL REPUBLIC ISLAMIC MINISTRY OF THE AND""".split()
)
ORGWORDS = (
    LEGAL
    | GENERIC
    | set(
        """INSTITUTE ENTERPRISE BUREAU PLANT FACTORY UNIVERSITY ACADEMY AGENCY
DEPARTMENT DIRECTORATE CORPS FORCE UNIT COMMITTEE SERVICE OFFICE CENTRE CENTER COMPLEX WORKS
ORGANIZATION ORGANISATION FUND FOUNDATION TECHNOLOGIES TECH ELECTRO AVIA AERO SYSTEMS NPO NPP
NPK OKB KB FGUP FSUE GUP MUP ZAVOD""".split()
    )
)
STOP = {"OF", "AND", "THE", "FOR", "DE", "LA", "AL", "EL", "IN", "ON", "A", "&"}


def core(name):
    return [t for t in toks(name) if t not in LEGAL]


def legal(name):
    return sorted(t for t in toks(name) if t in LEGAL)


def ratio(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def is_acronym(acr, full):
    a = re.sub(r"[^A-Za-z0-9]", "", acr)
    if not (2 <= len(a) <= 10) or (not a.isupper() and not a.isdigit()):
        return False
    if " " in acr.strip() and not re.fullmatch(r"([A-Z]\.\s?)+", acr.strip()):
        return False
    words = [t for t in toks(full)]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words)
    content = "".join(w[0] for w in words if w not in STOP)
    if a[0] != initials[0]:
        return False
    # acronym letters must be a subsequence of the initials
    it = iter(initials)
    if not all(c in it for c in a):
        return False
    return len(a) >= max(2, 0.6 * len(content))


def token_variants(a, b, thr=0.6):
    """Same number of tokens, each token of a has a close (not all identical) partner in b."""
    ta, tb = [norm(t) for t in toks(a)], [norm(t) for t in toks(b)]
    ta, tb = [t for t in ta if t], [t for t in tb if t]
    if not ta or len(ta) != len(tb):
        return False
    if sorted(ta) == sorted(tb):
        return False  # only order / punctuation differs
    rest = list(tb)
    for t in sorted(ta, key=len, reverse=True):
        best = max(rest, key=lambda u: ratio(t, u))
        if ratio(t, best) < thr:
            return False
        rest.remove(best)
    return True


# ----------------------------------------------------------------- entries
# entry: dict(src, eid, schema, region, names=[(name, field)], imo)

ENTRIES = []


def add(src, eid, schema, region, names, imo=None, extra=None):
    seen, nn = set(), []
    for n, f in names:
        n = clean(n)
        if not n or norm(n) in seen or not norm(n):
            continue
        if ";" in n or (script(n) in ("ar", "cy") and re.search("[A-Za-z]", n)):
            continue  # joined aliases / mixed-script strings
        seen.add(norm(n))
        nn.append((n, f))
    if nn:
        e = dict(
            src=src,
            eid=str(eid),
            schema=schema,
            region=region,
            names=nn,
            imo=imo,
            iranian=src.startswith(("UK-", "UNSC")),
        )
        if extra:
            e.update(extra)
        ENTRIES.append(e)


def region_of(programs, text=""):
    p = programs.upper()
    if any(k in p for k in ("IRAN", "IRGC", "IFSR", "IFCA")):
        return "iran"
    if any(k in p for k in ("RUSSIA", "UKRAINE", "BELARUS", "CAATSA", "CYBER", "ELECTION", "MAGNIT")):
        return "russia"
    if "SYRIA" in p or "HIZBALLAH" in text.upper() or "HEZBOLLAH" in text.upper():
        return "syria"
    if "NPWMD" in p and re.search(r"\bIR\b|IRAN", text.upper()):
        return "iran"
    if re.search(r", (RU|BY)\b", text):
        return "russia"
    if re.search(r", IR\b", text):
        return "iran"
    return None


def load_csl():
    with gzip.open(CSL, "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    maxnum = 0
    for r in rows:
        if r["entity_number"].isdigit():
            maxnum = max(maxnum, int(r["entity_number"]))
        reg = region_of(
            r["programs"],
            r["addresses"] + " " + r["remarks"] + " " + r["nationalities"] + " " + r["citizenships"],
        )
        if not reg:
            continue
        src = r["source"].split(" - ")[0]
        srcshort = {"Specially Designated Nationals (SDN)": "SDN", "Entity List (EL)": "EL"}.get(src)
        if not srcshort:
            continue
        typ = r["type"]
        if not typ:  # Entity List rows carry no type: keep only clear organisations
            allt = set(toks(r["name"]))
            if not (allt & ORGWORDS or re.search(r"\d", r["name"])):
                continue
            typ = "Entity"
        schema = {"Individual": "Person", "Entity": "Company", "Vessel": "Vessel"}.get(typ)
        if not schema:
            continue
        alts = [a for a in re.split(r";\s*|\s*; and\s*", r["alt_names"]) if a.strip()]
        alts = [re.sub(r"^and\s+", "", a.strip()) for a in alts]
        imo = None
        m = re.search(r"IMO (\d{7})", r["ids"])
        if m:
            imo = m.group(1)
        eid = r["entity_number"] or r["_id"][:10]
        nm = [(n, f) for n, f in [(r["name"], "name")] + [(a, "alt_names") for a in alts] if "?" not in n]
        add(
            f"CSL2022/{srcshort}",
            eid,
            schema,
            reg,
            nm,
            imo,
            extra={
                "iranian": bool(
                    re.search(
                        r"\bIR\b|Iran",
                        r["nationalities"]
                        + " "
                        + r["citizenships"]
                        + " "
                        + r["places_of_birth"]
                        + " "
                        + r["addresses"],
                    )
                )
            },
        )
    return maxnum


def read_legacy(path):
    raw = Path(path).read_text(encoding="latin-1").replace("\x1a", "")
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(raw)) if row]


def load_sdn(min_ent):
    sdn = read_legacy(SDN)
    alts = defaultdict(list)
    for row in read_legacy(ALT):
        if len(row) >= 4:
            alts[row[0]].append((row[2].strip('"'), row[3]))
    for row in sdn:
        if len(row) < 12 or not row[0].isdigit() or int(row[0]) <= min_ent:
            continue
        ent, name, typ, prog, remarks = row[0], row[1], row[2], row[3], row[11]
        reg = region_of(prog, remarks)
        if not reg:
            continue
        schema = {"individual": "Person", "vessel": "Vessel"}.get(typ.strip().lower(), "Company")
        imo = None
        m = re.search(r"IMO (\d{7})", remarks)
        if m:
            imo = m.group(1)
        names = [(name, "name")]
        for at, an in alts.get(ent, []):
            if at.lower() in ("aka", "a.k.a.", "nka") or schema != "Vessel":
                names.append((an, "alt " + at))
        add(
            "OFAC-SDN2024+alt2026",
            ent,
            schema,
            reg,
            names,
            imo,
            extra={"iranian": bool(re.search(r"Iran|, IR\b", remarks))},
        )


def load_cons():
    ns = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}"
    z = zipfile.ZipFile(CONS)
    root = ET.fromstring(z.read("CONS_ENHANCED.XML"))
    for e in root.iter(ns + "entity"):
        typ = e.find(f"{ns}generalInfo/{ns}entityType").text
        progs = " ".join(p.text for p in e.iter(ns + "sanctionsProgram"))
        reg = region_of(progs)
        if not reg or typ != "Entity":
            continue
        names = []
        for nm in e.iter(ns + "name"):
            prim = nm.findtext(ns + "isPrimary") == "true"
            at = nm.findtext(ns + "aliasType") or ""
            lq = nm.findtext(ns + "isLowQuality") == "true"
            if lq:
                continue
            for tr in nm.iter(ns + "translation"):
                fn = tr.findtext(ns + "formattedFullName")
                sc = tr.findtext(ns + "script")
                names.append((fn, ("primary" if prim else at.lower()) + "/" + sc))
        add("OFAC-CONS_ENHANCED-2025-01-10", e.get("id"), "Company", reg, names)


def load_un():
    root = ET.parse(UN).getroot()
    for kind, tag in (("Person", "INDIVIDUALS/INDIVIDUAL"), ("Organization", "ENTITIES/ENTITY")):
        for e in root.findall(tag):
            lt = e.findtext("UN_LIST_TYPE")
            ref = e.findtext("REFERENCE_NUMBER")
            latin = " ".join(
                clean(e.findtext(k))
                for k in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
                if clean(e.findtext(k))
            )
            orig = clean(e.findtext("NAME_ORIGINAL_SCRIPT"))
            names = [(latin, "name")]
            if orig:
                names.append((orig, "NAME_ORIGINAL_SCRIPT"))
            als = e.findall("INDIVIDUAL_ALIAS" if kind == "Person" else "ENTITY_ALIAS")
            for a in als:
                if clean(a.findtext("ALIAS_NAME")) and a.findtext("QUALITY") in ("a.k.a.", "Good", "good"):
                    names.append((a.findtext("ALIAS_NAME"), "alias " + a.findtext("QUALITY")))
            reg = {"Iran": "iran"}.get(lt, lt.lower())
            add("UNSC-2026-02-27", ref, kind, reg, names)


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_uk():
    subj = {r["unique_id"]: r for r in _rows(UK / "subjects.csv")}
    names = defaultdict(list)
    for r in _rows(UK / "subject_names.csv"):
        if r["alias_strength"].lower().startswith("low"):
            continue
        names[r["unique_id"]].append((r["full_name"], r["name_type"]))
    imo = {}
    for r in _rows(UK / "subject_identifiers.csv"):
        if r["identifier_type"] == "imo":
            m = re.search(r"(\d{7})", r["raw_value"])
            if m:
                imo[r["unique_id"]] = m.group(1)
    regmap = {"IRN": "iran", "RUS": "russia", "BEL": "russia", "SYR": "syria", "CYB": "russia", "GHR": "ghr"}
    for uid, s in subj.items():
        reg = regmap.get(uid[:3])
        if not reg:
            continue
        schema = {"individual": "Person", "entity": "Company", "ship": "Vessel"}[s["subject_type"]]
        # primary first
        nn = sorted(names.get(uid, []), key=lambda x: {"primary": 0, "primary_variation": 1}.get(x[1], 2))
        add("UK-FCDO-derived-2026-05", uid, schema, reg, nn, imo.get(uid))


def load_ftm():
    for f in FTM:
        tag = "OS-FtM/" + f.parent.name
        for line in f.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            if e["schema"] not in ("Person", "Company", "Organization"):
                continue
            p = e["properties"]
            nn = [(n, "name") for n in p.get("name", [])] + [(n, "alias") for n in p.get("alias", [])]
            if e["schema"] != "Person":
                nn += [(n, "weakAlias") for n in p.get("weakAlias", [])]
            reg = "iran" if "ir" in p.get("country", []) else "russia"
            add(
                tag,
                e["id"],
                e["schema"],
                reg,
                nn,
                extra={"lastNames": [norm(x) for x in p.get("lastName", [])]},
            )


# ----------------------------------------------------------------- exclusion


def load_excluded():
    ex = set()
    for f in EXCL_FILES:
        with open(f, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                for k in ("name1", "name2"):
                    if r.get(k):
                        ex.add(norm(r[k]))
    ex.discard("")
    return ex


# ----------------------------------------------------------------- pair makers

CANDS = defaultdict(list)  # group -> list of (sortkey, row, entry-keys)


def cand(group, schema, n1, n2, is_match, note, keys, score=0.0):
    CANDS[group].append(
        dict(
            group=group,
            schema=schema,
            name1=n1,
            name2=n2,
            is_match=is_match,
            note=note,
            keys=keys,
            score=score,
            order=h(group, n1, n2),
        )
    )


def ekey(e):
    return e["src"] + "#" + e["eid"]


CYR2LAT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
            "u",
        ],
        strict=False,
    )
)


def translit(s):
    return "".join(CYR2LAT.get(ch, ch) for ch in unicodedata.normalize("NFKC", s).casefold())


def plain_latin(n):
    return (
        all(
            ord(c) < 128
            for c in n.replace("\u201c", "")
            .replace("\u201d", "")
            .replace("\u2019", "")
            .replace("\u00ab", "")
            .replace("\u00bb", "")
        )
        and "BRANCH" not in n.upper()
    )


def cross_script_pairs():
    for e in ENTRIES:
        lat = [(n, f) for n, f in e["names"] if script(n) == "la" and plain_latin(n)]
        for sc, grp_p, grp_o in (
            ("ar", "persian_person", "persian_org"),
            ("cy", "cyrillic_person", "cyrillic_org"),
        ):
            oth = [(n, f) for n, f in e["names"] if script(n) == sc and "BRANCH" not in translit(n).upper()]
            if not lat or not oth:
                continue
            grp = grp_p if e["schema"] == "Person" else grp_o
            for o, of in oth:
                tag = (
                    " (Ukrainian/Belarusian form)"
                    if UKR_BEL.search(o) or "\u2019" in o or ("'" in o and sc == "cy")
                    else ""
                )
                if sc == "ar" or e["src"].startswith("UNSC"):
                    partners = [lat[0]]  # the listed primary Latin name
                else:
                    t = norm(translit(o))
                    partners = sorted(lat, key=lambda x: (-ratio(t, norm(x[0])), h(x[0])))
                    if e["schema"] != "Person":
                        partners = partners[:1]
                if e["schema"] == "Person" and sc == "cy":
                    tt = toks(translit(o))
                    partners = [
                        (ln, lf)
                        for ln, lf in partners
                        if all(max(ratio(t.lower(), u.lower()) for u in tt) >= 0.6 for t in toks(ln))
                    ]
                for ln, lf in partners:
                    pri = 2 if tag else 0
                    cand(
                        grp,
                        e["schema"],
                        ln,
                        o,
                        "true",
                        f"{e['src']} {e['eid']}: {lf} vs {of}{tag}",
                        [ekey(e)],
                        score=-pri,
                    )


def acronym_pairs():
    for e in ENTRIES:
        if e["schema"] == "Person" or e["schema"] == "Vessel":
            continue
        lat = [(n, f) for n, f in e["names"] if script(n) == "la"]
        found = []
        for n, f in lat:
            m = re.fullmatch(r"(.{6,}?)\s*\(([A-Z0-9][A-Za-z0-9.\-&]{1,9})\)", n)
            if m and is_acronym(m.group(2), m.group(1)):
                found.append((m.group(1).strip(), m.group(2), f + " (full name and bracketed acronym split)"))
        for a, fa in lat:
            for n, f in lat:
                if a is n or "(" in n:
                    continue
                if is_acronym(a, n):
                    found.append((n, a, f"{f} vs {fa}"))
        seen = set()
        for full, acr, how in found:
            if norm(acr) in seen:
                continue
            seen.add(norm(acr))
            cand(
                "acronym",
                e["schema"],
                full,
                acr,
                "true",
                f"{e['src']} {e['eid']}: {how}",
                [ekey(e)],
                score=1 if e["region"] in ("iran", "russia") else 0,
            )


def org_form_pairs():
    for e in ENTRIES:
        if e["schema"] in ("Person", "Vessel"):
            continue
        lat = [(n, f) for n, f in e["names"] if script(n) == "la"]
        done = set()
        for i, (a, fa) in enumerate(lat):
            for b, fb in lat[i + 1 :]:
                ca, cb = core(a), core(b)
                if not ca or ca != cb or legal(a) == legal(b):
                    continue
                if not (legal(a) or legal(b)):
                    continue
                if "BRANCH" in ca:
                    continue
                k = tuple(sorted((norm(a), norm(b))))
                if k in done:
                    continue
                done.add(k)
                cand(
                    "org_form",
                    e["schema"],
                    a,
                    b,
                    "true",
                    f"{e['src']} {e['eid']}: {fa} vs {fb}",
                    [ekey(e)],
                    score=1 if e["region"] in ("iran", "russia") else 0,
                )


def romanisation_pairs():
    for e in ENTRIES:
        if e["region"] not in ("iran", "russia") or e["schema"] == "Vessel":
            continue
        grp = "romanisation_iran" if e["region"] == "iran" else "romanisation_russia"
        if grp == "romanisation_iran" and e["schema"] == "Person" and not e.get("iranian"):
            continue
        lat = [(n, f) for n, f in e["names"] if script(n) == "la"]
        for i, (a, fa) in enumerate(lat):
            for b, fb in lat[i + 1 :]:
                if e["schema"] != "Person" and (core(a) == core(b) or legal(a) != legal(b)):
                    continue  # legal-form only differences belong to org_form
                if token_variants(a, b):
                    cand(
                        grp,
                        e["schema"],
                        a,
                        b,
                        "true",
                        f"{e['src']} {e['eid']}: {fa} vs {fb}",
                        [ekey(e)],
                        score=1 if e["schema"] == "Person" else 0,
                    )


COMMON_GIVEN = {
    "mohammad",
    "muhammad",
    "mohammed",
    "mohamed",
    "ahmad",
    "ahmed",
    "ali",
    "khan",
    "hassan",
    "hasan",
    "hussein",
    "husain",
    "abdullah",
    "abdallah",
    "akhund",
    "jan",
    "gul",
    "agha",
    "ibrahim",
    "omar",
    "umar",
    "mahmud",
    "mahmoud",
    "yusuf",
    "saleh",
    "salih",
    "abdul",
    "haji",
    "mullah",
}


def person_surname(n):
    n = clean(n)
    if "," in n:
        return norm(n.split(",")[0]), norm(n.split(",")[1].split()[0]) if n.split(",")[1].split() else ""
    t = n.split()
    if len(t) < 2:
        return None, None
    return norm(t[-1]), norm(t[0])


def hard_neg_persons():
    bysrc = defaultdict(list)
    for e in ENTRIES:
        if e["schema"] == "Person":
            bysrc[e["src"]].append(e)
    for src, es in bysrc.items():
        groups = defaultdict(list)
        for e in es:
            lat = [n for n, f in e["names"] if script(n) == "la"]
            if not lat:
                continue
            sur, giv = person_surname(lat[0])
            if sur and giv and len(sur) >= 4 and sur not in COMMON_GIVEN:
                groups[sur].append((giv, lat[0], e))
        for sur, lst in groups.items():
            if len(lst) < 2:
                continue
            for i, (g1, n1, e1) in enumerate(lst):
                for g2, n2, e2 in lst[i + 1 :]:
                    if e1["eid"] == e2["eid"] or ratio(g1, g2) >= 0.6:
                        continue
                    if {norm(x) for x, _ in e1["names"]} & {norm(x) for x, _ in e2["names"]}:
                        continue
                    note = f"{src} {e1['eid']} vs {e2['eid']}: different persons, same surname"
                    cand(
                        "hard_neg_person",
                        "Person",
                        n1,
                        n2,
                        "false",
                        note,
                        [ekey(e1), ekey(e2)],
                        score=(1 if e1["region"] in ("iran", "russia") else 0),
                    )
                    CANDS["hard_neg_person"][-1]["family"] = sur
                    # cross-script variant where both have an original-script name
                    o2 = [n for n, f in e2["names"] if script(n) in ("ar", "cy")]
                    if o2 and not UKR_BEL.search(o2[0]):
                        cand(
                            "hard_neg_person",
                            "Person",
                            n1,
                            o2[0],
                            "false",
                            note + f" (name2 = {e2['eid']} original script)",
                            [ekey(e1), ekey(e2)],
                            score=(1 if e1["region"] in ("iran", "russia") else 0) + 0.5,
                        )
                        CANDS["hard_neg_person"][-1]["family"] = sur
                        CANDS["hard_neg_person"][-1]["xs"] = True


def hard_neg_orgs():
    bysrc = defaultdict(list)
    for e in ENTRIES:
        if e["schema"] in ("Company", "Organization") and e["region"] in ("iran", "russia", "syria"):
            bysrc[e["src"]].append(e)
    for src, es in bysrc.items():
        prims = []
        for e in es:
            lat = [n for n, f in e["names"] if script(n) == "la"]
            if lat and "BRANCH" not in toks(lat[0]):
                prims.append((lat[0], e))
        index = defaultdict(set)
        for i, (n, _e) in enumerate(prims):
            for t in set(core(n)):
                if len(t) >= 3:
                    index[t].add(i)
        pairs = set()
        for t, ids in index.items():
            if len(ids) > 60:
                ids = set(sorted(ids, key=lambda i: h(t, i))[:60])
            ids = sorted(ids)
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    pairs.add((ids[a], ids[b]))
        for i, j in pairs:
            (n1, e1), (n2, e2) = prims[i], prims[j]
            c1, c2 = core(n1), core(n2)
            if c1 == c2 or not c1 or not c2:
                continue
            if {norm(x) for x, _ in e1["names"]} & {norm(x) for x, _ in e2["names"]}:
                continue
            s1, s2 = set(c1), set(c2)
            shared = s1 & s2
            gen = shared & GENERIC
            dist = shared - GENERIC - STOP
            r = ratio(" ".join(c1), " ".join(c2))
            if dist and r >= 0.5:
                kind = "sister/subsidiary or namesake organisations (shared distinctive word)"
            elif len(gen) >= 2 and r >= 0.55:
                kind = "different organisations sharing generic words"
            else:
                continue
            cand(
                "hard_neg_org",
                e1["schema"],
                n1,
                n2,
                "false",
                f"{src} {e1['eid']} vs {e2['eid']}: {kind}",
                [ekey(e1), ekey(e2)],
                score=r,
            )
            CANDS["hard_neg_org"][-1]["family"] = " ".join(sorted(dist or gen))


def vessel_pairs():
    ves = [e for e in ENTRIES if e["schema"] == "Vessel" and e["imo"]]
    by_imo = defaultdict(list)
    for e in ves:
        by_imo[e["imo"]].append(e)
    for imo, es in by_imo.items():
        allnames = []
        for e in es:
            for n, f in e["names"]:
                if script(n) == "la":
                    allnames.append((n, f, e))
        for i, (a, fa, ea) in enumerate(allnames):
            for b, fb, eb in allnames[i + 1 :]:
                if norm(a) == norm(b) or ea is not eb:
                    continue  # same entry only: across lists a same-IMO pair may be a rename
                r = ratio(norm(a), norm(b))
                if token_variants(a, b, 0.6) and r >= 0.75:
                    cand(
                        "vessel",
                        "Vessel",
                        a,
                        b,
                        "true",
                        f"IMO {imo}: {ea['src']} {ea['eid']} {fa} vs {eb['src']} {eb['eid']} {fb} "
                        "(spelling variant, same IMO)",
                        [ekey(ea), ekey(eb)],
                        score=2,
                    )
        # name + IMO number as the list gives both for the same entry
        e = sorted(es, key=lambda x: (x["src"], x["eid"]))[0]
        if e["region"] in ("iran", "russia", "syria"):
            n = e["names"][0][0]
            cand(
                "vessel",
                "Vessel",
                n,
                f"{n} IMO {imo}",
                "true",
                f"{e['src']} {e['eid']}: primary name vs same name + the IMO number the entry lists",
                [ekey(e)],
                score=0,
            )
    # negatives: different IMO, look-alike primary names
    prim = []
    for e in ves:
        if e["region"] in ("iran", "russia", "syria"):
            prim.append((e["names"][0][0], e))
    for i, (a, ea) in enumerate(prim):
        for b, eb in prim[i + 1 :]:
            if ea["imo"] == eb["imo"]:
                continue
            if {norm(x) for x, _ in ea["names"]} & {norm(x) for x, _ in eb["names"]}:
                continue
            r = ratio(norm(a), norm(b))
            if r >= 0.7:
                cand(
                    "vessel",
                    "Vessel",
                    a,
                    b,
                    "false",
                    f"{ea['src']} {ea['eid']} (IMO {ea['imo']}) vs "
                    f"{eb['src']} {eb['eid']} (IMO {eb['imo']}): "
                    "different vessels, look-alike names",
                    [ekey(ea), ekey(eb)],
                    score=r,
                )


# ----------------------------------------------------------------- selection

QUOTA = {  # group: (true, false)
    "persian_person": (30, 0),
    "persian_org": (14, 0),
    "cyrillic_person": (30, 0),
    "cyrillic_org": (40, 0),
    "acronym": (26, 0),
    "org_form": (34, 0),
    "romanisation_iran": (30, 0),
    "romanisation_russia": (30, 0),
    "vessel": (10, 10),
    "hard_neg_org": (0, 75),
    "hard_neg_person": (0, 55),
}
PER_ENTRY_CAP = {
    "cyrillic_person": 4,
    "cyrillic_org": 2,
    "persian_person": 1,
    "persian_org": 1,
    "acronym": 1,
    "org_form": 2,
    "romanisation_iran": 2,
    "romanisation_russia": 2,
    "vessel": 1,
    "hard_neg_org": 2,
    "hard_neg_person": 2,
}
# persian_person: UN list regime priority (Taliban = Dari/Pashto script first)
UN_PRI = {"taliban": 0, "iraq": 1, "yemen": 2, "libya": 2, "al-qaida": 3}


def select(excluded):
    out, used_pairs, used_names = [], set(), Counter()
    stats = Counter()
    for grp, (qt, qf) in QUOTA.items():
        for label, q in (("true", qt), ("false", qf)):
            if not q:
                continue
            cs = [c for c in CANDS[grp] if c["is_match"] == label]

            def key(c, grp=grp):
                src_bal = h(c["keys"][0].split("#")[0], c["order"])
                pri = -c["score"]
                if grp in ("persian_person", "persian_org"):
                    reg = next((e["region"] for e in ENTRIES if ekey(e) == c["keys"][0]), "")
                    pri = UN_PRI.get(reg, 4)
                if grp in ("hard_neg_org", "hard_neg_person", "vessel"):
                    pri = -round(c["score"], 1)
                return (pri, c["order"], src_bal)

            cs.sort(key=key)
            # round-robin over sources so that no single list dominates
            bysrc = defaultdict(list)
            for c in cs:
                bysrc[c["keys"][0].split("#")[0]].append(c)
            order = []
            while any(bysrc.values()):
                for s in sorted(bysrc):
                    if bysrc[s]:
                        order.append(bysrc[s].pop(0))
            if grp in ("persian_person", "persian_org", "hard_neg_org", "hard_neg_person", "vessel"):
                order = cs if grp in ("persian_person", "persian_org") else order
            per_entry = Counter()
            fam = Counter()
            n = 0
            for c in order:
                if n >= q:
                    break
                n1, n2 = norm(c["name1"]), norm(c["name2"])
                if not n1 or not n2 or n1 == n2:
                    stats["identical_after_norm"] += 1
                    continue
                if n1 in excluded or n2 in excluded:
                    stats["excluded_overlap"] += 1
                    continue
                pk = tuple(sorted((n1, n2)))
                if pk in used_pairs:
                    stats["duplicate_pair"] += 1
                    continue
                if any(per_entry[k] >= PER_ENTRY_CAP[grp] for k in c["keys"]):
                    continue
                if c.get("family") and fam[(grp, c["family"])] >= 2:
                    continue
                if c.get("xs") and fam["xs"] >= 12:
                    continue
                if label == "false" and (used_names[n1] >= 2 or used_names[n2] >= 2):
                    continue
                fam[(grp, c.get("family"))] += 1
                fam["xs"] += bool(c.get("xs"))
                used_pairs.add(pk)
                used_names[n1] += 1
                used_names[n2] += 1
                for k in c["keys"]:
                    per_entry[k] += 1
                out.append(c)
                n += 1
            stats[f"{grp}/{label}/available"] = len(cs)
    # negatives never pair a name that is a positive-pair name of the same entry: distinct entries
    return out, stats


def main():
    csl_max = load_csl()
    load_sdn(csl_max)
    load_cons()
    load_un()
    load_uk()
    load_ftm()
    cross_script_pairs()
    acronym_pairs()
    org_form_pairs()
    romanisation_pairs()
    hard_neg_persons()
    hard_neg_orgs()
    vessel_pairs()
    excluded = load_excluded()
    rows, stats = select(excluded)
    rows.sort(key=lambda c: (list(QUOTA).index(c["group"]), c["is_match"] == "false", c["order"]))
    with open(OUT_CSV, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["case_group", "schema", "name1", "name2", "is_match", "note"])
        for c in rows:
            w.writerow([c["group"], c["schema"], c["name1"], c["name2"], c["is_match"], c["note"]])
    cnt = Counter((c["group"], c["is_match"]) for c in rows)
    print(
        f"wrote {len(rows)} rows to {OUT_CSV}  "
        f"(CSL max entity_number {csl_max}; entries loaded {len(ENTRIES)})"
    )
    for g in QUOTA:
        print(
            f"  {g:22s} true={cnt[(g, 'true')]:3d} false={cnt[(g, 'false')]:3d}   "
            f"available true={stats.get(g + '/true/available', 0)} "
            f"false={stats.get(g + '/false/available', 0)}"
        )
    print("  skipped:", {k: v for k, v in stats.items() if "/" not in k})
    print("  schema:", dict(Counter(c["schema"] for c in rows)))
    print("  sources:", dict(Counter(c["keys"][0].split("#")[0] for c in rows)))


if __name__ == "__main__":
    main()
