"""Clean-up ledger repository (R16)."""

from __future__ import annotations

from credit_desk.domain.cleanup import CleanupRow, Contact, RowStatus
from credit_desk.store.tx import now_iso

_ROW_COLS = ("name", "shares_info", "blacklist", "measures", "summary", "national_basis", "local_basis",
             "basis_text", "disposition", "completion", "unit", "person", "phone")


def rows(conn) -> list[tuple[int, CleanupRow]]:
    cur = conn.execute(f"SELECT id, {', '.join(_ROW_COLS)}, status FROM cleanup_rows ORDER BY id")
    return [(r[0], CleanupRow(*r[1:14], status=RowStatus(r[14]))) for r in cur]


def by_name(conn, name: str) -> tuple[int, CleanupRow] | None:
    found = [pair for pair in rows_named(conn, [name])]
    return found[0] if found else None


def rows_named(conn, names) -> list[tuple[int, CleanupRow]]:
    names = list(names)
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    cur = conn.execute(f"SELECT id, {', '.join(_ROW_COLS)}, status FROM cleanup_rows WHERE name IN ({marks})",
                       names)
    return [(r[0], CleanupRow(*r[1:14], status=RowStatus(r[14]))) for r in cur]


def upsert(tx, row: CleanupRow) -> int:
    ts = now_iso()
    values = row.cells() + (row.completion_date().isoformat(), row.status.value)
    cur = tx.execute(
        f"INSERT INTO cleanup_rows ({', '.join(_ROW_COLS)}, completion_date, status, created_at, updated_at) "
        f"VALUES ({', '.join('?' * 17)}) ON CONFLICT(name) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in _ROW_COLS[1:] + ("completion_date", "status", "updated_at"))
        + " RETURNING id", values + (ts, ts))
    return cur.fetchone()[0]


def set_status(tx, row_id: int, status: RowStatus) -> None:
    tx.execute("UPDATE cleanup_rows SET status = ?, updated_at = ? WHERE id = ?", (status.value, now_iso(), row_id))


def contacts(conn) -> list[Contact]:
    cur = conn.execute("SELECT name, unit, title, office_phone, mobile, email FROM cleanup_contacts ORDER BY id")
    return [Contact(*r) for r in cur]


def upsert_contact(tx, c: Contact) -> int:
    cur = tx.execute("INSERT INTO cleanup_contacts (name, unit, title, office_phone, mobile, email) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name, unit) DO UPDATE SET title = excluded.title, "
                     "office_phone = excluded.office_phone, mobile = excluded.mobile, email = excluded.email "
                     "RETURNING id", c.cells())
    return cur.fetchone()[0]
