"""信用修复 credit repair requests (R13, R20): apply at the window, accept or not, decide, show and list.

Eligibility is judged by the rule set in force on the application date and stored with the request (R20).
Deadlines are working days from that rule set: decide within ``repair_decide_workdays`` of acceptance, finish
within ``repair_finish_workdays`` of the application (national defaults 3 and 10); both are on the due list.
What a granted repair does (exit, record states) and the R17 breach revert live in ``repair_effects``.
Every step takes its notice's number from the document register in the same transaction (``doc_numbers``), and
that number is issued the day the step is recorded: a notice or decision dated earlier is the department's paper,
numbered by hand, and its number is typed (R5, ``_dated_number``).
Repair costs the applicant nothing: no step takes or stores a fee (R13).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.procedure import check_r5_decided_after_issue
from credit_desk.domain.repairs import (OPEN_STATES, Channel, Material, RecordAction, Repair, RepairEvent,
                                        RepairState, check_date_order, check_decider, check_decision_action,
                                        check_one_department,
                                        check_who_decides, eligibility, next_state, parse_materials)
from credit_desk.services import deadline_calendar
from credit_desk.services import case_core as core
from credit_desk.services import departments, doc_numbers, repair_effects as fx, workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import commitments as commitments_repo
from credit_desk.store import departments as departments_repo
from credit_desk.store import repairs as repo


def _channel(value) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        raise ValidationError("R13_CHANNEL", "申请渠道应为 window（窗口）、mail（邮寄）或 platform（平台转办）。",
                              "The channel must be window, mail or platform.", field="channel") from None


def _text(value, name: str, zh: str, limit: int = 500) -> str:
    text = (value or "").strip()
    if not text or len(text) > limit:
        raise ValidationError("FIELD_REQUIRED", f"请填写{zh}（不超过{limit}字）。", f"{name} is required.", field=name)
    return text


def _get(conn, repair_id: int) -> Repair:
    r = repo.get(conn, repair_id)
    if r is None:
        raise DomainError("REPAIR_NOT_FOUND", f"没有编号为 {repair_id} 的信用修复申请。",
                          f"No repair request with id {repair_id}.", field="repair_id")
    return r


def _commitment(conn, subject_id: int, commitment_id: int | None) -> int | None:
    """R17: a repair-type commitment of the same subject may back the application."""
    if commitment_id is None:
        return None
    c = commitments_repo.get(conn, commitment_id)
    if c is None or c.subject_id != subject_id or c.type.value != "repair":
        raise ValidationError("R13_COMMITMENT", f"承诺记录{commitment_id}不存在、不属于该主体或不是信用修复型承诺。",
                              f"Commitment {commitment_id} is not a repair-type commitment of this subject.",
                              field="commitment_id")
    return commitment_id


def apply_repair(session: Session, *, subject_id: int, applicant: str, channel: str,
                 received_on: dt.date | None = None, record_ids=(), case_ids=(), materials=(),
                 commitment_id: int | None = None, decision_ids=()) -> dict:
    """Register an application at the window (R13) and judge its eligibility by the rule set of that day (R20).
    ``decision_ids``: 双公示 penalty decisions of the subject whose publication is to stop (R21)."""
    session.require("repair.apply")
    conn = session.ledger.conn
    core.get_subject(conn, subject_id)
    on = received_on or session.desk.today()
    if on > session.desk.today():
        raise ValidationError("DATE_IN_FUTURE", f"收到申请日期（{on.isoformat()}）不能晚于今天。",
                              f"received_on ({on.isoformat()}) cannot be in the future.", field="received_on")
    targets = fx.targets(conn, subject_id, record_ids, case_ids, decision_ids, for_apply=True)
    department = check_one_department(targets)  # R13 谁认定、谁修复
    departments.department_named_for(conn, department, [t.id for t in targets if t.kind == "case"])  # R13 issuer
    given = parse_materials(materials)
    cid = _commitment(conn, subject_id, commitment_id)
    if cid is not None and Material.COMMITMENT not in given:
        given += (Material.COMMITMENT,)
    rs = core.rule_set_on(conn, on)  # R20: the application date's rule set
    elig = eligibility(rs, fx.materials_table(conn, rs, on), targets, on, given)
    finish = workdays.calendar(session.desk).add_workdays(on, rs.limit("repair_finish_workdays")).date
    r = Repair(None, subject_id, _text(applicant, "applicant", "申请人（及经办人）"), _channel(channel), on, given,
               RepairState.RECEIVED, rs.code, department, elig.tier, finish, session.user.username,
               targets=tuple((t.kind, t.id) for t in targets), commitment_id=cid, earliest_on=elig.earliest_on)
    with session.ledger.tx() as tx:
        rid = repo.insert(tx, r)
        r = replace(r, id=rid)
        deadline_calendar.note(session, tx, "repair", rid, "finish_due", on, rs.limit("repair_finish_workdays"),
                               finish)  # R20
        session.audit(tx, "repair.apply", "repair", rid, detail={"targets": len(targets), "eligible": elig.ok})
        tx.change("repair", rid, "insert", repo.state(r))
    return {**summary(r, session.desk.today()), **fx.eligibility_dict(elig)}


def _dated_number(session: Session, tx, doc_type: str, repair_id: int, on: dt.date, external: str | None,
                  on_label: str) -> str:
    """The number of a repair request's notice or decision dated ``on``: the register's, issued today — so the paper
    is dated today — or the hand-issued one typed for a paper of an earlier day (R5, ``check_r5_decided_after_issue``
    — the one rule the prior notice and the listing decision follow; the hand number's own checks, R5_HAND_NUMBER,
    as for them). Otherwise a repair decided weeks late is recorded as decided on time under a number issued today."""
    issued, by_hand = doc_numbers.issue_in_tx(tx, doc_type, "repair", repair_id, on, external)
    check_r5_decided_after_issue(on, issued_on=issued, today=session.desk.today(), by_hand=by_hand,
                                 document=doc_type)  # R5
    return doc_numbers.take_in_tx(session, tx, doc_type, "repair", repair_id, on, external, on_label=on_label)


def accept_repair(session: Session, repair_id: int, *, accepted_on: dt.date | None = None,
                  external_number: str | None = None) -> dict:
    """受理: only an eligible, complete application (R13); the decision falls due in working days.
    ``external_number``: the hand-issued number of a 受理通知书 made on paper before today (R5)."""
    session.require("repair.accept")
    conn = session.ledger.conn
    r = _get(conn, repair_id)
    next_state(r.state, RepairEvent.ACCEPT)
    on = accepted_on or session.desk.today()
    check_date_order(on, r.received_on, "accepted_on", "受理日期不能早于收到申请日期。",
                     "The acceptance cannot precede the application.", today=session.desk.today())
    rs = fx.rule_set(conn, r.rule_set_code)
    targets = fx.targets(conn, r.subject_id, *fx.split(r.targets))
    elig = eligibility(rs, fx.materials_table(conn, rs, r.received_on), targets, r.received_on, r.materials)
    if not elig.ok:
        raise elig.refusal()  # R13: non-repairable, too early (with the date) or materials missing (named)
    decide_due = workdays.calendar(session.desk).add_workdays(on, rs.limit("repair_decide_workdays")).date
    with session.ledger.tx() as tx:
        number = _dated_number(session, tx, "repair_accepted", repair_id, on, external_number, "受理日期")  # R5
        new = replace(r, state=RepairState.ACCEPTED, accepted_on=on, accepted_by=session.user.username,
                      accept_number=number, decide_due=decide_due)
        repo.save(tx, new)
        deadline_calendar.note(session, tx, "repair", repair_id, "decide_due", on, rs.limit("repair_decide_workdays"),
                               decide_due)  # R20
        session.audit(tx, "repair.accept", "repair", repair_id, detail={"decide_due": decide_due.isoformat()})
        tx.change("repair", repair_id, "accept", repo.state(new))
    return summary(new, session.desk.today())


def refuse_acceptance(session: Session, repair_id: int, *, reason: str | None = None,
                      on: dt.date | None = None, external_number: str | None = None) -> dict:
    """不予受理 with the reason: the one given (e.g. the applicant withdrew), else every ground eligibility found,
    each with its clause (R13). Missing materials alone are never a ground: ``R13_SUPPLEMENT_NOT_REFUSE``.
    ``external_number``: the hand-issued number of a 不予受理通知书 made on paper before today (R5)."""
    session.require("repair.accept")
    conn = session.ledger.conn
    r = _get(conn, repair_id)
    next_state(r.state, RepairEvent.NOT_ACCEPT)
    day = on or session.desk.today()
    check_date_order(day, r.received_on, "on", "不予受理日期不能早于收到申请日期。",
                     "The refusal cannot precede the application.", today=session.desk.today())
    elig = fx.eligibility_of(conn, r)
    given = (reason or "").strip()
    if elig.only_materials_missing and not given:
        # R13 (DOMAIN "R13 materials"): missing materials are told once, in full, so they can be added — they are
        # not a ground to refuse. The clerk prints the 一次性告知书 and records what arrives (``supplement``).
        raise DomainError("R13_SUPPLEMENT_NOT_REFUSE",
                          f"该申请仅缺少材料（{'、'.join(elig.missing)}），应一次性告知需补正的全部材料"
                          "（打印补正材料一次性告知书），补正后受理，不得因此不予受理。",
                          "Only materials are missing: issue the one-time notice listing them all and accept once "
                          "they arrive; this is not a ground to refuse.",
                          field="reason", cli=f"print repair_supplement --repair {repair_id}")
    text = given or fx.problems_text(conn, r)
    if not text:
        raise ValidationError("R13_REASON_REQUIRED", "该申请符合受理条件；不予受理须写明理由及其依据。",
                              "The application is eligible; give the reason for not accepting it.", field="reason")
    with session.ledger.tx() as tx:
        number = _dated_number(session, tx, "repair_rejected", repair_id, day, external_number, "不予受理日期")  # R5
        new = replace(r, state=RepairState.NOT_ACCEPTED, not_accepted_on=day, not_accepted_by=session.user.username,
                      not_accepted_reason=text, reject_number=number)
        repo.save(tx, new)
        session.audit(tx, "repair.not_accept", "repair", repair_id)
        tx.change("repair", repair_id, "not_accept", repo.state(new))
    return summary(new, session.desk.today())


def supplement_materials(session: Session, repair_id: int, *, materials, on: dt.date | None = None) -> dict:
    """Record materials handed in after the one-time notice (R13 一次性告知); returns the request judged again."""
    session.require("repair.apply")
    conn = session.ledger.conn
    r = _get(conn, repair_id)
    if r.state is not RepairState.RECEIVED:
        raise DomainError("REPAIR_BAD_STEP", f"修复申请当前状态为「{r.state.zh}」，不能补正材料。",
                          f"The repair request is {r.state.value}; materials cannot be added now.", field="state")
    day = on or session.desk.today()
    check_date_order(day, r.received_on, "on", "补正日期不能早于收到申请日期。",
                     "The supplement cannot precede the application.", today=session.desk.today())
    added = tuple(m for m in parse_materials(materials) if m not in r.materials)
    if not added:
        raise ValidationError("R13_MATERIAL_NONE", "请写明补正的材料，且不能与已交材料重复。",
                              "Name the materials handed in, not ones already given.", cli="--material（可重复）",
                              field="materials")
    new = replace(r, materials=r.materials + added)
    with session.ledger.tx() as tx:
        repo.save(tx, new)
        session.audit(tx, "repair.supplement", "repair", repair_id, detail={"added": [m.value for m in added]})
        tx.change("repair", repair_id, "supplement", repo.state(new))
    return {**summary(new, session.desk.today()), **fx.eligibility_dict(fx.eligibility_of(conn, new))}


def _record_action(value) -> RecordAction:
    try:
        return RecordAction(value)
    except ValueError:
        raise ValidationError("R13_RECORD_ACTION", "对失信信息的处理应为 stopped（停止公示和共享）、marked（标注）、"
                              "shielded（屏蔽）或 deleted（删除）。",
                              "The record action must be stopped, marked, shielded or deleted.",
                              field="record_action") from None


def decide_repair(session: Session, repair_id: int, *, outcome: str, for_department: str | None,
                  decided_on: dt.date | None = None, findings: str | None = None, reason: str | None = None,
                  record_action: str = RecordAction.STOP.value, external_number: str | None = None) -> dict:
    """The deciding department's decision (谁认定、谁修复, four eyes); a repair is applied at once (R12 way 2).
    ``external_number``: the hand-issued number of a 信用修复决定书 made on paper before today (R5)."""
    session.require("repair.decide")
    conn = session.ledger.conn
    r = _get(conn, repair_id)
    if outcome not in ("repaired", "refused"):
        raise ValidationError("R13_OUTCOME", "修复决定应为 repaired（准予修复）或 refused（不予修复）。",
                              "The outcome must be repaired or refused.", field="outcome")
    event = RepairEvent.REPAIR if outcome == "repaired" else RepairEvent.REFUSE
    new_state = next_state(r.state, event)
    on = decided_on or session.desk.today()
    check_date_order(on, r.accepted_on, "decided_on", "决定日期不能早于受理日期。",
                     "The decision cannot precede the acceptance.", today=session.desk.today())
    dept = departments_repo.by_name(conn, r.department)
    own = departments_repo.of_user(conn, session.user.username) if dept is not None else None
    check_who_decides(r.department, for_department, registered=dept is not None,
                      decider_department=own.name if own else None)  # R13 谁认定、谁修复
    targets = fx.targets(conn, r.subject_id, *fx.split(r.targets))
    check_decider(r.accepted_by, fx.drafters(conn, r), session.user.username)  # four eyes
    why = (reason or "").strip() or None
    if event is RepairEvent.REFUSE and not why:
        raise ValidationError("R13_REASON_REQUIRED", "不予修复须写明理由。", "Give the reason for refusing.",
                              field="reason")
    action = _record_action(record_action) if event is RepairEvent.REPAIR else None
    check_decision_action((t.kind for t in targets), action)  # R13/R21: a penalty decision's repair is 停止公示
    if event is RepairEvent.REPAIR:
        fx.check_still_repairable(conn, targets)
    with session.ledger.tx() as tx:
        number = _dated_number(session, tx, "repair_decision", repair_id, on, external_number, "决定日期")  # R5
        new = replace(r, state=new_state, decided_on=on, decided_by=session.user.username, outcome=outcome,
                      refusal_reason=why, findings=(findings or "").strip() or None,
                      record_action=action.value if action else None, decision_number=number)
        repo.save(tx, new)
        effects = fx.apply_outcome(session, tx, new, action) if action else {}
        session.audit(tx, "repair.decide", "repair", repair_id, detail={"outcome": outcome, **effects})
        tx.change("repair", repair_id, "decide", repo.state(new))
    return {**summary(new, session.desk.today()), **effects}


def get_repair(session: Session, repair_id: int, purpose: str) -> dict:
    """One request in full (applicant, targets, materials, deadlines, numbers); the look is logged (R14)."""
    session.require("repair.view")
    why = require_purpose(purpose)
    conn = session.ledger.conn
    r = _get(conn, repair_id)
    data = {**summary(r, session.desk.today()), **fx.detail_extra(conn, r)}
    with session.ledger.tx() as tx:
        session.audit(tx, "repair.view", "repair", repair_id, purpose=why)
    return data


def list_repairs(session: Session, *, state: str | None = None, subject_id: int | None = None,
                 limit: int = 200) -> list[dict]:
    """Requests by state or subject: ids, dates, states and deadlines only (no names, so no purpose)."""
    session.require("repair.list")
    today = session.desk.today()
    rows = [summary(r, today) for r in repo.search(session.read_conn, state=state, subject_id=subject_id,
                                                   limit=limit)]
    for field in ("finish_due", "decide_due"):  # R20: a date counted on weekends only says so
        deadline_calendar.mark_rows(session.desk, session.read_conn, "repair", rows, field)
    return rows


def mark_decision_non_repairable(session: Session, decision_id: int, *, basis: str | None) -> dict:
    """R13/R21: flag a 双公示 penalty decision a law or central policy makes non-repairable (basis cited); empty
    basis clears."""
    session.require("record.non_repairable")
    return fx.mark_decision_non_repairable(session, decision_id, (basis or "").strip() or None)


def repair_decisions(session: Session, subject_id: int) -> list[dict]:
    """R13/R21: the subject's 双公示 penalty decisions a repair application may name (published or due to publish,
    a published tier, not revoked), with the first day repair may be applied for; no party data (the subject is
    the caller's own choice). For the application form."""
    session.require("repair.apply")
    conn = session.read_conn
    s = core.get_subject(conn, subject_id)
    from credit_desk.domain import disclosure
    from credit_desk.store import disclosures
    out = []
    for x in disclosures.of_party(conn, s.id_number):
        try:
            disclosure.check_r13_decision_repairable(x, s.id_number)  # R13/R21: the same guard as the application
        except (DomainError, ValidationError):
            continue
        out.append({"id": x.id, "doc_number": x.doc_number, "authority": x.authority, "category": x.category,
                    "decision_date": x.decision_date.isoformat(), "tier": x.tier.value, "tier_zh": x.tier.zh,
                    "state": x.state.value, "state_zh": x.state.zh,
                    "earliest_repair": x.earliest_repair.isoformat() if x.earliest_repair else None})
    return out


def mark_non_repairable(session: Session, record_id: int, *, basis: str | None) -> dict:
    """R13: flag a record that a law or central policy makes non-repairable (basis cited); empty basis clears."""
    session.require("record.non_repairable")
    return fx.mark_non_repairable(session, record_id, (basis or "").strip() or None)


def summary(r: Repair, today: dt.date) -> dict:
    """A request as the CLI and the GUI list it (no applicant name)."""
    iso = (lambda d: d.isoformat() if d else None)
    open_ = r.state in OPEN_STATES
    return {"id": r.id, "subject_id": r.subject_id, "state": r.state.value, "state_zh": r.state.zh,
            "channel": r.channel.value, "channel_zh": r.channel.zh, "received_on": iso(r.received_on),
            "targets": [{"type": k, "id": i} for k, i in r.targets], "department": r.department,
            "tier": r.tier.value, "tier_zh": r.tier.zh, "rule_set_code": r.rule_set_code,
            "earliest_on": iso(r.earliest_on), "materials": [m.value for m in r.materials],
            "finish_due": iso(r.finish_due), "finish_overdue": open_ and today > r.finish_due,
            "decide_due": iso(r.decide_due),
            "decide_overdue": r.state is RepairState.ACCEPTED and r.decide_due is not None and today > r.decide_due,
            "accepted_on": iso(r.accepted_on), "accepted_by": r.accepted_by, "accept_number": r.accept_number,
            "not_accepted_on": iso(r.not_accepted_on), "not_accepted_reason": r.not_accepted_reason,
            "reject_number": r.reject_number, "decided_on": iso(r.decided_on), "decided_by": r.decided_by,
            "outcome": r.outcome, "refusal_reason": r.refusal_reason, "record_action": r.record_action,
            "decision_number": r.decision_number, "shared_at": r.shared_at, "reverted_on": iso(r.reverted_on),
            "commitment_id": r.commitment_id}
