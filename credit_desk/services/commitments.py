"""Credit commitments (R17) and interviews (R18): recorded, checked, and sent on like any other change."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

from credit_desk.domain.commitments import (Commitment, CommitmentType, Fulfilment, Interview, InterviewKind,
                                            breach_reason, check_plan_to_hold, is_breach, needs_flag)
from credit_desk.domain.fields import not_in_future, parse_enum, require_text
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.interviews import load_plan
from credit_desk.store import commitments as repo, interview_plans as plans_repo, subjects


def _state(obj) -> dict:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(obj).items()}


def _subject_exists(session: Session, subject_id: int) -> None:
    if subjects.get(session.ledger.conn, subject_id) is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。",
                          f"No subject with id {subject_id}.", field="subject_id")


def add_item(session: Session, code: str, name: str, type_: str, basis: str) -> dict:
    """Add an item to the office's commitment items list (信用承诺事项清单, R17)."""
    session.require("commitment.manage")
    t = parse_enum(CommitmentType, type_, "type", "承诺类型")
    code = require_text(code, "code", "事项编码", 32)
    if repo.item(session.ledger.conn, code):
        raise ValidationError("ITEM_EXISTS", f"事项编码 {code} 已存在。", f"Item {code} exists.", field="code")
    with session.ledger.tx() as tx:
        repo.add_item(tx, code, require_text(name, "name", "事项名称", 200), t, require_text(basis, "basis", "依据", 500))
        session.audit(tx, "commitment.item_add", "commitment_item", code)
        tx.change("commitment_item", code, "insert", {"code": code, "name": name, "type": t.value, "basis": basis})
    return repo.item(session.ledger.conn, code)


def record_commitment(session: Session, *, subject_id: int, item_code: str, made_on: date, content: str,
                      record_id: int | None = None) -> Commitment:
    """Record a subject's commitment under an item of the list (R17)."""
    session.require("commitment.manage")
    _subject_exists(session, subject_id)
    item = repo.item(session.ledger.conn, item_code)
    if not item or not item["active"]:
        raise ValidationError("R17_ITEM_UNKNOWN", f"承诺事项 {item_code} 不在本单位的信用承诺事项清单中。",
                              f"Commitment item {item_code} is not on the office's list.", field="item_code")
    c = Commitment(None, subject_id, item_code, CommitmentType(item["type"]),
                   not_in_future(made_on, session.desk.today(), "made_on", "承诺日期"),
                   require_text(content, "content", "承诺内容"), Fulfilment.PENDING, record_id)
    with session.ledger.tx() as tx:
        cid = repo.insert(tx, c, session.user.username)
        c = replace(c, id=cid)
        session.audit(tx, "commitment.add", "commitment", cid)
        tx.change("commitment", cid, "insert", _state(c))
    return c


def check_fulfilment(session: Session, commitment_id: int, fulfilment: str, checked_on: date) -> dict:
    """Record whether a commitment was kept; a breach puts the subject under key supervision (R17)."""
    session.require("commitment.manage")
    c = repo.get(session.ledger.conn, commitment_id)
    if c is None:
        raise DomainError("NOT_FOUND", f"没有编号为 {commitment_id} 的承诺记录。", f"No commitment {commitment_id}.")
    f = parse_enum(Fulfilment, fulfilment, "fulfilment", "履行情况")
    checked_on = not_in_future(checked_on, session.desk.today(), "checked_on", "核查日期")
    with session.ledger.tx() as tx:
        repo.set_fulfilment(tx, commitment_id, f, checked_on)
        session.audit(tx, "commitment.check", "commitment", commitment_id, detail={"fulfilment": f.value})
        tx.change("commitment", commitment_id, "update", _state(replace(c, fulfilment=f)))
        held = [fl["id"] for fl in repo.open_flags(tx.conn, c.subject_id)
                if fl["source_type"] == "commitment" and fl["source_id"] == c.id]
        flag = _breach(session, tx, c, f, checked_on) if needs_flag(f, held) else (
            held[0] if held and is_breach(f) else None)  # R17: the same breach keeps its one flag
        reverted = _repair_revert(session, tx, c, checked_on) if is_breach(f) else []
    return {"id": commitment_id, "fulfilment": f.value, "key_supervision_flag": flag, "repair_reverted": reverted}


def _repair_revert(session: Session, tx, c: Commitment, on: date) -> list[int]:
    """R17/R13: a broken repair-type commitment sends the repaired information back to its longest period."""
    from credit_desk.services import repair_effects  # the repair feature; late import keeps the layers acyclic
    return repair_effects.revert_after_breach(session, tx, c, on)


def _breach(session: Session, tx, c: Commitment, f: Fulfilment, on: date) -> int:
    """R17: a broken commitment puts the subject under key supervision (列入重点监管范围), for a period, with a
    numbered notice to the subject (``followups``)."""
    from credit_desk.services import followups  # due-list feature; late import keeps the layers acyclic
    reason = breach_reason(c.type, f)
    return followups.flag_breach_in_tx(session, tx, c.subject_id, reason, c.id, on)["id"]


def subject_commitments(session: Session, subject_id: int, purpose: str) -> dict:
    """A subject's commitments and open key-supervision flags. R14 查询使用登记: needs a stated ``purpose``
    (R14_PURPOSE_REQUIRED otherwise) and writes its ``commitment.view`` audit row."""
    session.require("commitment.view")
    why = require_purpose(purpose)
    conn = session.ledger.conn
    with session.ledger.tx() as tx:
        session.audit(tx, "commitment.view", "subject", subject_id, purpose=why)
    return {"commitments": [_state(c) for c in repo.for_subject(conn, subject_id)],
            "flags": repo.open_flags(conn, subject_id)}


def record_interview(session: Session, *, subject_id: int, kind: str, held_on: date, people: str, content: str,
                     outcome: str, reason: str, rectify_by: date | None = None, plan_id: int | None = None) -> Interview:
    """Record a reminder or warning interview with a subject that did not rectify in time (R18, 232号 (九)).

    ``plan_id``: the planned interview (``interviews.plan_interview``) this one held — closed by it in the same
    transaction (its ``interview.held`` audit row and ``interview_plan`` "held" change), or nothing is written:
    DomainError INTERVIEW_PLAN_NOT_FOUND, R18_PLAN_OTHER_SUBJECT, R18_PLAN_OTHER_KIND, R18_PLAN_HELD_BEFORE_PLAN or
    R18_PLAN_HELD (``check_plan_to_hold``)."""
    session.require("interview.manage")
    _subject_exists(session, subject_id)
    i = Interview(None, subject_id, parse_enum(InterviewKind, kind, "kind", "约谈类型"),
                  not_in_future(held_on, session.desk.today(), "held_on", "约谈日期"),
                  require_text(people, "people", "参加人员", 500), require_text(content, "content", "约谈内容"),
                  require_text(outcome, "outcome", "约谈结果", 1000),
                  require_text(reason, "reason", "约谈事由（逾期未整改的事项）", 500), rectify_by)
    if rectify_by and rectify_by <= held_on:
        raise ValidationError("DATE_ORDER", "整改期限须晚于约谈日期。", "The rectification deadline must follow the "
                              "interview date.", field="rectify_by")
    with session.ledger.tx() as tx:
        if plan_id is not None:  # read inside the transaction: held by no other interview in between
            check_plan_to_hold(load_plan(session.ledger.conn, plan_id), subject_id, i.kind, i.held_on)
        iid = repo.insert_interview(tx, i, session.user.username)
        i = replace(i, id=iid)
        session.audit(tx, "interview.add", "interview", iid)
        tx.change("interview", iid, "insert", _state(i))  # R18: the record goes to the platform
        if plan_id is not None:
            plans_repo.link_interview(tx, plan_id, iid)
            session.audit(tx, "interview.held", "interview_plan", plan_id, detail={"interview": iid})
            tx.change("interview_plan", plan_id, "held", {"id": plan_id, "interview_id": iid})
    return i


def subject_interviews(session: Session, subject_id: int, purpose: str) -> list[dict]:
    """A subject's interview records. R14 查询使用登记: needs a stated ``purpose`` (R14_PURPOSE_REQUIRED
    otherwise) and writes its ``interview.view`` audit row."""
    session.require("commitment.view")
    why = require_purpose(purpose)
    with session.ledger.tx() as tx:
        session.audit(tx, "interview.view", "subject", subject_id, purpose=why)
    return [_state(i) for i in repo.interviews_for(session.ledger.conn, subject_id)]
