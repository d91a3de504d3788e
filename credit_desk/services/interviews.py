"""Planned interviews (约谈, R18): the invitation (约谈通知书) sent before a reminder or warning interview.

The interview record itself (date, people, content, outcome) is ``commitments.record_interview``; a plan
names the time, place, matter, basis and what to bring, takes its notice number from the document register
(``doc_numbers``), and is closed by the record of the interview that held it (``record_interview(..., plan_id=)``, one
transaction). Plans travel to the platform like
any other change (entity ``interview_plan``).
"""

from __future__ import annotations

from datetime import datetime

from credit_desk.domain.commitments import InterviewKind
from credit_desk.domain.fields import parse_enum, require_text
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.services import doc_numbers
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import interview_plans as repo
from credit_desk.store import subjects


def plan_interview(session: Session, *, subject_id: int, kind: str, planned_at: datetime, place: str,
                   matter: str, basis: str, bring: list[str]) -> dict:
    """Plan a reminder or warning interview (R18) and number its invitation in the register."""
    session.require("interview.manage")
    if subjects.get(session.ledger.conn, subject_id) is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。",
                          f"No subject with id {subject_id}.", field="subject_id")
    k = parse_enum(InterviewKind, kind, "kind", "约谈类型")
    if planned_at <= session.desk.now():
        raise ValidationError("R18_PLAN_IN_PAST", f"约谈时间（{planned_at:%Y-%m-%d %H:%M}）须晚于现在：约谈通知书在约谈前送达。",
                              "The interview must be planned for a time after now.", field="planned_at")
    items = [require_text(b, "bring", "需携带的材料", 200) for b in bring]
    if not items:
        raise ValidationError("FIELD_REQUIRED", "请写明需携带的材料。",
                              "Name what to bring.", cli="--bring（可重复）", field="bring")
    values = {"place": require_text(place, "place", "约谈地点", 200),
              "matter": require_text(matter, "matter", "约谈事由", 1000),
              "basis": require_text(basis, "basis", "约谈依据", 500)}
    with session.ledger.tx() as tx:
        pid = repo.insert(tx, subject_id=subject_id, kind=k.value, planned_at=planned_at, bring=items,
                          username=session.user.username, **values)
        number = doc_numbers.reserve_in_tx(session, tx, "interview_notice", "interview_plan", pid,
                                           session.desk.today())
        session.audit(tx, "interview.plan", "interview_plan", pid)
        tx.change("interview_plan", pid, "insert", {"id": pid, "subject_id": subject_id, "kind": k.value,
                                                    "planned_at": planned_at.isoformat(timespec="minutes"),
                                                    "notice_number": number})
    return {**repo.get(session.ledger.conn, pid), "notice_number": number}


def get_plan(session: Session, plan_id: int, purpose: str) -> dict:
    """One planned interview (subject, matter, place). R14 查询使用登记: needs a stated ``purpose``
    (R14_PURPOSE_REQUIRED otherwise) and writes its ``interview_plan.view`` audit row; DomainError
    INTERVIEW_PLAN_NOT_FOUND for an unknown id."""
    session.require("commitment.view")
    why = require_purpose(purpose)
    plan = load_plan(session.ledger.conn, plan_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "interview_plan.view", "interview_plan", plan_id, purpose=why)
    return plan


def load_plan(conn, plan_id: int) -> dict:
    """The plan for a caller inside its own checked, logged act (an interview held against it, printing its notice)."""
    plan = repo.get(conn, plan_id)
    if plan is None:
        raise DomainError("INTERVIEW_PLAN_NOT_FOUND", f"没有编号为 {plan_id} 的约谈安排。",
                          f"No planned interview {plan_id}.", field="interview")
    return plan

