"""失信信息 records: enter (R1, R2, R9, R20), approve (R9 four eyes), show (R14), revoke and change (R3).

A serious record for a subject on the watch list opens a black-list case draft at once (R11).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from credit_desk.domain.cases import Case, CaseState, ListType
from credit_desk.domain.errors import DomainError, ValidationError, each_error, raise_collected
from credit_desk.domain.list_rules import BASIS_REVOKED_END_WORKDAYS, basis_all_revoked, opens_black_case
from credit_desk.domain.procedure import check_r3_revocation_date, r3_revocation_earliest
from credit_desk.domain.record_rules import (Record, act_date_error, check_approval, check_basis, check_can_revise,
                                             check_catalogue_item, check_leniency_justification, leniency_flags,
                                             publication, status_zh)
from credit_desk.domain.records import DocType, RecordStatus
from credit_desk.domain.rulesets import Tier, rule_set_in_force
from credit_desk.services import case_core as core
from credit_desk.services import workdays
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import cases as cases_repo
from credit_desk.store import dishonesty_records as repo
from credit_desk.store import meta, reference


def _tier(value) -> Tier:
    try:
        return Tier(value)
    except ValueError:
        raise ValidationError("TIER", "失信等级应为 slight（轻微）、general（一般）或 serious（严重）。",
                              "The tier must be slight, general or serious.", field="tier") from None


def _text(value, name: str, zh: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("FIELD_REQUIRED", f"请填写{zh}。", f"{name} is required.", field=name)
    return text


def _checked(errors: list, fn, *args):
    """``fn(*args)``, or None with its refusal kept in ``errors`` (a refusal that is no input error is raised)."""
    try:
        return fn(*args)
    except ValidationError as exc:
        errors.append(exc)
        return None


def get_record(conn, record_id: int) -> Record:
    """The record, or a refusal naming the missing id (used inside other services)."""
    r = repo.get(conn, record_id)
    if r is None:
        raise DomainError("RECORD_NOT_FOUND", f"没有编号为 {record_id} 的失信信息。", f"No record with id {record_id}.",
                          field="record_id")
    return r


def add_record(session: Session, *, subject_id: int, catalogue_code: str, tier: str, facts: str, doc_type: str,
               doc_number: str, doc_authority: str, doc_issued: dt.date, doc_effective: dt.date,
               department: str, act_date: dt.date, doc_citation: str | None = None,
               decision_date: dt.date | None = None, force_majeure: bool = False, no_intent: bool = False,
               slight: bool = False, justification: str | None = None) -> dict:
    """Enter a record on its basis document; leniency cases wait for a second user's approval (R9)."""
    session.require("record.add")
    record = prepare_record(session, subject_id=subject_id, catalogue_code=catalogue_code, tier=tier, facts=facts,
                            doc_type=doc_type, doc_number=doc_number, doc_authority=doc_authority,
                            doc_issued=doc_issued, doc_effective=doc_effective, department=department,
                            act_date=act_date, doc_citation=doc_citation, decision_date=decision_date,
                            force_majeure=force_majeure, no_intent=no_intent, slight=slight,
                            justification=justification)
    with session.ledger.tx() as tx:
        return save_new_record(session, tx, record)


def prepare_record(session: Session, *, subject_id: int, catalogue_code: str, tier: str, facts: str, doc_type: str,
                   doc_number: str, doc_authority: str, doc_issued: dt.date, doc_effective: dt.date,
                   department: str, act_date: dt.date, doc_citation: str | None = None,
                   decision_date: dt.date | None = None, force_majeure: bool = False, no_intent: bool = False,
                   slight: bool = False, justification: str | None = None, subject=None,
                   references: tuple | None = None) -> Record:
    """The checked, unsaved record (R1, R2, R9, R20); ``add_record`` and batch imports save it.

    ``subject``: the Subject itself when it is not saved yet (a legacy import checks every row before it writes);
    ``references``: (active catalogue, rule sets) read once by a caller checking many rows."""
    conn = session.ledger.conn
    subject = subject or core.get_subject(conn, subject_id)
    # issue 17 item 10: every bad field is reported at once (the first refusal's code stays what it always was)
    errors: list[ValidationError] = []
    doc = _checked(errors, check_basis, doc_type, doc_number, doc_authority, doc_issued, doc_effective,
                   doc_citation, session.desk.today())  # R1
    cat, rule_sets = references or (reference.active_catalogue(conn), None)
    item = _checked(errors, check_catalogue_item, catalogue_code, cat[1] if cat else None)  # R2
    tier_e = _checked(errors, _tier, tier)
    if (act_error := act_date_error(act_date, doc.issued if doc is not None else None)) is not None:
        errors.append(act_error)  # R1 dates: the act before its document
    facts_text = _checked(errors, _text, facts, "facts", "失信事实")
    dept_text = _checked(errors, _text, department, "department", "认定部门")
    raise_collected([e for one in errors for e in each_error(one)])
    decided = decision_date or doc.issued
    rs = rule_set_in_force(rule_sets, decided) if rule_sets is not None else core.rule_set_on(conn, decided)  # R20
    window = publication(rs, tier_e, decided)
    flags = leniency_flags(tier_e, subject.id_type, subject.id_number, act_date, force_majeure=force_majeure,
                           no_intent=no_intent, slight=slight)  # R9
    why = check_leniency_justification(flags, justification)
    record = Record(None, subject_id, cat[0]["edition"], item.code, tier_e, facts_text, doc, dept_text, act_date,
                    decided, rs.code,
                    RecordStatus.PENDING if flags else RecordStatus.ACTIVE, session.user.username, flags, why,
                    earliest_repair=window.earliest_repair, publication_end=window.publication_end)
    return record


def save_new_record(session: Session, tx, record: Record, historical: bool = False) -> dict:
    """Insert a prepared record with its audit row and change-log row, inside the caller's transaction.

    ``historical``: brought in from the office's earlier ledger (issue 19): its penalty decision was served
    before, so no 信用修复告知书 number is taken from the register for it (the register is not advanced)."""
    rid = repo.insert(tx, record)
    saved = replace(record, id=rid)
    detail = {"status": saved.status.value, "leniency": [f.value for f in record.leniency]}
    session.audit(tx, "record.add", "record", rid, detail={**detail, "historical": True} if historical else detail)
    tx.change("record", rid, "insert", {**repo.state(saved), "publication": _publication(session, rid, saved, tx.memo)})
    opened = _serious_while_watched(session, tx, saved)
    notice = None
    if saved.document.doc_type is DocType.ADMIN_PENALTY and not historical:
        # R13 两书同达 (国办发〔2025〕22号): a penalty decision is served with its 信用修复告知书 — its number is
        # taken now, with the record, and it prints with ``print repair_notice --record ID``
        from credit_desk.services import doc_numbers
        notice = doc_numbers.reserve_in_tx(session, tx, "repair_notice", "record", rid, session.desk.today())
    return {"record": saved, "black_case_id": opened, "repair_notice_number": notice}


def _publication(session: Session, record_id: int, rec: Record | None = None, memo: dict | None = None) -> dict:
    """R15: what the platform may publish — the basis, or a refusal (a natural person's item with no legal basis
    and no live consent is shared as the catalogue allows but never published)."""
    from credit_desk.services import publication
    basis = publication.basis_of(session.ledger.conn, record_id, session.desk.today(), rec, memo)
    if basis is None:
        return {"publish": False, "refused": "R15_NO_PUBLICATION_BASIS"}
    return {"publish": True, "basis": basis.to_dict()}


def publication_basis(session: Session, record_id: int) -> dict:
    """R15: the basis on which ``record_id`` may be published today; DomainError ``R15_NO_PUBLICATION_BASIS``
    (publication refused) for a natural person's item with neither a legal basis nor a live, covering consent."""
    session.require("record.view")
    from credit_desk.services import publication
    get_record(session.ledger.conn, record_id)
    return publication.check_publishable(session.ledger.conn, record_id, session.desk.today()).to_dict()


def _serious_while_watched(session: Session, tx, r: Record) -> int | None:
    """R11: serious behaviour while on the watch list opens a black-list case (a draft to complete)."""
    if r.status is not RecordStatus.ACTIVE:
        return None
    watched = cases_repo.listed(session.ledger.conn, r.subject_id, ListType.WATCH)
    if not opens_black_case(r.tier is Tier.SERIOUS, bool(watched)):
        return None
    d = r.document
    draft = Case(None, r.subject_id, ListType.BLACK, CaseState.DRAFT, session.user.username,
                 department=r.department, domain=watched[0].domain, facts=r.facts,
                 basis=f"{d.authority}{d.number}（{d.doc_type.zh}）", record_ids=(r.id,),
                 origin="serious_while_watched", origin_case_id=watched[0].id)
    return core.open_in_tx(session, tx, draft, session.desk.today()).id


def approve_record(session: Session, record_id: int) -> dict:
    """R9: a second user approves a leniency record as dishonest; never the person who entered it."""
    session.require("record.approve")
    r = get_record(session.ledger.conn, record_id)
    check_approval(r, session.user.username)
    with session.ledger.tx() as tx:
        repo.approve(tx, record_id, session.user.username)
        saved = replace(r, status=RecordStatus.ACTIVE, approved_by=session.user.username)
        session.audit(tx, "record.approve", "record", record_id)
        tx.change("record", record_id, "approve", {**repo.state(saved),
                                                   "publication": _publication(session, record_id)})
        opened = _serious_while_watched(session, tx, saved)
    return {"record": saved, "black_case_id": opened}


def show_record(session: Session, record_id: int, purpose: str) -> Record:
    """A record in full; the look is logged with its purpose (R14)."""
    session.require("record.view")
    why = require_purpose(purpose)
    r = get_record(session.ledger.conn, record_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "record.view", "record", record_id, purpose=why)
    return r


def record_history(session: Session, record_id: int, purpose: str) -> list[dict]:
    """R3: the record's revocations and changes, newest last. R14 查询使用登记: needs a stated ``purpose``
    (R14_PURPOSE_REQUIRED otherwise) and writes its ``record.history`` audit row."""
    session.require("record.view")
    why = require_purpose(purpose)
    rows = repo.history(session.ledger.conn, record_id)
    with session.ledger.tx() as tx:
        session.audit(tx, "record.history", "record", record_id, purpose=why)
    return rows


def revoke_record(session: Session, record_id: int, *, reason: str, on: dt.date | None = None) -> dict:
    """R3/R19: the basis document was revoked or declared invalid, so the record is revoked at once."""
    session.require("record.revoke")
    with session.ledger.tx() as tx:
        return revoke_in_tx(session, tx, record_id, reason, on or session.desk.today())


def revocation_earliest(session: Session, record_id: int) -> dt.date | None:
    """R3: the earliest date a revocation of this record may carry (for a form's date picker)."""
    session.require("record.revoke")
    conn = session.ledger.conn
    r = get_record(conn, record_id)
    listed = [c.decided_on for c in cases_repo.cases_on_record(conn, record_id) if c.state is CaseState.LISTED]
    return r3_revocation_earliest(r.document.issued, listed)[0]


def revoke_in_tx(session: Session, tx, record_id: int, reason: str, on: dt.date) -> dict:
    """R3/R19 inside the caller's transaction; returns the record and the listed cases resting on it."""
    conn = session.ledger.conn
    r = get_record(conn, record_id)
    why = check_can_revise(r, reason)
    listed = [c for c in cases_repo.cases_on_record(conn, record_id) if c.state is CaseState.LISTED]
    check_r3_revocation_date(on, today=session.desk.today(), document_issued=r.document.issued,
                             listings_decided=[c.decided_on for c in listed])  # R3 / R5 dates
    repo.add_history(tx, record_id, session.user.username, "revoke", why, r)
    repo.set_status(tx, record_id, RecordStatus.REVOKED, why, on)
    saved = replace(r, status=RecordStatus.REVOKED, status_reason=why)
    session.audit(tx, "record.revoke", "record", record_id)
    tx.change("record", record_id, "revoke", repo.state(saved))
    ending = [_basis_gone(session, tx, c, on) for c in listed if basis_all_revoked(c, _effective(conn, c))]
    return {"record": saved, "listed_case_ids": [c.id for c in listed],
            "ending": [e for e in ending if e is not None]}


def _effective(conn, case) -> set[int]:
    return {rid for rid in case.record_ids if (r := repo.get(conn, rid)) is not None and r.effective}


def _basis_gone(session: Session, tx, case, on: dt.date) -> dict | None:
    """R3: every record a listing rests on is revoked: its measures stop now, and the deciding department ends
    it (way 1 or 4) within ``basis_revoked_end_workdays`` working days (shown on the due list)."""
    if case.end_due is not None:
        return None
    days = int(meta.get_setting(session.ledger.conn, "basis_revoked_end_workdays", BASIS_REVOKED_END_WORKDAYS))
    due = workdays.calendar(session.desk).add_workdays(on, days).date
    ending = replace(case, end_due=due)
    cases_repo.save(tx, ending)
    from credit_desk.services import deadline_calendar
    deadline_calendar.note(session, tx, "case", case.id, "end_due", on, days, due)  # R20
    cases_repo.stop_measures(tx, case.id, on)
    cases_repo.add_event(tx, case.id, on, session.user.username, "basis_revoked", case.state, case.state,
                         f"end by {due.isoformat()}")
    session.audit(tx, "case.basis_revoked", "case", case.id, detail={"end_due": due.isoformat()})
    # R3 at the platform (att39g): the change named neither the subject nor a state, so the platform filed it under
    # no subject and went on answering the listing as in force. It restates the entry now, with the state it is
    # shared as (``shared_state``: basis_revoked) and the day its measures stopped.
    tx.change("case", case.id, "basis_revoked", {**core.entry_state(session.ledger.conn, ending),
                                                 "measures_stopped_on": on.isoformat(), "end_due": due.isoformat()})
    return {"case_id": case.id, "end_due": due.isoformat(), "measures_stopped_on": on.isoformat()}


def change_record(session: Session, record_id: int, *, reason: str, on: dt.date | None = None,
                  **changes) -> Record:
    """R3: the basis document was changed, so the record takes the change at once (status 已变更)."""
    session.require("record.change")
    conn = session.ledger.conn
    r = get_record(conn, record_id)
    why = check_can_revise(r, reason)
    old = r.document
    doc = check_basis(changes.get("doc_type") or old.doc_type.value, changes.get("doc_number") or old.number,
                      changes.get("doc_authority") or old.authority, changes.get("doc_issued") or old.issued,
                      changes.get("doc_effective") or old.effective, changes.get("doc_citation") or old.citation,
                      session.desk.today())  # R1 still holds for the changed document
    if (act_error := act_date_error(r.act_date, doc.issued)) is not None:
        raise act_error  # R1 / R3: a changed document still comes after the act it decided
    tier_e = _tier(changes.get("tier") or r.tier.value)
    decided = changes.get("decision_date") or r.decision_date
    rs = core.rule_set_on(conn, decided)
    window = publication(rs, tier_e, decided)
    new = replace(r, document=doc, tier=tier_e, facts=(changes.get("facts") or r.facts).strip(), decision_date=decided,
                  rule_set_code=rs.code, earliest_repair=window.earliest_repair,
                  publication_end=window.publication_end, status=RecordStatus.CHANGED, status_reason=why)
    with session.ledger.tx() as tx:
        repo.add_history(tx, record_id, session.user.username, "change", why, r)
        repo.revise(tx, new, why, on or session.desk.today())
        session.audit(tx, "record.change", "record", record_id)
        tx.change("record", record_id, "change", repo.state(new))
    return new


def record_dict(r: Record) -> dict:
    """The record for the CLI's JSON and the printed extract."""
    data = repo.state(r)
    data["status_zh"] = status_zh(r.status)
    data["leniency_zh"] = [f.zh for f in r.leniency]
    data["leniency_justification"] = r.leniency_justification
    data["tier_zh"] = r.tier.zh
    return data
