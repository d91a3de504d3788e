"""Listing cases repository: cases, their records, events, measures, announcements, apologies, alerts.

Change-log rows for cases (entity ``case``, written by the services in the same transaction):
  ``open``      a case was drafted (state: the draft, no personal data beyond the subject id)
  ``notice``    the prior notice (or a red list's publication for objection) was served
  ``update``    a draft's fields were edited
  ``decide``    the decision; ``state["state"]`` is ``listed`` or ``not_listed``. For a listing the state is the
                full R7 list entry. The sync feature acknowledges it with ``set_shared`` (R6).
  ``exit``      the listing ended (R12 ways 2–4, or a red listing ended by a black listing)
  ``withdraw``  R12 way 1: the listing was wrongful. Its state carries only the case id, the subject id and
                the apology's number and date; sync must send this in place of every earlier row of the case
                and never export those rows' content (the listing's information is not kept).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import NamedTuple
from datetime import date

from credit_desk.domain.cases import Case, CaseState, ListType
from credit_desk.store.tx import now_iso, to_json

_SKIP = {"id", "record_ids"}
FIELDS = tuple(f.name for f in fields(Case) if f.name not in _SKIP)
_DATES = {"valid_from", "valid_until", "served_on", "window_end", "decided_on", "share_due", "exited_on",
          "end_due"}


def _to_db(name: str, value):
    if value is None:
        return None
    if name in _DATES:
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _case(conn, row, ids: tuple | None = None) -> Case:
    data = dict(zip(("id",) + FIELDS, row))
    for name in _DATES:
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    data["list_type"] = ListType(data["list_type"])
    data["state"] = CaseState(data["state"])
    if ids is None:
        ids = tuple(r for (r,) in conn.execute("SELECT record_id FROM case_records WHERE case_id = ? "
                                               "ORDER BY record_id", (data["id"],)))
    return Case(record_ids=ids, **data)


def _cases(conn, rows) -> list[Case]:
    """Many cases with their record ids read in one query, not one per case (the due list reads thousands)."""
    rows = list(rows)
    ids: dict[int, list[int]] = {}
    if rows:
        for cid, rid in conn.execute("SELECT case_id, record_id FROM case_records WHERE case_id IN "
                                     "(SELECT value FROM json_each(?)) ORDER BY case_id, record_id",
                                     (json.dumps([r[0] for r in rows]),)):
            ids.setdefault(cid, []).append(rid)
    return [_case(conn, r, tuple(ids.get(r[0], ()))) for r in rows]


_SELECT = f"SELECT id, {', '.join(FIELDS)} FROM cases"


def get(conn, case_id: int) -> Case | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (case_id,)).fetchone()
    return _case(conn, row) if row else None


def insert(tx, case: Case) -> int:
    ts = now_iso()
    cols = FIELDS + ("created_at", "updated_at")
    values = tuple(_to_db(n, getattr(case, n)) for n in FIELDS) + (ts, ts)
    cur = tx.execute(f"INSERT INTO cases ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
    cid = cur.lastrowid
    tx.executemany("INSERT INTO case_records (case_id, record_id) VALUES (?, ?)",
                   [(cid, r) for r in case.record_ids])
    return cid


def save(tx, case: Case) -> None:
    """Write every field of ``case`` back (the services build the new Case with ``dataclasses.replace``)."""
    sets = ", ".join(f"{n} = ?" for n in FIELDS)
    tx.execute(f"UPDATE cases SET {sets}, updated_at = ? WHERE id = ?",
               tuple(_to_db(n, getattr(case, n)) for n in FIELDS) + (now_iso(), case.id))
    _save_records(tx, case)


def _save_records(tx, case: Case) -> None:
    """R1 / R3: the records a case rests on are stored with it — an edit that changes them (a new prior notice on
    other records, R5) changes the links the decision, the R3 revocation check and the documents read."""
    have = tuple(r for (r,) in tx.execute("SELECT record_id FROM case_records WHERE case_id = ? ORDER BY record_id",
                                          (case.id,)))
    want = tuple(sorted(set(case.record_ids)))
    if have != want:
        tx.execute("DELETE FROM case_records WHERE case_id = ?", (case.id,))
        tx.executemany("INSERT INTO case_records (case_id, record_id) VALUES (?, ?)", [(case.id, r) for r in want])


def add_event(tx, case_id: int, on: date, username: str, event: str, from_state, to_state, note: str = "") -> None:
    tx.execute("INSERT INTO case_events (case_id, ts, on_date, username, event, from_state, to_state, note) "
               "VALUES (?,?,?,?,?,?,?,?)", (case_id, now_iso(), on.isoformat(), username, event,
                                            _to_db("", from_state), _to_db("", to_state), note))


def events(conn, case_id: int) -> list[dict]:
    rows = conn.execute("SELECT on_date, username, event, from_state, to_state, note FROM case_events "
                        "WHERE case_id = ? ORDER BY id", (case_id,))
    return [dict(zip(("on_date", "username", "event", "from_state", "to_state", "note"), r)) for r in rows]


def add_measures(tx, case_id: int, edition: str, items, on: date) -> None:
    tx.executemany("INSERT INTO case_measures (case_id, edition, code, name, basis, applied_on) VALUES (?,?,?,?,?,?)",
                   [(case_id, edition, m.code, m.display_name, m.basis, on.isoformat()) for m in items])


def measures(conn, case_id: int) -> list[dict]:
    rows = conn.execute("SELECT code, name, basis, edition, applied_on, stopped_on FROM case_measures "
                        "WHERE case_id = ? ORDER BY code", (case_id,))
    return [dict(zip(("code", "name", "basis", "edition", "applied_on", "stopped_on"), r)) for r in rows]


def stop_measures(tx, case_id: int, on: date) -> None:
    """R12: joint punishments stop when the subject leaves the list."""
    tx.execute("UPDATE case_measures SET stopped_on = ? WHERE case_id = ? AND stopped_on IS NULL",
               (on.isoformat(), case_id))


def listed(conn, subject_id: int, list_type: ListType) -> list[Case]:
    rows = conn.execute(f"{_SELECT} WHERE subject_id = ? AND list_type = ? AND state = ? ORDER BY id",
                        (subject_id, list_type.value, CaseState.LISTED.value))
    return [_case(conn, r) for r in rows]


def by_state(conn, states) -> list[Case]:
    marks = ", ".join("?" * len(states))
    rows = conn.execute(f"{_SELECT} WHERE state IN ({marks}) ORDER BY id", tuple(s.value for s in states))
    return _cases(conn, rows)


def followers(conn, case_id: int) -> list[Case]:
    """The cases opened by rule out of ``case_id`` (``origin_case_id``), e.g. its post-exit watch listing (R12)."""
    rows = conn.execute(f"{_SELECT} WHERE origin_case_id = ? ORDER BY id", (case_id,))
    return [_case(conn, r) for r in rows]


def cases_on_record(conn, record_id: int) -> list[Case]:
    rows = conn.execute(f"{_SELECT} WHERE id IN (SELECT case_id FROM case_records WHERE record_id = ?) ORDER BY id",
                        (record_id,))
    return [_case(conn, r) for r in rows]


def search(conn, *, subject_id=None, state=None, list_type=None, limit=200, offset=0) -> list[Case]:
    where, params = [], []
    for col, value in (("subject_id", subject_id), ("state", state), ("list_type", list_type)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(f"{_SELECT}{clause} ORDER BY id LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_case(conn, r) for r in rows]


class Deadline(NamedTuple):
    case_id: int
    due: date
    list_type: ListType


_DEADLINE_COLUMNS = ("window_end", "share_due", "valid_until", "end_due")


def deadlines(conn, column: str, states, *, unshared: bool = False) -> list[Deadline]:
    """Only what the due list shows (id, date, list type): building whole cases for thousands of open
    deadlines is what made the due view slow on a large ledger."""
    if column not in _DEADLINE_COLUMNS:
        raise ValueError(column)
    marks = ", ".join("?" * len(states))
    extra = " AND shared_at IS NULL" if unshared else ""
    rows = conn.execute(f"SELECT id, {column}, list_type FROM cases WHERE {column} IS NOT NULL{extra} "
                        f"AND state IN ({marks}) ORDER BY id", tuple(s.value for s in states))
    return [Deadline(cid, date.fromisoformat(d), ListType(lt)) for cid, d, lt in rows]


def set_shared(tx, case_id: int, acked_at: str) -> None:
    """R6: the platform acknowledged the listing decision; the "due to share by" deadline closes.

    Called by the sync feature when a receipt accepts the change-log row ``("case", id, "decide")``.
    """
    tx.execute("UPDATE cases SET shared_at = ? WHERE id = ? AND shared_at IS NULL", (acked_at, case_id))


def add_announcement(tx, case_id: int, channel: str, exit_way: str | None, on: date, kind: str = "exit") -> int:
    cur = tx.execute("INSERT INTO announcements (case_id, kind, channel, exit_way, created_on) VALUES (?,?,?,?,?)",
                     (case_id, kind, channel, exit_way, on.isoformat()))
    return cur.lastrowid


def announcements(conn, case_id: int) -> list[dict]:
    rows = conn.execute("SELECT id, kind, channel, exit_way, created_on, doc_number, published_on FROM announcements "
                        "WHERE case_id = ? ORDER BY id", (case_id,))
    return [dict(zip(("id", "kind", "channel", "exit_way", "created_on", "doc_number", "published_on"), r))
            for r in rows]


def add_apology(tx, case_id: int, subject_id: int, number: str, on: date, username: str,
                letter_context: dict | None = None) -> int:
    """R12 way 1: the apology; ``letter_context`` is the letter's text for printing (m0008)."""
    cur = tx.execute("INSERT INTO apologies (case_id, subject_id, doc_number, issued_on, created_by, created_at, "
                     "letter_context) VALUES (?,?,?,?,?,?,?)",
                     (case_id, subject_id, number, on.isoformat(), username, now_iso(),
                      to_json(letter_context) if letter_context else None))
    return cur.lastrowid


def apology_letter(conn, case_id: int) -> dict | None:
    """The apology letter's number, date, subject and text, as captured at the withdrawal (R12 way 1)."""
    row = conn.execute("SELECT doc_number, issued_on, subject_id, letter_context FROM apologies WHERE case_id = ?",
                       (case_id,)).fetchone()
    if row is None:
        return None
    return {"doc_number": row[0], "issued_on": row[1], "subject_id": row[2],
            "context": json.loads(row[3]) if row[3] else None}


def apology(conn, case_id: int) -> dict | None:
    row = conn.execute("SELECT doc_number, issued_on FROM apologies WHERE case_id = ?", (case_id,)).fetchone()
    return {"doc_number": row[0], "issued_on": row[1]} if row else None


def scrub_wrongful(tx, case: Case) -> Case:
    """R12 way 1: delete the listing's information; keep the subject, the list type, the state and who decided."""
    tx.execute("DELETE FROM case_measures WHERE case_id = ?", (case.id,))
    tx.execute("DELETE FROM case_records WHERE case_id = ?", (case.id,))
    tx.execute("DELETE FROM case_events WHERE case_id = ?", (case.id,))
    tx.execute("DELETE FROM announcements WHERE case_id = ?", (case.id,))
    # the deciding department stays: it issues the apology and the correction in its own name (谁认定、谁纠错)
    blank = Case(case.id, case.subject_id, case.list_type, CaseState.WITHDRAWN_WRONGFUL, case.created_by,
                 department=case.department, department_id=case.department_id)
    save(tx, blank)
    return blank


def undo_exit(tx, case_id: int) -> None:
    """R10 with R12 way 1: a red listing's removal on no ground is undone — its exit events and exit announcements
    go (they name the listing withdrawn as wrongful); the caller saves the case's new state."""
    tx.execute("DELETE FROM case_events WHERE case_id = ? AND event = 'exit'", (case_id,))
    tx.execute("DELETE FROM announcements WHERE case_id = ? AND kind = 'exit'", (case_id,))


def withdrawn_ids(conn) -> set[str]:
    """R12 way 1: cases whose earlier change-log rows must never be exported (only their ``withdraw`` row)."""
    rows = conn.execute("SELECT id FROM cases WHERE state = ?", (CaseState.WITHDRAWN_WRONGFUL.value,))
    return {str(r) for (r,) in rows}


def watch_domains(conn, subject_id: int) -> set[str]:
    rows = conn.execute("SELECT DISTINCT domain FROM cases WHERE subject_id = ? AND list_type = ? AND state = ? "
                        "AND domain IS NOT NULL", (subject_id, ListType.WATCH.value, CaseState.LISTED.value))
    return {d for (d,) in rows}


def open_alert(conn, subject_id: int, kind: str) -> dict | None:
    row = conn.execute("SELECT id, raised_on, domains FROM alerts WHERE subject_id = ? AND kind = ? "
                       "AND cleared_on IS NULL", (subject_id, kind)).fetchone()
    return {"id": row[0], "raised_on": row[1], "domains": row[2]} if row else None


def raise_alert(tx, subject_id: int, kind: str, on: date, domains: str) -> int:
    cur = tx.execute("INSERT INTO alerts (subject_id, kind, raised_on, domains) VALUES (?,?,?,?)",
                     (subject_id, kind, on.isoformat(), domains))
    return cur.lastrowid


def clear_alert(tx, alert_id: int, on: date) -> None:
    tx.execute("UPDATE alerts SET cleared_on = ? WHERE id = ?", (on.isoformat(), alert_id))


def subject_alerts(conn, subject_id: int, kind: str) -> list[dict]:
    """A subject's flags of one kind, open or cleared."""
    rows = conn.execute("SELECT id, raised_on, domains, cleared_on FROM alerts WHERE subject_id = ? AND kind = ? "
                        "ORDER BY id", (subject_id, kind))
    return [dict(zip(("id", "raised_on", "domains", "cleared_on"), r)) for r in rows]


def delete_alert(tx, alert_id: int) -> None:
    """R11 with R12 way 1: a flag that stood on a listing withdrawn as wrongful is not kept."""
    tx.execute("DELETE FROM alerts WHERE id = ?", (alert_id,))


def alerts(conn, open_only: bool = True) -> list[dict]:
    clause = " WHERE cleared_on IS NULL" if open_only else ""
    rows = conn.execute(f"SELECT id, subject_id, kind, raised_on, domains, cleared_on FROM alerts{clause} ORDER BY id")
    return [dict(zip(("id", "subject_id", "kind", "raised_on", "domains", "cleared_on"), r)) for r in rows]


def with_record_ids(case: Case, record_ids) -> Case:
    return replace(case, record_ids=tuple(record_ids))
