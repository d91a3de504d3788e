"""Issue 17 items 1 and 5, seen by a new county clerk in Xvfb (clerk17): every file and folder picker opened in the
program's working directory — with ``bash scripts/run.sh`` that is the source tree, so 导出到 U 盘… and 导入市平台
公钥文件… started among credit_desk/, forms/ and tests/. A picker now opens where the clerk last chose a file of
its kind, else (the USB stick) the folder the desktop mounts removable media in, else the home folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from credit_desk.gui import pickers
from tests.gui.conftest import when_modal


def _opened_in(qtbot, start) -> str:
    seen = {}

    def look(dlg: QFileDialog):
        seen["dir"] = dlg.directory().absolutePath()
        dlg.reject()
    when_modal(qtbot, QFileDialog, look)
    start()
    qtbot.waitUntil(lambda: "dir" in seen, timeout=10_000)
    return seen["dir"]


def test_the_usb_folder_picker_opens_on_the_removable_media_not_the_program_folder(qtbot, window, tmp_path,
                                                                                 monkeypatch):
    usb = tmp_path / "media" / "clerk"
    usb.mkdir(parents=True)
    monkeypatch.setattr(pickers, "media_folders", lambda: [usb])
    view = window.open_area("sync")
    opened = _opened_in(qtbot, view.export_to)
    assert opened != os.getcwd() and Path(opened) == usb, opened
    # a folder chosen once is where the next USB picker opens
    stick = tmp_path / "media" / "clerk" / "KINGSTON"
    stick.mkdir()
    pickers.remember(window.ctx.settings, "usb", str(stick / "platform.keys.json"))
    assert Path(_opened_in(qtbot, view.export_to)) == stick


def test_a_spreadsheet_picker_opens_in_the_home_folder_then_where_the_last_sheet_was(qtbot, window, tmp_path):
    view = window.open_area("checks")
    opened = _opened_in(qtbot, view.import_list)
    assert opened != os.getcwd() and Path(opened) == Path.home(), opened
    pickers.remember(window.ctx.settings, "sheets", str(tmp_path / "部门名单.xlsx"))
    assert Path(_opened_in(qtbot, view.import_list)) == tmp_path
