"""Logging in: password check, lock-out after repeated failures, every attempt audited."""

from __future__ import annotations

from credit_desk.domain import passwords
from credit_desk.domain.accounts import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, after_failure
from credit_desk.domain.errors import AuthError
from credit_desk.services.base import Desk, Session
from credit_desk.store import meta, users


def login(desk: Desk, username: str, password: str) -> Session:
    """Return a Session, or raise AuthError with one sentence; wrong attempts count toward the lock-out."""
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
                     object_id=user.id, detail={"locked": bool(locked)}, outcome="refused")
        raise _wrong()
    with desk.ledger.tx() as tx:
        users.set_failures(tx, user.id, 0, None)
        tx.audit(username=username, role=user.role.value, action="login", object_type="user", object_id=user.id)
    return Session(desk, users.get(conn, username))


def _wrong() -> AuthError:
    return AuthError("LOGIN_WRONG", "用户名或密码不正确。", "Wrong user name or password.")


def _log(desk: Desk, username: str, action: str, detail: dict) -> None:
    if desk.ledger.read_only:
        return
    with desk.ledger.tx() as tx:
        tx.audit(username=username or "?", role="-", action=action, object_type="user",
                 object_id=username or "?", detail=detail, outcome="refused")
