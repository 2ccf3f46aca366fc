"""Benchmark: reports → mentions, links, clusters and claim dates, scored against an answer key.

Run: ``python benchmarks/bench_reports.py [FOLDER] [--answers CSV] [--lists FILE ...]``. FOLDER defaults
to ``examples/reports`` and its answer key to ``FOLDER/answers.csv``; a held-out folder written by
someone else is scored the same way. The lists default to the real OFAC SDN file of 2024-05-03 and the
UN SC list of 2026-02-27 from ../shared/data (``--lists examples/drone_story.ftm.json`` for the demo list).

Answer key: a CSV with columns ``file,kind,text,expected,date,precision`` (``#`` comment lines allowed):

- ``file``: the article's path relative to FOLDER (as in mentions.csv's ``document`` column).
- ``kind=mention``: ``text`` is a name as written in the article (any occurrence counts: a mention found
  overlapping it); ``expected`` is the right entry, ``|``-separated when several lists carry it: entity ids
  (``us-ofac-sdn-16418``) or list names (``QODS AVIATION INDUSTRIES``, ``MEHRABI, Abdollah``; case,
  punctuation and word order do not matter; a name stands for every entry carrying it). A blank ``expected``
  marks a name on no list: it should be found, and any link for it is a wrong link. A row counts toward
  "on the loaded lists" only when one of its expected ids or names is in the loaded lists.
- ``kind=cluster``: ``expected`` is a story label; files with the same label are re-publications of one
  story and must share a cluster, files with different labels must not.
- ``kind=claim``: ``text`` is a piece of the dated sentence (enough to find it); ``date`` the right date as
  ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``precision`` (optional) day, week, month or year. A claim row is
  right when a claim of that sentence resolves to the same month (the same year for a ``YYYY`` date).

Printed: found % and linked-right % of listed names, wrong-link % of all links made for key names,
found % of unlisted names; clusters exact (pairs right, stories exactly right); claim found % and date
accuracy to the month; documents per second. The peer figures, measured in the same run: an exact,
case-insensitive list-name search (what cross-referencing exact names gives without our normalisation and
matcher; spaCy NER models are not on PyPI as official packages, so Aleph's NER step is not reproduced),
exact-duplicate clustering (same normalised text), and dateparser's ``search_dates`` for claim dates.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import ahocorasick
from dateparser.search import search_dates

from chokepoint.lists import read_lists, version_record
from chokepoint.reports import (
    Linker,
    Report,
    analyse_documents,
    norm_tokens,
    read_documents,
    sentences,
    tokens,
)
from chokepoint.store import Store

ROOT = Path(__file__).resolve().parents[1]
SANCTIONS = ROOT.parent / "shared" / "data" / "sanctions"
DEFAULT_LISTS = [
    SANCTIONS / "us_ofac_sdn" / "2024-05-03" / "sdn.csv",
    SANCTIONS / "un_sc" / "2026-02-27" / "consolidated.xml",
]


def read_key(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    for i, row in enumerate(rows, start=2):
        if row.get("kind") not in ("mention", "cluster", "claim") or not row.get("file"):
            sys.exit(f"error: {path}:{i}: kind must be mention, cluster or claim, and file must be given")
    return rows


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"\s+".join(re.escape(w) for w in surface.split()), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def name_key(name: str) -> str:
    """A list name compared without case, punctuation or word order ("MEHRABI, Abdollah")."""
    return " ".join(sorted(norm_tokens(name).split()))


def score_mentions(key, texts, found, known_ids, known_names):
    """found: file -> list of (start, end, entity_id, caption); known_names: name key -> entity ids."""
    listed = hit = right = unlisted = unlisted_hit = links = wrong = 0
    for row in (r for r in key if r["kind"] == "mention"):
        expected = {e.strip() for e in row["expected"].split("|") if e.strip()}
        ids = {e for e in expected if e in known_ids}
        ids |= {i for e in expected for i in known_names.get(name_key(e), ())}
        spans = occurrences(texts.get(row["file"], ""), row["text"])
        near = [m for m in found.get(row["file"], []) if any(m[0] < e and s < m[1] for s, e in spans)]
        linked = [m for m in near if m[2]]
        links += len(linked)
        wrong += sum(1 for m in linked if m[2] not in ids)
        if ids:
            listed += 1
            hit += bool(near)
            right += any(m[2] in ids for m in linked)
        else:
            unlisted += 1
            unlisted_hit += bool(near)
    return listed, hit, right, unlisted, unlisted_hit, links, wrong


def score_clusters(key, cluster_of_file):
    truth = {r["file"]: r["expected"] for r in key if r["kind"] == "cluster"}
    files = sorted(f for f in truth if f in cluster_of_file)
    pairs = [(a, b) for i, a in enumerate(files) for b in files[i + 1 :]]
    ok = sum((truth[a] == truth[b]) == (cluster_of_file[a] == cluster_of_file[b]) for a, b in pairs)
    stories = defaultdict(set)
    for f in files:
        stories[truth[f]].add(f)
    exact = sum(
        1
        for members in stories.values()
        if {g for g in files if cluster_of_file[g] == cluster_of_file[next(iter(members))]} == members
    )
    return ok, len(pairs), exact, len(stories)


def same_month(found: str, wanted: str) -> bool:
    return found[: len(wanted)] == wanted if len(wanted) == 4 else found[:7] == wanted[:7]


def score_claims(key, claims_by_file):
    rows = [r for r in key if r["kind"] == "claim"]
    found = right = 0
    for row in rows:
        needle = " ".join(row["text"].split()).lower()
        cands = [c for c in claims_by_file.get(row["file"], []) if needle in " ".join(c[1].split()).lower()]
        found += bool(cands)
        right += any(same_month(c[0], row["date"].strip()) for c in cands)
    return found, right, len(rows)


def ours(folder: Path, key, store: Store):
    t0 = time.perf_counter()
    linker = Linker(store.iter_entities(targets_only=True))
    warm = "Quds Aviation Industry hired Ghassem Damavandian in Tehran."
    linker.sentence(warm, tokens(warm))  # one-time warm-up of the matcher's lookups: setup, not per article
    read_documents([next(folder.rglob("*.txt"), folder)])  # loads trafilatura and the language model once
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    documents = read_documents([folder])
    report: Report = analyse_documents(documents, linker)
    elapsed = time.perf_counter() - t1
    texts = {d.name: d.text for d in report.documents}
    found = defaultdict(list)
    for m in report.mentions:
        found[m.document].append((m.start, m.end, m.entity_id, m.caption))
    clusters = {d.name: report.cluster_of[d.id] for d in report.documents}
    claims = defaultdict(list)
    for c in report.claims:
        claims[c.document].append((c.date.isoformat(), c.sentence))
    return texts, found, clusters, claims, setup, elapsed, report


def peer(texts, key, store: Store, published):
    """Exact case-insensitive list-name search, exact-duplicate clusters, dateparser search_dates."""
    t0 = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for entity in store.iter_entities(targets_only=True):
        for name in entity.get("name") + entity.get("alias", quiet=True):
            if len(name) >= 4:
                automaton.add_word(name.lower(), (len(name), str(entity.id), entity.caption))
    automaton.make_automaton()
    setup = time.perf_counter() - t0
    t1 = time.perf_counter()
    found = defaultdict(list)
    for name, text in texts.items():
        low = text.lower()
        for end, (size, eid, caption) in automaton.iter(low):
            start = end + 1 - size
            if (start == 0 or not low[start - 1].isalnum()) and (
                end + 1 >= len(low) or not low[end + 1].isalnum()
            ):
                found[name].append((start, end + 1, eid, caption))
    clusters = {n: hashlib.sha256(" ".join(t.lower().split()).encode()).hexdigest() for n, t in texts.items()}
    elapsed = time.perf_counter() - t1
    claims = defaultdict(list)
    for row in (r for r in key if r["kind"] == "claim"):
        text, base = texts.get(row["file"], ""), published.get(row["file"])
        for s, e in sentences(text):
            sentence = text[s:e]
            if " ".join(row["text"].split()).lower() not in " ".join(sentence.split()).lower():
                continue
            settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day)} if base else {}
            for _, when in search_dates(sentence, languages=["en"], settings=settings) or []:
                claims[row["file"]].append((when.date().isoformat(), sentence))
    return found, clusters, claims, setup, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "examples" / "reports")
    parser.add_argument("--answers", type=Path, help="answer key CSV (default FOLDER/answers.csv)")
    parser.add_argument("--lists", type=Path, nargs="+", default=DEFAULT_LISTS, help="list files to link to")
    args = parser.parse_args()
    key = read_key(args.answers or args.folder / "answers.csv")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        store.load_versions([(version_record(d), d.entities) for d in read_lists(args.lists)])
        known = list(store.iter_entities(targets_only=True))
        known_ids = {str(e.id) for e in known}
        known_names: dict[str, set[str]] = defaultdict(set)
        for e in known:
            for n in [e.caption, *e.get("name"), *e.get("alias", quiet=True)]:
                known_names[name_key(n)].add(str(e.id))
        texts, found, clusters, claims, setup, elapsed, report = ours(args.folder, key, store)
        published = {d.name: d.published for d in report.documents}
        p_found, p_clusters, p_claims, p_setup, p_elapsed = peer(texts, key, store, published)
    docs = len(texts)
    print(f"articles={docs} lists={', '.join(p.name for p in args.lists)} entities={len(known)}")
    for label, f, cl, cm, su, el in (
        ("chokepoint", found, clusters, claims, setup, elapsed),
        ("peer", p_found, p_clusters, p_claims, p_setup, p_elapsed),
    ):
        listed, hit, right, unlisted, u_hit, links, wrong = score_mentions(
            key, texts, f, known_ids, known_names
        )
        ok, pairs, exact, stories = score_clusters(key, cl)
        c_found, c_right, c_rows = score_claims(key, cm)
        pct = lambda a, b: 100.0 * a / b if b else 0.0  # noqa: E731
        print(
            f"{label:10} names on lists={listed} found={pct(hit, listed):.1f}% "
            f"linked right={pct(right, listed):.1f}% "
            f"wrong links={pct(wrong, links):.1f}% ({wrong}/{links}) | unlisted names={unlisted} found="
            f"{pct(u_hit, unlisted):.1f}% | clusters: pairs {ok}/{pairs} stories exact {exact}/{stories} | "
            f"claims found={pct(c_found, c_rows):.1f}% date to the month={pct(c_right, c_rows):.1f}% | "
            f"setup {su:.2f}s {docs / el if el else 0:.1f} docs/s"
        )


if __name__ == "__main__":
    main()
