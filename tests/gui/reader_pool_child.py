"""Child program of tests/gui/test_reader_pool.py: 1,000 background jobs through the GUI's own pool (``Ops``),
each reading one page of records through a ``browse.Reader``, over a fresh demo ledger in DATA_DIR.

Prints one line ``POOL <json>``: the ledger's open file handles (from /proc, not the pool's bookkeeping) at the
start and the most seen during the jobs, the pool's own count, RSS after 100 jobs and after all, and the handles
once the pool is closed. A process of its own measures the pool's memory alone, not pytest's; it leaves with
``os._exit`` so that nothing at interpreter exit can turn measured figures into a failed run (PySide6 6.12.0
aborted there: tests/gui/test_signal_refcount.py).

    python -m tests.gui.reader_pool_child DATA_DIR [JOBS]
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path


def ledger_handles(db: Path) -> int:
    """Open file descriptors of this process on the ledger file itself (one per SQLite connection)."""
    target, n = str(Path(db).resolve()), 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == target:
                n += 1
        except OSError:
            continue  # closed between listdir and readlink
    return n


def rss_kib() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main(folder: Path, jobs: int) -> dict:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from credit_desk.bench.seeding import business_session, make_office
    from credit_desk.gui.ops import Ops
    from credit_desk.services import browse, demo
    from credit_desk.store.views import PageSpec

    app = QApplication.instance() or QApplication([])
    desk, admin = make_office(folder)
    demo.seed(admin, subjects_n=300, records_n=3000, seed_value=7)
    clerk = business_session(admin)  # R14: browsing records is a business role's
    db = desk.ledger.paths.db
    base = ledger_handles(db)  # the session's own writer
    ops, reader = Ops(threads=2), browse.Reader(clerk)
    ids = [r["id"] for r in browse.records_page(clerk, reader, PageSpec("id", False, None, 200))]

    def page(i):  # a page after a different cursor each time, as scrolling reads them
        rows = browse.records_page(clerk, reader, PageSpec("id", False, (None, ids[i % len(ids)]), 50))
        return len(rows), ledger_handles(db) - base

    results, lock = [], threading.Lock()

    def done(value):
        with lock:
            results.append(value)

    def run(n: int) -> None:
        start = len(results)
        for i in range(n):
            ops.run(lambda _job, i=i: page(i), done=done)
        while len(results) < start + n:
            app.processEvents(QEventLoop.AllEvents, 50)
    run(100)
    rss_warm = rss_kib()
    run(jobs - 100)
    rss_end = rss_kib()
    ops.wait(60_000)
    open_count = reader.open_count
    reader.close()
    out = {"jobs": len(results), "rows_each": min(n for n, _h in results), "peak": max(h for _n, h in results),
           "open_count": open_count, "after_close": reader.open_count, "rss_warm": rss_warm, "rss_end": rss_end,
           "handles_after": ledger_handles(db) - base, "size": browse.Reader.SIZE}
    desk.close()
    return out


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print("POOL " + json.dumps(result), flush=True)
    os._exit(0)
