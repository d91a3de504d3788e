"""Entering, publishing and ending 双公示 decisions (R6, R13, R15, R21); the due-list source for their deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from credit_desk.domain import disclosure as d
from credit_desk.domain.due import DueItem, DueKind, is_overdue
from credit_desk.domain.errors import DomainError
from credit_desk.domain.masking import mask_subject_name
from credit_desk.domain.roles import check_four_eyes
from credit_desk.domain.rulesets import rule_set_in_force
from credit_desk.services import workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.due import register_source
from credit_desk.store import disclosures as repo
from credit_desk.store import reference

ENTITY = "admin_decision"
LIMIT_NAME = "publish_licence_penalty_workdays"


def prepare(session: Session, raw: dict) -> d.AdminDecision:
    """The checked decision with its deadline and period, or ValidationError naming every bad field (R21)."""
    decision, errors = d.check_decision(raw, session.desk.today())
    if errors:
        raise d.first_error(errors)
    return with_deadline(session, decision)


def with_deadline(session: Session, decision: d.AdminDecision, cal=None, rule_sets=None) -> d.AdminDecision:
    """R6/R21: due 7 working days (rule set, R20) after the decision, on the office's calendar; R13: the period.
    ``cal``/``rule_sets``: read once by a caller doing many (an import), else read here."""
    rs = rule_set_in_force(rule_sets if rule_sets is not None else reference.rule_sets(session.ledger.conn),
                           decision.decision_date)
    cal = cal or workdays.calendar(session.desk)
    due = cal.add_workdays(decision.decision_date, rs.limit(LIMIT_NAME)).date
    return d.with_periods(decision, rs, due)


def _limit(conn, decision: d.AdminDecision):
    """R6/R21: the working days of the rule set in force on the decision date (lazy: read only when needed)."""
    return lambda: rule_set_in_force(reference.rule_sets(conn), decision.decision_date).limit(LIMIT_NAME)


def save_in_tx(session: Session, tx, decision: d.AdminDecision, how: str = "entry") -> d.AdminDecision:
    """Insert with its audit row and change-log row (the report to the platform travels in the next bundle)."""
    if repo.exists(tx.conn, decision.authority_uscc, decision.doc_number):
        raise d.refuse_duplicate(decision.doc_number)
    did = repo.insert(tx, decision, session.user.username)
    saved = replace(decision, id=did)
    from credit_desk.services import deadline_calendar
    deadline_calendar.note(session, tx, ENTITY, did, "publish_due", decision.decision_date, _limit(tx.conn, decision),
                           decision.publish_due)  # R20: which calendar the 7 working days were counted on
    session.audit(tx, "disclosure.add", ENTITY, did, detail={"kind": decision.kind.value, "how": how,
                                                              "publish_due": saved.publish_due.isoformat()})
    tx.change(ENTITY, did, "insert", saved.to_state())
    from credit_desk.services.disclosure import notices
    if notices.needs_repair_notice(saved):  # R13 两书同达: the 信用修复告知书's number is taken with the penalty
        from credit_desk.services import doc_numbers
        doc_numbers.reserve_in_tx(session, tx, notices.DOC_TYPE, ENTITY, did, session.desk.today())
    return saved


def add_decision(session: Session, raw: dict) -> dict:
    """Register one decision entered by hand; returns its public (masked, R15) row with the deadline."""
    session.require("disclosure.manage")
    decision = prepare(session, raw)
    with session.ledger.tx() as tx:
        saved = save_in_tx(session, tx, decision)
    return public(saved)


def public(decision: d.AdminDecision) -> dict:
    """R15: the row as lists, messages and exports show it (a person's name and personal IDs masked)."""
    return {**decision.public_row(), "state_zh": decision.state.zh, "kind_zh": decision.kind.zh,
            "tier_zh": decision.tier.zh if decision.tier else ""}


def list_decisions(session: Session, *, kind: str | None = None, state: str | None = None, text: str = "",
                   after_id: int = 0, limit: int = 200, purpose: str | None = None) -> list[dict]:
    """One page of the register, masked (R15). R14 查询使用登记: a search by text (a party's name, an ID number, a
    文号) states its ``purpose`` and is logged, as every search of personal data is."""
    session.require("disclosure.view")
    if (text or "").strip():
        why = require_purpose(purpose)
        with session.ledger.tx() as tx:
            session.audit(tx, "disclosure.search", "query", text.strip(), purpose=why, detail={"area": "disclosure"})
    return [public(x) for x in repo.page(session.ledger.conn, kind=kind, state=state, text=text,
                                         after_id=after_id, limit=limit)]


def list_page(session: Session, reader, spec) -> list[dict]:
    """One keyset page (by id) for the window's lazy table, read on ``reader``'s own connection; masked (R15)."""
    session.require("disclosure.view")
    after = spec.after[1] if spec.after else 0
    from credit_desk.services import deadline_calendar
    with reader.lease() as conn:
        rows = [public(x) for x in repo.page(conn, after_id=after, limit=spec.limit)]
        return deadline_calendar.mark_rows(session.desk, conn, ENTITY, rows, "publish_due")  # R20: said, not silent


def tallies(session: Session) -> dict:
    """{total, late}: decisions registered, and those still unpublished after their 7-working-day date (R6)."""
    session.require("disclosure.view")
    return repo.tallies(session.read_conn, session.desk.today())


def show_decision(session: Session, decision_id: int, purpose: str) -> dict:
    """R14: one decision in full, with the purpose logged (查询使用登记)."""
    session.require("disclosure.view")
    why = require_purpose(purpose)
    decision = _get(session, decision_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "disclosure.view", ENTITY, decision_id, purpose=why)
    return {**decision.to_state(), "state_zh": decision.state.zh}


def _get(session: Session, decision_id: int) -> d.AdminDecision:
    decision = repo.get(session.ledger.conn, decision_id)
    if decision is None:
        raise DomainError("DECISION_NOT_FOUND", f"没有编号为 {decision_id} 的许可或处罚决定。",
                          f"No decision {decision_id}.", field="decision_id")
    return decision


def publish(session: Session, ids: list[int], on: dt.date | None = None) -> list[dict]:
    """R21: the office checked and published these decisions (a slight-tier penalty is recorded as not
    published, R13). Four eyes: whoever registered a decision does not publish it."""
    session.require("disclosure.publish")
    today = session.desk.today()
    day = on or today
    conn = session.ledger.conn
    decisions = [_get(session, i) for i in ids]
    for x in decisions:
        _check_publishable(conn, session, x, day, today)
    out = []
    with session.ledger.tx() as tx:
        for x in decisions:
            state = d.DecisionState.PUBLISHED if d.publishable(x) else d.DecisionState.NOT_PUBLISHED
            repo.set_state(tx, x.id, state, published_on=day)
            done = replace(x, state=state, published_on=day)
            session.audit(tx, "disclosure.publish", ENTITY, x.id, detail={"state": state.value, "on": day.isoformat()})
            tx.change(ENTITY, x.id, "publish", done.to_state())
            out.append(public(done))
    return out


def revoke(session: Session, decision_id: int, *, reason: str, on: dt.date | None = None) -> dict:
    """R3: the decision was revoked — it leaves publication at once (due list, upload sheet, the platform through
    the next bundle) and its 信用修复告知书 is no longer printed; an open repair request about nothing but it ends
    (R13: nothing is left to repair). Audited with the reason."""
    session.require("disclosure.manage")
    today = session.desk.today()
    day = on or today
    x = _get(session, decision_id)
    why = d.check_revocation(x, reason, day, today)
    done = replace(x, state=d.DecisionState.REVOKED, ended_on=day)
    with session.ledger.tx() as tx:
        repo.set_state(tx, x.id, d.DecisionState.REVOKED, ended_on=day)
        session.audit(tx, "disclosure.revoke", ENTITY, x.id, detail={"reason": why, "on": day.isoformat()})
        tx.change(ENTITY, x.id, "revoke", {**done.to_state(), "revoke_reason": why})
        from credit_desk.services import repair_effects  # the repair feature; late import keeps the layers acyclic
        closed = repair_effects.close_with_revoked_decision(session, tx, x.id)  # R3 with R13
    return {**public(done), "repairs_closed": closed}


def correct(session: Session, decision_id: int, changes: dict, *, reason: str) -> dict:
    """R21 (att19d): the department corrected a decision it sent (a wrong amount, a misspelt name, a mistyped
    code): the register takes the corrected elements — checked as entry by hand, the deadline and period
    recomputed from them — keeps the decision's state, and reports the correction to the platform in the next
    bundle (change row ``correct``; the platform's acknowledgement is asked for again on the due list). Audited
    with the reason and the elements changed. ``changes``: {element key: value} of ``domain.disclosure.FIELDS``."""
    session.require("disclosure.manage")
    old = _get(session, decision_id)
    unknown = sorted(set(changes or {}) - set(d.FIELD_BY_KEY))
    if unknown:
        raise DomainError("FIELD_UNKNOWN", f"没有这些数据项：{'、'.join(unknown)}。", f"Unknown elements: {', '.join(unknown)}.",
                          field=unknown[0])
    new = prepare(session, {**d.as_raw(old), **changes})
    why, changed = d.check_correction(old, new, reason)
    conn = session.ledger.conn
    from credit_desk.services.disclosure import notices
    from credit_desk.store import documents as docs_repo
    served = docs_repo.latest_issued(conn, notices.DOC_TYPE, ENTITY, old.id)
    d.check_notice_still_true(changed, served and served["number"])   # R13 两书同达
    from credit_desk.domain.repairs import OPEN_STATES
    from credit_desk.store import repairs as repairs_repo
    pending = [r.id for r in repairs_repo.with_target(conn, "decision", old.id) if r.state in OPEN_STATES]
    d.check_r13_not_under_repair(changed, pending)   # R13: not under a repair being judged
    if (new.authority_uscc, new.doc_number) != (old.authority_uscc, old.doc_number) and repo.exists(
            conn, new.authority_uscc, new.doc_number):
        raise d.refuse_duplicate(new.doc_number)
    done = replace(new, id=old.id, state=old.state, published_on=old.published_on, ended_on=old.ended_on,
                   reported_at=None)
    with session.ledger.tx() as tx:
        repo.update(tx, done)
        if done.publish_due != old.publish_due:
            from credit_desk.services import deadline_calendar
            deadline_calendar.note(session, tx, ENTITY, done.id, "publish_due", done.decision_date,
                                   _limit(tx.conn, done), done.publish_due)   # R20: the calendar counted on
        session.audit(tx, "disclosure.correct", ENTITY, done.id, detail={"reason": why, "changed": changed})
        tx.change(ENTITY, done.id, "correct", {**done.to_state(), "correct_reason": why, "corrected": changed})
    return {**public(done), "changed": changed}


def _check_publishable(conn, session: Session, x: d.AdminDecision, day: dt.date, today: dt.date) -> None:
    d.check_may_publish(x)   # R21: from the register's waiting state only
    if not x.decision_date <= day <= today:
        raise DomainError("DATE_ORDER", f"公示日期{day.isoformat()}须在决定日期{x.decision_date.isoformat()}与今天之间。",
                          f"The publication date must lie between the decision date and today.", field="on")
    if d.publication_over(x, day):  # R13: a period already over is never started
        raise DomainError("R13_PUBLICATION_OVER", f"决定{x.id}的最长公示期已于{x.publication_end.isoformat()}届满，不再公示。",
                          f"Decision {x.id}'s longest publication period ended on {x.publication_end}.",
                          field="decision_id")
    check_four_eyes(repo.created_by(conn, x.id), session.user.username)


def stop_ended(session: Session, today: dt.date | None = None) -> list[int]:
    """R13: a penalty's publication stops by itself the day after its longest period — a published one, and one
    never published by then (registered late, or left waiting), which could no longer be published (R13) and
    would stay overdue on the due list for ever (R6); returns the decisions ended."""
    day = today or session.desk.today()
    ledger = session.ledger
    if ledger.read_only or getattr(ledger, "attention", None) is not None:
        return []
    if not repo.ended_unstopped(ledger.conn, day):  # nothing to record: no transaction (run by every command)
        return []
    with ledger.tx() as tx:
        return stop_ended_in_tx(session, tx, day)


def stop_ended_in_tx(session: Session, tx, today: dt.date) -> list[int]:
    ended = []
    for x in repo.ended_unstopped(tx.conn, today):
        stop = x.publication_end + dt.timedelta(days=1)
        repo.set_state(tx, x.id, d.DecisionState.ENDED, ended_on=stop)
        tx.change(ENTITY, x.id, "publication_stop", replace(x, state=d.DecisionState.ENDED, ended_on=stop).to_state())
        ended.append(x.id)
    if ended:
        session.audit(tx, "disclosure.publication_stop", "ledger", session.ledger.ledger_id,
                      detail={"on": today.isoformat(), "decisions": ended})
    return ended


@register_source
def publish_deadlines(conn, today: dt.date):
    """R6/R21: decisions not yet published, or not yet acknowledged by the platform, due 7 working days after
    the decision."""
    rule_sets = reference.rule_sets(conn)
    for x in repo.open_deadlines(conn):
        # R15: the due list is masked too — the party's name as public_row shows it, without public_row's masking of
        # every free text (issue 18: a regex compiled per name; 3,000 imported decisions froze the dashboard ~1 s)
        who = mask_subject_name(x.party_kind, x.party_name)
        days = rule_set_in_force(rule_sets, x.decision_date).limit(LIMIT_NAME)   # R20: the label says the rule's
        step_zh, step_en = _step(x)
        yield DueItem(DueKind.PUBLISH_DECISION.value, ENTITY, x.id, x.publish_due, is_overdue(x.publish_due, today),
                      f"{x.kind.zh}决定{x.doc_number}（{who}）须于{x.publish_due.isoformat()}前{step_zh}（{days}个工作日）",
                      f"{x.kind.value} decision {x.doc_number}: {step_en} by {x.publish_due.isoformat()} "
                      f"({days} working days)")


def _step(x: d.AdminDecision) -> tuple[str, str]:
    """What the due list asks for: publish and report; for a slight penalty (R13: normally not published) record
    it as not published and report it; or, once done, the platform's acknowledgement."""
    if x.state is not d.DecisionState.REGISTERED:
        return "报送平台（待平台确认）", "report (awaiting the platform)"
    if not d.publishable(x):
        return "登记为不予公示（轻微）并报送平台", "record as not published (slight) and report"
    return "公示并报送平台", "publish and report"
