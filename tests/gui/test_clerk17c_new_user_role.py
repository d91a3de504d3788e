"""R14 separation of duties, seen by a new county clerk in Xvfb (clerk17): in 设置 → 新用户 the role list keeps the
last role chosen and opens with it under the pointer, so adding 赵审核 right after an administrator-like slip made
him a second 管理员 — with no question asked. A new administrator or auditor account is now asked for once more
(not added when the answer is no), and after each added user the role goes back to 经办."""

from __future__ import annotations

from credit_desk.domain.roles import Role
from credit_desk.services import accounts
from tests.conftest import USER_PW


def _fill(view, name: str, role: Role, display: str) -> None:
    view.new_name.setText(name)
    view.new_display.setText(display)  # one person, one account (R14): each user their own name
    view.new_role.setCurrentIndex(view.new_role.findData(role.value))
    view.new_pw.setText(USER_PW)
    view.new_pw2.setText(USER_PW)


def _roles(session) -> dict:
    return {u.username: u.role for u in accounts.list_users(session)}


def test_r14_a_new_administrator_is_asked_for_and_the_role_goes_back_to_clerk(qtbot, admin_window, seeded_admin,
                                                                               shot):
    view = admin_window.open_area("settings")
    _fill(view, "rev1", Role.ADMIN, "赵审核")
    asked = []
    view._add_user(confirm=lambda role: asked.append(role) or False)
    assert asked == ["admin"] and "rev1" not in _roles(seeded_admin)
    assert "未添加" in view.user_msg.text(), view.user_msg.text()
    view.new_role.setCurrentIndex(view.new_role.findData(Role.REVIEWER.value))
    view._add_user(confirm=lambda role: asked.append(role) or False)  # a business role: no question
    assert _roles(seeded_admin)["rev1"] is Role.REVIEWER and asked == ["admin"]
    assert view.new_role.currentData() == Role.CLERK.value  # the next user starts as a clerk
    _fill(view, "aud1", Role.AUDITOR, "钱审计")
    view._add_user(confirm=lambda role: True)
    assert _roles(seeded_admin)["aud1"] is Role.AUDITOR
    shot(view, "clerk17c_new_user_role")
