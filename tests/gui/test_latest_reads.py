"""Issue 18: background reads whose newest run alone may show its result (due18 noticed).

- The records and subjects lists counted their rows on a job started at every filter change with no cancel and no
  check of which run it was: typed quickly, an older count ending after a newer one overwrote "N records" with the
  count of a filter no longer shown. They now run through ``gui.latest.Latest``.
- A leased reader's ``interrupt`` was registered as the job's cancel hook and left on after the job gave the
  connection back to the pool: a cancel arriving in that window could interrupt the statement of the next job that
  leased the connection. ``Job.cancel_hook`` takes it off when the lease ends (the paged lists and the due list).
Real widgets offscreen, a real Ops pool, the seeded ledger.
"""

from __future__ import annotations

import threading

import pytest

from credit_desk.gui import ops as ops_mod
from credit_desk.gui.latest import Latest
from credit_desk.gui.views.records_view import RecordsView
from credit_desk.gui.views.subjects_view import SubjectsView
from credit_desk.services import browse
from tests.gui.conftest import wait_ops_idle




@pytest.mark.parametrize("cancel", ["works", "lost"])
def test_issue18_an_older_read_ending_late_neither_shows_nor_fails_over_the_newer(qtbot, seeded, make_ctx,
                                                                                  monkeypatch, cancel):
    """``lost``: the older job's cancel comes too late to drop its result (its done signal already queued), so only
    the generation keeps it off the screen."""
    ctx = make_ctx(seeded)
    if cancel == "lost":
        monkeypatch.setattr(ops_mod.Job, "cancel", lambda self: None)
    latest, shown, errors = Latest(ctx.ops), [], []
    monkeypatch.setattr(ctx.ops, "show_error", lambda exc, parent=None, **_k: errors.append(exc))
    hold = threading.Event()

    def old(_job):
        hold.wait(10)
        return "old"
    latest.run(old, shown.append)
    latest.run(lambda _j: "new", shown.append)
    qtbot.waitUntil(lambda: shown == ["new"], timeout=10_000)
    hold.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert shown == ["new"]
    hold.clear()

    def old_fails(_job):
        hold.wait(10)
        raise RuntimeError("an older read failed late")
    latest.run(old_fails, shown.append)
    latest.run(lambda _j: "newest", shown.append)
    qtbot.waitUntil(lambda: shown[-1] == "newest", timeout=10_000)
    hold.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert errors == [] and shown == ["new", "newest"]
    latest.run(lambda _j: 1 / 0, shown.append)  # the newest run's failure is shown as every failure is
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)


@pytest.mark.parametrize("view_class,count_name,word", [(RecordsView, "records_count", "records"),
                                                        (SubjectsView, "subjects_count", "subjects")])
def test_issue18_a_list_count_ending_late_does_not_overwrite_the_newer(qtbot, seeded, make_ctx, monkeypatch,
                                                                       view_class, count_name, word):
    ctx = make_ctx(seeded)
    ctx.ops.lang = "en"
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    hold, calls = threading.Event(), []

    def count(*_a, **_k):
        calls.append(1)
        if len(calls) == 1:
            hold.wait(10)  # the older count: still running when the newer one ends
            return 111
        return 222
    monkeypatch.setattr(browse, count_name, count)
    view._count()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)  # the older count is running (held)
    view._count()
    qtbot.waitUntil(lambda: "222" in view.count.text(), timeout=10_000)
    hold.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert "222" in view.count.text() and "111" not in view.count.text(), view.count.text()


def test_issue18_a_cancel_after_the_lease_ended_does_not_reach_the_connection(qtbot, seeded, make_ctx):
    """The hook runs on a cancel inside the block and never after it."""
    ctx = make_ctx(seeded)
    hits = []

    def start(stay_inside: bool):
        inside, after, leave = threading.Event(), threading.Event(), threading.Event()

        def work(job):
            with job.cancel_hook(lambda: hits.append("interrupt")):
                inside.set()
                if stay_inside:
                    leave.wait(10)
            after.set()
            leave.wait(10)  # the block is over: the connection would be another job's now
            return "done"
        return ctx.ops.run(work), inside, after, leave

    job, inside, after, leave = start(stay_inside=False)
    assert after.wait(10)
    job.cancel()
    assert hits == [], "a cancel after the block reached the hook"
    leave.set()
    wait_ops_idle(qtbot, ctx.ops)

    job, inside, after, leave = start(stay_inside=True)
    assert inside.wait(10)
    job.cancel()
    assert hits == ["interrupt"]
    leave.set()
    wait_ops_idle(qtbot, ctx.ops)


ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@pytest.mark.parametrize("view_class,count_name", [(RecordsView, "records_count"), (SubjectsView, "subjects_count")])
def test_issue18_a_superseded_count_stops_its_statement(qtbot, seeded, make_ctx, monkeypatch, view_class,
                                                        count_name):
    """att18e: ``Latest`` cancelled the older count, but the count's statement had no interrupt hook: it read on to
    its end (at 1M records a filtered count takes up to seconds), holding one of the pool's two threads while the
    clerk's newer pages waited, and the window's close waited for it too. Here the older count never ends by itself."""
    from credit_desk.store import views as store_views
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    conns = []

    def count(conn, *_a, **_k):
        if not conns:
            conns.append(conn)
            return conn.execute(ENDLESS).fetchone()[0]  # until interrupted
        return 222
    monkeypatch.setattr(store_views, count_name, count)
    view._count()
    qtbot.waitUntil(lambda: bool(conns), timeout=10_000)
    view._count()
    try:
        qtbot.waitUntil(lambda: "222" in view.count.text(), timeout=10_000)
        wait_ops_idle(qtbot, ctx.ops, timeout=5_000)  # the older count was interrupted, not read to its end
    finally:
        conns[0].interrupt()  # the guard broken: end the endless statement so the test can close
    assert "222" in view.count.text()


@pytest.mark.parametrize("view_class,count_name", [(RecordsView, "records_count"), (SubjectsView, "subjects_count")])
def test_issue18_a_count_superseded_before_it_started_reads_nothing(qtbot, seeded, make_ctx, monkeypatch,
                                                                    view_class, count_name):
    """att18e: both pool threads busy, two counts queued; the older, cancelled while it waited, still ran its whole
    count once it got a thread (a read job is not checked before it starts)."""
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    calls, hold, busy = [], threading.Event(), threading.Semaphore(0)
    monkeypatch.setattr(browse, count_name, lambda *_a, **_k: calls.append(1) or 222)
    for _ in range(ctx.ops.pool.maxThreadCount()):
        ctx.ops.run(lambda _j: (busy.release(), hold.wait(10)))
    for _ in range(ctx.ops.pool.maxThreadCount()):
        assert busy.acquire(timeout=10)
    view._count()  # queued
    view._count()  # queued; the first one cancelled
    hold.set()
    qtbot.waitUntil(lambda: "222" in view.count.text(), timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    assert calls == [1], "the superseded count ran all the same"


def test_issue18_dashboard_tallies_ending_late_do_not_overwrite_the_newer(qtbot, seeded, make_ctx, monkeypatch):
    """att18e: the dashboard refreshes after every commit (WATCHES None) and read its tallies and trend on a job
    with no generation: an older refresh ending after a newer one put its older numbers back on the screen."""
    from credit_desk.gui.views.dashboard_view import DashboardView
    ctx = make_ctx(seeded)
    view = DashboardView(ctx, "工作台")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    hold, calls = threading.Event(), []

    def counts(*_a, **_k):
        calls.append(1)
        n = 111 if len(calls) == 1 else 222
        if n == 111:
            hold.wait(10)  # the older refresh: still reading when the newer one ends
        return {"kind": [("甲", n)], "tier": [("乙", n)], "status": [("丙", n)]}
    monkeypatch.setattr(browse, "dashboard_counts", counts)
    view.refresh()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    view.refresh()
    qtbot.waitUntil(lambda: "222" in view.tallies["kind"].text(), timeout=10_000)
    hold.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert "222" in view.tallies["kind"].text() and "111" not in view.tallies["kind"].text()


@pytest.mark.parametrize("view_class", [RecordsView, SubjectsView])
def test_att18e_a_refused_search_leaves_the_count_of_the_rows_shown(qtbot, seeded, make_ctx, view_class):
    """att18e: a search typed without a purpose (R14) is refused beside the box and reads nothing, but the count
    beside the list was set to 「正在统计…」 before the refusal and stayed so for good, over the rows still shown."""
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    before = view.count.text()
    assert before and "…" not in before
    view.search.edit.setText("清江")  # no purpose stated
    view.search.fire_now()
    wait_ops_idle(qtbot, ctx.ops)
    assert view.search.hint.text(), "the refusal is said beside the box"
    assert view.count.text() == before


def _failing_count(*_a, **_k):
    raise RuntimeError("the count could not be read")


@pytest.mark.parametrize("view_class,count_name", [(RecordsView, "records_count"), (SubjectsView, "subjects_count")])
def test_fix18f_a_failed_count_does_not_stay_counting(qtbot, seeded, make_ctx, monkeypatch, view_class, count_name):
    """fix18f: the newest count failed, its error dialog showed, and the label beside the list said 「正在统计…」 for
    good: the clerk waited for a count that was never coming. It now says the count is not known; the next count
    that succeeds replaces it."""
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    errors = []
    monkeypatch.setattr(ctx.ops, "show_error", lambda exc, parent=None, **_k: errors.append(exc))
    monkeypatch.setattr(browse, count_name, _failing_count)
    view._count()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    text = view.count.text()
    assert "正在统计" not in text and "统计失败" in text and "?" in text, text
    monkeypatch.setattr(browse, count_name, lambda *_a, **_k: 222)
    view._count()
    qtbot.waitUntil(lambda: "222" in view.count.text(), timeout=10_000)
    assert "统计失败" not in view.count.text()


def test_fix18f_a_failed_count_of_an_older_filter_leaves_the_newer_label(qtbot, seeded, make_ctx, monkeypatch):
    """fix18f: only the newest count's failure says so; an older one failing late neither shows nor changes the
    label."""
    ctx = make_ctx(seeded)
    view = RecordsView(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    errors, hold, calls = [], threading.Event(), []
    monkeypatch.setattr(ctx.ops, "show_error", lambda exc, parent=None, **_k: errors.append(exc))
    monkeypatch.setattr(ops_mod.Job, "cancel", lambda self: None)  # the older one runs to its failure

    def count(*_a, **_k):
        calls.append(1)
        if len(calls) == 1:
            hold.wait(10)
            raise RuntimeError("an older count failed late")
        return 222
    monkeypatch.setattr(browse, "records_count", count)
    view._count()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    view._count()
    qtbot.waitUntil(lambda: "222" in view.count.text(), timeout=10_000)
    hold.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert errors == [] and "222" in view.count.text(), view.count.text()


@pytest.mark.parametrize("part", ["due", "tallies"])
def test_fix18f_a_failed_first_dashboard_read_does_not_stay_counting(qtbot, seeded, make_ctx, monkeypatch, part):
    """fix18f: the dashboard's first read of its due list (and of its tallies) shows 「正在统计…」; when it failed, the
    error dialog showed and the words stayed for good. They now say the numbers are not known."""
    from credit_desk.gui.views.dashboard_view import DashboardView
    from credit_desk.services import due
    ctx = make_ctx(seeded)
    errors = []
    monkeypatch.setattr(ctx.ops, "show_error", lambda exc, parent=None, **_k: errors.append(exc))
    if part == "due":
        monkeypatch.setattr(due, "due_items", _failing_count)
    else:
        monkeypatch.setattr(browse, "dashboard_counts", _failing_count)
    view = DashboardView(ctx, "工作台")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    labels = [view.due_summary] if part == "due" else list(view.tallies.values())
    for label in labels:
        assert "正在统计" not in label.text() and "失败" in label.text(), label.text()


@pytest.mark.parametrize("how", ["refused", "broken"])
@pytest.mark.parametrize("view_class", [RecordsView, SubjectsView])
def test_fix18f_an_older_search_failing_late_neither_shows_nor_ends_the_newer(qtbot, seeded, make_ctx, monkeypatch,
                                                                               view_class, how):
    """fix18f: ``latest_logged_search`` checked only a success against the newest search typed. An older search
    whose log job failed after a newer one was typed put its refusal beside the box (or its error dialog up) over
    the newer search, and marked the list as no longer loading while the newer one was still being logged. Its
    failure is now dropped as its success was; the newest search's failure is still shown."""
    from credit_desk.domain.errors import DomainError
    ctx = make_ctx(seeded)
    view = view_class(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    errors, calls = [], []
    monkeypatch.setattr(ctx.ops, "show_error", lambda exc, parent=None, **_k: errors.append(exc))
    real_log, older_fail, newer_go = browse.log_search, threading.Event(), threading.Event()

    def failure():
        if how == "refused":
            return DomainError("R14_TEST", "较早的查询被拒绝。", "The older search was refused.")
        return RuntimeError("the older search's log failed")

    def log_search(session, area, text, purpose):
        calls.append(text)
        if text == "较早":
            older_fail.wait(10)
            raise failure()
        if text == "较新":
            newer_go.wait(10)
        return real_log(session, area, text, purpose)
    monkeypatch.setattr(browse, "log_search", log_search)
    view._search("较早", "核查测试事由")
    qtbot.waitUntil(lambda: calls == ["较早"], timeout=10_000)
    view._search("较新", "核查测试事由")
    assert view.model.loading
    older_fail.set()
    qtbot.wait(300)  # the older job's failure arrives on the GUI thread (the newer one is still held)
    assert view.search.hint.text() == "" and errors == [], (view.search.hint.text(), errors)
    assert view.model.loading, "the older search's failure ended the newer one's loading"
    newer_go.set()
    qtbot.waitUntil(lambda: view.model.search.text == "较新" and not view.model.loading, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    assert view.search.hint.text() == "" and errors == []
    view._search("较早", "核查测试事由")  # the newest search failing: said as before
    if how == "refused":
        qtbot.waitUntil(lambda: view.search.hint.text() == "较早的查询被拒绝。", timeout=10_000)
    else:
        qtbot.waitUntil(lambda: len(errors) == 1, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    assert not view.model.loading


def test_fix18f_a_search_refused_at_once_after_one_still_logging_leaves_the_list_not_loading(qtbot, seeded, make_ctx,
                                                                                             monkeypatch):
    """fix18f: a search still being logged marks the list as loading; a newer one refused at once (no purpose, R14)
    drops the older one's result, so nothing would ever end that loading (``model.loading`` stayed True)."""
    ctx = make_ctx(seeded)
    view = RecordsView(ctx, "list")
    qtbot.addWidget(view)
    wait_ops_idle(qtbot, ctx.ops)
    real_log, go = browse.log_search, threading.Event()
    monkeypatch.setattr(browse, "log_search", lambda *a: go.wait(10) and real_log(*a))
    view._search("较早", "核查测试事由")
    assert view.model.loading
    view._search("较新", "")  # refused beside the box at once
    assert view.search.hint.text()
    go.set()
    wait_ops_idle(qtbot, ctx.ops)
    assert not view.model.loading and view.model.search.text == ""  # the older search was dropped
