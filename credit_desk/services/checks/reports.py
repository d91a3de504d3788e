"""The 信用审查报告 and a subject's 公共信用信息报告 (R14, R15, R22) through the documents pipeline: each provider
builds a ``documents.Item`` from the ledger only, and ``documents.issue`` numbers it from the register, signs it
(QR) and lays it out (GB/T 9704), like every other notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from credit_desk.documents import check_context as C
from credit_desk.domain import checks as d
from credit_desk.domain.errors import DomainError
from credit_desk.domain.textkey import search_key
from credit_desk.services import documents
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.checks import lists
from credit_desk.services.documents import Item
from credit_desk.store import checks as repo
from credit_desk.store import meta, subjects, sync_state

CHECK_REPORT = "credit_check_report"
SUBJECT_REPORT = "credit_report"


def check_report_item(session: Session, check_id: int) -> Item:
    """R22: the numbered report of a stored check, as the check found the data (not as they are today). The
    print is logged under the check's own department and purpose (R14)."""
    session.require("document.print")
    check = lists.load(session, check_id)
    joint = sync_state.versions(session.ledger.conn).get("joint_list") or {}
    applied = joint.get("applied_at") if joint.get("version") == check.get("joint_version") else None
    ctx = C.check_report(check, applied)
    why = f"信用审查第{check['id']}号：{check['purpose']}（{check['department']}）"
    return Item(ctx, "credit_check", str(check["id"]), None, why)


def print_check_report(session: Session, check_id: int, out: Path | None = None, *, force: bool = False) -> dict:
    """Print the check's 信用审查报告 (numbered, signed, kept in the ledger; a file only when ``out`` names one)."""
    session.require("document.print")
    done = repo.report_numbers(session.ledger.conn, int(check_id))
    if done:  # one report per check: its number is the answer the department files; a copy is a reprint (副本)
        raise DomainError("CHECK_REPORT_PRINTED", f"信用审查第{check_id}号的报告已出具（{done[-1]}）；如需再次打印请重印（副本）。",
                          f"The report of check {check_id} was issued as {done[-1]}; reprint a copy from Documents.",
                          field="check", cli=f"print reprint {done[-1]}")
    return documents.issue(session, CHECK_REPORT, [check_report_item(session, check_id)], out, force=force)[0]


def subject_report_item(session: Session, subject_id: int, purpose: str, start: dt.date | None = None,
                        end: dt.date | None = None) -> Item:
    """R22/R15: one subject's 公共信用信息报告 for the period (default: the last 3 years up to today) — listings,
    effective records, the platform's joint-punishment entries, published 双公示 decisions, commitments and
    honours; masked; the look is logged with the print under its purpose (R14)."""
    session.require("check.report")
    why = require_purpose(purpose)
    conn, today = session.ledger.conn, session.desk.today()
    s = subjects.get(conn, int(subject_id)) if subject_id is not None else None
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。", f"No subject {subject_id}.",
                          field="subject")
    start, end = d.report_period(today, start, end)
    a, b = start.isoformat(), end.isoformat()
    records = [r for r in repo.effective_records(conn, [s.id], today.isoformat()).get(s.id, [])
               if a <= (r["decision_date"] or "")[:10] <= b]
    numbers = [n for n in {s.id_number} if n]
    me = d.ListRow(0, s.name, s.id_number, s.id_type, search_key(s.name))   # the platform's joint lists too
    joint = [lists.joint_entry(e) for e in repo.joint_hits(conn, [me]).get(0, [])]
    ctx = C.subject_report(
        s, period=(start, end), when=session.desk.now(), purpose=why,
        listings=repo.subject_listings(conn, s.id, a, b), records=records,
        decisions=repo.subject_decisions(conn, numbers, a, b, today.isoformat()),
        commitments=repo.subject_commitments(conn, s.id, a, b), rep_name=s.legal_rep_name or "", joint=joint,
        office=meta.get_meta(conn, "office") or "")
    return Item(ctx, "subject", str(s.id), s.id, why)


def print_subject_report(session: Session, subject_id: int, purpose: str, out: Path | None = None, *,
                         start: dt.date | None = None, end: dt.date | None = None, force: bool = False) -> dict:
    """Print a subject's 公共信用信息报告 (numbered, signed, kept in the ledger; a file only when ``out`` names one)."""
    session.require("check.report")
    item = subject_report_item(session, subject_id, purpose, start, end)
    return documents.issue(session, SUBJECT_REPORT, [item], out, force=force)[0]
