"""Audit (verify the chain), settings (users, idle lock, language), the lock, errors and window state."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from credit_desk.domain.errors import ValidationError
from credit_desk.gui.app import Shell, StartFlow
from credit_desk.gui.context import SETTINGS_FILE
from credit_desk.gui.main_window import MainWindow
from credit_desk.gui.start_dialogs import LoginDialog
from credit_desk.services import accounts, auth
from tests.conftest import ADMIN_PW, USER_PW
from tests.gui.test_areas import settle


def test_audit_verify_button_shows_the_verdict(qtbot, auditor_window, shot):
    window = auditor_window
    view = window.open_area("audit")
    settle(qtbot, view)
    assert view.model.row(0)["action"] == "查看审计日志"  # reading the log is logged first
    view.verify_button.click()
    qtbot.waitUntil(lambda: view.verdict.text().startswith("✓"), timeout=10_000)
    assert "审计日志完整" in view.verdict.text()
    shot(window, "audit_verified")


def test_r14_audit_area_only_for_the_auditor(qtbot, seeded_admin, make_ctx):
    accounts.add_user(seeded_admin, "clerk1", "clerk", USER_PW)
    accounts.add_user(seeded_admin, "aud1", "auditor", USER_PW)
    clerk = MainWindow(make_ctx(auth.login(seeded_admin.desk, "clerk1", USER_PW)))
    auditor = MainWindow(make_ctx(auth.login(seeded_admin.desk, "aud1", USER_PW)))
    qtbot.addWidget(clerk)
    qtbot.addWidget(auditor)
    assert "audit" not in clerk.area_keys() and "audit" in auditor.area_keys()
    assert "经办" in clerk.status_user.text()


def test_r14_the_administrator_sees_no_business_area(qtbot, admin_window):
    """Separation of duties (issue 14 item 6): the administrator's window has the dashboard's tallies, sync
    (keys, status) and settings (accounts, backups) — no subject, record, case, objection, repair, commitment,
    clean-up, document or audit area; on the sync page every business button is disabled."""
    assert admin_window.area_keys() == ["dashboard", "sync", "settings"]
    view = admin_window.open_area("sync")
    assert view.platform_button.isEnabled() and not view.import_button.isEnabled()


def test_settings_add_user_and_idle_lock(qtbot, admin_window, shot):
    window = admin_window
    view = window.open_area("settings")
    view.new_name.setText("zhangsan")
    view.new_display.setText("张三")
    view.new_role.setCurrentIndex(view.new_role.findData("clerk"))
    view.new_pw.setText(USER_PW)
    view.new_pw2.setText("different-pw-1")
    view.add_user_button.click()
    assert view.user_msg.text() == "两次输入的密码不一致。"
    view.new_pw2.setText(USER_PW)
    view.add_user_button.click()
    assert "已添加用户 zhangsan" in view.user_msg.text()
    assert view.users.rowCount() == 2
    view.idle.setValue(30)
    view.idle_save.click()
    assert "30 分钟" in view.idle_msg.text()
    assert window.idle._timer.interval() == 30 * 60_000
    view.en.setChecked(True)
    assert window.ctx.settings.value("ui/lang") == "en"
    shot(window, "settings_user_added")


def test_idle_lock_goes_back_to_login_and_the_same_user_resumes(qtbot, seeded_admin, make_ctx, data_dir):
    seeded = seeded_admin
    ctx = make_ctx(seeded)
    shell = Shell(StartFlow(data_dir), seeded.desk, ctx.settings, "zh")
    shell.open(seeded)
    win = shell.window
    qtbot.addWidget(win)
    seen = {}

    def login():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, LoginDialog):
            QTimer.singleShot(50, login)
            return
        seen["hidden"] = not win.isVisible()
        seen["user"] = dlg.username.text()
        dlg.password.setText(ADMIN_PW)
        dlg.buttons.accepted.emit()
    QTimer.singleShot(50, login)
    win.set_idle_minutes(0.002)  # about 120 ms of quiet
    qtbot.waitUntil(lambda: "user" in seen, timeout=5000)
    qtbot.waitUntil(lambda: win.isVisible(), timeout=5000)
    assert seen == {"hidden": True, "user": "admin"}
    assert shell.window is win
    win.close()


def test_errors_become_a_dialog_with_what_to_do_never_a_traceback(qtbot, window):
    ops = window.ctx.ops
    ops.run(lambda _j: 1 / 0)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox) or
                    bool(window.findChildren(QMessageBox)) or bool(_boxes()), timeout=5000)
    box = _boxes()[-1]
    assert "意外错误" in box.text() and "管理员" in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText() and "ZeroDivision" not in box.text()
    box.close()

    def refuse(_j):
        raise ValidationError("X", "名称不能为空。", "Name required.", field="name")
    ops.run(refuse)
    qtbot.waitUntil(lambda: any(b.text() == "名称不能为空。" for b in _boxes()), timeout=5000)
    refused = [b for b in _boxes() if b.text() == "名称不能为空。"][0]
    assert "未做任何改动" in refused.informativeText()
    refused.close()  # a box left open would stand in front of the next test's dialogs


def _boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_window_geometry_is_kept_in_the_data_folder(qtbot, seeded, make_ctx, data_dir, tmp_path):
    win = MainWindow(make_ctx(seeded))
    qtbot.addWidget(win)
    win.show()
    win.resize(1100, 700)
    win.open_area("records")
    win.save_state()
    assert (data_dir / SETTINGS_FILE).exists()
    again = MainWindow(make_ctx(seeded))
    qtbot.addWidget(again)
    # the offscreen screen is small, so Qt fits the width to it; the height comes back as saved
    assert again.size().height() == 700 and again.nav.currentItem().text() == "失信信息"
    assert "geometry" in (data_dir / SETTINGS_FILE).read_text()
    assert not list((tmp_path / "xdg-config").rglob("*.ini"))  # nothing in the user's own config folder



def test_about_is_reachable_from_the_help_menu(qtbot, monkeypatch, window, shot):
    from PySide6.QtWidgets import QLabel
    from credit_desk.gui.about_dialog import AboutDialog
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(
        " ".join(label.text() for label in self.findChildren(QLabel))) or 0)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["文件(F)", "编辑(E)", "视图(V)", "工具(T)", "帮助(H)"]  # issue 17 item 6
    about = window.menus["help"].actions()[0]
    assert about.text() == "关于信用办台账"
    about.trigger()
    assert shown and "0.1.0" in shown[0]


def test_accounts_dialog_runs_the_lifecycle_and_login_asks_for_a_new_password(qtbot, admin_window, seeded_admin,
                                                                              make_ctx, shot):
    """Issue 14 item 6 in the GUI: reset → the login dialog asks for a new password; deactivate; a role change
    asked by the admin is confirmed by the auditor, never by the admin who asked."""
    window, seeded = admin_window, seeded_admin
    accounts.add_user(seeded, "clerk1", "clerk", USER_PW)
    accounts.add_user(seeded, "aud1", "auditor", USER_PW)
    view = window.open_area("settings")
    dlg = view.open_accounts()
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 3
    dlg.reset("clerk1", "Temporary-Pass-4411")
    assert "须" in dlg.message.text() or "must" in dlg.message.text()
    login = LoginDialog(lambda u, p: auth.login(seeded.desk, u, p), "清江浦区信用办",
                        change=lambda u, old, new: auth.change_password(seeded.desk, u, old, new))
    qtbot.addWidget(login)
    login.username.setText("clerk1")
    login.password.setText("Temporary-Pass-4411")
    login._submit()
    assert "重置" in login.error.text() and login.changing
    login.new_password.setText("Qingjiangpu-river-2026")
    login.new_password2.setText("Qingjiangpu-river-2026")
    login._submit()
    assert login.result_value.user.username == "clerk1"
    dlg.request_role("clerk1", "reviewer", "轮岗")
    dlg.confirm_role("clerk1")
    assert "起草人不能审批" in dlg.message.text()        # the asker cannot confirm (four eyes)
    shot(dlg, "accounts_dialog")
    auditor = make_ctx(auth.login(seeded.desk, "aud1", USER_PW))
    from credit_desk.gui.dialogs.accounts_dialog import AccountsDialog
    adlg = AccountsDialog(auditor)
    qtbot.addWidget(adlg)
    adlg.confirm_role("clerk1")
    assert {u.username: u.role.value for u in accounts.list_users(seeded)}["clerk1"] == "reviewer"
    dlg.deactivate("clerk1", "调离")
    assert "停用" in dlg.table.item(1, 2).text() or any(
        "停用" in (dlg.table.item(i, 2).text()) for i in range(dlg.table.rowCount()))
