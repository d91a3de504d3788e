"""R12 way 1 withdrawals (m0011): proposed by one person, carried out on a second person's approval.

Change-log rows are written by ``services.withdrawals`` under entity ``case`` (ops ``withdraw_proposal`` and
``withdraw``), so that sync drops the proposal with the rest of the listing's rows.
"""

from __future__ import annotations

from datetime import date

_COLS = ("id", "case_id", "origin", "objection_id", "reason", "proposed_by", "proposed_on", "approved_by",
         "approved_on", "status")


def pending(conn, case_id: int) -> dict | None:
    row = conn.execute(f"SELECT {', '.join(_COLS)} FROM withdrawals WHERE case_id = ? AND status = 'pending'",
                       (case_id,)).fetchone()
    return dict(zip(_COLS, row)) if row else None


def all_pending(conn) -> list[dict]:
    rows = conn.execute(f"SELECT {', '.join(_COLS)} FROM withdrawals WHERE status = 'pending' ORDER BY id")
    return [dict(zip(_COLS, r)) for r in rows]


def propose(tx, case_id: int, origin: str, objection_id: int | None, reason: str | None, username: str,
            on: date) -> int:
    return tx.execute("INSERT INTO withdrawals (case_id, origin, objection_id, reason, proposed_by, proposed_on) "
                      "VALUES (?,?,?,?,?,?)", (case_id, origin, objection_id, reason, username,
                                               on.isoformat())).lastrowid


def approve(tx, withdrawal_id: int, username: str, on: date) -> None:
    """Carried out: the reason text goes with the listing (R12 way 1 keeps no information about it)."""
    tx.execute("UPDATE withdrawals SET status = 'done', approved_by = ?, approved_on = ?, reason = NULL "
               "WHERE id = ?", (username, on.isoformat(), withdrawal_id))


def withdraw_documents(tx, case_id: int, reason: str, username: str, ts: str,
                       object_type: str = "case", doc_type: str | None = None) -> list[str]:
    """R12 way 1: every registered document of the listing is withdrawn (撤回) and its stored content emptied; the
    number stays in the register (no gap, never reused) and verifies as withdrawn. ``object_type`` ``repair``
    (with a repair request's id) withdraws the repair notices of a request about the listing; ``doc_type`` only the
    documents of that type (a red listing's exit announcement when its removal is undone)."""
    rows = tx.execute("SELECT id, number FROM documents WHERE object_type = ? AND object_id = ? "
                      "AND status != 'withdrawn' AND (? IS NULL OR doc_type = ?)",
                      (object_type, str(case_id), doc_type, doc_type)).fetchall()
    for doc_id, _number in rows:
        tx.execute("UPDATE documents SET status = 'withdrawn', context = '{}', key_fields = '[]', template = '', "
                   "void_reason = ?, voided_by = ?, voided_at = ? WHERE id = ?", (reason, username, ts, doc_id))
    return [n for _, n in rows]


PURGED_TEXT = "（误列撤销，内容已删除）"


def purge_objection_texts(tx, case_id: int) -> int:
    """R12 way 1: the texts of objections about the listing are not kept either (their dates and ids stay)."""
    return tx.execute("UPDATE objections SET grounds = ?, evidence = '', reply = CASE WHEN reply IS NULL THEN NULL "
                      "ELSE ? END WHERE target_type = 'case' AND target_id = ?",
                      (PURGED_TEXT, PURGED_TEXT, case_id)).rowcount


def purge_repair_texts(tx, repair_id: int) -> None:
    """R12 way 1 / 1798号 (二十) "对于因主体认定有误而列入名单的，相关信息不予保存": a repair request about nothing but the
    wrong listing keeps no free text — the applicant's name, the reasons for not accepting or refusing it and the
    decider's findings are personal and about the listing; ids, dates, states and (withdrawn) numbers stay."""
    tx.execute("UPDATE repairs SET applicant = ?, "
               "not_accepted_reason = CASE WHEN not_accepted_reason IS NULL THEN NULL ELSE ? END, "
               "refusal_reason = CASE WHEN refusal_reason IS NULL THEN NULL ELSE ? END, "
               "findings = CASE WHEN findings IS NULL THEN NULL ELSE ? END WHERE id = ?",
               (PURGED_TEXT, PURGED_TEXT, PURGED_TEXT, PURGED_TEXT, repair_id))
