"""Deciding departments (m0014) and who belongs to which. Returns domain Departments."""

from __future__ import annotations

from credit_desk.domain.departments import Department
from credit_desk.store.tx import now_iso

_COLS = "id, name, uscc, level, domain, prefix, active"


def _dept(row) -> Department:
    return Department(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]))


def insert(tx, d: Department, username: str) -> int:
    return tx.execute("INSERT INTO departments (name, uscc, level, domain, prefix, created_by, created_at) "
                      "VALUES (?,?,?,?,?,?,?)", (d.name, d.uscc, d.level, d.domain, d.prefix, username,
                                                 now_iso())).lastrowid


def get(conn, dept_id: int) -> Department | None:
    row = conn.execute(f"SELECT {_COLS} FROM departments WHERE id = ?", (dept_id,)).fetchone()
    return _dept(row) if row else None


def by_name(conn, name: str) -> Department | None:
    row = conn.execute(f"SELECT {_COLS} FROM departments WHERE name = ?", (name,)).fetchone()
    return _dept(row) if row else None


def by_uscc(conn, uscc: str) -> Department | None:
    row = conn.execute(f"SELECT {_COLS} FROM departments WHERE uscc = ?", (uscc,)).fetchone() if uscc else None
    return _dept(row) if row else None


def clash(conn, d: Department) -> str | None:
    """The field of ``d`` another department already uses (name, code or prefix), or None."""
    for col in ("name", "uscc", "prefix"):
        if conn.execute(f"SELECT 1 FROM departments WHERE {col} = ?", (getattr(d, col),)).fetchone():
            return col
    return None


def all_departments(conn) -> list[Department]:
    return [_dept(r) for r in conn.execute(f"SELECT {_COLS} FROM departments ORDER BY id")]


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM departments").fetchone()[0]


def assign_user(tx, username: str, dept_id: int | None) -> None:
    tx.execute("UPDATE users SET department_id = ? WHERE username = ?", (dept_id, username))


def of_user(conn, username: str) -> Department | None:
    row = conn.execute(f"SELECT {', '.join('d.' + c.strip() for c in _COLS.split(','))} FROM departments d "
                       "JOIN users u ON u.department_id = d.id WHERE u.username = ?", (username,)).fetchone()
    return _dept(row) if row else None


def users_of(conn) -> dict[str, int | None]:
    return {u: d for u, d in conn.execute("SELECT username, department_id FROM users")}


def of_case(conn, case_id: int) -> Department | None:
    row = conn.execute(f"SELECT {', '.join('d.' + c.strip() for c in _COLS.split(','))} FROM departments d "
                       "JOIN cases c ON c.department_id = d.id WHERE c.id = ?", (case_id,)).fetchone()
    return _dept(row) if row else None
