"""The store: schema versions, atomic version replacement, history, entity round trips."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from chokepoint.errors import InputError, NotFound, StoreError
from chokepoint.lists import read_lists, version_record
from chokepoint.model import ListVersion, is_target, list_ref, make_entity, make_id
from chokepoint.store import SCHEMA_VERSION, Store, db_url

#: the ``sql`` fixture (tests/store/conftest.py): ``sql(db, statement, **params)`` → rows
SQL = Callable[..., list[tuple[object, ...]]]


def _snapshot(store: Store) -> tuple[list[tuple[object, ...]], int]:
    versions = [(v.id, v.source, v.sha256, v.current, v.targets) for v in store.versions()]
    return versions, store.count_entities(current_only=False)


@pytest.fixture
def zala(sanctions_dir: Path) -> Path:
    return sanctions_dir / "opensanctions_ftm" / "zala" / "entities.ftm.json"


def test_new_database_records_current_schema_version(store_url: str, sql: SQL) -> None:
    Store(store_url).close()
    [(value,)] = sql(store_url, "select value from chokepoint_meta where key = 'schema_version'")
    assert int(value) == SCHEMA_VERSION


def test_stores_opened_at_once_create_the_schema_once(store_url: str, sql: SQL) -> None:
    """API workers start together on a new database: each opens it, one creates the tables."""
    barrier = threading.Barrier(4)
    errors: list[Exception] = []

    def open_store() -> None:
        barrier.wait()
        try:
            Store(store_url).close()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sql(store_url, "select value from chokepoint_meta") == [(str(SCHEMA_VERSION),)]


def test_database_from_newer_chokepoint_is_refused_untouched(store_url: str, sql: SQL) -> None:
    Store(store_url).close()
    sql(store_url, "update chokepoint_meta set value = '99' where key = 'schema_version'")
    with pytest.raises(InputError, match="newer chokepoint") as info:
        Store(store_url)
    assert info.value.exit_code == 2
    assert sql(store_url, "select value from chokepoint_meta") == [("99",)]


def test_database_older_than_any_migration_says_why(store_url: str, sql: SQL) -> None:
    Store(store_url).close()
    sql(store_url, "update chokepoint_meta set value = '0' where key = 'schema_version'")
    with pytest.raises(InputError, match="older than any"):
        Store(store_url)


def test_foreign_database_is_refused(store_url: str, sql: SQL) -> None:
    sql(store_url, "create table t (x integer)")
    with pytest.raises(InputError, match="not made by chokepoint"):
        Store(store_url)
    assert sql(store_url, "select count(*) from t") == [(0,)]


def test_file_that_is_not_a_database_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite\n" * 100)
    with pytest.raises(InputError) as info:
        Store(path)
    assert str(path) in str(info.value)


def test_paths_become_sqlite_urls_and_postgresql_urls_use_psycopg(tmp_path: Path) -> None:
    assert db_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert db_url("postgresql://u@localhost/db") == "postgresql+psycopg://u@localhost/db"
    assert db_url("postgres://u:p@db.example:5433/x") == "postgresql+psycopg://u:p@db.example:5433/x"
    assert db_url("postgresql+psycopg2://u@localhost/db") == "postgresql+psycopg2://u@localhost/db"
    assert db_url("sqlite:///x.db") == "sqlite:///x.db"


def test_load_makes_version_current_and_round_trips_entities(store_url: str, zala: Path) -> None:
    (data,) = read_lists([zala])
    with Store(store_url) as store:
        [(version, changed)] = store.load_versions([(version_record(data), data.entities)])
        assert changed and version.current and version.targets == 14 and version.entities == 91
        entity, origin = store.entity("NK-2Tbri3s6GgNtAwsSXh4qpL")
        assert origin.id == version.id and origin.source == "opensanctions_zala"
        assert entity.caption == "Maria Aleksandrovna Osetrova"
        assert "1988-01-07" in entity.get("birthDate")
        assert is_target(entity) and list_ref(entity) == "NK-2Tbri3s6GgNtAwsSXh4qpL"
        assert sum(1 for _ in store.iter_entities(targets_only=True)) == 14


def test_reloading_same_file_changes_nothing(store_url: str, zala: Path) -> None:
    (data,) = read_lists([zala])
    with Store(store_url) as store:
        store.load_versions([(version_record(data), data.entities)])
        before = _snapshot(store)
        [(_, changed)] = store.load_versions([(version_record(data), data.entities)])
        assert not changed
        assert _snapshot(store) == before


def test_new_version_replaces_current_and_keeps_history(store_url: str) -> None:
    def version(sha: str, n: int) -> tuple[ListVersion, list]:
        ents = [make_entity("Person", make_id("demo", str(i)), source="demo", ref=str(i)) for i in range(n)]
        for e in ents:
            e.add("name", f"Person {e.id}")
        record = ListVersion(source="demo", format="ftm", sha256=sha * 64, targets=n, entities=n)
        return record, ents

    with Store(store_url) as store:
        store.load_versions([version("a", 3)])
        store.load_versions([version("b", 2)])
        versions = store.versions()
        assert [(v.sha256[0], v.current) for v in versions] == [("b", True), ("a", False)]
        assert len(store.versions(current_only=True)) == 1
        assert sum(1 for _ in store.iter_entities(source="demo")) == 2
        # an ID only in the older version is still found, from the history
        _, origin = store.entity("demo-2")
        assert origin.sha256[0] == "a" and not origin.current


def test_failure_while_writing_leaves_store_as_it_was(store_url: str, zala: Path) -> None:
    (data,) = read_lists([zala])

    def broken():
        yield from data.entities[:50]
        raise StoreError("disk on fire")

    with Store(store_url) as store:
        store.load_versions([(version_record(data), data.entities)])
        before = _snapshot(store)
        record = version_record(data)
        record.sha256 = "f" * 64
        with pytest.raises(StoreError):
            store.load_versions([(record, broken())])
        assert _snapshot(store) == before


def test_unknown_entity_is_not_found(store_url: str) -> None:
    with Store(store_url) as store, pytest.raises(NotFound):
        store.entity("nope")
