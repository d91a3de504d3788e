"""Issue 18: a long background write (the legacy import, paused inside its transaction) runs while the clerk opens
every area of the window, refreshes each, searches, and opens the dialogs that read a subject's records. Before,
several of these read on the session's writer connection from the GUI thread while the job wrote through it: the
window deadlocked (the dashboard's due list, 99f6c87; its sync and backup lines, the settings, the repair and
case lists, the case panel's objections…) or showed the import's uncommitted rows.

Now the job borrows the writer (``ledger.lend()``), the GUI thread reads on a connection of its own
(``Session.read_conn``), a search is logged on a background job that waits for the writer, and the writer's guard
(store/writer_guard.py) records any statement from a thread that does not hold it — the autouse fixture in
tests/gui/conftest.py fails the test on one. Nothing here may hang: a watchdog ends the process after 240 s.
"""

from __future__ import annotations

import faulthandler
import sys
import threading

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from credit_desk.domain.errors import DomainError
from credit_desk.gui.dialogs.case_dialogs import OpenCaseDialog
from credit_desk.gui.dialogs.repair_dialogs import ApplyRepairDialog
from credit_desk.gui.main_window import MainWindow
from credit_desk.services import browse
from credit_desk.services.legacy import ledger_import
from credit_desk.store import views, writer_guard
from tests.e2e import legacy_kit as kit

ROWS = 40


@pytest.fixture
def watchdog():
    faulthandler.dump_traceback_later(240, exit=True, file=sys.stderr)  # a hang ends the run with every stack
    yield
    faulthandler.cancel_dump_traceback_later()


def _committed_records(session) -> int:
    conn = views.open_reader(session.ledger.paths.db, session.desk.key)
    try:
        return conn.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        conn.close()


def _paused_import(ctx, path, inside: threading.Event, release: threading.Event):
    """The legacy import through the window's job runner, borrowing the writer; it stops inside its transaction
    (rows written, not committed) until ``release``."""
    def work(job):
        def progress(phase, done, total):
            if phase == "write" and done < total and not inside.is_set():  # inside the import's transaction
                inside.set()
                assert release.wait(180), "the test never let the import go on"
            job.progress(done, total)
        return ledger_import.import_ledger(ctx.session, path, kit.MAPPING, progress=progress)
    out = {}
    ctx.ops.run(work, done=lambda r: out.setdefault("done", r), failed=lambda e: out.setdefault("failed", e),
                writes=True)
    return out


def _gaps(during) -> float:
    """The longest gap between 10 ms timer ticks while ``during`` runs (the event loop kept turning?)."""
    clock, ticks = QElapsedTimer(), []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    clock.start()
    timer.start()
    during()
    timer.stop()
    return max((b - a for a, b in zip(ticks, ticks[1:])), default=0)


def test_every_area_and_record_dialog_reads_while_a_long_import_holds_the_writer(qtbot, staff, make_ctx, tmp_path,
                                                                                 watchdog, monkeypatch):
    monkeypatch.setattr(ledger_import, "PROGRESS_EVERY", 5)  # a tick inside the transaction for a small sheet
    boss = staff["boss"]
    ctx = make_ctx(boss)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.wait(300)
    before = _committed_records(boss)
    sheet = kit.write(tmp_path / "old.xlsx", kit.rows(boss, ROWS))
    inside, release = threading.Event(), threading.Event()
    out = _paused_import(ctx, sheet, inside, release)
    qtbot.waitUntil(inside.is_set, timeout=60_000)
    led = boss.ledger
    assert led.writer.lent and led.conn.in_transaction  # the import's rows are written, not committed

    # every area opens and refreshes (the refresh a ledger change triggers) without touching the writer
    for key in win.area_keys():
        view = win.open_area(key)
        if hasattr(view, "refresh"):
            view.refresh()
        qtbot.wait(150)
        assert not writer_guard.all_misuse(), (key, writer_guard.all_misuse()[0]["stack"])
    records = win.open_area("records")
    qtbot.waitUntil(lambda: "…" not in records.count.text(), timeout=30_000)
    assert f"{before:,}" in records.count.text(), records.count.text()  # committed rows only, not the import's

    # a subject's records in the dialogs that list them (they read on the reader pool)
    reader = browse.Reader(boss, size=1)
    try:
        row = browse.records_page(boss, reader, browse.PageSpec("id", False, None, 1))[0]
    finally:
        reader.close()
    subject = {"id": row["subject_id"], "name": row["name"], "id_number": row["id_number"]}
    for cls in (ApplyRepairDialog, OpenCaseDialog):
        dlg = cls(ctx, subject)
        qtbot.addWidget(dlg)
        shown = dlg.targets if cls is ApplyRepairDialog else dlg.records
        assert shown.count() >= 1, cls.__name__
        dlg.reject()

    # a search while the writer is held: its audit row waits for the import, the window keeps turning
    records.search.purpose.setEditText("核查在办事项")
    records.search.edit.setText("清")
    gap = _gaps(lambda: (records.search.fire_now(), qtbot.wait(600)))
    assert records.model.loading and gap < 500, gap  # waiting for the writer, not frozen
    # the window's own write meanwhile is refused with a sentence, never a frozen window
    from credit_desk.services import preferences
    with pytest.raises(DomainError) as refused:
        preferences.set_idle_lock_minutes(boss, 7)
    assert refused.value.code == "LEDGER_BUSY"
    assert not writer_guard.all_misuse(), writer_guard.all_misuse()[0]["stack"]

    release.set()
    qtbot.waitUntil(lambda: "done" in out or "failed" in out, timeout=120_000)
    assert "done" in out, out.get("failed")
    assert out["done"]["records"] == ROWS
    qtbot.waitUntil(lambda: not led.writer.lent, timeout=60_000)  # then the search's log job had its turn
    qtbot.waitUntil(lambda: not records.model.loading, timeout=60_000)
    assert records.model.search.text == "清"  # the search, logged after the import, ran
    assert _committed_records(boss) == before + ROWS
    with ctx.reading() as conn:
        assert conn.execute("SELECT count(*) FROM audit WHERE action = 'subject.search' AND object_id = '清'"
                            ).fetchone()[0] == 1
    # every page load the import's commit set off ends before the window is torn down: a 2028-02-29 faketime run
    # crashed (segmentation fault) in a records page still reading on a job while the test's teardown closed the
    # window and its connections — the close-while-loading race is the product's and is not fixed here
    qtbot.waitUntil(lambda: ctx.ops.pool.activeThreadCount() == 0, timeout=60_000)
