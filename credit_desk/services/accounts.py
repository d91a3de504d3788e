"""Managing local accounts (administrator only)."""

from __future__ import annotations

import re

from credit_desk.domain import passwords
from credit_desk.domain.accounts import User, check_r14_one_account_per_person
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.roles import Role, check_four_eyes
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
    check_r14_one_account_per_person(display_name or username,  # R14: the four eyes are two people
                                     [u.display_name for u in users.all_users(conn) if u.active])
    with session.ledger.tx() as tx:
        uid = users.insert(tx, username, display_name or username, role_e, passwords.hash_password(password))
        session.audit(tx, "user.add", "user", uid, detail={"username": username, "role": role_e.value})
        tx.change("user", uid, "insert", {"username": username, "role": role_e.value})
    return users.get(conn, username)


def list_users(session: Session) -> list[User]:
    """All accounts with their roles."""
    session.require("user.manage")
    return users.all_users(session.read_conn)


# --- account lifecycle (issue 14 item 6: 等保 2.0 identity management; every step audited) -----------------
def _target(session: Session, username: str) -> User:
    user = users.get(session.ledger.conn, (username or "").strip())
    if user is None:
        raise DomainError("USER_NOT_FOUND", f"没有用户「{username}」。", f"No user '{username}'.", field="username")
    return user


def _not_self(session: Session, user: User, what_zh: str, what_en: str) -> None:
    if user.username == session.user.username:
        raise DomainError("USER_SELF", f"不能{what_zh}自己的账户，请由另一位管理员办理。",
                          f"You cannot {what_en} your own account; another administrator must.", field="username")


def _keeps_an_admin(session: Session, user: User) -> None:
    if user.role is Role.ADMIN and user.active and users.active_admins(session.ledger.conn) <= 1:
        raise DomainError("LAST_ADMIN", "这是最后一个可用的管理员账户，不能停用或改为其他角色。",
                          "This is the last active administrator; it cannot be deactivated or given another role.",
                          field="username")


def _stamp(session: Session) -> str:
    return session.desk.now().isoformat(timespec="seconds")


def _state(user: User, **changed) -> dict:
    return {"username": user.username, "role": user.role.value, "active": user.active, **changed}


def set_active(session: Session, username: str, active: bool, reason: str = "") -> User:
    """Deactivate (停用) or reactivate an account; a deactivated account cannot log in. Not one's own, and never
    the last administrator. Raises DomainError."""
    session.require("user.manage")
    user = _target(session, username)
    _not_self(session, user, "停用或启用", "deactivate or reactivate")
    if not active:
        _keeps_an_admin(session, user)
        if len((reason or "").strip()) < 2:
            raise ValidationError("USER_REASON", "停用账户须写明理由（至少2个字）。",
                                  "Deactivating an account needs a reason (2+ characters).", field="reason")
    elif not user.active:  # R14: a second account of one person is not brought back either
        check_r14_one_account_per_person(user.display_name, [u.display_name for u in
                                                             users.all_users(session.ledger.conn)
                                                             if u.active and u.id != user.id])
    with session.ledger.tx() as tx:
        users.set_active(tx, user.id, active)
        session.audit(tx, "user.activate" if active else "user.deactivate", "user", user.id,
                      detail={"username": user.username, "reason": (reason or "").strip()})
        tx.change("user", user.id, "update", _state(user, active=active))
    return users.get(session.ledger.conn, user.username)


def unlock(session: Session, username: str) -> User:
    """Lift a lock-out after wrong passwords (解锁)."""
    session.require("user.manage")
    user = _target(session, username)
    with session.ledger.tx() as tx:
        users.set_failures(tx, user.id, 0, None)
        session.audit(tx, "user.unlock", "user", user.id, detail={"username": user.username})
    return users.get(session.ledger.conn, user.username)


def reset_password(session: Session, username: str, new_password: str) -> User:
    """Give an account a temporary password that must be changed at its next login (also unlocks it)."""
    session.require("user.manage")
    user = _target(session, username)
    _not_self(session, user, "重置", "reset")
    passwords.check_strength(new_password, (user.username, user.display_name))
    with session.ledger.tx() as tx:
        users.set_password(tx, user.id, passwords.hash_password(new_password), must_change=True)
        users.set_failures(tx, user.id, 0, None)
        session.audit(tx, "user.reset_password", "user", user.id, detail={"username": user.username})
    return users.get(session.ledger.conn, user.username)


def request_role(session: Session, username: str, role: str, reason: str) -> dict:
    """Ask for a role change (变更角色); it takes effect only when a second administrator or the auditor
    confirms it (confirm_role). Not for one's own account; the last administrator keeps the role."""
    session.require("user.manage")
    user = _target(session, username)
    _not_self(session, user, "变更", "change the role of")
    new = _parse_role(role)
    if new is user.role:
        raise ValidationError("ROLE_SAME", f"该用户已是「{new.zh}」。", f"The user already has the role {new.value}.",
                              field="role")
    _keeps_an_admin(session, user)
    if len((reason or "").strip()) < 2:
        raise ValidationError("USER_REASON", "变更角色须写明理由（至少2个字）。",
                              "A role change needs a reason (2+ characters).", field="reason")
    if users.open_role_request(session.ledger.conn, user.id):
        raise DomainError("ROLE_REQUEST_OPEN", f"「{user.username}」已有一项待确认的角色变更。",
                          f"'{user.username}' already has a role change waiting for confirmation.", field="username")
    with session.ledger.tx() as tx:
        rid = users.add_role_request(tx, user.id, user.role, new, reason.strip(), session.user.username,
                                     _stamp(session))
        session.audit(tx, "user.role_request", "user", user.id,
                      detail={"username": user.username, "from": user.role.value, "to": new.value, "request": rid})
    return {"request": rid, "username": user.username, "from": user.role.value, "to": new.value,
            "state": "pending"}


def pending_role_changes(session: Session) -> list[dict]:
    """The role changes waiting for confirmation, for whoever may confirm them (a second administrator or the
    auditor, who cannot list the accounts): what to confirm must be on screen, not known by heart."""
    session.require("user.confirm")
    return users.open_role_requests(session.read_conn)


def confirm_role(session: Session, username: str, approve: bool = True) -> dict:
    """Confirm (or reject) the pending role change of ``username``: a second administrator or the auditor,
    never the one who asked (four eyes on privileges)."""
    session.require("user.confirm")
    user = _target(session, username)
    req = users.open_role_request(session.ledger.conn, user.id)
    if req is None:
        raise DomainError("ROLE_REQUEST_NONE", f"「{user.username}」没有待确认的角色变更。",
                          f"'{user.username}' has no role change waiting.", field="username")
    check_four_eyes(req["requested_by"], session.user.username)
    _not_self(session, user, "确认", "confirm a role change of")
    new = Role(req["new_role"])
    with session.ledger.tx() as tx:
        users.decide_role_request(tx, req["id"], session.user.username, _stamp(session),
                                  "confirmed" if approve else "rejected")
        if approve:
            users.set_role(tx, user.id, new)
            tx.change("user", user.id, "update", _state(user, role=new.value))
        session.audit(tx, "user.role_confirm" if approve else "user.role_reject", "user", user.id,
                      detail={"username": user.username, "from": req["old_role"], "to": new.value,
                              "requested_by": req["requested_by"], "request": req["id"]})
    return {"username": user.username, "role": (new if approve else user.role).value,
            "state": "confirmed" if approve else "rejected"}


def _parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        allowed = "、".join(f"{r.value}（{r.zh}）" for r in Role)
        raise ValidationError("ROLE_INVALID", f"角色「{role}」无效，可选：{allowed}。",
                              f"Unknown role '{role}'.", field="role") from None
