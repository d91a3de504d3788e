"""Issue 18: the daily ``check`` reads bounded parts of a large ledger — migration 31's index on the audit chain's
``action`` instead of scans of the whole chain, the change log's ids counted from the last checked id instead of a
``count(*)`` over the whole log, and SQLite's whole-file read only when one is due (``services/ledger_health``).

Each statement the check sends is put through EXPLAIN QUERY PLAN, as in test_search_plans.py."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from credit_desk.bench import seeding
from credit_desk.services import backup, demo, ledger_health
from credit_desk.store import check_state
from credit_desk.store import backup as store_backup
from tests.store.test_search_plans import _plans


@pytest.fixture
def led(tmp_path):
    desk, session = seeding.make_office(tmp_path / "data")
    demo.seed(session, subjects_n=100, records_n=400, seed_value=4)
    seeding.audit_trail(session)  # one audit row and one change row per record, as entering each writes them
    yield desk
    desk.close()


def _scans(plans, tables=("audit", "changes")) -> list[str]:
    """Plan lines that read one of ``tables`` from end to end (no index, no rowid range)."""
    bad = []
    for sql, lines in plans:
        for line in lines:
            m = re.match(r"SCAN (\w+)", line)
            if m and m.group(1) in tables and "USING" not in line:
                bad.append(f"{line}  <-  {sql}")
    return bad


def test_the_daily_check_reads_the_chain_by_index_and_the_change_log_by_range(led, monkeypatch):
    """After a check has kept its marks (verified head, checked change id, a whole-file read today), the daily
    check reads no table of the chain or the change log from end to end — only the rows after its marks and two
    windows of 10 — and runs no whole-file read; the full check still reads, walks and counts everything."""
    from credit_desk.services import audit
    monkeypatch.setattr(audit, "SPOT_ROWS", 10)
    monkeypatch.setattr(ledger_health, "SPOT_IDS", 10)
    backup.backup_now(led)
    assert all(i.ok for i in backup.check(led, full=True))
    ran = []
    real = store_backup.integrity
    monkeypatch.setattr(store_backup, "integrity", lambda conn, full=True: ran.append(full) or real(conn, full))
    plans = _plans(led.ledger.conn, lambda: backup.check(led, full=False))
    daily = backup.check(led, full=False)
    whole = _plans(led.ledger.conn, lambda: backup.check(led, full=True))
    assert all(i.ok for i in daily), daily
    assert not _scans(plans), _scans(plans)
    assert any("audit_action" in line for _s, lines in plans for line in lines), plans
    sent = [sql for sql, _lines in plans]
    assert not any("FROM changes WHERE id > 0" in sql and "id <=" not in sql for sql in sent), sent
    assert not any("FROM audit WHERE rowid > 0 ORDER BY" in sql for sql in sent), sent
    assert ran == [True], ran  # the full check read the file; the daily one reported today's read
    sent = [sql for sql, _lines in whole]
    assert any("FROM changes WHERE id > 0" in sql for sql in sent) and any(
        "FROM audit WHERE rowid > 0 ORDER BY" in sql for sql in sent), sent


def test_a_whole_file_read_is_due_when_none_is_kept_old_damaged_or_dated_ahead(led):
    paths = led.ledger.paths
    assert ledger_health.is_due(led, timedelta(days=7))                       # none kept
    ledger_health.whole_file(led, False)
    assert not ledger_health.is_due(led, timedelta(days=7))
    for at, ok in ((led.now() - timedelta(days=8), True), (led.now() + timedelta(days=1), True),
                   (led.now(), False)):
        check_state.write_integrity(paths.integrity, at, ok, "ok" if ok else "page 9: damaged", False)
        assert ledger_health.is_due(led, timedelta(days=7)), (at, ok)
    (paths.integrity).write_text("{not json")
    assert ledger_health.is_due(led, timedelta(days=7))


def test_a_background_read_stopped_by_the_window_closing_keeps_nothing(led, monkeypatch):
    """The window's job hands its cancel hook in; a read it stopped is not kept (neither ok nor damaged)."""
    hooks = []
    real = store_backup.integrity

    def closing(conn, full=True):
        hooks[0]()  # the window closes while the read runs: the hook interrupts the read's connection
        return real(conn, full)
    monkeypatch.setattr(store_backup, "integrity", closing)
    assert ledger_health.integrity_in_background(led, hooks.append) is None
    assert check_state.read_integrity(led.ledger.paths.integrity) is None
    assert led.ledger.attention is None
