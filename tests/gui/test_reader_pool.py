"""Issue 18: the GUI's read connections are a bounded pool reused from job to job.

A ``threading.local`` per worker thread did not survive between QThreadPool jobs (each job runs under a fresh
Python thread state), so every background page opened one more SQLCipher connection with its own page cache
and never closed it: 150 pages left 154 connections open, 12.7 KB per row scrolled. These tests run the
real pool (``Ops``) over a real ledger and count the ledger's open file handles in /proc, not the pool's own
bookkeeping.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from credit_desk.gui.ops import Ops
from credit_desk.services import browse
from credit_desk.store.views import PageSpec

JOBS = 1000


def _ledger_handles(db: Path) -> int:
    """Open file descriptors of this process on the ledger file itself (one per SQLite connection)."""
    target, n = str(Path(db).resolve()), 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                n += 1
        except OSError:
            continue  # closed between listdir and readlink
    return n


def _rss_kib() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _run_jobs(qtbot, ops: Ops, fn, n: int) -> list:
    results, lock = [], threading.Lock()

    def done(value):
        with lock:
            results.append(value)
    for i in range(n):
        ops.run(lambda _job, i=i: fn(i), done=done)
    qtbot.waitUntil(lambda: len(results) == n, timeout=600_000)
    return results


def test_reader_pool_stays_bounded_over_1000_background_jobs(qtbot, seeded):
    db = seeded.ledger.paths.db
    base = _ledger_handles(db)  # the session's own writer (and its WAL companions are other files)
    ops = Ops(threads=2)
    reader = browse.Reader(seeded)
    ids = [r["id"] for r in browse.records_page(seeded, reader, PageSpec("id", False, None, 200))]
    # pages all over the ledger: each job reads one page after a different cursor, as scrolling does
    def page(i):
        rows = browse.records_page(seeded, reader, PageSpec("id", False, (None, ids[i % len(ids)]), 50))
        return len(rows), _ledger_handles(db) - base
    try:
        warm = _run_jobs(qtbot, ops, page, 100)
        rss_warm = _rss_kib()
        rest = _run_jobs(qtbot, ops, page, JOBS - 100)
        rss_end = _rss_kib()
        peak = max(h for _n, h in warm + rest)
        assert all(n > 0 for n, _h in warm + rest)
        # bounded: never more connections than the pool's size, however many jobs ran
        assert peak <= browse.Reader.SIZE, peak
        assert reader.open_count <= browse.Reader.SIZE
        # memory per page does not grow: 900 more pages cost less than the pages of one connection's cache
        # would (the leak cost 12.7 KB per row, 635 KB per 50-row page: 900 pages would be over 500 MB)
        grown_kib = rss_end - rss_warm
        assert grown_kib < 16 * 1024, f"RSS grew {grown_kib} KiB over {JOBS - 100} pages"
    finally:
        assert ops.wait(60_000)
        reader.close()
    assert reader.open_count == 0
    # SQLite keeps a closed connection's descriptor for reuse while the session's writer holds its lock on
    # the same file, so the count falls back only when the writer closes; it never rises past the peak
    assert _ledger_handles(db) - base <= peak


def test_lease_inside_a_lease_on_one_thread_reuses_its_connection(seeded):
    reader = browse.Reader(seeded, size=1)
    try:
        with reader.lease() as outer:
            # the GUI's page job leases a connection for its cancel hook, then the service leases again:
            # with a pool of one, a second connection (or a wait) would deadlock here
            with reader.lease() as inner:
                assert inner is outer
            assert reader.conn() is outer
        assert reader.open_count == 1
        with pytest.raises(RuntimeError):
            reader.conn()  # outside a lease there is no connection to hand out
    finally:
        reader.close()
    assert reader.open_count == 0


def test_a_third_thread_waits_for_a_returned_connection(seeded):
    reader = browse.Reader(seeded, size=2)
    held, release, seen = threading.Barrier(3), threading.Event(), []

    def holder():
        with reader.lease() as conn:
            seen.append(id(conn))
            held.wait()
            release.wait()
    threads = [threading.Thread(target=holder) for _ in range(2)]
    for t in threads:
        t.start()
    held.wait()
    got = []
    third = threading.Thread(target=lambda: got.append(
        browse.records_count(seeded, reader)))
    third.start()
    third.join(0.3)
    assert third.is_alive() and reader.open_count == 2  # it waits: no third connection is opened
    release.set()
    third.join(30)
    for t in threads:
        t.join(30)
    assert got and got[0] > 0 and reader.open_count == 2
    reader.close()
