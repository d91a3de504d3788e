"""Users repository."""

from __future__ import annotations

from datetime import datetime

from credit_desk.domain.accounts import User
from credit_desk.domain.roles import Role
from credit_desk.store.tx import now_iso

_COLS = "id, username, display_name, role, active, failed_count, locked_until, must_change_password"


def _user(row) -> User:
    rid, username, display, role, active, failed, locked, must_change = row
    return User(rid, username, display, Role(role), bool(active), failed,
                datetime.fromisoformat(locked) if locked else None, bool(must_change))


def get(conn, username: str) -> User | None:
    row = conn.execute(f"SELECT {_COLS} FROM users WHERE username = ?", (username,)).fetchone()
    return _user(row) if row else None


def password_hash(conn, username: str) -> str | None:
    row = conn.execute("SELECT pw_hash FROM users WHERE username = ?", (username,)).fetchone()
    return row[0] if row else None


def all_users(conn) -> list[User]:
    return [_user(r) for r in conn.execute(f"SELECT {_COLS} FROM users ORDER BY username")]


def insert(tx, username: str, display_name: str, role: Role, pw_hash: str) -> int:
    cur = tx.execute("INSERT INTO users (username, display_name, role, pw_hash, created_at) "
                     "VALUES (?, ?, ?, ?, ?)", (username, display_name, role.value, pw_hash, now_iso()))
    return cur.lastrowid


def set_failures(tx, user_id: int, count: int, locked_until: datetime | None) -> None:
    tx.execute("UPDATE users SET failed_count = ?, locked_until = ? WHERE id = ?",
               (count, locked_until.isoformat(timespec="seconds") if locked_until else None, user_id))


def set_password(tx, user_id: int, pw_hash: str, must_change: bool = False) -> None:
    tx.execute("UPDATE users SET pw_hash = ?, must_change_password = ? WHERE id = ?",
               (pw_hash, int(must_change), user_id))


def set_role(tx, user_id: int, role: Role) -> None:
    tx.execute("UPDATE users SET role = ? WHERE id = ?", (role.value, user_id))


def active_admins(conn) -> int:
    return conn.execute("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").fetchone()[0]


def add_role_request(tx, user_id: int, old_role: Role, new_role: Role, reason: str, by: str, at: str) -> int:
    return tx.execute("INSERT INTO role_requests (user_id, old_role, new_role, reason, requested_by, requested_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)", (user_id, old_role.value, new_role.value, reason, by, at)).lastrowid


def open_role_request(conn, user_id: int) -> dict | None:
    row = conn.execute("SELECT id, old_role, new_role, reason, requested_by, requested_at FROM role_requests "
                       "WHERE user_id = ? AND outcome IS NULL", (user_id,)).fetchone()
    keys = ("id", "old_role", "new_role", "reason", "requested_by", "requested_at")
    return dict(zip(keys, row)) if row else None


def open_role_requests(conn) -> list[dict]:
    """Every role change waiting for its second person, oldest first, with the account's user name."""
    keys = ("id", "username", "old_role", "new_role", "reason", "requested_by", "requested_at")
    rows = conn.execute("SELECT r.id, u.username, r.old_role, r.new_role, r.reason, r.requested_by, r.requested_at "
                        "FROM role_requests r JOIN users u ON u.id = r.user_id WHERE r.outcome IS NULL "
                        "ORDER BY r.id").fetchall()
    return [dict(zip(keys, r)) for r in rows]


def decide_role_request(tx, request_id: int, by: str, at: str, outcome: str) -> None:
    tx.execute("UPDATE role_requests SET decided_by = ?, decided_at = ?, outcome = ? WHERE id = ?",
               (by, at, outcome, request_id))


def set_active(tx, user_id: int, active: bool) -> None:
    tx.execute("UPDATE users SET active = ? WHERE id = ?", (int(active), user_id))
