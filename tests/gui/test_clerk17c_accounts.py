"""Issue 17 items 5 and 6, a new county clerk in Xvfb (clerk17, third reviewer), setting up an office from the
first start with the GUI alone:

- R4 谁认定、谁负责: only a deciding department's own staff decide its listings, and a user belongs to a department
  only when the administrator puts them there. The GUI had no way to do that (``user assign`` on the command line
  only; the test fixtures call the service), so in an office set up on screen the head's every decision was
  refused with R4_DECIDER_DEPARTMENT and nothing on screen could change it. 账户管理 now shows each account's
  department and assigns one; the refusal says where that is done.
- 文件 → 切换用户 opened the sign-in with the current user's name filled in and the cursor in the password box, so
  the colleague's name went into the password box."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from credit_desk.domain.errors import DomainError
from credit_desk.gui.app import Shell, StartFlow
from credit_desk.gui.start_dialogs import LoginDialog
from credit_desk.services import accounts, auth, departments
from tests.conftest import USER_PW
from tests.gui.conftest import DEMO_DEPARTMENTS, when_modal


def _accounts(qtbot, admin_window):
    view = admin_window.open_area("settings")
    dlg = view.open_accounts()
    qtbot.addWidget(dlg)
    return dlg


def _row(dlg, username: str) -> int:
    return [dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())].index(username)


def test_r4_the_administrator_puts_a_head_in_a_deciding_department_from_accounts(qtbot, admin_window, seeded_admin,
                                                                                  shot):
    accounts.add_user(seeded_admin, "boss2", "approver", USER_PW, "李科长")
    dlg = _accounts(qtbot, admin_window)
    dlg.show()
    market = DEMO_DEPARTMENTS[0][0]
    row = _row(dlg, "boss2")
    assert dlg.table.item(row, 3).text() == "不属于认定部门（信用办人员）"
    dlg.table.selectRow(row)
    dlg.department.setCurrentIndex(dlg.department.findText(market))
    button = dlg.findChild(QPushButton, "assignDepartment")
    assert button.isVisibleTo(dlg) and button.text() == "分配到认定部门"
    button.click()
    assert departments.user_department(seeded_admin, "boss2").name == market, dlg.message.text()
    assert dlg.table.item(_row(dlg, "boss2"), 3).text() == market
    assert "boss2" in dlg.message.text() and market in dlg.message.text()
    shot(dlg, "clerk17c_accounts_department")
    # choosing the row shows its department; 'none' takes the user out again
    dlg.table.selectRow(_row(dlg, "boss2"))
    assert dlg.department.currentText() == market
    dlg.department.setCurrentIndex(0)
    button.click()
    assert departments.user_department(seeded_admin, "boss2") is None
    # the settings page names the department among what 账户管理 does
    names = [b.text() for b in admin_window.views["settings"].findChildren(QPushButton)]
    assert any(t.startswith("账户管理") and "认定部门" in t for t in names), names


def test_r4_the_auditor_sees_no_department_controls(qtbot, seeded_admin, make_ctx):
    from credit_desk.gui.dialogs.accounts_dialog import AccountsDialog
    accounts.add_user(seeded_admin, "aud1", "auditor", USER_PW, "赵审计")
    dlg = AccountsDialog(make_ctx(auth.login(seeded_admin.desk, "aud1", USER_PW)))
    qtbot.addWidget(dlg)
    assert not dlg.findChild(QPushButton, "assignDepartment").isVisibleTo(dlg)
    assert not dlg.department.isVisibleTo(dlg) and dlg.table.columnCount() == 3


def test_r4_a_head_outside_the_department_is_told_where_departments_are_assigned(seeded_admin):
    from credit_desk.domain.departments import check_r4_decider_of_department
    market = departments.list_departments(seeded_admin)[0]
    with pytest.raises(DomainError) as refused:
        check_r4_decider_of_department(market, None)
    assert "管理员在“账户管理”中设定" in refused.value.zh and "user assign" not in refused.value.zh
    assert "user assign" in (refused.value.cli or "")


def test_switch_user_starts_the_sign_in_at_an_empty_user_name(qtbot, seeded, make_ctx, data_dir):
    accounts_session = seeded
    ctx = make_ctx(accounts_session)
    shell = Shell(StartFlow(data_dir), seeded.desk, ctx.settings, "zh")
    win = shell.open(seeded)
    qtbot.addWidget(win)
    seen = {}

    def sign_in(login: LoginDialog):
        seen["name"], seen["focus"] = login.username.text(), login.focusWidget()
        note = login.findChild(QLabel, "signInNote")
        seen["note"] = note.text() if note is not None and note.isVisibleTo(login) else ""
        login.username.setText(seeded.user.username)
        login.password.setText(USER_PW)
        login.buttons.button(QDialogButtonBox.Ok).click()

    when_modal(qtbot, LoginDialog, sign_in)
    switch = [a for a in win.menus["file"].actions() if a.text().startswith("切换用户")][0]
    switch.trigger()
    qtbot.waitUntil(lambda: "name" in seen, timeout=10_000)
    assert seen["name"] == "" and seen["focus"] is not None and seen["focus"].objectName() == "username", seen
    assert seen["note"].startswith("切换用户") and "未保存的窗口将关闭" in seen["note"], seen["note"]
    # a plain lock still keeps the user's own name (they type their password only)
    when_modal(qtbot, LoginDialog, sign_in)
    seen.clear()
    win.lock_now()
    qtbot.waitUntil(lambda: "name" in seen, timeout=10_000)
    assert seen["name"] == seeded.user.username and seen["focus"].objectName() == "password"
    assert "已锁定" in seen["note"] and "保留" in seen["note"], seen["note"]  # the lock screen says what it is
    win.close()
