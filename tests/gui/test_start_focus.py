"""Issue 21: at the first start the IT person types the office name straight away (through the input method);
the focus was on the OK button (created before the fields), so the first keys — or an Enter — went to it."""

from __future__ import annotations

from credit_desk.gui.start_dialogs import LoginDialog, SetupDialog, UnlockDialog


def _shown(qtbot, dlg):
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.focusWidget() is not None, timeout=5000)
    return dlg


def test_first_start_dialog_focuses_the_office_name(qtbot):
    dlg = _shown(qtbot, SetupDialog(lambda **kw: None))
    assert dlg.focusWidget() is dlg.office


def test_unlock_and_login_focus_their_first_field(qtbot):
    unlock = _shown(qtbot, UnlockDialog(lambda p: None))
    assert unlock.focusWidget() is unlock.passphrase
    login = _shown(qtbot, LoginDialog(lambda u, p: None, "清江浦区信用办"))
    assert login.focusWidget() is login.username
