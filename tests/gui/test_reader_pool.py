"""Issue 18: the GUI's read connections are a bounded pool reused from job to job.

A ``threading.local`` per worker thread did not survive between QThreadPool jobs (each job runs under a fresh
Python thread state), so every background page opened one more SQLCipher connection with its own page cache
and never closed it: 150 pages left 154 connections open, 12.7 KB per row scrolled. These tests run the
real pool (``Ops``) over a real ledger (in a child program: tests/gui/reader_pool_child.py) and count the
ledger's open file handles in /proc, not the pool's own bookkeeping.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from credit_desk.services import browse

JOBS = 1000


def test_reader_pool_stays_bounded_over_1000_background_jobs(tmp_path):
    # run in a child program (tests/gui/reader_pool_child.py): its memory is the pool's, not pytest's
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "tests.gui.reader_pool_child", str(tmp_path / "data"), str(JOBS)],
                          capture_output=True, text=True, timeout=900, env=env, cwd=Path(__file__).parents[2])
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("POOL ")), None)
    assert done.returncode == 0 and line, done.stdout[-2000:] + done.stderr[-4000:]
    r = json.loads(line[5:])
    assert r["jobs"] == JOBS and r["rows_each"] > 0
    # bounded: never more connections than the pool's size, however many jobs ran (before: one per job)
    assert r["peak"] <= r["size"] == browse.Reader.SIZE, r
    assert r["open_count"] <= r["size"] and r["after_close"] == 0, r
    # memory per page does not grow: 900 more pages cost less than a few pages of a leaked connection's cache
    # (the leak cost 12.7 KB per row, 635 KB per 50-row page: 900 pages would be over 500 MB)
    grown_kib = r["rss_end"] - r["rss_warm"]
    assert grown_kib < 16 * 1024, f"RSS grew {grown_kib} KiB over {JOBS - 100} pages"
    # SQLite keeps a closed connection's descriptor for reuse while the session's writer holds its lock on
    # the same file, so the count falls back only when the writer closes; it never rises past the peak
    assert r["handles_after"] <= r["peak"], r


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
    # time.sleep, not third.join(0.3): under libfaketime (scripts/test_future_dates.sh) a timed lock wait is
    # given a deadline on the faked monotonic clock that the kernel's sem_clockwait never reaches, so a join that
    # is meant to time out never returns — and here the third thread waits for the holders, who wait for us.
    time.sleep(0.3)
    assert third.is_alive() and reader.open_count == 2  # it waits: no third connection is opened
    release.set()
    third.join(30)
    for t in threads:
        t.join(30)
    assert got and got[0] > 0 and reader.open_count == 2
    reader.close()
