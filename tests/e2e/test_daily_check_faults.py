"""Issue 18: the daily ``check`` is bounded (``services/ledger_health``); each fault the check found before is
planted here and shown to be found still — by the daily check, by the background whole-file read after start-up
(which stops writes), or, for what the daily check leaves to it, by ``check --full``. Faults are made with the
database key and SQL, or by damaging bytes of the file, as in test_audit_attacks.py."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from credit_desk.bench import seeding
from credit_desk.domain.errors import DomainError
from credit_desk.services import auth, demo, ledger_health, ledgers
from credit_desk.store import check_state
from credit_desk.store.ledger import LedgerPaths
from tests.conftest import ADMIN_PW, with_business_accounts
from tests.e2e.test_audit_attacks import _raw


@pytest.fixture
def office(office, secret_files):
    office = with_business_accounts(office, secret_files)
    desk = ledgers.unlock(office.data_dir)
    try:
        admin = auth.login(desk, "admin", ADMIN_PW)
        demo.seed(admin, subjects_n=200, records_n=800, seed_value=4)
        seeding.audit_trail(admin)  # one audit row and one change-log row per record, as entry writes them
    finally:
        desk.close()
    office("backup", user="admin")
    return office


def _check(office, *extra) -> tuple[int, dict]:
    code, out, _err = office("--json", "check", *extra, user=None)
    return code, {i["item"]: i for i in json.loads(out)}


def _damage_records_root(data_dir: Path) -> None:
    """Overwrite 16 bytes inside the records table's root page: its HMAC no longer verifies. Opening, logging in
    and the daily check's reads never touch that page."""
    conn = _raw(data_dir)
    try:
        root = int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records'").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(data_dir / "ledger.db", "r+b") as f:
        f.seek((root - 1) * size + size // 2)
        f.write(b"\xa5" * 16)


def _read_days_ago(data_dir: Path, days: int) -> None:
    paths = LedgerPaths(data_dir)
    last = check_state.read_integrity(paths.integrity)
    from datetime import datetime
    at = datetime.fromisoformat(last["at"]) - timedelta(days=days)
    check_state.write_integrity(paths.integrity, at, last["ok"], last["detail"], last["full"])


def test_r14_a_damaged_page_is_found_by_the_background_read_which_stops_writes(office, data_dir):
    code, items = _check(office)
    assert code == 0, items
    _read_days_ago(data_dir, 2)  # the application last read the whole file two days ago
    _damage_records_root(data_dir)
    # between whole-file reads the daily check reports the last one, and says when it was (the documented bound)
    code, items = _check(office)
    assert items["integrity"]["ok"] and "2 天前" in items["integrity"]["detail"], items
    desk = ledgers.unlock(data_dir)
    try:
        ok, said = ledger_health.integrity_in_background(desk)
        assert not ok and said != "ok"
        assert desk.ledger.attention is not None and desk.ledger.attention.code == "FILE_DAMAGED"
        with pytest.raises(DomainError) as refused:
            auth.login(desk, "admin", ADMIN_PW)  # a login writes its audit row: refused, nothing written
        assert refused.value.code == "LEDGER_NEEDS_ATTENTION" and "损坏" in str(refused.value)
    finally:
        desk.close()
    # recorded: the next open is read-only too, and the daily check reads the file again and says so
    code, items = _check(office)
    assert code == 3 and not items["integrity"]["ok"] and "损坏" in items["integrity"]["detail"], items
    assert not items["attention"]["ok"] and "数据库文件损坏" in items["attention"]["detail"], items
    code, out, err = office("--json", "audit", "log", "--limit", "1", user="audit1")
    assert code != 0 and json.loads(out)["code"] == "LEDGER_NEEDS_ATTENTION", out + err
    code, items = _check(office, "--full")
    assert code == 3 and not items["integrity"]["ok"], items


def test_r14_a_damaged_page_is_found_by_the_daily_check_when_no_whole_file_read_is_recent(office, data_dir):
    code, items = _check(office)
    assert code == 0, items
    _read_days_ago(data_dir, ledger_health.DUE_DAYS + 1)
    _damage_records_root(data_dir)
    code, items = _check(office)
    assert code == 3 and not items["integrity"]["ok"], items
    assert "本次通读了整个文件" in items["integrity"]["detail"] and "Tree" in items["integrity"]["detail"], items


def test_r14_a_deleted_anchor_fails_the_daily_check(office, data_dir):
    code, items = _check(office)
    assert code == 0, items
    (data_dir / "audit.anchor").unlink()
    code, items = _check(office)
    assert code == 3 and not items["attention"]["ok"] and "锚点" in items["attention"]["detail"], items
    assert not items["audit"]["ok"] and "锚点" in items["audit"]["detail"], items


def test_r14_an_account_given_a_role_with_sql_fails_the_daily_check(office, data_dir):
    """The accounts as the log granted them, read through migration 31's index."""
    code, items = _check(office)
    assert code == 0, items
    conn = _raw(data_dir)
    conn.execute("UPDATE users SET role = 'admin' WHERE username = 'clerk1'")
    conn.close()
    code, items = _check(office)
    assert code == 3 and not items["accounts"]["ok"] and "clerk1" in items["accounts"]["detail"], items


def _delete_change(data_dir: Path, change_id: int) -> None:
    conn = _raw(data_dir)
    conn.execute("DROP TRIGGER IF EXISTS changes_no_delete")
    conn.execute("DELETE FROM changes WHERE id = ?", (change_id,))
    conn.close()


def _top(data_dir: Path) -> int:
    conn = _raw(data_dir)
    try:
        return conn.execute("SELECT max(id) FROM changes").fetchone()[0]
    finally:
        conn.close()


def test_r14_a_change_deleted_after_the_checked_id_fails_the_daily_check(office, data_dir):
    code, items = _check(office)
    assert code == 0, items
    checked = check_state.read_changes_checked(LedgerPaths(data_dir).changes_checked)
    assert checked == _top(data_dir) > 800
    office("--json", "subject", "add", "--kind", "legal_person", "--name", "淮安市日常检查有限公司",
           "--id-type", "uscc", "--id-number", _uscc(7))
    office("--json", "subject", "add", "--kind", "legal_person", "--name", "淮安市日常检查二有限公司",
           "--id-type", "uscc", "--id-number", _uscc(8))
    _delete_change(data_dir, checked + 1)
    code, items = _check(office)
    assert code == 3 and not items["changes"]["ok"], items


def _uscc(seed: int = 7) -> str:
    from tests.e2e.sync_support import uscc
    return uscc(seed)


class _At:
    def __init__(self, first: int) -> None:
        self.first = first

    def randint(self, lo: int, hi: int) -> int:
        return self.first


def test_r14_a_change_deleted_below_the_checked_id_is_found_by_the_window_and_the_full_check(office, data_dir):
    code, items = _check(office)
    assert code == 0, items
    checked = check_state.read_changes_checked(LedgerPaths(data_dir).changes_checked)
    _delete_change(data_dir, 300)
    desk = ledgers.unlock(data_dir, read_only=True)
    try:
        # the documented bound: the ids after the checked one hold, and a window elsewhere does not see it
        assert ledger_health.change_log(desk.ledger, False, spot_ids=100, rng=_At(500))["ok"]
        caught = ledger_health.change_log(desk.ledger, False, spot_ids=100, rng=_At(250))
        assert not caught["ok"], caught
    finally:
        desk.close()
    code, items = _check(office, "--full")
    assert code == 3 and not items["changes"]["ok"], items
    # a checked id moved beyond the log's end is dropped, and every id is counted again
    check_state.write_changes_checked(LedgerPaths(data_dir).changes_checked, checked + 10_000)
    code, items = _check(office)
    assert code == 3 and not items["changes"]["ok"], items


def test_a_checked_id_beyond_the_log_s_end_is_dropped_not_a_false_alarm(office, data_dir):
    """A data folder put back from an older copy keeps a checked id past its log's end: every id is counted."""
    code, items = _check(office)
    assert code == 0, items
    check_state.write_changes_checked(LedgerPaths(data_dir).changes_checked, _top(data_dir) + 10_000)
    code, items = _check(office)
    assert code == 0 and "逐号清点" in items["changes"]["detail"], items
