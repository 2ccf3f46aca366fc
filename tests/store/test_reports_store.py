"""Ingested reports in the store: one transaction per batch, a document saved again replaces itself."""

from __future__ import annotations

from datetime import date

import pytest

from chokepoint.errors import StoreError
from chokepoint.store import ReportClaim, ReportDocument, ReportMention, Store


def _doc(doc_id: str, cluster: str = "story-1", title: str = "Kits cross the Caspian") -> ReportDocument:
    return ReportDocument(
        doc_id,
        f"/articles/{doc_id}.txt",
        title,
        "Caspian Wire",
        date(2023, 11, 14),
        "en",
        cluster,
        "0" * 64,
        {"entity": {"schema": "Document", "id": doc_id}},
    )


def _mention(
    doc_id: str, entity_id: str | None, start: int = 0, text: str = "Abdollah Mehrabi"
) -> ReportMention:
    return ReportMention(
        doc_id,
        start,
        start + len(text),
        text,
        f"{text} oversaw it.",
        "person",
        entity_id,
        1.0,
        {"via": "gazetteer"},
    )


def _claim(doc_id: str, when: str, entities: list[str]) -> ReportClaim:
    return ReportClaim(
        doc_id,
        when,
        "month",
        "Mehrabi oversaw deliveries in August 2022.",
        entities,
        2,
        {"expression": "August 2022"},
    )


def test_documents_mentions_and_claims_round_trip(store_url: str) -> None:
    with Store(store_url) as store:
        saved = store.save_reports(
            [_doc("doc-a"), _doc("doc-b", "story-2")],
            [
                _mention("doc-a", "us-ofac-sdn-33596"),
                _mention("doc-b", "us-ofac-sdn-33596", 5),
                _mention("doc-b", None),
            ],
            [
                _claim("doc-a", "2022-08-01", ["us-ofac-sdn-33596", "place:Amirabad"]),
                _claim("doc-b", "2021-10-01", []),
            ],
        )
        assert saved == 2
        docs = store.report_documents()
        assert [d.id for d in docs] == ["doc-a", "doc-b"] and docs[0].published == date(2023, 11, 14)
        assert docs[0].ingested_at is not None and docs[0].ingested_at.tzinfo is not None
        assert docs[0].data["entity"]["schema"] == "Document"
        mentions = store.report_mentions(document_id="doc-b")
        assert [(m.start, m.entity_id) for m in mentions] == [(0, None), (5, "us-ofac-sdn-33596")]
        timeline = store.report_timeline()
        assert [c.date for c in timeline] == ["2021-10-01", "2022-08-01"]
        assert [c.document_id for c in store.report_timeline(entity_id="place:Amirabad")] == ["doc-a"]


def test_named_in_n_reports_counts_documents_once(store_url: str) -> None:
    with Store(store_url) as store:
        store.save_reports(
            [_doc("doc-a"), _doc("doc-b"), _doc("doc-c")],
            [
                _mention("doc-a", "us-ofac-sdn-33596"),
                _mention("doc-a", "us-ofac-sdn-33596", 40),
                _mention("doc-c", "us-ofac-sdn-33596"),
                _mention("doc-b", "us-ofac-sdn-40416"),
            ],
        )
        assert [d.id for d in store.entity_reports("us-ofac-sdn-33596")] == ["doc-a", "doc-c"]
        assert store.entity_reports("no-such-entity") == []


def test_saving_a_document_again_replaces_it_with_its_mentions_and_claims(store_url: str) -> None:
    with Store(store_url) as store:
        store.save_reports(
            [_doc("doc-a")],
            [_mention("doc-a", "us-ofac-sdn-33596")],
            [_claim("doc-a", "2022-08-01", ["us-ofac-sdn-33596"])],
        )
        store.save_reports(
            [_doc("doc-a", title="Kits cross the Caspian (updated)")], [_mention("doc-a", None)], []
        )
        (doc,) = store.report_documents()
        assert doc.title == "Kits cross the Caspian (updated)"
        assert [m.entity_id for m in store.report_mentions()] == [None]
        assert store.report_timeline() == [] and store.entity_reports("us-ofac-sdn-33596") == []


def test_a_failed_batch_leaves_the_store_as_it_was(store_url: str) -> None:
    with Store(store_url) as store:
        store.save_reports([_doc("doc-a")], [_mention("doc-a", "us-ofac-sdn-33596")])
        with pytest.raises(StoreError):  # a mention of a document that is not in the batch nor the store
            store.save_reports([_doc("doc-a", title="new")], [_mention("doc-zzz", None)])
        (doc,) = store.report_documents()
        assert doc.title == "Kits cross the Caspian" and len(store.report_mentions()) == 1


def test_a_later_batch_updates_the_corroboration_of_saved_claims(store_url: str) -> None:
    with Store(store_url) as store:
        store.save_reports([_doc("doc-a")], [], [_claim("doc-a", "2021-10-01", ["us-ofac-sdn-33596"])])
        (saved,) = store.report_timeline()
        assert saved.id is not None and saved.corroboration == 2
        store.save_reports(
            [_doc("doc-b", "story-2")],
            [],
            [_claim("doc-b", "2021-10-01", ["us-ofac-sdn-33596"])],
            recount={saved.id: 3},
        )
        assert {c.document_id: c.corroboration for c in store.report_timeline()} == {"doc-a": 3, "doc-b": 2}
