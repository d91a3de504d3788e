"""R12 way 1: withdrawing a wrongful listing (误列撤销), with four eyes.

One person proposes it — from a party's objection that showed the listing was wrong, or from the office's own
finding (主动发现, 1798号 (二十三)); a second senior person approves it, and only then is it carried out: the
listing's information is deleted, every registered document of the listing is withdrawn (it verifies as
withdrawn and is never reprinted), objection texts about it are purged, the written apology is numbered, and
the change log carries only the withdrawal. The correction announcement (更正公告) is printed afterwards.
"""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import CaseState, ExitWay
from credit_desk.domain.errors import DomainError
from credit_desk.domain.list_rules import (ExitInput, WithdrawOrigin, check_r12_withdrawal_approver,
                                           check_r12_withdrawal_proposal, check_r12_wrongful_reachable)
from credit_desk.domain.objections import Outcome, Target
from credit_desk.domain.procedure import check_r5_date
from credit_desk.services import case_core as core
from credit_desk.services import departments
from credit_desk.services.base import Session
from credit_desk.store import objections as objections_repo
from credit_desk.store import withdrawals as repo


def _objection_about(conn, case, objection_id: int | None) -> bool:
    o = objections_repo.get(conn, objection_id) if objection_id is not None else None
    if o is None:
        raise DomainError("OBJECTION_NOT_FOUND", f"没有编号为 {objection_id} 的异议。",
                          f"No objection with id {objection_id}.", field="objection")
    return ((o.target_type is Target.CASE and o.target_id == case.id)
            or (o.target_type is Target.RECORD and o.target_id in case.record_ids))


def propose_in_tx(session: Session, tx, case, *, objection_id: int | None = None, finding: str | None = None,
                  on: dt.date) -> int:
    """File the proposal inside the caller's transaction (the objection service uses this when it resolves an
    objection about a listing as revoked)."""
    conn = session.ledger.conn
    origin = WithdrawOrigin.OBJECTION if objection_id is not None else WithdrawOrigin.OWN_FINDING
    about = _objection_about(conn, case, objection_id) if objection_id is not None else None
    check_r12_withdrawal_proposal(case, origin, objection_about_case=about, finding=finding)  # R12 way 1
    departments.case_proposer_department(session, case)  # R12 way 1 / 1798号 (二十三): the deciding department
    after, after_label = withdrawal_earliest(case)
    check_r5_date(on, today=session.desk.today(), after=after, field="on", label="提出误列撤销日期",
                  after_label=after_label)  # R5 dates: not before the listing (or its end), never ahead of today
    if repo.pending(conn, case.id):
        raise DomainError("R12_WITHDRAWAL_PENDING", f"案件{case.id}已提出误列撤销，等待另一位负责人批准。",
                          f"A withdrawal of case {case.id} is already waiting for approval.", field="case_id")
    wid = repo.propose(tx, case.id, origin.value, objection_id, (finding or "").strip() or None,
                       session.user.username, on)
    session.audit(tx, "case.withdraw_propose", "case", case.id, detail={"withdrawal": wid, "origin": origin.value})
    tx.change("case", case.id, "withdraw_proposal", {"id": case.id, "withdrawal_id": wid,
                                                     "proposed_on": on.isoformat()})
    return wid


def withdrawal_earliest(case) -> tuple[dt.date | None, str]:
    """R5 dates: a withdrawal is proposed no earlier than the case's last step — its decision, or for a listing that
    has already ended (R12 way 1 from ``exited``) its exit."""
    if case.state is CaseState.EXITED and case.exited_on:
        return case.exited_on, "移出名单"
    return case.decided_on, "认定决定"


def propose_withdrawal(session: Session, case_id: int, *, objection_id: int | None = None,
                       finding: str | None = None, on: dt.date | None = None) -> dict:
    """Propose withdrawing a listing as wrongful (R12 way 1); nothing is deleted until a second person approves.
    A listing that has already ended (black or watch) can be withdrawn too (R12 way 1, 1798号 (二十三)).
    Raises DomainError R12_NOT_LISTED / R12_RED_ENDED / R12_FINDING_REQUIRED / R12_OBJECTION_MISMATCH /
    R12_WITHDRAWAL_PENDING."""
    session.require("case.withdraw")
    case = core.get_case(session.ledger.conn, case_id)
    with session.ledger.tx() as tx:
        wid = propose_in_tx(session, tx, case, objection_id=objection_id, finding=finding,
                            on=on or session.desk.today())
    return {"case_id": case_id, "withdrawal_id": wid, "status": "pending"}


def check_may_approve(session: Session, case_id: int) -> dict:
    """Who may carry out a proposed withdrawal (R12 way 1, four eyes; R4 谁认定、谁负责): a senior person of the
    case's deciding department other than the proposer. Returns the pending withdrawal; raises PermissionDenied,
    R12_WITHDRAWAL_NOT_PROPOSED, FOUR_EYES or R4_DECIDER_DEPARTMENT; writes nothing (but a role refusal's row)."""
    session.require("case.exit")
    conn = session.read_conn
    case = core.get_case(conn, case_id)
    pending = repo.pending(conn, case_id)
    check_r12_withdrawal_approver(pending and pending["proposed_by"], session.user.username)  # R12 way 1
    if departments.issuer_for(conn, "case", case_id) is not None:  # R4 谁认定、谁负责: revoking its own decision
        departments.case_decider_department(session, case)        # is the deciding department's act
    return pending


def check_may_propose(session: Session, case_id: int) -> None:
    """Who may propose a withdrawal (R12 way 1 / 1798号 (二十三)): staff of the case's deciding department. Raises
    PermissionDenied or R12_PROPOSER_DEPARTMENT; writes nothing (but a role refusal's row)."""
    session.require("case.withdraw")
    case = core.get_case(session.read_conn, case_id)
    check_r12_wrongful_reachable(case)  # R12 way 1: listed, or an ended black or watch listing
    departments.case_proposer_department(session, case)


def approve_withdrawal(session: Session, case_id: int, *, on: dt.date | None = None,
                       apology_number: str | None = None, apology_on: dt.date | None = None) -> dict:
    """Carry out a proposed withdrawal: a senior person other than the proposer (four eyes, R12 way 1)."""
    session.require("case.exit")
    pending = check_may_approve(session, case_id)  # four eyes, R4 department (the GUI asks it to offer the step)
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    today = session.desk.today()
    proposed = dt.date.fromisoformat(str(pending["proposed_on"]))
    day = check_r5_date(on or today, today=today, after=proposed, field="on", label="批准误列撤销日期",
                        after_label="提出撤销")  # R5 dates: between the proposal and today
    if apology_on is not None:  # the apology is issued within the same bounds
        check_r5_date(apology_on, today=today, after=proposed, field="apology_on", label="道歉函日期",
                      after_label="提出撤销")
    origin = WithdrawOrigin(pending["origin"])
    note = "经异议核实认定有误" if origin is WithdrawOrigin.OBJECTION else "经本单位复查发现认定有误"
    ex = ExitInput(ExitWay.WRONGFUL, day, apology_number=apology_number, apology_on=apology_on or day, note=note)
    with session.ledger.tx() as tx:
        _answer_objection(session, tx, pending["objection_id"], day)
        out = core.exit_in_tx(session, tx, case, ex, origin=origin.value)
        repo.approve(tx, pending["id"], session.user.username, day)
    return {**out, "withdrawal_id": pending["id"], "proposed_by": pending["proposed_by"],
            "approved_by": session.user.username}


def _answer_objection(session: Session, tx, objection_id: int | None, on: dt.date) -> None:
    """An objection that led to the withdrawal and is still open is answered as revoked by the approver."""
    o = objections_repo.get(session.ledger.conn, objection_id) if objection_id is not None else None
    if o is None or o.outcome is not None:
        return
    objections_repo.resolve(tx, o.id, Outcome.REVOKED, "经核实，列入名单有误，已按误列撤销。", on, session.user.username)
    session.audit(tx, "objection.resolve", "objection", o.id, detail={"outcome": Outcome.REVOKED.value})
    tx.change("objection", o.id, "resolve", {"id": o.id, "outcome": Outcome.REVOKED.value,
                                             "resolved_on": on.isoformat()})


def pending_withdrawals(session: Session) -> list[dict]:
    """Withdrawals waiting for their second person (ids, dates, who proposed: no listing content)."""
    session.require("case.list")
    return [{k: v for k, v in w.items() if k != "reason"} for w in repo.all_pending(session.read_conn)]


def pending_for(session: Session, case_id: int) -> dict | None:
    """The withdrawal of one case waiting for its second person, or None (no reason text)."""
    session.require("case.list")
    w = repo.pending(session.read_conn, case_id)
    return {k: v for k, v in w.items() if k != "reason"} if w else None
