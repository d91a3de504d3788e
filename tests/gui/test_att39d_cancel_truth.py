"""att39d: a clerk cancels, closes and retries long work; the window must say what was really done.

1. 取消 pressed while the job was at its last step (the work done and kept): the window said 「已取消」, or nothing.
2. 取消 pressed at the moment the service refused (a DomainError with its reason): the reason was dropped.
3. A refusal whose words happen to hold "interrupted" was taken for a cancellation (ops._is_interrupt matched
   words) and nothing at all was said.
4. A list whose page read failed showed an empty table, as if there were no rows, once the box was closed.
Real widgets offscreen, a real encrypted ledger (the suite's fixtures), a real Ops pool.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from credit_desk.domain.errors import DomainError
from credit_desk.services import browse, sync_inbound
from tests.gui.conftest import wait_ops_idle
from tests.gui.test_att38a_attacks import _close_boxes, _error_boxes, _reader_broken
from tests.gui.test_areas import settle
from tests.gui.test_long_work_says import _shown_progress


def _click_cancel() -> None:
    [b for b in _shown_progress()[0].findChildren(QPushButton) if b.isVisible()][0].click()


def _late_notes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "lateCancelNote" and w.isVisible()]


def _close_notes() -> None:
    for box in _late_notes():
        box.close()


def _sync_view(qtbot, make_ctx, seeded, tmp_path, names=("甲.cdb", "乙.cdb", "丙.cdb")):
    from credit_desk.gui.views.sync_view import SyncView
    ctx = make_ctx(seeded)
    view = SyncView(ctx, "同步")
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    paths = []
    for name in names:
        (tmp_path / name).write_bytes(name.encode())
        paths.append(str(tmp_path / name))
    return ctx, view, paths


# --- 1. the cancel that came too late --------------------------------------------------------------------------

def test_att39d_cancel_while_the_last_page_goes_out_says_the_batch_was_printed(qtbot, staff, make_ctx, monkeypatch,
                                                                              tmp_path, shot):
    """取消 pressed as the batch's last page went into the file: every page was written, the job returned its page
    count — and the result was dropped for 「打印已取消。文件中只有取消前打印的页面：请删除该文件后重新打印。」: the
    clerk deletes a whole, correct file and prints (and logs, R14) every notice again."""
    from credit_desk.documents.templates import available
    from credit_desk.gui.views import documents_view as dv
    from tests.gui.test_print_batch_progress import _printer, issued_notices_view
    _close_notes()
    _clerk, ctx, view, _ = issued_notices_view(qtbot, staff, make_ctx, available(), 2)
    held, go, real = threading.Event(), threading.Event(), dv.print_pdfs

    def print_pdfs(pdfs, printer, job=None):
        pages = real(pdfs, printer, job)  # every page painted: the file is whole once the painter ends
        held.set()
        go.wait(10)  # the last step: the clerk presses 取消 now
        return pages
    monkeypatch.setattr(dv, "print_pdfs", print_pdfs)
    target = tmp_path / "batch.pdf"
    job = view.print_selected(_printer(target))
    qtbot.waitUntil(held.is_set, timeout=60_000)
    qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
    _click_cancel()
    go.set()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    said = view.message.text()
    notes = _late_notes()
    if notes:
        shot(notes[0], "att39d_late_cancel_note_print")
    shot(view, "att39d_late_cancel_print")
    note = notes[0].text() if notes else ""
    _close_notes()
    assert target.exists() and target.stat().st_size > 0
    assert "已取消" not in said and "删除该文件后重新打印" not in said, said
    assert "页" in said and str(target) in said, said
    assert "已经完成" in note, note  # the clerk pressed 取消: told it came too late, not left to guess


def test_att39d_legacy_import_cancelled_after_its_commit_says_what_came_in(qtbot, make_ctx, tmp_path, shot,
                                                                          _legacy_office):
    """取消 pressed as the earlier ledger's import reached its end: the transaction had committed (subjects,
    records and listings in), then the last progress step checked the cancel and raised — the dialog closed its
    progress and said nothing, its 导入 button still on: the clerk imports the sheet a second time."""
    from tests.gui.test_legacy_import_gui import _count, _map
    from credit_desk.gui.dialogs.legacy_import_dialog import LegacyImportDialog
    from credit_desk.services.legacy import ledger_import
    from tests.e2e import legacy_kit as kit
    boss = _legacy_office["boss"]
    ctx = make_ctx(boss)
    dlg = LegacyImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.choose(str(kit.write(tmp_path / "good.xlsx", kit.rows(boss, 12, listed_every=4))))
    _map(dlg)
    before = _count(boss, "records")
    held, go, real = threading.Event(), threading.Event(), ledger_import._write

    def write(session, sh, ready, progress):
        def last_step(phase, done, total):
            if done == total:  # the transaction has committed: this is the import's last word
                held.set()
                go.wait(10)
            progress(phase, done, total)
        return real(session, sh, ready, last_step)
    import unittest.mock as mock
    with mock.patch.object(ledger_import, "_write", write):
        job = dlg.start_import()
        qtbot.waitUntil(held.is_set, timeout=30_000)
        qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
        _click_cancel()
        go.set()
        qtbot.waitUntil(lambda: job.finished, timeout=10_000)
        wait_ops_idle(qtbot, ctx.ops)
    shot(dlg, "att39d_legacy_import_late_cancel")
    _close_notes()
    assert _count(boss, "records") == before + 12
    assert dlg.result_value is not None and "已导入" in dlg.status.text(), dlg.status.text()
    assert not dlg.import_button.isEnabled()


@pytest.fixture
def _legacy_office(data_dir):
    """The office of test_legacy_import_gui: a head (approver) who may import listings."""
    import random
    from credit_desk.domain import demo
    from credit_desk.services import accounts, auth, departments, ledgers
    from tests.conftest import ADMIN_PW, PASSPHRASE, TEST_NOW, USER_PW
    from tests.e2e import legacy_kit as kit
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.clock = lambda: TEST_NOW
    admin = auth.login(desk, "admin", ADMIN_PW)
    accounts.add_user(admin, "boss1", "approver", USER_PW, "张负责")
    departments.add_department(admin, name=kit.DEPARTMENT, uscc=demo.uscc(random.Random(1), "320812"),
                               level="county", domain="市场监管", prefix="清市监")
    yield {"boss": auth.login(desk, "boss1", USER_PW)}
    desk.close()


# --- 2. a refusal at the moment of the cancel ---------------------------------------------------------------------

def test_att39d_cancel_as_a_file_is_refused_keeps_the_reason(qtbot, seeded, make_ctx, monkeypatch, tmp_path, shot):
    """取消 pressed while 乙.cdb was being imported, and the platform's receipt was refused (imported before): the
    area said 「导入已停止：已导入 1/3 个文件（甲.cdb）；未导入：乙.cdb、丙.cdb」 — never why 乙 was not imported, and
    the clerk imports it again and again."""
    ctx, view, paths = _sync_view(qtbot, make_ctx, seeded, tmp_path)
    held, go = threading.Event(), threading.Event()

    def import_bytes(_session, data):
        if data == "乙.cdb".encode():
            held.set()
            go.wait(10)
            raise DomainError("RECEIPT_REPLAY", "该回执已导入过。", "This receipt was imported before.")
        return {"type": "receipt", "notes": []}
    monkeypatch.setattr(sync_inbound, "import_bytes", import_bytes)
    job = view.import_files(paths)
    qtbot.waitUntil(held.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
    _click_cancel()
    go.set()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    said = view.message.text()
    shot(view, "att39d_cancel_with_refusal")
    assert "该回执已导入过" in said and "乙.cdb" in said and "丙.cdb" in said, said


def test_att39d_cancel_as_a_legacy_sheet_is_refused_lists_the_cells(qtbot, make_ctx, tmp_path, _legacy_office):
    """取消 pressed as the earlier ledger's check ended with bad cells: the refusal (every bad cell, R1/R2) was
    dropped for a cancel, and the dialog said nothing at all — the clerk never learns the sheet is wrong."""
    from credit_desk.gui.dialogs.legacy_import_dialog import LegacyImportDialog
    from credit_desk.services.legacy import ledger_import
    from tests.e2e import legacy_kit as kit
    from tests.gui.test_legacy_import_gui import _map
    boss = _legacy_office["boss"]
    ctx = make_ctx(boss)
    dlg = LegacyImportDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    data = [list(r) for r in kit.rows(boss, 12, listed_every=4)]
    data[3][8] = data[3][7].replace(year=data[3][7].year - 1)  # R1: effective before issued
    dlg.choose(str(kit.write(tmp_path / "bad.xlsx", data)))
    _map(dlg)
    held, go, real = threading.Event(), threading.Event(), ledger_import._check

    def check(*a, **k):
        out = real(*a, **k)
        held.set()
        go.wait(10)  # the check has found the bad cell; the clerk presses 取消 now
        return out
    import unittest.mock as mock
    with mock.patch.object(ledger_import, "_check", check):
        job = dlg.start_import()
        qtbot.waitUntil(held.is_set, timeout=30_000)
        qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
        _click_cancel()
        go.set()
        qtbot.waitUntil(lambda: job.finished, timeout=10_000)
        wait_ops_idle(qtbot, ctx.ops)
    assert dlg.errors.isVisible() and dlg.errors.rowCount() == 1, dlg.status.text()
    assert "未导入" in dlg.status.text(), dlg.status.text()


# --- 3. a refusal with the word in it ---------------------------------------------------------------------------

def test_att39d_a_refusal_naming_an_interrupted_call_is_said_not_taken_for_a_cancel(qtbot, seeded, make_ctx,
                                                                                   monkeypatch, tmp_path, shot):
    """A department's 双公示 sheet on a network share that could not be read — the service's refusal quotes the
    system's words 「Interrupted system call」. No one pressed 取消; ops matched the word "interrupted" and took it
    for a cancellation: the progress closed and nothing at all was said."""
    from credit_desk.gui.views.disclosure_view import DisclosureView
    from credit_desk.services.disclosure import sheet
    ctx = make_ctx(seeded)
    view = DisclosureView(ctx, "双公示")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    path = tmp_path / "县局双公示.xlsx"
    path.write_bytes(b"x")

    def import_sheet(_session, p, _sheet=None, progress=None):
        raise DomainError("FILE_UNREADABLE", f"无法读取文件 {p}：Interrupted system call。",
                          f"Cannot read {p}: Interrupted system call.", field="file")
    monkeypatch.setattr(sheet, "import_sheet", import_sheet)
    job = view.import_sheet(str(path))
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    said = view.message.text()
    shot(view, "att39d_refusal_with_the_word")
    assert "无法读取文件" in said and "县局双公示.xlsx" in said, said


def test_att39d_an_unexpected_failure_with_the_word_gets_its_dialog(qtbot, seeded, make_ctx, monkeypatch, tmp_path):
    """The USB stick's write failing with EINTR during 导出到U盘 (an OSError, not a refusal): no 取消 pressed, and
    nothing was said — the clerk carries an empty stick to the platform."""
    from credit_desk.gui.views.sync_view import SyncView
    from credit_desk.services import sync
    _close_boxes()
    ctx = make_ctx(seeded)
    view = SyncView(ctx, "同步")
    qtbot.addWidget(view)
    view.show()

    def export_to_folder(_session, _folder):
        raise InterruptedError(4, "Interrupted system call")
    monkeypatch.setattr(sync, "export_to_folder", export_to_folder)
    job = view.export_to(str(tmp_path))
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    boxes = _error_boxes()
    _close_boxes()
    assert boxes or view.message.text(), "an export that failed said nothing"


def test_att39d_an_interrupted_read_of_a_cancelled_job_is_still_a_cancel(qtbot, seeded, make_ctx):
    """The other side of 3: a read stopped by its own job's cancel (SQLite's SQLITE_INTERRUPT) is a cancellation —
    dropped in silence, never an error dialog."""
    from credit_desk.gui.latest import leased
    _close_boxes()
    ctx = make_ctx(seeded)
    started, said = threading.Event(), []

    def work(job):
        with leased(ctx.reader, job) as conn:
            started.set()
            return conn.execute("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                                "SELECT count(*) FROM r").fetchone()
    job = ctx.ops.run(work, done=said.append, failed=said.append, cancelled=lambda: said.append("cancelled"))
    qtbot.waitUntil(started.is_set, timeout=10_000)
    job.cancel()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    assert said == ["cancelled"], said
    assert not _error_boxes()


# --- 4. a list whose read failed ----------------------------------------------------------------------------------

@pytest.mark.parametrize("area,page", [("records", "records_page"), ("subjects", "subjects_page")])
def test_att39d_a_list_whose_page_failed_says_so_in_the_table(qtbot, window, monkeypatch, shot, area, page):
    """F5 on a list while the reader fails: the box said why, and once it was closed the table stood empty — read
    as 「no records」 beside a count of thousands. The table itself says it could not be read, until a read works."""
    _close_boxes()
    view = window.open_area(area)
    settle(qtbot, view)
    wait_ops_idle(qtbot, window.ctx.ops)
    assert view.model.rowCount() > 0
    real = getattr(browse, page)
    monkeypatch.setattr(browse, page, _reader_broken)
    view.refresh()
    qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=10_000)
    wait_ops_idle(qtbot, window.ctx.ops)
    _close_boxes()
    qtbot.wait(50)
    said = [w for w in view.table.viewport().findChildren(QLabel) if w.isVisible()]
    shot(window, f"att39d_failed_page_{area}")
    assert view.model.rowCount() == 0
    assert said and "未能读取" in said[0].text() and "F5" in said[0].text(), [w.text() for w in said]
    monkeypatch.setattr(browse, page, real)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    assert not [w for w in view.table.viewport().findChildren(QLabel) if w.isVisible()]


def test_att39d_a_box_gone_with_its_window_does_not_silence_the_next_failure(qtbot):
    """A read's failure box over a dialog that the clerk then closed went with it, unseen by the list of open boxes:
    the next failed read touched the deleted box, raised in the slot, and no box came at all."""
    import sqlite3

    from PySide6.QtWidgets import QWidget
    from credit_desk.gui import ops
    _close_boxes()
    host = QWidget()
    host.show()
    ops.show_error(sqlite3.OperationalError("disk I/O error"), host, reading=True)
    host.deleteLater()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in _error_boxes() if b.parent() is host), timeout=2_000)
    qtbot.wait(20)
    box = ops.show_error(sqlite3.OperationalError("disk I/O error"), None, reading=True)
    assert box.isVisible()
    _close_boxes()
