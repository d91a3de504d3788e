"""Account lifecycle from a terminal (issue 14 item 6): deactivate, activate, unlock, reset, role change with a
second person's confirmation, and changing one's own password."""

from __future__ import annotations

import os

from credit_desk.cli import common
from credit_desk.cli.common import command, emit, session_for
from credit_desk.services import accounts, auth


def register(user) -> None:
    """Add the lifecycle commands to the ``user`` group."""
    p = command(user, "deactivate", cmd_deactivate, "停用账户 / deactivate an account")
    p.add_argument("name")
    p.add_argument("--reason", required=True)
    p = command(user, "activate", cmd_activate, "重新启用账户 / reactivate an account")
    p.add_argument("name")
    p = command(user, "unlock", cmd_unlock, "解除锁定 / lift a lock-out")
    p.add_argument("name")
    p = command(user, "reset", cmd_reset, "重置密码（下次登录须修改）/ reset; changed at next login")
    p.add_argument("name")
    p.add_argument("--password-file", help="临时密码文件 / file with the temporary password")
    p = command(user, "role", cmd_role, "申请变更角色（须另一管理员或审计员确认）/ ask for a role change")
    p.add_argument("name")
    p.add_argument("role", choices=["clerk", "reviewer", "approver", "admin", "auditor"])
    p.add_argument("--reason", required=True)
    p = command(user, "confirm-role", cmd_confirm_role, "确认或拒绝角色变更 / confirm or reject a role change")
    p.add_argument("name")
    p.add_argument("--reject", action="store_true", help="拒绝 / reject instead")
    p = command(user, "passwd", cmd_passwd, "修改自己的密码 / change your own password")
    p.add_argument("--new-password-file", help="新密码文件 / file with the new password")


def _secret(path: str | None, zh: str, en: str) -> str:
    return common.read_secret_file(path) if path else common.prompt_secret(zh, en, confirm=True)


def _done(args, u, zh: str) -> int:
    emit(args, {"username": u.username, "role": u.role.value, "active": u.active,
                "must_change_password": u.must_change_password}, zh)
    return 0


def cmd_deactivate(args) -> int:
    with session_for(args) as s:
        u = accounts.set_active(s, args.name, False, args.reason)
    return _done(args, u, f"已停用账户 {u.username}。")


def cmd_activate(args) -> int:
    with session_for(args) as s:
        u = accounts.set_active(s, args.name, True)
    return _done(args, u, f"已重新启用账户 {u.username}。")


def cmd_unlock(args) -> int:
    with session_for(args) as s:
        u = accounts.unlock(s, args.name)
    return _done(args, u, f"已解除 {u.username} 的锁定。")


def cmd_reset(args) -> int:
    password = _secret(args.password_file, "临时密码", "Temporary password")
    with session_for(args) as s:
        u = accounts.reset_password(s, args.name, password)
    return _done(args, u, f"已重置 {u.username} 的密码；该用户下次登录时须修改密码。")


def cmd_role(args) -> int:
    with session_for(args) as s:
        out = accounts.request_role(s, args.name, args.role, args.reason)
    emit(args, out, f"已申请将 {out['username']} 的角色由 {out['from']} 改为 {out['to']}，待另一管理员或审计员确认。")
    return 0


def cmd_confirm_role(args) -> int:
    with session_for(args) as s:
        out = accounts.confirm_role(s, args.name, approve=not args.reject)
    emit(args, out, f"{out['username']} 的角色变更已{'确认' if out['state'] == 'confirmed' else '拒绝'}，"
                    f"现为 {out['role']}。")
    return 0


def cmd_passwd(args) -> int:
    if not args.user:
        from credit_desk.domain.errors import AuthError
        raise AuthError("USER_REQUIRED", "请用 --user 指定登录用户名。", "Name the user with --user.")
    current = os.environ.get("CREDIT_DESK_PASSWORD")
    if current is None:
        current = common.prompt_secret("当前密码", "Current password")
    new = _secret(args.new_password_file, "新密码", "New password")
    desk = common.open_desk(args)
    try:
        session = auth.change_password(desk, args.user, current, new)
    finally:
        desk.close()
    emit(args, {"username": session.user.username, "ok": True}, "密码已修改。")
    return 0
