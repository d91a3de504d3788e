"""Objections repository (R19). Change-log rows: entity ``objection``, ops ``insert`` and ``resolve``."""

from __future__ import annotations

from datetime import date

from credit_desk.domain.objections import Objection, Outcome, Stage, Target
from credit_desk.store.tx import now_iso

_COLS = ("id, target_type, target_id, subject_id, stage, received_on, grounds, evidence, due_on, rule_set_code, "
         "created_by, outcome, reply, resolved_on, resolved_by")


def _objection(row) -> Objection:
    (oid, ttype, tid, sid, stage, received, grounds, evidence, due, rs, by, outcome, reply, resolved_on,
     resolved_by) = row
    return Objection(oid, Target(ttype), tid, sid, Stage(stage), date.fromisoformat(received), grounds, evidence,
                     date.fromisoformat(due), rs, by, Outcome(outcome) if outcome else None, reply,
                     date.fromisoformat(resolved_on) if resolved_on else None, resolved_by)


def get(conn, objection_id: int) -> Objection | None:
    row = conn.execute(f"SELECT {_COLS} FROM objections WHERE id = ?", (objection_id,)).fetchone()
    return _objection(row) if row else None


def insert(tx, o: Objection) -> int:
    cur = tx.execute(
        "INSERT INTO objections (target_type, target_id, subject_id, stage, received_on, grounds, evidence, due_on, "
        "rule_set_code, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (o.target_type.value, o.target_id, o.subject_id, o.stage.value, o.received_on.isoformat(), o.grounds,
         o.evidence, o.due_on.isoformat(), o.rule_set_code, o.created_by, now_iso()))
    return cur.lastrowid


def resolve(tx, objection_id: int, outcome: Outcome, reply: str, on: date, username: str) -> None:
    tx.execute("UPDATE objections SET outcome = ?, reply = ?, resolved_on = ?, resolved_by = ? WHERE id = ?",
               (outcome.value, reply, on.isoformat(), username, objection_id))


def for_target(conn, target_type: Target, target_id: int) -> list[Objection]:
    rows = conn.execute(f"SELECT {_COLS} FROM objections WHERE target_type = ? AND target_id = ? ORDER BY id",
                        (target_type.value, target_id))
    return [_objection(r) for r in rows]


def open_count(conn, target_type: Target, target_id: int, stage: Stage | None = None) -> int:
    sql = "SELECT count(*) FROM objections WHERE target_type = ? AND target_id = ? AND outcome IS NULL"
    params: tuple = (target_type.value, target_id)
    if stage is not None:
        sql += " AND stage = ?"
        params += (stage.value,)
    return conn.execute(sql, params).fetchone()[0]


def open_all(conn) -> list[Objection]:
    rows = conn.execute(f"SELECT {_COLS} FROM objections WHERE outcome IS NULL ORDER BY due_on, id")
    return [_objection(r) for r in rows]


def state(o: Objection) -> dict:
    return {"id": o.id, "target_type": o.target_type.value, "target_id": o.target_id, "subject_id": o.subject_id,
            "stage": o.stage.value, "received_on": o.received_on.isoformat(), "grounds": o.grounds,
            "evidence": o.evidence, "due_on": o.due_on.isoformat(), "rule_set_code": o.rule_set_code,
            "outcome": o.outcome.value if o.outcome else None, "reply": o.reply,
            "resolved_on": o.resolved_on.isoformat() if o.resolved_on else None}
