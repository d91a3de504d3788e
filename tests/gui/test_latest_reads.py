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
    monkeypatch.setattr(ctx.ops, "show_error", errors.append)
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
