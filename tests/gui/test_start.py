"""First start, unlock and login through real widgets (offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from credit_desk.gui.app import run_gui
from credit_desk.gui.main_window import MainWindow
from credit_desk.gui.start_dialogs import LoginDialog, SetupDialog, UnlockDialog
from credit_desk.services import auth, ledgers
from credit_desk.store.ledger import LedgerPaths
from tests.conftest import ADMIN_PW, PASSPHRASE


def _fill_setup(dlg: SetupDialog, region="320812"):
    dlg.office.setText("清江浦区信用办")
    dlg.region.setText(region)
    dlg.admin.setText("admin")
    for w in (dlg.password, dlg.password2):
        w.setText(ADMIN_PW)
    for w in (dlg.passphrase, dlg.passphrase2):
        w.setText(PASSPHRASE)


def _ok(dlg):
    dlg.buttons.button(QDialogButtonBox.Ok).click()


def test_setup_dialog_creates_ledger(qtbot, data_dir, shot):
    dlg = SetupDialog(lambda **kw: ledgers.init_office(data_dir, **kw)[0])
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.windowTitle() == "新建本单位账本"
    _fill_setup(dlg)
    shot(dlg, "setup_dialog")
    _ok(dlg)
    assert dlg.result() == QDialog.Accepted
    assert LedgerPaths(data_dir).exists()
    dlg.result_value.close()


def test_setup_dialog_bad_region_says_why_and_creates_nothing(qtbot, data_dir, shot):
    dlg = SetupDialog(lambda **kw: ledgers.init_office(data_dir, **kw)[0])
    qtbot.addWidget(dlg)
    dlg.show()
    _fill_setup(dlg, region="3208")
    _ok(dlg)
    assert "行政区划代码" in dlg.error.text() and "6位数字" in dlg.error.text()
    assert dlg.isVisible()
    shot(dlg, "setup_dialog_error")
    assert not LedgerPaths(data_dir).exists()


def test_unlock_dialog_with_wrong_then_right_passphrase(qtbot, data_dir, test_keyring, shot):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    desk.close()
    test_keyring.entries.clear()

    dlg = UnlockDialog(lambda p, say: ledgers.unlock(data_dir, recovery_passphrase=p, on_wait=say),
                       store_key=ledgers.store_key_again, keyring=ledgers.keyring_status())
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.passphrase.setText("wrong wrong wrong")
    _ok(dlg)  # the open runs on a worker thread (issue 18): its answer comes back a moment later
    qtbot.waitUntil(lambda: not dlg.opening, timeout=20_000)
    assert "恢复口令不正确" in dlg.error.text()
    shot(dlg, "unlock_dialog_error")
    dlg.passphrase.setText(PASSPHRASE)
    _ok(dlg)
    qtbot.waitUntil(lambda: not dlg.opening, timeout=20_000)
    assert dlg.result() == QDialog.Accepted
    dlg.result_value.close()
    assert test_keyring.entries  # the key went back into the keyring


def test_login_then_main_window(qtbot, data_dir, shot, make_ctx):
    desk, _ = ledgers.init_office(data_dir, office="清江浦区信用办", region="320812", admin="admin",
                                  admin_password=ADMIN_PW, recovery_passphrase=PASSPHRASE)
    dlg = LoginDialog(lambda u, p: auth.login(desk, u, p), "清江浦区信用办")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.username.setText("admin")
    dlg.password.setText("nope-nope")
    _ok(dlg)
    assert dlg.error.text() == "用户名或密码不正确。"
    shot(dlg, "login_dialog_error")
    dlg.password.setText(ADMIN_PW)
    _ok(dlg)
    win = MainWindow(make_ctx(dlg.result_value))
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle() == "信用办台账 — 清江浦区信用办"
    assert win.nav.currentItem().text() == "工作台"  # after login, the dashboard
    shot(win, "main_window")
    win.close()
    desk.close()


def test_run_command_opens_setup_on_a_fresh_folder(qtbot, data_dir):
    seen = {}

    def look():
        dlg = QApplication.activeModalWidget()
        seen["type"] = type(dlg)
        dlg.reject()
    QTimer.singleShot(300, look)
    assert run_gui(data_dir) == 1
    assert seen["type"] is SetupDialog
    assert not LedgerPaths(data_dir).exists()


def test_att18c_run_gui_gives_the_switch_interval_back_on_return_and_on_a_failure(qtbot, data_dir, monkeypatch):
    """run_gui sets the GUI process's switch interval (1 ms, gui/ops.set_gui_switch_interval) and, like everything
    else it installs, takes it back on return: a test that ran it left 1 ms for every later test of the process (and
    a second run in the same process started from the first one's), also when start-up failed."""
    import sys

    from credit_desk.gui import app as app_mod, ops
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        seen = {}

        def look():
            seen["during"] = sys.getswitchinterval()
            QApplication.activeModalWidget().reject()
        QTimer.singleShot(300, look)
        assert run_gui(data_dir) == 1
        assert seen["during"] == ops.GUI_IDLE_SWITCH_S
        assert sys.getswitchinterval() == 0.005

        def broken(_folder):
            raise OSError("the settings file cannot be read")
        monkeypatch.setattr(app_mod, "open_settings", broken)
        try:
            run_gui(data_dir)
        except OSError:
            pass
        assert sys.getswitchinterval() == 0.005
    finally:
        sys.setswitchinterval(before)
