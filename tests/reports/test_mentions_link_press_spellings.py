"""Press spellings in our sample articles link to the right entries of the real OFAC SDN list (2024-05-03)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from chokepoint.reports import Linker, Report, tokens


def _linked(linker: Linker, text: str) -> dict[str, str | None]:
    toks = tokens(text)
    return {
        text[toks[c.first].start : toks[c.last - 1].end]: (c.entity.entity_id if c.entity else None)
        for c in linker.sentence(text, toks)
    }


@pytest.mark.parametrize(
    ("sentence", "surface", "entity_id"),
    [
        # the three press spellings
        ("Sanctions hit Quds Aviation Industry last year.", "Quds Aviation Industry", "us-ofac-sdn-16418"),
        ("Brigadier General Abdollah Mehrabi oversaw it.", "Abdollah Mehrabi", "us-ofac-sdn-33596"),
        ("The firm is run by Ghassem Damavandian now.", "Ghassem Damavandian", "us-ofac-sdn-40416"),
        # romanisation variants the list does not carry: the matcher links them
        ("The firm is run by Qasem Damavandian now.", "Qasem Damavandian", "us-ofac-sdn-40416"),
        ("Officials named Kazem Mirzaei Kondori too.", "Kazem Mirzaei Kondori", "us-ofac-sdn-48725"),
        (
            "Officials named Hamid Reza Sharifi Tehrani too.",
            "Hamid Reza Sharifi Tehrani",
            "us-ofac-sdn-40418",
        ),
        # legal form left out by the press, British spelling, words reordered
        ("Ships of Safe Seas Ship Management sailed.", "Safe Seas Ship Management", "us-ofac-sdn-48712"),
        (
            "The Shahed Aviation Industries Research Centre said.",
            "Shahed Aviation Industries Research Centre",
            "us-ofac-sdn-39637",
        ),
        (
            "Work at the Alabuga Special Economic Zone went on.",
            "Alabuga Special Economic Zone",
            "us-ofac-sdn-45708",
        ),
        # "IRGC Aerospace Force" is the IRGC's air arm, not the IRGC itself; an acronym the matcher knows,
        # and one owning a unit
        ("Drones of the IRGC Aerospace Force were used.", "IRGC Aerospace Force", "us-ofac-sdn-12055"),
        ("Officials said the IRGC was behind it.", "IRGC", "us-ofac-sdn-10391"),
        (
            "Officials said the IRGC's Aerospace Force was behind it.",
            "IRGC's Aerospace Force",
            "us-ofac-sdn-12055",
        ),
        # a longer list name holding a shorter one ("Ministry of Defence" is another state's alias)
        (
            "Officials named the Ministry of Defence and Armed Forces Logistics.",
            "Ministry of Defence and Armed Forces Logistics",
            "us-ofac-sdn-10392",
        ),
        # an ordinal first
        (
            "It named the 924th State Center for UAV Aviation.",
            "924th State Center for UAV Aviation",
            "us-ofac-sdn-40192",
        ),
    ],
)
def test_press_spelling_links_to_the_ofac_entry(
    ofac_linker: Linker, sentence: str, surface: str, entity_id: str
) -> None:
    assert _linked(ofac_linker, sentence).get(surface) == entity_id


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # a one-word alias does not name a longer name ("SAHA" is Iran Aircraft Industries, not the airline)
        ("Officials named Iran Air and Saha Airlines.", "Saha Airlines"),
        # a near first name and a near surname do not make up for a middle name the list lacks
        ("Officials named Amir Hossein Alirezaei.", "Amir Hossein Alirezaei"),
        # a place and a common noun are not "ALABUGA DEVELOPMENT OOO" or "TEHRAN CEMENT COMPANY"
        ("The Alabuga plant grew.", "Alabuga"),
        ("It is a Tehran company, officials said.", "Tehran"),
        # one capitalised word of a sentence start, and a one-word ship name without a ship in sight
        ("Vista Equity and Aries Capital were named.", "Vista Equity"),
    ],
)
def test_names_that_are_not_listed_parties_stay_unlinked(
    ofac_linker: Linker, sentence: str, surface: str
) -> None:
    found = _linked(ofac_linker, sentence)
    assert surface in found and found[surface] is None


def test_single_word_vessel_links_only_next_to_a_ship_word(ofac_linker: Linker) -> None:
    assert _linked(ofac_linker, "The tanker CHEM left port.")["CHEM"] == "us-ofac-sdn-48713"
    assert _linked(ofac_linker, "Sales of CHEM grew.").get("CHEM") is None


def test_every_listed_name_in_the_sample_articles_is_found_and_none_wrongly_linked(
    ofac_report: Report,
) -> None:
    linked = {(m.document, m.text): m.entity_id for m in ofac_report.mentions if m.entity_id}
    assert linked[("2023-01-06-qods-leadership.txt", "Qods Aviation Industries")] == "us-ofac-sdn-16418"
    assert linked[("2024-04-26-sahara-thunder.txt", "CHEM")] == "us-ofac-sdn-48713"
    assert (
        linked[("2023-11-14-caspian-route.txt", "Mehrabi")] == "us-ofac-sdn-33596"
    )  # surname after full name
    assert linked[("2024-11-19-caspian-ports.md", "IRISL")] == "us-ofac-sdn-25396"  # initials after full name
    wrong = {k: v for k, v in linked.items() if v not in _EXPECTED_IDS}
    assert not wrong


def test_mentions_carry_offsets_sentence_kind_and_reference(ofac_report: Report) -> None:
    docs = {d.id: d for d in ofac_report.documents}
    for m in ofac_report.mentions:
        assert docs[m.document_id].text[m.start : m.end] == m.text
        assert m.text in m.sentence or " ".join(m.text.split()) in " ".join(m.sentence.split())
    kinds = {(m.text, m.kind, m.ref) for m in ofac_report.mentions if m.document.startswith("2024-02-24")}
    # a name on no list is still a mention, not linked ("Students of the" dropped from a sentence start)
    assert ("Alabuga Polytechnic", "other", None) in kinds
    assert ("Geran-2", "weapon system", "weapon:Geran-2") in kinds
    assert ("TMS320F28335", "component", "part:TMS320F28335PGFA") in kinds
    assert ("Texas Instruments", "component", "maker:Texas Instruments") in kinds
    assert ("u-blox", "component", "maker:u-blox") in kinds
    assert ("Tatarstan", "place", "place:Tatarstan") in kinds


def test_demo_list_links_aliases_and_vessels(demo_report: Report) -> None:
    linked = {(m.document, m.text): m.entity_id for m in demo_report.mentions if m.entity_id}
    olya = "2024-09-11-port-olya.txt"
    assert linked[(olya, "Port Olya-3")] == "cp-port-olya-3"
    assert linked[(olya, "Omskiy-103")] == "cp-omskiy-103"
    assert linked[("2022-11-15-us-sanctions-qods.txt", "IRGC Air Force")] == "cp-irgc-aerospace-force"


def test_demo_list_links_every_listed_name_of_the_answer_key_and_nothing_else(
    demo_report: Report, articles: Path
) -> None:
    lines = (articles / "answers.csv").read_text(encoding="utf-8").splitlines()
    rows = [
        r
        for r in csv.DictReader(line for line in lines if not line.startswith("#"))
        if r["kind"] == "mention"
    ]
    linked = [m for m in demo_report.mentions if m.entity_id]
    for row in rows:
        wanted = {e for e in row["expected"].split("|") if e.startswith("cp-")}
        near = {m.entity_id for m in linked if m.document == row["file"] and row["text"].startswith(m.text)}
        assert near <= wanted and (near or not wanted), row
    allowed = {e for r in rows for e in r["expected"].split("|")}
    assert {m.entity_id for m in linked} <= allowed


_EXPECTED_IDS = {
    "us-ofac-sdn-" + n
    for n in "16418 39637 27850 33574 39096 33596 38978 12055 40416 40417 40418 40420 45708 45710 45714 "
    "45713 48720 48713 48712 48722 48721 48691 48724 48725 48726 25396 39038 39039 39036 11195 40191 40192 "
    "40193 25237 12927 45431 30970 25450 33594".split()
}
