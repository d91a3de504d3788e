"""双公示 register repository (R6, R13, R21): administrative licence and penalty decisions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from credit_desk.domain.disclosure import AdminDecision, DecisionKind, DecisionState
from credit_desk.domain.ids import SubjectKind
from credit_desk.domain.rulesets import Tier
from credit_desk.domain.textkey import search_key
from credit_desk.store.tx import now_iso

_TEXT = ("party_name", "uscc", "reg_no", "org_code", "tax_no", "inst_cert_no", "social_org_no", "rep_name",
         "rep_id_type", "rep_id_number", "id_type", "id_number", "doc_number", "category", "content", "facts",
         "basis", "licence_no", "authority", "authority_uscc", "source_unit", "source_uscc", "note",
         "rule_set_code", "reported_at")
_DATES = ("decision_date", "valid_from", "valid_until", "publish_due", "publication_end", "earliest_repair",
          "published_on", "ended_on")
_COLS = ("id", "kind", "party_kind", "tier", "state", "fine_wan", "confiscated_wan") + _TEXT + _DATES


def _from_row(r) -> AdminDecision:
    v = dict(zip(_COLS, r))
    for k in _DATES:
        v[k] = date.fromisoformat(v[k]) if v[k] else None
    for k in ("fine_wan", "confiscated_wan"):
        v[k] = Decimal(v[k]) if v[k] is not None else None
    v["kind"], v["party_kind"] = DecisionKind(v["kind"]), SubjectKind(v["party_kind"])
    v["tier"] = Tier(v["tier"]) if v["tier"] else None
    v["state"] = DecisionState(v["state"])
    return AdminDecision(**v)


def _values(d: AdminDecision) -> dict:
    v = {k: getattr(d, k) for k in _COLS if k != "id"}
    for k in _DATES:
        v[k] = v[k].isoformat() if v[k] else None
    for k in ("fine_wan", "confiscated_wan"):
        v[k] = str(v[k]) if v[k] is not None else None
    v["kind"], v["party_kind"], v["state"] = d.kind.value, d.party_kind.value, d.state.value
    v["tier"] = d.tier.value if d.tier else None
    return v


def insert(tx, d: AdminDecision, username: str) -> int:
    v = {**_values(d), "name_key": search_key(d.party_name), "created_by": username}
    ts = now_iso()
    v["created_at"] = v["updated_at"] = ts
    cols = ", ".join(v)
    return tx.execute(f"INSERT INTO admin_decisions ({cols}) VALUES ({', '.join('?' * len(v))})",
                      tuple(v.values())).lastrowid


def update(tx, d: AdminDecision) -> None:
    """Every element of a corrected decision (its id and registration kept)."""
    v = {**_values(d), "name_key": search_key(d.party_name), "updated_at": now_iso()}
    tx.execute(f"UPDATE admin_decisions SET {', '.join(f'{k} = ?' for k in v)} WHERE id = ?", (*v.values(), d.id))


def get(conn, decision_id: int) -> AdminDecision | None:
    r = conn.execute(f"SELECT {', '.join(_COLS)} FROM admin_decisions WHERE id = ?", (decision_id,)).fetchone()
    return _from_row(r) if r else None


def exists(conn, authority_uscc: str, doc_number: str) -> bool:
    return conn.execute("SELECT 1 FROM admin_decisions WHERE authority_uscc = ? AND doc_number = ?",
                        (authority_uscc, doc_number)).fetchone() is not None


def page(conn, *, kind: str | None = None, state: str | None = None, text: str = "", after_id: int = 0,
         limit: int = 200) -> list[AdminDecision]:
    """One keyset page, newest decision id last; ``text`` matches the party name key or the 文号."""
    where, params = ["id > ?"], [after_id]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if state:
        where.append("state = ?")
        params.append(state)
    if text:
        where.append("(name_key LIKE ? OR doc_number LIKE ?)")
        params += [f"%{search_key(text)}%", f"%{text.strip()}%"]
    sql = f"SELECT {', '.join(_COLS)} FROM admin_decisions WHERE {' AND '.join(where)} ORDER BY id LIMIT ?"
    return [_from_row(r) for r in conn.execute(sql, (*params, limit))]


def open_deadlines(conn) -> list[AdminDecision]:
    """R6: decisions not yet published or not yet acknowledged by the platform, soonest deadline first (not one
    whose publication stopped: ended, revoked or repaired)."""
    rows = conn.execute(f"SELECT {', '.join(_COLS)} FROM admin_decisions WHERE (reported_at IS NULL "
                        "OR state = 'registered') AND state NOT IN ('ended', 'revoked', 'repaired') "
                        "ORDER BY publish_due, id")  # R13: a repaired decision stops like an ended one
    return [_from_row(r) for r in rows]


def ended_unstopped(conn, today: date) -> list[AdminDecision]:
    """R13: penalties, published or still waiting to be, whose longest publication period ended before ``today``."""
    rows = conn.execute(f"SELECT {', '.join(_COLS)} FROM admin_decisions WHERE state IN ('published', 'registered') "
                        "AND publication_end IS NOT NULL AND publication_end < ? ORDER BY id", (today.isoformat(),))
    return [_from_row(r) for r in rows]


def set_state(tx, decision_id: int, state: DecisionState, *, published_on: date | None = None,
              ended_on: date | None = None) -> None:
    tx.execute("UPDATE admin_decisions SET state = ?, published_on = COALESCE(?, published_on), "
               "ended_on = COALESCE(?, ended_on), updated_at = ? WHERE id = ?",
               (state.value, published_on.isoformat() if published_on else None,
                ended_on.isoformat() if ended_on else None, now_iso(), decision_id))


def non_repairable_basis(conn, decision_id: int) -> str | None:
    """R13: the law or central policy that makes this decision non-repairable (None: repairable)."""
    row = conn.execute("SELECT non_repairable_basis FROM admin_decisions WHERE id = ?", (decision_id,)).fetchone()
    return row[0] if row else None


def set_non_repairable(tx, decision_id: int, basis: str | None) -> None:
    tx.execute("UPDATE admin_decisions SET non_repairable_basis = ?, updated_at = ? WHERE id = ?",
               (basis, now_iso(), decision_id))


def revert_repaired(tx, decision_id: int, state: DecisionState, ended_on: date | None) -> None:
    """R17/R13: a repair undone by a broken commitment: the decision's state back, its stop date replaced."""
    tx.execute("UPDATE admin_decisions SET state = ?, ended_on = ?, updated_at = ? WHERE id = ? AND state = 'repaired'",
               (state.value, ended_on.isoformat() if ended_on else None, now_iso(), decision_id))


def set_reported(tx, decision_id: int, acked_at: str) -> None:
    """R6: the platform acknowledged the decision; its "publish and report by" deadline closes."""
    tx.execute("UPDATE admin_decisions SET reported_at = ? WHERE id = ? AND reported_at IS NULL",
               (acked_at, decision_id))


def of_party(conn, number: str, kind: str = "penalty") -> list[AdminDecision]:
    """Decisions naming ``number`` as the party's USCC or ID number (R22's match), oldest first."""
    if not number:
        return []
    rows = conn.execute(f"SELECT {', '.join(_COLS)} FROM admin_decisions WHERE (uscc = ? OR id_number = ?) "
                        "AND kind = ? ORDER BY decision_date, id", (number, number, kind))
    return [_from_row(r) for r in rows]


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM admin_decisions").fetchone()[0]


def created_by(conn, decision_id: int) -> str:
    row = conn.execute("SELECT created_by FROM admin_decisions WHERE id = ?", (decision_id,)).fetchone()
    return row[0] if row else ""


def tallies(conn, today: date) -> dict:
    total, late = conn.execute("SELECT count(*), coalesce(sum(state = 'registered' AND publish_due < ?), 0) "
                               "FROM admin_decisions", (today.isoformat(),)).fetchone()
    return {"total": total, "late": late}
