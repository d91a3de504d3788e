"""Users repository."""

from __future__ import annotations

from datetime import datetime

from credit_desk.domain.accounts import User
from credit_desk.domain.roles import Role
from credit_desk.store.tx import now_iso

_COLS = "id, username, display_name, role, active, failed_count, locked_until"


def _user(row) -> User:
    rid, username, display, role, active, failed, locked = row
    return User(rid, username, display, Role(role), bool(active), failed,
                datetime.fromisoformat(locked) if locked else None)


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


def set_password(tx, user_id: int, pw_hash: str) -> None:
    tx.execute("UPDATE users SET pw_hash = ? WHERE id = ?", (pw_hash, user_id))


def set_active(tx, user_id: int, active: bool) -> None:
    tx.execute("UPDATE users SET active = ? WHERE id = ?", (int(active), user_id))
