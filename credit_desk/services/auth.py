"""Logging in: password check, lock-out after repeated failures, every attempt audited."""

from __future__ import annotations

from credit_desk.domain import passwords
from credit_desk.domain.accounts import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, after_failure
from credit_desk.domain.errors import AuthError
from credit_desk.services.base import Desk, Session, note_row_time
from credit_desk.store import meta, users


def login(desk: Desk, username: str, password: str) -> Session:
    """Return a Session, or raise AuthError with one sentence; wrong attempts count toward the lock-out.
    A password reset by an administrator must be changed first (AuthError PASSWORD_CHANGE_REQUIRED)."""
    user = _check(desk, username, password)
    if user.must_change_password:
        _log(desk, username, "login.must_change", {})
        raise AuthError("PASSWORD_CHANGE_REQUIRED",
                        "管理员已重置您的密码，请先设置新密码。",
                        "An administrator reset your password; set a new one first.", cli="credit-desk user passwd")
    with desk.ledger.tx() as tx:
        users.set_failures(tx, user.id, 0, None)
        tx.audit(username=username, role=user.role.value, action="login", object_type="user", object_id=user.id,
                 ts=note_row_time(tx, desk))  # R14: a log-in row bounds the clock too
    return Session(desk, users.get(desk.ledger.conn, username))


def change_password(desk: Desk, username: str, old_password: str, new_password: str) -> Session:
    """The user sets a new password (after a reset, or any time) by giving the current one; returns a Session.
    The new one obeys the password rules and differs from the old one."""
    user = _check(desk, username, old_password)
    passwords.check_strength(new_password, (user.username, user.display_name))
    if new_password == old_password:
        raise AuthError("PASSWORD_SAME", "新密码不能与原密码相同。", "The new password must differ from the old one.")
    with desk.ledger.tx() as tx:
        users.set_password(tx, user.id, passwords.hash_password(new_password), must_change=False)
        users.set_failures(tx, user.id, 0, None)
        tx.audit(username=username, role=user.role.value, action="user.change_password", object_type="user",
                 object_id=user.id, ts=note_row_time(tx, desk))
    return Session(desk, users.get(desk.ledger.conn, username))


def _check(desk: Desk, username: str, password: str):
    """The account if it is active, not locked and the password is right; else AuthError (and the attempt
    is counted and logged)."""
    conn, now = desk.ledger.conn, desk.now()
    user = users.get(conn, username)
    if user is None or not user.active:
        _log(desk, username, "login.failed", {"reason": "unknown or inactive"})
        raise _wrong()
    if user.locked_at(now):
        _log(desk, username, "login.locked", {"until": user.locked_until.isoformat()})
        until = user.locked_until.strftime("%H:%M")
        raise AuthError("ACCOUNT_LOCKED", f"账户因多次密码错误已锁定，请于 {until} 后再试。",
                        f"The account is locked after repeated wrong passwords; try again after {until}.")
    if not passwords.verify_password(password, users.password_hash(conn, username)):
        attempts = meta.get_setting(conn, "lockout_attempts", LOCKOUT_ATTEMPTS)
        minutes = meta.get_setting(conn, "lockout_minutes", LOCKOUT_MINUTES)
        count, locked = after_failure(user.failed_count, now, attempts, minutes)
        with desk.ledger.tx() as tx:
            users.set_failures(tx, user.id, count, locked)
            tx.audit(username=username, role=user.role.value, action="login.failed", object_type="user",
                     object_id=user.id, detail={"locked": bool(locked)}, outcome="refused",
                     ts=note_row_time(tx, desk, bounds=False))
        raise _wrong()
    return user


def _wrong() -> AuthError:
    return AuthError("LOGIN_WRONG", "用户名或密码不正确。", "Wrong user name or password.")


def _log(desk: Desk, username: str, action: str, detail: dict) -> None:
    if desk.ledger.read_only:
        return
    with desk.ledger.tx() as tx:
        tx.audit(username=username or "?", role="-", action=action, object_type="user",
                 object_id=username or "?", detail=detail, outcome="refused",
                 ts=note_row_time(tx, desk, bounds=False))
