"""Managing local accounts (administrator only)."""

from __future__ import annotations

import re

from credit_desk.domain import passwords
from credit_desk.domain.accounts import User
from credit_desk.domain.errors import ValidationError
from credit_desk.domain.roles import Role
from credit_desk.services.base import Session
from credit_desk.store import users


def add_user(session: Session, username: str, role: str, password: str,
             display_name: str | None = None) -> User:
    """Create a local account with a role (经办/审核/负责人/管理员/审计)."""
    session.require("user.manage")
    if not re.fullmatch(r"[A-Za-z0-9_.\-]{2,32}", username or ""):
        raise ValidationError("USERNAME_INVALID", "用户名须为2–32位字母、数字、下划线、点或横线。",
                              "The user name must be 2–32 letters, digits, _ . or -.", field="username")
    try:
        role_e = Role(role)
    except ValueError:
        allowed = "、".join(f"{r.value}（{r.zh}）" for r in Role)
        raise ValidationError("ROLE_INVALID", f"角色「{role}」无效，可选：{allowed}。",
                              f"Unknown role '{role}'.", field="role") from None
    passwords.check_strength(password, (username, display_name or ""))
    conn = session.ledger.conn
    if users.get(conn, username):
        raise ValidationError("USERNAME_TAKEN", f"用户名「{username}」已存在。",
                              f"The user name '{username}' is taken.", field="username")
    with session.ledger.tx() as tx:
        uid = users.insert(tx, username, display_name or username, role_e, passwords.hash_password(password))
        session.audit(tx, "user.add", "user", uid, detail={"username": username, "role": role_e.value})
        tx.change("user", uid, "insert", {"username": username, "role": role_e.value})
    return users.get(conn, username)


def list_users(session: Session) -> list[User]:
    """All accounts with their roles."""
    session.require("user.manage")
    return users.all_users(session.ledger.conn)
