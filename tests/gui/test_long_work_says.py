"""fix18f: long work says what it does and stops when asked.

- The 同步 area's 导入文件 (receipts and updates from the platform, several files at once) imported one file after
  another with a check between them, but offered no 取消: a long import of many files could only be waited out.
  Each file is its own all-or-nothing transaction, so the import now stops between files when asked and says
  exactly which files were imported and which were not.
- The 文书 register's batch print said only 「正在打印…」: nothing said how many notices, of which kinds, were going
  to the printer.
Real widgets offscreen, a real Ops pool; the import service is replaced to hold each file as long as wanted.
"""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from credit_desk.services import sync_inbound
from tests.gui.conftest import wait_ops_idle


def _shown_progress() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_fix18f_a_long_sync_import_can_be_cancelled_between_files_and_says_what_came_in(qtbot, seeded, make_ctx,
                                                                                      monkeypatch, tmp_path, shot):
    from credit_desk.gui.views.sync_view import SyncView
    ctx = make_ctx(seeded)
    view = SyncView(ctx, "同步")
    qtbot.addWidget(view)
    view.show()
    paths = []
    for name in ("甲.cdb", "乙.cdb", "丙.cdb"):
        (tmp_path / name).write_bytes(b"bundle")
        paths.append(str(tmp_path / name))
    held, go, calls = threading.Event(), threading.Event(), []

    def import_bytes(_session, _data):
        calls.append(1)
        if len(calls) == 2:
            held.set()
            go.wait(10)  # the second file: still importing when 取消 is clicked
        return {"type": "receipt", "notes": []}
    monkeypatch.setattr(sync_inbound, "import_bytes", import_bytes)
    job = view.import_files(paths)
    qtbot.waitUntil(held.is_set, timeout=10_000)  # the writer is lent through the GUI thread: never block it
    qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
    dlg = _shown_progress()[0]
    assert "3" in dlg.labelText(), dlg.labelText()
    cancel = [b for b in dlg.findChildren(QPushButton) if b.isVisible()]
    assert [b.text() for b in cancel] == ["取消"], "a long import offers no 取消"
    cancel[0].click()
    go.set()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    assert len(calls) == 2, "the import went on after 取消"
    said = view.message.text()
    shot(view, "fix18f_sync_import_stopped")
    assert "甲.cdb" in said and "乙.cdb" in said and "丙.cdb" in said and "2" in said and "3" in said, said


def test_fix18f_the_batch_print_says_how_many_notices_of_which_kinds(qtbot, staff, make_ctx, monkeypatch, tmp_path,
                                                                   shot):
    from credit_desk.documents.templates import available
    from credit_desk.services import documents
    from tests.gui.test_print_batch_progress import _printer, issued_notices_view
    _clerk, _ctx, view, _ = issued_notices_view(qtbot, staff, make_ctx, available(), 2)
    rows = view.selected_rows()
    assert len(rows) >= 2
    held, go, real = threading.Event(), threading.Event(), documents.stored_pdf

    def stored_pdf(*a, **k):
        held.set()
        go.wait(10)
        return real(*a, **k)
    monkeypatch.setattr(documents, "stored_pdf", stored_pdf)
    job = view.print_selected(_printer(tmp_path / "batch.pdf"))
    try:
        qtbot.waitUntil(held.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: bool(_shown_progress()), timeout=5_000)
        label = _shown_progress()[0].labelText()
        shot(_shown_progress()[0], "fix18f_batch_print_progress")
    finally:
        go.set()
        qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    assert f"{len(rows)} 份" in label, label
    for title in {r["type_zh"] for r in rows}:
        assert title in label, (title, label)


def test_fix18f_a_sync_import_refused_midway_says_which_files_came_in(qtbot, seeded, make_ctx, monkeypatch, tmp_path):
    """fix18f: three files chosen, the second refused (a replayed receipt, say): the area said only the refusal,
    while the first file had been imported and the third had not — the clerk could not tell which to bring again
    (DESIGN habit 4: an import reports exactly what was skipped)."""
    from credit_desk.domain.errors import DomainError
    from credit_desk.gui.views.sync_view import SyncView
    ctx = make_ctx(seeded)
    view = SyncView(ctx, "同步")
    qtbot.addWidget(view)
    paths = []
    for name in ("甲.cdb", "乙.cdb", "丙.cdb"):
        (tmp_path / name).write_bytes(name.encode())
        paths.append(str(tmp_path / name))

    def import_bytes(_session, data):
        if data == "乙.cdb".encode():
            raise DomainError("RECEIPT_REPLAY", "该回执已导入过。", "This receipt was imported before.")
        return {"type": "receipt", "notes": []}
    monkeypatch.setattr(sync_inbound, "import_bytes", import_bytes)
    job = view.import_files(paths)
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)
    wait_ops_idle(qtbot, ctx.ops)
    said = view.message.text()
    assert "该回执已导入过" in said and "甲.cdb" in said and "乙.cdb" in said and "丙.cdb" in said, said
