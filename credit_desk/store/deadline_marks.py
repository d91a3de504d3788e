"""Stored working-day deadlines and the calendar they were computed with (R20; table ``deadline_calendars``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# (object type, field) → (table, column) of every stored working-day deadline (R5, R6, R13, R19, R21)
COLUMNS = {
    ("case", "window_end"): ("cases", "window_end"),
    ("case", "share_due"): ("cases", "share_due"),
    ("case", "end_due"): ("cases", "end_due"),
    ("admin_decision", "publish_due"): ("admin_decisions", "publish_due"),
    ("repair", "finish_due"): ("repairs", "finish_due"),
    ("repair", "decide_due"): ("repairs", "decide_due"),
    ("objection", "due_on"): ("objections", "due_on"),
}


@dataclass(frozen=True)
class Mark:
    object_type: str
    object_id: int
    field: str
    start_on: date
    workdays: int
    due_on: date
    missing_years: tuple[int, ...]
    printed_on: date | None = None
    correct_on: date | None = None


def _years(text: str) -> tuple[int, ...]:
    return tuple(int(y) for y in (text or "").split(",") if y)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _mark(r) -> Mark:
    return Mark(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], date.fromisoformat(r[5]), _years(r[6]),
                _date(r[7]), _date(r[8]))


_SELECT = ("SELECT object_type, object_id, field, start_on, workdays, due_on, missing_years, printed_on, correct_on "
           "FROM deadline_calendars")


def put(tx, m: Mark, at: str) -> None:
    """Keep ``m`` (replacing the deadline's earlier row), or drop the row when it has nothing left to say."""
    if not m.missing_years and m.correct_on is None:
        drop(tx, m.object_type, m.object_id, m.field)
        return
    tx.execute("INSERT INTO deadline_calendars (object_type, object_id, field, start_on, workdays, due_on, "
               "missing_years, computed_at, printed_on, correct_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT(object_type, object_id, field) DO UPDATE SET start_on = excluded.start_on, "
               "workdays = excluded.workdays, due_on = excluded.due_on, missing_years = excluded.missing_years, "
               "computed_at = excluded.computed_at, printed_on = excluded.printed_on, "
               "correct_on = excluded.correct_on",
               (m.object_type, m.object_id, m.field, m.start_on.isoformat(), m.workdays, m.due_on.isoformat(),
                ",".join(str(y) for y in m.missing_years), at,
                m.printed_on.isoformat() if m.printed_on else None, m.correct_on.isoformat() if m.correct_on else None))


def drop(tx, object_type: str, object_id: int, field: str) -> None:
    tx.execute("DELETE FROM deadline_calendars WHERE object_type = ? AND object_id = ? AND field = ?",
               (object_type, object_id, field))


def pending(conn) -> list[Mark]:
    """Deadlines still resting on years computed without holiday data."""
    return [_mark(r) for r in conn.execute(_SELECT + " WHERE missing_years != '' ORDER BY object_type, object_id")]


def flagged(conn) -> list[Mark]:
    """Printed deadlines found to differ from the correct working-day deadline (R20 with R5)."""
    return [_mark(r) for r in conn.execute(_SELECT + " WHERE correct_on IS NOT NULL ORDER BY object_type, object_id")]


def all_marks(conn) -> list[Mark]:
    return [_mark(r) for r in conn.execute(_SELECT)]


def set_due(tx, object_type: str, object_id: int, field: str, due: date) -> None:
    """Move one stored deadline (the column is named by COLUMNS, never by the caller's text)."""
    table, column = COLUMNS[(object_type, field)]
    tx.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (due.isoformat(), object_id))


def stored_due(conn, object_type: str, object_id: int, field: str) -> date | None:
    table, column = COLUMNS[(object_type, field)]
    row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (object_id,)).fetchone()
    return _date(row[0]) if row else None
