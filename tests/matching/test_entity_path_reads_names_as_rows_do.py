"""The entity path (``/match``) reads names as CSV screening does, and uses what entities state.

Names come from OpenSanctions' labelled entity checks (entity_bench_checks.yml, dev split), read at
test time. Each side is an FtM entity reduced as the /match API reduces it, or a ``screen parties``
row; assertions are labels and relations, never our own scores copied back.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from followthemoney import ValueEntity, model

from chokepoint.matching import DEFAULT_THRESHOLD, Query, Scored, Target, score_target
from chokepoint.matching._variants import name_variants

Check = dict[str, Any]


@pytest.fixture(scope="module")
def checks(data_dir: Path) -> list[Check]:
    path = data_dir / "matching" / "opensanctions_nomenklatura" / "entity_bench_checks.yml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)["checks"]


def entity(schema: str, props: dict[str, Any]) -> ValueEntity:
    made = ValueEntity(model.get(schema), {"id": uuid.uuid4().hex})
    for prop, values in props.items():
        for value in values if isinstance(values, list) else [values]:
            made.add(prop, value, quiet=True, fuzzy=True)
    if not made.names:
        made.add("name", " ".join(v for p in ("firstName", "lastName") if (v := made.first(p, quiet=True))))
    return made


def target(check: Check) -> Target:
    return Target.from_entity(1, entity(check["schema"], check["candidate"]))


def scored(query: Query, check: Check) -> Scored:
    result = score_target(query, target(check))
    assert result is not None
    return result


def by_query(checks: list[Check], **props: str) -> list[Check]:
    return [c for c in checks if all(c["query"].get(k) == v for k, v in props.items())]


def test_a_bracketed_country_abbreviation_is_a_qualifier_not_a_name(checks: list[Check]) -> None:
    [yamahdi] = by_query(checks, name="Yamahdi (UK) Limited")
    assert yamahdi["match"] is False
    assert name_variants("Yamahdi (UK) Limited") == ("Yamahdi (UK) Limited",)
    assert name_variants("Bowne Global Solutions (USA)") == ("Bowne Global Solutions (USA)",)


def test_the_entity_path_and_a_csv_row_score_a_name_alike(checks: list[Check]) -> None:
    # one name, two doors: a CSV row and an FtM entity must reach the same score
    for name in ("Yamahdi (UK) Limited", "Al Qaeda", "CRYSTALORD SYSTEMS LIMITED", "Deutsche Bank AG"):
        [check, *_] = by_query(checks, name=name)
        schema = check["schema"]
        row = scored(Query.from_row({"name": name, "schema": schema}), check)
        api = scored(Query.from_entity(entity(schema, check["query"])), check)
        assert row.score == api.score, name
    [yamahdi] = by_query(checks, name="Yamahdi (UK) Limited")
    assert scored(Query.from_row({"name": "Yamahdi (UK) Limited"}), yamahdi).score < DEFAULT_THRESHOLD


def test_a_listed_name_written_with_a_slash_is_two_names(checks: list[Check]) -> None:
    [qaeda] = [c for c in by_query(checks, name="Al Qaeda") if "/" in c["candidate"]["name"]]
    assert qaeda["match"] is True
    listed = target(qaeda)
    assert len(listed.names) > 1 and "Al-Qa'ida" in listed.names
    query = Query.from_entity(entity(qaeda["schema"], qaeda["query"]))
    assert scored(query, qaeda).score >= DEFAULT_THRESHOLD


def test_given_and_family_name_swapped_count_against(checks: list[Check]) -> None:
    [swapped] = by_query(checks, firstName="Friedrich", lastName="Hans")
    [same] = [c for c in by_query(checks, firstName="Hans", lastName="Friedrich") if c["match"]]
    assert swapped["match"] is False
    result = scored(Query.from_entity(entity("Person", swapped["query"])), swapped)
    assert result.score < DEFAULT_THRESHOLD
    [parts] = [f for f in result.features if f.name == "name parts"]
    assert parts.delta < 0 and "swapped" in parts.detail
    assert scored(Query.from_entity(entity("Person", same["query"])), same).score >= DEFAULT_THRESHOLD
    # a screening row stating the parts the other way round is read the same way
    row = Query.from_row({"first_name": "Friedrich", "last_name": "Hans"})
    assert scored(row, swapped).score < DEFAULT_THRESHOLD


def test_a_name_without_stated_parts_is_not_swapped(checks: list[Check]) -> None:
    [swapped] = by_query(checks, firstName="Friedrich", lastName="Hans")
    written = Query.from_row({"full_name": "Friedrich Hans", "schema": "Person"})
    result = scored(written, swapped)
    assert result.score >= DEFAULT_THRESHOLD and not [f for f in result.features if f.name == "name parts"]


def test_a_query_naming_part_of_a_listed_person_matches(checks: list[Check]) -> None:
    # Boris Johnson / Alexandre Boris de Pfeffel Johnson: the list carries names the query leaves out
    [boris] = by_query(checks, name="Boris Johnson")
    assert boris["match"] is True
    forward = scored(Query.from_entity(entity("Person", boris["query"])), boris)
    assert forward.score >= DEFAULT_THRESHOLD
    # the other way round the query has words the listed name lacks: no discount
    backward = Query(schema="Person", names=(boris["candidate"]["name"],))
    shorter = Target.from_entity(1, entity("Person", boris["query"]))
    other = score_target(backward, shorter)
    assert other is not None and other.score < forward.score


def test_a_bracket_inside_a_listed_name_is_not_read_alone(sanctions_dir: Path) -> None:
    sdn = sanctions_dir / "us_ofac_sdn" / "2024-05-03" / "sdn.csv"
    lines = sdn.read_text(encoding="latin-1").splitlines()
    name = next(n for x in lines if (n := x.split(",")[1].strip('"')).endswith("(IRGC)-QODS FORCE"))
    variants = name_variants(name)
    assert "IRGC" not in variants  # the bracket restates the words before it: the IRGC, not its Qods Force
    assert "ISLAMIC REVOLUTIONARY GUARD CORPS-QODS FORCE" in variants
    assert "VOYENTELEKOM" in name_variants("JSC VOENTELECOM (VOYENTELEKOM)")  # one that ends the name
