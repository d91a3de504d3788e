"""Issue 17 item 6 (accounts), an office head's look (clerk17b): a role change asked by the administrator waits
for the auditor (or a second administrator) to confirm it. The auditor's 账户管理 showed an empty table — the auditor
may not list the accounts — under every administrator button (停用, 重置密码…), so which change waited, for whom and
why was nowhere on screen, and refusing one had no button at all. Now the auditor's table is the waiting role
changes, with only 确认角色变更 and 驳回角色变更."""

from __future__ import annotations

from credit_desk.domain.errors import DomainError
from credit_desk.services import accounts, auth
from tests.conftest import USER_PW


def _auditor_dialog(qtbot, seeded_admin, make_ctx):
    from credit_desk.gui.dialogs.accounts_dialog import AccountsDialog
    accounts.add_user(seeded_admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.add_user(seeded_admin, "clerk2", "clerk", USER_PW, "陈经办")
    accounts.add_user(seeded_admin, "aud1", "auditor", USER_PW, "赵审计")
    accounts.request_role(seeded_admin, "clerk1", "reviewer", "轮岗到审核岗位")
    accounts.request_role(seeded_admin, "clerk2", "approver", "临时代理负责人")
    dlg = AccountsDialog(make_ctx(auth.login(seeded_admin.desk, "aud1", USER_PW)))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_the_auditor_sees_the_waiting_role_changes_and_confirms_one_by_selecting_it(qtbot, seeded_admin, make_ctx,
                                                                                     shot):
    dlg = _auditor_dialog(qtbot, seeded_admin, make_ctx)
    shot(dlg, "clerk17b_auditor_accounts")
    rows = [[dlg.table.item(i, j).text() for j in range(3)] for i in range(dlg.table.rowCount())]
    assert [r[0] for r in rows] == ["clerk1", "clerk2"], rows
    assert rows[0][1] == "经办 → 审核" and "admin" in rows[0][2] and "轮岗到审核岗位" in rows[0][2], rows
    shown = {b.objectName() for b in dlg.findChildren(type(dlg.findChild(object, "confirmRole")))
             if b.isVisibleTo(dlg)}
    assert {"confirmRole", "refuseRole"} <= shown and not shown & {"deactivate", "reset", "unlock", "requestRole"}
    assert not dlg.temp_password.isVisibleTo(dlg)
    dlg.table.selectRow(0)
    dlg.findChild(type(dlg.findChild(object, "confirmRole")), "confirmRole").click()
    roles = {u.username: u.role.value for u in accounts.list_users(seeded_admin)}
    assert roles["clerk1"] == "reviewer" and roles["clerk2"] == "clerk", dlg.message.text()
    assert [dlg.table.item(i, 0).text() for i in range(dlg.table.rowCount())] == ["clerk2"]


def test_the_auditor_refuses_a_role_change_and_the_role_stays(qtbot, seeded_admin, make_ctx):
    dlg = _auditor_dialog(qtbot, seeded_admin, make_ctx)
    dlg.table.selectRow(1)
    dlg.findChild(type(dlg.findChild(object, "refuseRole")), "refuseRole").click()
    roles = {u.username: u.role.value for u in accounts.list_users(seeded_admin)}
    assert roles["clerk2"] == "clerk" and "驳回" in dlg.message.text(), dlg.message.text()
    try:
        accounts.confirm_role(seeded_admin, "clerk2")
    except DomainError as exc:
        assert exc.code == "ROLE_REQUEST_NONE"
    else:
        raise AssertionError("the refused change could still be confirmed")


def test_the_administrator_sees_which_account_waits_for_a_role_change(qtbot, seeded_admin, make_ctx):
    from credit_desk.gui.dialogs.accounts_dialog import AccountsDialog
    accounts.add_user(seeded_admin, "clerk1", "clerk", USER_PW, "王经办")
    accounts.request_role(seeded_admin, "clerk1", "reviewer", "轮岗")
    dlg = AccountsDialog(make_ctx(seeded_admin))
    qtbot.addWidget(dlg)
    state = {dlg.table.item(i, 0).text(): dlg.table.item(i, 2).text() for i in range(dlg.table.rowCount())}
    assert "审核" in state["clerk1"] and "待确认" in state["clerk1"], state
