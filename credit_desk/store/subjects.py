"""Subjects repository: returns domain Subjects."""

from __future__ import annotations

import json

from credit_desk.domain.ids import IdType, SubjectKind
from credit_desk.domain.subjects import IdException, Subject
from credit_desk.store import search as text_search
from credit_desk.store.tx import now_iso

_COLS = ("id, kind, name, id_type, id_number, legal_rep_name, legal_rep_id_type, "
         "legal_rep_id_number, address, id_exception, exception_reason, exception_requested_by, "
         "exception_approved_by, exception_approved_at")


def _subject(row) -> Subject:
    rid, kind, name, id_type, number, rep, rep_type, rep_number, address = row[:9]
    exc = IdException(*row[9:14]) if row[9] else None
    return Subject(rid, SubjectKind(kind), name, IdType(id_type), number, rep,
                   IdType(rep_type) if rep_type else None, rep_number, address, exc)


def get(conn, subject_id: int) -> Subject | None:
    row = conn.execute(f"SELECT {_COLS} FROM subjects WHERE id = ?", (subject_id,)).fetchone()
    return _subject(row) if row else None


def find_by_id_number(conn, id_type: IdType, id_number: str) -> Subject | None:
    row = conn.execute(f"SELECT {_COLS} FROM subjects WHERE id_type = ? AND id_number = ?",
                       (id_type.value, id_number)).fetchone()
    return _subject(row) if row else None


def search(conn, text: str, limit: int = 50, offset: int = 0) -> list[Subject]:
    """Name fragment (FTS5, store/search.py), or ID/USCC prefix (index); in id order."""
    text = text.strip()
    if not text:
        return []
    wanted = limit + offset  # each source's first ``wanted`` ids in id order hold the merged page
    ids = sorted(set(text_search.first_ids(conn, "subjects", text, wanted))
                 | set(text_search.id_prefix_ids(conn, text, wanted)))[offset:offset + limit]
    if not ids:
        return []
    rows = conn.execute(f"SELECT {_COLS} FROM subjects WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY id",
                        ids)
    return [_subject(r) for r in rows]


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM subjects").fetchone()[0]


def _values(s: Subject, demo: bool, ts: str) -> tuple:
    return (s.kind.value, s.name, s.id_type.value, s.id_number, s.legal_rep_name,
            s.legal_rep_id_type.value if s.legal_rep_id_type else None, s.legal_rep_id_number,
            s.address, int(demo), ts, ts)


_INSERT = ("INSERT INTO subjects (kind, name, id_type, id_number, legal_rep_name, legal_rep_id_type, "
           "legal_rep_id_number, address, demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")


def insert(tx, s: Subject, demo: bool = False) -> int:
    sid = tx.execute(_INSERT, _values(s, demo, now_iso())).lastrowid
    if s.id_exception:
        e = s.id_exception
        tx.execute("UPDATE subjects SET id_exception = ?, exception_reason = ?, exception_requested_by = ?, "
                   "exception_approved_by = ?, exception_approved_at = ? WHERE id = ?",
                   (e.kind, e.reason, e.requested_by, e.approved_by, e.approved_at, sid))
    return sid


def insert_many(tx, subjects, demo: bool = False) -> None:
    ts = now_iso()
    tx.executemany(_INSERT, (_values(s, demo, ts) for s in subjects))


def update(tx, s: Subject) -> None:
    """Write every field of ``s`` back (the service validated it with ``domain.subjects.updated_subject``)."""
    tx.execute("UPDATE subjects SET kind = ?, name = ?, id_type = ?, id_number = ?, legal_rep_name = ?, "
               "legal_rep_id_type = ?, legal_rep_id_number = ?, address = ?, updated_at = ? WHERE id = ?",
               _values(s, False, now_iso())[:8] + (now_iso(), s.id))


def state(s: Subject) -> dict:
    """The full state carried in the change log (encrypted in the bundle, never in clear)."""
    return {"id": s.id, "kind": s.kind.value, "name": s.name, "id_type": s.id_type.value,
            "id_number": s.id_number, "legal_rep_name": s.legal_rep_name,
            "legal_rep_id_type": s.legal_rep_id_type.value if s.legal_rep_id_type else None,
            "legal_rep_id_number": s.legal_rep_id_number, "address": s.address,
            **({"id_exception": {"kind": s.id_exception.kind, "reason": s.id_exception.reason,
                                 "requested_by": s.id_exception.requested_by,
                                 "approved_by": s.id_exception.approved_by,
                                 "approved_at": s.id_exception.approved_at}} if s.id_exception else {})}


# --- exception requests (issue 15: a USCC whose check character fails, four eyes) -------------------------

def add_exception_request(tx, kind: str, fields: dict, reason: str, by: str, at: str) -> int:
    return tx.execute("INSERT INTO subject_exception_requests (kind, fields, reason, requested_by, requested_at) "
                      "VALUES (?, ?, ?, ?, ?)",
                      (kind, json.dumps(fields, ensure_ascii=False), reason, by, at)).lastrowid


def exception_request(conn, request_id: int) -> dict | None:
    row = conn.execute("SELECT id, kind, fields, reason, requested_by, requested_at, status, decided_by, decided_at, "
                       "decision_note, subject_id FROM subject_exception_requests WHERE id = ?",
                       (request_id,)).fetchone()
    return _request(row) if row else None


def exception_requests(conn, status: str | None = "pending") -> list[dict]:
    sql = ("SELECT id, kind, fields, reason, requested_by, requested_at, status, decided_by, decided_at, "
           "decision_note, subject_id FROM subject_exception_requests")
    rows = conn.execute(sql + (" WHERE status = ? ORDER BY id" if status else " ORDER BY id"),
                        (status,) if status else ())
    return [_request(r) for r in rows]


def _request(row) -> dict:
    keys = ("id", "kind", "fields", "reason", "requested_by", "requested_at", "status", "decided_by",
            "decided_at", "decision_note", "subject_id")
    out = dict(zip(keys, row))
    out["fields"] = json.loads(out["fields"])
    return out


def decide_exception_request(tx, request_id: int, status: str, by: str, at: str, note: str,
                             subject_id: int | None) -> None:
    tx.execute("UPDATE subject_exception_requests SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
               "subject_id = ? WHERE id = ? AND status = 'pending'", (status, by, at, note, subject_id, request_id))
