"""Issue 23 (a suite that never fails by itself): a faketime run crashed (segmentation fault) when a window was
torn down while a records page was still being read on a background job. Closing a window now ends its jobs
first: no job starts after the close, the running ones are cancelled and waited for, and only then do the reader
connections and the widgets go (gui/ops.Ops.close, gui/context.GuiContext.close)."""

from __future__ import annotations

import gc
import time

from credit_desk.gui.main_window import MainWindow


def _slow_read(ctx, ended: list):
    """A page read whose last statement takes a while to notice the cancel (a big count on a real ledger)."""
    def work(job):
        with ctx.reader.lease() as conn:
            while not job.cancelled:
                conn.execute("SELECT count(*) FROM records").fetchone()
            time.sleep(0.3)
            conn.execute("SELECT count(*) FROM subjects").fetchone()  # still on the connection after the cancel
        ended.append(True)
    ctx.ops.run(work)


def test_closing_the_window_while_pages_load_ends_every_job_first(qtbot, staff, make_ctx):
    caught_running = 0
    for i in range(12):
        ctx = make_ctx(staff["boss"])
        win = MainWindow(ctx)
        win.resize(1280, 800)
        win.show()
        for key in ("records", "subjects", "cases"):
            view = win.open_area(key)
            if hasattr(view, "refresh"):
                view.refresh()  # a page load (and its count) on the job pool
        ended: list = []
        if i % 3 == 0:
            _slow_read(ctx, ended)
        qtbot.wait(i * 20)  # close at another moment of the loads each time
        caught_running += ctx.ops.pool.activeThreadCount() > 0
        win.close()
        assert ctx.ops.closed and ctx.ops.pool.activeThreadCount() == 0  # every job ended before the window went
        assert ended or i % 3  # the slow read finished on its open connection, before the pool closed
        ran = []
        ctx.ops.run(lambda job: ran.append(job))  # a refresh queued before the close
        win.deleteLater()
        qtbot.wait(30)
        gc.collect()
        assert not ran  # never starts on the closed connections
    assert caught_running >= 3  # the close did come while loads were running
