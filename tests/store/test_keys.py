"""API keys in the store: the secret is shown once and kept only as a digest; revoked keys stop working."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from chokepoint.errors import InputError, NotFound
from chokepoint.store import SCOPES, Store


@pytest.fixture
def store(store_url: str) -> Store:
    with Store(store_url) as opened:
        yield opened


def test_created_secret_verifies_and_only_its_digest_is_stored(store: Store) -> None:
    key, secret = store.create_key("bank-gateway", ["read", "decide"])
    assert secret.startswith(f"cp_{key.prefix}_") and len(secret) > 40
    assert key.scopes == ("read", "decide") and key.active
    assert store.verify_key(secret) == key
    with store.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT hash FROM api_keys")).scalar_one()
    assert secret not in stored and stored == hashlib.sha256(secret.encode()).hexdigest()


def test_wrong_or_malformed_secrets_verify_to_none(store: Store) -> None:
    key, secret = store.create_key("k")
    assert store.verify_key(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert store.verify_key(f"cp_{key.prefix}_") is None
    for junk in ("", "cp_", "Bearer x", "cp_zz_abc", "cp_" + "0" * 8 + "_x"):
        assert store.verify_key(junk) is None


def test_revoked_key_no_longer_verifies_but_stays_listed(store: Store) -> None:
    key, secret = store.create_key("old")
    other, other_secret = store.create_key("new", ["admin"])
    revoked = store.revoke_key(key.prefix)
    assert revoked.revoked_at is not None and revoked.revoked_at <= datetime.now(UTC)
    assert store.verify_key(secret) is None and store.verify_key(other_secret) == other
    assert [k.prefix for k in store.list_keys()] == [key.prefix, other.prefix]
    assert [k.prefix for k in store.list_keys(include_revoked=False)] == [other.prefix]
    # revoking again keeps the first revocation time; the whole secret names the key too
    assert store.revoke_key(secret).revoked_at == revoked.revoked_at


def test_revoking_an_unknown_prefix_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no API key with prefix 'deadbeef'"):
        store.revoke_key("deadbeef")


@pytest.mark.parametrize(
    ("scopes", "message"), [([], "at least one scope"), (["root"], "unknown scope 'root'")]
)
def test_bad_scopes_are_refused_naming_the_field(store: Store, scopes: list[str], message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        store.create_key("k", scopes)
    assert caught.value.field == "scopes" and store.list_keys() == []


def test_blank_name_is_refused(store: Store) -> None:
    with pytest.raises(InputError, match="needs a name"):
        store.create_key("  ")


def test_admin_allows_every_scope_and_read_only_read(store: Store) -> None:
    admin, _ = store.create_key("a", ["admin"])
    reader, _ = store.create_key("r", ["read"])
    assert all(admin.allows(s) for s in SCOPES)
    assert reader.allows("read") and not reader.allows("decide") and not reader.allows("admin")


def test_every_secret_is_different(store: Store) -> None:
    secrets = {store.create_key(f"k{i}")[1] for i in range(20)}
    assert len(secrets) == 20 and len({s.split("_")[1] for s in secrets}) == 20


def test_audit_many_appends_in_order(store: Store) -> None:
    now = datetime.now(UTC)
    store.audit_many([(now, "key:abc", "api.match", {"n": 1}), (now, "", "api.search", {"n": 2})])
    store.audit_many([])
    log = store.audit_log()
    assert [(e.actor, e.action, e.detail) for e in log] == [
        ("key:abc", "api.match", {"n": 1}),
        ("unknown", "api.search", {"n": 2}),
    ]
