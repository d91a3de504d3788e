"""信用主体 subjects: add, show and search — every look at personal data states a purpose (R14)."""

from __future__ import annotations

from dataclasses import replace

from credit_desk.domain.errors import DomainError, ValidationError
from credit_desk.domain.masking import mask_subject_id
from credit_desk.domain.subjects import (PARTY_NAMED_STATES, Subject, check_r5_party_identity, fifteen_to_eighteen,
                                         new_subject, subject_warnings, updated_subject)
from credit_desk.services.base import Session, require_purpose
from credit_desk.store import cases as cases_repo
from credit_desk.store import subjects as repo


def add_subject(session: Session, *, kind: str, name: str, id_type: str, id_number: str,
                legal_rep_name=None, legal_rep_id_type=None, legal_rep_id_number=None,
                address=None, convert_15: bool = False) -> Subject:
    """Register a subject after validating its code or ID number (R7).

    ``convert_15``: the clerk confirmed the GB 11643 conversion of a 15-digit resident ID to 18 digits.
    Warnings (``subject_warnings``: an address code unknown to the table) are recorded in the audit row.
    """
    session.require("subject.add")
    id_number, converted = fifteen_to_eighteen(id_type, id_number, convert_15)
    s = new_subject(kind, name, id_type, id_number, legal_rep_name=legal_rep_name,
                    legal_rep_id_type=legal_rep_id_type, legal_rep_id_number=legal_rep_id_number,
                    address=address, today=session.desk.today())
    if repo.find_by_id_number(session.ledger.conn, s.id_type, s.id_number):
        shown = mask_subject_id(s.kind, s.id_type, s.id_number)  # R15: a person's number masked, a code public
        raise ValidationError("SUBJECT_EXISTS", f"证件号码为 {shown} 的主体已登记。",
                              f"A subject with ID {shown} is already registered.", field="id_number")
    with session.ledger.tx() as tx:
        sid = repo.insert(tx, s)
        saved = replace(s, id=sid)
        detail = {"warnings": [w[0] for w in subject_warnings(saved)]} if subject_warnings(saved) else {}
        if converted:
            detail["converted_from_15_digits"] = True  # GB 11643 conversion confirmed by the clerk
        session.audit(tx, "subject.add", "subject", sid, detail=detail or None)
        tx.change("subject", sid, "insert", repo.state(saved))
    return saved


def update_subject(session: Session, subject_id: int, **changes) -> Subject:
    """Complete or correct a subject's entry data (R7), validated as ``add_subject`` validates; audited and in
    the change log. ``changes``: any of ``domain.subjects.UPDATABLE`` (None = keep). Raises ValidationError
    (field named), DomainError SUBJECT_NOT_FOUND / SUBJECT_UNCHANGED / SUBJECT_EXISTS."""
    session.require("subject.edit")
    conn = session.ledger.conn
    old = repo.get(conn, subject_id)
    if old is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。",
                          f"No subject with id {subject_id}.", field="subject_id")
    new = updated_subject(old, today=session.desk.today(), **changes)
    changed = sorted(k for k in repo.state(new) if repo.state(new)[k] != repo.state(old)[k])
    if not changed:
        raise ValidationError("SUBJECT_UNCHANGED", "没有需要修改的内容。", "Nothing to change.", field="subject_id")
    check_r5_party_identity(changed, [c.id for c in cases_repo.search(conn, subject_id=subject_id, limit=10_000)
                                      if c.state.value in PARTY_NAMED_STATES])  # R5: the notified party stays
    other = repo.find_by_id_number(conn, new.id_type, new.id_number)
    if other is not None and other.id != old.id:
        shown = mask_subject_id(new.kind, new.id_type, new.id_number)  # R15
        raise ValidationError("SUBJECT_EXISTS", f"证件号码为 {shown} 的主体已登记。",
                              f"A subject with ID {shown} is already registered.", field="id_number")
    with session.ledger.tx() as tx:
        repo.update(tx, new)
        session.audit(tx, "subject.update", "subject", subject_id, detail={"fields": changed})
        tx.change("subject", subject_id, "update", repo.state(new))
    return new


def show_subject(session: Session, subject_id: int, purpose: str) -> Subject:
    """A subject's full data; the look is logged with its purpose (R14 查询使用登记)."""
    session.require("subject.view")
    why = require_purpose(purpose)
    s = repo.get(session.ledger.conn, subject_id)
    if s is None:
        raise DomainError("SUBJECT_NOT_FOUND", f"没有编号为 {subject_id} 的信用主体。",
                          f"No subject with id {subject_id}.", field="subject_id")
    with session.ledger.tx() as tx:
        session.audit(tx, "subject.view", "subject", subject_id, purpose=why)
    return s


def search_subjects(session: Session, text: str, purpose: str, limit: int = 50) -> list[Subject]:
    """Search by name fragment or ID/USCC prefix; the query and its purpose are logged (R14)."""
    session.require("subject.search")
    why = require_purpose(purpose)
    if not text.strip():
        raise ValidationError("SEARCH_EMPTY", "请输入要查询的名称或证件号码。",
                              "Enter a name or ID number to search for.", field="text")
    found = repo.search(session.ledger.conn, text, limit)
    with session.ledger.tx() as tx:
        session.audit(tx, "subject.search", "query", text, purpose=why,
                      detail={"results": [s.id for s in found]})
    return found
