"""Planned interviews (约谈, R18): the invitation sent before an interview is held (m0008)."""

from __future__ import annotations

import json
from datetime import datetime

from credit_desk.store.tx import now_iso

_COLS = ("id", "subject_id", "kind", "planned_at", "place", "matter", "basis", "bring", "interview_id", "created_by",
         "created_at")


def insert(tx, *, subject_id: int, kind: str, planned_at: datetime, place: str, matter: str, basis: str,
           bring: list[str], username: str) -> int:
    return tx.execute("INSERT INTO interview_plans (subject_id, kind, planned_at, place, matter, basis, bring, "
                      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (subject_id, kind, planned_at.isoformat(timespec="minutes"), place, matter, basis,
                       json.dumps(bring, ensure_ascii=False), username, now_iso())).lastrowid


def get(conn, plan_id: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(_COLS)} FROM interview_plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return None
    data = dict(zip(_COLS, row))
    data["bring"] = json.loads(data["bring"])
    return data


def for_subject(conn, subject_id: int) -> list[dict]:
    rows = conn.execute("SELECT id FROM interview_plans WHERE subject_id = ? ORDER BY planned_at, id", (subject_id,))
    return [get(conn, i) for (i,) in rows.fetchall()]


def link_interview(tx, plan_id: int, interview_id: int) -> None:
    """The planned interview was held and recorded (R18)."""
    tx.execute("UPDATE interview_plans SET interview_id = ? WHERE id = ? AND interview_id IS NULL",
               (interview_id, plan_id))
