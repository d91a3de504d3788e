"""Issue 17 items 2 and 6 (R14), seen in Xvfb (clerk17b): the head, reading a natural person's full record in the
subject's details, presses Ctrl+L (文件 → 锁定) because someone comes to the desk — and nothing happens: the lock
shortcut belonged to the main window and a dialog in front of it had the keyboard. Ctrl+L now locks from any window
of the app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from credit_desk.gui.dialogs.subject_detail_dialog import SubjectDetailDialog
from credit_desk.services import subjects


def _detail(qtbot, window, seeded):
    sid = seeded.ledger.query("SELECT id FROM subjects WHERE kind = 'natural_person' ORDER BY id LIMIT 1")[0]["id"]
    subject = subjects.show_subject(seeded, sid, "核对身份信息")
    dlg = SubjectDetailDialog(window.ctx, subject, "核对身份信息", window)
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    return dlg


def test_r14_ctrl_l_locks_from_a_dialog_in_front_of_the_main_window(qtbot, window, seeded):
    dlg = _detail(qtbot, window, seeded)
    locked = []
    window.lockRequested.connect(lambda: locked.append(1))
    focus = QApplication.focusWidget() or dlg
    qtbot.keyClick(focus, Qt.Key_L, Qt.ControlModifier)
    assert locked == [1], "Ctrl+L in the subject's details did not lock"


def test_r14_ctrl_l_in_the_main_window_locks_once(qtbot, window, seeded):
    locked = []
    window.lockRequested.connect(lambda: locked.append(1))
    window.activateWindow()
    qtbot.keyClick(window.current_view(), Qt.Key_L, Qt.ControlModifier)
    assert locked == [1]


def test_a_plain_l_typed_in_a_dialog_does_not_lock(qtbot, window, seeded):
    dlg = _detail(qtbot, window, seeded)
    locked = []
    window.lockRequested.connect(lambda: locked.append(1))
    qtbot.keyClick(QApplication.focusWidget() or dlg, Qt.Key_L)
    assert locked == []
