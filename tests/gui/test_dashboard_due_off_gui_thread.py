"""Issue 18 requirement 3 (no frozen window): the dashboard's due list is read on a background job.

It was read on the GUI thread at every refresh: after a 3,000-row 双公示 import the window stood still 405–596 ms
while every open deadline loaded (81 ms at 1M records). Now ``due_items`` runs on a read job with a reader-pool
connection and only the rows are filled on the GUI thread; a newer refresh's list is never replaced by an older
refresh that ends after it (as the paged lists: gui/models/paged_model.py). Real widgets offscreen, a real Ops pool,
the seeded ledger; ``due_items`` made slow (or held) by a stand-in that reads the real list on the connection it is
given and adds 双公示 deadlines of its own (the seeded ledger has none open).
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from credit_desk.domain.due import DueItem, DueKind, sort_items
from credit_desk.gui import ops as ops_mod
from credit_desk.gui.views.dashboard_view import DUE_ROWS, DashboardView
from credit_desk.services import due
from tests.gui.conftest import wait_ops_idle

SLOW_S = 0.5
TODAY = dt.date(2026, 11, 16)  # the seeded desk's clock (tests/gui/conftest.CLOCK)
# 双公示 decisions waiting to be published (R6/R21): 80, the first 20 overdue, more than the list's DUE_ROWS
MADE = [DueItem(DueKind.PUBLISH_DECISION.value, "admin_decision", 9_000 + n, TODAY + dt.timedelta(days=n - 20),
                n < 20, f"行政处罚决定 清市监罚〔2026〕{n}号 待公示", f"penalty decision {n} to publish")
        for n in range(80)]


def _key(items) -> list[tuple]:
    return [(i.kind, i.object_type, int(i.object_id), i.due_date) for i in items]


def _with_made(real, session, *args, **kwargs) -> list[DueItem]:
    assert kwargs.get("conn") is not None, "the due list is read on a reader connection, never the writer"
    return sort_items(real(session, *args, **kwargs) + MADE)


@pytest.fixture
def dash(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded)
    view = DashboardView(ctx, "工作台")
    qtbot.addWidget(view)
    view.resize(1180, 720)
    view.show()
    _wait_idle(qtbot, view)  # the first load is in
    expected = sort_items(due.due_items(seeded) + MADE)
    return view, expected[:DUE_ROWS], len(expected)


def _wait_idle(qtbot, view) -> None:
    """Every job of the view has ended and its result has been delivered to the GUI thread."""
    wait_ops_idle(qtbot, view.ctx.ops)


def test_issue18_the_due_list_loads_off_the_gui_thread(qtbot, dash, monkeypatch):
    """``due_items`` taking 0.5 s: the refresh returns at once, the GUI thread's 10 ms timer sees no gap near
    100 ms meanwhile, the read ran on a worker thread, and the list then holds the right items."""
    view, expected, total = dash
    real, threads = due.due_items, []

    def slow(session, *args, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(SLOW_S)
        return _with_made(real, session, *args, **kwargs)
    monkeypatch.setattr(due, "due_items", slow)
    view.due.setRowCount(0)  # so the test sees the refresh's own list arrive
    view.due_items = []
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    view.refresh()
    refresh_ms = (time.perf_counter() - started) * 1000
    qtbot.waitUntil(lambda: view.due.rowCount() == len(expected), timeout=10_000)
    timer.stop()
    ticks.append(time.perf_counter())  # a list filled within refresh() leaves no tick after it: the gap ends now
    gap = max((b - a) * 1000 for a, b in zip(ticks, ticks[1:]))
    assert gap < 100, f"the GUI thread's event loop stood still {gap:.0f} ms while the due list loaded"
    assert refresh_ms < 100, f"refresh() held the GUI thread {refresh_ms:.0f} ms"
    assert threads and all(t is not threading.main_thread() for t in threads), "due_items ran on the GUI thread"
    assert (time.perf_counter() - started) >= SLOW_S  # the list came from the slow read, not from before
    assert _key(view.due_items) == _key(expected)
    first = expected[0]
    assert view.due.item(0, 0).text() == first.due_date.isoformat() + "（已逾期）"
    assert view.due.item(0, 2).text() == first.label_zh
    assert view.due_summary.text() == f"未办结期限 {total} 项，其中逾期 20 项"


@pytest.mark.parametrize("cancel", ["cancel works", "cancel lost"])
def test_issue18_an_older_refresh_ending_late_does_not_replace_the_newer_list(qtbot, dash, monkeypatch, cancel):
    """Two refreshes: the first one's read is held until the second's list is shown, then ends with a list of its
    own. The newer list stays: the newer refresh cancels the older read (Ops drops a cancelled job's result) and,
    should a result get through all the same ("cancel lost": Job.cancel does nothing), the view drops a result whose
    refresh is not the latest."""
    view, expected, total = dash
    if cancel == "cancel lost":
        monkeypatch.setattr(ops_mod.Job, "cancel", lambda job: None)
    real = due.due_items
    stale = DueItem("expiry", "record", 999_999, expected[0].due_date, False, "旧刷新的结果", "older refresh")
    release, held, calls = threading.Event(), threading.Event(), []

    def held_first(session, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # the older refresh's read: held until the test lets it go (3 s at most)
            held.set()
            for _ in range(300):
                if release.is_set():
                    break
                time.sleep(0.01)  # time.sleep, not a timed wait: libfaketime
            return [stale]
        return _with_made(real, session, *args, **kwargs)
    monkeypatch.setattr(due, "due_items", held_first)
    view.due.setRowCount(0)
    view.due_items = []
    started = time.perf_counter()
    view.refresh()
    qtbot.waitUntil(held.is_set, timeout=10_000)
    older = view._due_reads.job
    view.refresh()
    both_ms = (time.perf_counter() - started) * 1000
    qtbot.waitUntil(lambda: view.due.rowCount() == len(expected), timeout=10_000)
    assert not release.is_set() and both_ms < 1000, "the refreshes waited for the held read"
    assert _key(view.due_items) == _key(expected)
    release.set()
    _wait_idle(qtbot, view)
    qtbot.wait(50)
    assert len(calls) == 2
    if cancel == "cancel works":  # the newer refresh stopped the older read (its connection interrupted)
        assert older is not None and older.cancelled
    assert _key(view.due_items) == _key(expected), "the older refresh's late list replaced the newer one"
    assert view.due.rowCount() == len(expected)
    assert view.due.item(0, 2).text() == expected[0].label_zh
    assert view.due_summary.text() == f"未办结期限 {total} 项，其中逾期 20 项"
