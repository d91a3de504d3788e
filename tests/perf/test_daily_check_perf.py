"""Benchmark (issue 18): the daily ``check`` on a ledger with an audit trail and change log at scale — goal ≤ 5 s at
1M records with 1M+ audit rows; ``check --full`` stays the whole read, on demand.

The path an office takes: yesterday's check left its marks (the verified audit head, and since issue 18 the
checked change id and the whole-file read), a day's work was entered after it (2,000 records' audit and change
rows), and today's daily check runs as ``credit-desk check`` does — a read-only open and ``backup.check(desk,
full=False)``. Each part is timed inside that one run (wrappers around the functions the check calls), and the
whole-file read the window now makes in the background is timed on its own.

Ledger: ``CREDIT_DESK_PERF_LEDGER=FOLDER`` — a kept bench ledger (``bench.seeding``; unlocked with the bench's
recovery passphrase, no keyring at all, so the verified head comes from ``audit.verified`` alone), which the run
changes (copy it first); else one built here with ``CREDIT_DESK_PERF_RECORDS`` records (default 20,000) and one
audit and change row per record. The code under test is whatever ``credit_desk`` imports, so the same file times
an older tree (``PYTHONPATH=OLD_TREE``).

    CREDIT_DESK_PERF_LEDGER=/tmp/big-copy pytest -m perf tests/perf/test_daily_check_perf.py -s
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from credit_desk.bench import seeding
from credit_desk.services import audit, backup, ledgers
from credit_desk.store import audit_log
from credit_desk.store import backup as store_backup
from credit_desk.store import records as records_repo

pytestmark = pytest.mark.perf
N = int(os.environ.get("CREDIT_DESK_PERF_RECORDS", "20000"))
DAY = 2_000      # records entered after yesterday's check: one audit and one change row each
GOAL_S = 5.0     # issue 18: `check` (daily mode) at 1M records


def _ledger(tmp_path) -> Path:
    given = os.environ.get("CREDIT_DESK_PERF_LEDGER")
    if given:
        return Path(given)
    folder = tmp_path / "data"
    desk, session = seeding.make_office(folder)
    seeding.seed(session, N)
    seeding.business_session(session)
    desk.close()
    return folder


def _open(folder: Path, read_only: bool):
    return ledgers.unlock(folder, recovery_passphrase=seeding.PASSPHRASE, read_only=read_only)


def _a_day_of_work(folder: Path) -> None:
    desk = _open(folder, False)
    try:
        from credit_desk.services import auth
        s = auth.login(desk, "clerk1", seeding.PASSWORD)
        rows = records_repo.rows_after(s.ledger.conn, 0, DAY)
        with s.ledger.tx() as tx:
            for r in rows:
                s.audit(tx, "record.add", "record", r["id"], detail={"status": r["status"], "leniency": []})
                tx.change("record", r["id"], "insert", {k: v for k, v in r.items() if k != "id"})
    finally:
        desk.close()


def _timed_parts(monkeypatch) -> dict:
    """Wrap what the check calls, old tree or new: seconds spent in each, by name."""
    spent: dict = {}
    targets = [(store_backup, "integrity", "whole-file read (SQLite's check)"),
               (audit, "verify_since", "audit chain after the verified head (+ window)"),
               (audit, "receipted_heads", "… of which platform keys and receipted heads (scans by action)"),
               (audit_log, "suite_markers", "… of which suite markers (scan by action)"),
               (backup, "_accounts_item", "accounts as the log granted them (scan by action)")]
    try:
        from credit_desk.services import ledger_health
        targets.append((ledger_health, "change_log", "change-log continuity"))
    except ImportError:  # the tree before issue 18's bounded check
        targets.append((backup, "_change_log_item", "change-log continuity"))
    for mod, name, label in targets:
        real = getattr(mod, name)
        spent[label] = 0.0

        def wrapped(*a, _real=real, _label=label, **k):
            t = time.perf_counter()
            try:
                return _real(*a, **k)
            finally:
                spent[_label] += time.perf_counter() - t
        monkeypatch.setattr(mod, name, wrapped)
    return spent


def test_the_daily_check_after_a_day_of_work(tmp_path, monkeypatch, capsys):
    folder = _ledger(tmp_path)
    with seeding.private_keyring():  # no keyring at all: the verified head from audit.verified alone
        t = time.perf_counter()
        desk = _open(folder, False)  # a writable open applies any pending migration (issue 18: migration 31)
        opened = time.perf_counter() - t
        conn = desk.ledger.conn
        sizes = (conn.execute("SELECT max(id) FROM audit").fetchone()[0],
                 conn.execute("SELECT max(id) FROM changes").fetchone()[0],
                 conn.execute("SELECT count(*) FROM records").fetchone()[0])
        desk.close()
        desk = _open(folder, True)
        t = time.perf_counter()
        yesterday = backup.check(desk, full=False)  # yesterday's check: leaves its marks
        first = time.perf_counter() - t
        desk.close()
        _a_day_of_work(folder)
        desk = _open(folder, True)
        try:
            spent = _timed_parts(monkeypatch)
            t = time.perf_counter()
            items = backup.check(desk, full=False)
            daily = time.perf_counter() - t
            parts = dict(spent)
            monkeypatch.undo()
            t = time.perf_counter()
            reader = store_backup.open_for_check(desk.ledger.paths.db, desk.key)
            try:
                whole = store_backup.integrity(reader, False)
            finally:
                reader.close()
            read_s = time.perf_counter() - t
        finally:
            desk.close()
    mb = (folder / "ledger.db").stat().st_size / 1e6
    failed = [(i.name, i.detail_en) for i in items + yesterday if not i.ok and i.name != "backup"]
    with capsys.disabled():
        import credit_desk
        print(f"\n[daily check] code: {Path(credit_desk.__file__).parent}")
        print(f"[daily check] {sizes[2]:,} records, {sizes[0]:,} audit rows, {sizes[1]:,} change rows, "
              f"ledger {mb:.0f} MB; load average {os.getloadavg()[0]:.2f}")
        print(f"  writable open (pending migrations applied): {opened:.2f} s")
        print(f"  yesterday's daily check (no marks before it): {first:.2f} s")
        print(f"  daily check after a day of work ({DAY:,} records): {daily:.2f} s (goal ≤ {GOAL_S:.0f} s)"
              f"{'' if daily <= GOAL_S else '  MISSED'}")
        for label, s in parts.items():
            print(f"    {label}: {s:.2f} s")
        print(f"  whole-file quick_check alone (the background read): {read_s:.2f} s ({whole[:40]})")
        for i in items:
            print(f"    {'✔' if i.ok else '✘'} {i.detail_en}")
    assert not failed, failed
