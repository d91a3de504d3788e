"""Issue 18 item 3: a batch print from the 文书 register reads each notice from the ledger and logs each look (R14:
an audit row with its fsync) on the print job, with one progress bar over reads and printing — not on the GUI
thread before the job starts, where a batch of N froze the window N times. The event loop keeps turning: its
longest gap while the batch runs is measured against the loop's longest gap in the same run while another thread
merely keeps a core busy (a ratio, no absolute time; asserted only in the perf twin, ``-m perf``: issue 23, no
wall-clock assert in the default run — this ratio failed by itself on a quiet machine, cfbbd5d). A page is drawn in bands and rendered without PIL copies:
one drawImage of a 300 dpi page held Python's lock about a second."""

from __future__ import annotations

import hashlib
import threading

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter

from credit_desk.documents.templates import available
from credit_desk.domain.errors import DomainError
from credit_desk.gui.printing import page_count
from credit_desk.gui.views.documents_view import BAR, DocumentsView
from credit_desk.services import document_sources, documents
from tests.gui.test_withdrawal_path import _listed

COPIES = 2
# the baseline is never taken below two frames at 60 Hz (33 ms): on a quiet machine the busy-core baseline falls to
# ~8 ms, and a ratio of two small numbers failed by itself (cfbbd5d)
BASELINE_FLOOR_MS = 2 * 1000 / 60
# the batch's longest event-loop gap / that baseline: 3 is issue 18's goal (100 ms) on a quiet machine. Session 34:
# pypdfium2's bitmap zeroed under Python's lock and the QImage copy of each page held it 50–470 ms a page (ratio
# 5.3–14 at load 1–6); with PDFium drawing into the QImage the longest gap is a band of drawImage (24–121 ms at load
# 4–6, ratio 0.5–3.0, most runs under 2), and on a quiet machine a whole page's bands back to back (91–94 ms against
# 7–10 ms: ratio 2.7–2.8) until each band lets go of the lock: 9–20 ms (ratio 0.3–0.6). 1.5 is 50 ms at the floor.
# A page drawn in one band (the lock held ~1 s a page) measured 30–32
GAP_RATIO = 1.5


def _printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _longest_gap(during) -> float:
    clock, ticks = QElapsedTimer(), []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    clock.start()
    timer.start()
    during()
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:]))


def _looks(session) -> int:
    return session.ledger.conn.execute("SELECT count(*) FROM audit WHERE action = 'document.view'").fetchone()[0]


def _busy_beside(during) -> None:
    """``during`` runs while another thread of this process keeps a core busy without holding Python's lock (the
    baseline: what the loop looks like when a job merely competes for the CPU, on a shared machine)."""
    stop, block = threading.Event(), b"x" * (1 << 20)

    def burn():
        while not stop.is_set():
            hashlib.sha256(block).digest()  # releases the GIL for large buffers
    t = threading.Thread(target=burn)
    t.start()
    try:
        during()
    finally:
        stop.set()
        t.join()


def test_batch_print_reads_and_logs_each_notice_off_the_gui_thread_with_progress(qtbot, staff, make_ctx, tmp_path,
                                                                                  monkeypatch):
    """Behaviour only (issue 23: no wall-clock assert in the default run): the reads and looks on the job, never the
    GUI thread, with progress. The loop's gap ratio is printed here and asserted by the perf twin below."""
    busy, idle = _batch_print(qtbot, staff, make_ctx, tmp_path, monkeypatch)
    print(f"\n[batch print] longest gap {busy:.0f} ms printing vs {idle:.0f} ms idle beside a busy core "
          f"(ratio {busy / max(idle, BASELINE_FLOOR_MS):.1f}, asserted < {GAP_RATIO} only with -m perf)")


@pytest.mark.perf
def test_batch_print_keeps_the_event_loop_turning(qtbot, staff, make_ctx, tmp_path, monkeypatch):
    """The loop's longest gap while the batch prints, against its longest gap beside a busy core in the same run
    (a ratio of wall-clock gaps: run on purpose, on an idle machine, ``-m perf``). Issue 18's goal: no gap over
    100 ms; the bound is half of it at the baseline's two-frame floor."""
    busy, idle = _batch_print(qtbot, staff, make_ctx, tmp_path, monkeypatch)
    assert busy / max(idle, BASELINE_FLOOR_MS) < GAP_RATIO, f"longest gap {busy:.0f} ms printing vs {idle:.0f} ms idle"


def issued_notices_view(qtbot, staff, make_ctx, doc_types, at_least: int):
    """The clerk's 文书 view over the notices of ``doc_types`` issued once each for a listed case (those the case
    cannot carry skipped), every issued row selected, the purpose typed: (clerk, ctx, view, number issued)."""
    from PySide6.QtCore import QItemSelectionModel
    clerk = staff["clerk"]
    cid = _listed(staff)
    issued = 0
    for doc_type in doc_types:
        try:
            documents.issue(clerk, doc_type, [document_sources.item_for(clerk, doc_type, case_id=cid,
                                                                        purpose="批量打印测试")])
            issued += 1
        except (DomainError, TypeError):
            continue
    ctx = make_ctx(clerk)
    view = DocumentsView(ctx, "文书")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() >= at_least, timeout=30_000)
    view.purpose.setText("批量打印核对")
    for i in range(view.model.rowCount()):
        if view.model.row(i)["status"] == "issued":
            view.table.selectionModel().select(view.model.index(i, 0),
                                               QItemSelectionModel.Select | QItemSelectionModel.Rows)
    return clerk, ctx, view, issued


def _batch_print(qtbot, staff, make_ctx, tmp_path, monkeypatch) -> tuple[float, float]:
    """The batch print of every notice of a listed case, its behaviour asserted; returns the longest event-loop
    gap (ms) while it ran and the longest beside a busy core."""
    clerk, ctx, view, issued = issued_notices_view(qtbot, staff, make_ctx, available(), COPIES)
    assert issued >= COPIES, issued
    rows = view.selected_rows()
    assert len(rows) >= COPIES
    looks = _looks(clerk)

    idle = _longest_gap(lambda: _busy_beside(lambda: qtbot.wait(1500)))
    threads = []
    real = documents.stored_pdf
    monkeypatch.setattr(documents, "stored_pdf", lambda *a, **k: threads.append(threading.current_thread()) or
                        real(*a, **k))
    steps, out = [], tmp_path / "batch.pdf"
    job = view.print_selected(_printer(out))
    job._signals.progress.connect(lambda d, n: steps.append((d, n)))
    busy = _longest_gap(lambda: qtbot.waitUntil(lambda: job.finished, timeout=120_000))
    assert "页" in view.message.text() and out.stat().st_size > 0, view.message.text()
    assert _looks(clerk) == looks + len(rows)  # every notice's look logged (R14)
    assert len(threads) == len(rows) and threading.main_thread() not in threads  # on the job, never the GUI thread
    # reads, then pages printed, on one bar that only moves forward (gui18: it counted whole notices, so one long
    # notice held it still); one step per page after the reads
    assert steps and steps[-1][0] == steps[-1][1] == BAR, steps
    assert all(a[0] <= b[0] for a, b in zip(steps, steps[1:])), steps
    pages = page_count(out)
    assert pages > len(rows) and len(steps) >= len(rows) + pages, (steps, pages)
    return busy, idle


def test_a_cancelled_batch_print_says_so(qtbot, staff, make_ctx, tmp_path):
    """gui18 (session 34): after 取消 nothing was said — not that printing stopped, nor that a print to a file left
    an incomplete file. The clerk is told, and the file's incompleteness is named."""
    _clerk, _ctx, view, _ = issued_notices_view(qtbot, staff, make_ctx, ("listing_decision", "prior_notice"), 1)
    job = view.print_selected(_printer(tmp_path / "cut.pdf"))
    assert job is not None, view.message.text()
    # 取消 once the first page is out (a cancel while the notices are still read prints nothing: att38a's test) —
    # on the worker, as the page is counted: delivered later on the GUI thread, the cancel could land after the
    # last page, and a batch printed whole is now said as printed (att39d)
    job._signals.progress.connect(lambda d, n: job.cancel() if d > BAR // 10 else None, Qt.DirectConnection)
    qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    text = view.message.text()
    assert "打印已取消" in text and "删除" in text, text
