"""``chokepoint lists load|show`` and ``entities show`` through the real Typer app."""

from __future__ import annotations

import gzip
import io
import json
import re
import socket
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def snapshot(db: str) -> tuple[list[tuple[object, ...]], int]:
    with Store(db) as store:
        versions = [(v.id, v.source, v.sha256, v.current, v.targets) for v in store.versions()]
        return versions, store.count_entities(current_only=False)


@pytest.fixture
def zala(sanctions_dir: Path) -> Path:
    return sanctions_dir / "opensanctions_ftm" / "zala" / "entities.ftm.json"


@pytest.fixture
def loaded_db(store_url: str, zala: Path) -> str:
    """A store (SQLite, then PostgreSQL: tests/conftest.py) loaded with the zala list by the CLI."""
    result = run("lists", "load", zala, "--db", store_url)
    assert result.exit_code == 0, result.output
    return store_url


def test_load_prints_source_version_and_targets(tmp_path: Path, zala: Path) -> None:
    result = run("lists", "load", zala, "--db", tmp_path / "s.db")
    assert result.exit_code == 0
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("loaded source=opensanctions_zala version=3f718f1328ae published=2026-04-29")
    assert "targets=14 " in line


def test_db_comes_from_environment_when_not_given(tmp_path: Path, zala: Path, monkeypatch) -> None:
    monkeypatch.setenv("CHOKEPOINT_DB", str(tmp_path / "env.db"))
    assert run("lists", "load", zala).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_show_json_follows_the_contract(loaded_db: str) -> None:
    result = run("lists", "show", "--json", "--db", loaded_db)
    assert result.exit_code == 0
    [row] = json.loads(result.stdout)
    assert {"source", "version", "published", "loaded_at", "targets"} <= set(row)
    assert (row["source"], row["version"], row["published"], row["targets"]) == (
        "opensanctions_zala",
        "3f718f1328ae",
        "2026-04-29",
        14,
    )
    assert row["current"] is True and row["files"][0]["sha256"].startswith("3f718f1328ae")


def test_show_table_lists_each_source(loaded_db: str) -> None:
    result = run("lists", "show", "--db", loaded_db)
    assert result.exit_code == 0 and "opensanctions_zala" in result.stdout


def test_entities_show_names_the_list_version(loaded_db: str) -> None:
    result = run("entities", "show", "NK-2Tbri3s6GgNtAwsSXh4qpL", "--db", loaded_db, "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["entity"]["caption"] == "Maria Aleksandrovna Osetrova"
    assert shown["list"]["source"] == "opensanctions_zala" and shown["list"]["version"] == "3f718f1328ae"
    human = run("entities", "show", "NK-2Tbri3s6GgNtAwsSXh4qpL", "--db", loaded_db)
    assert "from opensanctions_zala version 3f718f1328ae" in human.stdout
    assert "1988-01-07" in human.stdout


def test_unknown_entity_exits_2_with_one_error_line(loaded_db: str) -> None:
    result = run("entities", "show", "no-such-id", "--db", loaded_db)
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no entity with id 'no-such-id' in the store"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bad_inputs(sanctions_dir: Path, zala: Path) -> dict[str, tuple[str, bytes, str]]:
    un = (sanctions_dir / "un_sc" / "2026-02-27" / "consolidated.xml").read_bytes()
    csl = gzip.decompress((sanctions_dir / "us_trade_csl" / "2022" / "consolidated.csv.gz").read_bytes())
    ftm = zala.read_bytes()
    header, rest = csl.split(b"\n", 1)
    return {
        "truncated-xml": ("consolidated.xml", un[: len(un) // 2], r"consolidated.xml:\d+: "),
        "malformed-xml": ("un.xml", un[:4000].replace(b"</DATAID>", b"</DATA>", 1), r"un.xml:\d+: "),
        "csv-wrong-columns": ("csl.csv", header.replace(b",name,", b",nom,") + b"\n" + rest, r"csl.csv:1: "),
        "wrong-encoding": ("entities.ftm.json", ftm.decode("utf-8").encode("utf-16"), r"entities.ftm.json"),
        "empty": ("empty.csv", b"", r"empty.csv: the file is empty"),
        "zip-of-other": ("list.zip", _zip({"readme.txt": b"hello\n"}), r"list.zip: the archive holds no"),
        "truncated-zip": ("cons.zip", _zip({"CONS.XML": un})[:5000], r"cons.zip: damaged zip"),
        "broken-json-line": (
            "x.ftm.json",
            ftm.replace(b"\n", b"\n{oops\n", 1),
            r"x.ftm.json:2: not valid JSON",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "truncated-xml",
        "malformed-xml",
        "csv-wrong-columns",
        "wrong-encoding",
        "empty",
        "zip-of-other",
        "truncated-zip",
        "broken-json-line",
    ],
)
def test_bad_file_exits_2_names_file_and_changes_nothing(
    case: str, loaded_db: str, tmp_path: Path, sanctions_dir: Path, zala: Path
) -> None:
    name, data, pattern = _bad_inputs(sanctions_dir, zala)[case]
    bad = tmp_path / name
    bad.write_bytes(data)
    before = snapshot(loaded_db)
    result = run("lists", "load", bad, "--db", loaded_db)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert re.search(pattern, lines[0]), lines[0]
    assert snapshot(loaded_db) == before


def test_one_bad_file_among_good_ones_loads_none(loaded_db: str, tmp_path: Path, sanctions_dir: Path) -> None:
    bad = tmp_path / "empty.xml"
    bad.write_bytes(b"")
    t1 = sanctions_dir / "opensanctions_ftm" / "t1" / "entities.ftm.json"
    before = snapshot(loaded_db)
    result = run("lists", "load", t1, bad, "--db", loaded_db)
    assert result.exit_code == 2
    assert snapshot(loaded_db) == before


@pytest.mark.parametrize("scheme", ["postgresql", "postgresql+psycopg"])
def test_unreachable_database_server_exits_2_with_one_line_hiding_the_password(
    scheme: str, zala: Path
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    result = run("lists", "load", zala, "--db", f"{scheme}://analyst:s3cret-pw@127.0.0.1:{port}/lists")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(
        f"error: {scheme}://analyst:***@127.0.0.1:{port}/lists: cannot connect to the database"
    )
    assert "s3cret-pw" not in result.output


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    result = run("lists", "load", tmp_path / "nope.csv", "--db", tmp_path / "s.db")
    assert result.exit_code == 2
    assert "nope.csv: no such file" in result.stderr


def test_unknown_format_override_is_bad_input(tmp_path: Path, zala: Path) -> None:
    result = run("lists", "load", zala, "--format", "eu-xml", "--db", tmp_path / "s.db")
    assert result.exit_code == 2 and "unknown format 'eu-xml'" in result.stderr


def test_every_command_has_help() -> None:
    for args in (
        ["--help"],
        ["lists", "--help"],
        ["lists", "load", "--help"],
        ["lists", "show", "--help"],
        ["entities", "show", "--help"],
        ["demo", "--help"],
    ):
        result = run(*args)
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_all_real_lists_load_with_the_published_target_counts(tmp_path: Path, sanctions_dir: Path) -> None:
    s = sanctions_dir
    db = tmp_path / "all.db"
    first = run("lists", "load", s / "us_ofac_sdn/2021-07-07/sdn.csv", "--db", db)
    assert first.exit_code == 0, first.output
    rest = [
        "us_ofac_sdn/2024-05-03/sdn.csv",
        "us_ofac_sdn/2026-06-02/add.csv",
        "us_ofac_sdn/2026-06-02/alt.csv",
        "us_ofac_sdn/2025-12-24/sdn_comments.csv",
        "un_sc/2026-02-27/consolidated.xml",
        "us_ofac_cons/2025-01-10/CONS_ENHANCED.ZIP",
        "us_trade_csl/2022/consolidated.csv.gz",
        "opensanctions_ftm/zala/entities.ftm.json",
    ]
    second = run("lists", "load", *[s / r for r in rest], "--db", db)
    assert second.exit_code == 0, second.output
    third = run("lists", "load", s / "us_ofac_cons/2025-12/cons_prim.csv", "--db", db)
    assert third.exit_code == 0, third.output
    shown = json.loads(run("lists", "show", "--json", "--db", db).stdout)
    got = sorted((v["source"], v["published"] or "-", v["targets"], v["current"]) for v in shown)
    assert got == [
        ("opensanctions_zala", "2026-04-29", 14, True),
        ("un_sc", "2026-02-27", 1003, True),
        ("us_ofac_cons", "-", 442, True),  # cons_prim.csv, loaded last
        ("us_ofac_cons", "2025-01-10", 443, False),  # CONS_ENHANCED, now history
        ("us_ofac_sdn", "-", 8976, False),  # the 2021-07-07 set, now history
        ("us_ofac_sdn", "-", 14965, True),
        ("us_trade_csl", "-", 14160, True),
    ]
    # the SDN set took its alias file from 2026: QODS AVIATION INDUSTRIES has OFAC's aliases
    qods = json.loads(run("entities", "show", "us-ofac-sdn-16418", "--json", "--db", db).stdout)
    assert qods["entity"]["caption"] == "QODS AVIATION INDUSTRIES"
    assert "GHODS AVIATION INDUSTRIES" in qods["entity"]["properties"]["alias"]
    assert qods["list"]["source"] == "us_ofac_sdn" and qods["list"]["current"] is True


def test_supplement_file_alone_is_refused(tmp_path: Path, sanctions_dir: Path) -> None:
    result = run("lists", "load", sanctions_dir / "us_ofac_sdn/2026-06-02/add.csv", "--db", tmp_path / "s.db")
    assert result.exit_code == 2
    assert "add.csv: an OFAC address file needs its primary file (sdn.csv)" in result.stderr
