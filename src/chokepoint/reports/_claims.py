"""Dated claims: sentences of the body (dateline excepted) with a date that name someone or something: a
listed party, a place, a weapon system, an unlisted organisation or person (a candidate span, or a lone
capitalised name such as "Kirby").

Two claims are one when their dates agree at the coarser precision (a year only matches a year) and they
share half the smaller set of named parties and places besides countries (a group's claims must each be one
with its first claim); corroboration = the number of distinct re-publication clusters carrying the claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from chokepoint.reports._dates import PRECISIONS, find_dates

__all__ = ["Claim", "claims_of", "corroborate"]


@dataclass(frozen=True, slots=True)
class Claim:
    document_id: str
    document: str
    """The article's display name."""
    start: int
    end: int
    """Offsets of the sentence in the article text."""
    sentence: str
    expression: str
    """The date as written ("earlier this month")."""
    date: date
    precision: str
    relative: bool
    keys: tuple[str, ...]
    """Linked entity ids, reference refs (``place:Amirabad``) and unlinked names (``name:white house``)."""
    names: tuple[str, ...]
    countries: frozenset[str] = frozenset()
    """Which of ``keys`` are countries (weak evidence that two claims are one)."""
    cluster: str = ""
    corroboration: int = 1
    group: int = 0
    """Claims with the same group say the same thing."""


def claims_of(
    document_id: str,
    name: str,
    text: str,
    sentences: Sequence[tuple[int, int]],
    named: Sequence[Sequence[tuple[str, str, bool]]],
    published: date | None,
    skip: tuple[int, int] | None = None,
) -> list[Claim]:
    """Claims of one article. ``named[i]`` lists (key, label, is_country) of what sentence i names (key ""
    for a lone name: shown, not compared); a sentence that names nothing is not a claim."""
    out: list[Claim] = []
    for (start, end), mentions in zip(sentences, named, strict=True):
        if not mentions:
            continue
        keys = tuple(dict.fromkeys(k for k, _, _ in mentions if k))
        labels = tuple(dict.fromkeys(label for _, label, _ in mentions))
        countries = frozenset(k for k, _, c in mentions if c)
        for ref in find_dates(text, published, start, end):
            if skip is not None and skip[0] <= ref.start < skip[1]:
                continue
            out.append(
                Claim(
                    document_id,
                    name,
                    start,
                    end,
                    text[start:end],
                    ref.text,
                    ref.date,
                    ref.precision,
                    ref.relative,
                    keys,
                    labels,
                    countries,
                )
            )
    return out


def _truncate(day: date, precision: str) -> date:
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def _same(a: Claim, b: Claim) -> bool:
    if ("year" in (a.precision, b.precision)) and a.precision != b.precision:
        return False  # "in 2022" says too little to be the same claim as "in August 2022"
    coarse = max(a.precision, b.precision, key=PRECISIONS.index)
    if coarse == "week" and "month" in (a.precision, b.precision):
        coarse = "month"
    if _truncate(a.date, coarse) != _truncate(b.date, coarse):
        return False
    ka, kb = set(a.keys) - a.countries, set(b.keys) - b.countries
    if not ka or not kb:  # only countries named: the same claim only if it is the same sentence
        return not ka and not kb and " ".join(a.sentence.split()) == " ".join(b.sentence.split())
    shared = len(ka & kb)
    return shared >= 1 and 2 * shared >= min(len(ka), len(kb))


def corroborate(claims: Sequence[Claim], cluster_of: dict[str, str]) -> list[Claim]:
    """The claims with their cluster, group and corroboration (distinct clusters in the group)."""
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_year: dict[int, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_year[claim.date.year].append(i)
    for members in by_year.values():
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                ri, rj = find(i), find(j)
                # the pair and each one with the other's first claim: no chains of half-overlapping claims
                pair = (claims[i], claims[j])
                if ri != rj and _same(*pair) and _same(claims[ri], pair[1]) and _same(pair[0], claims[rj]):
                    parent[max(ri, rj)] = min(ri, rj)
    clusters: dict[int, set[str]] = defaultdict(set)
    for i, claim in enumerate(claims):
        clusters[find(i)].add(cluster_of.get(claim.document_id, claim.document_id))
    return [
        replace(
            c,
            cluster=cluster_of.get(c.document_id, c.document_id),
            group=find(i) + 1,
            corroboration=len(clusters[find(i)]),
        )
        for i, c in enumerate(claims)
    ]
