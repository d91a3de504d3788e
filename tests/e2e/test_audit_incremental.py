"""Issue 18 item 1 (R14): the daily ``check`` recomputes only the audit rows after the last verified head (and a
random window of older ones); ``check --full`` and ``audit verify`` recompute every row. Each attack is made
with the database key and SQL, as in test_audit_attacks.py; the threat model is in
``services/audit.verify_since``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from credit_desk.services import audit
from credit_desk.store import keys
from credit_desk.store.ledger import LedgerPaths, read_verified, write_verified
from tests.conftest import with_business_accounts
from tests.e2e.sync_support import add_subject, session, uscc
from tests.e2e.test_audit_attacks import _raw


@pytest.fixture
def office(office, secret_files, monkeypatch):
    # the random window of older rows would cover these small chains whole and hide whether the head is used:
    # it is off here, and tested on its own below
    monkeypatch.setattr(audit, "SPOT_ROWS", 0)
    return with_business_accounts(office, secret_files)


class _At:
    """An rng whose window starts at a chosen row."""
    def __init__(self, first: int) -> None:
        self.first = first

    def randint(self, lo: int, hi: int) -> int:
        return self.first


def _busy(office, n: int, first: int = 100) -> None:
    for i in range(n):
        add_subject(office, f"淮安市增量{first + i}号有限公司", uscc(first + i))


def _check(office, *extra) -> tuple[bool, dict]:
    """(the audit item holds, the item); the other items (a backup not made yet) are not these tests'."""
    code, out, err = office("--json", "check", *extra, user=None)
    item = next(i for i in json.loads(out) if i["item"] == "audit")
    assert code == (0 if all(i["ok"] for i in json.loads(out)) else 3)
    return item["ok"], item


def _last(data_dir: Path) -> int:
    conn = _raw(data_dir)
    try:
        return conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    finally:
        conn.close()


def _change_content(data_dir: Path, rid: int) -> None:
    """Change one row's detail and leave its hash column as it was (no re-chaining: every link still holds)."""
    conn = _raw(data_dir)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET detail = '{\"forged\": 1}' WHERE id = ?", (rid,))
    conn.close()


def test_r14_the_daily_check_recomputes_only_the_rows_after_the_verified_head(office, data_dir):
    _busy(office, 2)
    ok, item = _check(office, "--full")           # the whole walk leaves its head
    assert ok
    head = read_verified(LedgerPaths(data_dir).verified)
    assert head is not None and head[0] == _last(data_dir)
    _busy(office, 3, first=200)
    ok, item = _check(office)
    new = _last(data_dir) - head[0]
    assert ok, item
    assert f"重算第 {head[0]} 行之后的 {new} 行新记录" in item["detail"]
    assert read_verified(LedgerPaths(data_dir).verified)[0] == _last(data_dir)


def test_r14_a_row_changed_after_the_head_is_found_by_the_daily_check(office, data_dir):
    _busy(office, 2)
    assert _check(office, "--full")[0]
    head = _last(data_dir)
    _busy(office, 3, first=200)
    _change_content(data_dir, head + 2)
    ok, item = _check(office)
    assert not ok and f"第 {head + 2} 行的内容被改动" in item["detail"]


def test_r14_a_row_changed_before_the_head_is_found_by_the_full_check(office, data_dir):
    _busy(office, 2)
    assert _check(office)[0]                   # no head yet: the first daily check walks every row
    _change_content(data_dir, 3)
    ok, item = _check(office, "--full")
    assert not ok and "第 3 行的内容被改动" in item["detail"]
    code, out, err = office("--json", "audit", "verify", user=None)
    assert not ok and json.loads(out)["first_bad_row"] == 3


def test_r14_a_row_changed_before_the_head_hides_from_the_new_rows_walk_but_not_from_the_random_window(
        office, data_dir):
    """The limit the threat model names: a changed row at or below the head is not among the new rows; the
    random window of older rows finds it when it falls on it."""
    _busy(office, 2)
    assert _check(office, "--full")[0]
    _change_content(data_dir, 3)
    with session(data_dir) as s:
        led = s.ledger
        v = audit.verify_since(led.conn, led, spot_rows=0)             # only the (no) new rows
        assert v.ok and v.since is not None and v.walked <= 1        # the login row at most
        v = audit.verify_since(led.conn, led, spot_rows=2, rng=_At(5))  # a window past row 3
        assert v.ok and v.spot == (5, 6)
        v = audit.verify_since(led.conn, led, spot_rows=2, rng=_At(2))  # a window on row 3
        assert not v.ok and v.first_bad_id == 3
    assert _check(office)[0] and not _check(office, "--full")[0]


def test_r14_a_stored_head_moved_forward_in_the_folder_does_not_skip_a_changed_row(office, data_dir):
    """The insider changes a new row and moves audit.verified past it: the keyring's copy is lower, so the
    daily check still starts before the changed row."""
    _busy(office, 2)
    assert _check(office, "--full")[0]
    before = _last(data_dir)
    _busy(office, 3, first=200)
    _change_content(data_dir, before + 1)
    conn = _raw(data_dir)
    last, last_hash = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    paths = LedgerPaths(data_dir)
    write_verified(paths.verified, last, last_hash)
    ok, item = _check(office)
    assert not ok and f"第 {before + 1} 行的内容被改动" in item["detail"]


def test_r14_a_stored_head_that_does_not_match_its_row_is_dropped_and_every_row_walked(office, data_dir):
    _busy(office, 2)
    assert _check(office, "--full")[0]
    paths = LedgerPaths(data_dir)
    rows, _ = read_verified(paths.verified)
    write_verified(paths.verified, rows, "0" * 64)
    keys.store_verified(paths.ledger_id(), rows, "0" * 64)
    _change_content(data_dir, 2)
    ok, item = _check(office)
    assert not ok and "第 2 行的内容被改动" in item["detail"]


def test_r14_without_a_keyring_entry_the_daily_check_walks_every_row(office, data_dir):
    _busy(office, 2)
    assert _check(office, "--full")[0]
    paths = LedgerPaths(data_dir)
    keys.store_verified(paths.ledger_id(), 0, "")      # the keyring's entry unusable: the file alone is not trusted
    _change_content(data_dir, 2)
    ok, item = _check(office)
    assert not ok and "第 2 行的内容被改动" in item["detail"]
