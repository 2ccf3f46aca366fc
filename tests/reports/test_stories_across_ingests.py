"""Two ingests into one store: a re-publication of a stored story joins its cluster, and a claim counts the
stories of both ingests (the stored claims' corroboration is updated too)."""

from __future__ import annotations

from pathlib import Path

from chokepoint.reports import Linker, Report, analyse_documents, read_documents, save_report, stored_history
from chokepoint.store import Store

MEHRABI = "cp-abdollah-mehrabi"


def _ingest(store: Store, linker: Linker, files: list[Path]) -> Report:
    documents = read_documents(files)
    history = stored_history(store, exclude=[d.id for d in documents])
    report = analyse_documents(documents, linker, history=history)
    save_report(store, report)
    return report


def _mehrabi_2021(store: Store) -> dict[str, int]:
    names = {d.id: d.data["name"] for d in store.report_documents()}
    return {
        names[c.document_id]: c.corroboration
        for c in store.report_timeline(entity_id=MEHRABI)
        if c.date.startswith("2021")
    }


def test_a_later_ingest_joins_stored_stories_and_recounts_their_claims(
    articles: Path, demo_linker: Linker, tmp_path: Path
) -> None:
    with Store(tmp_path / "reports.db") as store:
        first = _ingest(
            store,
            demo_linker,
            [articles / "2022-10-20-eu-lists-shahed.txt", articles / "2023-11-14-caspian-route.txt"],
        )
        route = next(d for d in first.documents if d.name == "2023-11-14-caspian-route.txt")
        assert _mehrabi_2021(store) == {
            "2022-10-20-eu-lists-shahed.txt": 2,
            "2023-11-14-caspian-route.txt": 2,
        }

        second = _ingest(
            store,
            demo_linker,
            [articles / "2023-11-16-caspian-route-volga.md", articles / "2023-07-21-eu-drone-parts-ban.txt"],
        )
        by_name = {d.name: d for d in second.documents}
        volga, parts = (
            by_name["2023-11-16-caspian-route-volga.md"],
            by_name["2023-07-21-eu-drone-parts-ban.txt"],
        )
        # the re-publication joins the stored story (and keeps its id); the other article is a new story
        assert second.cluster_of[volga.id] == first.cluster_of[route.id]
        assert second.cluster_of[parts.id] not in set(first.cluster_of.values())
        assert 0.3 <= second.similarity[volga.id] < 1.0
        (new,) = [c for c in second.claims if c.document_id == parts.id and MEHRABI in c.keys]
        assert new.expression == "Oct. 29, 2021" and new.corroboration == 3
        assert _mehrabi_2021(store) == {
            "2022-10-20-eu-lists-shahed.txt": 3,
            "2023-11-14-caspian-route.txt": 3,
            "2023-07-21-eu-drone-parts-ban.txt": 3,
        }
        saved = {d.data["name"]: d.cluster for d in store.report_documents()}
        assert saved["2023-11-16-caspian-route-volga.md"] == saved["2023-11-14-caspian-route.txt"]


def test_ingesting_an_article_again_does_not_count_it_twice(
    articles: Path, demo_linker: Linker, tmp_path: Path
) -> None:
    files = [articles / "2022-10-20-eu-lists-shahed.txt", articles / "2023-11-14-caspian-route.txt"]
    with Store(tmp_path / "reports.db") as store:
        first = _ingest(store, demo_linker, files)
        again = _ingest(store, demo_linker, files[1:])
        assert again.cluster_of == {d.id: first.cluster_of[d.id] for d in again.documents}
        assert len(store.report_documents()) == 2
        assert set(_mehrabi_2021(store).values()) == {2}
