"""What only PostgreSQL shows: connection errors, URL forms, time zones, streaming, TRUNCATE.

The tests that need a server take ``postgres_url`` (tests/conftest.py: a fresh schema of the
database named by CHOKEPOINT_TEST_PG); the connection-refused ones need no server at all.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest
import sqlalchemy as sa

from chokepoint.errors import InputError
from chokepoint.lists import read_lists, version_record
from chokepoint.model import entity_to_dict
from chokepoint.store import Store

SQL = Callable[..., list[tuple[object, ...]]]  # the ``sql`` fixture of tests/store/conftest.py


@pytest.fixture
def zala(sanctions_dir: Path) -> Path:
    return sanctions_dir / "opensanctions_ftm" / "zala" / "entities.ftm.json"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_options(url: str, option: str) -> str:
    """``url`` with one more libpq ``options`` entry (such as ``-ctimezone=Asia/Tehran``)."""
    parsed = sa.make_url(url)
    options = " ".join(filter(None, [parsed.query.get("options"), option]))  # type: ignore[list-item]
    return parsed.update_query_dict({"options": options}).render_as_string(hide_password=False)


def refused(url: str) -> InputError:
    with pytest.raises(InputError) as info:
        Store(url)
    return info.value


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_server_that_refuses_is_bad_input_naming_the_url_without_its_password(scheme: str) -> None:
    url = f"{scheme}://analyst:s3cret-pw@127.0.0.1:{closed_port()}/lists"
    error = refused(url)
    text = str(error)
    assert error.exit_code == 2 and "\n" not in text and "s3cret-pw" not in text
    assert text.startswith(f"{scheme}://analyst:***@127.0.0.1:")
    assert "cannot connect to the database: " in text and "Connection refused" in text


def test_password_in_the_query_is_masked_too() -> None:
    text = str(refused(f"postgresql://analyst@127.0.0.1:{closed_port()}/lists?password=s3cret-pw"))
    assert "s3cret-pw" not in text and "password=%2A%2A%2A" in text


def test_wrong_credentials_are_bad_input_without_the_password(postgres_url: str) -> None:
    url = sa.make_url(postgres_url).set(username="cp_no_such_role", password="not-the-password")
    text = str(refused(url.render_as_string(hide_password=False)))
    assert "not-the-password" not in text and "cp_no_such_role:***@" in text and "\n" not in text
    # password authentication on a scram/md5 server, the role check on a trusting one
    assert 'password authentication failed for user "cp_no_such_role"' in text or "does not exist" in text


def test_missing_database_is_bad_input(postgres_url: str) -> None:
    url = sa.make_url(postgres_url).set(database="cp_no_such_database")
    text = str(refused(url.render_as_string(hide_password=False)))
    assert 'database "cp_no_such_database" does not exist' in text and "\n" not in text


def test_url_without_a_driver_uses_psycopg(postgres_url: str, zala: Path) -> None:
    bare = postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)
    (data,) = read_lists([zala])
    with Store(bare) as store:
        assert store.engine.dialect.driver == "psycopg"
        store.load_versions([(version_record(data), data.entities)])
    with Store(postgres_url) as store:
        assert [v.targets for v in store.versions()] == [14]


def test_times_come_back_in_utc_whatever_the_session_time_zone(postgres_url: str, zala: Path) -> None:
    (data,) = read_lists([zala])
    with Store(with_options(postgres_url, "-ctimezone=Asia/Tehran")) as store:
        [(version, _)] = store.load_versions([(version_record(data), data.entities)])
        decision = store.add_decision(
            kind="party",
            query_key="osetrova",
            target_id="x",
            decision="cleared",
            reason="r",
            who="a",
            basis="b",
        )
        stored = store.versions()[0].loaded_at
        assert stored is not None and stored.tzinfo == UTC and stored == version.loaded_at
        assert store.decisions()[0].decided_at.tzinfo == UTC == store.audit_log()[0].at.tzinfo
        assert store.decisions()[0].decided_at == decision.decided_at


def test_entities_stream_through_a_server_side_cursor(postgres_url: str, sql: SQL, zala: Path) -> None:
    (data,) = read_lists([zala])
    with Store(postgres_url) as store:
        store.load_versions([(version_record(data), data.entities)])
        entities = store.iter_entities()
        first = next(entities)
        app = sa.make_url(postgres_url).query["application_name"]
        queries = sql(
            postgres_url, "SELECT query FROM pg_stat_activity WHERE application_name = :app", app=app
        )
        assert any(str(q).startswith("FETCH FORWARD") for (q,) in queries), queries
        assert first.id and sum(1 for _ in entities) == 90
        # an abandoned iteration gives its connection back: a new version can be written at once
        entities = store.iter_entities()
        next(entities)
        entities.close()
        assert store.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        record = version_record(data)
        record.sha256 = "f" * 64
        [(_, changed)] = store.load_versions([(record, data.entities)])
        assert changed and store.count_entities(current_only=False) == 182


def test_audit_log_refuses_truncate(postgres_url: str, sql: SQL) -> None:
    with Store(postgres_url) as store:
        store.audit("a.analyst", "screen.parties", {"rows": 1})
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        sql(postgres_url, "TRUNCATE audit_log")
    assert sql(postgres_url, "SELECT count(*) FROM audit_log") == [(1,)]


#: OFAC SDN (with the 2026 address and alias files and the 2025 comments), UN SC, trade.gov CSL
BIG_LISTS = [
    "us_ofac_sdn/2024-05-03/sdn.csv",
    "us_ofac_sdn/2026-06-02/add.csv",
    "us_ofac_sdn/2026-06-02/alt.csv",
    "us_ofac_sdn/2025-12-24/sdn_comments.csv",
    "un_sc/2026-02-27/consolidated.xml",
    "us_trade_csl/2022/consolidated.csv.gz",
]


@pytest.mark.slow
def test_big_real_lists_round_trip_through_postgresql(postgres_url: str, sanctions_dir: Path) -> None:
    lists = read_lists([sanctions_dir / p for p in BIG_LISTS])
    batches = [(version_record(d), d.entities) for d in lists]
    with Store(postgres_url) as store:
        loaded = store.load_versions(batches)
        assert sorted((v.source, v.targets, changed) for v, changed in loaded) == [
            ("un_sc", 1003, True),
            ("us_ofac_sdn", 14965, True),
            ("us_trade_csl", 14160, True),
        ]
        read = {e.id: e for d in lists for e in d.entities}
        stored = {e.id: e for e in store.iter_entities()}
        assert stored.keys() == read.keys() and store.count_entities() == len(read) > 70_000
        for entity_id in sorted(read)[::50]:  # every 50th entity, property by property
            back = entity_to_dict(stored[entity_id])
            assert back.pop("source") in {"un_sc", "us_ofac_sdn", "us_trade_csl"}
            assert back == entity_to_dict(read[entity_id])
        qods, origin = store.entity("us-ofac-sdn-16418")
        assert "GHODS AVIATION INDUSTRIES" in qods.get("alias") and origin.source == "us_ofac_sdn"
        assert all(not changed for _, changed in store.load_versions(batches))
