"""Fixtures for reports: linkers over the real OFAC SDN list of 2024-05-03 and over the demo sample list,
and the bundled sample articles (examples/reports) analysed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.lists import read_lists
from chokepoint.reports import Linker, Report, analyse_documents, read_documents, tokens

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ARTICLES = EXAMPLES / "reports"


@pytest.fixture(scope="session")
def articles() -> Path:
    """The sample articles shipped for the demo (examples/reports) with their answer key."""
    return ARTICLES


@pytest.fixture(scope="session")
def ofac_linker(sanctions_dir: Path) -> Linker:
    """The listed subjects of the real OFAC SDN file of 2024-05-03 (about 15,000), gazetteer and matcher."""
    (sdn,) = read_lists([sanctions_dir / "us_ofac_sdn" / "2024-05-03" / "sdn.csv"])
    linker = Linker(sdn.entities)
    warm = "Quds Aviation Industry hired Ghassem Damavandian in Tehran."
    linker.sentence(warm, tokens(warm))  # warm the matcher's lookups once
    return linker


@pytest.fixture(scope="session")
def demo_linker() -> Linker:
    (demo,) = read_lists([EXAMPLES / "drone_story.ftm.json"])
    return Linker(demo.entities)


@pytest.fixture(scope="session")
def ofac_report(ofac_linker: Linker) -> Report:
    """examples/reports analysed against the OFAC SDN list of 2024-05-03."""
    return analyse_documents(read_documents([ARTICLES]), ofac_linker)


@pytest.fixture(scope="session")
def demo_report(demo_linker: Linker) -> Report:
    return analyse_documents(read_documents([ARTICLES]), demo_linker)
