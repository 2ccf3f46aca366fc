"""Reports: articles in, who and what they name, which of those are listed, which articles are the same
story, and a timeline of dated claims.

Owns reading articles (.txt, .md, .html through trafilatura, .pdf through pypdf) with their title,
publisher, publication date and language; the gazetteer (an Aho-Corasick automaton over the store's
list names, the shipped places and weapon systems, and the goods catalogue's makers and parts);
candidate name spans linked by the matcher; re-publication clusters (MinHash), also across ingests (the
stories and claims saved in the store); dated claims with corroboration; and the ``mentions.csv``,
``clusters.csv``, ``timeline.csv`` outputs.
"""

from chokepoint.reports._claims import Claim
from chokepoint.reports._cluster import cluster_texts
from chokepoint.reports._dates import PRECISIONS, DateRef, find_dates
from chokepoint.reports._gazetteer import Gazetteer
from chokepoint.reports._ingest import EXTENSIONS, Document, discover, read_document
from chokepoint.reports._link import Linker
from chokepoint.reports._pipeline import Mention, Report, analyse_documents, ingest_reports, read_documents
from chokepoint.reports._records import DATASET, report_records, save_report
from chokepoint.reports._refdata import Reference, load_reference, places, weapons
from chokepoint.reports._spans import Span, find_spans
from chokepoint.reports._stories import History, stored_history
from chokepoint.reports._text import norm_tokens, sentences, tokens
from chokepoint.reports._write import (
    CLAIM_COLUMNS,
    CLUSTER_COLUMNS,
    MENTION_COLUMNS,
    report_tables,
    write_report,
)

#: What a mention can be.
KINDS = ("person", "organisation", "place", "vessel", "weapon system", "component", "other")

__all__ = [
    "CLAIM_COLUMNS",
    "CLUSTER_COLUMNS",
    "DATASET",
    "EXTENSIONS",
    "KINDS",
    "MENTION_COLUMNS",
    "PRECISIONS",
    "Claim",
    "DateRef",
    "Document",
    "Gazetteer",
    "History",
    "Linker",
    "Mention",
    "Reference",
    "Report",
    "Span",
    "analyse_documents",
    "cluster_texts",
    "discover",
    "find_dates",
    "find_spans",
    "ingest_reports",
    "load_reference",
    "norm_tokens",
    "places",
    "read_document",
    "read_documents",
    "report_records",
    "report_tables",
    "save_report",
    "sentences",
    "stored_history",
    "tokens",
    "weapons",
    "write_report",
]
