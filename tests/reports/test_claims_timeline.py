"""Dated claims: resolved date and precision, the entities named, corroboration across independent stories."""

from __future__ import annotations

from datetime import date

from chokepoint.reports import Report


def _claims(report: Report, document: str) -> dict[str, tuple[date, str]]:
    return {c.expression: (c.date, c.precision) for c in report.claims if c.document == document}


def test_explicit_and_relative_dates_of_one_article(ofac_report: Report) -> None:
    found = _claims(ofac_report, "2022-11-15-us-sanctions-qods.txt")
    assert found["on Tuesday"] == (date(2022, 11, 15), "day")
    assert found["in August"] == (date(2022, 8, 1), "month")
    assert found["September 2022"] == (date(2022, 9, 1), "month")
    assert found["earlier this year"] == (date(2022, 1, 1), "year")
    assert found["last week"] == (date(2022, 11, 7), "week")
    assert found["in February"] == (date(2022, 2, 1), "month")


def test_relative_dates_follow_each_versions_own_date(ofac_report: Report) -> None:
    found = _claims(ofac_report, "2024-09-11-port-olya.txt")
    assert found["yesterday"] == (date(2024, 9, 10), "day")
    assert found["in early September"] == (date(2024, 9, 1), "month")
    assert _claims(ofac_report, "2024-02-24-alabuga-sanctions.md")["yesterday"] == (date(2024, 2, 23), "day")


def test_claims_name_linked_entities_or_places(ofac_report: Report) -> None:
    (claim,) = [
        c
        for c in ofac_report.claims
        if c.document == "2024-04-26-sahara-thunder.txt" and c.expression == "on Thursday"
    ]
    assert "us-ofac-sdn-48720" in claim.keys and "SAHARA THUNDER" in claim.names


def test_a_dated_sentence_naming_anyone_is_a_claim_and_one_naming_no_one_is_not(ofac_report: Report) -> None:
    def claims(document: str) -> dict[str, tuple[str, ...]]:
        return {c.expression: c.names for c in ofac_report.claims if c.document == document}

    # a weapon system and an unlisted place: "trained on the Shahed-136 in occupied Crimea in September"
    assert "Shahed-136" in claims("2022-12-09-russian-drone-units.md")["in September"]
    # an organisation on no list, found as a candidate span: "The White House said on Friday ..."
    assert "White House" in claims("2023-06-09-alabuga-factory.html")["on Friday"]
    # a lone name: "... in September last year, Kirby said."
    assert "Kirby" in claims("2023-06-09-alabuga-factory.html")["in September last year"]
    # "Ukraine's air force said it had shot down ..." names Ukraine; "The Caspian crossing takes about
    # three days." has no date; the title and the date line under it are not claims
    assert not any(c.sentence.startswith("US blacklists") for c in ofac_report.claims)


def test_lone_names_are_shown_but_do_not_make_two_claims_one(ofac_report: Report) -> None:
    (eu,) = [c for c in ofac_report.claims if c.expression == "in July next year"]
    assert eu.names == ("EU",) and eu.keys == () and eu.corroboration == 1


def test_the_dateline_is_not_a_claim(ofac_report: Report) -> None:
    assert not any(c.expression in ("Nov. 14", "Oct. 20") for c in ofac_report.claims)


def test_corroboration_counts_independent_stories_not_republications(ofac_report: Report) -> None:
    mehrabi = [c for c in ofac_report.claims if c.date.year == 2021 and "us-ofac-sdn-33596" in c.keys]
    assert {c.document: c.expression for c in mehrabi} == {
        "2022-09-08-safiran-flights.txt": "in October last year",
        "2022-10-20-eu-lists-shahed.txt": "October 2021",
        "2023-07-21-eu-drone-parts-ban.txt": "Oct. 29, 2021",
        "2023-11-14-caspian-route.txt": "October 2021",
        "2023-11-17-caspian-route-steppe.html": "October 2021",
    }
    # five articles, four stories: the Caspian route story counts once for its two versions
    assert {c.corroboration for c in mehrabi} == {4} and len({c.group for c in mehrabi}) == 1
    first_kits = [
        c
        for c in ofac_report.claims
        if c.expression == "earlier this month" and c.document.startswith("2023-11")
    ]
    assert len(first_kits) == 3 and {c.corroboration for c in first_kits} == {1}
