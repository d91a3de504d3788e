"""Issue 17 item 9 (R13 两书同达, R14): 双公示's 「打印信用修复告知书…」 issues the notice into the ledger and shows
it as it will print, with 打印… and 另存为 PDF… — as every other notice. It used to ask for a file name first and
write the PDF (the party's name and codes) wherever the clerk pointed, with no way to print it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QFileDialog

from credit_desk.gui.printing import PreviewDialog
from credit_desk.services.disclosure import register
from tests.e2e.disclosure_kit import penalty_row
from tests.gui.test_disclosure_gui import TODAY, _window, office  # noqa: F401 - the fixture


def test_r13_r14_repair_notice_opens_the_preview_and_writes_no_file(qtbot, office, make_ctx, tmp_path, shot,  # noqa: F811
                                                                     monkeypatch):
    register.add_decision(office["clerk"], penalty_row(3, TODAY - dt.timedelta(days=2)))
    win = _window(qtbot, make_ctx, office["clerk"])
    view = win.open_area("disclosure")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading, timeout=10_000)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append(a), ("", ""))[1])
    view.table.selectRow(0)
    view.print_button.click()
    qtbot.waitUntil(lambda: isinstance(getattr(view, "preview", None), PreviewDialog) and view.preview.ready,
                    timeout=20_000)
    QApplication.processEvents()
    preview = view.preview
    assert asked == []                                    # no file asked for, none written (R14)
    assert preview.isVisible() and preview.print_button.isVisible() and preview.save_button.isVisible()
    number = office["clerk"].ledger.query("SELECT number FROM documents WHERE doc_type = 'repair_notice'")
    assert number and number[0]["number"] in view.message.text() and "台账" not in view.message.text()
    assert "账本" in view.message.text()                  # the clerk is told where the notice is kept
    shot(preview, "disclosure_repair_notice_preview")
    preview.close()
    win.close()
