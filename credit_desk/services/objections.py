"""异议 objections (R19) to a record, a prior notice or a listing; the reply is due in 10 working days (R5).

Outcomes apply their consequences through the same steps as the other services, in the same transaction:

=========  ==========================  ==========================================  ===================================
outcome    record                      notice (case before its decision)           listing (listed case)
=========  ==========================  ==========================================  ===================================
upheld     nothing changes             the case may go on to its decision          nothing changes
corrected  record marked 已变更 (R3)    facts corrected and a new prior notice       the entry's facts corrected
                                       served with the reply (R5; ``renotice_on``)
revoked    record revoked (R3); cases  the case ends as not listed                 R12 way 1 proposed; a second
           on it: undecided → not                                                  senior person approves it
           listed, listed → way 1                                                  (services.withdrawals); also
                                                                                   an ended black or watch listing
=========  ==========================  ==========================================  ===================================
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from credit_desk.domain.cases import OPEN_STATES, CaseState, Event
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.records import RecordStatus
from credit_desk.domain.list_rules import NOT_LISTED_DOCUMENT, check_r12_wrongful_reachable, wrongful_reachable
from credit_desk.domain.procedure import (check_not_listed_reason, check_r5_correction_renotice, check_r5_date,
                                          check_r5_decided_after_issue,
                                          notice_changes)
from credit_desk.domain.objections import (Objection, Outcome, Stage, Target, check_grounds, check_resolution,
                                           reply_due)
from credit_desk.services import deadline_calendar
from credit_desk.services import case_core as core
from credit_desk.services import cases as cases_svc
from credit_desk.services import records as records_svc
from credit_desk.services import departments, doc_numbers, withdrawals, workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import cases as cases_repo
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import objections as repo


def _target(session: Session, target: str, target_id: int | None) -> tuple[Target, int, Stage]:
    conn = session.ledger.conn
    if target_id is None:
        raise ValidationError("R19_TARGET_REQUIRED", "请选择被异议的信用记录或案件。",
                              "Choose the record or the case objected to.", field="target_id")
    if target == Target.RECORD:
        return Target.RECORD, records_svc.get_record(conn, target_id).subject_id, Stage.RECORD
    if target != Target.CASE:
        raise ValidationError("R19_TARGET", "异议对象应为 record（失信信息）或 case（认定案件）。",
                              "An objection targets a record or a case.", field="target")
    case = core.get_case(conn, target_id)
    if case.state in (CaseState.NOTICE_SERVED, CaseState.OBJECTION_UNDER_REVIEW):
        return Target.CASE, case.subject_id, Stage.NOTICE
    if case.state is CaseState.LISTED:
        return Target.CASE, case.subject_id, Stage.LISTING
    if case.state is CaseState.EXITED:  # R19 / R12 way 1 (1798号 (二十三)): an ended listing can still be wrong
        check_r12_wrongful_reachable(case)  # an ended red listing: R12_RED_ENDED
        return Target.CASE, case.subject_id, Stage.LISTING
    raise DomainError("R19_NOTHING_TO_OBJECT", f"案件当前状态为「{case.state.zh}」，没有可异议的告知或名单。",
                      f"The case is {case.state.value}; there is no notice or listing to object to.",
                      field="case_id")


def add_objection(session: Session, *, target: str, target_id: int, received_on: dt.date | None = None,
                  grounds: str, evidence: str = "") -> Objection:
    """Register an objection; the reply is due ``objection_reply_workdays`` working days after receipt (R5)."""
    session.require("objection.add")
    conn = session.ledger.conn
    ttype, subject_id, stage = _target(session, target, target_id)
    today = session.desk.today()
    case = core.get_case(conn, target_id) if ttype is Target.CASE else None
    # R5 dates: not before what it objects to — the served notice, or for a listing its decision — nor after today
    after, after_label = ((case.decided_on, "认定决定") if stage is Stage.LISTING and case.decided_on
                          else (case.served_on if case else None, "告知送达"))
    on = check_r5_date(received_on or today, today=today, after=after, field="received_on", label="异议受理日期",
                       after_label=after_label)
    rs = core.rule_set_on(conn, on)
    due = reply_due(workdays.calendar(session.desk), rs, on)
    obj = Objection(None, ttype, target_id, subject_id, stage, on, check_grounds(grounds), (evidence or "").strip(),
                    due, rs.code, session.user.username)
    with session.ledger.tx() as tx:
        oid = repo.insert(tx, obj)
        saved = replace(obj, id=oid)
        deadline_calendar.note(session, tx, "objection", oid, "due_on", on, rs.objection_reply_workdays, due)  # R20
        if stage is Stage.NOTICE:
            case = core.get_case(conn, target_id)
            core.step(session, tx, case, Event.OBJECT, on, f"objection {oid}")
        session.audit(tx, "objection.add", "objection", oid, detail={"target": ttype.value, "id": target_id})
        tx.change("objection", oid, "insert", repo.state(saved))
    return saved


def get_objection(session: Session, objection_id: int, purpose: str) -> Objection:
    """One objection (the party's grounds, its due date and outcome). R14 查询使用登记: needs a stated
    ``purpose`` (R14_PURPOSE_REQUIRED otherwise) and writes its ``objection.view`` audit row;
    DomainError OBJECTION_NOT_FOUND for an unknown id."""
    session.require("case.list")
    why = require_purpose(purpose)
    obj = _load(session, objection_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "objection.view", "objection", objection_id, purpose=why)
    return obj


def _load(session: Session, objection_id: int) -> Objection:
    obj = repo.get(session.ledger.conn, objection_id)
    if obj is None:
        raise DomainError("OBJECTION_NOT_FOUND", f"没有编号为 {objection_id} 的异议。",
                          f"No objection with id {objection_id}.", field="objection_id")
    return obj


def check_may_answer(session: Session, case_id: int) -> None:
    """Who may answer an objection to a case (R5 / 1798号 (七)(二十二)): a senior person of its deciding department.
    Raises PermissionDenied or R5_OBJECTION_DEPARTMENT; writes nothing (but a role refusal's row)."""
    session.require("objection.resolve")
    departments.check_objection_verifier(session, case_id)  # R5


def resolve_objection(session: Session, objection_id: int, *, outcome: str, reply: str,
                      resolved_on: dt.date | None = None, corrected_facts: str | None = None,
                      renotice_on: dt.date | None = None) -> dict:
    """Answer an objection and apply what its outcome means (R19); see the module table.

    A correction of the facts of a served prior notice needs ``renotice_on``: the date a new prior notice with
    the corrected grounds is served with the reply (R5_RENOTICE_REQUIRED otherwise)."""
    session.require("objection.resolve")
    obj = _load(session, objection_id)  # read inside the act, which is itself logged
    if obj.target_type is Target.CASE:
        departments.check_objection_verifier(session, obj.target_id)  # R5 / 1798号 (七)(二十二): its department
    today = session.desk.today()
    on = check_r5_date(resolved_on or today, today=today, after=obj.received_on, field="resolved_on",
                       label="异议答复日期", after_label="异议受理")  # R5 dates
    result = check_resolution(obj, outcome, reply, on)
    corrected = _corrected_case(session, obj, result, corrected_facts)
    if corrected is not None:
        renotice_on = _check_renotice(session, obj, corrected, on, renotice_on)
    with session.ledger.tx() as tx:
        repo.resolve(tx, objection_id, result, reply.strip(), on, session.user.username)
        if obj.target_type is Target.RECORD:
            effects = _on_record(session, tx, obj, result, reply.strip(), on, corrected_facts)
        else:
            effects = _on_case(session, tx, replace(obj, reply=reply.strip()), result, on, corrected, renotice_on)
        saved = replace(obj, outcome=result, reply=reply.strip(), resolved_on=on, resolved_by=session.user.username)
        session.audit(tx, "objection.resolve", "objection", objection_id, detail={"outcome": result.value})
        tx.change("objection", objection_id, "resolve", repo.state(saved))
    return {"objection_id": objection_id, "outcome": result.value, **effects}


def _on_record(session, tx, obj: Objection, result: Outcome, reply: str, on, facts) -> dict:
    conn = session.ledger.conn
    if result is Outcome.UPHELD:
        return {}
    r = records_svc.get_record(conn, obj.target_id)
    if result is Outcome.CORRECTED:
        new = replace(r, facts=(facts or r.facts).strip())
        records_repo.add_history(tx, r.id, session.user.username, "correct", reply, r)
        records_repo.revise(tx, new, f"异议{obj.id}更正：{reply}", on)
        tx.change("record", r.id, "change", records_repo.state(replace(new, status=RecordStatus.CHANGED)))
        return {"record_status": "changed"}
    out = records_svc.revoke_in_tx(session, tx, r.id, f"异议{obj.id}核实撤销：{reply}", on)
    ended = []
    for case in cases_repo.cases_on_record(conn, r.id):
        ended.append(_end_case(session, tx, case, on, f"所依据的失信信息{r.id}经异议核实已撤销：{reply}", obj.id))
    return {"record_status": out["record"].status.value, "cases": ended}


def _corrected_case(session, obj: Objection, result: Outcome, facts: str | None):
    """The case as a "corrected" answer would leave it: R1 — the records' facts stay, the correction is the
    clerk's wording (red lists: the clerk's own text). None when nothing about a case is corrected."""
    if obj.target_type is not Target.CASE or result is not Outcome.CORRECTED or not (facts or "").strip():
        return None
    return cases_svc.with_corrected_facts(session, core.get_case(session.ledger.conn, obj.target_id), facts)


def _check_renotice(session, obj: Objection, new, on: dt.date, renotice_on: dt.date | None) -> dt.date | None:
    """R5: a correction at the notice stage is notified again, on or after the reply, never after today."""
    old = core.get_case(session.ledger.conn, obj.target_id)
    changed = notice_changes(cases_svc.notice_view(old), cases_svc.notice_view(new))
    check_r5_correction_renotice(obj.stage.value, changed, renotice_on is not None)  # R5
    if obj.stage is not Stage.NOTICE or not changed:
        return None
    return check_r5_date(renotice_on, today=session.desk.today(), after=on, field="renotice_on",
                         label="重新告知送达日期", after_label="异议答复")


def _on_case(session, tx, obj: Objection, result: Outcome, on, corrected, renotice_on) -> dict:
    conn = session.ledger.conn
    case = core.get_case(conn, obj.target_id)
    if result is Outcome.REVOKED:
        return {"cases": [_end_case(session, tx, case, on, obj.reply or "", obj.id)]}
    out = {}
    if case.state is CaseState.OBJECTION_UNDER_REVIEW and not repo.open_count(conn, Target.CASE, case.id):
        case = core.step(session, tx, case, Event.ANSWER, on, f"objection {obj.id} answered")
    if corrected is not None and renotice_on is not None:  # R5: the corrected grounds are notified again
        changed = notice_changes(cases_svc.notice_view(case), cases_svc.notice_view(corrected))
        case = cases_svc.renotice_in_tx(session, tx, case, replace(corrected, state=case.state), changed,
                                        renotice_on)
        out = {"notice_number": case.notice_number, "served_on": case.served_on.isoformat(),
               "window_end": case.window_end.isoformat()}
    elif corrected is not None:  # a listing's entry (or a notice whose text did not change)
        case = replace(corrected, state=case.state)
        cases_repo.save(tx, case)
        session.audit(tx, "case.update", "case", case.id, detail={"fields": ["facts"], "objection_id": obj.id})
        tx.change("case", case.id, "update", {"id": case.id, "fields": ["facts"], "objection_id": obj.id})
    return {"case_state": case.state.value, **out}


def _end_case(session, tx, case, on, wording: str, objection_id: int) -> dict:
    """An undecided case ends as not listed — R5: with the lawful outcome "objection founded" (the reply as the
    office's wording) and a numbered 不予列入决定书 from the register, like a decision not to list taken directly;
    for a listing, the objection files the R12 way-1 withdrawal, which a second senior person approves
    (``services.withdrawals``) before anything is deleted."""
    if case.state in OPEN_STATES:
        # R5 / 1798号 (七), R4: ending a case is its deciding department's act, also through an objection to a
        # record it rests on (the transaction rolls back: the record is not revoked either)
        departments.check_objection_verifier(session, case.id)
        reason = check_not_listed_reason("objection_founded", wording)  # R5: a lawful outcome, not a free note
        issued, by_hand = doc_numbers.issue_in_tx(tx, NOT_LISTED_DOCUMENT, "case", case.id, on)
        number = doc_numbers.take_in_tx(session, tx, NOT_LISTED_DOCUMENT, "case", case.id, on)
        # R5: the decision not to list is dated the reply's day, on or after the day the register numbers it
        check_r5_decided_after_issue(on, issued_on=issued, today=session.desk.today(), by_hand=by_hand,
                                     document="reply_decision")
        done = core.step(session, tx, case, Event.DECIDE_NOT_LIST, on, reason, decision_number=number,
                         decided_on=on, decided_by=session.user.username)
        session.audit(tx, "case.decide", "case", case.id, detail={"outcome": "not_listed",
                                                                "objection_id": objection_id})
        tx.change("case", case.id, "decide", {"id": case.id, "state": done.state.value, "decided_on": on.isoformat(),
                                              "decision_number": number})
        return {"case_id": case.id, "state": done.state.value, "decision_number": number}
    if wrongful_reachable(case):  # R12 way 1: a listing in force, or an ended black or watch listing
        wid = withdrawals.propose_in_tx(session, tx, case, objection_id=objection_id, on=on)
        return {"case_id": case.id, "state": case.state.value, "withdrawal_id": wid, "withdrawal": "pending"}
    return {"case_id": case.id, "state": case.state.value}
