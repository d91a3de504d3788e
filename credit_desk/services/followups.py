"""Follow-ups on the due list: key-supervision flags after a broken commitment (R17) and the rectification
deadline an interview set (R18).

R17 (苏府办〔2020〕232号 (一)): a subject that broke a commitment is put under key supervision (列入重点监管范围).
The seeds give no period, so the period is a local setting (``commitment.supervision_months``, default 12
months); the flag carries its end, is lifted by a named user with a reason (``lift_flag``) or falls due on the
due list at its end, and the subject is told by a numbered notice (``supervision_notice``) whose number is taken
when the flag is set.
R18 (232号 (九)): an interview's ``rectify_by`` date is on the due list until the rectification is recorded
(``record_rectified``); past it, the item is overdue.
"""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.due import DueItem, is_overdue
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.fields import not_in_future, require_text
from credit_desk.domain.rulesets import add_months
from credit_desk.services import doc_numbers
from credit_desk.services.base import Session
from credit_desk.services.due import register_source
from credit_desk.store import commitments as repo
from credit_desk.store import meta

SUPERVISION_MONTHS_SETTING = "commitment.supervision_months"
DEFAULT_SUPERVISION_MONTHS = 12  # local setting: 232号 (一) names key supervision but no period
FLAG_NOTICE = "supervision_notice"


def supervision_months(conn) -> int:
    value = meta.get_setting(conn, SUPERVISION_MONTHS_SETTING)
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 60
    return value if ok else DEFAULT_SUPERVISION_MONTHS


def flag_breach_in_tx(session: Session, tx, subject_id: int, reason: str, commitment_id: int,
                      on: dt.date) -> dict:
    """R17: the flag with its period, and the number of the notice that tells the subject (same transaction)."""
    until = add_months(on, supervision_months(tx.conn))
    fid = repo.add_flag(tx, subject_id, reason, "commitment", commitment_id, on, until)
    number = doc_numbers.reserve_in_tx(session, tx, FLAG_NOTICE, "supervision_flag", fid, on)
    session.audit(tx, "supervision.flag", "subject", subject_id,
                  detail={"reason": reason, "commitment": commitment_id, "until": until.isoformat()})
    tx.change("supervision_flag", fid, "insert", {"id": fid, "subject_id": subject_id, "reason": reason,
                                                  "source": f"commitment:{commitment_id}", "since": on.isoformat(),
                                                  "until": until.isoformat(), "notice_number": number})
    return {"id": fid, "until": until.isoformat(), "notice_number": number}


def lift_flag(session: Session, flag_id: int, *, reason: str, on: dt.date | None = None) -> dict:
    """R17: end key supervision — at the end of its period or earlier on a stated reason; never silently."""
    session.require("commitment.manage")
    conn = session.ledger.conn
    f = repo.flag(conn, flag_id)
    if f is None:
        raise DomainError("FLAG_NOT_FOUND", f"没有编号为 {flag_id} 的重点监管标记。", f"No supervision flag {flag_id}.",
                          field="flag_id")
    if f["cleared_on"]:
        raise DomainError("FLAG_LIFTED", f"重点监管标记{flag_id}已于{f['cleared_on']}解除。",
                          f"Flag {flag_id} was lifted on {f['cleared_on']}.", field="flag_id")
    day = not_in_future(on or session.desk.today(), session.desk.today(), "on", "解除日期")
    if day < dt.date.fromisoformat(f["since"]):
        raise ValidationError("DATE_ORDER", "解除日期不能早于列入日期。", "The lift cannot precede the flag.", field="on")
    why = require_text(reason, "reason", "解除理由（期满或已整改的情况）", 500)
    with session.ledger.tx() as tx:
        repo.lift_flag(tx, flag_id, day, why, session.user.username)
        session.audit(tx, "supervision.lift", "subject", f["subject_id"], detail={"flag": flag_id})
        tx.change("supervision_flag", flag_id, "lift", {**f, "cleared_on": day.isoformat(), "lift_reason": why,
                                                        "lifted_by": session.user.username})
    return {**f, "cleared_on": day.isoformat(), "lift_reason": why}


def record_rectified(session: Session, interview_id: int, *, note: str, on: dt.date | None = None) -> dict:
    """R18: the subject rectified after the interview; closes its due item."""
    session.require("interview.manage")
    row = repo.interview_row(session.ledger.conn, interview_id)
    if row is None:
        raise DomainError("INTERVIEW_NOT_FOUND", f"没有编号为 {interview_id} 的约谈记录。",
                          f"No interview {interview_id}.", field="interview_id")
    day = not_in_future(on or session.desk.today(), session.desk.today(), "on", "整改完成日期")
    if day < dt.date.fromisoformat(row["held_on"]):
        raise ValidationError("DATE_ORDER", "整改完成日期不能早于约谈日期。", "Rectification cannot precede the interview.",
                              field="on")
    text = require_text(note, "note", "整改情况", 1000)
    with session.ledger.tx() as tx:
        repo.set_rectified(tx, interview_id, day, text)
        session.audit(tx, "interview.rectified", "interview", interview_id)
        tx.change("interview", interview_id, "rectified", {"id": interview_id, "subject_id": row["subject_id"],
                                                           "rectified_on": day.isoformat(), "note": text})
    return {**row, "rectified_on": day.isoformat(), "rectified_note": text}


@register_source
def supervision_ends(conn, today: dt.date):
    """R17: each open key-supervision flag, due at the end of its period (overdue: not lifted since)."""
    for f in repo.all_open_flags(conn):
        if not f["until"]:
            continue
        until = dt.date.fromisoformat(f["until"])
        yield DueItem("supervision", "supervision_flag", f["id"], until, is_overdue(until, today),
                      f"主体{f['subject_id']}重点监管（{f['reason']}）至{until.isoformat()}期满，期满后解除",
                      f"Subject {f['subject_id']}: key supervision ends {until.isoformat()}; lift it then")


@register_source
def interview_rectifications(conn, today: dt.date):
    """R18: the rectification deadline an interview set, until the rectification is recorded."""
    for iid, sid, kind, by, reason in repo.interviews_to_rectify(conn):
        zh_kind = {"reminder": "提示约谈", "warning": "警示约谈"}.get(kind, kind)
        yield DueItem("interview_rectify", "interview", iid, by, is_overdue(by, today),
                      f"约谈{iid}（{zh_kind}，主体{sid}）要求于{by.isoformat()}前整改：{reason}",
                      f"Interview {iid} (subject {sid}): rectify by {by.isoformat()}")
