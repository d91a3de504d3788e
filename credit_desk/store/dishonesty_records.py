"""失信信息 records repository for the record services (R1–R3, R9): returns domain ``Record``s.

Change-log rows are written by the services: entity ``record``, ops ``insert``, ``approve``, ``revoke``,
``change``.
"""

from __future__ import annotations

import json
from datetime import date

from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.record_rules import BasisDocument, Leniency, Record
from credit_desk.domain.rulesets import Tier
from credit_desk.store.tx import now_iso, to_json

_COLS = ("id, subject_id, catalogue_edition, catalogue_code, tier, facts, doc_type, doc_number, doc_authority, "
         "doc_issued, doc_effective, doc_citation, department, act_date, decision_date, rule_set_code, status, "
         "created_by, leniency_flags, leniency_justification, approved_by, earliest_repair, publication_end, "
         "status_reason, demo")


def _d(text):
    return date.fromisoformat(text) if text else None


def _record(row) -> Record:
    (rid, sid, edition, code, tier, facts, dtype, number, authority, issued, effective, citation, dept, act,
     decided, rs, status, by, flags, just, approved, earliest, pub_end, reason, demo) = row
    doc = BasisDocument(DocType(dtype), number, authority, _d(issued), _d(effective), citation)
    return Record(rid, sid, edition, code, Tier(tier), facts, doc, dept, _d(act), _d(decided), rs,
                  RecordStatus(status), by, tuple(Leniency(f) for f in json.loads(flags or "[]")), just,
                  approved, _d(earliest), _d(pub_end), reason, bool(demo))


def get(conn, record_id: int) -> Record | None:
    row = conn.execute(f"SELECT {_COLS} FROM records WHERE id = ?", (record_id,)).fetchone()
    return _record(row) if row else None


def department_of(conn, record_id: int) -> str | None:
    """The record's department (认定部门) alone, or None."""
    row = conn.execute("SELECT department FROM records WHERE id = ?", (record_id,)).fetchone()
    return row[0] if row else None


def for_subject(conn, subject_id: int) -> list[Record]:
    rows = conn.execute(f"SELECT {_COLS} FROM records WHERE subject_id = ? ORDER BY id", (subject_id,))
    return [_record(r) for r in rows]


def insert(tx, r: Record) -> int:
    ts = now_iso()
    d = r.document
    cur = tx.execute(
        "INSERT INTO records (subject_id, catalogue_edition, catalogue_code, tier, facts, doc_type, doc_number, "
        "doc_authority, doc_issued, doc_effective, doc_citation, department, act_date, decision_date, "
        "rule_set_code, status, demo, created_by, created_at, updated_at, leniency_flags, "
        "leniency_justification, earliest_repair, publication_end) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (r.subject_id, r.catalogue_edition, r.catalogue_code, r.tier.value, r.facts, d.doc_type.value, d.number,
         d.authority, d.issued.isoformat(), d.effective.isoformat(), d.citation, r.department,
         r.act_date.isoformat(), r.decision_date.isoformat(), r.rule_set_code, r.status.value, int(r.demo),
         r.created_by, ts, ts, json.dumps([f.value for f in r.leniency]), r.leniency_justification,
         _iso(r.earliest_repair), _iso(r.publication_end)))
    return cur.lastrowid


def _iso(d):
    return d.isoformat() if d else None


def approve(tx, record_id: int, approver: str) -> None:
    ts = now_iso()
    tx.execute("UPDATE records SET status = ?, approved_by = ?, approved_at = ?, updated_at = ? WHERE id = ?",
               (RecordStatus.ACTIVE.value, approver, ts, ts, record_id))


def set_status(tx, record_id: int, status: RecordStatus, reason: str, on: date) -> None:
    tx.execute("UPDATE records SET status = ?, status_reason = ?, status_changed_on = ?, updated_at = ? "
               "WHERE id = ?", (status.value, reason, on.isoformat(), now_iso(), record_id))


def revise(tx, r: Record, reason: str, on: date) -> None:
    """R3: the record takes the changed document's content (status ``changed``)."""
    d = r.document
    tx.execute("UPDATE records SET facts = ?, tier = ?, doc_type = ?, doc_number = ?, doc_authority = ?, "
               "doc_issued = ?, doc_effective = ?, doc_citation = ?, decision_date = ?, rule_set_code = ?, "
               "earliest_repair = ?, publication_end = ?, status = ?, status_reason = ?, "
               "status_changed_on = ?, updated_at = ? WHERE id = ?",
               (r.facts, r.tier.value, d.doc_type.value, d.number, d.authority, d.issued.isoformat(),
                d.effective.isoformat(), d.citation, r.decision_date.isoformat(), r.rule_set_code,
                _iso(r.earliest_repair), _iso(r.publication_end), RecordStatus.CHANGED.value, reason,
                on.isoformat(), now_iso(), r.id))


def add_history(tx, record_id: int, username: str, op: str, reason: str, old: Record) -> None:
    tx.execute("INSERT INTO record_history (record_id, ts, username, op, reason, old_state) VALUES (?,?,?,?,?,?)",
               (record_id, now_iso(), username, op, reason, to_json(state(old))))


def history(conn, record_id: int) -> list[dict]:
    rows = conn.execute("SELECT ts, username, op, reason FROM record_history WHERE record_id = ? ORDER BY id",
                        (record_id,))
    return [{"ts": ts, "username": u, "op": op, "reason": reason} for ts, u, op, reason in rows]


def state(r: Record) -> dict:
    """The record as carried in the change log (encrypted in the bundle)."""
    d = r.document
    return {"id": r.id, "subject_id": r.subject_id, "catalogue_edition": r.catalogue_edition,
            "catalogue_code": r.catalogue_code, "tier": r.tier.value, "facts": r.facts,
            "doc_type": d.doc_type.value, "doc_number": d.number, "doc_authority": d.authority,
            "doc_issued": _iso(d.issued), "doc_effective": _iso(d.effective), "doc_citation": d.citation,
            "department": r.department, "act_date": _iso(r.act_date), "decision_date": _iso(r.decision_date),
            "rule_set_code": r.rule_set_code, "status": r.status.value,
            "leniency": [f.value for f in r.leniency], "approved_by": r.approved_by,
            "earliest_repair": _iso(r.earliest_repair), "publication_end": _iso(r.publication_end),
            "status_reason": r.status_reason}
