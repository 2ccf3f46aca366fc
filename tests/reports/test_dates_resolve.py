"""Dates in sentences: explicit ones as written, relative ones against the article's date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.reports import find_dates

BASE = date(2023, 11, 14)  # a Tuesday
MONTHS = "January February March April May June July August September October November December".split()


def _one(sentence: str, base: date | None = BASE) -> tuple[str, str, str]:
    (found,) = find_dates(sentence, base)
    return found.text, found.date.isoformat(), found.precision


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Qods Aviation was listed on 6 January 2023.", ("6 January 2023", "2023-01-06", "day")),
        ("It was listed on Jan. 6, 2023, officials said.", ("Jan. 6, 2023", "2023-01-06", "day")),
        ("The order of 2023-02-25 took effect.", ("2023-02-25", "2023-02-25", "day")),
        ("Deliveries began in August 2022.", ("August 2022", "2022-08-01", "month")),
        ("The plant opened in 2023.", ("in 2023", "2023-01-01", "year")),
        ("He has led it since at least 2020.", ("since at least 2020", "2020-01-01", "year")),
        ("Ships left Amirabad earlier this month.", ("earlier this month", "2023-11-01", "month")),
        ("Output will double next year.", ("next year", "2024-01-01", "year")),
        ("The route was documented last year.", ("last year", "2022-01-01", "year")),
        ("Kits arrived last month.", ("last month", "2023-10-01", "month")),
        ("Kits arrived last week.", ("last week", "2023-11-06", "week")),
        ("Deliveries started in December.", ("in December", "2022-12-01", "month")),
        ("The plant will open in December.", ("in December", "2023-12-01", "month")),
        ("Officials met in November.", ("in November", "2023-11-01", "month")),
        ("Officials said on Tuesday that ships left.", ("on Tuesday", "2023-11-14", "day")),
        ("Officials said on Friday that ships left.", ("on Friday", "2023-11-10", "day")),
        ("Officials will meet on Friday.", ("on Friday", "2023-11-17", "day")),
        ("Washington yesterday added the zone.", ("yesterday", "2023-11-13", "day")),
        ("It happened three months ago.", ("three months ago", "2023-08-01", "month")),
        ("Talks were held on 20 October.", ("20 October", "2023-10-20", "day")),
    ],
)
def test_date_expression_resolves(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _one(sentence) == expected


PAST = "Officials said the ships left {}."
FUTURE = "Officials said the ships will leave {}."


@pytest.mark.parametrize(
    ("expression", "article", "sentence", "expected"),
    [
        # explicit dates: as written, whatever the article date and tense
        ("on March 3, 2023", "2024-05-01", PAST, ("2023-03-03", "day")),
        ("since 16 December 2022", "2024-05-01", PAST, ("2022-12-16", "day")),
        ("in 1957", "2024-05-01", "The firm was founded {}.", ("1957-01-01", "year")),
        ("since 2008", "2024-05-01", "It has been under sanctions {}.", ("2008-01-01", "year")),
        # a day and month: the latest on or before the article date, or the next one in the future
        ("on 23 February", "2023-03-10", PAST, ("2023-02-23", "day")),
        ("on 23 February", "2023-02-10", PAST, ("2022-02-23", "day")),
        ("on 23 February", "2023-02-10", FUTURE, ("2023-02-23", "day")),
        # weekdays (2023-11-16 is a Thursday)
        ("on Tuesday", "2023-11-16", PAST, ("2023-11-14", "day")),
        ("on Tuesday", "2023-11-14", PAST, ("2023-11-14", "day")),
        ("on Tuesday", "2023-11-16", FUTURE, ("2023-11-21", "day")),
        ("on Monday", "2023-11-16", PAST, ("2023-11-13", "day")),
        ("last Friday", "2023-11-16", PAST, ("2023-11-10", "day")),
        ("last Friday", "2023-11-17", PAST, ("2023-11-10", "day")),
        ("on Tuesday", "2023-11-16", "The Treasury said {} it will list more firms.", ("2023-11-14", "day")),
        ("on Friday", "2023-07-21", "Tehran denied {} that it had supplied drones.", ("2023-07-21", "day")),
        # weeks, months and years around the article date
        ("this week", "2023-11-16", PAST, ("2023-11-16", "week")),
        ("last week", "2023-11-16", PAST, ("2023-11-06", "week")),
        ("last month", "2023-01-05", PAST, ("2022-12-01", "month")),
        ("earlier this month", "2023-11-16", PAST, ("2023-11-01", "month")),
        ("in October last year", "2023-03-01", PAST, ("2022-10-01", "month")),
        ("in September of last year", "2023-06-12", PAST, ("2022-09-01", "month")),
        ("in July next year", "2023-07-21", FUTURE, ("2024-07-01", "month")),
        ("two years ago", "2023-06-09", PAST, ("2021-01-01", "year")),
        ("last year", "2024-01-02", PAST, ("2023-01-01", "year")),
        ("next year", "2023-06-09", FUTURE, ("2024-01-01", "year")),
        # a bare month: the nearest one the tense allows
        ("in December", "2023-11-16", PAST, ("2022-12-01", "month")),
        ("in December", "2023-11-16", FUTURE, ("2023-12-01", "month")),
        ("in December", "2023-12-05", PAST, ("2023-12-01", "month")),
        ("in December", "2023-12-05", FUTURE, ("2023-12-01", "month")),
        ("since August", "2023-06-09", PAST, ("2022-08-01", "month")),
        (
            "in December",
            "2023-01-06",
            "The EU listed the company {} and is expected to add its managers next month.",
            ("2022-12-01", "month"),
        ),
        ("in November", "2024-10-14", "Diplomats said the bloc will list ports {}.", ("2024-11-01", "month")),
        ("in December", "2023-11-16", "{}, the EU will list them.", ("2023-12-01", "month")),
    ],
)
def test_expression_article_date_and_tense_give_the_date(
    expression: str, article: str, sentence: str, expected: tuple[str, str]
) -> None:
    text = sentence.format(expression)
    text = text[0].upper() + text[1:]
    (ref,) = [
        d for d in find_dates(text, date.fromisoformat(article)) if d.text.lower() in expression.lower()
    ]
    assert (ref.date.isoformat(), ref.precision) == expected


def test_relative_dates_need_the_article_date() -> None:
    assert find_dates("Kits arrived last month and in August 2022.", None)[0].text == "August 2022"
    assert len(find_dates("Kits arrived last month and in August 2022.", None)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "They may ship more.",
        "Some 2000 drones were built.",
        "The Shahed-238 flew.",
        "A 6,000-drone plant.",
        "March on, they said.",
    ],
)
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, BASE) == []


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    day=days,
    style=st.sampled_from(["{d} {M} {y}", "{M} {d}, {y}", "{y}-{m:02d}-{d:02d}", "{d}th of {M} {y}"]),
)
def test_explicit_dates_round_trip(day: date, style: str) -> None:
    text = style.format(d=day.day, M=MONTHS[day.month - 1], y=day.year, m=day.month)
    (found,) = find_dates(f"It happened on {text}.", None)
    assert (found.date, found.precision, found.relative) == (day, "day", False)


@settings(max_examples=200, deadline=None)
@given(base=days, month=st.integers(1, 12), future=st.booleans())
def test_bare_month_is_the_nearest_in_the_sentences_tense(base: date, month: int, future: bool) -> None:
    verb = "will ship" if future else "shipped"
    (found,) = find_dates(f"Iran {verb} drones in {MONTHS[month - 1]}.", base)
    assert found.date.month == month and found.date.day == 1 and found.precision == "month"
    this_month = base.replace(day=1)
    if future:
        assert this_month <= found.date < date(this_month.year + 1, this_month.month, 1)
    else:
        assert date(this_month.year - 1, this_month.month, 1) < found.date <= this_month


@settings(max_examples=200, deadline=None)
@given(
    base=days,
    which=st.sampled_from(["last", "this", "next"]),
    unit=st.sampled_from(["week", "month", "year"]),
)
def test_this_last_next_move_one_unit_from_the_article_date(base: date, which: str, unit: str) -> None:
    (found,) = find_dates(f"Output changed {which} {unit}.", base)
    step = {"last": -1, "this": 0, "next": 1}[which]
    assert found.precision == unit and found.relative
    if unit == "year":
        assert found.date == date(base.year + step, 1, 1)
    elif unit == "month":
        index = base.year * 12 + base.month - 1 + step
        assert found.date == date(index // 12, index % 12 + 1, 1)
    elif which == "this":
        assert found.date == base  # "this week": the part of it the article can speak of
    else:
        assert found.date.weekday() == 0 and found.date - (
            base - timedelta(days=base.weekday())
        ) == timedelta(weeks=step)


PAST_EXPRESSIONS = [
    "on Tuesday",
    "on Monday",
    "last Friday",
    "yesterday",
    "last week",
    "this week",
    "last month",
    "earlier this month",
    "this month",
    "in October last year",
    "in September of last year",
    "two years ago",
    "three weeks ago",
    "a month ago",
    "last year",
    "earlier this year",
    "in December",
    "in early March",
    "since August",
    "last August",
    "on 23 February",
    "on Feb. 23",
]


@settings(max_examples=300, deadline=None)
@given(
    base=days,
    expression=st.sampled_from(PAST_EXPRESSIONS),
    verb=st.sampled_from(["shipped drones", "said it had shipped drones", "was listed", "began work"]),
    then=st.sampled_from(["", ", officials said", " and will ship more", ", and Tehran will answer"]),
)
def test_relative_dates_of_past_tense_sentences_are_never_after_the_article_date(
    base: date, expression: str, verb: str, then: str
) -> None:
    found = find_dates(f"Iran {verb} {expression}{then}.", base)
    assert found and all(d.relative for d in found)
    assert all(d.date <= base for d in found), found
