"""Which name parts matched how: the matcher's explanation turned into a word-by-word table."""

from __future__ import annotations

import pytest

from chokepoint.matching import compare_names, kind_of
from chokepoint.web._evidence import align_names


def aligned(schema: str, query: str, listed: str) -> list[tuple[str, str, str]]:
    score = compare_names(schema, query, listed)
    rows = align_names(score.left, score.right, score.explanation, kind_of(schema))
    return [(r["query_written"] or r["query"], r["list"], r["how"]) for r in rows]


@pytest.mark.parametrize(
    ("schema", "query", "listed", "expected"),
    [
        # a press spelling: one word romanised differently, one the same
        ("Person", "Ghassem Damavandian", "Qasem Damavandian",
         [("ghassem", "qasem", "romanisation"), ("damavandian", "damavandian", "same")]),
        # Persian script: each word shown as written, paired with its romanisation
        ("Person", "قاسم دماوندیان", "Qasem Damavandian",
         [("قاسم", "qasem", "romanisation"), ("دماوندیان", "damavandian", "romanisation")]),
        ("Person", "A. Mehrabi", "Abdollah Mehrabi",
         [("a", "abdollah", "initial"), ("mehrabi", "mehrabi", "same")]),
        # a word on one side only, and legal forms that differ
        ("Company", "Kimia Part Sivan Trading FZE", "Kimia Part Sivan Company LLC",
         [("kimia", "kimia", "same"), ("part", "part", "same"), ("sivan", "sivan", "same"),
          ("trading", "", "only in the query"), ("fze", "co llc", "legal form, differs")]),
    ],
)  # fmt: skip
def test_words_are_paired_as_the_matcher_paired_them(
    schema: str, query: str, listed: str, expected: list[tuple[str, str, str]]
) -> None:
    assert aligned(schema, query, listed) == expected


def test_a_list_word_without_partner_is_shown_on_its_side() -> None:
    assert ("", "jr", "only in the list entry") in aligned("Person", "Abdollah Mehrabi", "Abdolah Mehrabi Jr")
