"""Issue 17 item 9 (R14), seen by a new county clerk in Xvfb (clerk17): on a PC with no printer set up, Qt's print
dialog offers 「打印到文件(PDF)」 at ~/print.pdf, and 打印… wrote there a picture of the notice — full name and ID
number — readable by every account of the PC (0644), logged nowhere and said nowhere ("已发送 N 页到打印机").
Printing a notice to a file is now 另存为 PDF (the stored notice, 0600, logged with its purpose, the path said);
a batch printed to a file is made the clerk's alone before Qt writes it and the message names the file; neither
goes into the data folder."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.gui.views.documents_view import DocumentsView
from credit_desk.services import cases
from tests.gui.test_withdrawal_path import _listed


def _to_file(path) -> QPrinter:
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)   # what 「打印到文件(PDF)」 in Qt's print dialog sets
    printer.setOutputFileName(str(path))
    return printer


def _saves(session) -> int:
    return session.ledger.conn.execute("SELECT count(*) FROM audit WHERE action = 'document.save'").fetchone()[0]


def test_r14_printing_a_notice_to_a_file_writes_it_private_logged_and_said(qtbot, staff, make_ctx, tmp_path, shot):
    os.umask(0o022)
    clerk = staff["clerk"]
    cid = _listed(staff)
    dlg = CasePrintDialog(make_ctx(clerk), cases.get_case(clerk, cid, "打印决定书"))
    qtbot.addWidget(dlg)
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("listing_decision"))
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=30_000)
    preview = dlg.preview
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
    saves = _saves(clerk)
    out = tmp_path / "print.pdf"
    preview.print_now(_to_file(out))
    qtbot.waitUntil(lambda: out.exists(), timeout=30_000)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert str(out) in preview.status.text() and "仅本人可读" in preview.status.text(), preview.status.text()
    assert _saves(clerk) == saves + 1                          # logged with its purpose (R14)
    assert out.read_bytes()[:5] == b"%PDF-"
    shot(preview, "clerk17c_print_to_file")
    # never into the data folder
    data = clerk.ledger.paths.folder
    preview.print_now(_to_file(data / "print.pdf"))
    assert not (data / "print.pdf").exists() and "数据目录" in preview.status.text()


def test_r14_a_batch_printed_to_a_file_is_the_clerks_alone_and_named(qtbot, staff, make_ctx, tmp_path):
    os.umask(0o022)
    from credit_desk.documents.templates import available
    from credit_desk.domain.errors import DomainError
    from credit_desk.services import document_sources, documents
    clerk = staff["clerk"]
    cid = _listed(staff)
    for doc_type in available():  # the notices a listed case can carry, each numbered and stored in the ledger
        try:
            documents.issue(clerk, doc_type, [document_sources.item_for(clerk, doc_type, case_id=cid,
                                                                         purpose="打印到文件测试")])
        except (DomainError, TypeError):
            continue
    view = DocumentsView(make_ctx(clerk), "文书")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: not view.model.loading and view.model.rowCount() >= 1, timeout=30_000)
    view.purpose.setText("批量打印核对")
    for i in range(view.model.rowCount()):
        if view.model.row(i)["status"] in ("issued", "printed", "served"):
            view.table.selectionModel().select(view.model.index(i, 0),
                                               QItemSelectionModel.Select | QItemSelectionModel.Rows)
    assert view.selected_rows(), [view.model.row(i)["status"] for i in range(view.model.rowCount())]
    out = tmp_path / "batch.pdf"
    job = view.print_selected(_to_file(out))
    qtbot.waitUntil(lambda: job.finished, timeout=120_000)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600 and out.stat().st_size > 0
    assert str(out) in view.message.text() and "页" in view.message.text(), view.message.text()
    data = clerk.ledger.paths.folder
    assert view.print_selected(_to_file(data / "batch.pdf")) is None
    assert not (data / "batch.pdf").exists() and "数据目录" in view.message.text()
