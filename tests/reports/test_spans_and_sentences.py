"""Candidate spans (capitalised runs, titles, "X of Y") and sentence splitting."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.reports import find_spans, sentences, tokens


def _spans(text: str) -> list[list[tuple[str, str]]]:
    toks = tokens(text)
    return [
        [(s.title, text[toks[s.first].start : toks[s.last - 1].end]) for s in group]
        for group in find_spans(text, toks)
    ]


def test_title_is_set_apart_from_the_name() -> None:
    assert _spans("Brigadier General Abdollah Mehrabi said so.") == [
        [("Brigadier General", "Abdollah Mehrabi")]
    ]
    assert _spans("Brig. Gen. Saeed Aghajani said so.") == [[("Brig. Gen", "Saeed Aghajani")]]
    assert _spans("said managing director Qasem Damavandian.") == [
        [("managing director", "Qasem Damavandian")]
    ]


def test_x_of_y_names_are_one_span_with_their_parts_to_fall_back_on() -> None:
    groups = _spans("The Islamic Republic of Iran Shipping Lines denied it.")
    assert groups[0][0] == ("", "Islamic Republic of Iran Shipping Lines")
    (group,) = _spans("They met Ghassem Damavandian of Quds Aviation Industry there.")
    assert group[0][1] == "Ghassem Damavandian of Quds Aviation Industry"
    assert ("", "Ghassem Damavandian") in group and ("", "Quds Aviation Industry") in group


def test_lowercase_organisation_words_extend_a_name_but_not_a_place() -> None:
    assert (
        _spans("work at the Alabuga special economic zone goes on")[0][0][1]
        == "Alabuga special economic zone"
    )
    assert _spans("work at the Alabuga plant goes on")[0][0][1] == "Alabuga"


def test_determiners_months_and_demonyms_are_dropped_from_the_start() -> None:
    assert _spans("In March Russian drone maker Kupol grew.") == [[("", "Kupol")]]


def test_sentences_keep_abbreviations_and_initials_inside() -> None:
    text = "Brig. Gen. Abdollah Mehrabi met U.S. officials. They left!\n\nNew paragraph without a stop\nNext"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Brig. Gen. Abdollah Mehrabi met U.S. officials.",
        "They left!",
        "New paragraph without a stop\nNext",
    ]


words = st.sampled_from(
    [
        "Iran",
        "the",
        "of",
        "Qods",
        "Aviation",
        "and",
        "drones",
        "Brig.",
        "Gen.",
        "Shahed-136",
        "said",
        "Mehrabi",
        ",",
        "special",
        "zone",
        "U.S.",
        "in",
        "March",
        "Port",
        "Olya-3",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=0, max_size=25))
def test_spans_are_capitalised_in_bounds_and_parts_stay_inside_their_run(parts: list[str]) -> None:
    text = " ".join(parts)
    toks = tokens(text)
    for group in find_spans(text, toks):
        whole = group[0]
        assert 0 <= whole.first < whole.last <= len(toks)
        for span in group:
            assert whole.first <= span.first < span.last <= whole.last
            assert toks[span.first].text[:1].isupper()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'AB")), max_size=80))
def test_sentences_are_ordered_disjoint_and_stripped(text: str) -> None:
    spans = sentences(text)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and e > s
