"""Commitments, key-supervision flags and interviews repository (R17, R18)."""

from __future__ import annotations

from datetime import date

from credit_desk.domain.commitments import Commitment, CommitmentType, Fulfilment, Interview, InterviewKind
from credit_desk.store.tx import now_iso

_C_COLS = "id, subject_id, item_code, type, made_on, content, fulfilment, record_id"


def _commitment(r) -> Commitment:
    return Commitment(r[0], r[1], r[2], CommitmentType(r[3]), date.fromisoformat(r[4]), r[5], Fulfilment(r[6]), r[7])


def add_item(tx, code: str, name: str, type_: CommitmentType, basis: str) -> None:
    tx.execute("INSERT INTO commitment_items (code, name, type, basis, created_at) VALUES (?, ?, ?, ?, ?)",
               (code, name, type_.value, basis, now_iso()))


def item(conn, code: str) -> dict | None:
    r = conn.execute("SELECT code, name, type, basis, active FROM commitment_items WHERE code = ?", (code,)).fetchone()
    return dict(zip(("code", "name", "type", "basis", "active"), r)) if r else None


def items(conn) -> list[dict]:
    cur = conn.execute("SELECT code, name, type, basis, active FROM commitment_items ORDER BY code")
    return [dict(zip(("code", "name", "type", "basis", "active"), r)) for r in cur]


def insert(tx, c: Commitment, username: str) -> int:
    ts = now_iso()
    return tx.execute(
        "INSERT INTO commitments (subject_id, item_code, type, made_on, content, fulfilment, record_id, "
        "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (c.subject_id, c.item_code, c.type.value, c.made_on.isoformat(), c.content, c.fulfilment.value,
         c.record_id, username, ts, ts)).lastrowid


def get(conn, commitment_id: int) -> Commitment | None:
    r = conn.execute(f"SELECT {_C_COLS} FROM commitments WHERE id = ?", (commitment_id,)).fetchone()
    return _commitment(r) if r else None


def for_subject(conn, subject_id: int) -> list[Commitment]:
    cur = conn.execute(f"SELECT {_C_COLS} FROM commitments WHERE subject_id = ? ORDER BY id", (subject_id,))
    return [_commitment(r) for r in cur]


def set_fulfilment(tx, commitment_id: int, fulfilment: Fulfilment, checked_on: date) -> None:
    tx.execute("UPDATE commitments SET fulfilment = ?, checked_on = ?, updated_at = ? WHERE id = ?",
               (fulfilment.value, checked_on.isoformat(), now_iso(), commitment_id))


def add_flag(tx, subject_id: int, reason: str, source_type: str, source_id: int, since: date,
             until: date | None = None) -> int:
    return tx.execute("INSERT INTO supervision_flags (subject_id, reason, source_type, source_id, since, until) "
                      "VALUES (?, ?, ?, ?, ?, ?)", (subject_id, reason, source_type, source_id, since.isoformat(),
                                                    until.isoformat() if until else None)).lastrowid


_FLAG_COLS = ("id", "subject_id", "reason", "source_type", "source_id", "since", "until", "cleared_on",
              "lift_reason", "lifted_by")


def open_flags(conn, subject_id: int) -> list[dict]:
    cur = conn.execute(f"SELECT {', '.join(_FLAG_COLS)} FROM supervision_flags "
                       "WHERE subject_id = ? AND cleared_on IS NULL ORDER BY id", (subject_id,))
    return [dict(zip(_FLAG_COLS, r)) for r in cur]


def all_open_flags(conn) -> list[dict]:
    cur = conn.execute(f"SELECT {', '.join(_FLAG_COLS)} FROM supervision_flags WHERE cleared_on IS NULL ORDER BY id")
    return [dict(zip(_FLAG_COLS, r)) for r in cur]


def flag(conn, flag_id: int) -> dict | None:
    r = conn.execute(f"SELECT {', '.join(_FLAG_COLS)} FROM supervision_flags WHERE id = ?", (flag_id,)).fetchone()
    return dict(zip(_FLAG_COLS, r)) if r else None


def lift_flag(tx, flag_id: int, on: date, reason: str, username: str) -> None:
    tx.execute("UPDATE supervision_flags SET cleared_on = ?, lift_reason = ?, lifted_by = ? WHERE id = ?",
               (on.isoformat(), reason, username, flag_id))


def interviews_to_rectify(conn) -> list[tuple[int, int, str, date, str]]:
    """(id, subject id, kind, rectify_by, reason) of interviews with a deadline and no rectification yet (R18)."""
    rows = conn.execute("SELECT id, subject_id, kind, rectify_by, reason FROM interviews "
                        "WHERE rectify_by IS NOT NULL AND rectified_on IS NULL ORDER BY rectify_by, id").fetchall()
    return [(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4]) for r in rows]


def interview_row(conn, interview_id: int) -> dict | None:
    r = conn.execute("SELECT id, subject_id, held_on, rectify_by, rectified_on FROM interviews WHERE id = ?",
                     (interview_id,)).fetchone()
    return dict(zip(("id", "subject_id", "held_on", "rectify_by", "rectified_on"), r)) if r else None


def set_rectified(tx, interview_id: int, on: date, note: str) -> None:
    tx.execute("UPDATE interviews SET rectified_on = ?, rectified_note = ? WHERE id = ?",
               (on.isoformat(), note, interview_id))


def insert_interview(tx, i: Interview, username: str) -> int:
    return tx.execute(
        "INSERT INTO interviews (subject_id, kind, held_on, people, content, outcome, reason, rectify_by, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (i.subject_id, i.kind.value, i.held_on.isoformat(), i.people, i.content, i.outcome, i.reason,
         i.rectify_by.isoformat() if i.rectify_by else None, username, now_iso())).lastrowid


def interviews_for(conn, subject_id: int) -> list[Interview]:
    cur = conn.execute("SELECT id, subject_id, kind, held_on, people, content, outcome, reason, rectify_by "
                       "FROM interviews WHERE subject_id = ? ORDER BY held_on, id", (subject_id,))
    return [Interview(r[0], r[1], InterviewKind(r[2]), date.fromisoformat(r[3]), *r[4:8],
                      date.fromisoformat(r[8]) if r[8] else None) for r in cur]
