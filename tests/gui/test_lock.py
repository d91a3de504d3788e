"""Issue 17 item 2 (R14: an unattended desk shows no data): locking hides every window of the app — the main
window, a subject's details with the full ID number, a half-filled form — not only the main window; the same
user gets everything back with the unsaved typing intact; cancelling the lock screen asks before quitting."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from credit_desk.gui.app import Shell, StartFlow
from credit_desk.gui.dialogs.new_subject_dialog import NewSubjectDialog
from credit_desk.gui.dialogs.subject_detail_dialog import SubjectDetailDialog
from credit_desk.gui.lock import shows_data
from credit_desk.gui.start_dialogs import LoginDialog
from credit_desk.services import subjects
from tests.conftest import USER_PW
from tests.gui.conftest import when_modal


def _showing() -> list:
    return [w for w in QApplication.topLevelWidgets() if shows_data(w)]


def test_r14_lock_hides_every_window_and_cancel_asks_before_quitting(qtbot, seeded, make_ctx, data_dir, shot):
    ctx = make_ctx(seeded)
    # Read before the shell opens: its start-up checks borrow the writer on a background job, and this thread
    # touching the writer meanwhile is the misuse store/writer_guard.py exists to catch (here it deadlocked).
    sid = seeded.ledger.query("SELECT id FROM subjects WHERE kind = 'natural_person' ORDER BY id LIMIT 1")[0]["id"]
    subject = subjects.show_subject(seeded, sid, "核对身份信息")
    shell = Shell(StartFlow(data_dir), seeded.desk, ctx.settings, "zh")
    win = shell.open(seeded)
    qtbot.addWidget(win)
    seen = {}

    def locked_screen(login: LoginDialog):
        seen["showing"] = _showing()
        seen["titles"] = [w.windowTitle() for w in seen["showing"]]
        seen["veiled_titles"] = [w.windowTitle() for w in QApplication.topLevelWidgets()
                                 if w.isVisible() and w is not login]
        shot(login, "lock_login")
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w is not login:
                shot(w, "lock_veiled_" + type(w).__name__)
        when_modal(qtbot, QMessageBox, ask_quit)
        login.buttons.button(QDialogButtonBox.Cancel).click()

    def ask_quit(box: QMessageBox):
        seen["asked"] = box.text()
        when_modal(qtbot, LoginDialog, sign_in_again)
        [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.RejectRole][0].click()  # back to sign-in

    def sign_in_again(login: LoginDialog):
        seen["second_login"] = login.username.text()
        login.password.setText(USER_PW)
        login.buttons.button(QDialogButtonBox.Ok).click()

    def fill_form(form: NewSubjectDialog):
        form.ui.name.setText("未保存的主体名称")
        QTimer.singleShot(0, win.lock_now)
        when_modal(qtbot, LoginDialog, locked_screen)
        qtbot.waitUntil(lambda: "second_login" in seen, timeout=10_000)
        seen["form_state"] = (form.isVisible(), form.isEnabled(), form.isMinimized(), form.windowTitle())
        seen["form_text"] = form.ui.name.text()
        seen["back"] = _showing()
        form.reject()

    def open_form(detail: SubjectDetailDialog):
        when_modal(qtbot, NewSubjectDialog, fill_form)
        NewSubjectDialog(ctx, detail).exec()
        detail.accept()
    when_modal(qtbot, SubjectDetailDialog, open_form)
    detail = SubjectDetailDialog(ctx, subject, "核对身份信息", win)
    qtbot.addWidget(detail)
    detail.exec()

    login = [w for w in seen["showing"] if isinstance(w, LoginDialog)]
    assert len(login) == 1 and seen["showing"] == login, seen["titles"]  # nothing but the lock shows anything
    assert not any(subject.name in t for t in seen["veiled_titles"])  # not even a name in a title bar
    assert "退出" in seen["asked"] and "未保存" in seen["asked"]  # cancelling asked before quitting
    assert seen["second_login"] == seeded.user.username
    assert seen["form_text"] == "未保存的主体名称"  # the unsaved form came back as it was
    assert seen["form_state"] == (True, True, False, "新增信用主体"), seen["form_state"]
    assert win in seen["back"] and any(isinstance(w, SubjectDetailDialog) for w in seen["back"])
    assert win.isVisible()
    win.close()
