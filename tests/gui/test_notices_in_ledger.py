"""Issue 17 item 9 through the widgets (R14): a notice issued from the case panel is previewed from the ledger;
no PDF appears anywhere until the clerk chooses 另存为 PDF, and that file is private and the dialog says where."""

from __future__ import annotations

import os
import stat
import subprocess

from PySide6.QtWidgets import QDialogButtonBox

from credit_desk.gui.dialogs.print_dialog import CasePrintDialog
from credit_desk.services import cases
from tests.gui.test_withdrawal_path import _listed


def _pdfs_under(folder) -> list:
    return [p for p in folder.rglob("*") if p.suffix in (".pdf", ".part")]


def test_r14_issued_notice_stays_in_the_ledger_until_saved_where_the_clerk_asks(qtbot, staff, make_ctx, tmp_path,
                                                                                 shot):
    os.umask(0o022)
    cid = _listed(staff)
    ctx = make_ctx(staff["clerk"])
    data = staff["clerk"].ledger.paths.folder
    before = _pdfs_under(data.parent)
    dlg = CasePrintDialog(ctx, cases.get_case(staff["clerk"], cid, "打印决定书"))
    qtbot.addWidget(dlg)
    dlg.fields["doc_type"].setCurrentIndex(dlg.fields["doc_type"].findData("listing_decision"))
    dlg.buttons.button(QDialogButtonBox.Ok).click()
    qtbot.waitUntil(lambda: dlg.result_value is not None, timeout=30_000)
    preview = dlg.preview
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.ready, timeout=30_000)
    assert isinstance(preview.path, bytes)                   # shown from the ledger's copy
    assert _pdfs_under(data.parent) == before                # no file beside the ledger (R14)
    assert preview.save_button.isEnabled()
    shot(preview, "dialog_preview_in_ledger")

    out = tmp_path / "chosen" / "决定书.pdf"
    out.parent.mkdir()
    assert preview.save_as(str(out)) == out
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert str(out) in preview.status.text() and "仅本人可读" in preview.status.text()
    number = dlg.result_value[0]["number"]
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert number.split("〔")[0] in text.replace(" ", "")
    assert set(_pdfs_under(data.parent)) == {*before, out}

    # a second save onto the data folder is refused with the reason, beside nothing written
    assert preview.save_as(str(data / "x.pdf")) is None
    assert "数据目录" in preview.status.text() and not (data / "x.pdf").exists()
