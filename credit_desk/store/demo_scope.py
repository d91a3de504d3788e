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


class DemoFilter:
    """``is_demo_change`` for a whole export (issue 18: its queries and JSON parse per change were a third of the
    export's time): the demo rows are read once, one query per table, and each change is judged from memory by
    the same rules. On a ledger without demo rows (an office's real ledger) nothing more is read or parsed. An id
    that SQLite would compare otherwise than as written (not an integer's own text, a non-integer subject id) is
    judged by ``is_demo_change`` itself, so every answer is the one it gives."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.subjects = {r[0] for r in conn.execute("SELECT id FROM subjects WHERE demo = 1")}
        self.active = bool(self.subjects) or any(
            conn.execute(f"SELECT 1 FROM {t} WHERE demo = 1 LIMIT 1").fetchone() for t in _OWN_FLAG.values())
        self.own: dict[str, set[str]] = {}
        self.keyed: dict[str, set[str]] = {}  # entity -> ids of its rows whose subject is a demo subject
        if self.active:
            for entity, table in _OWN_FLAG.items():
                self.own[entity] = {str(r[0]) for r in conn.execute(f"SELECT id FROM {table} WHERE demo = 1")}

    def _keyed(self, entity: str) -> set[str]:
        """The ids of ``entity``'s rows whose subject is a demo subject, read when first needed (a change whose state
        names no subject_id; most states name it)."""
        if entity not in self.keyed:
            table, key, col = _SUBJECT_OF[entity]
            self.keyed[entity] = {str(r[0]) for r in self.conn.execute(
                f"SELECT {key} FROM {table} WHERE {col} IN (SELECT id FROM subjects WHERE demo = 1)")}
        return self.keyed[entity]

    def __call__(self, entity: str, entity_id, state_json: str) -> bool:
        """What ``is_demo_change(conn, entity, entity_id, state_json)`` answers."""
        if not self.active:
            return False
        eid = str(entity_id)
        if isinstance(state_json, bytes):  # the export reads the states as their stored UTF-8
            has_sid = b'"subject_id"' in state_json
        else:
            has_sid = not isinstance(state_json, str) or '"subject_id"' in state_json  # to_json writes it so
        if (entity in _OWN_FLAG or _SUBJECT_OF.get(entity, ("", ""))[1] == "id") and not _int_text(eid):
            return is_demo_change(self.conn, entity, entity_id, _text(state_json))
        if entity in self.own and eid in self.own[entity]:
            return True
        sid = None
        if has_sid:
            state = state_json
            if isinstance(state, (str, bytes)):
                try:
                    state = json.loads(state)
                except ValueError:  # UnicodeDecodeError included
                    state = {}
            sid = state.get("subject_id") if isinstance(state, dict) else None
        if sid is None:
            return entity in _SUBJECT_OF and eid in self._keyed(entity)
        if type(sid) is int:
            return sid in self.subjects
        return is_demo_change(self.conn, entity, entity_id, _text(state_json))


def _text(state):
    """A state read as UTF-8 bytes, as the text ``is_demo_change`` reads (undecodable: as text that is no JSON)."""
    return state.decode("utf-8", "replace") if isinstance(state, bytes) else state


def _int_text(text: str) -> bool:
    """``text`` is an integer's own decimal text (what SQLite's INTEGER key compares equal to, as written)."""
    return text.isascii() and text.isdigit() and (text == "0" or text[0] != "0") and len(text) < 19


def demo_subjects_with_records(conn, *, decided_by: str, limit: int, tier: str = "serious") -> list[tuple[int, int]]:
    """(subject id, record id) of demo legal persons with no case yet and an active record of ``tier`` decided on
    or before ``decided_by`` (ISO date): the parties of the demo ledger's cases (issue 17 item 12)."""
    rows = conn.execute(
        "SELECT s.id, min(r.id) FROM subjects s JOIN records r ON r.subject_id = s.id "
        "WHERE s.demo = 1 AND s.kind = 'legal_person' AND r.demo = 1 AND r.status = 'active' AND r.tier = ? "
        "AND r.decision_date <= ? AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.subject_id = s.id) "
        "GROUP BY s.id ORDER BY s.id LIMIT ?", (tier, decided_by, limit)).fetchall()
    return [(r[0], r[1]) for r in rows]
