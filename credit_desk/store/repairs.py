"""Credit repair repository (R13): requests, their targets, and the record-level repair states.

Change-log rows (written by ``services/repairs`` in the same transaction):
  ``repair``  ``insert`` (received), ``accept``, ``not_accept``, ``decide`` (repaired/refused), ``revert``
              (R17: a repair-type commitment was broken), ``close`` (R3: the 双公示 decision it named was revoked). No names: ids, dates, states, numbers.
  ``record``  ``repair`` (the record's new repair state) and ``repair_revert`` (back to its longest period).
The platform's acknowledgement of ``("repair", id, "decide")`` moves the request to ``shared`` (``set_shared``).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date

from credit_desk.domain.repairs import Channel, Material, Repair, RepairState
from credit_desk.domain.rulesets import Tier
from credit_desk.store.tx import now_iso

_SKIP = {"id", "targets"}
FIELDS = tuple(f.name for f in fields(Repair) if f.name not in _SKIP)
_DATES = {"received_on", "finish_due", "earliest_on", "decide_due", "accepted_on", "not_accepted_on",
          "decided_on", "reverted_on"}
_SELECT = f"SELECT id, {', '.join(FIELDS)} FROM repairs"


def _to_db(name: str, value):
    if value is None:
        return None
    if name == "materials":
        return json.dumps([m.value for m in value])
    if name in _DATES:
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _repair(conn, row) -> Repair:
    data = dict(zip(("id",) + FIELDS, row))
    for name in _DATES:
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    data["materials"] = tuple(Material(m) for m in json.loads(data["materials"] or "[]"))
    data["channel"], data["state"], data["tier"] = (Channel(data["channel"]), RepairState(data["state"]),
                                                    Tier(data["tier"]))
    data["targets"] = tuple(conn.execute("SELECT target_type, target_id FROM repair_targets WHERE repair_id = ? "
                                         "ORDER BY target_type DESC, target_id", (data["id"],)).fetchall())
    return Repair(**data)


def get(conn, repair_id: int) -> Repair | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (repair_id,)).fetchone()
    return _repair(conn, row) if row else None


def insert(tx, r: Repair) -> int:
    ts = now_iso()
    cols = FIELDS + ("created_at", "updated_at")
    values = tuple(_to_db(n, getattr(r, n)) for n in FIELDS) + (ts, ts)
    rid = tx.execute(f"INSERT INTO repairs ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     values).lastrowid
    tx.executemany("INSERT INTO repair_targets (repair_id, target_type, target_id) VALUES (?, ?, ?)",
                   [(rid, kind, tid) for kind, tid in r.targets])
    return rid


def save(tx, r: Repair) -> None:
    sets = ", ".join(f"{n} = ?" for n in FIELDS)
    tx.execute(f"UPDATE repairs SET {sets}, updated_at = ? WHERE id = ?",
               tuple(_to_db(n, getattr(r, n)) for n in FIELDS) + (now_iso(), r.id))


def search(conn, *, state: str | None = None, subject_id: int | None = None, limit: int = 200) -> list[Repair]:
    where, params = [], []
    for col, value in (("state", state), ("subject_id", subject_id)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(f"{_SELECT}{clause} ORDER BY id LIMIT ?", (*params, limit)).fetchall()
    return [_repair(conn, r) for r in rows]


def open_for_target(conn, target_type: str, target_id: int) -> list[int]:
    """Ids of undecided requests that name this record or case."""
    rows = conn.execute("SELECT r.id FROM repairs r JOIN repair_targets t ON t.repair_id = r.id "
                        "WHERE t.target_type = ? AND t.target_id = ? AND r.state IN (?, ?)",
                        (target_type, target_id, RepairState.RECEIVED.value, RepairState.ACCEPTED.value))
    return [i for (i,) in rows]


def with_target(conn, target_type: str, target_id: int) -> list[Repair]:
    """Every request (any state) that names this record, case or 双公示 decision as a target."""
    rows = conn.execute(f"{_SELECT} WHERE id IN (SELECT repair_id FROM repair_targets WHERE target_type = ? "
                        "AND target_id = ?) ORDER BY id", (target_type, target_id)).fetchall()
    return [_repair(conn, r) for r in rows]


def with_case_target(conn, case_id: int) -> list[Repair]:
    """Every request (any state) that names this listing case as a target."""
    rows = conn.execute(f"{_SELECT} WHERE id IN (SELECT repair_id FROM repair_targets WHERE target_type = 'case' "
                        "AND target_id = ?) ORDER BY id", (case_id,)).fetchall()
    return [_repair(conn, r) for r in rows]


def by_commitment(conn, commitment_id: int) -> list[Repair]:
    rows = conn.execute(f"{_SELECT} WHERE commitment_id = ? ORDER BY id", (commitment_id,)).fetchall()
    return [_repair(conn, r) for r in rows]


def repaired_with_record(conn, record_id: int) -> list[Repair]:
    rows = conn.execute(f"{_SELECT} WHERE outcome = 'repaired' AND id IN (SELECT repair_id FROM repair_targets "
                        "WHERE target_type = 'record' AND target_id = ?) ORDER BY id", (record_id,)).fetchall()
    return [_repair(conn, r) for r in rows]


def set_shared(tx, repair_id: int, acked_at: str) -> None:
    """R13 "一次申请、同步修复": the platform acknowledged the decision; the request is shared."""
    tx.execute("UPDATE repairs SET state = ?, shared_at = ?, updated_at = ? WHERE id = ? AND state IN (?, ?)",
               (RepairState.SHARED.value, acked_at, now_iso(), repair_id, RepairState.REPAIRED.value,
                RepairState.REFUSED.value))


# --- records: the repair states (49号 六(十一)) and the non-repairable flag (R13) ------------------------------

def record_repair_state(conn, record_id: int) -> dict:
    row = conn.execute("SELECT repair_action, repaired_on, repair_id, non_repairable_basis FROM records "
                       "WHERE id = ?", (record_id,)).fetchone()
    return dict(zip(("repair_action", "repaired_on", "repair_id", "non_repairable_basis"), row)) if row else {}


def set_record_repaired(tx, record_id: int, action: str, on: date, repair_id: int) -> None:
    tx.execute("UPDATE records SET status = 'repaired', repair_action = ?, repaired_on = ?, repair_id = ?, "
               "status_reason = ?, status_changed_on = ?, updated_at = ? WHERE id = ?",
               (action, on.isoformat(), repair_id, f"信用修复（申请{repair_id}）", on.isoformat(), now_iso(), record_id))


def revert_record(tx, record_id: int, publication_end: date, on: date, reason: str) -> None:
    """R17/R13: a broken repair commitment: the record is published again until its longest period ends."""
    tx.execute("UPDATE records SET status = 'active', repair_action = NULL, repaired_on = NULL, publication_end = ?, "
               "status_reason = ?, status_changed_on = ?, updated_at = ? WHERE id = ?",
               (publication_end.isoformat(), reason, on.isoformat(), now_iso(), record_id))


def set_non_repairable(tx, record_id: int, basis: str | None) -> None:
    tx.execute("UPDATE records SET non_repairable_basis = ?, updated_at = ? WHERE id = ?",
               (basis, now_iso(), record_id))


def with_state(r: Repair, **changes) -> Repair:
    return replace(r, **changes)


def open_all(conn) -> list[Repair]:
    """Requests still waiting for acceptance or a decision (the due list reads them)."""
    rows = conn.execute(f"{_SELECT} WHERE state IN (?, ?) ORDER BY id",
                        (RepairState.RECEIVED.value, RepairState.ACCEPTED.value)).fetchall()
    return [_repair(conn, r) for r in rows]


def state(r: Repair) -> dict:
    """The request as carried in the change log: ids, dates, states and numbers (the applicant's name stays)."""
    iso = (lambda d: d.isoformat() if d else None)
    return {"id": r.id, "subject_id": r.subject_id, "channel": r.channel.value, "received_on": iso(r.received_on),
            "targets": [list(t) for t in r.targets], "materials": [m.value for m in r.materials],
            "state": r.state.value, "rule_set_code": r.rule_set_code, "department": r.department,
            "tier": r.tier.value, "finish_due": iso(r.finish_due), "decide_due": iso(r.decide_due),
            "accepted_on": iso(r.accepted_on), "accept_number": r.accept_number,
            "not_accepted_on": iso(r.not_accepted_on), "not_accepted_reason": r.not_accepted_reason,
            "reject_number": r.reject_number, "decided_on": iso(r.decided_on), "outcome": r.outcome,
            "refusal_reason": r.refusal_reason, "record_action": r.record_action,
            "decision_number": r.decision_number, "reverted_on": iso(r.reverted_on)}
