"""``chokepoint keys create|list|revoke`` and the input checks of ``chokepoint serve``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from chokepoint.cli import app
from chokepoint.store import Store

runner = CliRunner()


def test_create_prints_only_the_secret_on_stdout_and_list_never_shows_it(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    made = runner.invoke(
        app, ["keys", "create", "bank-gateway", "--scope", "read", "--scope", "decide", "--db", db]
    )
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip()
    assert secret.startswith("cp_") and "\n" not in secret
    assert "scopes read, decide" in made.stderr
    with Store(db) as store:
        assert store.verify_key(secret).name == "bank-gateway"
    listed = runner.invoke(app, ["keys", "list", "--json", "--db", db])
    (key,) = json.loads(listed.stdout)
    assert key["name"] == "bank-gateway" and key["active"] and secret not in listed.stdout
    assert key["prefix"] == secret.split("_")[1]


def test_revoke_by_prefix_and_unknown_prefix_exits_2(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    secret = runner.invoke(app, ["keys", "create", "old", "--db", db]).stdout.strip()
    prefix = secret.split("_")[1]
    revoked = runner.invoke(app, ["keys", "revoke", prefix, "--db", db])
    assert revoked.exit_code == 0 and f"revoked key {prefix} (old)" in revoked.stdout
    with Store(db) as store:
        assert store.verify_key(secret) is None
    missing = runner.invoke(app, ["keys", "revoke", "deadbeef", "--db", db])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == "error: field prefix: no API key with prefix 'deadbeef'"


def test_unknown_scope_is_refused_by_the_command_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["keys", "create", "x", "--scope", "root", "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 2 and "root" in result.stderr


def test_serve_refuses_bad_settings_before_listening(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    exposed = runner.invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--no-auth"])
    assert exposed.exit_code == 2
    assert exposed.stderr.strip().endswith("--no-auth only on a loopback address (127.0.0.1, ::1, localhost)")
    threshold = runner.invoke(app, ["serve", "--db", db, "--threshold", "1.5"])
    assert threshold.exit_code == 2 and "--threshold must be in (0, 1]" in threshold.stderr
