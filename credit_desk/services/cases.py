"""认定案件 listing cases: open, edit a draft, serve the prior notice, decide (R4–R11), show and list.

Exits and the expiry check are in ``case_exits``; objections in ``objections``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from credit_desk.domain.cases import (DEFAULT_REMEDIES, DEFAULT_REMOVAL_CONDITIONS, OPEN_STATES,
                                      PROPOSAL_FIELDS, TIER_MAX_SEVERITY, Case, CaseState, Event, ExitWay, ListType, MeasureScope,
                                      check_decider, check_r4_black_scope, check_r4_department_level,
                                      check_r4_given_fields, check_r5_decision_parts, check_r5_may_decide,
                                      check_r7_entry, check_r8_measures, next_state, r5_first_decision_day)
from credit_desk.domain.errors import DomainError, ValidationError, raise_collected
from credit_desk.domain.ids import SubjectKind
from credit_desk.domain.list_rules import (RED_PUBLICATION_WORKDAYS, ExitInput, check_r4_black_basis,
                                           check_r10_red_candidate, check_r11_watch_basis, check_r11_watch_entry,
                                           check_r12_watch_months,
                                           notice_document, red_removal_note, removes_red_entries)
from credit_desk.domain.objections import Target
from credit_desk.domain.procedure import (check_not_listed_reason, check_r1_document_effective, check_r1_rests_on_records,
                                          check_r5_date, check_r5_grounds_as_records, check_r5_notice_frozen,
                                          check_r5_decided_after_issue, check_r5_repair_notice_with_decision,
                                          check_r5_served_after_issue,
                                          notice_changes, stale_grounds,
                                          with_clerk_wording)
from credit_desk.domain.publication import check_r13_still_published, check_r13_validity_cap, validity_cap
from credit_desk.domain.record_rules import Record, status_zh
from credit_desk.services import deadline_calendar
from credit_desk.services import case_core as core
from credit_desk.services import departments, doc_numbers, workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.services.case_view import detail_dict
from credit_desk.store import cases as repo
from credit_desk.store import dishonesty_records as records_repo
from credit_desk.store import meta, objections as objections_repo, reference

EDITABLE = ("department", "department_level", "domain", "ground", "standard", "standard_kind", "facts", "basis",
            "valid_until", "warning_letter", "post_exit_watch_months", "channel")


def _list_type(value) -> ListType:
    try:
        return ListType(value)
    except ValueError:
        raise ValidationError("LIST_TYPE", "名单类型应为 black（严重失信）、watch（重点关注）或 red（守信激励）。",
                              "The list type must be black, watch or red.", field="list_type") from None


def _records(conn, subject_id: int, record_ids, on: dt.date | None = None) -> list[Record]:
    """The records a case rests on: the subject's own, approved (R9), still effective (R3), their basis
    document legally effective on ``on`` (R1) and their publication not ended before ``on`` (R13)."""
    found = []
    for rid in dict.fromkeys(record_ids):
        r = records_repo.get(conn, rid)
        if r is None or r.subject_id != subject_id:
            raise ValidationError("CASE_RECORD", f"失信信息{rid}不存在或不属于该主体。",
                                  f"Record {rid} does not exist or belongs to another subject.", field="record_ids")
        if r.status.value == "pending":
            raise DomainError("R9_RECORD_PENDING_APPROVAL", f"失信信息{rid}适用宽容审慎，尚未经第二人审批，不能据以认定。",
                              f"Record {rid} awaits its leniency approval.", field="record_ids")
        if not r.effective:
            raise DomainError("R3_RECORD_NOT_EFFECTIVE", f"失信信息{rid}已{status_zh(r.status)}，不能作为认定依据。",
                              f"Record {rid} is {r.status.value}; it cannot support a listing.", field="record_ids")
        if on is not None:
            check_r1_document_effective(rid, r.document.effective, on)  # R1
            check_r13_still_published(rid, r.publication_end, on)  # R13: ended information leaves documents
        found.append(r)
    return found


def _tiers(recs: list[Record]) -> list[str]:
    return [r.tier.value for r in recs if r.tier is not None]


def _check_grounds_as_records(case: Case, recs: list[Record]) -> None:
    """R1 / R3 / R5: the case's facts and basis are still its records' own (``check_r5_grounds_as_records``)."""
    if case.list_type is ListType.RED:
        return
    facts, basis = _from_records(recs)
    stale = stale_grounds({"facts": case.facts, "basis": case.basis}, {"facts": facts, "basis": basis})
    check_r5_grounds_as_records(case.state.value, stale, case.id)


def _from_records(recs: list[Record]) -> tuple[str | None, str | None]:
    facts = "；".join(r.facts for r in recs) or None
    # issue 17 item 8: authority, document and its number read apart — 县市场监督管理局作出的行政处罚决定书（县市监罚…）
    basis = "；".join(f"{r.document.authority}作出的{r.document.doc_type.zh}（{r.document.number}）" for r in recs) or None
    return facts, basis


def open_case(session: Session, *, subject_id: int, list_type: str, record_ids=(), opened_on=None,
              **fields) -> Case:
    """Draft a listing case for one subject and one list (R1, R4, R10 are checked as early as they can be).

    A black or watch case rests on ``record_ids`` (at least one, R1); its facts and basis are taken from them and
    ``facts``/``basis`` given here are added as the clerk's wording, never in their place.
    Raises R1_NO_RECORD, R1_DOCUMENT_NOT_EFFECTIVE, R4_*, R5_DATE_FUTURE, R10_RED_BLOCKED_BY_BLACK.
    """
    session.require("case.open")
    conn = session.ledger.conn
    core.get_subject(conn, subject_id)
    lt = _list_type(list_type)
    today = session.desk.today()
    on = check_r5_date(opened_on or today, today=today, after=None, field="opened_on", label="立案日期")  # R5
    try:
        check_r1_rests_on_records(lt.value, record_ids)  # R1
    except DomainError as no_record:
        # issue 17 item 10: the form's other missing choice (R4's ground) is named in the same answer
        raise_collected([no_record, *_r4_given_errors(session, subject_id, lt, fields)])
    recs = _records(conn, subject_id, record_ids, on)
    check_r11_watch_basis(lt, _tiers(recs))  # R11: not a single slight act
    check_r4_black_basis(lt, _tiers(recs))  # R4: a black listing rests on serious dishonesty
    if lt is ListType.RED:
        check_r10_red_candidate([c.id for c in repo.listed(conn, subject_id, ListType.BLACK)])  # R10
    values = _with_department(session, {k: v for k, v in fields.items() if k in EDITABLE and v is not None},
                              opening=True)
    values.update(_grounds_text(lt, recs, values))
    _check_period_fields(conn, values, recs, on)  # R13 validity cap, R12 watch period
    case = Case(None, subject_id, lt, CaseState.DRAFT, session.user.username,
                record_ids=tuple(r.id for r in recs), **values)
    check_r4_given_fields(case)  # R4: a black-list ground is checked at opening, not only at the decision
    with session.ledger.tx() as tx:
        return core.open_in_tx(session, tx, case, on)


def _r4_given_errors(session: Session, subject_id: int, lt: ListType, fields: dict) -> list[DomainError]:
    """R4's checks of the fields as given (ground, standard kind), as a list: told with R1's refusal at once."""
    given = {k: v for k, v in fields.items() if k in EDITABLE and v is not None}
    try:
        check_r4_given_fields(Case(None, subject_id, lt, CaseState.DRAFT, session.user.username, **given))
    except ValidationError as exc:
        return [exc]
    return []


def _with_department(session: Session, values: dict, opening: bool = False, case_id: int | None = None) -> dict:
    """The 认定部门 fields: a registered department fills name, level and field (``departments.case_fields``;
    on opening, the user's own department when none is named); a level or field typed apart from the registered
    department's is refused (R4_DEPARTMENT_FIELDS); R4 / 1798号 (六): county level or above for every list type,
    checked as soon as a level is known."""
    typed = {k: values[k] for k in ("department_level", "domain") if k in values}
    if "department" in values or opening:
        values = {**values, **departments.case_fields(session, values.get("department"), typed)}
    elif typed:
        departments.check_case_fields(session.ledger.conn, case_id, typed)  # R4: the case's own department's
    if values.get("department_level"):
        check_r4_department_level(values["department_level"])  # R4, every list type
    return values


def _grounds_text(lt: ListType, recs: list[Record], values: dict) -> dict:
    """R1: facts and basis from the records, the clerk's text added after them (red lists: the clerk's own)."""
    if lt is ListType.RED:
        return {}
    facts, basis = _from_records(recs)
    return {"facts": with_clerk_wording(facts, values.get("facts")),
            "basis": with_clerk_wording(basis, values.get("basis"))}


def update_case(session: Session, case_id: int, *, record_ids=None, renotice_on: dt.date | None = None,
                **fields) -> Case:
    """Edit an undecided case's fields (e.g. to complete what R4/R7 ask before the decision).

    After the prior notice was served, changing facts, basis, ground, standard or records is refused
    (R5_RENOTICE_REQUIRED) unless ``renotice_on`` is given: then a new prior notice with a new number and a new
    objection window is served on that date, and the old notice is recorded as superseded in the register (R5).
    """
    session.require("case.update")
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    if case.state not in OPEN_STATES:
        raise DomainError("CASE_CLOSED", f"案件已{case.state.zh}，不能再修改。",
                          f"The case is {case.state.value}; it can no longer be edited.", field="state")
    values = _with_department(session, {k: v for k, v in fields.items() if k in EDITABLE and v is not None},
                              case_id=case_id)
    today = session.desk.today()
    if record_ids is not None:
        check_r1_rests_on_records(case.list_type.value, record_ids)  # R1
        recs = _records(conn, case.subject_id, record_ids, today)
        check_r11_watch_basis(case.list_type, _tiers(recs))  # R11: not a single slight act
        check_r4_black_basis(case.list_type, _tiers(recs))  # R4: serious dishonesty
        values["record_ids"] = tuple(r.id for r in recs)
    if case.list_type is not ListType.RED and ({"facts", "basis"} & values.keys() or record_ids is not None):
        recs = _records(conn, case.subject_id, values.get("record_ids", case.record_ids))
        values.update(_grounds_text(case.list_type, recs, {k: values.get(k, _clerk_part(case, k))
                                                           for k in ("facts", "basis")}))
    new = replace(case, **values)
    if {"valid_until", "post_exit_watch_months", "record_ids"} & values.keys():  # R13, R12 periods
        _check_period_fields(conn, {"valid_until": new.valid_until, "post_exit_watch_months":
                                    new.post_exit_watch_months}, _records(conn, case.subject_id, new.record_ids), today)
    check_r4_given_fields(new)  # R4
    changed = notice_changes(notice_view(case), notice_view(new))
    check_r5_notice_frozen(case.state.value, changed, renotice_on is not None)  # R5
    with session.ledger.tx() as tx:
        if changed and case.state is CaseState.NOTICE_SERVED:
            return renotice_in_tx(session, tx, case, new, changed, renotice_on)
        repo.save(tx, new)
        moved = _proposal_changes(case, new)  # four eyes: the event names what the case rests on only if it moved
        repo.add_event(tx, case_id, today, session.user.username, "update", case.state, case.state,
                       ",".join(sorted(k for k in values if k not in PROPOSAL_FIELDS or k in moved)))
        session.audit(tx, "case.update", "case", case_id, detail={"fields": sorted(values)})
        tx.change("case", case_id, "update", {"id": case_id, "fields": sorted(values)})
    return new


def _check_period_fields(conn, values: dict, recs: list[Record], on: dt.date) -> None:
    """R13 / 1798号 (十一): a stated validity no later than the records' longest publication end; R12 / 1798号
    (十八): a post-exit watch period within the rule set's longest period — refused as soon as they are typed."""
    check_r13_validity_cap(values.get("valid_until"), [r.publication_end for r in recs])  # R13 validity cap
    check_r12_watch_months(values.get("post_exit_watch_months"), core.watch_months_most(conn, on))  # R12


def notice_view(case: Case) -> dict:
    """R5: what the served prior notice told the party."""
    return {"facts": case.facts, "basis": case.basis, "ground": case.ground, "standard": case.standard,
            "standard_kind": case.standard_kind, "record_ids": tuple(sorted(case.record_ids)),
            "department": case.department}


def with_corrected_facts(session: Session, case: Case, facts: str) -> Case:
    """R19 更正 of a case's facts under R1: the records' facts stay and the correction is the clerk's wording
    (``with_clerk_wording``); a red list's facts are the clerk's own text."""
    if case.list_type is ListType.RED:
        return replace(case, facts=facts.strip())
    recs = _records(session.ledger.conn, case.subject_id, case.record_ids)
    return replace(case, facts=with_clerk_wording(_from_records(recs)[0], facts))


def clerk_wording(case: Case, field: str) -> str:
    """The clerk's own text of ``facts`` or ``basis`` as an edit form shows it: a red list's whole text, else only
    the wording added after the records' own (R1: the records' part is not the clerk's to edit)."""
    if case.list_type is ListType.RED:
        return getattr(case, field) or ""
    return _clerk_part(case, field) or ""


def _clerk_part(case: Case, field: str) -> str | None:
    """The wording the clerk added to the records' text, kept when only the records change."""
    text = getattr(case, field) or ""
    mark = "（补充说明："
    return text[text.index(mark) + len(mark):-1] if mark in text and text.endswith("）") else None


def renotice_in_tx(session: Session, tx, old: Case, new: Case, changed: list[str], on: dt.date) -> Case:
    """R5: a new prior notice (new number, new window) after the notified grounds changed; the old one superseded."""
    # R5 dates: not before the case's latest step (the first service, an objection and its reply), nor after today
    on = check_r5_date(on, today=session.desk.today(), after=last_step_on(session.ledger.conn, old) or old.served_on,
                       field="renotice_on", label="重新告知送达日期", after_label="上一办理步骤")
    check_r5_served_after_issue(on, issued_on=None, today=session.desk.today(), by_hand=False)  # R5: numbered now
    window_end = _window_end(session, old, on).date
    repo.save(tx, new)  # the new notice is numbered under the (possibly new) deciding department's prefix
    number = doc_numbers.supersede_in_tx(session, tx, notice_document(old.list_type), "case", old.id,
                                         old.notice_number, on)
    saved = replace(new, notice_number=number, served_on=on, window_end=window_end)
    repo.save(tx, saved)
    deadline_calendar.note(session, tx, "case", old.id, "window_end", on,
                           _window_workdays(session.ledger.conn, old, on), window_end)  # R20
    repo.add_event(tx, old.id, on, session.user.username, "renotice", old.state, saved.state,
                   f"{old.notice_number} → {number}: {','.join(changed)}")
    session.audit(tx, "case.renotice", "case", old.id, detail={"fields": changed, "old": old.notice_number,
                                                                 "new": number, "served_on": on.isoformat()})
    tx.change("case", old.id, "notice", {"id": old.id, "state": saved.state.value, "served_on": on.isoformat(),
                                         "window_end": window_end.isoformat(), "notice_number": number,
                                         "superseded": old.notice_number, "fields": changed})
    return saved


def _window_end(session: Session, case: Case, served_on: dt.date):
    """R5: the objection window's last day — ONE computation for the printed notice and the state machine
    (stored on the case at service). A result crossing a year without holiday data carries its warning (R20)."""
    n = _window_workdays(session.ledger.conn, case, served_on)
    return workdays.calendar(session.desk).add_workdays(served_on, n)


def window_preview(session: Session, case: Case, served_on: dt.date) -> dict:
    """The objection deadline a notice served on ``served_on`` would print (shown before serving)."""
    session.require("case.list")
    res = _window_end(session, case, served_on)
    return {"served_on": served_on.isoformat(), "window_end": res.date.isoformat(), "warnings": list(res.warnings)}


def serve_notice(session: Session, case_id: int, *, served_on: dt.date | None = None,
                 external_number: str | None = None, notice_number: str | None = None) -> Case:
    """R5: serve the prior notice (R10: a red list's publication for objection); the window opens.

    The notice's number comes from the document register in the same transaction (the one already printed for
    the draft, if any); ``external_number`` records a notice the office numbered and issued by hand.
    ``notice_number`` (older forms) is the same as ``external_number``; typing the register's own number is fine.
    ``served_on`` is the real date of service (送达回证): not before the case was opened, not after today (R5).
    """
    external_number = external_number or notice_number
    session.require("case.notice")
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    next_state(case.state, Event.SERVE_NOTICE)  # refused before any number is taken
    on = check_r5_date(served_on or session.desk.today(), today=session.desk.today(), after=opened_on(conn, case),
                       field="served_on", label="告知送达日期", after_label="立案")  # R5 dates
    check_r1_rests_on_records(case.list_type.value, case.record_ids)  # R1
    recs = _records(conn, case.subject_id, case.record_ids, on)  # R1/R3: still effective when served
    _check_grounds_as_records(case, recs)  # R1 / R3: the notice states the records as they stand
    departments.case_department(conn, case)  # 49号 四(八): the registered department issues the notice
    check_r4_black_scope(case)  # R4: a notice is never served on a case that can never be decided
    window_end = _window_end(session, case, on).date
    with session.ledger.tx() as tx:
        issued_on, by_hand = doc_numbers.issue_in_tx(tx, notice_document(case.list_type), "case", case_id, on,
                                                     external_number)
        check_r5_served_after_issue(on, issued_on=issued_on, today=session.desk.today(), by_hand=by_hand)  # R5
        notice_number = doc_numbers.take_in_tx(session, tx, notice_document(case.list_type), "case", case_id, on,
                                               external_number, on_label="告知送达日期",
                                               not_before=opened_on(conn, case))
        new = core.step(session, tx, case, Event.SERVE_NOTICE, on, notice_number=notice_number,
                        served_on=on, window_end=window_end)
        deadline_calendar.note(session, tx, "case", case_id, "window_end", on, _window_workdays(conn, case, on),
                               window_end)  # R20: printed on the notice; which calendar it was computed with
        session.audit(tx, "case.notice", "case", case_id, detail={"served_on": on.isoformat()})
        tx.change("case", case_id, "notice", {"id": case_id, "state": new.state.value, "served_on": on.isoformat(),
                                              "window_end": window_end.isoformat(), "notice_number": notice_number})
    return new


def _window_workdays(conn, case: Case, on: dt.date) -> int:
    """R5: the rule set's objection window; R10: a red list's own publication period (a local setting)."""
    if case.list_type is ListType.RED:
        return int(meta.get_setting(conn, "red_publication_workdays", RED_PUBLICATION_WORKDAYS))
    return core.rule_set_on(conn, on).objection_window_workdays


def opened_on(conn, case: Case) -> dt.date | None:
    """The date the case was opened (its first event)."""
    evs = repo.events(conn, case.id)
    return dt.date.fromisoformat(evs[0]["on_date"]) if evs else None


def step_dates(session: Session, case: Case) -> dict:
    """R5: {"opened_on", "last_step_on", "today", "notice_issued_on", "notice_by_hand", "served_from",
    "decision_issued_on", "decide_lawful_from", "not_list_lawful_from", "decided_from", "not_listed_from"} — the
    bounds a form offers for the next procedural date.

    ``served_from``: the earliest lawful day of service of the prior notice with the register's number
    (``check_r5_served_after_issue``): the day it was numbered, or today when it never was; ``notice_by_hand``: its
    number was issued by hand (then only ``opened_on`` bounds it). ``decide_lawful_from``: the first day a listing
    decision is lawful (``domain.cases.r5_first_decision_day``: after the objection window, and not before the
    case's last step — an objection's reply; None before service); ``not_list_lawful_from``: a decision not to
    list, not before the last step. ``decided_from`` / ``not_listed_from``: the same, not before the day the
    decision's register number is issued (``check_r5_decided_after_issue``: today when it was never numbered) — the
    earliest day without a hand-issued number."""
    session.require("case.list")
    conn = session.read_conn
    today = session.desk.today()
    opened = opened_on(conn, case)
    issued, by_hand = doc_numbers.issued_on(conn, notice_document(case.list_type), "case", case.id)
    first = issued or today
    last = last_step_on(conn, case)
    lawful = r5_first_decision_day(case)
    list_from = max(d for d in (lawful, last) if d is not None) if lawful is not None else None
    decision_issued = doc_numbers.issued_on(conn, DECISION_DOC[case.list_type], "case", case.id)[0]
    numbered = decision_issued or today
    not_numbered = doc_numbers.issued_on(conn, "not_listed_decision", "case", case.id)[0] or today
    return {"opened_on": opened, "last_step_on": last, "today": today,
            "notice_issued_on": issued, "notice_by_hand": by_hand,
            "served_from": opened if by_hand else max(first, opened) if opened else first,
            "decision_issued_on": decision_issued, "decide_lawful_from": list_from, "not_list_lawful_from": last,
            "decided_from": max(list_from, numbered) if list_from is not None else None,
            "not_listed_from": max(last, not_numbered) if last is not None else not_numbered}


def _proposal_changes(old: Case, new: Case) -> list[str]:
    """Four eyes: the fields of ``PROPOSAL_FIELDS`` (records, ground, standard) that an edit really changes."""
    view = (lambda c, f: tuple(sorted(c.record_ids)) if f == "record_ids" else getattr(c, f))
    return sorted(f for f in PROPOSAL_FIELDS if view(old, f) != view(new, f))


def _proposers(conn, case: Case) -> set[str]:
    """Four eyes: who changed what the case rests on after it was opened — an ``update`` event lists the fields it
    changed (``update_case``), a ``renotice`` event those the new notice changed (``renotice_in_tx``)."""
    found = set()
    for e in repo.events(conn, case.id):
        if e["event"] == "update":
            fields = (e["note"] or "").split(",")
        elif e["event"] == "renotice":
            fields = (e["note"] or "").rpartition(": ")[2].split(",")
        else:
            continue
        if PROPOSAL_FIELDS & set(fields):
            found.add(e["username"])
    return found


def last_step_on(conn, case: Case) -> dt.date | None:
    """The date of the case's latest step (R5: the next step may not precede it)."""
    # an edit of the draft is dated the day it was typed; it is not a procedural step
    days = [dt.date.fromisoformat(e["on_date"]) for e in repo.events(conn, case.id) if e["event"] != "update"]
    return max(days) if days else None


@dataclass(frozen=True)
class Decision:
    """What the decider states (R5 parts, R7 validity, R8 measures, R11 warning letter, R12 watch period)."""

    decided_on: dt.date
    external_number: str | None = None   # a decision the office numbered by hand; else the register numbers it
    list_it: bool = True
    reason: str | None = None
    measures: tuple[str, ...] = ()
    valid_until: dt.date | None = None
    warning_letter: str | None = None
    post_exit_watch_months: int | None = None
    channel: str | None = None
    removal_conditions: str | None = None
    remedies: str | None = None
    leniency_justification: str | None = None
    decision_number: str | None = None   # older forms: same as external_number (the register's own is fine)
    repair_notice_number: str | None = None  # R5/R13: the hand-issued repair notice served with a hand decision
    reason_code: str | None = None       # not listed: one of domain.procedure.NOT_LISTED_GROUNDS (R5)


def check_may_decide(session: Session, case_id: int) -> None:
    """Role and four eyes before anything of a decision is written (issue 17 item 10): a form that saves the
    case's fields first asks this, so a refused decider leaves no "case updated" row behind. Raises
    PermissionDenied or DomainError FOUR_EYES."""
    session.require("case.decide")
    case = core.get_case(session.read_conn, case_id)
    check_decider(case, session.user.username)  # four eyes
    _check_own_department(session, case)  # R4 谁认定、谁负责


def _check_own_department(session: Session, case: Case) -> None:
    """R4 / 49号 四(八): a case of a registered department is decided by that department's staff only (a case
    naming no registered department is refused later, at the decision, with how to register one)."""
    if departments.issuer_for(session.read_conn, "case", case.id) is not None:
        departments.case_decider_department(session, case)


def decide_case(session: Session, case_id: int, d: Decision) -> dict:
    """Decide to list or not; every guard of R3–R11 and four eyes run before anything is written."""
    session.require("case.decide")
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    check_decider(case, session.user.username, _proposers(conn, case) if d.list_it else ())  # four eyes
    _check_own_department(session, case)  # R4 谁认定、谁负责: before any other step of the decision
    check_r5_date(d.decided_on, today=session.desk.today(), after=last_step_on(conn, case), field="decided_on",
                  label="决定日期", after_label="上一办理步骤")  # R5 dates
    if not d.list_it:
        return _decide_not_list(session, case, d)
    case, items, rs = _checked_listing(session, case, d)
    with session.ledger.tx() as tx:
        number, repair_notice = _decision_numbers(session, tx, case, d)
        case = replace(case, decision_number=number)
        listed = core.step(session, tx, case, Event.DECIDE_LIST, d.decided_on, number)
        repo.add_measures(tx, case_id, _measure_edition(conn), items, d.decided_on)
        deadline_calendar.note(session, tx, "case", case_id, "share_due", d.decided_on, rs.share_listing_workdays,
                               listed.share_due)  # R20: which calendar the R6 date was computed with
        session.audit(tx, "case.decide", "case", case_id, detail={"outcome": "listed", "rule_set": rs.code})
        tx.change("case", case_id, "decide", core.entry_state(conn, listed))
        removed = _cross_effects(session, tx, listed)
    return {"case_id": case_id, "state": listed.state.value, "share_due": listed.share_due.isoformat(),
            "valid_until": listed.valid_until.isoformat(), "rule_set_code": rs.code, "red_removed": removed,
            "decision_number": number, "repair_notice_number": repair_notice,
            "issuer": listed.department}  # 49号 四(八): the deciding department issues the decision


# The printed decision of each list; a red listing has no template yet but still takes a register number.
DECISION_DOC = {ListType.BLACK: "listing_decision", ListType.WATCH: "watch_warning", ListType.RED: "red_decision"}


def _decision_numbers(session: Session, tx, case: Case, d: Decision) -> tuple[str, str | None]:
    """The decision's number and, for a black or watch listing, its 信用修复告知书 (R13 两书同达): each dated on or
    after the day its number is issued (R5) — the register numbers them today, so a decision dated earlier is the
    office's hand-issued paper, served with its hand-issued repair notice."""
    number, by_hand = _dated_number(session, tx, case, DECISION_DOC[case.list_type], d.decided_on,
                                    d.external_number or d.decision_number)
    if case.list_type is ListType.RED:
        return number, None
    # R13 两书同达: the repair notice is registered with the decision and printed with it (print_cmds)
    check_r5_repair_notice_with_decision(decision_by_hand=by_hand, repair_number=d.repair_notice_number)  # R5
    return number, _dated_number(session, tx, case, "repair_notice", d.decided_on, d.repair_notice_number)[0]


def _dated_number(session: Session, tx, case: Case, doc_type: str, on: dt.date,
                  external: str | None) -> tuple[str, bool]:
    """(the number of a decision-day document, whether issued by hand): the register's (in date order, R5) or the
    hand-issued one typed; R5: not dated before the day its number is issued (``check_r5_decided_after_issue``).
    A decision's register order (R5_NUMBER_ORDER, naming the series' later number) is told first; the repair
    notice's own rule first (it names the hand-issued paper to add, not a number the clerk never asked for)."""
    issued, by_hand = doc_numbers.issue_in_tx(tx, doc_type, "case", case.id, on, external)
    repair = doc_type == "repair_notice"

    def check() -> None:
        check_r5_decided_after_issue(on, issued_on=issued, today=session.desk.today(), by_hand=by_hand,
                                     document="repair_notice" if repair else "decision")  # R5
    if repair:
        check()
    number = doc_numbers.take_in_tx(session, tx, doc_type, "case", case.id, on, external, on_label="决定日期")
    if not repair:
        check()
    return number, by_hand


def _checked_listing(session: Session, case: Case, d: Decision):
    conn = session.ledger.conn
    if case.state not in OPEN_STATES:
        next_state(case.state, Event.DECIDE_LIST)  # refuses: already decided or closed
    subject = core.get_subject(conn, case.subject_id)
    open_obj = objections_repo.open_count(conn, Target.CASE, case.id) + sum(
        objections_repo.open_count(conn, Target.RECORD, rid) for rid in case.record_ids)
    check_r5_may_decide(case, d.decided_on, open_obj, subject.kind is SubjectKind.NATURAL_PERSON)  # R5 / R10
    check_r1_rests_on_records(case.list_type.value, case.record_ids)  # R1
    recs = _records(conn, case.subject_id, case.record_ids, d.decided_on)  # R1, R3, R9
    _check_grounds_as_records(case, recs)  # R5 / R3: a record changed after service needs a new notice
    check_r11_watch_basis(case.list_type, _tiers(recs))  # R11: not a single slight act
    check_r4_black_basis(case.list_type, _tiers(recs))  # R4: serious dishonesty
    justification = _check_leniency(recs, d)  # R9
    rs = core.rule_set_on(conn, d.decided_on)  # R20
    case = _as_decided(session, case, d, recs, rs, justification)  # the number is taken in the decision's tx
    check_r13_validity_cap(case.valid_until, [r.publication_end for r in recs])  # R13 / 1798号 (十一)
    check_r12_watch_months(case.post_exit_watch_months, core.watch_months_most(conn, d.decided_on))  # R12
    departments.case_decider_department(session, case)  # 49号 四(八), R4: its registered department's own staff
    check_r4_black_scope(case)  # R4
    check_r4_department_level(case.department_level)  # R4 / 1798号 (六): every list type, county or above
    check_r11_watch_entry(case)  # R11
    if case.list_type is ListType.RED:
        check_r10_red_candidate([c.id for c in repo.listed(conn, case.subject_id, ListType.BLACK)])  # R10
    if case.list_type is ListType.BLACK and not case.post_exit_watch_months:
        raise ValidationError("R12_WATCH_PERIOD_REQUIRED", "请写明移出严重失信主体名单后列入重点关注名单的期限（月）。",
                              "Set the watch-list period that follows the black listing (months).",
                              field="post_exit_watch_months")
    check_r7_entry(case, subject, d.decided_on)  # R7
    measures_ed = reference.active_measures(conn)
    items = check_r8_measures(case.list_type, list(d.measures), measures_ed[1] if measures_ed else None,
                              _measure_scope(conn, case, recs))  # R8
    check_r5_decision_parts(case, items)  # R5
    return case, items, rs


def _measure_scope(conn, case: Case, recs: list[Record]) -> MeasureScope:
    """R8: the catalogue groups and the heaviest tier of the case's records, and its department's field."""
    order = list(TIER_MAX_SEVERITY)
    groups = {reference.catalogue_group(conn, r.catalogue_edition, r.catalogue_code) for r in recs}
    tiers = [r.tier.value for r in recs if r.tier.value in order]
    return MeasureScope(frozenset(g for g in groups if g), case.domain,
                        max(tiers, key=order.index) if tiers else None)


def _as_decided(session: Session, case: Case, d: Decision, recs: list[Record], rs, justification) -> Case:
    """The case as the decision would make it: validity, texts, R6 share date, the rule set used (R20)."""
    conn = session.ledger.conn
    return replace(case, valid_until=validity_end(case, d.valid_until, recs),
                   warning_letter=d.warning_letter or case.warning_letter,
                   post_exit_watch_months=d.post_exit_watch_months or case.post_exit_watch_months,
                   channel=d.channel or case.channel or meta.get_setting(conn, "publication_channel",
                                                                          core.DEFAULT_CHANNEL),
                   removal_conditions=d.removal_conditions or meta.get_setting(
                       conn, "case_removal_conditions_text", DEFAULT_REMOVAL_CONDITIONS),
                   remedies=d.remedies or meta.get_setting(conn, "case_remedies_text", DEFAULT_REMEDIES),
                   decided_on=d.decided_on,
                   decided_by=session.user.username, valid_from=d.decided_on, rule_set_code=rs.code,
                   leniency_justification=justification, share_due=core.share_due(session, rs, d.decided_on))


def _check_leniency(recs: list[Record], d: Decision) -> str | None:
    """R9: listing a subject whose record was handled with leniency needs a written justification."""
    flagged = [r.id for r in recs if r.leniency]
    text = (d.leniency_justification or "").strip() or None
    if flagged and not text:
        raise ValidationError("R9_JUSTIFICATION_REQUIRED",
                              f"失信信息{'、'.join(map(str, flagged))}适用宽容审慎，列入名单须写明书面理由。",
                              "The records fall under leniency; listing needs a written justification.",
                              field="leniency_justification")
    return text


def validity_end(case: Case, stated: dt.date | None, recs: list[Record]) -> dt.date | None:
    """R7: the validity end a listing decision saves and prints — the one computation (issue 17 item 7): the date
    the decider states, else the case's own, else the latest publication end of its records (None: none known)."""
    return stated or case.valid_until or _records_end(recs)


def decision_validity(session: Session, case_id: int, stated: dt.date | None = None) -> dt.date | None:
    """The validity end a decision on this case would save and print (``validity_end``), for the decision form
    to show before the decider confirms. Raises CASE_NOT_FOUND."""
    session.require("case.decide")
    conn = session.read_conn
    case = core.get_case(conn, case_id)
    return validity_end(case, stated, _records(conn, case.subject_id, case.record_ids))


def _records_end(recs: list[Record]) -> dt.date | None:
    return validity_cap(r.publication_end for r in recs)  # R13: the latest publication end is also the cap


def decision_limits(session: Session, case_id: int) -> dict:
    """What a decision form may offer (R13 / 1798号 (十一), R12 / 1798号 (十八)): ``{"valid_until_max": date or
    None (no records: the department sets it), "watch_months_max": int}``. Raises CASE_NOT_FOUND."""
    session.require("case.decide")
    conn = session.read_conn
    case = core.get_case(conn, case_id)
    recs = _records(conn, case.subject_id, case.record_ids)
    return {"valid_until_max": validity_cap(r.publication_end for r in recs),
            "watch_months_max": core.watch_months_most(conn, session.desk.today())}


def watch_months_limit(session: Session) -> int:
    """R12 / 1798号 (十八): the longest post-exit watch period (months) under today's rule set, for exit forms."""
    session.require("case.list")
    return core.watch_months_most(session.read_conn, session.desk.today())


def _measure_edition(conn) -> str:
    ed = reference.active_measures(conn)
    return ed[0]["edition"] if ed else ""


def _cross_effects(session: Session, tx, listed: Case) -> list[int]:
    """R10 / 1798号 (七)(十九): a black or a watch listing removes the subject from every red list; R11: the
    watch-list alert."""
    removed = []
    if removes_red_entries(listed.list_type):  # R10
        for red in repo.listed(session.ledger.conn, listed.subject_id, ListType.RED):
            core.exit_in_tx(session, tx, red, ExitInput(ExitWay.BLACK_LISTED, listed.decided_on,
                                                        note=red_removal_note(listed.list_type, listed.id)))
            removed.append(red.id)
    if listed.list_type is ListType.WATCH:
        core.refresh_alert(session, tx, listed.subject_id, listed.decided_on)
    return removed


def _decide_not_list(session: Session, case: Case, d: Decision) -> dict:
    reason = check_not_listed_reason(d.reason_code, d.reason)  # R5: a lawful outcome, wording added after it
    next_state(case.state, Event.DECIDE_NOT_LIST)  # refused before any number is taken
    departments.case_decider_department(session, case)  # 49号 四(八), R4: the department's own staff decide
    with session.ledger.tx() as tx:
        number = _dated_number(session, tx, case, "not_listed_decision", d.decided_on,
                               d.external_number or d.decision_number)[0]  # R5: dated from its number's day
        new = core.step(session, tx, case, Event.DECIDE_NOT_LIST, d.decided_on, reason,
                        decision_number=number, decided_on=d.decided_on,
                        decided_by=session.user.username)
        session.audit(tx, "case.decide", "case", case.id, detail={"outcome": "not_listed"})
        tx.change("case", case.id, "decide", {"id": case.id, "state": new.state.value,
                                              "decided_on": d.decided_on.isoformat()})
    return {"case_id": case.id, "state": new.state.value, "decision_number": number}


def case_detail(session: Session, case_id: int, purpose: str) -> dict:
    """Everything R7 names plus reasons, basis, measures, removal, remedies, deadlines; the look is logged (R14)."""
    session.require("case.view")
    why = require_purpose(purpose)
    conn = session.ledger.conn
    case = core.get_case(conn, case_id)
    data = detail_dict(session, case)
    with session.ledger.tx() as tx:
        session.audit(tx, "case.view", "case", case_id, purpose=why)
    return data


def get_case(session: Session, case_id: int, purpose: str) -> Case:
    """The case as a domain object (its facts, basis and dates: the case file). R14 查询使用登记: needs a
    stated ``purpose`` (ValidationError R14_PURPOSE_REQUIRED otherwise, nothing logged) and writes its
    ``case.view`` audit row; DomainError CASE_NOT_FOUND for an unknown id."""
    session.require("case.view")
    why = require_purpose(purpose)
    case = core.get_case(session.read_conn, case_id)  # read before its tx: committed data
    with session.ledger.tx() as tx:
        session.audit(tx, "case.view", "case", case_id, purpose=why)
    return case


def list_cases(session: Session, *, subject_id=None, state=None, list_type=None, limit=200) -> list[Case]:
    """Cases filtered by subject, state or list type: ids, states, dates and document numbers. R14: a list
    takes no purpose, so it carries no free text of the case file that may name people (facts, leniency
    justification, exit note, warning letter are None here); the case file itself is ``get_case`` with a
    purpose."""
    session.require("case.list")
    found = repo.search(session.read_conn, subject_id=subject_id, state=state, list_type=list_type, limit=limit)
    # R14: no purpose, so no narrative of the case file leaves through the list
    return [replace(c, facts=None, leniency_justification=None, exit_note=None, warning_letter=None) for c in found]


def alerts(session: Session) -> list[dict]:
    """R11: subjects flagged for the 大数据警示名单 (open flags)."""
    session.require("case.list")
    return repo.alerts(session.ledger.conn)
