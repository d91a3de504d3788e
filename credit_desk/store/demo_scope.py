"""Which change-log rows concern demo data (issue 14 item 8): demo subjects, demo records and cases, and
everything derived from them — documents printed for a demo subject, its cases, repairs, objections,
commitments, interviews, alerts, joint-punishment decisions. None of it may ever enter a bundle (README: demo
data is never reported to the platform)."""

from __future__ import annotations

import json

# entity of the change log -> (table, key column, subject column)
_SUBJECT_OF = {
    "subject": ("subjects", "id", "id"), "record": ("records", "id", "subject_id"),
    "case": ("cases", "id", "subject_id"), "objection": ("objections", "id", "subject_id"),
    "alert": ("alerts", "id", "subject_id"), "joint_decision": ("jp_decisions", "id", "subject_id"),
    "document": ("documents", "number", "subject_id"), "commitment": ("commitments", "id", "subject_id"),
    "supervision_flag": ("supervision_flags", "id", "subject_id"), "interview": ("interviews", "id", "subject_id"),
    "repair": ("repairs", "id", "subject_id"), "interview_plan": ("interview_plans", "id", "subject_id"),
}
_OWN_FLAG = {"record": "records", "case": "cases"}  # rows that carry their own demo flag


def _subject_id(conn, entity: str, entity_id: str, state: dict):
    sid = state.get("subject_id") if isinstance(state, dict) else None
    if sid is None and entity in _SUBJECT_OF:
        table, key, col = _SUBJECT_OF[entity]
        row = conn.execute(f"SELECT {col} FROM {table} WHERE {key} = ?", (entity_id,)).fetchone()
        sid = row[0] if row else None
    return sid


def is_demo_change(conn, entity: str, entity_id, state) -> bool:
    """True when the change is about demo data or derived from it (``state``: dict or its JSON text)."""
    if isinstance(state, str):
        try:
            state = json.loads(state)
        except ValueError:
            state = {}
    if entity in _OWN_FLAG:
        row = conn.execute(f"SELECT demo FROM {_OWN_FLAG[entity]} WHERE id = ?", (entity_id,)).fetchone()
        if row and row[0]:
            return True
    sid = _subject_id(conn, entity, str(entity_id), state)
    if sid is None:
        return False
    row = conn.execute("SELECT demo FROM subjects WHERE id = ?", (sid,)).fetchone()
    return bool(row and row[0])


def demo_subjects_with_records(conn, *, decided_by: str, limit: int, tier: str = "serious") -> list[tuple[int, int]]:
    """(subject id, record id) of demo legal persons with no case yet and an active record of ``tier`` decided on
    or before ``decided_by`` (ISO date): the parties of the demo ledger's cases (issue 17 item 12)."""
    rows = conn.execute(
        "SELECT s.id, min(r.id) FROM subjects s JOIN records r ON r.subject_id = s.id "
        "WHERE s.demo = 1 AND s.kind = 'legal_person' AND r.demo = 1 AND r.status = 'active' AND r.tier = ? "
        "AND r.decision_date <= ? AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.subject_id = s.id) "
        "GROUP BY s.id ORDER BY s.id LIMIT ?", (tier, decided_by, limit)).fetchall()
    return [(r[0], r[1]) for r in rows]
