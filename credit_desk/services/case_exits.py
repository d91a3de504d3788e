"""退出 exits from a list (R12) and the automatic expiry check (way 3), run on start and on demand."""

from __future__ import annotations

import datetime as dt

from credit_desk.domain.cases import CaseState, ExitWay
from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.list_rules import (ExitInput, basis_revoked_end_overdue, basis_revoked_exit,
                                           check_r12_way1_two_people, check_r12_way2_through_repair, expired,
                                           expiry_exit_date)
from credit_desk.domain.procedure import check_r5_date
from credit_desk.domain.roles import allowed
from credit_desk.services import case_core as core
from credit_desk.services import departments
from credit_desk.services.base import Session
from credit_desk.store import cases as repo
from credit_desk.store import meta

LAST_CHECK_KEY = "expiry_checked_on"


def _way(value) -> ExitWay:
    try:
        way = ExitWay(str(value))
    except ValueError:
        way = None
    if way is None or way is ExitWay.BLACK_LISTED:
        raise ValidationError("R12_WAY", "移出方式应为 1（误列撤销）、2（修复后提前移出）、3（期满）或 4（标准改变）。",
                              "The exit way must be 1, 2, 3 or 4.", field="way")
    return way


def exit_case(session: Session, case_id: int, *, way, exit_on: dt.date | None = None, consent=None,
              standard_change=None, apology_number=None, apology_on=None, watch_months=None, note=None,
              warning_letter_number=None) -> dict:
    """End a listing by way 1–4 (R12): announcement, measures stopped, watch list after a black list.
    ``warning_letter_number``: the hand-issued number of the watch listing's warning letter served on paper on the
    exit day (R5: else the register numbers it today, dated today)."""
    session.require("case.exit")
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    check_r12_way1_two_people(_way(way))  # R12 way 1 goes through services.withdrawals
    check_r12_way2_through_repair(_way(way))  # R12 way 2 / R13: only a repair decision ends a listing early
    today = session.desk.today()
    if exit_on is None and _way(way) is ExitWay.EXPIRED and case.valid_until and case.valid_until < today:
        exit_on = expiry_exit_date(case)  # R12 way 3: the day after the validity ended
    on = check_r5_date(exit_on or today, today=today, after=case.decided_on, field="exit_on", label="移出日期",
                       after_label="认定决定")  # R5 dates
    ex = ExitInput(_way(way), on, consent=consent, standard_change=standard_change,
                   apology_number=apology_number, apology_on=apology_on, watch_months=watch_months, note=note,
                   warning_letter_number=warning_letter_number)
    if ex.way is ExitWay.REPAIRED or ex.way is ExitWay.STANDARD_CHANGED:
        _check_not_drafter(case, session)
    if ex.way is ExitWay.STANDARD_CHANGED and departments.issuer_for(conn, "case", case_id) is not None:
        departments.case_decider_department(session, case)  # R4 谁认定、谁负责: the department ends its own listing
    with session.ledger.tx() as tx:
        return core.exit_in_tx(session, tx, case, ex)


def _check_not_drafter(case, session: Session) -> None:
    """Four eyes: an early exit is the deciding department's consent, never the drafter's own."""
    if case.created_by == session.user.username:
        raise DomainError("FOUR_EYES", "起草人不能批准自己起草的案件提前移出，请由另一位人员办理。",
                          "The drafter cannot approve their own case's early exit.", field="exited_by")


def expire_listings(session: Session, on: dt.date | None = None) -> list[dict]:
    """R12 way 3: every listing whose validity has ended leaves its list, each with its announcement; R3: so does
    every listing whose basis records were all revoked and whose end deadline passed (way 4, no watch list).

    Issue 19: a listing that cannot lawfully leave (R12: a black listing without the watch period that follows
    its exit, from whatever source) does not stop the others. Each exit is checked first (``case_core.check_exit``,
    the checks ``exit_in_tx`` makes before it writes) and each lawful one leaves in its own transaction: a refusal
    met only while writing (e.g. its announcement's or warning letter's number, R5) rolls back that exit alone —
    one transaction for the whole run let one such error undo every exit of the day, at every login. The refused
    one is reported as ``{"case_id", "refused": code, "zh", "en"}`` and stays listed and due; the run's own audit
    row (``case.expire``) and the day's mark follow in a last transaction. Not a savepoint rolled back per case:
    the audit chain's head is kept in the transaction and would no longer match the rows. A crash half-way leaves
    the exits made so far (each whole) and the day unmarked: the next start runs the rest."""
    session.require("case.expire")
    today = check_r5_date(on or session.desk.today(), today=session.desk.today(), after=None, field="on",
                          label="届满检查日期")  # R12 way 3: never a future date (a clerk moved listings off early)
    listed = repo.by_state(session.ledger.conn, [CaseState.LISTED])
    due = [(c, ExitInput(ExitWay.EXPIRED, expiry_exit_date(c), note="有效期届满自动移出"))
           for c in listed if expired(c, today)]  # R12 way 3: dated the day after the validity ended
    due += [(c, basis_revoked_exit(c)) for c in listed if basis_revoked_end_overdue(c, today) and not expired(c, today)]
    done, refused = [], []
    for case, ex in due:
        outcome = _refusal(session, case, ex) or _exit_alone(session, case, ex)
        if outcome.get("refused"):
            refused.append(outcome)
        else:
            done.append({**outcome, "basis_revoked": True} if ex.way is not ExitWay.EXPIRED else outcome)
    with session.ledger.tx() as tx:
        meta.set_meta(tx, LAST_CHECK_KEY, today.isoformat())
        session.audit(tx, "case.expire", "ledger", session.ledger.ledger_id,
                      detail={"on": today.isoformat(), "exited": [d["case_id"] for d in done],
                              "basis_revoked": [d["case_id"] for d in done if d.get("basis_revoked")],
                              "refused": [{"case_id": r["case_id"], "code": r["refused"]} for r in refused]})
    return done + refused


def _exit_alone(session: Session, case, ex: ExitInput) -> dict:
    """One exit in its own transaction; a rule refusal met while writing is reported like ``_refusal``'s."""
    try:
        with session.ledger.tx() as tx:
            return core.exit_in_tx(session, tx, case, ex)
    except (DomainError, ValidationError) as exc:
        return _refused(case, exc)


def _refusal(session: Session, case, ex: ExitInput) -> dict | None:
    """Issue 19 / R12: why ``case`` cannot leave its list now (None when it can), in both languages."""
    try:
        core.check_exit(session, case, ex)
    except (DomainError, ValidationError) as exc:
        return _refused(case, exc)
    return None


def _refused(case, exc: DomainError | ValidationError) -> dict:
    return {"case_id": case.id, "refused": exc.code,
            "zh": f"案件{case.id}（{case.list_type.zh}）未能移出：{exc.zh}",
            "en": f"Case {case.id} ({case.list_type.value} list) could not leave its list: {exc.en}"}


def daily_check(session: Session) -> list[dict] | None:
    """The on-start check: records ended publications (R13), then runs the expiry check once a day; None when
    the expiry check already ran or the role may not."""
    conn = session.ledger.conn
    today = session.desk.today()
    if not session.ledger.read_only:
        from credit_desk.services import publication
        publication.stop_ended(session, today)  # R13: publication stops by itself, whatever the user's role
        from credit_desk.services.disclosure import register as disclosure
        disclosure.stop_ended(session, today)  # R13: a penalty's 双公示 publication ends by itself too
        from credit_desk.services import deadline_calendar
        deadline_calendar.recheck(session)  # R20: a year the calendar library now carries (an upgrade)
    if meta.get_meta(conn, LAST_CHECK_KEY) == today.isoformat() or session.ledger.read_only:
        return None
    if not allowed(session.user.role, "case.expire"):
        return None
    return expire_listings(session, today)
