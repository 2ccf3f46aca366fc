"""Re-publications of one story with edits (and one in HTML) share a cluster; other stories do not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.reports import Report, cluster_texts


def test_the_versions_of_each_story_are_one_cluster(ofac_report: Report) -> None:
    members = {tuple(sorted(d.name for d in docs)) for docs in ofac_report.cluster_members().values()}
    assert (
        "2023-11-14-caspian-route.txt",
        "2023-11-16-caspian-route-volga.md",
        "2023-11-17-caspian-route-steppe.html",
    ) in members
    # an HTML page and a plain-text re-publication three days later with its own wording and dateline
    assert ("2023-06-09-alabuga-factory.html", "2023-06-12-alabuga-factory-steppe.txt") in members
    assert ("2022-11-15-us-sanctions-qods.txt", "2022-11-16-us-sanctions-qods-ledger.txt") in members
    assert len(members) == 13 and sum(len(m) for m in members) == 17


def test_cluster_id_is_the_earliest_version_and_similarity_is_reported(ofac_report: Report) -> None:
    by_name = {d.name: d for d in ofac_report.documents}
    first = by_name["2023-11-14-caspian-route.txt"]
    copy = by_name["2023-11-16-caspian-route-volga.md"]
    assert ofac_report.cluster_of[copy.id] == "story-" + first.id.removeprefix("doc-")[:10]
    assert ofac_report.similarity[first.id] == 1.0 and 0.4 <= ofac_report.similarity[copy.id] < 1.0


def test_same_topic_different_stories_stay_apart() -> None:
    a = "iran shipped drone kits from amirabad to makhachkala earlier this month officials said".split()
    b = "the united states sanctioned ships that carried iranian missiles from amirabad to astrakhan".split()
    roots, _ = cluster_texts([a, b])
    assert roots == [0, 1]


def test_an_excerpt_joins_its_source_by_containment() -> None:
    source = [f"w{i}" for i in range(300)]
    roots, _ = cluster_texts([source, source[100:200]])
    assert roots == [0, 0]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([f"w{i}" for i in range(400)]), min_size=0, max_size=60), max_size=6)
)
def test_identical_texts_always_share_a_cluster(texts: list[list[str]]) -> None:
    roots, _ = cluster_texts(texts + texts)
    n = len(texts)
    for i in range(n):
        if texts[i]:
            assert roots[i] == roots[i + n] and roots[i] <= i
